import { z } from 'zod';
import {
  DraftIdSchema,
  DraftSchema,
  DraftSummarySchema,
  DocSchema,
  ExportFileSchema,
  ExportFormatSchema,
  HeadlineSchema,
  ReleaseMetaSchema,
  ReleaseStatusSchema,
  TaxonomiesSchema,
} from './schemas';

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Needs the desktop shell (a native dialog); browser mode does not offer it. */
  desktopOnly?: true;
}

const ById = z.object({ id: DraftIdSchema }).strict();

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
  'drafts:create': { input: z.object({}).strict(), output: DraftSchema },
  'drafts:get': { input: ById, output: DraftSchema },
  'drafts:save': {
    input: z
      .object({
        id: DraftIdSchema,
        headline: HeadlineSchema,
        body: DocSchema,
        meta: ReleaseMetaSchema,
        status: ReleaseStatusSchema,
      })
      .strict(),
    output: DraftSummarySchema,
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
