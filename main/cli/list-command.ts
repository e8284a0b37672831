import type { DraftSummary } from '../../shared/schemas';
import { parse, withServices, type CliIo } from './cli-support';

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

/** `newsroom list --store DIR [--json] [--trash]`: the releases in a store, newest first. */
export const listCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parse(
    args,
    { store: { type: 'string' }, json: { type: 'boolean' }, trash: { type: 'boolean' } },
    false,
  );
  return withServices(
    values.store,
    false,
    async (services) => {
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
    },
    io,
  );
};
