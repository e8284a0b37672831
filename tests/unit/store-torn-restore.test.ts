import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type OpenedServices } from '../../main/services';
import type { Publish } from '../../main/services/event-bus';
import type { EventMessage } from '../../shared/contract';
import type { Draft } from '../../shared/schemas';
import { makeTempDir, releaseBody, writeStaleLock } from '../support/store-fixtures';

/**
 * A release file damaged while the store was closed comes back as it was last saved, never as
 * an older or blank version, and the window hears of it the moment it happens.
 */
let dir: string;
let heard: EventMessage[];
let services: OpenedServices | null = null;

/** Every save within one minute: no five-minute snapshot falls between them. */
const clock = () => new Date('2026-11-27T10:00:00.000Z');

const publish: Publish = (event, payload) => {
  // The name decides the payload's type, which the generic signature cannot say of a pair.
  heard.push({ event, payload, origin: null } as EventMessage);
};
const open = async (): Promise<OpenedServices> => {
  services = await openServices({ storeDir: dir, clock, publish });
  return services;
};
const close = async (): Promise<void> => {
  await services?.close();
  services = null;
};

beforeEach(async () => {
  dir = await makeTempDir('torn');
  heard = [];
});
afterEach(async () => {
  await close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A release saved twice with about 2 KB of text, then the store closed. */
const savedRelease = async (): Promise<Draft> => {
  const { drafts } = await open();
  const created = await drafts.create();
  for (const headline of ['Mission opens office in Osh', 'Mission opens its office in Osh']) {
    await drafts.save({
      id: created.id,
      headline,
      body: releaseBody(300, headline),
      meta: created.meta,
      status: 'draft',
    });
  }
  const saved = await drafts.get(created.id);
  expect(JSON.stringify(saved.body).length).toBeGreaterThan(2000);
  await close();
  return saved;
};

const draftFile = (id: string) => path.join(dir, 'drafts', `${id}.json`);

/** Cuts `bytes` off the end of a file, as a torn write or a careless copy does. */
const cutEnd = async (file: string, bytes: number): Promise<void> => {
  const { size } = await fs.stat(file);
  await fs.truncate(file, size - bytes);
};

const repairsHeard = () =>
  heard.flatMap((message) => (message.event === 'store:repaired' ? message.payload.events : []));

describe('a torn release file', () => {
  it('comes back as last saved, and the window is told at that moment', async () => {
    const saved = await savedRelease();
    await cutEnd(draftFile(saved.id), 3);

    const { drafts, storeReport } = await open();
    heard = [];
    const reopened = await drafts.get(saved.id);
    expect(reopened).toEqual(saved);
    expect(reopened.headline).toBe('Mission opens its office in Osh');

    // Told as it happened, not only in a report read at start.
    expect(repairsHeard()).toEqual([
      expect.objectContaining({
        kind: 'restored-draft',
        draftId: saved.id,
        message: expect.stringMatching(/damaged .* restored from the copy kept at its last save/),
      }),
    ]);
    expect(heard).toContainEqual({
      origin: null,
      event: 'release:saved',
      payload: { summary: expect.objectContaining({ id: saved.id, revision: saved.revision }) },
    });
    expect(storeReport().events.map((event) => event.kind)).toEqual(['restored-draft']);

    // On disk again as it was, and the torn copy kept for rescue.
    const onDisk: unknown = JSON.parse(await fs.readFile(draftFile(saved.id), 'utf8'));
    expect(onDisk).toEqual(saved);
    const aside = (await fs.readdir(path.join(dir, 'drafts'))).filter((n) =>
      n.startsWith(`${saved.id}.json.corrupt-`),
    );
    expect(aside).toHaveLength(1);
  });

  it('takes the first save with text as a snapshot, so even without the last copy the text survives', async () => {
    const { drafts } = await open();
    const created = await drafts.create();
    await drafts.save({
      id: created.id,
      headline: 'First words',
      body: releaseBody(50),
      meta: created.meta,
      status: 'draft',
    });
    const saved = await drafts.get(created.id);
    await close();
    const revisions = await fs.readdir(path.join(dir, 'revisions', created.id));
    expect(revisions.filter((name) => /-r1\.json$/.test(name))).toHaveLength(1);

    await fs.rm(path.join(dir, 'revisions', created.id, 'latest.json'));
    await cutEnd(draftFile(created.id), 3);
    const reopened = await open();
    expect(await reopened.drafts.get(created.id)).toEqual(saved);
  });

  it('comes back with its journaled unsaved changes when the store crashed', async () => {
    const saved = await savedRelease();
    const { drafts } = await open();
    const update = {
      id: saved.id,
      headline: 'Mission opens its new office in Osh',
      body: releaseBody(320, 'journal'),
      meta: saved.meta,
      status: 'draft' as const,
    };
    await drafts.journal(update);
    services = null; // Killed: no close, the lock stays.
    await writeStaleLock(dir);
    await cutEnd(draftFile(saved.id), 3);

    const reopened = await open();
    const recovered = await reopened.drafts.get(saved.id);
    expect(recovered).toMatchObject({ headline: update.headline, body: update.body });
    expect(recovered.revision).toBeGreaterThan(saved.revision);
  });
});

describe('a damaged release with no good copy', () => {
  it('stays listed, marked damaged and naming its file, and is never restored blank or older', async () => {
    const saved = await savedRelease();
    // Only the blank snapshot taken at creation is left: older than what was saved.
    const folder = path.join(dir, 'revisions', saved.id);
    for (const name of await fs.readdir(folder)) {
      if (!name.endsWith('-r0.json')) await fs.rm(path.join(folder, name));
    }
    await cutEnd(draftFile(saved.id), 3);

    const { drafts } = await open();
    await expect(drafts.get(saved.id)).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message: expect.stringContaining('no good copy of its last saved version'),
    });
    const [listed] = drafts.list('active');
    expect(listed).toMatchObject({
      id: saved.id,
      headline: saved.headline,
      revision: saved.revision,
      damaged: { keptAs: expect.stringContaining(`${saved.id}.json.corrupt-`) },
    });
    const keptAs = listed?.damaged?.keptAs ?? '';
    expect((await fs.readFile(keptAs, 'utf8')).length).toBeGreaterThan(2000);
    expect(repairsHeard()).toEqual([
      expect.objectContaining({
        kind: 'lost-draft',
        keptAs,
        message: expect.stringMatching(/marked damaged.*An older version \(revision 0/),
      }),
    ]);
    // Nothing blank took its place.
    await expect(fs.access(draftFile(saved.id))).rejects.toThrow();
    await close();

    // Still listed after a clean reopen, after a crash, and after the library index is lost.
    const check = async () => {
      const again = await open();
      expect(again.drafts.list('active')).toEqual([
        expect.objectContaining({ id: saved.id, damaged: expect.objectContaining({}) }),
      ]);
      await close();
    };
    await check();
    await writeStaleLock(dir);
    await check();
    await fs.rm(path.join(dir, 'library.json'));
    await check();
  });

  it('found by the scan after a crash, before anyone opens it, stays listed too', async () => {
    const saved = await savedRelease();
    await fs.rm(path.join(dir, 'revisions'), { recursive: true });
    await cutEnd(draftFile(saved.id), 3);
    await writeStaleLock(dir);
    const { drafts, storeReport } = await open();
    expect(drafts.list('active')).toEqual([
      expect.objectContaining({
        id: saved.id,
        headline: saved.headline,
        damaged: expect.anything(),
      }),
    ]);
    expect(storeReport().events.map((event) => event.kind)).toEqual(['stale-lock', 'lost-draft']);
  });
});
