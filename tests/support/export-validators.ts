import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/*
 * The validators the web team's tools amount to, each run the way it is cheapest: markdownlint
 * and the Nu checker once over a whole folder, the ninjs schema compiled once.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

export const MARKDOWNLINT_CONFIG = path.join(root, 'shared/export/export.markdownlint.jsonc');

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

const tool = async (file: string, args: string[], cwd?: string): Promise<ToolResult> => {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error),
    };
  }
};

/** markdownlint-cli2 over the named files (relative to `dir`) with the committed config. */
export const markdownlint = (dir: string, files: string[]): Promise<ToolResult> =>
  tool(
    process.execPath,
    [
      path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
      '--config',
      MARKDOWNLINT_CONFIG,
      ...files,
    ],
    dir,
  );

export interface NuMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
}

/** The W3C Nu HTML Checker (vnu-jar) over all files in one JVM: errors only. */
export const nuCheck = async (files: string[]): Promise<NuMessage[]> => {
  const jar = path.join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const result = await tool('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files]);
  const parsed = JSON.parse(result.stderr || '{"messages":[]}') as { messages: NuMessage[] };
  return parsed.messages;
};

export const pandoc = (args: string[]): Promise<ToolResult> => tool('pandoc', args);

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/ninjs', name), 'utf8'));

/** IPTC's ninjs 2.2 schema, compiled once, with the GeoJSON schema it refers to. */
export const ninjsValidator = (): ValidateFunction => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // GeoJSON's schema is draft-07; its `$schema` key would make Ajv2020 refuse it.
  const geojson = { ...(fixture('GeoJSON.json') as Record<string, unknown>) };
  delete geojson['$schema'];
  ajv.addSchema(geojson);
  return ajv.compile(fixture('ninjs-schema_2.2.json') as object);
};

export const ninjsExample = (): unknown => fixture('example-2.2-simple-text-article.json');
