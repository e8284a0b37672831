import { z } from 'zod';
import { emptyReview, ReviewStateSchema } from './review';
import { bodyBoundsProblem, MAX_BODY_TEXT } from './body-bounds';
import { isValidTimeZone, localDateTimeParts } from './local-time';

/** Taxonomy term ids are stable slugs: a label may change, the id never does. */
export const TermIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be a lowercase slug')
  .max(120);

export const DraftIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a release id (8 to 64 letters, digits, - or _)');

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a calendar date');

export const TimestampSchema = z.iso.datetime({ offset: true });

export const TermSchema = z.object({
  id: TermIdSchema,
  label: z.string().min(1).max(300),
  /** Where the term sits in a hierarchy (a source's parent office, a country's group). */
  parentId: TermIdSchema.optional(),
  abbreviation: z.string().min(1).max(40).optional(),
  /** Group headings organise a list but cannot be chosen themselves. */
  selectable: z.boolean().optional(),
  /**
   * The term's name in the other languages a release is written in (`Vienne`, `Wien`), used by
   * datelines; `label` stays the English name. A missing language falls back to `label`.
   */
  labels: z
    .object({
      ru: z.string().min(1).max(300).optional(),
      fr: z.string().min(1).max(300).optional(),
      de: z.string().min(1).max(300).optional(),
    })
    .optional(),
});
export type Term = z.infer<typeof TermSchema>;

export const PlaceSchema = TermSchema.extend({
  /** The country the city is in, as a term of the countries taxonomy (absent for a territory). */
  countryId: TermIdSchema.optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const TaxonomiesSchema = z.object({
  contentTypes: z.array(TermSchema),
  fieldsOfWork: z.array(TermSchema),
  countries: z.array(TermSchema),
  sources: z.array(TermSchema),
  places: z.array(PlaceSchema),
});
export type Taxonomies = z.infer<typeof TaxonomiesSchema>;
export type TaxonomyName = keyof Taxonomies;

/** Tiptap's JSON document, checked for shape here and against the editor schema in main. */
export interface RichNode {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: RichNode[] | undefined;
  marks?: { type: string; attrs?: Record<string, unknown> | undefined }[] | undefined;
  text?: string | undefined;
}

/** Attributes a node or mark may carry: the editor's are a handful of short values. */
export const MAX_ATTRS = 16;
export const MAX_ATTR_TEXT = 8192;

/**
 * What an attribute can hold in the editor's JSON: a short string, a number, a boolean, null,
 * or a short list of numbers (a table cell's column widths). Which names and values each node
 * takes is the editor schema's to say (main/services/drafts.ts).
 */
const AttrValueSchema = z.union([
  z.string().max(MAX_ATTR_TEXT),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.number().nullable()).max(1000),
]);
const AttrsSchema = z
  .record(z.string().min(1).max(64), AttrValueSchema)
  .refine((attrs) => Object.keys(attrs).length <= MAX_ATTRS, {
    message: `has more than ${MAX_ATTRS} attributes`,
  });

/** The node's own shape; depth, size and text are bounded by RichNodeSchema before it is walked. */
const RichNodeShape: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: AttrsSchema.optional(),
    content: z.array(RichNodeShape).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1).max(64), attrs: AttrsSchema.optional() }))
      .max(16)
      .optional(),
    text: z.string().max(MAX_BODY_TEXT).optional(),
  }),
);

/**
 * A body, with its depth, number of nodes and amount of text bounded first, by a loop that
 * cannot overflow the stack (shared/body-bounds.ts): zod walks the rest by recursion. Stores
 * read their files through this schema too, so a file nested too deep reads as damaged
 * instead of stopping the store.
 */
export const RichNodeSchema: z.ZodType<RichNode> = z
  .unknown()
  .superRefine((value, context) => {
    const problem = bodyBoundsProblem(value);
    if (problem) context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  })
  .pipe(RichNodeShape);
export const DocSchema = RichNodeSchema.refine((node) => node.type === 'doc', {
  message: 'the body must be a document',
});

