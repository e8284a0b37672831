import type { ReviewOpenResult } from '../../../shared/review-file';
import { notify, openRelease, settle } from '../../app/actions';
import { appStore } from '../../app/store';
import { api } from '../../api/client';

/*
 * Opening a review file from the page (Import files…, drag and drop), apart from the prompts
 * (review-prompts.tsx) so that it can run in tests without React.
 */

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
 * While a review file merges, the open release takes no input: its workspace (headline,
 * summary, body, blocks, metadata, review panel) is inert, so nothing can be typed between the
 * save before the merge and the reload after it, and no autosave can land on top of the merge.
 * Returns what gives the input back.
 */
export const holdOpenRelease = (): { workspace: HTMLElement | null; release: () => void } => {
  const workspace = document.querySelector<HTMLElement>('.workspace');
  if (!workspace || workspace.hasAttribute('inert')) return { workspace: null, release: () => {} };
  workspace.setAttribute('inert', '');
  workspace.setAttribute('aria-busy', 'true');
  return {
    workspace,
    release: () => {
      workspace.removeAttribute('inert');
      workspace.removeAttribute('aria-busy');
    },
  };
};

const until = async (done: () => boolean, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((next) => setTimeout(next, 10));
};

/**
 * The merged release read again and shown: the merge answered this window's own request, so
 * its `release:saved` is this window's and the editor leaves it alone. Nothing can have been
 * typed meanwhile (the release was held), so it is shown whatever the save status says. A new
 * revision mounts a new editor; the held one stays inert until it has gone.
 */
const showMerged = async (id: string, held: HTMLElement | null): Promise<void> => {
  const before = appStore.getState().open;
  const fresh = await api['drafts:get']({ id });
  if (appStore.getState().open?.id !== fresh.id) return;
  appStore.setState({ open: fresh });
  if (held && before && before.revision !== fresh.revision)
    await until(() => !held.isConnected, 2_000);
};

/**
 * Opens review files one after another: the open release is held (see holdOpenRelease) and
 * saved first, so what the file brings merges with everything typed, and after a merge into
 * it the merged release is shown; a merge into another release opens that one.
 */
export const openReviewFilesWith = async (
  files: readonly File[],
  /** Whether to import a release this store does not have (review-prompts.tsx asks). */
  askImportAsNew: (headline: string) => Promise<boolean>,
): Promise<void> => {
  for (const file of files) {
    const hold = holdOpenRelease();
    try {
      if (!(await settle())) return;
      const text = await file.text();
      let result = await api['review:open']({ name: file.name, text });
      if (result.status === 'unknown-release') {
        if (!(await askImportAsNew(result.headline))) continue;
        result = await api['review:open']({ name: file.name, text, asNew: true });
      }
      notify({ tone: 'success', text: describeOpened(result) });
      if (result.status === 'unknown-release') continue;
      if (appStore.getState().open?.id === result.id) await showMerged(result.id, hold.workspace);
      else {
        hold.release();
        await openRelease(result.id);
      }
    } catch (error) {
      notify({
        tone: 'error',
        text: `${file.name}: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      hold.release();
    }
  }
};
