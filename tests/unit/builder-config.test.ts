import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * electron-builder cannot package here (it downloads Electron), so its configuration is checked
 * as data: against electron-builder's own JSON schema, and for what a security review expects.
 */
const require = createRequire(import.meta.url);
const load = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const config = load('electron-builder.yml');
const e2e = load('electron-builder.e2e.yml');
const section = (name: string) => (config[name] ?? {}) as Record<string, unknown>;

const SHIPPED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

/** Whether electron-builder's `files` list takes a path: later patterns win, `!` excludes. */
const packaged = (path: string): boolean => {
  let included = false;
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!')) {
      if (minimatch(path, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(path, pattern, { dot: true })) included = true;
  }
  return included;
};

const pngSize = (file: string) => {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('ascii'), file).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
};

describe('electron-builder.yml', () => {
  it('is valid for electron-builder’s own schema (and so is the e2e variant)', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(e2e), JSON.stringify(validate.errors)).toBe(true);
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
    expect(section('win').target).toEqual(['nsis']);
    expect(section('mac').target).toEqual(['dmg']);
    expect(config.appId).toBe('org.newsroom.editor');
    expect(config.productName).toBe('Newsroom Editor');
    // A deb needs a maintainer; package.json has no author to take it from.
    expect(section('linux').maintainer).toMatch(/<.+@.+>/);
  });

  it('sets the Electron fuses a security review expects', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject(SHIPPED_FUSES);
  });

  it('the e2e build differs in one fuse only: Playwright needs the Node inspector', () => {
    expect(e2e.extends).toBe('./electron-builder.yml');
    expect(e2e.electronFuses).toEqual({
      ...(config.electronFuses as object),
      enableNodeCliInspectArguments: true,
    });
    expect((e2e.directories as { output: string }).output).not.toBe('dist');
  });

  it('packages the built app and nothing else', () => {
    for (const path of [
      'package.json',
      'out/main/index.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc123.js',
    ]) {
      expect(packaged(path), path).toBe(true);
    }
    for (const path of [
      'out/main/index.js.map',
      'main/desktop/index.ts',
      'renderer/app.tsx',
      'tests/unit/store.test.ts',
      'electron-builder.yml',
      'README.md',
      '.env',
      'store/library.json',
      'dist/Newsroom Editor.AppImage',
      'test-results/electronegativity.sarif',
    ]) {
      expect(packaged(path), path).toBe(false);
    }
  });

  it('opens the app’s own review packages by their extension', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'newsroom-review',
        name: 'Newsroom Review Package',
        mimeType: 'application/x-newsroom-review',
        role: 'Editor',
      }),
    ]);
  });

  it('has real icons for each platform in assets/', () => {
    expect((config.directories as { buildResources: string }).buildResources).toBe('assets');
    expect(pngSize('assets/icon.png')).toEqual({ width: 1024, height: 1024 });
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(`assets/${section('linux').icon}/${size}x${size}.png`)).toEqual({
        width: size,
        height: size,
      });
    }
    const ico = readFileSync(`assets/${section('win').icon}`);
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
    const hasBig = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i]).includes(
      0,
    );
    expect(hasBig).toBe(true); // a 256 px image, which NSIS and Windows 10+ want
    const icns = readFileSync(`assets/${section('mac').icon}`);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true); // 1024 px for Retina
  });
});

describe('package.json', () => {
  it('builds the installers with `npm run dist` from this config', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
    expect(pkg.scripts.test).toMatch(/npm run security && npm run test:unit/);
  });
});
