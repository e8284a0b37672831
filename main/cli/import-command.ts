import fs from 'node:fs/promises';
import path from 'node:path';
import {
  decodeImportFile,
  importKind,
  MAX_IMPORT_BYTES,
  parseImportFile,
} from '../services/import-file';
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
const readImportFile = async (file: string): Promise<string> => {
  const name = path.basename(file);
  const { size } = await fs.stat(file);
  if (size > MAX_IMPORT_BYTES) {
    throw new Error(
      `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; a release file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  return decodeImportFile(name, await fs.readFile(file));
};

/**
 * `newsroom import FILE|DIR… --store DIR [--json]`: Markdown and HTML files become new drafts.
 * Progress and warnings on stderr, the new ids on stdout; exit 1 if any file failed.
 */
export const importCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parse(
    args,
    { store: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  if (positionals.length === 0) throw new UsageError('Missing the file or folder to import');
  const files: string[] = [];
  for (const target of positionals) files.push(...(await importFiles(target)));

  return withServices(values.store, true, async (services) => {
    const taxonomies = services.taxonomies.get();
    const imported: { file: string; id: string; headline: string; warnings: string[] }[] = [];
    const failed: { file: string; error: string }[] = [];
    // One bad file must not cost the others their import: report it and go on.
    for (const [index, file] of files.entries()) {
      const fileName = path.basename(file);
      io.stderr.write(`[${index + 1}/${files.length}] ${fileName}\n`);
      try {
        const parsed = parseImportFile(fileName, await readImportFile(file), taxonomies);
        for (const warning of parsed.warnings) {
          io.stderr.write(`${fileName}: warning: ${warning}\n`);
        }
        const draft = await services.drafts.createFrom(
          {
            headline: parsed.headline,
            body: parsed.body,
            meta: parsed.meta,
            blocks: parsed.blocks,
          },
          'imported',
        );
        imported.push({ file, id: draft.id, headline: draft.headline, warnings: parsed.warnings });
      } catch (error) {
        // The importer's messages usually name the file already; name it once.
        const why = describe(error);
        failed.push({ file, error: why });
        io.stderr.write(
          why.includes(fileName) ? `Not imported: ${why}\n` : `${fileName}: not imported: ${why}\n`,
        );
      }
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ imported, failed }, null, 2)}\n`);
    } else {
      for (const row of imported) io.stdout.write(`${row.id}\t${row.headline}\n`);
    }
    if (failed.length > 0) {
      io.stderr.write(`${failed.length} of ${files.length} files could not be imported.\n`);
      return 1;
    }
    return 0;
  });
};
