import { checkStore, type CheckFinding } from '../store/check';
import { validateDraft } from '../services/draft-checks';
import { parse, requireStoreDir, type CliIo } from './cli-support';

const line = (finding: CheckFinding): string =>
  `${finding.level === 'problem' ? 'PROBLEM' : 'warning'}  ${finding.file}: ${finding.message}\n`;

/**
 * `newsroom check --store DIR [--json]`: every file parses and fits its schema, every draft's terms
 * exist and its body fits the editor, and the library index agrees with the draft files. Exit 1
 * when anything is wrong; warnings (a store not closed properly, files kept aside) do not fail it.
 */
export const checkCommand = async (args: string[], io: CliIo): Promise<number> => {
  const { values } = parse(args, { store: { type: 'string' }, json: { type: 'boolean' } }, false);
  const storeDir = requireStoreDir(values.store);
  const result = await checkStore(storeDir, { validateDraft });
  const problems = result.findings.filter((f) => f.level === 'problem').length;
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ ok: problems === 0, ...result }, null, 2)}\n`);
  } else {
    for (const finding of result.findings) io.stdout.write(line(finding));
    io.stdout.write(
      problems === 0
        ? `OK: ${storeDir} (${result.drafts} releases)\n`
        : `${problems} problem${problems === 1 ? '' : 's'} in ${storeDir}\n`,
    );
  }
  return problems === 0 ? 0 : 1;
};
