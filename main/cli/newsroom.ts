import { realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ExportFormatSchema,
  ReleaseStatusSchema,
  type DraftSummary,
  type ExportFormat,
} from '../../shared/schemas';
import { exportBatch, type ReleaseSelection } from '../services/export-batch';
import {
  decodeImportFile,
  importKind,
  MAX_IMPORT_BYTES,
  parseImportFile,
} from '../services/import-file';
import { openServices, type OpenedServices } from '../services/index';
import { checkCommand } from './check-command';
import { explicitStoreDir, STORE_ENV } from '../store/store-location';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const USAGE = `Usage: newsroom <command> [options]

Commands:
  list   --store DIR [--json] [--trash]
         List the releases in a store, newest first (--trash: the trashed ones).
  import FILE|DIR… --store DIR [--json]
         Import Markdown (*.md) and HTML (*.html) files as new drafts. Progress and warnings
         on stderr, the new ids on stdout (--json: a summary); exit 1 if any file failed.
  export --store DIR (--id ID… | --all | --status draft|ready)
         --format md,html,html-fragment,ninjs --out DIR [--force] [--json]
         Write releases to DIR as YYYY-MM-DD-headline-slug.ext; an existing file is kept
         unless --force is given. Progress on stderr, the files written on stdout (--json: a
         summary of what was written and what failed); exit 1 if anything failed.
  check  --store DIR [--json]
         Verify every file of a store: it parses, fits its schema, and the library agrees
         with the release files. Changes nothing; exit 1 if there are problems.
  help   Show this help.

Instead of --store, the store folder may be given in ${STORE_ENV}.
`;

/** The user asked for something this tool does not understand: exit code 2, like most CLIs. */
class UsageError extends Error {}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** parseArgs throws plain TypeErrors for unknown or malformed options; those are usage errors. */
const parse = <O extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>(
  args: string[],
  options: O,
  allowPositionals: boolean,
) => {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    if (errorCode(error)?.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(describe(error), { cause: error });
    }
    throw error;
  }
};

const requireValue = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`Missing ${flag}`);
  return value;
};

/**
 * Opens the store for one command. Only `import` may create a store: listing or exporting from a
 * mistyped folder should say so, not leave an empty store behind.
 */
const withServices = async <T>(
  storeFlag: string | undefined,
  mayCreate: boolean,
  task: (services: OpenedServices) => Promise<T>,
): Promise<T> => {
  const storeDir = explicitStoreDir(storeFlag);
  if (!storeDir) throw new UsageError(`No store given: pass --store DIR or set ${STORE_ENV}`);
  if (!mayCreate) {
    try {
      await fs.access(path.join(storeDir, 'store.json'));
    } catch {
      throw new Error(`No release store in ${storeDir}`);
    }
  }
  const services = await openServices({ storeDir, holder: 'newsroom (the command-line tool)' });
  try {
    return await task(services);
  } finally {
    await services.close();
  }
};

const pad2 = (n: number): string => String(n).padStart(2, '0');
const localDateTime = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
};

const HEADER = ['ID', 'STATUS', 'DATE', 'UPDATED', 'HEADLINE'] as const;

const table = (summaries: DraftSummary[]): string => {
  const rows: string[][] = [
    [...HEADER],
    ...summaries.map((s) => [
      s.id,
      s.status,
      s.date ?? '-',
      localDateTime(s.updatedAt),
      s.headline || '(no headline)',
    ]),
  ];
  const widths = HEADER.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0)));
  // The headline goes last and unpadded: it is the one column of unbounded length.
  return rows
    .map((row) =>
      row
        .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
        .join('  '),
    )
    .join('\n');
};

