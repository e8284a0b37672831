import type { ChannelArgs } from '../../shared/contract';
import type {
  Draft,
  DraftSummary,
  ExportFile,
  ExportFormat,
  Taxonomies,
} from '../../shared/schemas';

/** Drafts as the app sees them; the only way the rest of main touches a draft. */
export interface DraftService {
  list(view: 'active' | 'trash'): DraftSummary[];
  create(): Promise<Draft>;
  /** A new draft with the given content, as an import makes it. */
  createFrom(init: Pick<Draft, 'headline' | 'body' | 'meta'>): Promise<Draft>;
  get(id: string): Promise<Draft>;
  save(update: ChannelArgs<'drafts:save'>): Promise<DraftSummary>;
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

export interface Services {
  storePath: string;
  version: string;
  drafts: DraftService;
  taxonomies: TaxonomyService;
  exports: ExportService;
}
