import {
  isChannel,
  requests,
  type Channel,
  type ChannelArgs,
  type ChannelOutput,
} from '../../shared/contract';
import type { Preferences, StoreMoveResult } from '../../shared/preferences-schema';
import { ServiceError, type Result } from '../../shared/result';
import type { ExportFormat, Language } from '../../shared/schemas';
import { asRequestOf, currentOrigin } from './event-bus';
import { exportBatch } from './export-batch';
import { importFiles } from './import-files';
import type { Services } from './types';
import { newReleaseDefaults } from './preferences';

export type Handler<C extends Channel> = (args: ChannelArgs<C>) => Promise<ChannelOutput<C>>;
/** One handler for every channel of the contract: a channel left out does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** What only the desktop shell can do: ask the user where to put a file, and write it there. */
export interface DesktopAbilities {
  chooseSavePath(defaultName: string, format: ExportFormat): Promise<string | null>;
  /** A folder for a batch export, or null when the officer cancels. */
  chooseFolder(): Promise<string | null>;
  writeFile(path: string, content: string): Promise<void>;
  /** The release a window shows now, told by that window (`origin`). */
  showing?(origin: string | null, release: { id: string | null; language: Language | null }): void;
}

/** What the shell around the services offers for preferences, in either mode. */
export interface AppAbilities {
  preferences: {
    get(): Preferences;
    update(patch: Partial<Preferences>): Promise<Preferences>;
  };
  /** Only a shell that can reopen its services (the desktop app) moves the store. */
  moveStore?(): Promise<StoreMoveResult>;
  /** Whether the shell sets the spell checker's language (Electron, except on macOS). */
  choosesSpellcheckLanguage?: boolean;
}

/** A channel this shell does not offer: answered as an unknown action, naming why. */
export const unavailable = (channel: Channel, where: string) => async (): Promise<never> => {
  throw new ServiceError('UNKNOWN_CHANNEL', `No such action ${where}: ${channel}`);
};

const desktopHandlers = (
  services: Services,
  desktop: DesktopAbilities | undefined,
): Pick<Handlers, 'export:batch' | 'export:save'> => {
  if (!desktop) {
    return {
      'export:batch': unavailable('export:batch', 'in browser mode'),
      'export:save': unavailable('export:save', 'in browser mode'),
    };
  }
  return {
    'export:batch': async ({ selection, formats, force, jobId }) => {
      const folder = await desktop.chooseFolder();
      if (!folder) return { status: 'cancelled' };
      const result = await exportBatch(
        {
          listActive: () => services.drafts.list('active'),
          getDraft: (id) => services.drafts.get(id),
          getTaxonomies: () => services.taxonomies.get(),
        },
        { selection, formats, outDir: folder, force },
        ({ done, total, headline }) => {
          if (jobId) services.publish('export:progress', { jobId, done, total, headline });
        },
      );
      return { status: 'done', folder, ...result };
    },
    'export:save': async ({ id, format }) => {
      const file = await services.exports.render(id, format);
      const path = await desktop.chooseSavePath(file.fileName, format);
      if (!path) return { status: 'cancelled' };
      await desktop.writeFile(path, file.content);
      return { status: 'saved', path };
    },
  };
};

type PreferenceChannels = 'preferences:get' | 'preferences:set' | 'store:move';

const preferenceHandlers = (
  services: Services,
  app: AppAbilities | undefined,
): Pick<Handlers, PreferenceChannels> => {
  if (!app) {
    return {
      'preferences:get': unavailable('preferences:get', 'here'),
      'preferences:set': unavailable('preferences:set', 'here'),
      'store:move': unavailable('store:move', 'here'),
    };
  }
  const view = (preferences: Preferences) => ({
    ...preferences,
    activeStorePath: services.storePath,
    canMoveStore: app.moveStore !== undefined,
    canChooseSpellcheckLanguage: app.choosesSpellcheckLanguage ?? false,
  });
  const move = app.moveStore;
  return {
    'preferences:get': async () => view(app.preferences.get()),
    'preferences:set': async (patch) => {
      const next = view(await app.preferences.update(patch));
      services.publish('preferences:changed', { preferences: next });
      return next;
    },
    'store:move': move ? () => move() : unavailable('store:move', 'in browser mode'),
  };
};

export const createHandlers = (
  services: Services,
  desktop?: DesktopAbilities,
  app?: AppAbilities,
): Handlers => ({
  ...preferenceHandlers(services, app),
  ...desktopHandlers(services, desktop),
  'app:info': async () => ({ storePath: services.storePath, version: services.version }),
  'review:export': (args) => services.review.exportFile(args),
  'review:open': (args) => services.review.open(args),
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
  'window:showing': async (release) => {
    desktop?.showing?.(currentOrigin(), release);
    return {};
  },
});

const describeIssues = (issues: readonly { path: PropertyKey[]; message: string }[]): string =>
  issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${issue.path.length ? issue.path.map(String).join('.') : 'payload'}: ${issue.message}`,
    )
    .join('; ');

/** A parse that ran out of stack: a payload nested deeper than any schema bounds. */
const isStackOverflow = (error: unknown): boolean =>
  error instanceof RangeError && /call stack/i.test(error.message);

/**
 * The one door into the services: takes a channel name and an untrusted payload, parses it with
 * the channel's schema, and always answers with a result envelope — never throws, not even for
 * a payload that makes the parse itself fail (the body schema bounds its own depth, and a
 * stack overflow anywhere else is still answered as the client's mistake). `origin` is the
 * window asking; what the request publishes carries it.
 */
export const dispatch = async (
  handlers: Handlers,
  channel: string,
  payload: unknown,
  origin: string | null = null,
): Promise<Result<unknown>> => {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_CHANNEL',
        message: `No such action: ${String(channel).slice(0, 80)}`,
      },
    };
  }
  let parsing = true;
  try {
    const parsed = requests[channel].input.safeParse(payload);
    parsing = false;
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}`,
        },
      };
    }
    // Each channel's handler takes that channel's parsed input; the map is keyed by channel.
    const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await asRequestOf(origin, () => handler(parsed.data)) };
  } catch (error) {
    if (error instanceof ServiceError) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    if (parsing && isStackOverflow(error)) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid request for ${channel}: it is nested too deeply to read`,
        },
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Unexpected error in ${channel}: ${message}` },
    };
  }
};
