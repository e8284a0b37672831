import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../shared/preferences-schema';
import {
  createHandlers,
  dispatch,
  type DesktopAbilities,
  type Handlers,
} from '../../main/handlers';
import { openServices, type OpenedServices } from '../../main/services';
import { channels } from '../../shared/contract';
import type { Draft } from '../../shared/schemas';

let dir: string;
let services: OpenedServices;
let handlers: Handlers;
let draft: Draft;

/** Every file of the store, path and bytes, folded into one digest. */
const hashFolder = async (root: string): Promise<string> => {
  const hash = createHash('sha256');
  const walk = async (folder: string): Promise<void> => {
    const entries = (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      hash.update(`${path.relative(root, full)}\0`);
      if (entry.isDirectory()) await walk(full);
      else hash.update(await fs.readFile(full));
    }
  };
  await walk(root);
  return hash.digest('hex');
};

const omit = <T extends object>(value: T, key: keyof T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Partial<T>;

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const validBody = () => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body text.' }] }],
});
const validSave = (overrides: Record<string, unknown> = {}) => ({
  id: draft.id,
  headline: 'Headline',
  body: validBody(),
  meta: draft.meta,
  status: 'draft',
  ...overrides,
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-handlers-'));
  services = await openServices({ storeDir: dir, version: '9.9.9-test' });
  let preferences = DEFAULT_PREFERENCES;
  handlers = createHandlers(services, undefined, {
    preferences: {
      get: () => preferences,
      update: async (patch) => (preferences = { ...preferences, ...patch }),
    },
  });
  draft = await services.drafts.create();
});

