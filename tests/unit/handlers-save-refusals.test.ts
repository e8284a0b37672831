import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../main/services/handlers';
import type { OpenedServices } from '../../main/services';
import type { Draft } from '../../shared/schemas';
import {
  closeHandlersFixture,
  openHandlersFixture,
  saveRequest,
} from '../support/handlers-fixture';
import { hashFolder } from '../support/hash-folder';

// The rest of the refusal table, with the check that it covers every channel, is in
// handlers-refusals.test.ts; the describe title is the same so the test names did not change.

let dir: string;
let services: OpenedServices;
let handlers: Handlers;
let draft: Draft;

const omit = <T extends object>(value: T, key: keyof T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Partial<T>;

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
  ];

  it.each(cases)('%s', async (_what, channel, payload, code, message) => {
    const before = await hashFolder(dir);
    const result = await dispatch(handlers, channel, payload());
    expect(result).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(await hashFolder(dir)).toBe(before);
  });
});
