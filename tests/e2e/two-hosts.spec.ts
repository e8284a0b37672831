import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { newRelease, saveStatus } from '../support/journey';
import { startHost } from './host-fixture';

/**
 * Two browser-mode hosts (two stores) open in one browser: cookies ignore the port, so each host
 * must keep its token under a name of its own, or opening the second would lock the first out.
 */
test('saving in the first host still works after a second host is opened in the same browser', async ({
  context,
}) => {
  const stores = await Promise.all([
    mkdtemp(join(tmpdir(), 'newsroom-e2e-a-')),
    mkdtemp(join(tmpdir(), 'newsroom-e2e-b-')),
  ]);
  const hosts = await Promise.all(stores.map((dir) => startHost(dir)));
  try {
    const [a, b] = hosts;
    if (!a || !b) throw new Error('two hosts expected');
    const first = await context.newPage();
    await first.goto(a.url);
    await newRelease(first, 'Blank release');
    await first.getByLabel('Headline').fill('Written in the first store');
    await expect(saveStatus(first)).toHaveText('Saved');

    const second = await context.newPage();
    await second.goto(b.url);
    await expect(second.getByRole('navigation', { name: 'Library' })).toBeVisible();
    await expect(
      second.getByRole('navigation', { name: 'Library' }).getByText('Written in the first store'),
    ).toHaveCount(0);

    await first.getByLabel('Headline').fill('Written in the first store, then saved again');
    await expect(saveStatus(first)).toHaveText('Saved');

    // Reloaded, the first page still gets in and shows what it saved.
    await first.reload();
    await expect(
      first
        .getByRole('navigation', { name: 'Library' })
        .getByText('Written in the first store, then saved again'),
    ).toBeVisible();
  } finally {
    for (const { child } of hosts) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    for (const dir of stores) {
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.preferences.json`, { force: true });
    }
  }
});
