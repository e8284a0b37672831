import { z } from 'zod';

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
export const RichNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(RichNodeSchema).optional(),
    marks: z
      .array(
        z.object({
          type: z.string().min(1).max(64),
          attrs: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .optional(),
    text: z.string().optional(),
  }),
);
export const DocSchema = RichNodeSchema.refine((node) => node.type === 'doc', {
  message: 'the body must be a document',
});

export const emptyDoc = (): RichNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

export const ReleaseMetaSchema = z.object({
  contentTypeId: TermIdSchema.nullable(),
  date: IsoDateSchema.nullable(),
  /** One or several dateline cities, in the order they print. */
  placeIds: z.array(TermIdSchema).max(6),
  /** Print the country after the city: `OSH, Kyrgyzstan, 14 March 2006 –`. */
  datelineCountry: z.boolean(),
  sourceIds: z.array(TermIdSchema).max(20),
  fieldOfWorkIds: z.array(TermIdSchema).max(30),
  countryIds: z.array(TermIdSchema).max(80),
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
});

export const ReleaseStatusSchema = z.enum(['draft', 'ready']);
export type ReleaseStatus = z.infer<typeof ReleaseStatusSchema>;

export const HeadlineSchema = z.string().max(500);

export const DraftSchema = z.object({
  id: DraftIdSchema,
  headline: HeadlineSchema,
  body: DocSchema,
  meta: ReleaseMetaSchema,
  status: ReleaseStatusSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  trashedAt: TimestampSchema.nullable(),
  /** Incremented by every save; lets a client tell its own save from someone else's. */
  revision: z.number().int().nonnegative(),
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
});

export const ExportFormatSchema = z.enum(['md', 'html']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportFileSchema = z.object({
  fileName: z.string().min(1),
  mediaType: z.string().min(1),
  content: z.string(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
