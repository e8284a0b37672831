import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { StoreEvent } from '../../shared/schemas';
import { TemplateSchema, type Template } from '../../shared/template-schema';
import { AtomicJsonFile, CorruptFileError, serializeJson } from './atomic-json-file';
import { takeBackup } from './backups';
import { readCatalogFile } from './catalog-files';
import { describeError } from './durable-write';
import { quarantine } from './quarantine';
import { StoreEvents } from './store-events';

export const TEMPLATES_FILE = 'templates.json';
export const TemplateFileSchema = z.object({ templates: z.array(TemplateSchema) });
type TemplateFile = z.infer<typeof TemplateFileSchema>;

/**
 * The officers' own templates, in `templates.json` of the store (built-in ones ship with the
 * app). Every version is backed up like the other catalog files (`backups/templates/`, the last
 * 10 plus one a day for a week). A damaged file is replaced by its newest good backup; without
 * one it is moved aside and the store still opens, so a broken template file never keeps an
 * officer from the releases.
 */
export class TemplateStore {
  private constructor(
    private readonly dir: string,
    private readonly db: Low<TemplateFile>,
    private readonly events: StoreEvents,
    private readonly clock: () => Date,
  ) {}

  static async open(
    storeDir: string,
    clock: () => Date = () => new Date(),
  ): Promise<TemplateStore> {
    const events = new StoreEvents(clock);
    let found: TemplateFile | null = null;
    try {
      found = await readCatalogFile(storeDir, TEMPLATES_FILE, TemplateFileSchema, events, clock());
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const keptAs = await quarantine(error, clock());
      events.add({
        kind: 'damaged-file',
        message: `${TEMPLATES_FILE} was damaged (${error.reason}) and has no backup. It is kept as ${path.basename(keptAs)}; your own templates are missing until it is repaired. The built-in templates work as usual.`,
        file: error.path,
        keptAs,
      });
    }
    const file = new AtomicJsonFile(path.join(storeDir, TEMPLATES_FILE), TemplateFileSchema);
    const db = new Low<TemplateFile>(file, { templates: [] });
    if (found) db.data = found;
    const store = new TemplateStore(storeDir, db, events, clock);
    if (found) await store.backUp();
    return store;
  }

  /** What opening the templates had to repair, for the window's store report. */
  report(): StoreEvent[] {
    return this.events.all();
  }

  list(): Template[] {
    return structuredClone(this.db.data.templates);
  }

  /** Adds or replaces a template by id; the write is atomic and durable. */
  async put(template: Template): Promise<void> {
    const others = this.db.data.templates.filter((t) => t.id !== template.id);
    await this.replace([...others, template]);
  }

  async remove(id: string): Promise<boolean> {
    const kept = this.db.data.templates.filter((t) => t.id !== id);
    if (kept.length === this.db.data.templates.length) return false;
    await this.replace(kept);
    return true;
  }

  private async replace(templates: Template[]): Promise<void> {
    const previous = this.db.data;
    this.db.data = { templates };
    try {
      await this.db.write();
    } catch (error) {
      // The file still holds the previous list: keep memory in step with it.
      this.db.data = previous;
      throw error;
    }
    await this.backUp();
  }

  /**
   * A copy of what is on disk now. The template itself is already saved when this runs, so a
   * failed backup (a full disk) is reported, not thrown: the officer's action did succeed.
   */
  private async backUp(): Promise<void> {
    try {
      await takeBackup(this.dir, 'templates', serializeJson(this.db.data), this.clock());
    } catch (error) {
      this.events.add({
        kind: 'damaged-file',
        message: `${TEMPLATES_FILE} is saved, but its backup copy could not be written: ${describeError(error)}.`,
        file: path.join(this.dir, TEMPLATES_FILE),
      });
    }
  }
}
