import fs from 'node:fs/promises';
import path from 'node:path';
import {
  DraftSchema,
  DraftSummarySchema,
  type Draft,
  type DraftSummary,
} from '../../shared/schemas';
import { parseJsonText, serializeJson } from './atomic-json-file';
import { errorCode, writeFileDurably } from './durable-write';
import { fileStamp } from './quarantine';

/** A draft that keeps changing gets a revision snapshot at most this often… */
export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;
/** Snapshots kept per draft; older ones are pruned when a new one is taken. */
export const SNAPSHOTS_KEPT = 30;

const SNAPSHOT_NAME = /^[\dT-]+Z-r\d+\.json$/;
/** …and every save leaves a copy of itself here, so a damaged file comes back as last saved. */
export const LATEST_COPY = 'latest.json';

/** What the library knew of a release marked damaged, kept beside its copies (see keepDamaged). */
export const DAMAGED_MARK = 'damaged.json';

export interface DraftCopy {
  draft: Draft;
  file: string;
}

/**
 * Revision snapshots of drafts (`revisions/<id>/<time>-r<revision>.json`) and a copy of each
 * draft as last saved (`revisions/<id>/latest.json`): what a damaged draft file is restored
 * from. Copies, not hard links, so damage done to the draft file in place cannot reach them.
 * Not fsynced: the draft file itself is the durable copy, and these only guard it against
 * damage done to it later.
 */
export class RevisionSnapshots {
  private readonly lastTaken = new Map<string, { at: number; hadText: boolean }>();
  private readonly made = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly intervalMs: number = SNAPSHOT_INTERVAL_MS,
  ) {}

  /**
   * Keeps `text` as the draft's latest copy, and takes a snapshot unless this draft had one
   * within the interval. The first save with any text always gets one: otherwise the only
   * snapshot of a release written within five minutes of its creation is the blank one.
   */
  async afterSave(id: string, revision: number, text: string, hasText: boolean, now: Date) {
    const folder = await this.folder(id);
    // Written in place: the draft file is the durable copy, and a copy torn by a crash only
    // means the journal or a snapshot is used should the draft file later be damaged too.
    await fs.writeFile(path.join(folder, LATEST_COPY), text, 'utf8');
    const last = this.lastTaken.get(id);
    const due = !last || now.getTime() - last.at >= this.intervalMs || (hasText && !last.hadText);
    if (!due) return;
    this.lastTaken.set(id, { at: now.getTime(), hadText: hasText });
    await fs.writeFile(path.join(folder, `${fileStamp(now)}-r${revision}.json`), text, 'utf8');
    const names = await this.list(id);
    for (const name of names.slice(0, Math.max(0, names.length - SNAPSHOTS_KEPT))) {
      await fs.rm(path.join(folder, name), { force: true });
    }
  }

  /**
   * Records a release marked damaged with the summary the library had of it, durably: should
   * the library index be lost as well, the rebuilt one still lists it as damaged, and still
   * knows which revision was last saved, so no older copy is taken for it.
   */
  async keepDamaged(id: string, summary: DraftSummary): Promise<void> {
    await writeFileDurably(path.join(await this.folder(id), DAMAGED_MARK), serializeJson(summary));
  }

  async damaged(id: string): Promise<DraftSummary | null> {
    const file = path.join(this.root, id, DAMAGED_MARK);
    try {
      const summary = parseJsonText(file, await fs.readFile(file, 'utf8'), DraftSummarySchema);
      return summary.id === id ? summary : null;
    } catch {
      return null;
    }
  }

  async clearDamaged(id: string): Promise<void> {
    await fs.rm(path.join(this.root, id, DAMAGED_MARK), { force: true });
  }

  /** The draft as last saved, if its copy is there and sound. */
  async latest(id: string): Promise<DraftCopy | null> {
    return this.readCopy(id, path.join(this.root, id, LATEST_COPY));
  }

  /** The newest snapshot that parses and holds this draft. */
  async newestGood(id: string): Promise<DraftCopy | null> {
    const names = await this.list(id);
    for (const name of names.reverse()) {
      const found = await this.readCopy(id, path.join(this.root, id, name));
      // A damaged snapshot is skipped; an older one may still be good.
      if (found) return found;
    }
    return null;
  }

  private async readCopy(id: string, file: string): Promise<DraftCopy | null> {
    try {
      const draft = parseJsonText(file, await fs.readFile(file, 'utf8'), DraftSchema);
      return draft.id === id ? { draft, file } : null;
    } catch {
      return null;
    }
  }

  private async folder(id: string): Promise<string> {
    const folder = path.join(this.root, id);
    if (!this.made.has(id)) {
      await fs.mkdir(folder, { recursive: true });
      this.made.add(id);
    }
    return folder;
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
