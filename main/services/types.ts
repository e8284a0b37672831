import type { Publish } from './event-bus';
import type { ChannelArgs, ChannelOutput } from '../../shared/contract';
import type { TemplateService } from './templates';
import type { StoredReviewDoc } from '../store/review-doc-files';
import type { ReviewDocs } from './review-docs';
import type { ReviewService } from './review-service';
import type {
  Draft,
  DraftSummary,
  ExportFile,
  ExportFormat,
  ReleaseMeta,
  Taxonomies,
} from '../../shared/schemas';

export type DraftInit = Pick<Draft, 'headline' | 'body' | 'meta'> &
  Partial<Pick<Draft, 'blocks' | 'templateId' | 'review'>>;

/** A release brought in from a review file: its own id and review document kept. */
export interface AdoptOptions {
  id?: string;
  reviewDoc?: StoredReviewDoc;
}

export interface SaveOptions {
  /** A merged review document, already holding the saved content, to keep with the release. */
  reviewDoc?: StoredReviewDoc;
}

/** Drafts as the app sees them; the only way the rest of main touches a draft. */
export interface DraftService {
  list(view: 'active' | 'trash'): DraftSummary[];
  /** A blank release; `defaults` (the officer's place and source) apply where the taxonomy knows them. */
  create(defaults?: Partial<Pick<ReleaseMeta, 'placeIds' | 'sourceIds'>>): Promise<Draft>;
  /** A new draft with the given content, as an import makes it. */
  createFrom(
    init: DraftInit,
    change?: 'created' | 'imported',
    /** Only for a review file's release imported as new, so its reviewer can return it. */
    adopt?: AdoptOptions,
  ): Promise<Draft>;
  get(id: string): Promise<Draft>;
  save(update: ChannelArgs<'drafts:save'>, options?: SaveOptions): Promise<DraftSummary>;
  /** Keeps unsaved edits durably until the next save; no new revision. */
  journal(update: ChannelArgs<'drafts:journal'>): Promise<ChannelOutput<'drafts:journal'>>;
  trash(id: string): Promise<DraftSummary>;
  restore(id: string): Promise<DraftSummary>;
}

export interface TaxonomyService {
  get(): Taxonomies;
}

export interface ExportService {
  /** The file a release exports to, in memory: name, media type, content. */
  render(id: string, format: ExportFormat): Promise<ExportFile>;
}

/** Releases as a press office makes them: from a template, and checked before they go out. */
export interface ReleaseWorkflow {
  createFromTemplate(templateId: string): Promise<Draft>;
  markReady(id: string): Promise<ChannelOutput<'drafts:mark-ready'>>;
}

export interface Services {
  storePath: string;
  /** Tells every window of a change; services call it at the moment something changes. */
  publish: Publish;
  /** What the store repaired or recovered on its own since it opened. */
  storeReport(): ChannelOutput<'store:report'>;
  version: string;
  drafts: DraftService;
  taxonomies: TaxonomyService;
  exports: ExportService;
  templates: TemplateService;
  workflow: ReleaseWorkflow;
  reviewDocs: ReviewDocs;
  review: ReviewService;
}
