import type { Editor } from '@tiptap/core';
import {
  emptyReview,
  newReviewId,
  type ReviewState,
  type SuggestionInBody,
  type SuggestionMeta,
  type Thread,
} from '../../../shared/review';
import type { SuggestionAuthors } from './suggest-mode';

/** What the panel shows besides the review itself. */
export interface ReviewUi {
  activeThreadId: string | null;
  showResolved: boolean;
  suggesting: boolean;
  /** A thread being started: anchored already, waiting for its first comment. */
  pending: { threadId: string; quote: string } | null;
  panelOpen: boolean;
}

export interface ReviewSnapshot {
  review: ReviewState;
  ui: ReviewUi;
}

const now = () => new Date().toISOString();
/** Who wrote a suggestion that arrived without a name (an older file): never left blank. */
export const UNKNOWN_AUTHOR = 'Unknown reviewer';

/**
 * The open release's threads and suggestions, and the panel's state. One per open release;
 * React reads it through useSyncExternalStore, the body's extensions through its methods.
 * Changes reach the save through `onChange`, never per keystroke: a suggestion is claimed
 * once when it appears, and its text and kind are brought up to date when the body is read
 * for the counts (a beat after typing), not on every transaction.
 */
export class ReviewModel implements SuggestionAuthors {
  private snapshot: ReviewSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Metas taken out by a decision or an undo, so an undo brings them back with their author. */
  private readonly graveyard = new Map<string, SuggestionMeta>();
  /** Suggestions begun in this window: when their own author removes them, they simply go. */
  private readonly mintedHere = new Set<string>();
  private owners = new Map<string, string>();
  editor: Editor | null = null;
  author: string | null = null;

  constructor(
    review: ReviewState | undefined,
    private readonly onChange: (review: ReviewState) => void,
  ) {
    const initial = review ?? emptyReview();
    this.snapshot = {
      review: initial,
      ui: {
        activeThreadId: null,
        showResolved: false,
        suggesting: false,
        pending: null,
        // A release that has something to review opens with its panel showing.
        panelOpen: initial.threads.some((t) => !t.resolved) || initial.suggestions.length > 0,
      },
    };
    this.indexOwners(initial.suggestions);
  }

  /** The officer's name from Preferences: the author of what they write from now on. */
  setAuthor(name: string): void {
    this.author = name;
  }

