import { selectSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import { newReviewId, type SuggestionMeta } from '../../../shared/review';
import { notify, tell } from '../../app/actions';
import { anchorRange, anchorThread, dropAnchor } from './comment-anchors';
import type { ReviewModel } from './review-model';
import {
  acceptAllSuggestions,
  acceptSuggestion,
  isSuggesting,
  rejectAllSuggestions,
  rejectSuggestion,
  setSuggesting,
} from './suggest-mode';

/** What accepting a headline or summary suggestion does: the release editor owns those fields. */
export type FieldWriter = (field: 'headline' | 'lead', value: string) => void;

/** The headline or summary as it stands now (typed, perhaps not saved); null when unknown. */
export type FieldReader = (field: 'headline' | 'lead') => string | null;

type Field = 'headline' | 'lead';
const FIELD_NAME: Record<Field, string> = { headline: 'headline', lead: 'summary' };
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How a headline or summary suggestion stands against the field as it is now. */
export interface FieldStanding {
  /** The field no longer holds what the suggestion was made against: accepting replaces it. */
  changed: boolean;
  /** Other open proposals for the same field. */
  rivals: number;
  /** What the card says about it, or null when it can simply be accepted. */
  note: string | null;
}

/** A headline or summary suggestion accepted: what Undo puts back. */
interface FieldDecision {
  field: Field;
  meta: SuggestionMeta;
  /** The field before the suggestion was written into it. */
  before: string;
}

const acceptedText = (decisions: readonly FieldDecision[]): string =>
  `${decisions
    .map(({ field, meta }) => `${capital(FIELD_NAME[field])} set to ${meta.author}’s suggestion`)
    .join('; ')}.`;

/**
 * Everything the panel, the toolbar and the commands do to the review, in one place: each
 * action on the body goes through the editor (so it is one undo step) and then the model.
 */
export class ReviewController {
  constructor(
    readonly model: ReviewModel,
    private readonly writeField: FieldWriter,
    private readonly readField: FieldReader,
    /** The officer's name, asked for once when Preferences has none (review-author.ts). */
    private readonly ensureAuthor: () => Promise<string | null>,
  ) {}

  private async author(): Promise<string | null> {
    const name = await this.ensureAuthor();
    if (name) this.model.setAuthor(name);
    return name;
  }

  async comment(): Promise<void> {
    const editor = this.model.editor;
    if (!editor) return;
    if (editor.state.selection.empty) {
      tell('info', 'Select the words to comment on, then choose Comment.');
      return;
    }
    const selection = editor.state.selection;
    if (!(await this.author())) return;
    this.cancelPending();
    editor.commands.setTextSelection({ from: selection.from, to: selection.to });
    const threadId = newReviewId('t');
    const quote = anchorThread(editor, threadId);
    if (!quote) return;
    this.model.setUi({
      pending: { threadId, quote: quote.slice(0, 2_000) },
      activeThreadId: threadId,
      panelOpen: true,
    });
  }

  submitPending(text: string): void {
    const pending = this.model.getSnapshot().ui.pending;
    if (!pending) return;
    this.model.addThread(pending.threadId, pending.quote, this.model.current(), text);
  }

  cancelPending(): void {
    const pending = this.model.getSnapshot().ui.pending;
    if (!pending) return;
    if (this.model.editor) dropAnchor(this.model.editor, pending.threadId);
    this.model.setUi({ pending: null, activeThreadId: null });
  }

  async reply(threadId: string, text: string): Promise<void> {
    const author = await this.author();
    if (author) this.model.reply(threadId, author, text);
  }

  async resolve(threadId: string): Promise<void> {
    const author = await this.author();
    if (author) this.model.resolve(threadId, author);
  }

  activate(threadId: string): void {
    this.model.setUi({ activeThreadId: threadId });
    const editor = this.model.editor;
    const range = editor ? anchorRange(editor.state.doc, threadId) : null;
    if (editor && range) editor.chain().setTextSelection(range).scrollIntoView().run();
  }

  async toggleSuggest(): Promise<void> {
    const editor = this.model.editor;
    if (!editor) return;
    const on = !isSuggesting(editor);
    if (on && !(await this.author())) return;
    setSuggesting(editor, on);
    this.model.setUi({ suggesting: on, ...(on ? { panelOpen: true } : {}) });
    editor.commands.focus();
  }

  show(meta: SuggestionMeta): void {
    const editor = this.model.editor;
    if (!editor || meta.field !== 'body') return;
    selectSuggestion(meta.id)(editor.state, editor.view.dispatch);
  }

  /**
   * A headline or summary suggestion against the field as it stands: changed since it was
   * suggested (the author wrote on), or one of several proposals for the same field.
   */
  standing(meta: SuggestionMeta): FieldStanding {
    if (meta.field === 'body') return { changed: false, rivals: 0, note: null };
    const now = this.readField(meta.field);
    const changed = now !== null && meta.previous !== null && now !== meta.previous;
    const rivals = this.model.review.suggestions.filter(
      (other) => other.field === meta.field && other.id !== meta.id,
    ).length;
    const name = FIELD_NAME[meta.field];
    const note = changed
      ? `The ${name} has changed since this was suggested.`
      : rivals > 0
        ? `${capital(name)} has ${rivals + 1} proposals: accepting this one sets the others aside.`
        : null;
    return { changed, rivals, note };
  }

  /**
   * Accepts or rejects one suggestion. A headline or summary changed since it was suggested
   * is replaced only when the officer chose "Replace with suggestion" (`replace`); otherwise
   * nothing changes and the card says why. An accepted field suggestion can be undone from
   * the notice that says it was accepted. Returns whether the decision was taken.
   */
  decide(meta: SuggestionMeta, accept: boolean, options: { replace?: boolean } = {}): boolean {
    if (meta.field === 'body') {
      const editor = this.model.editor;
      if (!editor) return false;
      if (accept) acceptSuggestion(editor, meta.id);
      else rejectSuggestion(editor, meta.id);
    } else if (accept) {
      const { changed, note } = this.standing(meta);
      if (changed && !options.replace) {
        tell('info', `${note ?? ''} Choose “Replace with suggestion” to replace it anyway.`);
        return false;
      }
      const decision = this.acceptField(meta);
      this.model.settle([meta.id]);
      this.offerUndo(
        [decision],
        `${capital(FIELD_NAME[meta.field])} set to ${meta.author}’s suggestion.`,
      );
      return true;
    }
    this.model.settle([meta.id]);
    return true;
  }

  /**
   * Accept all (or Reject all). Accepting writes a headline or summary suggestion only when it
   * is the field's one proposal and the field still holds what it was made against: two
   * proposals for one field, or a field written on since, are left open, and the notice says
   * which and why. The body's suggestions are accepted in one undo step; the fields accepted
   * with them are undone from the notice.
   */
  decideAll(accept: boolean): void {
    const editor = this.model.editor;
    if (editor) {
      if (accept) acceptAllSuggestions(editor);
      else rejectAllSuggestions(editor);
    }
    const all = this.model.review.suggestions;
    if (!accept) return this.model.settle(all.map((meta) => meta.id));
    const decided: FieldDecision[] = [];
    const settled: string[] = [];
    const leftOpen: { meta: SuggestionMeta; rivals: number }[] = [];
    for (const meta of all) {
      if (meta.field === 'body') {
        settled.push(meta.id);
        continue;
      }
      // Read before anything is written: accepting one field never makes another look changed.
      const { changed, rivals } = this.standing(meta);
      if (rivals > 0 || changed) leftOpen.push({ meta, rivals });
    }
    for (const meta of all)
      if (meta.field !== 'body' && !leftOpen.some((left) => left.meta.id === meta.id)) {
        decided.push(this.acceptField(meta));
        settled.push(meta.id);
      }
    const left: string[] = [];
    for (const field of ['headline', 'lead'] as const) {
      const open = leftOpen.filter(({ meta }) => meta.field === field);
      const name = FIELD_NAME[field];
      if (open.length > 1 || (open[0]?.rivals ?? 0) > 0)
        left.push(`${open.length} proposals for the ${name} (accept the one you want)`);
      else if (open[0]) left.push(`the ${name}, changed since it was suggested`);
    }
    this.model.settle(settled);
    if (decided.length > 0) this.offerUndo(decided, acceptedText(decided));
    if (left.length > 0) tell('info', `Left open: ${left.join('; ')}.`);
  }

  private acceptField(meta: SuggestionMeta): FieldDecision {
    const field = meta.field === 'lead' ? 'lead' : 'headline';
    const before = this.readField(field) ?? meta.previous ?? '';
    this.writeField(field, meta.text);
    return { field, meta, before };
  }

  /** The notice after a headline or summary was accepted, with Undo. */
  private offerUndo(decisions: readonly FieldDecision[], text: string): void {
    notify({
      tone: 'success',
      text,
      action: { label: 'Undo', run: () => this.undoFields(decisions) },
    });
  }

  /**
   * Puts the fields back as they were and the suggestions back in the panel, unless the
   * officer wrote in the field since (then Undo would lose that; it says so instead).
   */
  undoFields(decisions: readonly FieldDecision[]): void {
    const moved = decisions.filter(({ field, meta }) => {
      const now = this.readField(field);
      return now !== null && now !== meta.text;
    });
    if (moved.length > 0) {
      const names = moved.map(({ field }) => FIELD_NAME[field]).join(' and ');
      tell('info', `Not undone: the ${names} changed since the suggestion was accepted.`);
      return;
    }
    for (const { field, before } of decisions) this.writeField(field, before);
    this.model.restore(decisions.map(({ meta }) => meta));
  }

  dismiss(meta: SuggestionMeta): void {
    this.model.settle([meta.id]);
  }
}
