import { describe, expect, it } from 'vitest';
import seed from '../../main/store/seed/taxonomies.json';
import { checkReadiness, isReady, type ReadinessItem } from '../../shared/readiness';
import {
  TaxonomiesSchema,
  emptyBlocks,
  emptyMeta,
  type Draft,
  type RichNode,
} from '../../shared/schemas';
import { templateById } from '../../shared/templates';
import { emptyReview } from '../../shared/review';

const taxonomies = TaxonomiesSchema.parse(seed);
const NOW = new Date('2026-06-01T10:00:00Z');

const body = (...paragraphs: string[]): RichNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** A release that passes every check; each test breaks one thing. */
const complete = (patch: Partial<Draft> = {}): Draft => ({
  id: 'release-0001',
  headline: 'Observers complete training in Warsaw',
  body: body('Twenty-four observers completed a course today.'),
  meta: {
    ...emptyMeta(),
    contentTypeId: 'press-release',
    date: '2026-06-01',
    placeIds: ['warsaw'],
    sourceIds: ['odihr'],
    fieldOfWorkIds: ['elections'],
  },
  blocks: { ...emptyBlocks(), lead: 'A short lead.' },
  status: 'draft',
  templateId: null,
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-06-01T08:00:00.000Z',
  trashedAt: null,
  revision: 1,
  review: emptyReview(),
  ...patch,
});

const check = (draft: Draft, placeholders: readonly string[] = []): ReadinessItem[] =>
  checkReadiness({ draft, taxonomies, placeholders, now: NOW });
const fields = (items: readonly ReadinessItem[]): string[] => items.map((i) => i.field);

