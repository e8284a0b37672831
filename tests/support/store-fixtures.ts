import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import seedJson from '../../main/store/seed/taxonomies.json';
import {
  DraftSchema,
  emptyMeta,
  TaxonomiesSchema,
  type Draft,
  type RichNode,
  type Taxonomies,
} from '../../shared/schemas';

export const seed: Taxonomies = TaxonomiesSchema.parse(seedJson);

/** A real folder: lowdb's presets switch to memory under vitest, our store must not. */
export const makeTempDir = (prefix: string): Promise<string> =>
  fs.mkdtemp(path.join(os.tmpdir(), `newsroom-${prefix}-`));

/** A clock that ticks one minute per call, so "newest first" is never a tie. */
export const tickingClock = (start = Date.UTC(2025, 2, 14, 9, 0, 0)) => {
  let now = start;
  return () => new Date((now += 60_000));
};

export const paragraph = (text: string): RichNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** The pid of a process that has certainly exited. */
export const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (!child.pid) throw new Error('could not start a process to take its pid');
  return child.pid;
};

/** What a process killed while it held the store leaves behind. */
export const writeStaleLock = async (dir: string, pid = deadPid()): Promise<number> => {
  await fs.writeFile(
    path.join(dir, 'store.lock'),
    JSON.stringify({
      pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      holder: 'a crashed test process',
    }),
  );
  return pid;
};

/** A release of about `words` words, for the crash test and the benchmark. */
export const releaseBody = (words: number, seedText = 'release'): RichNode => {
  const vocabulary =
    `the mission ${seedText} supports elections in the region and trains local officials on media freedom while partners review progress`.split(
      ' ',
    );
  const paragraphs: RichNode[] = [];
  let written = 0;
  let n = 0;
  while (written < words) {
    const count = Math.min(80, words - written);
    const text = Array.from(
      { length: count },
      (_, i) => vocabulary[(n + i * 7) % vocabulary.length],
    ).join(' ');
    paragraphs.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: `${text} ` },
        { type: 'text', text: 'OSCE', marks: [{ type: 'bold' }] },
      ],
    });
    written += count;
    n += 1;
  }
  return { type: 'doc', content: paragraphs };
};

/** A valid draft; the schema's defaults fill whatever fields later versions add. */
export const makeDraft = (id: string, revision: number, body: RichNode, headline: string): Draft =>
  DraftSchema.parse({
    id,
    headline,
    body,
    meta: { ...emptyMeta(), contentTypeId: 'press-release', date: '2025-03-14' },
    status: 'draft',
    createdAt: '2025-03-14T09:00:00.000Z',
    updatedAt: new Date(Date.UTC(2025, 2, 14, 9, 0, 0) + revision * 1000).toISOString(),
    trashedAt: null,
    revision,
  });
