import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SuggestionMeta } from '../../shared/review';
import type { Draft } from '../../shared/schemas';

const notices = vi.hoisted(
  () => [] as { tone: string; text: string; action?: { label: string; run: () => void } }[],
);
vi.mock('../../renderer/api/client', () => ({ api: {}, ApiError: class extends Error {} }));
vi.mock('../../renderer/app/actions', () => ({
  notify: (notice: (typeof notices)[number]) => void notices.push(notice),
  tell: (tone: string, text: string) => void notices.push({ tone, text }),
}));

const { ReviewController } = await import('../../renderer/features/review/review-controller');
const { ReviewModel } = await import('../../renderer/features/review/review-model');

const AT = '2026-11-30T10:00:00.000Z';
const proposal = (
  id: string,
  field: 'headline' | 'lead',
  text: string,
  previous: string,
  author = 'Rita Lenz',
): SuggestionMeta => ({ id, author, at: AT, field, kind: 'replace', text, previous });

/** The release editor's fields, as the controller reads and writes them. */
const setUp = (suggestions: SuggestionMeta[], fields: { headline: string; lead: string }) => {
  const model = new ReviewModel({ threads: [], suggestions }, () => undefined);
  const controller = new ReviewController(
    model,
    (field, value) => void (fields[field] = value),
    (field) => fields[field],
    async () => 'Anna Berg',
  );
  const open = () => model.review.suggestions.map((meta) => meta.id);
  return { model, controller, fields, open };
};

beforeEach(() => void notices.splice(0));

describe('accepting a headline or summary suggestion', () => {
  it('says the field changed since it was suggested, and replaces it only when asked to', () => {
    const meta = proposal('s-headline1', 'headline', 'Mission opens Vienna office', 'Old line');
    const { controller, fields, open } = setUp([meta], {
      headline: 'Old line, rewritten by the author',
      lead: '',
    });
    const standing = controller.standing(meta);
    expect(standing.changed).toBe(true);
    expect(standing.note).toBe('The headline has changed since this was suggested.');
    expect(controller.decide(meta, true)).toBe(false);
    expect(fields.headline).toBe('Old line, rewritten by the author');
    expect(open()).toEqual(['s-headline1']);
    expect(notices.at(-1)?.text).toContain('Replace with suggestion');
    expect(controller.decide(meta, true, { replace: true })).toBe(true);
    expect(fields.headline).toBe('Mission opens Vienna office');
    expect(open()).toEqual([]);
  });

  it('accepts a suggestion against the field as it stands, and Undo puts both back', () => {
    const meta = proposal('s-lead00001', 'lead', 'A shorter summary.', 'The summary.');
    const { controller, fields, open } = setUp([meta], { headline: 'H', lead: 'The summary.' });
    expect(controller.standing(meta)).toEqual({ changed: false, rivals: 0, note: null });
    expect(controller.decide(meta, true)).toBe(true);
    expect(fields.lead).toBe('A shorter summary.');
    expect(open()).toEqual([]);
    const undo = notices.at(-1)?.action;
    expect(undo?.label).toBe('Undo');
    undo?.run();
    expect(fields.lead).toBe('The summary.');
    expect(open()).toEqual(['s-lead00001']);
  });

  it('does not undo over what the author wrote in the field since', () => {
    const meta = proposal('s-lead00001', 'lead', 'A shorter summary.', 'The summary.');
    const { controller, fields, open } = setUp([meta], { headline: 'H', lead: 'The summary.' });
    controller.decide(meta, true);
    const undo = notices.at(-1)?.action;
    fields.lead = 'A shorter summary, and more.';
    undo?.run();
    expect(fields.lead).toBe('A shorter summary, and more.');
    expect(open()).toEqual([]);
    expect(notices.at(-1)?.text).toBe(
      'Not undone: the summary changed since the suggestion was accepted.',
    );
  });
});

describe('Accept all with headline and summary suggestions', () => {
  it('leaves two proposals for one field open and says why, accepting the rest', () => {
    const a = proposal('s-headlinea', 'headline', 'Rita’s line', 'Old line');
    const b = proposal('s-headlineb', 'headline', 'Omar’s line', 'Old line', 'Omar Haddad');
    const lead = proposal('s-lead00001', 'lead', 'New summary.', 'Old summary.');
    const { controller, fields, open } = setUp([a, b, lead], {
      headline: 'Old line',
      lead: 'Old summary.',
    });
    expect(controller.standing(a).rivals).toBe(1);
    controller.decideAll(true);
    expect(fields.headline).toBe('Old line');
    expect(fields.lead).toBe('New summary.');
    expect(open()).toEqual(['s-headlinea', 's-headlineb']);
    const told = notices.map((notice) => notice.text);
    expect(told).toContain('Left open: 2 proposals for the headline (accept the one you want).');
    const undo = notices.find((notice) => notice.action)?.action;
    undo?.run();
    expect(fields.lead).toBe('Old summary.');
    expect(open()).toEqual(['s-headlinea', 's-headlineb', 's-lead00001']);
  });

  it('leaves a field written on since it was suggested open', () => {
    const lead = proposal('s-lead00001', 'lead', 'New summary.', 'Old summary.');
    const { controller, fields, open } = setUp([lead], {
      headline: 'H',
      lead: 'Old summary, edited.',
    });
    controller.decideAll(true);
    expect(fields.lead).toBe('Old summary, edited.');
    expect(open()).toEqual(['s-lead00001']);
    expect(notices.map((n) => n.text)).toEqual([
      'Left open: the summary, changed since it was suggested.',
    ]);
  });

  it('Reject all still settles every suggestion and writes nothing', () => {
    const a = proposal('s-headlinea', 'headline', 'Rita’s line', 'Old line');
    const b = proposal('s-headlineb', 'headline', 'Omar’s line', 'Old line', 'Omar Haddad');
    const { controller, fields, open } = setUp([a, b], { headline: 'Old line', lead: '' });
    controller.decideAll(false);
    expect(fields.headline).toBe('Old line');
    expect(open()).toEqual([]);
  });
});

describe('the open release’s headline and summary as typed', () => {
  it('are read from its draft session, for as long as it is open', async () => {
    const { DraftSession, liveFields } =
      await import('../../renderer/features/editor/draft-session');
    const draft = {
      id: 'release-live',
      headline: 'Old line',
      body: { type: 'doc' },
      meta: {},
      blocks: { lead: 'Old summary.' },
      revision: 3,
    } as unknown as Draft;
    const callbacks = { onSaved: () => undefined, onStatus: () => undefined };
    const session = new DraftSession(draft, callbacks);
    expect(liveFields('release-live')).toEqual({ headline: 'Old line', lead: 'Old summary.' });
    // A second session React's strict mode builds and throws away never changes.
    new DraftSession(draft, callbacks);
    session.setHeadline('Typed, not saved yet');
    expect(liveFields('release-live')?.headline).toBe('Typed, not saved yet');
    session.dispose();
    expect(liveFields('release-live')).toBeNull();
  });
});
