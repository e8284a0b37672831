import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHandlers,
  dispatch,
  type DesktopAbilities,
  type Handlers,
} from '../../main/services/handlers';
import type { OpenedServices } from '../../main/services';
import type { Draft } from '../../shared/schemas';
import {
  closeHandlersFixture,
  openHandlersFixture,
  saveRequest,
  validBody,
} from '../support/handlers-fixture';

let dir: string;
let services: OpenedServices;
let handlers: Handlers;
let draft: Draft;

const validSave = (overrides: Record<string, unknown> = {}) => saveRequest(draft, overrides);

beforeEach(async () => {
  ({ dir, services, handlers, draft } = await openHandlersFixture());
});

afterEach(async () => {
  await closeHandlersFixture({ dir, services });
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
