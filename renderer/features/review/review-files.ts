import { REVIEW_FILE_EXTENSION } from '../../../shared/review-file';
import { fail, notify, settle } from '../../app/actions';
import { api } from '../../api/client';
import { download } from '../../api/download';
import { ensureAuthor } from './review-author';
import { openReviewFilesWith } from './review-open-flow';
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

export { describeOpened, holdOpenRelease } from './review-open-flow';

/** Opens review files (Import files…, drag and drop): see openReviewFilesWith. */
export const openReviewFiles = (files: readonly File[]): Promise<void> =>
  openReviewFilesWith(files, askImportAsNew);
