import { expect, test } from './host-fixture';

/**
 * Over the request limit Chromium must see the host's 413 and its message, not a connection reset
 * (which the page could only report as a lost connection).
 */
test('a request over 16 MB from the page gets a 413 with a message', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  const reply = await page.evaluate(async () => {
    const response = await fetch('api/app:info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `"${'a'.repeat(17 * 1024 * 1024)}"`,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  });
  expect(reply).toEqual({
    status: 413,
    body: {
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('larger than 16 MB') },
    },
  });
  // The page still saves afterwards: the connection and the cookie are intact.
  const after = await page.evaluate(async () => {
    const response = await fetch('api/app:info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    return response.status;
  });
  expect(after).toBe(200);
});
