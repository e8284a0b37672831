import type { ChannelArgs, ChannelOutput } from '../../shared/contract';
import type { ReviewDeps } from './review-deps';
import { exportReviewFile } from './review-export';
import { openReviewFile } from './review-open';

/** Review as files: a release sent for review or returned, and such a file opened. */
export interface ReviewService {
  exportFile(args: ChannelArgs<'review:export'>): Promise<ChannelOutput<'review:export'>>;
  open(args: ChannelArgs<'review:open'>): Promise<ChannelOutput<'review:open'>>;
}

export const createReviewService = (deps: ReviewDeps): ReviewService => ({
  exportFile: (args) => exportReviewFile(deps, args),
  open: (args) => openReviewFile(deps, args),
});