describe('checkReadiness', () => {
  it('finds nothing in a complete release', () => {
    expect(check(complete())).toEqual([]);
    expect(isReady([])).toBe(true);
  });

  it('lists everything an empty release lacks, in the order of the form', () => {
    const items = check(
      complete({
        headline: '  ',
        body: { type: 'doc', content: [{ type: 'paragraph' }] },
        meta: emptyMeta(),
      }),
    );
    expect(fields(items)).toEqual([
      'headline',
      'contentType',
      'date',
      'place',
      'source',
      'fieldsOfWork',
      'body',
    ]);
    expect(items.every((i) => i.severity === 'missing')).toBe(true);
    expect(items.every((i) => i.message.length > 0)).toBe(true);
    expect(isReady(items)).toBe(false);
  });

  it('does not count ids the taxonomies do not know', () => {
    const items = check(
      complete({
        meta: {
          ...complete().meta,
          contentTypeId: 'obituary',
          placeIds: ['atlantis'],
          sourceIds: ['nowhere'],
          fieldOfWorkIds: ['alchemy'],
        },
      }),
    );
    expect(fields(items)).toEqual(['contentType', 'place', 'source', 'fieldsOfWork']);
  });

  it('treats a body of spaces as empty', () => {
    expect(fields(check(complete({ body: body('   ', '') })))).toEqual(['body']);
  });

  describe('placeholders', () => {
    const opening = '[Opening paragraph: who did what, where and when]';
    const quote = '[Quote from the official, with name and title]';

    it('finds a placeholder left in the body and names it', () => {
      const items = check(complete({ body: body('Done.', quote) }), [opening, quote]);
      expect(items).toEqual([
        {
          field: 'body',
          message: `Replace the template's placeholder in the body: ${quote}.`,
          severity: 'missing',
        },
      ]);
    });

    it('names the first three and counts the rest', () => {
      const many = ['[One]', '[Two]', '[Three]', '[Four]', '[Five]'];
      const [item] = check(complete({ body: body(many.join(' ')) }), many);
      expect(item?.message).toBe(
        "Replace the template's placeholders in the body: [One], [Two], [Three] and 2 more.",
      );
    });

    it('looks in the headline, the lead, the contact and the About block', () => {
      const items = check(
        complete({
          headline: `${opening} in Vienna`,
          blocks: { lead: opening, contact: quote, about: `About ${quote}`, endMark: true },
        }),
        [opening, quote],
      );
      expect(items.map((i) => [i.field, i.message])).toEqual([
        ['headline', `Replace the template's placeholder in the headline: ${opening}.`],
        ['lead', `Replace the template's placeholder in the lead: ${opening}.`],
        ['body', `Replace the template's placeholder in the media contact: ${quote}.`],
        ['body', `Replace the template's placeholder in the About block: ${quote}.`],
      ]);
    });

    it('finds a placeholder split over several text nodes by marks', () => {
      const split: RichNode = {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '[Quote from the official, ' },
              { type: 'text', text: 'with name and title]', marks: [{ type: 'bold' }] },
            ],
          },
        ],
      };
      expect(fields(check(complete({ body: split }), [quote]))).toEqual(['body']);
    });

    it('is satisfied once the placeholders are replaced', () => {
      expect(check(complete(), [opening, quote])).toEqual([]);
    });

    it('catches every placeholder of a fresh press release from the template', () => {
      const template = templateById('press-release');
      if (!template) throw new Error('no press-release template');
      const draft = complete({ body: template.body, blocks: template.blocks });
      const items = check(draft, template.placeholders);
      expect(fields(items)).toEqual(['lead', 'body']);
    });
  });

  describe('embargo', () => {
    const withEmbargo = (localDateTime: string, timeZone = 'Europe/Vienna'): Draft =>
      complete({ meta: { ...complete().meta, embargo: { localDateTime, timeZone } } });

    it('accepts an embargo in the future', () => {
      // 12:01 in Vienna is 10:01 UTC, a minute after NOW.
      expect(check(withEmbargo('2026-06-01T12:01'))).toEqual([]);
    });

    it('blocks an embargo that has passed, or lifts right now', () => {
      expect(check(withEmbargo('2026-06-01T11:59'))).toEqual([
        {
          field: 'embargo',
          message: 'The embargo time has passed: move it or remove it.',
          severity: 'missing',
        },
      ]);
      expect(fields(check(withEmbargo('2026-06-01T12:00')))).toEqual(['embargo']);
    });

    it('blocks an embargo in a zone the runtime does not know', () => {
      const [item] = check(withEmbargo('2030-01-01T09:00', 'Europe/Atlantis'));
      expect(item?.field).toBe('embargo');
      expect(item?.message).toContain('Europe/Atlantis');
    });

    it('blocks an embargo that is not a real date', () => {
      expect(fields(check(withEmbargo('2030-02-30T09:00')))).toEqual(['embargo']);
    });
  });

  describe('warnings', () => {
    it('warns, without blocking, about a lead over 160 characters', () => {
      const items = check(complete({ blocks: { ...emptyBlocks(), lead: 'x'.repeat(161) } }));
      expect(items).toEqual([
        {
          field: 'lead',
          message: 'The lead has 161 characters; keep it to 160.',
          severity: 'warning',
        },
      ]);
      expect(isReady(items)).toBe(true);
      expect(check(complete({ blocks: { ...emptyBlocks(), lead: 'x'.repeat(160) } }))).toEqual([]);
    });

    it('counts the lead in characters as read: an emoji is one', () => {
      const lead = `${'x'.repeat(159)}👨‍👩‍👧`;
      expect(check(complete({ blocks: { ...emptyBlocks(), lead } }))).toEqual([]);
    });

    it('warns when the dateline date differs from the publishing date', () => {
      const items = check(
        complete({ meta: { ...complete().meta, date: '2011-03-18', datelineDate: '2011-03-21' } }),
      );
      expect(items).toEqual([
        {
          field: 'date',
          message: 'The dateline carries another date than the publishing date.',
          severity: 'warning',
        },
      ]);
      expect(isReady(items)).toBe(true);
    });

    it('puts warnings after what is missing', () => {
      const items = check(
        complete({ headline: '', blocks: { ...emptyBlocks(), lead: 'x'.repeat(200) } }),
      );
      expect(items.map((i) => `${i.field}:${i.severity}`)).toEqual([
        'headline:missing',
        'lead:warning',
      ]);
    });
  });

  describe('required fields of a template', () => {
    it('checks only the presence of the fields the template requires', () => {
      const draft = complete({ meta: { ...complete().meta, fieldOfWorkIds: [] } });
      expect(fields(check(draft))).toEqual(['fieldsOfWork']);
      const items = checkReadiness({
        draft,
        taxonomies,
        placeholders: [],
        now: NOW,
        required: ['headline', 'contentType', 'date', 'place', 'source', 'body'],
      });
      expect(items).toEqual([]);
    });

    it('still checks placeholders and the embargo whatever the template requires', () => {
      const draft = complete({
        headline: '',
        body: body('[Venue]'),
        meta: {
          ...complete().meta,
          embargo: { localDateTime: '2020-01-01T09:00', timeZone: 'Europe/Vienna' },
        },
      });
      const items = checkReadiness({
        draft,
        taxonomies,
        placeholders: ['[Venue]'],
        now: NOW,
        required: [],
      });
      expect(fields(items)).toEqual(['body', 'embargo']);
    });
  });
});
