import fs from 'node:fs/promises';
import path from 'node:path';
import { DraftSchema, type Draft } from '../../shared/schemas';
import { parseJsonText } from './atomic-json-file';
import { errorCode } from './durable-write';
import { fileStamp } from './quarantine';

/** A draft that keeps changing gets a revision snapshot at most this often. */
export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;
/** Snapshots kept per draft; older ones are pruned when a new one is taken. */
export const SNAPSHOTS_KEPT = 30;

const SNAPSHOT_NAME = /^[\dT-]+Z-r\d+\.json$/;

/**
 * Revision snapshots of drafts (`revisions/<id>/<time>-r<revision>.json`): the last good copy a
 * damaged draft file is restored from. Copies, not hard links, so damage done to the draft file
 * in place cannot reach them. Not fsynced: the draft file itself is the durable copy.
 */
export class RevisionSnapshots {
  private readonly lastTaken = new Map<string, number>();

  constructor(
    private readonly root: string,
    private readonly intervalMs: number = SNAPSHOT_INTERVAL_MS,
  ) {}

  /** Takes a snapshot of `text` unless this draft had one within the interval. */
  async maybeTake(id: string, revision: number, text: string, now: Date): Promise<void> {
    const last = this.lastTaken.get(id);
    if (last !== undefined && now.getTime() - last < this.intervalMs) return;
    this.lastTaken.set(id, now.getTime());
    const folder = path.join(this.root, id);
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, `${fileStamp(now)}-r${revision}.json`), text, 'utf8');
    const names = await this.list(id);
    for (const name of names.slice(0, Math.max(0, names.length - SNAPSHOTS_KEPT))) {
      await fs.rm(path.join(folder, name), { force: true });
    }
  }

  /** The newest snapshot that parses and holds this draft, newest first. */
  async newestGood(id: string): Promise<{ draft: Draft; file: string } | null> {
    const names = await this.list(id);
    for (const name of names.reverse()) {
      const file = path.join(this.root, id, name);
      try {
        const draft = parseJsonText(file, await fs.readFile(file, 'utf8'), DraftSchema);
        if (draft.id === id) return { draft, file };
      } catch {
        // A damaged snapshot is skipped; an older one may still be good.
      }
    }
    return null;
  }

  private async list(id: string): Promise<string[]> {
    try {
      const names = (await fs.readdir(path.join(this.root, id))).filter((n) =>
        SNAPSHOT_NAME.test(n),
      );
      // Same-second snapshots sort by revision, not by the digits' text.
      return names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  }
}
