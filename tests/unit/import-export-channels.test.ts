import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type DesktopAbilities } from '../../main/services/handlers';
import { openServices, type OpenedServices } from '../../main/services';

let dir: string;
let services: OpenedServices;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-channels-'));
  services = await openServices({ storeDir: path.join(dir, 'store') });
});

afterEach(async () => {
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const desktop = (folder: string | null): DesktopAbilities => ({
  chooseSavePath: async () => null,
  chooseFolder: async () => folder,
  writeFile: async () => undefined,
});

describe('import:files and export:batch', () => {
  it('imports what the window read, reporting the bad file, and writes nothing for it', async () => {
    const handlers = createHandlers(services);
    const result = await dispatch(handlers, 'import:files', {
      files: [
        { name: 'good.md', text: '# Good\n\nText.' },
        { name: 'page.html', text: '<h1>Page</h1><p onclick="x()">Body</p>' },
        { name: 'bad.md', text: '---\nplaces: [x\n---\n' },
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        imported: [
          { name: 'good.md', headline: 'Good' },
          { name: 'page.html', headline: 'Page' },
        ],
        failed: [{ name: 'bad.md', error: expect.stringMatching(/^bad\.md: .*line 2/) }],
      },
    });
    expect(services.drafts.list('active')).toHaveLength(2);
  });

  it('refuses a malformed request and changes nothing', async () => {
    const handlers = createHandlers(services);
    for (const payload of [{}, { files: [] }, { files: [{ name: 'a.md' }] }, { files: 'x' }]) {
      const result = await dispatch(handlers, 'import:files', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(services.drafts.list('active')).toEqual([]);
  });

  it('exports a selection to the folder the officer picks, or nothing when cancelled', async () => {
    const a = await services.drafts.createFrom({
      ...(await services.drafts.create()),
      headline: 'First',
    });
    const out = path.join(dir, 'out');
    const done = await dispatch(createHandlers(services, desktop(out)), 'export:batch', {
      selection: { ids: [a.id] },
      formats: ['md', 'ninjs'],
      force: false,
    });
    expect(done).toMatchObject({ ok: true, value: { status: 'done', folder: out, failed: [] } });
    expect((await fs.readdir(out)).sort()).toEqual([
      expect.stringMatching(/-first\.json$/),
      expect.stringMatching(/-first\.md$/),
    ]);
    const cancelled = await dispatch(createHandlers(services, desktop(null)), 'export:batch', {
      selection: { all: true },
      formats: ['md'],
      force: false,
    });
    expect(cancelled).toEqual({ ok: true, value: { status: 'cancelled' } });
    const browser = await dispatch(createHandlers(services), 'export:batch', {
      selection: { all: true },
      formats: ['md'],
      force: false,
    });
    expect(browser).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
