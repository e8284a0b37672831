import { createRequire } from 'node:module';
import { z } from 'zod';

const require = createRequire(import.meta.url);

const IssueSchema = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  severity: z.object({ name: z.string(), value: z.number() }),
  confidence: z.object({ name: z.string() }),
});
export type Finding = z.infer<typeof IssueSchema>;

const RunSchema = z.object({
  issues: z.array(IssueSchema),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type ScanResult = z.infer<typeof RunSchema>;

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<unknown>;
const run = require('@doyensec/electronegativity') as Runner;
const attributes = require('@doyensec/electronegativity/dist/finder/attributes.js') as {
  severity: Record<'MEDIUM', { value: number }>;
};

export const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;

/** Medium, high: what fails the gate. Low and informational findings are printed only. */
export const isBlocking = (finding: Finding): boolean =>
  finding.severity.value >= attributes.severity.MEDIUM.value;

/**
 * Runs electronegativity over a folder through its own API, which (unlike its SARIF) reports each
 * finding's severity. Told the Electron version, so it judges defaults as Electron 45 has them.
 */
export const scan = async (input: string, sarifPath?: string): Promise<ScanResult> =>
  RunSchema.parse(
    await run(
      {
        input,
        ...(sarifPath ? { output: sarifPath, isSarif: true } : {}),
        isRelative: true,
        electronVersionOverride: ELECTRON_VERSION,
        customScan: [],
        excludeFromScan: [],
      },
      false,
    ),
  );
