import { DraftSchema, emptyMeta, type Draft } from '../../shared/schemas';

/** The text a release holds at a revision: whoever reads it back can tell it is whole. */
export const releaseText = (id: string, revision: number): string =>
  `${id} revision ${revision}: ${'words of a press release '.repeat(40 + (revision % 50))}END`;

/** The draft the crash test's child saves; built without the parser so saving stays the cost. */
export const crashDraft = (id: string, revision: number): Draft =>
  DraftSchema.parse({
    id,
    headline: `${id} at revision ${revision}`,
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: releaseText(id, revision) }] },
      ],
    },
    meta: emptyMeta(),
    status: 'draft',
    createdAt: '2025-03-14T09:00:00.000Z',
    updatedAt: new Date(Date.UTC(2025, 2, 14) + revision * 1000).toISOString(),
    trashedAt: null,
    revision,
  });

/**
 * Whether a draft read back holds exactly what was written at its revision. (`updatedAt` is left
 * out: a journal recovered after a crash carries the time it was journaled.)
 */
export const isIntact = (draft: Draft): boolean => {
  const expected = crashDraft(draft.id, draft.revision);
  return (
    draft.headline === expected.headline &&
    JSON.stringify(draft.body) === JSON.stringify(expected.body)
  );
};
