import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDraftService } from '../../main/services/drafts';
import { serializeJson } from '../../main/store/atomic-json-file';
import { openNaiveStore } from '../../main/store/naive-store';
import { ReleaseStore } from '../../main/store/release-store';
import { STORE_SCHEMA_VERSION } from '../../main/store/store-info';
import { summarize, type Draft } from '../../shared/schemas';
import { makeDraft, releaseBody, seed, writeStaleLock } from '../support/store-fixtures';
import { ms, summarizeTimes, time, type BenchModule } from './stats';

const SIZES = [100, 1_000, 10_000] as const;
const SAVES = 200;
/** Saves before measuring, so the JIT and the caches are warm for every size alike. */
const WARM_UP = 20;
/** The naive design rewrites every draft per save; at 10,000 that is ~0.7 s, so fewer samples. */
const naiveSaves = (size: number): number => (size >= 10_000 ? 10 : size >= 1_000 ? 40 : SAVES);

const idOf = (i: number): string => `bench-release-${String(i).padStart(6, '0')}`;

/**
 * Writes a store of `size` releases straight to disk (no fsync, no store code): building 10,000
 * drafts through the store would time the fsyncs of the setup, not of what is measured.
 */
const buildStores = async (size: number, base: Draft) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `newsroom-bench-${size}-`));
  const ours = path.join(dir, 'ours');
  mkdirSync(path.join(ours, 'drafts'), { recursive: true });
  const index: Record<string, unknown> = {};
  const all: Record<string, Draft> = {};
  for (let i = 0; i < size; i += 1) {
    const draft: Draft = {
      ...base,
      id: idOf(i),
      headline: `Release ${i}: ${base.headline}`,
      updatedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    };
    all[draft.id] = draft;
    const file = path.join(ours, 'drafts', `${draft.id}.json`);
    writeFileSync(file, serializeJson(draft));
    const stat = statSync(file);
    index[draft.id] = { summary: summarize(draft), mtimeMs: stat.mtimeMs, size: stat.size };
  }
  writeFileSync(
    path.join(ours, 'store.json'),
    serializeJson({ schemaVersion: STORE_SCHEMA_VERSION, createdAt: new Date().toISOString() }),
  );
  writeFileSync(path.join(ours, 'taxonomies.json'), serializeJson(seed));
  writeFileSync(
    path.join(ours, 'library.json'),
    serializeJson({ format: 2, generation: 1, drafts: index }),
  );
  const naive = path.join(dir, 'naive.json');
  // As lowdb's JSONFile writes it.
  writeFileSync(naive, JSON.stringify({ drafts: all }, null, 2));
  return { dir, ours, naive };
};

