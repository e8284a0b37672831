import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHandlers, type Handlers } from '../../main/services/handlers';
import { openServices, type OpenedServices } from '../../main/services';
import { DEFAULT_PREFERENCES } from '../../shared/preferences-schema';
import type { Draft } from '../../shared/schemas';

/** What each handlers test starts from: a fresh store with one draft, and browser-mode handlers. */
export interface HandlersFixture {
  dir: string;
  services: OpenedServices;
  handlers: Handlers;
  draft: Draft;
}

/** A real temporary folder: lowdb's presets switch to memory under vitest, our store must not. */
export const openHandlersFixture = async (): Promise<HandlersFixture> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-handlers-'));
  const services = await openServices({ storeDir: dir, version: '9.9.9-test' });
  // Held in memory: these tests must not touch the user's real preferences file.
  let preferences = DEFAULT_PREFERENCES;
  const handlers = createHandlers(services, undefined, {
    preferences: {
      get: () => preferences,
      update: async (patch) => (preferences = { ...preferences, ...patch }),
    },
  });
  const draft = await services.drafts.create();
  return { dir, services, handlers, draft };
};

export const closeHandlersFixture = async ({
  dir,
  services,
}: Pick<HandlersFixture, 'dir' | 'services'>): Promise<void> => {
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
};

export const validBody = () => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body text.' }] }],
});

/** A `drafts:save` payload for `draft` that passes every check, unless `overrides` break one. */
export const saveRequest = (draft: Draft, overrides: Record<string, unknown> = {}) => ({
  id: draft.id,
  headline: 'Headline',
  body: validBody(),
  meta: draft.meta,
  status: 'draft',
  ...overrides,
});
