import type { Draft, DraftSummary, ReleaseMeta, RichNode } from '../../../shared/schemas';
import { api } from '../../api/client';
import { SaveQueue, type SaveStatus } from './save-queue';

interface SessionCallbacks {
  onSaved: (summary: DraftSummary) => void;
  onStatus: (status: SaveStatus) => void;
}

/**
 * The open release's latest content and its autosave. Lives outside React state so that a
 * keystroke costs no re-render of the whole editor, and the body's JSON is built only when saved.
 */
export class DraftSession {
  private headline: string;
  private meta: ReleaseMeta;
  private readBody: () => RichNode;
  private readonly queue: SaveQueue;

  constructor(
    private readonly draft: Draft,
    callbacks: SessionCallbacks,
  ) {
    this.headline = draft.headline;
    this.meta = draft.meta;
    this.readBody = () => draft.body;
    this.queue = new SaveQueue({
      save: async () => callbacks.onSaved(await this.save()),
      onStatus: callbacks.onStatus,
    });
  }

  setHeadline(headline: string): void {
    this.headline = headline;
    this.queue.changed();
  }

  setMeta(meta: ReleaseMeta): void {
    this.meta = meta;
    this.queue.changed();
  }

  setBodyReader(readBody: () => RichNode): void {
    this.readBody = readBody;
    this.queue.changed();
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** The page is going away (reload, tab or window closed): send what is pending, fire and forget. */
  saveOnExit(): void {
    if (this.queue.hasUnsavedChanges) void this.save({ keepalive: true }).catch(() => undefined);
  }

  dispose(): void {
    void this.queue.flush().catch(() => undefined);
    this.queue.dispose();
  }

  private save(options?: { keepalive?: boolean }): Promise<DraftSummary> {
    return api['drafts:save'](
      {
        id: this.draft.id,
        headline: this.headline,
        body: this.readBody(),
        meta: this.meta,
        status: this.draft.status,
      },
      options,
    );
  }
}
