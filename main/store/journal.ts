import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DraftSchema, TimestampSchema } from '../../shared/schemas';
import { AtomicJsonFile } from './atomic-json-file';
import { errorCode } from './durable-write';

/**
 * What the window held of a draft that was not saved yet, written about once a second while the
 * officer types. `baseRevision` is the saved revision it builds on: if the draft has moved past
 * it, a later save already holds newer text and the journal is stale.
 */
export const JournalEntrySchema = z.object({
  baseRevision: z.number().int().nonnegative(),
  journaledAt: TimestampSchema,
  draft: DraftSchema,
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

const JOURNAL_FILE = /^(.+)\.json$/;

/** The recovery journal: `journal/<id>.json`, one small file per draft with unsaved edits. */
export class RecoveryJournal {
  /** Drafts that may have a journal file, so a save only deletes what exists. */
  private readonly present = new Set<string>();
  private made = false;

  constructor(readonly dir: string) {}

  file(id: string): AtomicJsonFile<JournalEntry> {
    return new AtomicJsonFile(path.join(this.dir, `${id}.json`), JournalEntrySchema);
  }

  async write(entry: JournalEntry): Promise<void> {
    if (!this.made) {
      await fs.mkdir(this.dir, { recursive: true });
      this.made = true;
    }
    await this.file(entry.draft.id).write(entry);
    this.present.add(entry.draft.id);
  }

  /**
   * A save supersedes the journal. Not fsynced: should the deletion be lost, the entry's
   * baseRevision marks it stale on the next start.
   */
  async discard(id: string): Promise<void> {
    if (!this.present.delete(id)) return;
    await fs.rm(path.join(this.dir, `${id}.json`), { force: true });
  }

  /** Ids with a journal file on disk, for recovery at open. */
  async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const ids = names.flatMap((name) => JOURNAL_FILE.exec(name)?.[1] ?? []);
    for (const id of ids) this.present.add(id);
    return ids;
  }
}
