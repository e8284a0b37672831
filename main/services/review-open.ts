import * as Y from 'yjs';
import type { ChannelArgs } from '../../shared/contract';
import { ServiceError } from '../../shared/result';
import type { ReviewFile, ReviewOpenResult } from '../../shared/review-file';
import type { Draft, ReleaseMeta, Taxonomies } from '../../shared/schemas';
import { KeyedQueue } from '../store/keyed-queue';
import { docFromUpdate, fromBase64, type StoredReviewDoc } from '../store/review-doc-files';
import {
  asRefusal,
  checkIdentity,
  checkReturnedParts,
  checkSentParts,
  fieldsOrRefuse,
  refuseActiveMarkup,
  receivedBy,
} from './review-check';
import { cloneDoc, docIdentity, fieldsOfDoc, type ReleaseFields } from './review-doc';
import { readReviewFile, refuse } from './review-file-read';
import type { ReviewDeps } from './review-deps';

/** The file's document on its own: only a sent file holds a whole one. */
const sentDoc = (name: string, file: ReviewFile): { doc: Y.Doc; fields: ReleaseFields } => {
  const doc = docFromUpdate(fromBase64(file.update));
  if (typeof doc === 'string') throw refuse(name, doc);
  const fields = checkSentParts(name, doc, file);
  refuseActiveMarkup(name, fields.review);
  return { doc, fields };
};

/** Terms this store's taxonomies do not have are left out of a release brought from elsewhere. */
const knownTerms = (meta: ReleaseMeta, taxonomies: Taxonomies): ReleaseMeta => {
  const keep = (ids: readonly string[], terms: readonly { id: string }[]) =>
    ids.filter((id) => terms.some((term) => term.id === id));
  return {
    ...meta,
    contentTypeId:
      meta.contentTypeId && taxonomies.contentTypes.some((t) => t.id === meta.contentTypeId)
        ? meta.contentTypeId
        : null,
    placeIds: keep(meta.placeIds, taxonomies.places),
    sourceIds: keep(meta.sourceIds, taxonomies.sources),
    fieldOfWorkIds: keep(meta.fieldOfWorkIds, taxonomies.fieldsOfWork),
    countryIds: keep(meta.countryIds, taxonomies.countries),
  };
};

