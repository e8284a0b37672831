import { REVIEW_FILE_EXTENSION, type ReviewOpenResult } from '../../../shared/review-file';
import { fail, hasUnsavedEdits, notify, openRelease, reloadOpen, settle } from '../../app/actions';
import { appStore } from '../../app/store';
import { api } from '../../api/client';
import { download } from '../../api/download';
import { ensureAuthor } from './review-author';
import { askImportAsNew } from './review-prompts';

export const isReviewFile = (name: string): boolean =>
  name.toLowerCase().endsWith(REVIEW_FILE_EXTENSION);

/**
 * "Send for review…" and "Return to author…": the release saved first, then written as one
 * `.newsroom-review` file and handed over as a download. The desktop's native save channel
 * (`export:save`) writes only the release's own export formats, so the file goes the way of
 * a download there too (Electron asks where to save it).
 */
export const writeReviewFile = async (id: string, purpose: 'send' | 'return'): Promise<void> => {
  const by = await ensureAuthor();
  if (!by) return;
  if (!(await settle())) return;
  try {
    const file = await api['review:export']({ id, purpose, by });
    download(new Blob([file.content], { type: 'application/json' }), file.fileName);
    notify({
      tone: 'success',
      text:
        purpose === 'send'
          ? `Ready to send for review: ${file.fileName}`
          : `Ready to return to the author: ${file.fileName}`,
    });
  } catch (error) {
    fail(error);
  }
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Review from Anna Berg: 2 comments, 3 suggestions", or that the file held nothing new. */
export const describeOpened = (result: ReviewOpenResult): string => {
  const title = result.headline || 'Untitled release';
  if (result.status === 'imported') return `Imported “${title}” with its review.`;
  if (result.status === 'unknown-release') return `“${title}” is not in this library.`;
  const received = result.received.filter((r) => r.comments + r.suggestions > 0);
  if (result.unchanged || received.length === 0)
    return `Nothing new in this review of “${title}”: it was opened before.`;
  return received
    .map(
      (r) =>
        `Review from ${r.author}: ${plural(r.comments, 'comment')}, ${plural(r.suggestions, 'suggestion')}`,
    )
    .join('; ');
};

/**
 * Opens review files one after another: the open release is saved first, so what the file
 * brings merges with everything typed; the merged release comes back as `release:saved`.
 */
export const openReviewFiles = async (files: readonly File[]): Promise<void> => {
  if (!(await settle())) return;
  for (const file of files) {
    try {
      const text = await file.text();
      let result = await api['review:open']({ name: file.name, text });
      if (result.status === 'unknown-release') {
        if (!(await askImportAsNew(result.headline))) continue;
        result = await api['review:open']({ name: file.name, text, asNew: true });
      }
      notify({ tone: 'success', text: describeOpened(result) });
      if (result.status === 'unknown-release') continue;
      // The merge answers this window's own request: its `release:saved` says so and the
      // editor leaves it alone, so the open release is read again here.
      if (appStore.getState().open?.id === result.id) reloadOpen(() => !hasUnsavedEdits());
      else await openRelease(result.id);
    } catch (error) {
      notify({
        tone: 'error',
        text: `${file.name}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
};
