import type { StoreEvent } from '../../shared/schemas';

/**
 * What the store did on its own during this run (recoveries, quarantines, migrations), kept so
 * the window and the CLI can tell the user. In memory only: each run reports its own.
 */
export class StoreEvents {
  private readonly list: StoreEvent[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  add(event: Omit<StoreEvent, 'at'>): void {
    this.list.push({ ...event, at: this.clock().toISOString() });
  }

  all(): StoreEvent[] {
    return this.list.map((event) => ({ ...event }));
  }
}
