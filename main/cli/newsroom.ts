import { realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ExportFormatSchema, type DraftSummary } from '../../shared/schemas';
import { parseMarkdownRelease } from '../services/import';
import { openServices, type OpenedServices } from '../services/index';
import { explicitStoreDir, STORE_ENV } from '../store-location';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const USAGE = `Usage: newsroom <command> [options]

Commands:
  list   --store DIR [--json] [--trash]
         List the releases in a store, newest first (--trash: the trashed ones).
  import FILE|DIR --store DIR
         Import Markdown files (*.md) as new drafts; the first "# " heading is the headline.
  export --store DIR --id ID --format md|html --out DIR [--force]
         Write one release to DIR; an existing file is kept unless --force is given.
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
const parse = <O extends Record<string, { type: 'string' | 'boolean' }>>(
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
  const services = await openServices({ storeDir });
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

/** The Markdown files a path names: the file itself, or the *.md files directly inside a folder. */
const markdownFiles = async (target: string): Promise<string[]> => {
  const stat = await fs.stat(target).catch((error: unknown) => {
    throw new Error(`Cannot read ${target}: ${describe(error)}`, { cause: error });
  });
  if (!stat.isDirectory()) return [target];
  const names = (await fs.readdir(target, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error(`No Markdown files (*.md) in ${target}`);
  return names.map((name) => path.join(target, name));
};

const importCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parse(args, { store: { type: 'string' } }, true);
  if (positionals.length === 0) throw new UsageError('Missing the file or folder to import');
  const files: string[] = [];
  for (const target of positionals) files.push(...(await markdownFiles(target)));

  return withServices(values.store, true, async (services) => {
    const taxonomies = services.taxonomies.get();
    let failed = 0;
    // One bad file must not cost the others their import: report it and go on.
    for (const file of files) {
      const fileName = path.basename(file);
      try {
        const text = await fs.readFile(file, 'utf8');
        const parsed = parseMarkdownRelease(text, taxonomies, fileName);
        for (const warning of parsed.warnings)
          io.stderr.write(`${fileName}: warning: ${warning}\n`);
        const draft = await services.drafts.createFrom({
          headline: parsed.headline,
          body: parsed.body,
          meta: parsed.meta,
        });
        io.stdout.write(`${draft.id}\t${draft.headline}\n`);
      } catch (error) {
        failed += 1;
        // The importer's messages usually name the file already; name it once.
        const why = describe(error);
        io.stderr.write(
          why.includes(fileName) ? `Not imported: ${why}\n` : `${fileName}: not imported: ${why}\n`,
        );
      }
    }
    if (failed > 0) {
      io.stderr.write(`${failed} of ${files.length} files could not be imported.\n`);
      return 1;
    }
    return 0;
  });
};

const exportCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parse(
    args,
    {
      store: { type: 'string' },
      id: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    },
    false,
  );
  const id = requireValue(values.id, '--id ID');
  const format = ExportFormatSchema.safeParse(requireValue(values.format, '--format md|html'));
  if (!format.success) throw new UsageError(`--format must be md or html, not "${values.format}"`);
  const outDir = path.resolve(requireValue(values.out, '--out DIR'));

  return withServices(values.store, false, async (services) => {
    const file = await services.exports.render(id, format.data);
    // The name comes from the release; a separator in it must not move the file elsewhere.
    const fileName = path.basename(file.fileName);
    if (!fileName || fileName !== file.fileName) {
      throw new Error(`The exporter proposed an unsafe file name: ${file.fileName}`);
    }
    const target = path.join(outDir, fileName);
    await fs.mkdir(outDir, { recursive: true });
    try {
      await fs.writeFile(target, file.content, {
        encoding: 'utf8',
        flag: values.force ? 'w' : 'wx',
      });
    } catch (error) {
      if (errorCode(error) === 'EEXIST') {
        throw new Error(`${target} already exists; pass --force to overwrite it`, {
          cause: error,
        });
      }
      throw error;
    }
    io.stdout.write(`${target}\n`);
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