const findDraft = async (deps: ReviewDeps, id: string): Promise<Draft | null> => {
  try {
    return await deps.drafts.get(id);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
};

/**
 * A release this store does not have, or a copy of one it has (`keepId` false: a new id and a
 * new review history). A sent file's release keeps its id and its document's history, so the
 * reviewer can return it; a returned file's history builds on the author's, so its release
 * comes in from its JSON with a history of its own.
 */
const importRelease = async (
  deps: ReviewDeps,
  name: string,
  file: ReviewFile,
  keepId: boolean,
): Promise<ReviewOpenResult> => {
  const { release } = file;
  let reviewDoc: StoredReviewDoc | undefined;
  let fields: ReleaseFields = {
    headline: release.headline,
    lead: release.blocks.lead,
    body: release.body,
    review: release.review,
  };
  if (keepId && file.purpose === 'send') {
    const sent = sentDoc(name, file);
    fields = sent.fields;
    reviewDoc = { doc: sent.doc, base: Y.encodeStateVector(sent.doc), sentRevision: file.revision };
  }
  let draft: Draft;
  try {
    draft = await deps.drafts.createFrom(
      {
        headline: fields.headline,
        body: fields.body,
        meta: knownTerms(release.meta, deps.taxonomies()),
        blocks: { ...release.blocks, lead: fields.lead },
        review: fields.review,
      },
      'imported',
      { id: keepId ? release.id : undefined, reviewDoc },
    );
  } catch (error) {
    throw asRefusal(name, error);
  }
  // A release that came in for review is in review: its history starts now if it has none.
  if (!reviewDoc) await deps.reviewDocs.use(draft, () => undefined);
  return { status: 'imported', id: draft.id, headline: draft.headline };
};

/** Merges the file's changes into the release's document with Yjs, and saves the result. */
/**
 * A returned file builds on the document as it was sent: this store's document must hold all
 * of that base, or the file belongs to another release (an id changed by hand) or to a copy
 * this store never sent.
 */
const refuseUnknownBase = (name: string, file: ReviewFile, doc: Y.Doc): void => {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  let base: Map<number, number>;
  try {
    base = Y.decodeStateVector(fromBase64(file.base));
  } catch {
    throw refuse(name, 'its base (the version it was sent at) cannot be read');
  }
  for (const [client, clock] of base)
    if ((have.get(client) ?? 0) < clock)
      throw refuse(
        name,
        'it builds on a version of the release this store never sent (is it the review of another release?)',
      );
};

const mergeInto = async (
  deps: ReviewDeps,
  name: string,
  file: ReviewFile,
  current: Draft,
): Promise<ReviewOpenResult> => {
  const incoming = fromBase64(file.update);
  const sent = file.purpose === 'send' ? sentDoc(name, file) : null;
  const outcome = await deps.reviewDocs.use(
    current,
    (stored) => {
      if (sent && docIdentity(sent.doc).docId !== docIdentity(stored.doc).docId)
        throw refuse(
          name,
          'its review history was started apart from this store’s copy of the release, so the two cannot be merged; open it as a new release instead',
        );
      if (file.purpose === 'return') refuseUnknownBase(name, file, stored.doc);
      const before = Y.snapshot(stored.doc);
      const merged = docFromUpdate(incoming, cloneDoc(stored.doc));
      if (typeof merged === 'string') throw refuse(name, merged);
      if (Y.equalSnapshots(before, Y.snapshot(merged))) return null;
      checkIdentity(name, merged, file);
      if (docIdentity(merged).docId !== docIdentity(stored.doc).docId)
        throw refuse(name, 'its review history claims to be another copy of the release');
      const fields = fieldsOrRefuse(name, merged, 'the release merged with it');
      refuseActiveMarkup(name, fields.review, fieldsOfDoc(stored.doc).review);
      if (file.purpose === 'return') checkReturnedParts(name, merged, fields, file);
      const next: StoredReviewDoc = sent
        ? {
            doc: merged,
            base: Y.encodeStateVectorFromUpdate(incoming),
            sentRevision: file.revision,
          }
        : { doc: merged, base: stored.base, sentRevision: stored.sentRevision };
      return { fields, next };
    },
    'memory',
  );
  if (!outcome) {
    return {
      status: 'merged',
      id: current.id,
      headline: current.headline,
      unchanged: true,
      received: [],
    };
  }
  const { fields, next } = outcome;
  try {
    await deps.drafts.save(
      {
        id: current.id,
        headline: fields.headline,
        body: fields.body,
        meta: current.meta,
        blocks: { ...current.blocks, lead: fields.lead },
        status: current.status,
        review: fields.review,
        baseRevision: current.revision,
      },
      { reviewDoc: next },
    );
  } catch (error) {
    throw asRefusal(name, error);
  }
  return {
    status: 'merged',
    id: current.id,
    headline: fields.headline,
    unchanged: false,
    received: receivedBy(current.review, fields.review),
  };
};

const queue = new KeyedQueue();

/**
 * A `.newsroom-review` file opened: refused whole (naming the file and the problem, changing
 * nothing), merged into the release it belongs to, reported as unknown, or imported as new.
 * Everything is checked on a copy of the document before anything is kept.
 */
export const openReviewFile = (
  deps: ReviewDeps,
  { name, text, asNew }: ChannelArgs<'review:open'>,
): Promise<ReviewOpenResult> => {
  const file = readReviewFile(name, text);
  try {
    Y.decodeUpdate(fromBase64(file.update));
  } catch (error) {
    throw refuse(
      name,
      `its review history does not decode (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return queue.run(file.release.id, async () => {
    const current = await findDraft(deps, file.release.id);
    if (current && asNew) return importRelease(deps, name, file, false);
    if (current) return mergeInto(deps, name, file, current);
    if (asNew) return importRelease(deps, name, file, true);
    // Checked before the window asks whether to import it: a forged file is refused now.
    if (file.purpose === 'send') sentDoc(name, file);
    return { status: 'unknown-release', id: file.release.id, headline: file.release.headline };
  });
};
