import {
  contract,
  isChannel,
  isDesktopOnly,
  type Channel,
  type ChannelArgs,
  type ChannelOutput,
} from '../../shared/contract';
import { ServiceError, type Result } from '../../shared/result';
import type { ExportFormat } from '../../shared/schemas';
import { exportBatch } from './export-batch';
import { importFiles } from './import-files';
import type { Services } from './types';
import { newReleaseDefaults } from './preferences';
import { preferenceHandlers, type AppAbilities } from './preferences-handlers';

export type { AppAbilities } from './preferences-handlers';

export type Handler<C extends Channel> = (args: ChannelArgs<C>) => Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]?: Handler<C> };

/** What only the desktop shell can do: ask the user where to put a file, and write it there. */
export interface DesktopAbilities {
  chooseSavePath(defaultName: string, format: ExportFormat): Promise<string | null>;
  /** A folder for a batch export, or null when the officer cancels. */
  chooseFolder(): Promise<string | null>;
  /** Tells the window how far a batch export has got. */
  reportBatchProgress?(progress: { done: number; total: number; headline: string }): void;
  writeFile(path: string, content: string): Promise<void>;
}

export const createHandlers = (
  services: Services,
  desktop?: DesktopAbilities,
  app?: AppAbilities,
): Handlers => {
  const handlers: Handlers = {
    ...(app ? preferenceHandlers(services, app) : {}),
    'app:info': async () => ({ storePath: services.storePath, version: services.version }),
    'taxonomies:get': async () => services.taxonomies.get(),
    'drafts:list': async ({ view }) => services.drafts.list(view),
    'drafts:create': ({ templateId }) =>
      templateId
        ? services.workflow.createFromTemplate(templateId)
        : services.drafts.create(app ? newReleaseDefaults(app.preferences.get()) : undefined),
    'drafts:mark-ready': ({ id }) => services.workflow.markReady(id),
    'templates:list': async () => services.templates.list(),
    'templates:save': async ({ draftId, name }) =>
      services.templates.saveFromDraft(await services.drafts.get(draftId), name),
    'templates:update': async ({ id, name, fromDraftId }) =>
      services.templates.update(id, {
        name,
        draft: fromDraftId ? await services.drafts.get(fromDraftId) : undefined,
      }),
    'templates:delete': async ({ id }) => {
      await services.templates.remove(id);
      return { deleted: true as const };
    },
    'drafts:get': ({ id }) => services.drafts.get(id),
    'drafts:save': (update) => services.drafts.save(update),
    'drafts:journal': (update) => services.drafts.journal(update),
    'store:report': async () => services.storeReport(),
    'drafts:trash': ({ id }) => services.drafts.trash(id),
    'drafts:restore': ({ id }) => services.drafts.restore(id),
    'export:render': ({ id, format }) => services.exports.render(id, format),
    'import:files': ({ files }) =>
      importFiles(files, { drafts: services.drafts, taxonomies: services.taxonomies.get() }),
  };
  if (desktop) {
    handlers['export:batch'] = async ({ selection, formats, force }) => {
      const folder = await desktop.chooseFolder();
      if (!folder) return { status: 'cancelled' };
      const result = await exportBatch(
        {
          listActive: () => services.drafts.list('active'),
          getDraft: (id) => services.drafts.get(id),
          getTaxonomies: () => services.taxonomies.get(),
        },
        { selection, formats, outDir: folder, force },
        ({ done, total, headline }) => desktop.reportBatchProgress?.({ done, total, headline }),
      );
      return { status: 'done', folder, ...result };
    };
    handlers['export:save'] = async ({ id, format }) => {
      const file = await services.exports.render(id, format);
      const path = await desktop.chooseSavePath(file.fileName, format);
      if (!path) return { status: 'cancelled' };
      await desktop.writeFile(path, file.content);
      return { status: 'saved', path };
    };
  }
  return handlers;
};

const describeIssues = (issues: readonly { path: PropertyKey[]; message: string }[]): string =>
  issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${issue.path.length ? issue.path.map(String).join('.') : 'payload'}: ${issue.message}`,
    )
    .join('; ');

/**
 * The one door into the services: takes a channel name and an untrusted payload, parses it with
 * the channel's schema, and always answers with a result envelope — never throws.
 */
export const dispatch = async (
  handlers: Handlers,
  channel: string,
  payload: unknown,
): Promise<Result<unknown>> => {
  if (!isChannel(channel) || !handlers[channel]) {
    const why = isChannel(channel) && isDesktopOnly(channel) ? ' in browser mode' : '';
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `No such action${why}: ${channel}` },
    };
  }
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}`,
      },
    };
  }
  const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ServiceError) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Unexpected error in ${channel}: ${message}` },
    };
  }
};
