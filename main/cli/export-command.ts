import path from 'node:path';
import { ExportFormatSchema, ReleaseStatusSchema, type ExportFormat } from '../../shared/schemas';
import { exportBatch, type ReleaseSelection } from '../services/export-batch';
import { parse, requireValue, UsageError, withServices, type CliIo } from './cli-support';

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

/**
 * `newsroom export --store DIR (--id ID… | --all | --status S) --format F,… --out DIR`: writes
 * releases to DIR, keeping existing files unless --force. Progress on stderr, the files written on
 * stdout; exit 1 if anything failed or nothing matched.
 */
export const exportCommand = async (args: string[], io: CliIo): Promise<number> => {
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

  return withServices(
    values.store,
    false,
    async (services) => {
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
        io.stderr.write(
          `${result.written.length} files written, ${result.failed.length} failed.\n`,
        );
        return 1;
      }
      io.stderr.write(`${result.written.length} files written to ${outDir}\n`);
      return 0;
    },
    io,
  );
};
