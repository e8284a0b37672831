import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStore } from '../../main/store/check';
import { ReleaseStore } from '../../main/store/release-store';
import { isIntact } from '../support/crash-drafts';
import { spawnStoreChild } from '../support/spawn-child';
import { makeTempDir, seed } from '../support/store-fixtures';

const KILLS = 50;

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('crash');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The newest revision of each release the child said was saved. */
const acknowledged = (output: string): Map<string, number> => {
  const acked = new Map<string, number>();
  for (const line of output.split('\n')) {
    const match = /^ack (\S+) (\d+) \d+$/.exec(line);
    if (match?.[1]) acked.set(match[1], Math.max(acked.get(match[1]) ?? -1, Number(match[2])));
  }
  return acked;
};

describe('a process killed while it saves', () => {
  it(`loses no acknowledged save over ${KILLS} SIGKILLs at random moments`, async () => {
    const everAcked = new Map<string, number>();
    let totalAcks = 0;
    for (let round = 0; round < KILLS; round += 1) {
      const saver = spawnStoreChild('save-loop', dir);
      await saver.ready;
      // Random moments: from the first save to well into the loop.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 120));
      saver.child.kill('SIGKILL');
      await saver.exited;

      const acked = acknowledged(saver.output());
      totalAcks += [...acked.values()].length;
      for (const [id, revision] of acked) {
        everAcked.set(id, Math.max(everAcked.get(id) ?? -1, revision));
      }

      // `check` first, on the store exactly as the kill left it: nothing may be a problem.
      const checked = await checkStore(dir);
      expect(checked.findings.filter((f) => f.level === 'problem')).toEqual([]);

      const store = await ReleaseStore.open({ dir, seed });
      try {
        const listed = new Map(store.listSummaries().map((s) => [s.id, s.revision]));
        for (const [id, revision] of everAcked) {
          const draft = await store.readDraft(id);
          expect(draft.revision, `release ${id} in round ${round}`).toBeGreaterThanOrEqual(
            revision,
          );
          expect(isIntact(draft), `release ${id} in round ${round} is intact`).toBe(true);
          expect(listed.get(id)).toBe(draft.revision);
        }
        expect(store.report().filter((e) => e.kind === 'lost-draft')).toEqual([]);
      } finally {
        await store.close();
      }
      expect((await checkStore(dir)).findings).toEqual([]);
    }
    // The kills must have landed mid-work, not before the first save.
    expect(totalAcks).toBeGreaterThan(KILLS);
  }, 120_000);
});
