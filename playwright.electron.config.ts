import { defineConfig } from '@playwright/test';

/** The desktop journey with Playwright's `_electron`; needs an Electron binary (see tests/electron). */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
});