export const emptyDoc = (): RichNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** Languages a release is written in; also the spell checker's language. */
export const LANGUAGES = ['en', 'ru', 'fr', 'de'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * An embargo as the officer sets it: a wall-clock time in a named IANA time zone (default
 * Europe/Vienna). Kept as local time plus zone, not as an instant, so that it still reads
 * "09:00 Vienna" after a daylight-saving change or a change of the zone's rules.
 */
export const EmbargoSchema = z.object({
  localDateTime: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
      'must be a local date and time written YYYY-MM-DDTHH:MM',
    ),
  timeZone: z.string().min(1).max(64),
});
export type Embargo = z.infer<typeof EmbargoSchema>;

/**
 * An embargo as a window or an import sets it: a zone this computer knows and a time that is
 * on the calendar and the clock. Kept apart from EmbargoSchema, which reads what is already
 * stored: a zone the next ICU drops must not turn a stored release into a damaged one.
 */
export const EmbargoInputSchema = EmbargoSchema.superRefine((embargo, context) => {
  if (!isValidTimeZone(embargo.timeZone)) {
    context.addIssue({
      code: 'custom',
      path: ['timeZone'],
      message: `"${embargo.timeZone}" is not a time zone this computer knows (use an IANA name such as Europe/Vienna)`,
    });
  }
  if (!localDateTimeParts(embargo.localDateTime)) {
    context.addIssue({
      code: 'custom',
      path: ['localDateTime'],
      message: `"${embargo.localDateTime}" is not a real date and time`,
    });
  }
});

export const TermFieldSchema = z.enum([
  'contentType',
  'places',
  'sources',
  'fieldsOfWork',
  'countries',
]);
export type TermField = z.infer<typeof TermFieldSchema>;

export const UnresolvedTermSchema = z.object({
  field: TermFieldSchema,
  /** The id the file gave, when it gave one. */
  id: z.string().max(120).nullable(),
  label: z.string().max(300),
});
export type UnresolvedTerm = z.infer<typeof UnresolvedTermSchema>;

export const ReleaseMetaSchema = z.object({
  contentTypeId: TermIdSchema.nullable(),
  /** The publishing date. */
  date: IsoDateSchema.nullable(),
  /** Set only when the dateline carries another date than the publishing date. */
  datelineDate: IsoDateSchema.nullable().default(null),
  /** One or several dateline cities, in the order they print. */
  placeIds: z.array(TermIdSchema).max(6),
  /** Print the country after the city: `OSH, Kyrgyzstan, 14 March 2006 –`. */
  datelineCountry: z.boolean(),
  sourceIds: z.array(TermIdSchema).max(20),
  fieldOfWorkIds: z.array(TermIdSchema).max(30),
  countryIds: z.array(TermIdSchema).max(80),
  /**
   * Terms an imported file named that the taxonomy does not know. Kept, not dropped, so the
   * officer sees them and the next export still carries them; they are never sent as ids.
   */
  unresolvedTerms: z.array(UnresolvedTermSchema).max(100).default([]),
  language: LanguageSchema.default('en'),
  embargo: EmbargoSchema.nullable().default(null),
  /** Other releases that are translations of this one. */
  translationIds: z.array(DraftIdSchema).max(10).default([]),
});
export type ReleaseMeta = z.infer<typeof ReleaseMetaSchema>;

export const emptyMeta = (): ReleaseMeta => ({
  contentTypeId: null,
  date: null,
  placeIds: [],
  datelineCountry: false,
  sourceIds: [],
  fieldOfWorkIds: [],
  countryIds: [],
  datelineDate: null,
  language: 'en',
  embargo: null,
  translationIds: [],
  unresolvedTerms: [],
});

/** The parts of a release around its body, as the genre has them. */
export const ReleaseBlocksSchema = z.object({
  /** The summary (lead) under the headline; the guide warns past 160 characters. */
  lead: z.string().max(2000).default(''),
  /** The media-contact block; defaults come from the release's source. */
  contact: z.string().max(4000).default(''),
  /** The "About" boilerplate; defaults come from the release's source. */
  about: z.string().max(4000).default(''),
  /** Close the release with the end mark (###). */
  endMark: z.boolean().default(false),
});
export type ReleaseBlocks = z.infer<typeof ReleaseBlocksSchema>;

