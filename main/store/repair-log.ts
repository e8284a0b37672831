import path from 'node:path';
import { z } from 'zod';
import { StoreEventSchema, type StoreEvent } from '../../shared/schemas';
import { AtomicJsonFile, CorruptFileError } from './atomic-json-file';
import { quarantine } from './quarantine';

export const REPAIRS_FILE = 'repairs.json';

const RepairsFileSchema = z.object({ unseen: z.array(StoreEventSchema) });

/** Enough to tell what happened; a store that repairs more than this between two opens says so. */
const KEPT = 200;

/**
 * `repairs.json`: what the store repaired that nobody has been told of yet (a `newsroom list`
 * that restored a catalog file, an app that closed before its window read the report). The app
 * shows these once, then marks them seen. Written durably, one write at a time; a write that
 * fails (a full disk) loses only the notice, never the repair.
 */
export class RepairLog {
  private readonly file: AtomicJsonFile<z.infer<typeof RepairsFileSchema>>;
  private unseen: StoreEvent[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    dir: string,
    /** A read-only store (a full disk) shows what is there and writes nothing. */
    private readonly readOnly = false,
  ) {
    this.file = new AtomicJsonFile(path.join(dir, REPAIRS_FILE), RepairsFileSchema);
  }

  /**
   * Reads what earlier runs left unseen. A damaged file is set aside: what it says is lost as
   * a notice, and the caller reports that instead.
   */
  async load(
    now: Date,
  ): Promise<{ earlier: StoreEvent[]; damaged: CorruptFileError | null; keptAs?: string }> {
    try {
      this.unseen = (await this.file.read())?.unseen ?? [];
      return {
        earlier: this.unseen.map((event) => ({ ...event, earlierRun: true })),
        damaged: null,
      };
    } catch (error) {
      if (!(error instanceof CorruptFileError)) return { earlier: [], damaged: null };
      if (this.readOnly) return { earlier: [], damaged: error };
      const keptAs = await quarantine(error, now).catch(() => undefined);
      return { earlier: [], damaged: error, keptAs };
    }
  }

  add(event: StoreEvent): void {
    this.unseen = [...this.unseen, event].slice(-KEPT);
    this.write();
  }

  /** Everything so far has been shown. */
  markSeen(): void {
    if (this.unseen.length === 0) return;
    this.unseen = [];
    this.write();
  }

  /** Resolves once every write asked for so far is on disk (or has failed). */
  flush(): Promise<void> {
    return this.chain;
  }

  private write(): void {
    if (this.readOnly) return;
    const unseen = this.unseen;
    this.chain = this.chain.then(() => this.file.write({ unseen })).catch(() => undefined);
  }
}
