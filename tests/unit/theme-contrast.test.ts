import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Text must be legible in both themes: WCAG 2.2 asks 4.5:1 for ordinary text. The colours are read
 * from the stylesheet the app ships, so a change of palette that makes hints unreadable fails here.
 */
const css = readFileSync(join(__dirname, '..', '..', 'renderer', 'styles.css'), 'utf8');

const variablesOf = (selector: string): Map<string, string> => {
  const variables = new Map<string, string>();
  const escaped = selector.replace(/[[\]'()]/g, '\\$&');
  for (const block of css.matchAll(new RegExp(`(?:^|\\n)${escaped} \\{([^}]*)\\}`, 'g'))) {
    for (const [, name, value] of (block[1] ?? '').matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi))
      if (name && value) variables.set(name, value);
  }
  return variables;
};

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
};

const contrast = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
};

const TEXT = ['text', 'text-2', 'text-3', 'accent', 'ok', 'warn', 'danger'];
const BACKGROUNDS = ['bg', 'surface', 'surface-2', 'accent-weak'];

describe.each([
  ['light', ':root'],
  ['dark', ":root[data-scheme='dark']"],
])('the %s theme', (_name, selector) => {
  const colours = variablesOf(selector);

  it('defines every text and background colour it is checked on', () => {
    for (const name of [...TEXT, ...BACKGROUNDS]) expect(colours.get(name), name).toMatch(/^#/);
  });

  it.each(TEXT)('--%s reads at 4.5:1 or better on every background', (text) => {
    for (const background of BACKGROUNDS) {
      const ratio = contrast(colours.get(text) ?? '#000000', colours.get(background) ?? '#000000');
      expect(ratio, `--${text} on --${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
