import type { Taxonomies } from '../../shared/schemas';
import type { ReviewDocs } from './review-docs';
import type { DraftService } from './types';

/** What review as files works with: the drafts, their review documents, the store's terms. */
export interface ReviewDeps {
  drafts: DraftService;
  reviewDocs: ReviewDocs;
  taxonomies: () => Taxonomies;
  clock?: () => Date;
}