/** The physical floor: write + fsync + rename of one file of the draft's size, nothing else. */
const floorSave = async (dir: string, text: string): Promise<void> => {
  const temp = path.join(dir, `.floor.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  await handle.writeFile(text);
  await handle.sync();
  await handle.close();
  await fs.rename(temp, path.join(dir, 'floor.json'));
};

const row = (label: string, times: readonly number[], extra = ''): string => {
  const { median, p95 } = summarizeTimes(times);
  return `  ${label.padEnd(34)} median ${ms(median).padStart(9)}   p95 ${ms(p95).padStart(9)}   (n=${times.length})${extra}`;
};

const bench: BenchModule = {
  name: 'store',
  async run(print) {
    const base = makeDraft(idOf(0), 1, releaseBody(800), 'Mission supports media freedom');
    const draftBytes = Buffer.byteLength(serializeJson(base));
    print(
      `Releases of ~800 words (${(draftBytes / 1024).toFixed(1)} KB as stored); temp dir ${os.tmpdir()}`,
    );
    const medians = new Map<string, number>();

    for (const size of SIZES) {
      const { dir, ours, naive } = await buildStores(size, base);
      print(`\n${size.toLocaleString('en')} releases`);

      // Open + list, three times each, so one cold cache does not decide it.
      const openTimes: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        openTimes.push(
          await time(async () => {
            const store = await ReleaseStore.open({ dir: ours, seed });
            createDraftService(store).list('active');
            await store.close();
          }),
        );
      }
      print(row('ours: open + list library', openTimes));

      await writeStaleLock(ours);
      const crashOpen = await time(async () => {
        const store = await ReleaseStore.open({ dir: ours, seed });
        createDraftService(store).list('active');
        await store.close();
      });
      print(row('ours: open + list after a crash', [crashOpen], ' (stats every file)'));

      const store = await ReleaseStore.open({ dir: ours, seed });
      // One release saved again and again, as autosave does while an officer types; the floor
      // is measured in between, so both see the same disk at the same moment.
      const target = idOf(Math.floor(size / 2));
      const text = serializeJson(base);
      const saveOurs = (i: number) =>
        store.updateDraft(target, (current) => ({
          ...current,
          headline: `Edit ${i}`,
          updatedAt: new Date().toISOString(),
          revision: current.revision + 1,
        }));
      for (let i = 0; i < WARM_UP; i += 1) {
        await saveOurs(i);
        await floorSave(dir, text);
      }
      const saveTimes: number[] = [];
      const floorTimes: number[] = [];
      for (let i = 0; i < SAVES; i += 1) {
        saveTimes.push(await time(() => saveOurs(i)));
        floorTimes.push(await time(() => floorSave(dir, text)));
      }
      print(row('ours: save one release', saveTimes));
      const drafts = createDraftService(store);
      const current = await store.readDraft(target);
      const serviceTimes: number[] = [];
      for (let i = 0; i < SAVES; i += 1) {
        serviceTimes.push(
          await time(() =>
            drafts.save({
              id: target,
              headline: `Service edit ${i}`,
              body: current.body,
              meta: current.meta,
              status: 'draft',
            }),
          ),
        );
      }
      print(row('ours: save via the drafts service', serviceTimes, ' (+ editor-schema check)'));
      await store.close();

      const naiveOpen = await time(async () => (await openNaiveStore(naive)).list());
      print(row('naive: open + list library', [naiveOpen]));
      const db = await openNaiveStore(naive);
      const naiveTimes: number[] = [];
      for (let i = 0; i < naiveSaves(size); i += 1) {
        const draft = db.get(target) ?? base;
        naiveTimes.push(
          await time(() =>
            db.save({ ...draft, headline: `Edit ${i}`, revision: draft.revision + 1 }),
          ),
        );
      }
      print(row('naive: save one release', naiveTimes));

      print(row('floor: write+fsync+rename', floorTimes));

      medians.set(`ours@${size}`, summarizeTimes(saveTimes).median);
      medians.set(`naive@${size}`, summarizeTimes(naiveTimes).median);
      medians.set(`floor@${size}`, summarizeTimes(floorTimes).median);
      await fs.rm(dir, { recursive: true, force: true });
    }

    const get = (key: string): number => medians.get(key) ?? NaN;
    const ratio = (label: string, value: number, target: string, ok: boolean) =>
      print(
        `  ${label.padEnd(44)} ${value.toFixed(2).padStart(8)}   target ${target}  ${ok ? 'OK' : 'MISSED'}`,
      );
    print('\nRatios of median save latency');
    const scale = get('ours@10000') / get('ours@100');
    ratio('ours at 10,000 ÷ ours at 100', scale, '≤ 1.5', scale <= 1.5);
    const naive = get('naive@10000') / get('ours@10000');
    ratio('naive ÷ ours at 10,000', naive, '≥ 50', naive >= 50);
    for (const size of SIZES) {
      const floor = get(`ours@${size}`) / get(`floor@${size}`);
      ratio(`ours ÷ floor at ${size.toLocaleString('en')}`, floor, '≤ 2', floor <= 2);
    }
  },
};

export default bench;