afterEach(async () => {
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('dispatch refuses bad requests and changes nothing', () => {
  // [what, channel, payload, code, message pattern]
  const cases: [string, string, () => unknown, string, RegExp][] = [
    [
      'unknown channel',
      'drafts:delete',
      () => ({ id: draft.id }),
      'UNKNOWN_CHANNEL',
      /No such action: drafts:delete/,
    ],
    ['prototype key as channel', 'toString', () => ({}), 'UNKNOWN_CHANNEL', /No such action/],
    [
      'desktop-only channel without the shell',
      'export:save',
      () => ({ id: draft.id, format: 'md' }),
      'UNKNOWN_CHANNEL',
      /in browser mode/,
    ],
    [
      'app:info with an extra field',
      'app:info',
      () => ({ verbose: true }),
      'INVALID_INPUT',
      /app:info: payload: Unrecognized key/,
    ],
    ['app:info with no object', 'app:info', () => 'info', 'INVALID_INPUT', /expected object/],
    ['taxonomies:get with null', 'taxonomies:get', () => null, 'INVALID_INPUT', /taxonomies:get/],
    ['drafts:list without a view', 'drafts:list', () => ({}), 'INVALID_INPUT', /view/],
    [
      'drafts:list with an unknown view',
      'drafts:list',
      () => ({ view: 'all' }),
      'INVALID_INPUT',
      /view: .*"active"/,
    ],
    ['drafts:list with a number', 'drafts:list', () => ({ view: 1 }), 'INVALID_INPUT', /view/],
    [
      'drafts:create with an extra field',
      'drafts:create',
      () => ({ headline: 'x' }),
      'INVALID_INPUT',
      /Unrecognized key/,
    ],
    [
      'drafts:create with undefined',
      'drafts:create',
      () => undefined,
      'INVALID_INPUT',
      /drafts:create/,
    ],
    ['drafts:get without an id', 'drafts:get', () => ({}), 'INVALID_INPUT', /id/],
    [
      'drafts:get with a number id',
      'drafts:get',
      () => ({ id: 42 }),
      'INVALID_INPUT',
      /id: .*string/,
    ],
    [
      'drafts:get with a path as id',
      'drafts:get',
      () => ({ id: '../../etc/passwd' }),
      'INVALID_INPUT',
      /release id/,
    ],
    [
      'drafts:get with an unknown id',
      'drafts:get',
      () => ({ id: MISSING_ID }),
      'NOT_FOUND',
      new RegExp(`No release with id ${MISSING_ID}`),
    ],
    [
      'drafts:get with an extra field',
      'drafts:get',
      () => ({ id: draft.id, full: true }),
      'INVALID_INPUT',
      /Unrecognized key/,
    ],
    [
      'drafts:save with no body',
      'drafts:save',
      () => {
        return omit(validSave(), 'body');
      },
      'INVALID_INPUT',
      /body/,
    ],
    [
      'drafts:save with an extra field',
      'drafts:save',
      () => validSave({ revision: 7 }),
      'INVALID_INPUT',
      /Unrecognized key.*revision/,
    ],
    [
      'drafts:save with a numeric headline',
      'drafts:save',
      () => validSave({ headline: 12 }),
      'INVALID_INPUT',
      /headline/,
    ],
    [
      'drafts:save with an unknown status',
      'drafts:save',
      () => validSave({ status: 'published' }),
      'INVALID_INPUT',
      /status/,
    ],
    [
      'drafts:save with a body that is not a document',
      'drafts:save',
      () => validSave({ body: { type: 'paragraph' } }),
      'INVALID_INPUT',
      /body: the body must be a document/,
    ],
    [
      'drafts:save with a script node',
      'drafts:save',
      () => validSave({ body: { type: 'doc', content: [{ type: 'script' }] } }),
      'INVALID_INPUT',
      /body is not a valid release document: .*script/,
    ],
    [
      'drafts:save with a document inside a paragraph',
      'drafts:save',
      () =>
        validSave({
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'doc' }] }] },
        }),
      'INVALID_INPUT',
      /body is not a valid release document/,
    ],
    [
      'drafts:save with an empty document',
      'drafts:save',
      () => validSave({ body: { type: 'doc', content: [] } }),
      'INVALID_INPUT',
      /body is not a valid release document: Invalid content for node doc/,
    ],
    [
      'drafts:save with a level-1 heading',
      'drafts:save',
      () =>
        validSave({
          body: {
            type: 'doc',
            content: [
              { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] },
            ],
          },
        }),
      'INVALID_INPUT',
      /body: heading level 1 is not allowed \(use 2 or 3/,
    ],
    [
      'drafts:save with an unknown mark',
      'drafts:save',
      () =>
        validSave({
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }],
              },
            ],
          },
        }),
      'INVALID_INPUT',
      /blink/,
    ],
    [
      'drafts:save with a javascript: link',
      'drafts:save',
      () =>
        validSave({
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [
                  {
                    type: 'text',
                    text: 'x',
                    marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                  },
                ],
              },
            ],
          },
        }),
      'INVALID_INPUT',
      /link target "javascript:alert\(1\)" is not allowed/,
    ],
    [
      'drafts:save with an unknown country',
      'drafts:save',
      () => validSave({ meta: { ...draft.meta, countryIds: ['atlantis'] } }),
      'INVALID_INPUT',
      /meta\.countryIds: "atlantis" is not a term of the countries taxonomy/,
    ],
    [
      'drafts:save with an unknown content type',
      'drafts:save',
      () => validSave({ meta: { ...draft.meta, contentTypeId: 'op-ed' } }),
      'INVALID_INPUT',
      /meta\.contentTypeId: "op-ed"/,
    ],
    [
      'drafts:save with a place id in sources',
      'drafts:save',
      () => validSave({ meta: { ...draft.meta, sourceIds: ['vienna'] } }),
      'INVALID_INPUT',
      /meta\.sourceIds: "vienna" is not a term of the sources taxonomy/,
    ],
    [
      'drafts:save with a non-slug term id',
      'drafts:save',
      () => validSave({ meta: { ...draft.meta, placeIds: ['Vienna'] } }),
      'INVALID_INPUT',
      /meta\.placeIds\.0: must be a lowercase slug/,
    ],
    [
      'drafts:save with an impossible date',
      'drafts:save',
      () => validSave({ meta: { ...draft.meta, date: '2025-02-30' } }),
      'INVALID_INPUT',
      /meta\.date: is not a calendar date/,
    ],
    [
      'drafts:save with meta missing a field',
      'drafts:save',
      () => {
        return validSave({ meta: omit(draft.meta, 'countryIds') });
      },
      'INVALID_INPUT',
      /meta\.countryIds/,
    ],
    [
      'drafts:save of a draft that does not exist',
      'drafts:save',
      () => validSave({ id: MISSING_ID }),
      'NOT_FOUND',
      new RegExp(`No release with id ${MISSING_ID}`),
    ],
    ['drafts:trash without an id', 'drafts:trash', () => ({}), 'INVALID_INPUT', /id/],
    [
      'drafts:trash of a draft that does not exist',
      'drafts:trash',
      () => ({ id: MISSING_ID }),
      'NOT_FOUND',
      /No release with id/,
    ],
    [
      'drafts:restore with an array',
      'drafts:restore',
      () => [draft.id],
      'INVALID_INPUT',
      /expected object/,
    ],
    [
      'drafts:restore of a draft that does not exist',
      'drafts:restore',
      () => ({ id: MISSING_ID }),
      'NOT_FOUND',
      /No release with id/,
    ],
    [
      'export:render with an unknown format',
      'export:render',
      () => ({ id: draft.id, format: 'pdf' }),
      'INVALID_INPUT',
      /format/,
    ],
    [
      'export:render without a format',
      'export:render',
      () => ({ id: draft.id }),
      'INVALID_INPUT',
      /format/,
    ],
    [
      'export:render of a draft that does not exist',
      'export:render',
      () => ({ id: MISSING_ID, format: 'md' }),
      'NOT_FOUND',
      /No release with id/,
    ],
    ['import:files without files', 'import:files', () => ({ files: [] }), 'INVALID_INPUT', /files/],
    [
      'export:batch (desktop-only) without the shell',
      'export:batch',
      () => ({ selection: { all: true }, formats: ['md'], force: false }),
      'UNKNOWN_CHANNEL',
      /in browser mode/,
    ],
    [
      'drafts:journal with no body',
      'drafts:journal',
      () => validSave({ body: undefined }),
      'INVALID_INPUT',
      /body/,
    ],
    [
      'drafts:journal of a draft that does not exist',
      'drafts:journal',
      () => validSave({ id: MISSING_ID }),
      'NOT_FOUND',
      /No release with id/,
    ],
    [
      'drafts:create from a template that does not exist',
      'drafts:create',
      () => ({ templateId: 'no-such-template' }),
      'NOT_FOUND',
      /No template with id no-such-template/,
    ],
    [
      'drafts:mark-ready of a draft that does not exist',
      'drafts:mark-ready',
      () => ({ id: MISSING_ID }),
      'NOT_FOUND',
      /No release with id/,
    ],
    [
      'templates:list with an extra field',
      'templates:list',
      () => ({ builtin: true }),
      'INVALID_INPUT',
      /Unrecognized key/,
    ],
    [
      'templates:save with an empty name',
      'templates:save',
      () => ({ draftId: draft.id, name: '   ' }),
      'INVALID_INPUT',
      /name/,
    ],
    [
      'templates:save from a release that does not exist',
      'templates:save',
      () => ({ draftId: MISSING_ID, name: 'Weekly round-up' }),
      'NOT_FOUND',
      /No release with id/,
    ],
    [
      'templates:update of a built-in template',
      'templates:update',
      () => ({ id: 'press-release', name: 'Mine now' }),
      'INVALID_INPUT',
      /Built-in templates cannot be changed/,
    ],
    [
      'templates:delete of a template that does not exist',
      'templates:delete',
      () => ({ id: 'own-nothing-000000' }),
      'NOT_FOUND',
      /No template with id/,
    ],
    [
      'templates:delete with a path as id',
      'templates:delete',
      () => ({ id: '../store.json' }),
      'INVALID_INPUT',
      /template id/,
    ],
    [
      'drafts:save from a revision someone else has saved over',
      'drafts:save',
      () => validSave({ baseRevision: 5 }),
      'CONFLICT',
      /saved elsewhere \(revision 0\)/,
    ],
    [
      'preferences:get with an extra field',
      'preferences:get',
      () => ({ all: true }),
      'INVALID_INPUT',
      /Unrecognized key/,
    ],
    [
      'preferences:set with a theme that does not exist',
      'preferences:set',
      () => ({ theme: 'sepia' }),
      'INVALID_INPUT',
      /theme/,
    ],
    [
      'preferences:set trying to point the store elsewhere',
      'preferences:set',
      () => ({ storeDir: '/tmp/elsewhere' }),
      'INVALID_INPUT',
      /Unrecognized key/,
    ],
    ['store:move in browser mode', 'store:move', () => ({}), 'UNKNOWN_CHANNEL', /in browser mode/],
    [
      'store:report with an extra field',
      'store:report',
      () => ({ all: true }),
      'INVALID_INPUT',
      /Unrecognized key/,
    ],
  ];

  it.each(cases)('%s', async (_what, channel, payload, code, message) => {
    const before = await hashFolder(dir);
    const result = await dispatch(handlers, channel, payload());
    expect(result).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(await hashFolder(dir)).toBe(before);
  });

  it('covers every channel of the contract', () => {
    const covered = new Set(cases.map(([, channel]) => channel));
    expect(channels.filter((channel) => !covered.has(channel))).toEqual([]);
  });
});

