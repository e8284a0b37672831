import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli';
import { openServices, type OpenedServices } from '../../main/services';
import {
  followStoreReport,
  type StoreReportSources,
} from '../../renderer/features/recovery/store-report';
import type { StoreEvent } from '../../shared/schemas';
import { makeTempDir, releaseBody } from '../support/store-fixtures';

/**
 * Every repair is heard of: the CLI prints it on stderr and leaves it in the store, and the app
 * opened afterwards shows it once; the window hears of repairs as they happen.
 */
let dir: string;
let opened: OpenedServices[] = [];

/** One second for everything: backups taken in the same second must still sort right. */
const sameSecond = () => new Date('2026-11-27T10:00:00.000Z');

const open = async (): Promise<OpenedServices> => {
  const services = await openServices({ storeDir: dir, clock: sameSecond });
  opened.push(services);
  return services;
};
const closeAll = async (): Promise<void> => {
  for (const services of opened) await services.close();
  opened = [];
};

beforeEach(async () => {
  dir = await makeTempDir('repairs');
});
afterEach(async () => {
  await closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A closed store with one release and the officer's templates, saved in that order. */
const storeWithWork = async (templateNames: string[] = ['Office opening']): Promise<string> => {
  const { drafts, templates } = await open();
  const draft = await drafts.create();
  await drafts.save({
    id: draft.id,
    headline: 'Mission opens office in Osh',
    body: releaseBody(300),
    meta: draft.meta,
    status: 'draft',
  });
  for (const name of templateNames) {
    await templates.saveFromDraft(await drafts.get(draft.id), name);
  }
  await closeAll();
  return draft.id;
};

const ownTemplates = (s: OpenedServices): string[] =>
  s.templates
    .list()
    .filter((t) => !t.builtin)
    .map((t) => t.name);

describe('repairs the CLI makes', () => {
  it('are printed on stderr by `newsroom list`, and shown once by the app opened afterwards', async () => {
    await storeWithWork();
    await fs.writeFile(path.join(dir, 'taxonomies.json'), '{ "contentTypes": [');
    await fs.writeFile(path.join(dir, 'templates.json'), '');

    const listed = await cli('list', '--store', dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Mission opens office in Osh');
    expect(listed.stderr).toMatch(/^newsroom: .*taxonomies\.json was damaged/m);
    expect(listed.stderr).toMatch(
      /^newsroom: .*templates\.json was damaged .*Your own templates were restored/m,
    );

    const app = await open();
    // The officer's templates are back, and the app says who put them back.
    expect(ownTemplates(app)).toEqual(['Office opening']);
    const shown = app.storeReport().events;
    expect(shown).toEqual([
      expect.objectContaining({
        kind: 'restored-file',
        earlierRun: true,
        by: 'newsroom (the command-line tool)',
        message: expect.stringContaining('taxonomies.json was damaged'),
      }),
      expect.objectContaining({
        kind: 'restored-file',
        earlierRun: true,
        message: expect.stringContaining('templates.json was damaged'),
      }),
    ]);
    // Every window of this run can still ask; the next run is not told again.
    expect(app.storeReport().events).toEqual(shown);
    await closeAll();
    expect((await open()).storeReport().events).toEqual([]);
  });

  it('are printed by `newsroom export` when it restores a torn release, and the export is whole', async () => {
    const id = await storeWithWork();
    const file = path.join(dir, 'drafts', `${id}.json`);
    await fs.truncate(file, (await fs.stat(file)).size - 3);

    const out = path.join(dir, '..', `${path.basename(dir)}-out`);
    const exported = await cli('export', '--store', dir, '--all', '--format', 'md', '--out', out);
    try {
      expect(exported.code).toBe(0);
      expect(exported.stderr).toMatch(/^newsroom: .*Mission opens office in Osh.*was damaged/m);
      const [name = ''] = await fs.readdir(out);
      expect(await fs.readFile(path.join(out, name), 'utf8')).toContain('OSCE');
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
    const app = await open();
    expect(app.storeReport().events.map((event) => event.kind)).toEqual(['restored-draft']);
  });

  it('stay in the store when the app closed before any window read its report', async () => {
    await storeWithWork();
    await fs.writeFile(path.join(dir, 'taxonomies.json'), 'not json');
    await open();
    await closeAll();
    const next = await open();
    expect(next.storeReport().events).toEqual([
      expect.objectContaining({ kind: 'restored-file', earlierRun: true }),
    ]);
  });
});

describe('template backups taken within one second', () => {
  it('restore the newest, every time', async () => {
    const restored: string[][] = [];
    for (let trial = 0; trial < 20; trial += 1) {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(dir);
      // A different text each trial, so the backups' hashes fall in every order.
      await storeWithWork([`Visit ${trial}`, `Visit ${trial}, revised`]);
      await fs.writeFile(path.join(dir, 'templates.json'), '{ "templates": [');
      const app = await open();
      restored.push(ownTemplates(app));
      await closeAll();
    }
    expect(restored).toEqual(
      Array.from({ length: 20 }, (_, trial) => [`Visit ${trial}`, `Visit ${trial}, revised`]),
    );
  });
});

describe('the window', () => {
  const event = (n: number): StoreEvent => ({
    kind: 'restored-draft',
    at: `2026-11-27T10:00:0${n}.000Z`,
    message: `repair ${n}`,
  });

  /** Sources the test drives: the report answers when told to; repairs arrive when sent. */
  const fakeSources = () => {
    let answer: (events: StoreEvent[]) => void = () => undefined;
    let listener: (events: StoreEvent[]) => void = () => undefined;
    const sources: StoreReportSources = {
      report: () => new Promise((resolve) => (answer = (events) => resolve({ events }))),
      onRepaired: (next) => {
        listener = next;
        return () => (listener = () => undefined);
      },
    };
    return {
      sources,
      answer: (events: StoreEvent[]) => answer(events),
      send: (e: StoreEvent[]) => listener(e),
    };
  };

  it('shows the report and every repair that arrives later, each once, in order', async () => {
    const { sources, answer, send } = fakeSources();
    let shown: StoreEvent[] = [];
    const stop = followStoreReport(sources, (change) => (shown = change(shown)));
    // A repair made while the report is on its way, and heard again in the report itself.
    send([event(2)]);
    answer([event(1), event(2)]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown.map((e) => e.message)).toEqual(['repair 1', 'repair 2']);
    send([event(3)]);
    expect(shown.map((e) => e.message)).toEqual(['repair 1', 'repair 2', 'repair 3']);
    stop();
    send([event(4)]);
    expect(shown).toHaveLength(3);
  });

  it('hears a repair made while the app runs, as the services publish it', async () => {
    const id = await storeWithWork();
    const heard: StoreEvent[] = [];
    const app = await openServices({
      storeDir: dir,
      clock: sameSecond,
      publish: (name, payload) => {
        if (name === 'store:repaired' && 'events' in payload) heard.push(...payload.events);
      },
    });
    opened.push(app);
    const file = path.join(dir, 'drafts', `${id}.json`);
    await fs.writeFile(file, 'not a release');
    await app.drafts.get(id);
    expect(heard.map((e) => e.kind)).toEqual(['restored-draft']);
  });
});
