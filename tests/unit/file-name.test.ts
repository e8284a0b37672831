import { describe, expect, it } from 'vitest';
import { exportFileName, headlineSlug } from '../../shared/export/file-name';
import type { Draft } from '../../shared/schemas';
import { releaseEveryNode } from '../fixtures/release-fixtures';

const draftWith = (headline: string, date: string | null = '2022-06-15'): Draft => {
  const draft = releaseEveryNode();
  return { ...draft, headline, meta: { ...draft.meta, date } };
};

describe('exportFileName', () => {
  it('is the release date and the headline slug', () => {
    expect(exportFileName(releaseEveryNode(), 'md')).toBe(
      '2022-06-15-conference-on-trafficking-leave-no-one-behind-endtrafficking.md',
    );
    expect(exportFileName(draftWith('OSCE Chair visits Warsaw'), 'html')).toBe(
      '2022-06-15-osce-chair-visits-warsaw.html',
    );
  });

  it('falls back to the day of the last change when the release has no date', () => {
    const draft = { ...draftWith('No date yet', null), updatedAt: '2023-01-31T23:59:00+01:00' };
    expect(exportFileName(draft, 'md')).toBe('2023-01-31-no-date-yet.md');
  });

  it('writes Latin letters without their diacritics', () => {
    expect(headlineSlug('Zürich, Łódź and Škofja Loka: Straße – Ærø')).toBe(
      'zurich-lodz-and-skofja-loka-strasse-aero',
    );
  });

  it('says untitled when nothing Latin is left', () => {
    expect(headlineSlug('Конференция в Вене')).toBe('untitled');
    expect(headlineSlug('')).toBe('untitled');
    expect(headlineSlug(' — ')).toBe('untitled');
    expect(exportFileName(draftWith('日本語'), 'md')).toBe('2022-06-15-untitled.md');
  });

  it('cuts a long headline at a word boundary, at most 60 characters', () => {
    const slug = headlineSlug(
      'Ministers agree on a comprehensive action plan for combating trafficking in human beings',
    );
    expect(slug).toBe('ministers-agree-on-a-comprehensive-action-plan-for-combating');
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  it('cuts a single long word hard', () => {
    expect(headlineSlug('x'.repeat(80))).toBe('x'.repeat(60));
  });

  it('only ever uses characters every file system accepts', () => {
    const slug = headlineSlug('CON: <a|b> "c"?*\\/ .. NUL\u0000 \u202e end.');
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(exportFileName(draftWith('CON'), 'md')).toBe('2022-06-15-con.md');
  });
});
