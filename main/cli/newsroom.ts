import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STORE_ENV } from '../store/store-location';
import { checkCommand } from './check-command';
import { describe, UsageError, type CliIo } from './cli-support';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { listCommand } from './list-command';
import { reviewCommand } from './review-command';

export type { CliIo } from './cli-support';

const USAGE = `Usage: newsroom <command> [options]

Commands:
  list   --store DIR [--json] [--trash]
         List the releases in a store, newest first (--trash: the trashed ones).
  import FILE|DIR… --store DIR [--again] [--json]
         Import Markdown (*.md) and HTML (*.html) files as new drafts. Each release is printed
         on stdout as it lands (id, headline, file; --json: a summary at the end). A file this
         store already imported unchanged is skipped, and said so (--again: import it anyway).
         Progress and warnings on stderr; exit 1 if any file failed.
  export --store DIR (--id ID… | --all | --status draft|ready)
         --format md,html,html-fragment,ninjs --out DIR [--force] [--json]
         Write releases to DIR as YYYY-MM-DD-headline-slug.ext; an existing file is kept
         unless --force is given. Progress on stderr, the files written on stdout (--json: a
         summary of what was written and what failed); exit 1 if anything failed.
  check  --store DIR [--json]
         Verify every file of a store: it parses, fits its schema, and the library agrees
         with the release files. Changes nothing; exit 1 if there are problems.
  review export --store DIR --id ID --out FILE [--by NAME] [--purpose send|return]
         Write the release as a .newsroom-review file: to send it for review (the default),
         or to return a review to its author. --by defaults to the officer's name in
         Preferences, else the name of the user running it.
  review import FILE --store DIR [--json] [--as-new]
         Open a .newsroom-review file: merge it into the release it belongs to and print what
         came in (comments, suggestions, by whom). A release the store does not have is
         imported only with --as-new (exit 1 without it). A damaged or forged file is refused
         and changes nothing (exit 1).
  review status --store DIR --id ID [--json]
         List the release's comment threads (id, author, quoted text, resolved, replies) and
         suggestions (id, author, kind, text).
  help   Show this help.

Instead of --store, the store folder may be given in ${STORE_ENV}.
`;

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
        return await listCommand(args, io);
      case 'import':
        return await importCommand(args, io);
      case 'export':
        return await exportCommand(args, io);
      case 'check':
        return await checkCommand(args, io);
      case 'review':
        return await reviewCommand(args, io);
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
