import type { StoreEvent } from '../../shared/schemas';
import type { RepairLog } from './repair-log';

type Listener = (event: StoreEvent) => void;

/**
 * What the store did on its own during this run (recoveries, quarantines, migrations), kept so
 * the window and the CLI can tell the user. Listeners hear of each one the moment it happens
 * (the services publish it as `store:repaired`); with a repair log, each is also kept in the
 * store until a window has shown it, so a repair made by the CLI reaches the app.
 */
export class StoreEvents {
  private readonly list: StoreEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private earlierRuns: StoreEvent[] = [];
  private log: RepairLog | null = null;
  /** A window has read the report: what happens from now on is published to it as it happens. */
  private told = false;

  constructor(
    private readonly clock: () => Date = () => new Date(),
    /** Who has the store open, stamped on each event (`newsroom (the command-line tool)`…). */
    private readonly by?: string,
  ) {}

  /** Keeps events in the store's repair log from now on, and reads what earlier runs left there. */
  async keepIn(log: RepairLog): Promise<void> {
    this.log = log;
    const loaded = await log.load(this.clock());
    this.earlierRuns = loaded.earlier;
    for (const event of this.list) log.add(event);
    if (loaded.damaged) {
      this.add({
        kind: 'damaged-file',
        message:
          `The list of repairs not yet shown (${loaded.damaged.path}) was damaged (${loaded.damaged.reason}); repairs made before this run may not be listed. ${loaded.keptAs ? `The damaged file is kept as ${loaded.keptAs}.` : ''}`.trim(),
        file: loaded.damaged.path,
        keptAs: loaded.keptAs,
      });
    }
  }

  add(event: Omit<StoreEvent, 'at'>): StoreEvent {
    const stamped: StoreEvent = {
      ...event,
      at: this.clock().toISOString(),
      ...(this.by ? { by: this.by } : {}),
    };
    this.list.push(stamped);
    if (!this.told) this.log?.add(stamped);
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...stamped });
      } catch {
        // A listener that fails (a closed window) must not undo or hide the repair.
      }
    }
    return stamped;
  }

  /** This run's events. */
  all(): StoreEvent[] {
    return this.list.map((event) => ({ ...event }));
  }

  /** Repairs of earlier runs that nobody has been shown yet. */
  earlier(): StoreEvent[] {
    return this.earlierRuns.map((event) => ({ ...event }));
  }

  /** Told of every event from now on; answers the unsubscribe. */
  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A window has shown the report: the log is cleared, and later events, which reach the
   * window as they happen, are not kept for the next run.
   */
  markSeen(): void {
    this.told = true;
    this.log?.markSeen();
  }

  flush(): Promise<void> {
    return this.log?.flush() ?? Promise.resolve();
  }
}