  attach(editor: Editor | null): void {
    this.editor = editor;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReviewSnapshot => this.snapshot;

  get review(): ReviewState {
    return this.snapshot.review;
  }

  current = (): string => this.author ?? UNKNOWN_AUTHOR;

  ownerOf = (id: string): string | null =>
    this.owners.get(id) ?? this.graveyard.get(id)?.author ?? null;

  claim = (id: string, author: string): void => {
    if (this.owners.has(id)) return;
    this.mintedHere.add(id);
    this.setSuggestions([
      ...this.review.suggestions,
      { id, author, at: now(), field: 'body', kind: 'insert', text: '', previous: null },
    ]);
  };

  setUi(patch: Partial<ReviewUi>): void {
    this.snapshot = { ...this.snapshot, ui: { ...this.snapshot.ui, ...patch } };
    this.emit();
  }

  // Threads

  addThread(threadId: string, quote: string, author: string, text: string): void {
    const at = now();
    const thread: Thread = {
      id: threadId,
      quote,
      author,
      createdAt: at,
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      comments: [{ id: newReviewId('c'), author, at, text }],
    };
    this.setThreads([...this.review.threads, thread], { pending: null, activeThreadId: threadId });
  }

  reply(threadId: string, author: string, text: string): void {
    this.updateThread(threadId, (thread) => ({
      ...thread,
      comments: [...thread.comments, { id: newReviewId('c'), author, at: now(), text }],
    }));
  }

  resolve(threadId: string, author: string): void {
    this.updateThread(threadId, (thread) => ({
      ...thread,
      resolved: true,
      resolvedBy: author,
      resolvedAt: now(),
    }));
  }

  reopen(threadId: string): void {
    this.updateThread(threadId, (thread) => ({
      ...thread,
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
    }));
  }

  // Suggestions

  /** Accepted, rejected or dismissed: out of the list, kept aside for an undo. */
  settle(ids: readonly string[]): void {
    const gone = new Set(ids);
    for (const meta of this.review.suggestions)
      if (gone.has(meta.id)) this.graveyard.set(meta.id, meta);
    this.setSuggestions(this.review.suggestions.filter((meta) => !gone.has(meta.id)));
  }

  /** Suggestions settled by a decision that was undone: listed again, as they were. */
  restore(metas: readonly SuggestionMeta[]): void {
    const listed = new Set(this.review.suggestions.map((meta) => meta.id));
    const back = metas.filter((meta) => !listed.has(meta.id));
    if (back.length === 0) return;
    for (const meta of back) this.graveyard.delete(meta.id);
    this.setSuggestions([...this.review.suggestions, ...back]);
  }

  /** The author's proposal for the headline or the summary; the same as it stands withdraws it. */
  proposeField(field: 'headline' | 'lead', author: string, text: string, previous: string): void {
    const others = this.review.suggestions.filter(
      (meta) => !(meta.field === field && meta.author === author),
    );
    const mine = this.review.suggestions.find((m) => m.field === field && m.author === author);
    if (text === previous) return this.setSuggestions(others);
    this.setSuggestions([
      ...others,
      {
        id: mine?.id ?? newReviewId('s'),
        author,
        at: now(),
        field,
        kind: 'replace',
        text,
        previous,
      },
    ]);
  }

  /**
   * The body as read a beat after typing: each body suggestion's kind and text follow its
   * marks; one that came back (an undo) gets its meta back; one its own author removed in
   * this window goes. One whose marks someone else's edit removed stays, shown as detached.
   */
  syncBody(inBody: ReadonlyMap<string, SuggestionInBody>): void {
    let changed = false;
    const next: SuggestionMeta[] = [];
    const listed = new Set<string>();
    for (const meta of this.review.suggestions) {
      listed.add(meta.id);
      if (meta.field !== 'body') {
        next.push(meta);
        continue;
      }
      const found = inBody.get(meta.id);
      if (!found) {
        if (this.mintedHere.has(meta.id) && meta.author === this.author) {
          this.graveyard.set(meta.id, meta);
          changed = true;
        } else next.push(meta);
        continue;
      }
      const text = found.text.slice(0, 20_000);
      const previous = found.previous?.slice(0, 20_000) ?? null;
      if (found.kind !== meta.kind || text !== meta.text || previous !== meta.previous) {
        next.push({ ...meta, kind: found.kind, text, previous });
        changed = true;
      } else next.push(meta);
    }
    for (const [id, found] of inBody) {
      if (listed.has(id)) continue;
      const back = this.graveyard.get(id);
      next.push({
        ...(back ?? {
          id,
          author: UNKNOWN_AUTHOR,
          at: now(),
          field: 'body' as const,
        }),
        kind: found.kind,
        text: found.text.slice(0, 20_000),
        previous: found.previous?.slice(0, 20_000) ?? null,
      });
      changed = true;
    }
    if (changed) this.setSuggestions(next);
  }

  /** A release reloaded from the store (a merged review file, another window's save). */
  replace(review: ReviewState): void {
    this.snapshot = { ...this.snapshot, review };
    this.indexOwners(review.suggestions);
    this.emit();
  }

  private updateThread(threadId: string, update: (thread: Thread) => Thread): void {
    this.setThreads(
      this.review.threads.map((thread) => (thread.id === threadId ? update(thread) : thread)),
    );
  }

  private setThreads(threads: Thread[], ui: Partial<ReviewUi> = {}): void {
    this.snapshot = {
      review: { ...this.review, threads },
      ui: { ...this.snapshot.ui, ...ui },
    };
    this.changed();
  }

  private setSuggestions(suggestions: SuggestionMeta[]): void {
    this.snapshot = { ...this.snapshot, review: { ...this.review, suggestions } };
    this.indexOwners(suggestions);
    this.changed();
  }

  private indexOwners(suggestions: readonly SuggestionMeta[]): void {
    this.owners = new Map(suggestions.map((meta) => [meta.id, meta.author]));
  }

  private changed(): void {
    this.onChange(this.review);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