const list = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parse(
    args,
    { store: { type: 'string' }, json: { type: 'boolean' }, trash: { type: 'boolean' } },
    false,
  );
  return withServices(values.store, false, async (services) => {
    const summaries = services.drafts.list(values.trash ? 'trash' : 'active');
    if (values.json) {
      const rows = summaries.map(({ id, headline, status, updatedAt, contentTypeId, date }) => ({
        id,
        headline,
        status,
        updatedAt,
        contentTypeId,
        date,
      }));
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (summaries.length === 0) {
      io.stdout.write(values.trash ? 'The trash is empty.\n' : 'No releases.\n');
    } else {
      io.stdout.write(`${table(summaries)}\n`);
    }
    return 0;
  });
};

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

const importCommand = async (args: string[], io: CliIo): Promise<number> => {
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

const parseFormats = (value: string | undefined): ExportFormat[] => {
  const names = requireValue(value, '--format md,html,html-fragment,ninjs')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return [
    ...new Set(
      names.map((name) => {
        const format = ExportFormatSchema.safeParse(name);
        if (!format.success) {
          throw new UsageError(
            `--format takes md, html, html-fragment or ninjs (comma-separated), not "${name}"`,
          );
        }
        return format.data;
      }),
    ),
  ];
};

const selectionOf = (values: {
  id?: string[] | undefined;
  all?: boolean | undefined;
  status?: string | undefined;
}): ReleaseSelection => {
  const given = [values.id?.length, values.all, values.status].filter(Boolean).length;
  if (given !== 1) throw new UsageError('Give exactly one of --id ID…, --all or --status S');
  if (values.id?.length) return { ids: values.id };
  if (values.all) return { all: true };
  const status = ReleaseStatusSchema.safeParse(values.status);
  if (!status.success)
    throw new UsageError(`--status must be draft or ready, not "${values.status}"`);
  return { status: status.data };
};

const exportCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parse(
    args,
    {
      store: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      status: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    false,
  );
  const selection = selectionOf(values);
  const formats = parseFormats(values.format);
  const outDir = path.resolve(requireValue(values.out, '--out DIR'));

  return withServices(values.store, false, async (services) => {
    const result = await exportBatch(
      {
        listActive: () => services.drafts.list('active'),
        getDraft: (id) => services.drafts.get(id),
        getTaxonomies: () => services.taxonomies.get(),
      },
      { selection, formats, outDir, force: values.force ?? false },
      ({ done, total, headline }) => io.stderr.write(`[${done}/${total}] ${headline}\n`),
    );
    for (const failure of result.failed) {
      io.stderr.write(
        `${failure.id}${failure.format ? ` (${failure.format})` : ''}: ${failure.error}\n`,
      );
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      for (const file of result.written) io.stdout.write(`${file.path}\n`);
    }
    if (result.written.length === 0 && result.failed.length === 0) {
      io.stderr.write('No releases matched: nothing was exported.\n');
      return 1;
    }
    if (result.failed.length > 0) {
      io.stderr.write(`${result.written.length} files written, ${result.failed.length} failed.\n`);
      return 1;
    }
    io.stderr.write(`${result.written.length} files written to ${outDir}\n`);
    return 0;
  });
};

/** The whole CLI as a function, so tests can drive it without a child process. */
export const run = async (argv: string[], io: CliIo): Promise<number> => {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      case 'list':
        return await list(args, io);
      case 'import':
        return await importCommand(args, io);
      case 'export':
        return await exportCommand(args, io);
      case 'check': {
        const { values } = parse(
          args,
          { store: { type: 'string' }, json: { type: 'boolean' } },
          false,
        );
        const storeDir = explicitStoreDir(values.store);
        if (!storeDir) throw new UsageError(`No store given: pass --store DIR or set ${STORE_ENV}`);
        return await checkCommand(storeDir, values.json ?? false, io);
      }
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`newsroom: ${error.message}\nRun "newsroom help" for usage.\n`);
      return 2;
    }
    io.stderr.write(`newsroom: ${describe(error)}\n`);
    return 1;
  }
};

const isEntryPoint = (): boolean => {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};

if (isEntryPoint()) {
  // exitCode rather than exit(): lets piped stdout drain before the process ends.
  void run(process.argv.slice(2), process).then((code) => {
    process.exitCode = code;
  });
}
