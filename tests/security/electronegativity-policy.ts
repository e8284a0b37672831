import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Findings that were reviewed and are silenced where they occur, with the reason. Anything else
 * silenced with an `eng-disable` comment fails the gate.
 */
export const ALLOWED_SUPPRESSIONS: readonly { file: string; rule: string; why: string }[] = [
  {
    file: 'main/desktop/window.ts',
    rule: 'PRELOAD_JS_CHECK',
    why: 'the tool asks for every preload to be reviewed; ours exposes one function per contract channel and the menu-command subscription, nothing else (tests/unit/desktop-preload.test.ts)',
  },
  {
    file: 'main/desktop/external-links.ts',
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    why: 'the one openExternal call; its URL has passed externalUrl() (http, https, mailto only), tested in tests/unit/desktop-links.test.ts',
  },
];

export interface Suppression {
  file: string;
  line: number;
  rules: string[];
}

const SOURCE = /\.(ts|tsx|js|html)$/;
const DIRECTIVE = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t,]+)/;

const walk = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return SOURCE.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
};

export const findSuppressions = async (dirs: readonly string[]): Promise<Suppression[]> => {
  const found: Suppression[] = [];
  for (const dir of dirs) {
    for (const file of await walk(dir)) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((text, index) => {
        const match = DIRECTIVE.exec(text);
        if (match?.[1])
          found.push({
            file: file.split('\\').join('/'),
            line: index + 1,
            rules: match[1].trim().split(/[\s,]+/),
          });
      });
    }
  }
  return found;
};

export const unexpectedSuppressions = (found: readonly Suppression[]): Suppression[] =>
  found.filter(
    (s) =>
      !s.rules.every((rule) =>
        ALLOWED_SUPPRESSIONS.some((allowed) => allowed.file === s.file && allowed.rule === rule),
      ),
  );
