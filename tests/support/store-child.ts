/**
 * A separate process that uses a store, for the lock and crash tests:
 *   hold DIR        opens the store, prints "ready", and keeps it open until killed
 *   save-loop DIR   opens the store and saves releases as fast as it can, printing
 *                   "ack <id> <revision>" only after each save resolved (i.e. is durable)
 */
import { createHash } from 'node:crypto';
import { ReleaseStore } from '../../main/store/release-store';
import { releaseText, crashDraft } from './crash-drafts';
import { seed } from './store-fixtures';

const [mode, dir] = process.argv.slice(2);
if (!mode || !dir) throw new Error('usage: store-child hold|save-loop DIR');

const main = async (): Promise<void> => {
  const store = await ReleaseStore.open({ dir, seed, holder: `store-child ${mode}` });
  process.stdout.write('ready\n');
  if (mode === 'hold') {
    setInterval(() => undefined, 60_000);
    return;
  }
  // Continue from what a previous (killed) child left: revisions only ever go up.
  const revisions = new Map(store.listSummaries().map((s) => [s.id, s.revision]));
  for (let n = 0; ; n += 1) {
    // Mostly edits of a few releases, sometimes a new one, sometimes unsaved edits journaled.
    const id =
      n % 7 === 0 || revisions.size < 3
        ? `crash-${createHash('sha1').update(`${process.pid}-${n}`).digest('hex').slice(0, 12)}`
        : ([...revisions.keys()][n % revisions.size] ?? 'crash-missing');
    const revision = (revisions.get(id) ?? -1) + 1;
    if (n % 5 === 4 && revisions.has(id)) {
      await store.journalDraft(id, () => crashDraft(id, revision));
      continue;
    }
    await store.writeDraft(crashDraft(id, revision));
    revisions.set(id, revision);
    process.stdout.write(`ack ${id} ${revision} ${releaseText(id, revision).length}\n`);
  }
};

void main();
