import { checkStore, type CheckFinding } from '../store/check';
import { validateDraft } from '../services/drafts';

interface Output {
  write(text: string): unknown;
}

const line = (finding: CheckFinding): string =>
  `${finding.level === 'problem' ? 'PROBLEM' : 'warning'}  ${finding.file}: ${finding.message}\n`;

/**
 * `newsroom check --store DIR`: every file parses and fits its schema, every draft's terms exist
 * and its body fits the editor, and the library index agrees with the draft files. Exit 1 when
 * anything is wrong; warnings (a store not closed properly, files kept aside) do not fail it.
 */
export const checkCommand = async (
  storeDir: string,
  json: boolean,
  io: { stdout: Output; stderr: Output },
): Promise<number> => {
  const result = await checkStore(storeDir, { validateDraft });
  const problems = result.findings.filter((f) => f.level === 'problem').length;
  if (json) {
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