describe('dispatch happy paths', () => {
  const ok = async (channel: string, payload: unknown, h: Handlers = handlers) => {
    const result = await dispatch(h, channel, payload);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
    return result.value;
  };

  it('answers app:info and taxonomies:get', async () => {
    expect(await ok('app:info', {})).toEqual({
      storePath: path.resolve(dir),
      version: '9.9.9-test',
    });
    const taxonomies = (await ok('taxonomies:get', {})) as { contentTypes: { id: string }[] };
    expect(taxonomies.contentTypes.map((t) => t.id)).toContain('press-release');
  });

  it('creates, saves, lists, trashes, restores and exports', async () => {
    const created = (await ok('drafts:create', {})) as Draft;
    expect(created).toMatchObject({ headline: '', revision: 0, status: 'draft' });

    const summary = await ok(
      'drafts:save',
      validSave({
        id: created.id,
        headline: 'Mission supports elections',
        status: 'ready',
        meta: {
          ...created.meta,
          placeIds: ['vienna'],
          countryIds: ['austria'],
          fieldOfWorkIds: ['elections'],
        },
      }),
    );
    expect(summary).toMatchObject({ id: created.id, revision: 1, status: 'ready' });
    expect(await ok('drafts:get', { id: created.id })).toMatchObject({
      headline: 'Mission supports elections',
      body: validBody(),
    });
    expect(((await ok('drafts:list', { view: 'active' })) as { id: string }[])[0]?.id).toBe(
      created.id,
    );

    expect(await ok('drafts:trash', { id: created.id })).toMatchObject({
      trashedAt: expect.any(String),
    });
    expect(await ok('drafts:list', { view: 'trash' })).toEqual([
      expect.objectContaining({ id: created.id }),
    ]);
    expect(await ok('drafts:restore', { id: created.id })).toMatchObject({ trashedAt: null });

    for (const format of ['md', 'html'] as const) {
      const file = (await ok('export:render', { id: created.id, format })) as {
        fileName: string;
        content: string;
      };
      expect(file.fileName).toMatch(new RegExp(`\\.${format}$`));
      expect(file.content).toContain('Mission supports elections');
    }

    const written: { path: string; content: string }[] = [];
    const desktop: DesktopAbilities = {
      chooseSavePath: async (name) => path.join('/chosen', name),
      chooseFolder: async () => null,
      writeFile: async (target, content) => void written.push({ path: target, content }),
    };
    const saved = await ok(
      'export:save',
      { id: created.id, format: 'md' },
      createHandlers(services, desktop),
    );
    expect(saved).toMatchObject({ status: 'saved' });
    expect(written[0]?.content).toContain('Mission supports elections');
  });
});
