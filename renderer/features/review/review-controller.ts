import { selectSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import { newReviewId, type SuggestionMeta } from '../../../shared/review';
import { tell } from '../../app/actions';
import { anchorRange, anchorThread, dropAnchor } from './comment-anchors';
import { ensureAuthor } from './review-author';
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

/**
 * Everything the panel, the toolbar and the commands do to the review, in one place: each
 * action on the body goes through the editor (so it is one undo step) and then the model.
 */
export class ReviewController {
  constructor(
    readonly model: ReviewModel,
    private readonly writeField: FieldWriter,
  ) {}

  private async author(): Promise<string | null> {
    const name = await ensureAuthor();
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

  decide(meta: SuggestionMeta, accept: boolean): void {
    if (meta.field === 'body') {
      const editor = this.model.editor;
      if (!editor) return;
      if (accept) acceptSuggestion(editor, meta.id);
      else rejectSuggestion(editor, meta.id);
    } else if (accept) this.writeField(meta.field, meta.text);
    this.model.settle([meta.id]);
  }

  decideAll(accept: boolean): void {
    const editor = this.model.editor;
    if (editor) {
      if (accept) acceptAllSuggestions(editor);
      else rejectAllSuggestions(editor);
    }
    const all = this.model.review.suggestions;
    if (accept)
      for (const meta of all) if (meta.field !== 'body') this.writeField(meta.field, meta.text);
    this.model.settle(all.map((meta) => meta.id));
  }

  dismiss(meta: SuggestionMeta): void {
    this.model.settle([meta.id]);
  }
}
