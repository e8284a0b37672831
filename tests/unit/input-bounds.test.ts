import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDraft } from '../../main/services/draft-checks';
import { createHandlers, dispatch, type Handlers } from '../../main/services/handlers';
import { openServices } from '../../main/services';
import { checkStore } from '../../main/store/check';
import { DRAFTS_DIR, LIBRARY_FILE } from '../../main/store/store-info';
import { MAX_BODY_DEPTH } from '../../shared/body-bounds';
import type { RichNode } from '../../shared/schemas';
import {
  closeHandlersFixture,
  openHandlersFixture,
  saveRequest,
  type HandlersFixture,
} from '../support/handlers-fixture';

/** A document whose paragraph sits inside `depth` blockquotes, built without recursion. */
const nestedBody = (depth: number): RichNode => {
  let node: RichNode = { type: 'paragraph', content: [{ type: 'text', text: 'Deep.' }] };
  for (let i = 0; i < depth; i += 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
};

const paragraph = (text: RichNode): RichNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [text] }],
});

let fixture: HandlersFixture;
beforeEach(async () => {
  fixture = await openHandlersFixture();
});
afterEach(async () => {
  await closeHandlersFixture(fixture);
});

const save = (overrides: Record<string, unknown>) =>
  dispatch(fixture.handlers, 'drafts:save', saveRequest(fixture.draft, overrides));

/** The store, closed and opened again as the next start of the app would. */
const reopen = async (): Promise<Handlers> => {
  await fixture.services.close();
  fixture.services = await openServices({ storeDir: fixture.dir, version: '9.9.9-test' });
  return createHandlers(fixture.services);
};

const expectRefused = (answer: unknown, message: RegExp): void => {
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  const text = (answer as { error: { message: string } }).error.message;
  expect(text).toMatch(message);
  expect(text).not.toMatch(/call stack/i);
};

describe('body depth', () => {
  it.each([800, 946, 100_000])(
    'refuses a body nested %i blockquotes deep, and the store still opens',
    async (depth) => {
      expectRefused(await save({ body: nestedBody(depth) }), /nested more than 64 levels deep/);
      const handlers = await reopen();
      const got = await dispatch(handlers, 'drafts:get', { id: fixture.draft.id });
      expect(got).toMatchObject({ ok: true, value: { revision: fixture.draft.revision } });
      expect(await dispatch(handlers, 'drafts:list', { view: 'active' })).toMatchObject({
        ok: true,
      });
    },
  );

  it('takes the deepest body the limit allows, and not one level more', async () => {
    // doc, 61 quotes, the paragraph, its text: 64 levels.
    expect(MAX_BODY_DEPTH).toBe(64);
    expect(await save({ body: nestedBody(61) })).toMatchObject({ ok: true });
    expectRefused(await save({ body: nestedBody(62) }), /nested more than 64 levels/);
  });

  it('answers a request nested deep anywhere, never throwing', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    await expect(dispatch(fixture.handlers, 'drafts:get', { id: deep })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await expect(
      dispatch(fixture.handlers, 'import:files', { files: [{ name: 'a.md', text: deep }] }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a body of more than 100,000 parts', async () => {
    const content = Array.from({ length: 50_001 }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'a' }],
    }));
    expectRefused(await save({ body: { type: 'doc', content } }), /more than 100,000 parts/);
  });
});

