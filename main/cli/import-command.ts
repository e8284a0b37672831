import fs from 'node:fs/promises';
import path from 'node:path';
import {
  decodeImportFile,
  importKind,
  MAX_IMPORT_BYTES,
  parseImportFile,
} from '../services/import-file';
import { summarize, type DraftSummary } from '../../shared/schemas';
import { contentHash, ImportLedger } from '../store/import-ledger';
import { describe, parse, UsageError, withServices, type CliIo } from './cli-support';

/** The files a path names: the file itself, or the *.md and *.html files directly inside a folder. */
const importFiles = async (target: string): Promise<string[]> => {
  const stat = await fs.stat(target).catch((error: unknown) => {
    throw new Error(`Cannot read ${target}: ${describe(error)}`, { cause: error });
  });
  if (!stat.isDirectory()) return [target];
  const names = (await fs.readdir(target, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && importKind(entry.name) !== null)
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error(`No Markdown or HTML files (*.md, *.html) in ${target}`);
  return names.map((name) => path.join(target, name));
};

/** Reads a file for import without loading a huge one into memory first. */
const readImportFile = async (file: string): Promise<{ bytes: Buffer; text: string }> => {
  const name = path.basename(file);
  const { size } = await fs.stat(file);
  if (size > MAX_IMPORT_BYTES) {
    throw new Error(
      `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; a release file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  const bytes = await fs.readFile(file);
  return { bytes, text: decodeImportFile(name, bytes) };
};

/** One field of a tab-separated line: a tab or line break in a name or headline must not split it. */
const field = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/**
 * The release a killed run may have written after recording the import as started but before
 * recording its id: the earliest one created since then with the headline this file gives. Only
 * the killed run's import of this very file wrote releases at that moment (imports run one file
 * at a time under the store's lock), unless the officer made one with the same headline since.
 */
const landedSince = (
  summaries: readonly DraftSummary[],
  startedAt: string,
  headline: string,
): DraftSummary | undefined =>
  summaries
    .filter((summary) => summary.headline === headline && summary.createdAt >= startedAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];

/**
 * `newsroom import FILE|DIR… --store DIR [--again] [--json]`: Markdown and HTML files become new
 * drafts. Each release is printed on stdout (id, headline, file) the moment it is in the store,
 * so a run cut short still tells what got in. A file this store already imported unchanged is
 * skipped and said so on stderr, unless `--again`. Progress and warnings on stderr; exit 1 if
 * any file failed.
 */
export const importCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parse(
    args,
    { store: { type: 'string' }, json: { type: 'boolean' }, again: { type: 'boolean' } },
    true,
  );
  if (positionals.length === 0) throw new UsageError('Missing the file or folder to import');
  const files: string[] = [];
  for (const target of positionals) files.push(...(await importFiles(target)));

  return withServices(
    values.store,
    true,
    async (services) => {
      const taxonomies = services.taxonomies.get();
      const ledger = new ImportLedger(services.storePath);
      // Read once: what a skip must find still in the store (in the library or the trash).
      const summaries = [...services.drafts.list('active'), ...services.drafts.list('trash')];
      const inStore = new Map(summaries.map((summary) => [summary.id, summary]));
      const imported: { file: string; id: string; headline: string; warnings: string[] }[] = [];
      const skipped: { file: string; id: string }[] = [];
      const failed: { file: string; error: string }[] = [];
      const skip = (file: string, id: string) => {
        skipped.push({ file, id });
        const trashed = inStore.get(id)?.trashedAt ? ', in the trash' : '';
        io.stderr.write(`skipped, already imported: ${file} (id ${id}${trashed})\n`);
      };
      // One bad file must not cost the others their import: report it and go on.
      for (const [index, file] of files.entries()) {
        const fileName = path.basename(file);
        io.stderr.write(`[${index + 1}/${files.length}] ${fileName}\n`);
        try {
          const { bytes, text } = await readImportFile(file);
          const sha256 = contentHash(bytes);
          const found = values.again ? { record: null } : await ledger.find(fileName, sha256);
          if (found.problem) io.stderr.write(`${fileName}: warning: ${found.problem}\n`);
          const record = found.record;
          if (record?.id && inStore.has(record.id)) {
            skip(file, record.id);
            continue;
          }
          const parsed = parseImportFile(fileName, text, taxonomies);
          const landed =
            record && record.id === null
              ? landedSince(summaries, record.startedAt, parsed.headline)
              : undefined;
          if (record && landed) {
            await ledger.finish({ ...record, id: landed.id }, new Date());
            skip(file, landed.id);
            continue;
          }
          for (const warning of parsed.warnings) {
            io.stderr.write(`${fileName}: warning: ${warning}\n`);
          }
          const startedAt = new Date();
          await ledger.begin(fileName, sha256, file, startedAt);
          const draft = await services.drafts
            .createFrom(
              {
                headline: parsed.headline,
                body: parsed.body,
                meta: parsed.meta,
                blocks: parsed.blocks,
              },
              'imported',
            )
            .catch(async (error: unknown) => {
              await ledger.forget(fileName, sha256).catch(() => undefined);
              throw error;
            });
          // Printed the moment the release is durable, before anything else can go wrong.
          if (values.json) io.stderr.write(`imported: ${file} (id ${draft.id})\n`);
          else io.stdout.write(`${draft.id}\t${field(draft.headline)}\t${field(file)}\n`);
          imported.push({
            file,
            id: draft.id,
            headline: draft.headline,
            warnings: parsed.warnings,
          });
          inStore.set(draft.id, summarize(draft));
          await ledger.finish(
            { fileName, sha256, source: file, id: draft.id, startedAt: startedAt.toISOString() },
            new Date(),
          );
        } catch (error) {
          // The importer's messages usually name the file already; name it once.
          const why = describe(error);
          failed.push({ file, error: why });
          io.stderr.write(
            why.includes(fileName)
              ? `Not imported: ${why}\n`
              : `${fileName}: not imported: ${why}\n`,
          );
        }
      }
      if (values.json) {
        io.stdout.write(`${JSON.stringify({ imported, skipped, failed }, null, 2)}\n`);
      }
      if (skipped.length > 0) {
        io.stderr.write(
          `${skipped.length} of ${files.length} files were already in this store and were skipped (--again imports them anyway).\n`,
        );
      }
      if (failed.length > 0) {
        io.stderr.write(`${failed.length} of ${files.length} files could not be imported.\n`);
        return 1;
      }
      return 0;
    },
    io,
  );
};
