import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ServiceError } from '../../shared/result';
import type { StoreEvent } from '../../shared/schemas';
import { TemplateSchema, type Template } from '../../shared/template-schema';
import { AtomicJsonFile, CorruptFileError, serializeJson } from './atomic-json-file';
import { backupTime, newestGoodBackup, takeBackup } from './backups';
import { readCatalogFile } from './catalog-files';
import { writeFileDurably } from './durable-write';
import { quarantine } from './quarantine';
import { ioReason } from './save-errors';
import { StoreEvents } from './store-events';
import { WriteGate } from './write-gate';

export const TEMPLATES_FILE = 'templates.json';
export const TemplateFileSchema = z.object({ templates: z.array(TemplateSchema) });
type TemplateFile = z.infer<typeof TemplateFileSchema>;

/** What had just happened when a backup could not be written, for the officer's report. */
const BACKUP_FAILED = {
  open: `The backup copy of ${TEMPLATES_FILE} could not be written`,
  save: 'The template was saved, but its backup copy could not be written',
  remove:
    'The template was removed, but the backup copy of the remaining ones could not be written',
} as const;
type BackupMoment = keyof typeof BACKUP_FAILED;

/**
 * The officers' own templates, in `templates.json` of the store (built-in ones ship with the
 * app). Every version is backed up like the other catalog files (`backups/templates/`, the last
 * 10 plus one a day for a week). A damaged file is replaced by its newest good backup; without
 * one it is moved aside and the store still opens, so a broken template file never keeps an
 * officer from the releases. A missing file comes back from its newest good backup; a store that
 * never had templates of its own has neither, and starts empty without a word.
 *
 * Writes run one at a time, in the order they were asked for, each working from the list the
 * previous one left: a failed write can only undo itself, never a later save.
 */
export class TemplateStore {
  /** The tail of the write queue; it never rejects, so one failure does not stop the next job. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly db: Low<TemplateFile>,
    private readonly events: StoreEvents,
    private readonly clock: () => Date,
    private readonly gate: WriteGate,
  ) {}

  /**
   * `events` and `gate` are the release store's when the services open both: one report, one
   * stream of repairs to the windows, one answer to whether the store may be written.
   */
  static async open(
    storeDir: string,
    clock: () => Date = () => new Date(),
    events: StoreEvents = new StoreEvents(clock),
    gate: WriteGate = new WriteGate(),
  ): Promise<TemplateStore> {
    let found: TemplateFile | null = null;
    try {
      found = await readCatalogFile(
        storeDir,
        TEMPLATES_FILE,
        TemplateFileSchema,
        events,
        clock(),
        gate,
      );
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const keptAs = gate.readOnly ? undefined : await quarantine(error, clock());
      events.add({
        kind: 'damaged-file',
        message: `${TEMPLATES_FILE} was damaged (${error.reason}) and has no backup.${keptAs ? ` It is kept as ${path.basename(keptAs)};` : ''} your own templates are missing until it is repaired. The built-in templates work as usual.`,
        file: error.path,
        keptAs,
      });
    }
    const file = new AtomicJsonFile(path.join(storeDir, TEMPLATES_FILE), TemplateFileSchema);
    if (!found && !gate.readOnly) {
      found = await TemplateStore.restoreMissing(storeDir, file.filePath, events);
    }
    const db = new Low<TemplateFile>(file, { templates: [] });
    if (found) db.data = found;
    const store = new TemplateStore(storeDir, db, events, clock, gate);
    if (found && !gate.readOnly) await store.backUp('open');
    return store;
  }

  /**
   * `templates.json` is not there (readCatalogFile has already dealt with a damaged one): put
   * its newest good backup back, if there is one. A damaged file that could not be restored was
   * moved aside and already reported, and has no good backup either, so nothing is said twice.
   */
  private static async restoreMissing(
    storeDir: string,
    filePath: string,
    events: StoreEvents,
  ): Promise<TemplateFile | null> {
    const backup = await newestGoodBackup(storeDir, 'templates', TemplateFileSchema);
    if (!backup) return null;
    await writeFileDurably(filePath, backup.text);
    events.add({
      kind: 'restored-file',
      message: `${TEMPLATES_FILE} was missing; your own templates were restored from the backup of ${backupTime(backup.file)}.`,
      file: filePath,
    });
    return backup.data;
  }

  /** What opening the templates had to repair, for the window's store report. */
  report(): StoreEvent[] {
    return this.events.all();
  }

  list(): Template[] {
    return structuredClone(this.db.data.templates);
  }

  /** Adds or replaces a template by id; the write is atomic and durable. */
  put(template: Template): Promise<void> {
    return this.enqueue(async () => {
      const others = this.db.data.templates.filter((t) => t.id !== template.id);
      await this.replace([...others, template], 'save');
    });
  }

  remove(id: string): Promise<boolean> {
    return this.enqueue(async () => {
      const kept = this.db.data.templates.filter((t) => t.id !== id);
      if (kept.length === this.db.data.templates.length) return false;
      await this.replace(kept, 'remove');
      return true;
    });
  }

  /**
   * Runs `job` once every write asked for before it has finished (or failed). Jobs read the
   * current list when they run, not when they are queued.
   */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async replace(templates: Template[], moment: BackupMoment): Promise<void> {
    this.gate.assertWritable('your templates');
    const previous = this.db.data;
    this.db.data = { templates };
    try {
      await this.db.write();
    } catch (error) {
      // The file still holds the previous list: keep memory in step with it.
      this.db.data = previous;
      throw error instanceof ServiceError
        ? error
        : new ServiceError(
            'IO_ERROR',
            `Could not save your templates (${TEMPLATES_FILE}): ${ioReason(error)}. The templates saved before are intact.`,
          );
    }
    await this.backUp(moment);
  }

  /**
   * A copy of what is on disk now. The template itself is already saved when this runs, so a
   * failed backup (a full disk) is reported, not thrown: the officer's action did succeed.
   */
  private async backUp(moment: BackupMoment): Promise<void> {
    try {
      await takeBackup(this.dir, 'templates', serializeJson(this.db.data), this.clock());
    } catch (error) {
      this.events.add({
        kind: 'backup-failed',
        message: `${BACKUP_FAILED[moment]}: ${ioReason(error)}.`,
        file: path.join(this.dir, TEMPLATES_FILE),
      });
    }
  }
}
