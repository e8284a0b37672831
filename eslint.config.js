// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { realpathSync } from 'node:fs';
import path from 'node:path';

// Zones are resolved against this folder, not against the shell's working directory, so lint
// means the same from any folder (and from a copy of the repo, as the lint probe makes).
const root = import.meta.dirname;

// The resolver answers with real paths, so a package's folder is compared as a real path too
// (node_modules may be a link: pnpm, or the lint probe's copy of the repo).
const installed = (/** @type {string} */ name) => {
  const folder = path.join(root, 'node_modules', name);
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
};

// The process boundaries of DESIGN.md "Processes and folders". Every import, type-only ones
// included, is resolved to a file first, so `../../main/x`, `lowdb/node` or `require('electron')`
// cannot slip past a pattern written for another spelling.
const zones = [
  {
    // Globs: "everywhere but main/desktop", so a new folder is covered without editing this list.
    target: ['./*', './!(main)/**', './main/!(desktop)/**'],
    from: [installed('electron')],
    // Its version file is metadata (the security scan reads it), not the API.
    except: ['./package.json'],
    message:
      'Only main/desktop/ imports electron: the store, services, CLI, shared code, renderer and tests run without it.',
  },
  {
    target: ['./*', './!(main)/**', './main/!(store)/**'],
    from: [installed('lowdb')],
    message: 'Only main/store/ imports lowdb: everything else goes through the store.',
  },
  {
    target: './shared',
    from: ['./main', './renderer'],
    message: 'shared/ depends on nothing of ours: main and the renderer depend on it.',
  },
  {
    target: './shared',
    from: [installed('react-dom'), installed('@types/react-dom')],
    message: 'shared/ is UI-free: no React DOM.',
  },
  {
    target: './renderer',
    from: './main',
    message: 'The renderer reaches main only through the contract client (renderer/api/).',
  },
  {
    target: ['./main', './renderer', './shared'],
    from: './tests',
    message: 'Product code never imports from tests/.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [`${root}/tsconfig.node.json`, `${root}/tsconfig.web.json`],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      // Runtime cycles only: import-x skips `import type` edges, which TypeScript erases (and
      // consistent-type-imports makes every type-only import say so). Dependencies are not
      // walked: a cycle inside a package is not ours to fix, and walking them makes this rule
      // about three times slower. No maxDepth: with dependencies skipped the whole graph is cheap.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // `electron/main`, `electron/renderer`, `electron/common` and `electron/utility` exist only as
    // ambient declarations in electron.d.ts: they resolve to no file, so the zones above cannot
    // see them. Matched by name instead (the version file stays readable, as above).
    ignores: ['main/desktop/**'],
    rules: {
      'import-x/no-internal-modules': ['error', { forbid: ['electron/!(package.json)'] }],
    },
  },
  {
    // Both run in the page: no Node built-in, whether written `node:fs` or `fs`.
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
