import { z } from 'zod';
import {
  DraftIdSchema,
  DraftSchema,
  DraftSummarySchema,
  DocSchema,
  ExportFileSchema,
  ExportFormatSchema,
  HeadlineSchema,
  ReleaseBlocksSchema,
  ReleaseMetaSchema,
  ReleaseStatusSchema,
  StoreEventSchema,
  TaxonomiesSchema,
} from './schemas';
import {
  BatchExportInputSchema,
  BatchExportOutputSchema,
  ImportFilesInputSchema,
  ImportSummarySchema,
} from './export/transfer-schemas';
import { ReadinessItemSchema, TemplateIdSchema, TemplateSchema } from './template-schema';
import {
  PreferencesUpdateSchema,
  PreferencesViewSchema,
  StoreMoveResultSchema,
} from './preferences-schema';

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Needs the desktop shell (a native dialog); browser mode does not offer it. */
  desktopOnly?: true;
}

const ById = z.object({ id: DraftIdSchema }).strict();

/** The content of an open release as the window sends it, to save or to journal. */
const DraftUpdateSchema = z
  .object({
    id: DraftIdSchema,
    headline: HeadlineSchema,
    body: DocSchema,
    meta: ReleaseMetaSchema,
    blocks: ReleaseBlocksSchema.optional(),
    status: ReleaseStatusSchema,
    /**
     * The revision the window's edits start from. A save whose base is not the stored revision
     * (another window saved meanwhile) is refused with CONFLICT rather than overwriting it.
     */
    baseRevision: z.number().int().nonnegative().optional(),
  })
  .strict();

/**
 * Every channel between the renderer and the services. The preload, the IPC registration,
 * the browser-mode host and the renderer's client are all derived from this one object.
 */
export const contract = {
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({ storePath: z.string(), version: z.string() }),
  },
  'taxonomies:get': { input: z.object({}).strict(), output: TaxonomiesSchema },
  'drafts:list': {
    input: z.object({ view: z.enum(['active', 'trash']) }).strict(),
    output: z.array(DraftSummarySchema),
  },
  'drafts:create': {
    input: z.object({ templateId: TemplateIdSchema.optional() }).strict(),
    output: DraftSchema,
  },
  'drafts:mark-ready': {
    input: ById,
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('ready'),
        summary: DraftSummarySchema,
        warnings: z.array(ReadinessItemSchema),
      }),
      z.object({ status: z.literal('blocked'), items: z.array(ReadinessItemSchema) }),
    ]),
  },
  'templates:list': { input: z.object({}).strict(), output: z.array(TemplateSchema) },
  'templates:save': {
    input: z.object({ draftId: DraftIdSchema, name: z.string().trim().min(1).max(120) }).strict(),
    output: TemplateSchema,
  },
  'templates:update': {
    input: z
      .object({
        id: TemplateIdSchema,
        name: z.string().trim().min(1).max(120).optional(),
        fromDraftId: DraftIdSchema.optional(),
      })
      .strict(),
    output: TemplateSchema,
  },
  'templates:delete': {
    input: z.object({ id: TemplateIdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  'drafts:get': { input: ById, output: DraftSchema },
  'drafts:save': { input: DraftUpdateSchema, output: DraftSummarySchema },
  /**
   * What the window holds of the open release, sent about once a second while the officer types
   * and kept durably until the next save, so a crash before that save loses nothing.
   */
  'drafts:journal': {
    input: DraftUpdateSchema,
    output: z.object({ journaledAt: z.iso.datetime({ offset: true }) }),
  },
  /** What the store repaired or recovered on its own since it opened, for the window to tell. */
  'store:report': {
    input: z.object({}).strict(),
    output: z.object({ events: z.array(StoreEventSchema) }),
  },
  'drafts:trash': { input: ById, output: DraftSummarySchema },
  'drafts:restore': { input: ById, output: DraftSummarySchema },
  'export:render': {
    input: z.object({ id: DraftIdSchema, format: ExportFormatSchema }).strict(),
    output: ExportFileSchema,
  },
  'export:save': {
    input: z.object({ id: DraftIdSchema, format: ExportFormatSchema }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
    desktopOnly: true,
  },
  /** Markdown and HTML files the officer dropped or picked, read in the window. */
  'import:files': { input: ImportFilesInputSchema, output: ImportSummarySchema },
  /** Many releases to a folder the officer picks in a native dialog. */
  'export:batch': {
    input: BatchExportInputSchema,
    output: BatchExportOutputSchema,
    desktopOnly: true,
  },
  'preferences:get': { input: z.object({}).strict(), output: PreferencesViewSchema },
  'preferences:set': { input: PreferencesUpdateSchema, output: PreferencesViewSchema },
  /**
   * Moves the store to a folder the officer picks in a native dialog: copied, checked, then used;
   * the old folder is kept. Desktop only: browser mode cannot reopen its services.
   */
  'store:move': { input: z.object({}).strict(), output: StoreMoveResultSchema, desktopOnly: true },
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

export const isDesktopOnly = (channel: Channel): boolean =>
  'desktopOnly' in contract[channel] && contract[channel].desktopOnly === true;

/** The API object the preload exposes as `window.newsroom`: one function per channel. */
export type DesktopBridge = {
  [C in Channel]: (payload: unknown) => Promise<unknown>;
};

export const BRIDGE_KEY = 'newsroom';