export const emptyBlocks = (): ReleaseBlocks => ({
  lead: '',
  contact: '',
  about: '',
  endMark: false,
});

export const ReleaseStatusSchema = z.enum(['draft', 'ready']);
export type ReleaseStatus = z.infer<typeof ReleaseStatusSchema>;

export const HeadlineSchema = z.string().max(500);

export const DraftSchema = z.object({
  id: DraftIdSchema,
  headline: HeadlineSchema,
  body: DocSchema,
  meta: ReleaseMetaSchema,
  blocks: ReleaseBlocksSchema.default(emptyBlocks),
  status: ReleaseStatusSchema,
  /** The template the release was started from, whose placeholders must all be replaced. */
  templateId: z.string().max(80).nullable().default(null),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  trashedAt: TimestampSchema.nullable(),
  /** Incremented by every save; lets a client tell its own save from someone else's. */
  revision: z.number().int().nonnegative(),
  /** Comment threads and suggestions (shared/review.ts); the body holds only their marks. */
  review: ReviewStateSchema.default(emptyReview),
});
export type Draft = z.infer<typeof DraftSchema>;

/** What the library shows: never the body, so listing never reads the draft files. */
export const DraftSummarySchema = DraftSchema.pick({
  id: true,
  headline: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  trashedAt: true,
  revision: true,
}).extend({
  contentTypeId: TermIdSchema.nullable(),
  date: IsoDateSchema.nullable(),
  embargo: EmbargoSchema.nullable().default(null),
  language: LanguageSchema.default('en'),
  /**
   * Set when the release's file is damaged and no good copy of it exists: the release stays
   * listed, and this says why and where the damaged file was set aside for rescue.
   */
  damaged: z.object({ reason: z.string().max(2000), keptAs: z.string().max(4096) }).optional(),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const summarize = (draft: Draft): DraftSummary => ({
  id: draft.id,
  headline: draft.headline,
  status: draft.status,
  createdAt: draft.createdAt,
  updatedAt: draft.updatedAt,
  trashedAt: draft.trashedAt,
  revision: draft.revision,
  contentTypeId: draft.meta.contentTypeId,
  date: draft.meta.date,
  embargo: draft.meta.embargo,
  language: draft.meta.language,
});

/** `html` is the complete document, `html-fragment` the `<article>` alone, for pasting into a CMS. */
export const ExportFormatSchema = z.enum(['md', 'html', 'html-fragment', 'ninjs']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportFileSchema = z.object({
  fileName: z.string().min(1),
  mediaType: z.string().min(1),
  content: z.string(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/**
 * Something the store did on its own to keep the user's work safe (a damaged file moved aside,
 * unsaved text recovered after a crash…), reported so the window can say what happened.
 */
export const StoreEventSchema = z.object({
  kind: z.enum([
    'recovered-draft',
    'restored-draft',
    'lost-draft',
    'restored-file',
    'damaged-file',
    /** A file was saved but its backup copy could not be written (a full disk). */
    'backup-failed',
    'rebuilt-library',
    'stale-lock',
    'migrated',
    /** The store could be opened only for reading (a full disk): nothing can be saved. */
    'read-only',
  ]),
  at: TimestampSchema,
  message: z.string(),
  /** The file the event concerns, and where a damaged copy was kept, when there is one. */
  file: z.string().optional(),
  keptAs: z.string().optional(),
  draftId: DraftIdSchema.optional(),
  /** The program that had the store open when it happened (`newsroom (the command-line tool)`…). */
  by: z.string().optional(),
  /** Made by an earlier run (the CLI, an app that closed before anyone was told), not this one. */
  earlierRun: z.boolean().optional(),
});
export type StoreEvent = z.infer<typeof StoreEventSchema>;
