import { randomUUID } from 'node:crypto';
import type { ChannelArgs } from '../../shared/contract';
import {
  DraftSchema,
  emptyBlocks,
  emptyDoc,
  emptyMeta,
  summarize,
  type Draft,
  type DraftSummary,
  type ReleaseBlocks,
} from '../../shared/schemas';
import { ServiceError } from '../../shared/result';
import { defaultBlocksFor } from '../../shared/source-blocks';
import type { ReleaseStore } from '../store/release-store';
import { checkBody, checkEmbargo, checkReleaseText, checkReview, checkTerms } from './draft-checks';
import { publishNowhere, type Publish } from './event-bus';
import type { ReviewDocs } from './review-docs';
import type { DraftInit, DraftService } from './types';

const DEFAULT_CONTENT_TYPE = 'press-release';

/** Local calendar date: a release written in Vienna on the evening of the 14th is dated the 14th. */
export const localIsoDate = (date: Date): string =>
  [
    String(date.getFullYear()).padStart(4, '0'),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');

export const createDraftService = (
  store: ReleaseStore,
  clock: () => Date = () => new Date(),
  publish: Publish = publishNowhere,
  /** The review documents of releases in review; none in tests that do not review. */
  reviewDocs?: ReviewDocs,
): DraftService => {
  /** Everything a release must meet to be stored, whichever way it comes in. */
  const check = (
    release: Pick<Draft, 'headline' | 'body' | 'meta'> & {
      blocks?: ReleaseBlocks | undefined;
      review?: Draft['review'] | undefined;
    },
  ): void => {
    checkTerms(release.meta, store.getTaxonomies());
    checkEmbargo(release.meta);
    checkReleaseText(release.headline, release.blocks);
    checkBody(release.body);
    if (release.review) checkReview(release.review);
  };

  const insert: DraftService['createFrom'] = async (
    init: DraftInit,
    change: 'created' | 'imported' = 'created',
    adopt,
  ): Promise<Draft> => {
    const now = clock().toISOString();
    if (adopt?.id !== undefined && store.summaryOf(adopt.id))
      throw new ServiceError('INVALID_INPUT', `A release with id ${adopt.id} is already here`);
    const parsed = DraftSchema.safeParse({
      id: adopt?.id ?? randomUUID(),
      headline: init.headline,
      body: init.body,
      meta: init.meta,
      blocks: init.blocks,
      templateId: init.templateId ?? null,
      review: init.review,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
      revision: 0,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ServiceError(
        'INVALID_INPUT',
        `${issue?.path.map(String).join('.') || 'release'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    check(parsed.data);
    const draft = parsed.data;
    if (adopt?.reviewDoc && reviewDocs)
      await reviewDocs.commit(draft.id, adopt.reviewDoc, draft.revision, async () => {
        await store.writeDraft(draft);
        return draft;
      });
    else await store.writeDraft(draft);
    publish('library:changed', { change, summaries: [summarize(parsed.data)] });
    return parsed.data;
  };

  /** A save's effect on the stored draft; the recovery journal records the same. */
  const applyUpdate = (current: Draft, update: ChannelArgs<'drafts:save'>): Draft => ({
    ...current,
    headline: update.headline,
    body: update.body,
    meta: update.meta,
    blocks: update.blocks ?? current.blocks,
    review: update.review ?? current.review,
    status: update.status,
    updatedAt: clock().toISOString(),
    revision: current.revision + 1,
  });

  const setTrashed = async (id: string, trashed: boolean): Promise<DraftSummary> => {
    // updatedAt stays the time of the last content change; trashing is not an edit.
    const draft = await store.updateDraft(id, (current) => ({
      ...current,
      trashedAt: trashed ? (current.trashedAt ?? clock().toISOString()) : null,
    }));
    const summary = summarize(draft);
    publish('library:changed', { change: trashed ? 'trashed' : 'restored', summaries: [summary] });
    return summary;
  };

  return {
    list(view) {
      const trash = view === 'trash';
      // Each timestamp parsed once, not once per comparison: the list may hold 10,000 releases.
      return store
        .listSummaries()
        .filter((summary) => (summary.trashedAt !== null) === trash)
        .map((summary) => ({
          summary,
          at: Date.parse((trash ? summary.trashedAt : summary.updatedAt) ?? ''),
        }))
        .sort((a, b) => b.at - a.at)
        .map(({ summary }) => summary);
    },

    create(defaults) {
      const taxonomies = store.getTaxonomies();
      const meta = emptyMeta();
      meta.date = localIsoDate(clock());
      if (taxonomies.contentTypes.some((term) => term.id === DEFAULT_CONTENT_TYPE)) {
        meta.contentTypeId = DEFAULT_CONTENT_TYPE;
      }
      // A default the taxonomy no longer has is skipped, not an error: the officer can pick anew.
      const known = (ids: readonly string[] | undefined, terms: readonly { id: string }[]) =>
        (ids ?? []).filter((id) => terms.some((term) => term.id === id));
      meta.placeIds = known(defaults?.placeIds, taxonomies.places);
      meta.sourceIds = known(defaults?.sourceIds, taxonomies.sources);
      // The source's contact and boilerplate come with it, as when the officer picks it.
      const blocks =
        meta.sourceIds.length > 0
          ? { ...emptyBlocks(), ...defaultBlocksFor(meta.sourceIds, taxonomies) }
          : emptyBlocks();
      return insert({ headline: '', body: emptyDoc(), meta, blocks });
    },

    createFrom: insert,

    get: (id) => store.readDraft(id),

    async save(update, options) {
      check(update);
      const write = () =>
        store.updateDraft(update.id, (current) => {
          if (update.baseRevision !== undefined && update.baseRevision !== current.revision) {
            throw new ServiceError(
              'CONFLICT',
              `“${current.headline || 'Untitled release'}” was saved elsewhere (revision ${current.revision}) since this window read revision ${update.baseRevision}.`,
            );
          }
          return applyUpdate(current, update);
        });
      const merge = options?.reviewDoc;
      const draft =
        merge && reviewDocs && update.baseRevision !== undefined
          ? await reviewDocs.commit(update.id, merge, update.baseRevision + 1, write)
          : await write();
      const summary = summarize(draft);
      publish('release:saved', { summary });
      // A merge's document must be kept, or the review it brought could not be told apart from
      // the author's own words later (its failure fails the merge); a plain save's document
      // only catches up, and never fails the save.
      if (!merge || update.baseRevision === undefined)
        await reviewDocs?.afterSave(draft, options?.reviewDoc);
      return summary;
    },

    async journal(update) {
      check(update);
      const journaledAt = await store.journalDraft(update.id, (current) =>
        applyUpdate(current, update),
      );
      return { journaledAt };
    },

    trash: (id) => setTrashed(id, true),
    restore: (id) => setTrashed(id, false),
  };
};
