import type { ReviewState } from '../../../shared/review';
import type {
  Draft,
  DraftSummary,
  ReleaseBlocks,
  ReleaseMeta,
  RichNode,
} from '../../../shared/schemas';
import { api } from '../../api/client';
import { JournalThrottle } from '../recovery/journal-throttle';
import { isConflict, keepAsCopy } from '../sync/keep-copy';
import { SaveQueue, type SaveStatus } from './save-queue';

interface SessionCallbacks {
  onSaved: (summary: DraftSummary) => void;
  onStatus: (status: SaveStatus) => void;
  /** Another window had saved the release: its version was kept as this copy before ours saved. */
  onKeptCopy?: (copy: DraftSummary) => void;
}

/**
 * The session whose text each open release shows, by release id. Set when a session starts
 * and again whenever it changes (React's strict mode builds a second session it throws away;
 * the one kept is the one that changes), cleared when it ends.
 */
const live = new Map<string, DraftSession>();

/**
 * The headline and summary of an open release as they stand now, typed but perhaps not yet
 * saved: what a headline or summary suggestion is checked against before it is accepted.
 */
export const liveFields = (id: string): { headline: string; lead: string } | null => {
  const session = live.get(id);
  return session ? session.fields() : null;
};

/**
 * The open release's latest content and its autosave. Lives outside React state so that a
 * keystroke costs no re-render of the whole editor, and the body's JSON is built only when saved.
 */
export class DraftSession {
  private headline: string;
  private meta: ReleaseMeta;
  private blocks: ReleaseBlocks;
  private readBody: () => RichNode;
  /** The body as last read, until it changes: a journal entry and the save after it share it. */
  private bodyRead: RichNode | null = null;
  /** Sent only once review changed here, so a save never writes back a stale review. */
  private review: ReviewState | undefined;
  /** The stored revision this window's text builds on; a save from another base is refused. */
  private base: number;
  private readonly queue: SaveQueue;
  private readonly journal: JournalThrottle;

  constructor(
    private readonly draft: Draft,
    callbacks: SessionCallbacks,
  ) {
    this.headline = draft.headline;
    this.meta = draft.meta;
    this.blocks = draft.blocks;
    this.readBody = () => draft.body;
    this.base = draft.revision;
    live.set(draft.id, this);
    this.journal = new JournalThrottle(() => api['drafts:journal'](this.content()));
    this.queue = new SaveQueue({
      save: async () => {
        await this.journal.beforeSave();
        try {
          callbacks.onSaved(await this.saveKeepingBoth(callbacks));
        } finally {
          this.journal.afterSave();
        }
      },
      onStatus: callbacks.onStatus,
    });
  }

  setHeadline(headline: string): void {
    this.headline = headline;
    this.changed();
  }

  setMeta(meta: ReleaseMeta): void {
    this.meta = meta;
    this.changed();
  }

  setBlocks(blocks: ReleaseBlocks): void {
    this.blocks = blocks;
    this.changed();
  }

  setReview(review: ReviewState): void {
    this.review = review;
    this.changed();
  }

  setBodyReader(readBody: () => RichNode): void {
    this.readBody = readBody;
    this.bodyRead = null;
    this.changed();
  }

  fields(): { headline: string; lead: string } {
    return { headline: this.headline, lead: this.blocks.lead };
  }

  get revision(): number {
    return this.base;
  }

  get hasUnsavedChanges(): boolean {
    return this.queue.hasUnsavedChanges;
  }

  /** The release was saved here by other means (marking it ready): build on that revision. */
  acknowledge(summary: DraftSummary): void {
    if (summary.id === this.draft.id) this.base = Math.max(this.base, summary.revision);
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** The page is going away (reload, tab or window closed): send what is pending, fire and forget. */
  saveOnExit(): void {
    if (this.queue.hasUnsavedChanges) void this.save({ keepalive: true }).catch(() => undefined);
  }

  dispose(): void {
    if (live.get(this.draft.id) === this) live.delete(this.draft.id);
    void this.queue.flush().catch(() => undefined);
    this.queue.dispose();
    this.journal.dispose();
  }

  private changed(): void {
    live.set(this.draft.id, this);
    this.queue.changed();
    this.journal.changed();
  }

  private async save(options?: { keepalive?: boolean }): Promise<DraftSummary> {
    const summary = await api['drafts:save'](this.content(), options);
    this.base = summary.revision;
    return summary;
  }

  /**
   * Saves; when another window saved first, its version goes into the library as a copy (its
   * review with it) and this window's text is saved on top, so neither side's words are lost.
   */
  private async saveKeepingBoth(callbacks: SessionCallbacks): Promise<DraftSummary> {
    try {
      return await this.save();
    } catch (error) {
      if (!isConflict(error)) throw error;
      const theirs = await api['drafts:get']({ id: this.draft.id });
      const copy = await keepAsCopy(api, theirs);
      this.base = theirs.revision;
      callbacks.onKeptCopy?.(copy);
      return this.save();
    }
  }

  private content() {
    return {
      id: this.draft.id,
      headline: this.headline,
      body: (this.bodyRead ??= this.readBody()),
      meta: this.meta,
      blocks: this.blocks,
      ...(this.review ? { review: this.review } : {}),
      baseRevision: this.base,
      // Any edit means the release needs checking again before it goes out.
      status: 'draft' as const,
    };
  }
}
