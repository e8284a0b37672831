import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMarkdownRelease } from '../../main/services/import';
import { createHandlers, dispatch } from '../../main/services/handlers';
import { openServices } from '../../main/services';
import seed from '../../main/store/seed/taxonomies.json';
import { DRAFTS_DIR } from '../../main/store/store-info';
import { embargoProblem, formatEmbargoLine, isEmbargoPast } from '../../shared/embargo';
import { LANGUAGES, DraftSchema, TaxonomiesSchema, type Embargo } from '../../shared/schemas';
import {
  closeHandlersFixture,
  openHandlersFixture,
  saveRequest,
  type HandlersFixture,
} from '../support/handlers-fixture';

let fixture: HandlersFixture;
beforeEach(async () => {
  fixture = await openHandlersFixture();
});
afterEach(async () => {
  await closeHandlersFixture(fixture);
});

const withEmbargo = (embargo: Embargo) => ({ meta: { ...fixture.draft.meta, embargo } });

describe('an embargo is refused at the door unless its zone and time are real', () => {
  it.each([
    [
      { localDateTime: '2026-06-15T09:00', timeZone: 'Not/AZone' },
      /meta\.embargo\.timeZone: "Not\/AZone" is not a time zone/,
    ],
    [
      { localDateTime: '2026-99-99T99:99', timeZone: 'Europe/Vienna' },
      /meta\.embargo\.localDateTime: "2026-99-99T99:99" is not a real date and time/,
    ],
    [{ localDateTime: '2026-02-30T09:00', timeZone: 'Europe/Vienna' }, /not a real date/],
    [{ localDateTime: '2027-02-29T09:00', timeZone: 'Europe/Vienna' }, /not a real date/],
    [{ localDateTime: '2026-06-15T24:00', timeZone: 'Europe/Vienna' }, /not a real date/],
    [{ localDateTime: '2026-06-15T09:60', timeZone: 'Europe/Vienna' }, /not a real date/],
  ])('%o', async (embargo, message) => {
    for (const channel of ['drafts:save', 'drafts:journal'] as const) {
      const answer = await dispatch(
        fixture.handlers,
        channel,
        saveRequest(fixture.draft, withEmbargo(embargo)),
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(answer.ok ? '' : answer.error.message).toMatch(message);
    }
    // Nothing changed, and the store opens as before.
    await fixture.services.close();
    fixture.services = await openServices({ storeDir: fixture.dir, version: '9.9.9-test' });
    const got = await dispatch(createHandlers(fixture.services), 'drafts:get', {
      id: fixture.draft.id,
    });
    expect(got).toMatchObject({ ok: true, value: { revision: 0, meta: { embargo: null } } });
  });

  it.each([
    { localDateTime: '2028-02-29T09:00', timeZone: 'Europe/Vienna' },
    { localDateTime: '2026-06-15T23:59', timeZone: 'Asia/Kolkata' },
    { localDateTime: '2026-06-15T00:00', timeZone: 'UTC' },
  ])('takes a real one: %o', async (embargo) => {
    expect(
      await dispatch(
        fixture.handlers,
        'drafts:save',
        saveRequest(fixture.draft, withEmbargo(embargo)),
      ),
    ).toMatchObject({ ok: true, value: { embargo } });
  });
});

describe('an embargo already stored that cannot be read', () => {
  const stored: Embargo[] = [
    { localDateTime: '2026-06-15T09:00', timeZone: 'Not/AZone' },
    { localDateTime: '2026-99-99T99:99', timeZone: 'Europe/Vienna' },
  ];

  it.each(stored)('renders as an invalid embargo instead of throwing: %o', (embargo) => {
    expect(embargoProblem(embargo)).not.toBeNull();
    expect(isEmbargoPast(embargo, new Date())).toBe(false);
    for (const language of LANGUAGES) {
      const line = formatEmbargoLine(embargo, language);
      expect(line).toContain(embargo.localDateTime);
      expect(line).toContain(embargo.timeZone);
    }
    expect(formatEmbargoLine(embargo)).toMatch(/: invalid embargo$/);
  });

  it.each(stored)('leaves the release readable, exportable and listed: %o', async (embargo) => {
    // Still a valid stored release: a zone the next ICU drops must not make it "damaged".
    expect(
      DraftSchema.safeParse({ ...fixture.draft, meta: { ...fixture.draft.meta, embargo } }).success,
    ).toBe(true);
    await fixture.services.close();
    const file = path.join(fixture.dir, DRAFTS_DIR, `${fixture.draft.id}.json`);
    const draft: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    const meta = (draft as { meta: Record<string, unknown> }).meta;
    await fs.writeFile(file, JSON.stringify({ ...(draft as object), meta: { ...meta, embargo } }));
    fixture.services = await openServices({ storeDir: fixture.dir, version: '9.9.9-test' });
    const handlers = createHandlers(fixture.services);
    expect(await dispatch(handlers, 'drafts:get', { id: fixture.draft.id })).toMatchObject({
      ok: true,
      value: { meta: { embargo } },
    });
    expect(await dispatch(handlers, 'drafts:list', { view: 'active' })).toMatchObject({ ok: true });
    for (const format of ['md', 'html', 'html-fragment', 'ninjs'] as const) {
      expect(
        await dispatch(handlers, 'export:render', { id: fixture.draft.id, format }),
      ).toMatchObject({ ok: true });
    }
    const markdown = await dispatch(handlers, 'export:render', {
      id: fixture.draft.id,
      format: 'md',
    });
    expect(JSON.stringify(markdown)).toContain('invalid embargo');
    expect(await dispatch(handlers, 'drafts:mark-ready', { id: fixture.draft.id })).toMatchObject({
      ok: true,
      value: { status: 'blocked' },
    });
  });
});

describe('an imported embargo that cannot be read', () => {
  const taxonomies = TaxonomiesSchema.parse(seed);
  it.each([
    ['2026-99-99T99:99', 'Europe/Vienna'],
    ['2026-06-15T09:00', 'Not/AZone'],
  ])('is left out with a warning, and the rest imported (%s %s)', (until, timeZone) => {
    const text = `---\nheadline: Embargoed\nembargo:\n  until: "${until}"\n  timeZone: ${timeZone}\n---\n\nBody.\n`;
    const release = parseMarkdownRelease(text, taxonomies, 'embargo.md');
    expect(release.headline).toBe('Embargoed');
    expect(release.meta.embargo).toBeNull();
    expect(release.warnings.join(' ')).toMatch(
      /embargo: .* is not a date and time with a known time zone/,
    );
  });
});
