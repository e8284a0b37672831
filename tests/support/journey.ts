import { expect, type Page } from '@playwright/test';

/** The release a new user writes in the end-to-end journeys, desktop and browser alike. */
export const RELEASE = {
  headline: 'OSCE and Council of Europe anti-trafficking chiefs warn of a turning point',
  first:
    'Addressing current challenges related to human trafficking was the focus of the largest annual gathering of national co-ordinators.',
  second: 'Participants discussed technology-facilitated trafficking and',
  quote: '“This is a meeting of the doers who can make a difference,” said the Chairmanship.',
  dateline: 'VIENNA, 15 June 2022 \u2013',
} as const;

/** Types into a taxonomy picker, chooses one suggestion, and closes the suggestions. */
export const pick = async (page: Page, label: string, query: string, option: string) => {
  await page.getByLabel(label, { exact: true }).fill(query);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
};

export const chips = (page: Page, label: string) =>
  page.getByRole('list', { name: `${label}: chosen` }).getByRole('listitem');

export const saveStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Saved|Saving…|Unsaved changes|Not saved.*)$/ });

/** "New release" and a choice from its menu: a blank release or a template. */
export const newRelease = async (page: Page, kind: string): Promise<void> => {
  await page.getByRole('button', { name: 'New release' }).click();
  await page.getByRole('menuitem', { name: kind, exact: true }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
};

/** Creates a release and writes and tags it the way an officer would, with keyboard and pickers. */
export const writeRelease = async (page: Page): Promise<void> => {
  await newRelease(page, 'Blank release');
  await page.getByLabel('Headline').fill(RELEASE.headline);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type(RELEASE.first);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`${RELEASE.second} `);
  await page.keyboard.press('Control+B');
  await page.keyboard.type('rising');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' profits.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Quote' }).click();
  await page.keyboard.type(RELEASE.quote);

  await page.getByLabel('Date', { exact: true }).fill('2022-06-15');
  await pick(page, 'Place', 'vien', 'Vienna Austria');
  await pick(page, 'Source', 'secretariat', 'OSCE Secretariat');
  await pick(page, 'Fields of work', 'trafficking', 'Combating trafficking in human beings');
  await pick(page, 'Fields of work', 'human ri', 'Human rights');
  await expect(
    page.getByRole('region', { name: 'Dateline' }).getByText(RELEASE.dateline),
  ).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
};

/** After a reload or a restart: everything the officer wrote and chose is there. */
export const expectReleaseIntact = async (page: Page): Promise<void> => {
  const body = page.getByRole('textbox', { name: 'Body' });
  await expect(page.getByLabel('Headline')).toHaveValue(RELEASE.headline);
  await expect(body.locator('p').first()).toHaveText(RELEASE.first);
  await expect(body.locator('strong')).toHaveText('rising');
  await expect(body.locator('blockquote')).toHaveText(RELEASE.quote);
  await expect(chips(page, 'Place')).toHaveText(['Vienna×']);
  await expect(chips(page, 'Source')).toHaveText(['OSCE Secretariat×']);
  await expect(chips(page, 'Fields of work')).toHaveText([
    'Combating trafficking in human beings×',
    'Human rights×',
  ]);
  await expect(
    page.getByRole('region', { name: 'Dateline' }).getByText(RELEASE.dateline),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByText(RELEASE.headline),
  ).toBeVisible();
};

/** What every Markdown export of that release must say. */
export const expectMarkdownExport = (
  markdown: string,
  parseYaml: (text: string) => unknown,
): void => {
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
  expect(parseYaml(frontMatter)).toMatchObject({
    headline: RELEASE.headline,
    contentType: { id: 'press-release', label: 'Press release' },
    date: '2022-06-15',
    dateline: RELEASE.dateline,
    places: [{ id: 'vienna', label: 'Vienna' }],
    sources: [{ id: 'secretariat', label: 'OSCE Secretariat' }],
    fieldsOfWork: [
      {
        id: 'combating-trafficking-in-human-beings',
        label: 'Combating trafficking in human beings',
      },
      { id: 'human-rights', label: 'Human rights' },
    ],
    countries: [],
  });
  expect(body).toContain(`# ${RELEASE.headline}`);
  expect(body).toContain(`${RELEASE.dateline} ${RELEASE.first}`);
  expect(body).toContain(`${RELEASE.second} **rising** profits.`);
  expect(body).toContain(`> ${RELEASE.quote}`);
};

/** What every HTML export of that release must say. */
export const expectHtmlExport = (html: string): void => {
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain(`<title>${RELEASE.headline}</title>`);
  expect(html).toContain('<meta name="dcterms.spatial" content="Vienna">');
  expect(html).toContain('<meta name="dcterms.creator" content="OSCE Secretariat">');
  expect(html).toContain('<meta name="dcterms.subject" content="Human rights">');
  expect(html).toMatch(/<article[\s>]/);
  expect(html).toContain(
    `<p><span class="dateline">${RELEASE.dateline}</span> ${RELEASE.first}</p>`,
  );
  expect(html).toContain('<strong>rising</strong>');
  expect(html).toContain(`<blockquote><p>${RELEASE.quote}</p></blockquote>`);
};
