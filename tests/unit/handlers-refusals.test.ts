import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../main/services/handlers';
import type { OpenedServices } from '../../main/services';
import { channels } from '../../shared/contract';
import type { Draft } from '../../shared/schemas';
import {
  closeHandlersFixture,
  openHandlersFixture,
  saveRequest,
} from '../support/handlers-fixture';
import { hashFolder } from '../support/hash-folder';

// The refusals of drafts:save's document and metadata checks are in handlers-save-refusals.test.ts.

let dir: string;
let services: OpenedServices;
let handlers: Handlers;
let draft: Draft;

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const validSave = (overrides: Record<string, unknown> = {}) => saveRequest(draft, overrides);

beforeEach(async () => {
  ({ dir, services, handlers, draft } = await openHandlersFixture());
});

afterEach(async () => {
  await closeHandlersFixture({ dir, services });
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
      'window:showing with a release id that is a path',
      'window:showing',
      () => ({ id: '../../etc/passwd', language: 'en' }),
      'INVALID_INPUT',
      /id/,
    ],
    [
      'review:export of a release that does not exist',
      'review:export',
      () => ({ id: MISSING_ID, purpose: 'send', by: 'Anna Author' }),
      'NOT_FOUND',
      /No release with id/,
    ],
    [
      'review:export signed with markup',
      'review:export',
      () => ({ id: draft.id, purpose: 'send', by: '<script>alert(1)</script>' }),
      'INVALID_INPUT',
      /by: the name contains a script or markup/,
    ],
    [
      'review:open of a file that is not JSON',
      'review:open',
      () => ({ name: 'round-2.newsroom-review', text: 'PK\u0003\u0004 a zip' }),
      'INVALID_INPUT',
      /round-2\.newsroom-review cannot be opened: it is not a Newsroom review file/,
    ],
    ['review:open without a name', 'review:open', () => ({ text: '{}' }), 'INVALID_INPUT', /name/],
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
