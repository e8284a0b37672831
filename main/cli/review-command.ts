import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PreferencesSchema } from '../../shared/preferences-schema';
import { AuthorNameSchema } from '../../shared/review';
import type { ReviewOpenResult } from '../../shared/review-file';
import { reviewStatusOf, type ReviewStatus } from '../services/review-status';
import { preferencesPath } from '../services/preferences';
import { parseJsonText, readStoreText } from '../store/atomic-json-file';
import { userDataDir } from '../store/store-location';
import { parse, requireValue, UsageError, withServices, type CliIo } from './cli-support';

/** The officer's name from Preferences, else the user this runs as: who a review file is from. */
const defaultAuthor = async (): Promise<string> => {
  try {
    const file = preferencesPath(userDataDir(), process.env);
    const text = await readStoreText(file);
    const name = text === null ? '' : parseJsonText(file, text, PreferencesSchema).officerName;
    if (name) return name;
  } catch {
    // Unreadable preferences are the app's to report; the OS user name stands in here.
  }
  return os.userInfo().username || 'Newsroom officer';
};

const authorOf = async (given: string | undefined): Promise<string> => {
  const parsed = AuthorNameSchema.safeParse(given ?? (await defaultAuthor()));
  if (!parsed.success)
    throw new UsageError(`--by: ${parsed.error.issues[0]?.message ?? 'not a name'}`);
  return parsed.data;
};

const exportReview = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parse(
    args,
    {
      store: { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
      by: { type: 'string' },
      purpose: { type: 'string' },
    },
    false,
  );
  const id = requireValue(values.id, '--id ID');
  const out = path.resolve(requireValue(values.out, '--out FILE'));
  const purpose = values.purpose ?? 'send';
  if (purpose !== 'send' && purpose !== 'return')
    throw new UsageError(`--purpose must be send or return, not "${purpose}"`);
  const by = await authorOf(values.by);
  return withServices(
    values.store,
    false,
    async (services) => {
      const file = await services.review.exportFile({ id, purpose, by });
      await fs.writeFile(out, file.content, { flag: 'w' });
      io.stdout.write(`${out}\n`);
      io.stderr.write(`Review file for ${id} written (${purpose}, by ${by}).\n`);
      return 0;
    },
    io,
  );
};

const describeOpened = (result: ReviewOpenResult, file: string): string => {
  if (result.status === 'unknown-release')
    return `${file}: this store has no release ${result.id} (“${result.headline}”); run again with --as-new to import it.\n`;
  if (result.status === 'imported')
    return `${file}: imported as release ${result.id} (“${result.headline}”).\n`;
  if (result.unchanged) return `${file}: nothing new for “${result.headline}” (${result.id}).\n`;
  const lines = result.received.map(
    (by) =>
      `  ${by.author}: ${by.comments} comment${by.comments === 1 ? '' : 's'}, ${by.suggestions} suggestion${by.suggestions === 1 ? '' : 's'}\n`,
  );
  return `${file}: merged into “${result.headline}” (${result.id}).\n${lines.join('') || '  no new comments or suggestions\n'}`;
};

const importReview = async (args: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parse(
    args,
    { store: { type: 'string' }, json: { type: 'boolean' }, 'as-new': { type: 'boolean' } },
    true,
  );
  if (positionals.length !== 1) throw new UsageError('Give one review file to import');
  const file = path.resolve(positionals[0] ?? '');
  const text = await fs.readFile(file, 'utf8');
  return withServices(
    values.store,
    true,
    async (services) => {
      const result = await services.review.open({
        name: path.basename(file).slice(0, 255),
        text,
        asNew: values['as-new'] ?? false,
      });
      io.stdout.write(
        values.json ? `${JSON.stringify(result, null, 2)}\n` : describeOpened(result, file),
      );
      return result.status === 'unknown-release' ? 1 : 0;
    },
    io,
  );
};

const printStatus = (status: ReviewStatus, io: CliIo) => {
  io.stdout.write(`“${status.headline}” (${status.id})\n`);
  for (const t of status.threads)
    io.stdout.write(
      `  thread ${t.id} by ${t.author} on “${t.quote}”: ${t.resolved ? 'resolved' : 'open'}, ${t.replies} repl${t.replies === 1 ? 'y' : 'ies'}${t.detached ? ', detached' : ''}\n`,
    );
  for (const s of status.suggestions)
    io.stdout.write(
      `  suggestion ${s.id} by ${s.author || 'unknown'}: ${s.kind} “${s.text}”${s.detached ? ' (detached)' : ''}\n`,
    );
  if (status.threads.length + status.suggestions.length === 0)
    io.stdout.write('  no comments or suggestions\n');
};

const reviewStatus = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parse(
    args,
    { store: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const id = requireValue(values.id, '--id ID');
  return withServices(
    values.store,
    false,
    async (services) => {
      const status = reviewStatusOf(await services.drafts.get(id));
      if (values.json) io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      else printStatus(status, io);
      return 0;
    },
    io,
  );
};

/** `newsroom review export|import|status …`: review files from the command line. */
export const reviewCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'export':
      return exportReview(rest, io);
    case 'import':
      return importReview(rest, io);
    case 'status':
      return reviewStatus(rest, io);
    default:
      throw new UsageError(
        sub ? `Unknown review command: ${sub}` : 'Give a review command: export, import or status',
      );
  }
};