describe('a release file already on disk that is nested too deep', () => {
  /** Written as text: JSON.stringify itself overflows the stack on a body this deep. */
  const writeDeepFile = async (): Promise<void> => {
    const file = path.join(fixture.dir, DRAFTS_DIR, `${fixture.draft.id}.json`);
    const depth = 5_000;
    const body = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}{"type":"paragraph"}${']}'.repeat(depth)}]}`;
    const draft = JSON.stringify({ ...fixture.draft, body: null }).replace(
      '"body":null',
      `"body":${body}`,
    );
    JSON.parse(draft); // What the store reads: valid JSON, only too deep.
    await fs.writeFile(file, draft);
  };

  it('reads as damaged: get, export and check answer, with no stack overflow', async () => {
    await fixture.services.close();
    await writeDeepFile();
    fixture.services = await openServices({ storeDir: fixture.dir, version: '9.9.9-test' });
    const handlers = createHandlers(fixture.services);
    for (const answer of [
      await dispatch(handlers, 'drafts:get', { id: fixture.draft.id }),
      await dispatch(handlers, 'export:render', { id: fixture.draft.id, format: 'md' }),
      await dispatch(handlers, 'export:render', { id: fixture.draft.id, format: 'html' }),
    ]) {
      expect(JSON.stringify(answer)).not.toMatch(/call stack/i);
      // Either refused as damaged, or restored from a good copy: never the deep body.
      if (answer.ok) expect(JSON.stringify(answer.value)).not.toContain('"blockquote"');
    }
    const check = await checkStore(fixture.dir, { validateDraft });
    expect(JSON.stringify(check.findings)).not.toMatch(/call stack/i);
  });

  it('does not stop the store from opening after a crash with a damaged library', async () => {
    await fixture.services.close();
    await writeDeepFile();
    await fs.writeFile(path.join(fixture.dir, LIBRARY_FILE), '{ torn');
    fixture.services = await openServices({ storeDir: fixture.dir, version: '9.9.9-test' });
    const handlers = createHandlers(fixture.services);
    expect(await dispatch(handlers, 'drafts:list', { view: 'active' })).toMatchObject({
      ok: true,
    });
  });
});

describe('node types and attributes from the editor schema', () => {
  it.each([
    [
      'an attribute the node does not have',
      { type: 'paragraph', attrs: { onclick: 'x' } },
      /no attribute "onclick"/,
    ],
    [
      'a heading level given as text',
      { type: 'heading', attrs: { level: '2' } },
      /heading node cannot have level "2"/,
    ],
    [
      'a negative list start',
      {
        type: 'orderedList',
        attrs: { start: -1 },
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
      },
      /orderedList node cannot have start -1/,
    ],
    ['an object where a value goes', { type: 'paragraph', attrs: { x: { y: 1 } } }, /attrs/],
    [
      'an attribute of 10,000 characters',
      { type: 'heading', attrs: { level: 'x'.repeat(10_000) } },
      /attrs\.level/,
    ],
    [
      'seventeen attributes',
      {
        type: 'paragraph',
        attrs: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`a${i}`, 1])),
      },
      /more than 16 attributes/,
    ],
  ])('refuses %s', async (_label, block, message) => {
    expectRefused(await save({ body: { type: 'doc', content: [block] } }), message);
  });

  it('refuses a mark attribute the link does not have, or of the wrong type', async () => {
    const link = (attrs: Record<string, unknown>) =>
      paragraph({ type: 'text', text: 'a', marks: [{ type: 'link', attrs }] });
    expectRefused(
      await save({ body: link({ href: 'https://a.org', onmouseover: 'x' }) }),
      /link mark has no attribute "onmouseover"/,
    );
    expectRefused(
      await save({ body: link({ href: 'https://a.org', title: 123 }) }),
      /link mark cannot have title 123/,
    );
  });

  it('refuses a table cell spanning no columns', async () => {
    const cell = { type: 'tableCell', attrs: { colspan: 0 }, content: [{ type: 'paragraph' }] };
    const body = {
      type: 'doc',
      content: [{ type: 'table', content: [{ type: 'tableRow', content: [cell] }] }],
    };
    expectRefused(await save({ body }), /tableCell node cannot have colspan 0/);
  });

  it('keeps what the editor itself writes', async () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'H' }] },
        {
          type: 'orderedList',
          attrs: { start: 3, type: null },
          content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
        },
        paragraph({
          type: 'text',
          text: 'link',
          marks: [
            {
              type: 'link',
              attrs: { href: 'https://a.org', target: null, rel: null, class: null, title: null },
            },
          ],
        }).content?.[0],
      ],
    };
    expect(await save({ body })).toMatchObject({ ok: true });
  });
});

describe('text without NUL or half characters', () => {
  it.each([
    [
      'a NUL in the body',
      { body: paragraph({ type: 'text', text: 'a\u0000b' }) },
      /its text contains a NUL character/,
    ],
    [
      'a lone surrogate in the body',
      { body: paragraph({ type: 'text', text: 'a\uD800b' }) },
      /lone surrogate/,
    ],
    ['a NUL in the headline', { headline: 'Head\u0000line' }, /headline contains a NUL/],
    [
      'a lone surrogate in the lead',
      { blocks: { lead: 'x\uDC00', contact: '', about: '', endMark: false } },
      /blocks\.lead contains half of a character/,
    ],
  ])('refuses %s, and changes nothing', async (_label, overrides, message) => {
    expectRefused(await save(overrides), message);
    const got = await dispatch(fixture.handlers, 'drafts:get', { id: fixture.draft.id });
    expect(got).toMatchObject({ ok: true, value: { revision: fixture.draft.revision } });
  });

  it('takes characters outside the BMP whole', async () => {
    expect(await save({ body: paragraph({ type: 'text', text: 'Emoji 😀 and 𝄞' }) })).toMatchObject(
      {
        ok: true,
      },
    );
  });
});
