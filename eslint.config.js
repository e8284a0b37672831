// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = {
  regex: '^node:',
  message: 'Node built-ins belong to main/: shared/ and renderer/ run in the browser too.',
};
const electron = {
  name: 'electron',
  message: 'Only main/ talks to Electron; the renderer goes through the contract client.',
};
const lowdb = {
  regex: '^lowdb',
  message: 'Only main/store/ imports lowdb: everything else goes through the store.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [lowdb] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, { name: 'react-dom', message: 'shared/ is UI-free.' }],
          patterns: [
            nodeBuiltins,
            lowdb,
            {
              regex: '^(\\.\\./)+(main|renderer)/',
              message: 'shared/ depends on nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            nodeBuiltins,
            lowdb,
            {
              regex: '(^|/)main/',
              message: 'The renderer reaches main only through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/store/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electron, message: 'Services are plain TypeScript: no Electron here.' }],
          patterns: [lowdb],
        },
      ],
    },
  },
  {
    files: ['tests/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electron, message: 'Unit tests run without the Electron binary.' }],
          patterns: [lowdb],
        },
      ],
    },
  },
);
