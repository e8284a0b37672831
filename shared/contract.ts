import { z } from 'zod';
import {
  DraftIdSchema,
  DraftSchema,
  DraftSummarySchema,
  DocSchema,
  ExportFileSchema,
  ExportFormatSchema,
  HeadlineSchema,
  LanguageSchema,
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
import { AuthorNameSchema, hasActiveMarkup, ReviewStateSchema } from './review';
import { ReviewOpenResultSchema, REVIEW_FILE_MAX_BYTES } from './review-file';
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
    /** The review threads and suggestions; left as stored when absent. */
    review: ReviewStateSchema.optional(),
  })
  .strict();

/**
 * Every request from a window to the services, each with the schema of what it sends and of
 * what it gets back. The preload, the IPC glue, the browser-mode host and the renderer's client
 * are all derived from this one object.
 */
export const requests = {
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
  /**
   * The release as a `.newsroom-review` file (shared/review-file.ts): to send it for review
   * ("Send for review…") or to give a review back ("Return to author…"). The window saves it
   * (a download in browser mode, the save dialog on the desktop).
   */
  'review:export': {
    input: z
      .object({
        id: DraftIdSchema,
        purpose: z.enum(['send', 'return']),
        // A name the receiver would refuse is refused here, before the file is written.
        by: AuthorNameSchema.refine((name) => !hasActiveMarkup(name), {
          message: 'the name contains a script or markup',
        }),
      })
      .strict(),
    output: z.object({ fileName: z.string().min(1).max(255), content: z.string() }).strict(),
  },
  /**
   * A `.newsroom-review` file opened: merged into the release it belongs to, or, for a release
   * this store does not have, reported so the window can offer to import it (`asNew`).
   */
  'review:open': {
    input: z
      .object({
        name: z.string().min(1).max(255),
        text: z.string().max(REVIEW_FILE_MAX_BYTES),
        asNew: z.boolean().optional(),
      })
      .strict(),
    output: ReviewOpenResultSchema,
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
  /**
   * The release this window shows (or none), so the shell can follow it: the spell checker's
   * language, and which release each window reopens on at the next start.
   */
  'window:showing': {
    input: z.object({ id: DraftIdSchema.nullable(), language: LanguageSchema.nullable() }).strict(),
    output: z.object({}).strict(),
  },
} as const satisfies Record<string, ChannelSpec>;

/** Commands the app offers in its menu, its command palette and on the keyboard. */
export const RENDERER_COMMANDS = [
  'release:new',
  'release:save',
  'release:export-md',
  'release:export-html',
  'release:trash',
  'view:library',
  'view:trash',
  'app:palette',
  'app:preferences',
  'review:comment',
  'review:suggest',
  'review:send',
  'review:return',
] as const;
export type RendererCommand = (typeof RENDERER_COMMANDS)[number];
export const RendererCommandSchema = z.enum(RENDERER_COMMANDS);

export interface CommandSpec {
  label: string;
  /** Electron accelerator syntax; `CmdOrCtrl` is ⌘ on macOS and Ctrl elsewhere. */
  accelerator?: string;
  /** Words the palette also matches on. */
  keywords?: string;
}

/** What the menu and the palette show for each command: one label, one shortcut. */
export const COMMAND_SPECS: Record<RendererCommand, CommandSpec> = {
  'release:new': { label: 'New Release', accelerator: 'CmdOrCtrl+N', keywords: 'create draft' },
  'release:save': { label: 'Save Now', accelerator: 'CmdOrCtrl+S', keywords: 'store flush' },
  'release:export-md': {
    label: 'Export as Markdown…',
    accelerator: 'CmdOrCtrl+E',
    keywords: 'md download',
  },
  'release:export-html': {
    label: 'Export as HTML…',
    accelerator: 'CmdOrCtrl+Shift+E',
    keywords: 'web download',
  },
  'release:trash': {
    label: 'Move to Trash',
    accelerator: 'CmdOrCtrl+Shift+Backspace',
    keywords: 'delete remove',
  },
  'view:library': { label: 'Show Library', accelerator: 'CmdOrCtrl+1', keywords: 'releases list' },
  'view:trash': { label: 'Show Trash', accelerator: 'CmdOrCtrl+2', keywords: 'deleted' },
  'app:palette': {
    label: 'Command Palette…',
    accelerator: 'CmdOrCtrl+Shift+P',
    keywords: 'commands actions',
  },
  'app:preferences': {
    label: 'Preferences…',
    accelerator: 'CmdOrCtrl+,',
    keywords: 'settings options theme dark officer name store folder spelling',
  },
  'review:comment': {
    label: 'Comment',
    accelerator: 'CmdOrCtrl+Alt+M',
    keywords: 'review thread note annotate',
  },
  'review:suggest': {
    label: 'Suggest changes',
    accelerator: 'CmdOrCtrl+Alt+S',
    keywords: 'review track changes suggestion mode',
  },
  'review:send': {
    label: 'Send for review…',
    accelerator: 'CmdOrCtrl+Alt+E',
    keywords: 'review file colleague share',
  },
  'review:return': {
    label: 'Return to author…',
    accelerator: 'CmdOrCtrl+Alt+Shift+E',
    keywords: 'review file give back',
  },
};

/**
 * Everything main tells the windows, each with the schema its payload must pass. Services
 * publish these at the moment something changes; the IPC glue and the browser-mode host's event
 * stream are the only two forwarders, and every window hears every event.
 */
export const events = {
  /** A release was saved (typed, marked ready, in any window): its new summary. */
  'release:saved': z.object({ summary: DraftSummarySchema }).strict(),
  /** Releases were created, imported, trashed or restored: their summaries as they now are. */
  'library:changed': z
    .object({
      change: z.enum(['created', 'imported', 'trashed', 'restored']),
      summaries: z.array(DraftSummarySchema).max(10_000),
    })
    .strict(),
  /** A batch export moved on by one release, for the request (`jobId`) that started it. */
  'export:progress': z
    .object({
      jobId: z.string().min(1).max(64),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      headline: z.string(),
    })
    .strict(),
  /** Preferences changed in some window (theme, officer's name…): the new view of them. */
  'preferences:changed': z.object({ preferences: PreferencesViewSchema }).strict(),
  /** The officers' own templates changed: the whole list (built-in ones included). */
  'templates:changed': z.object({ templates: z.array(TemplateSchema) }).strict(),
  /** The store repaired or recovered something on its own (a damaged file, a stale lock…). */
  'store:repaired': z.object({ events: z.array(StoreEventSchema).min(1).max(1000) }).strict(),
  /** The store moved (Preferences): every window reads its library from the new folder. */
  'store:changed': z.object({ storePath: z.string().min(1) }).strict(),
  /** A menu item or shortcut the shell caught, for the focused window to run. */
  'menu:command': z.object({ command: RendererCommandSchema }).strict(),
} as const satisfies Record<string, z.ZodType>;

/** The two directions in one place. */
export const contract = { requests, events } as const;

export type Contract = typeof contract;
export type Channel = keyof typeof requests;
export type ChannelInput<C extends Channel> = z.input<(typeof requests)[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<(typeof requests)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof requests)[C]['output']>;

export const channels = Object.keys(requests) as Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(requests, name);

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/**
 * One event as it travels: its name, its payload, and the window whose request caused it
 * (`origin`, the id that window sends with its requests), or null when main acted on its own.
 */
export type EventMessage = {
  [E in EventName]: { event: E; payload: EventPayload<E>; origin: string | null };
}[EventName];

const OriginSchema = z.string().min(1).max(64).nullable();

/** A message from the other side, checked against its event's schema; null when it does not fit. */
export const parseEventMessage = (value: unknown): EventMessage | null => {
  if (typeof value !== 'object' || value === null) return null;
  const { event, payload, origin } = value as Record<string, unknown>;
  if (typeof event !== 'string' || !Object.hasOwn(events, event)) return null;
  const name = event as EventName;
  const parsedPayload = events[name].safeParse(payload);
  const parsedOrigin = OriginSchema.safeParse(origin ?? null);
  if (!parsedPayload.success || !parsedOrigin.success) return null;
  // zod types the union of every event's payload; the schema picked by `name` fits that name's.
  return { event: name, payload: parsedPayload.data, origin: parsedOrigin.data } as EventMessage;
};

/** Browser mode's paths and header: requests under `api/`, events on one stream. */
export const API_PATH = 'api/';
export const EVENTS_PATH = 'events';
/** The header a page sends its own id in, so the events its requests cause say so. */
export const ORIGIN_HEADER = 'x-newsroom-origin';

/** A window's own id as it comes with a request: a short string, or none. */
export const originOf = (value: unknown): string | null => {
  const parsed = OriginSchema.safeParse(value ?? null);
  return parsed.success ? parsed.data : null;
};

/** The IPC channel every event travels on, apart from the request channels. */
export const EVENT_CHANNEL = 'newsroom:event';

/**
 * The one object the preload exposes as `window.newsroom`: one function per request channel
 * (with the id of the window asking), and a subscription to main's events, already checked.
 */
export interface DesktopBridge {
  request: { [C in Channel]: (payload: unknown, origin: string) => Promise<unknown> };
  subscribe(listener: (message: EventMessage) => void): () => void;
}

export const BRIDGE_KEY = 'newsroom';
