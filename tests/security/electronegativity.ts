import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  ALLOWED_SUPPRESSIONS,
  findSuppressions,
  unexpectedSuppressions,
} from './electronegativity-policy';
import { ELECTRON_VERSION, isBlocking, scan } from './electronegativity-scan';

/**
 * `npm run security`, part of `npm test`: Doyensec's electronegativity over the app's sources,
 * failing on any finding of medium severity or above. The tool exits 0 whatever it finds, so the
 * decision is taken here; its SARIF is kept in test-results/ for review and cross-checked.
 */
const SCANNED = ['main', 'renderer', 'shared', 'package.json'];
const SARIF_PATH = join('test-results', 'electronegativity.sarif');

const SarifSchema = z.object({
  runs: z.array(z.object({ results: z.array(z.object({ ruleId: z.string() })) })),
});

const main = async (): Promise<number> => {
  // An inline `eng-disable` comment silences the tool; each one must be on the reviewed list.
  const stray = unexpectedSuppressions(await findSuppressions(['main', 'renderer', 'shared']));
  if (stray.length > 0) {
    console.error('electronegativity: unreviewed eng-disable comments:');
    for (const s of stray) console.error(`  ${s.file}:${s.line} ${s.rules.join(', ')}`);
    return 1;
  }

  // Scanned from a copy: pointed at the repository it would walk all of node_modules.
  const copy = await mkdtemp(join(tmpdir(), 'newsroom-eng-'));
  try {
    for (const entry of SCANNED) await cp(entry, join(copy, entry), { recursive: true });
    await mkdir('test-results', { recursive: true });
    const result = await scan(copy, SARIF_PATH);
    if (result.errors.length > 0) {
      for (const e of result.errors)
        console.error(`electronegativity could not parse ${e.file}: ${e.message}`);
      return 1;
    }
    const sarif = SarifSchema.parse(JSON.parse(await readFile(SARIF_PATH, 'utf8')));
    const reported = sarif.runs.flatMap((r) => r.results).length;
    if (reported !== result.issues.length) {
      console.error(
        `electronegativity: the SARIF lists ${reported} findings, the run ${result.issues.length}`,
      );
      return 1;
    }
    const blocking = result.issues.filter(isBlocking);
    for (const issue of result.issues) {
      const mark = isBlocking(issue) ? 'FAIL' : 'note';
      console.log(
        `${mark} ${issue.id} [${issue.severity.name}/${issue.confidence.name}] ${issue.file}:${issue.location.line}`,
      );
    }
    console.log(
      `electronegativity (Electron ${ELECTRON_VERSION}): ${result.issues.length} finding(s), ${blocking.length} of medium severity or above; ${ALLOWED_SUPPRESSIONS.length} reviewed suppression(s). SARIF: ${SARIF_PATH}`,
    );
    return blocking.length > 0 ? 1 : 0;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
};

process.exitCode = await main();
