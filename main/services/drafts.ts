import { publishNowhere, type Publish } from './event-bus';
import { randomUUID } from 'node:crypto';
import { getSchema } from '@tiptap/core';
import { Node as PmNode, type Schema } from '@tiptap/pm/model';
import { z } from 'zod';
import { isAllowedHref, releaseExtensions } from '../../shared/extensions';
import { ServiceError } from '../../shared/result';
import {
  DraftSchema,
  emptyBlocks,
  emptyDoc,
  emptyMeta,
  summarize,
  type Draft,
  type DraftSummary,
  type ReleaseMeta,
  type RichNode,
  type Taxonomies,
  type TaxonomyName,
} from '../../shared/schemas';
import type { ChannelArgs } from '../../shared/contract';
import { defaultBlocksFor } from '../../shared/source-blocks';
import type { ReleaseStore } from '../store/release-store';
import type { DraftService } from './types';

const DEFAULT_CONTENT_TYPE = 'press-release';

interface EditorRules {
  schema: Schema;
  /** ProseMirror does not check attribute values, and a heading without one defaults to level 1. */
  headingLevels: readonly number[];
}

const HeadingOptionsSchema = z.object({ levels: z.array(z.number().int()) });

let editorRules: EditorRules | undefined;
/** Built on first use: building it loads every extension, which a CLI `list` never needs. */
const getEditorRules = (): EditorRules => {
  if (editorRules) return editorRules;
  const extensions = releaseExtensions();
  const kit = extensions.find((extension) => extension.name === 'starterKit');
  const heading = HeadingOptionsSchema.safeParse(kit?.options?.heading);
  editorRules = {
    schema: getSchema(extensions),
    headingLevels: heading.success ? heading.data.levels : [1, 2, 3, 4, 5, 6],
  };
  return editorRules;
};

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Local calendar date: a release written in Vienna on the evening of the 14th is dated the 14th. */
export const localIsoDate = (date: Date): string =>
  [
    String(date.getFullYear()).padStart(4, '0'),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');

/** The body must be a document the editor can open, or the exporters could not write it either. */
export const checkBody = (body: RichNode): void => {
  const rules = getEditorRules();
  let node: PmNode;
  try {
    node = PmNode.fromJSON(rules.schema, body);
    node.check();
  } catch (error) {
    throw new ServiceError(
      'INVALID_INPUT',
      `body is not a valid release document: ${describe(error)}`,
    );
  }
  // ProseMirror checks structure, not attribute values: those that matter are checked here.
  node.descendants((child) => {
    const level: unknown = child.attrs['level'];
    if (
      child.type.name === 'heading' &&
      !rules.headingLevels.some((allowed) => allowed === level)
    ) {
      throw new ServiceError(
        'INVALID_INPUT',
        `body: heading level ${JSON.stringify(level)} is not allowed (use ${rules.headingLevels.join(' or ')}; the headline is the title)`,
      );
    }
    // Any string is a valid link target to the schema; a `javascript:` link must not get in.
    for (const mark of child.marks) {
      const href: unknown = mark.attrs['href'];
      if (mark.type.name === 'link' && (typeof href !== 'string' || !isAllowedHref(href))) {
        throw new ServiceError(
          'INVALID_INPUT',
          `body: link target ${JSON.stringify(href)} is not allowed (use http, https or mailto)`,
        );
      }
    }
  });
};

const TERM_FIELDS: readonly [keyof ReleaseMeta, TaxonomyName][] = [
  ['contentTypeId', 'contentTypes'],
  ['placeIds', 'places'],
  ['sourceIds', 'sources'],
  ['fieldOfWorkIds', 'fieldsOfWork'],
  ['countryIds', 'countries'],
];

/** Drafts refer to terms by id only, so an id that is not in the store's taxonomy is a dead link. */
export const checkTerms = (meta: ReleaseMeta, taxonomies: Taxonomies): void => {
  for (const [field, taxonomy] of TERM_FIELDS) {
    const value = meta[field];
    // Only the id fields are listed, but the type cannot tell them from the other arrays in meta.
    const ids = Array.isArray(value)
      ? value.filter((id): id is string => typeof id === 'string')
      : typeof value === 'string'
        ? [value]
        : [];
    const known = new Set(taxonomies[taxonomy].map((term) => term.id));
    for (const id of ids) {
      if (!known.has(id)) {
        throw new ServiceError(
          'INVALID_INPUT',
          `meta.${field}: "${id}" is not a term of the ${taxonomy} taxonomy`,
        );
      }
    }
  }
};

/** The rules a saved draft must meet, as a save checks them: the reason it fails, or null. */
export const validateDraft = (draft: Draft, taxonomies: Taxonomies): string | null => {
  try {
    checkTerms(draft.meta, taxonomies);
    checkBody(draft.body);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

export const createDraftService = (
  store: ReleaseStore,
  clock: () => Date = () => new Date(),
  publish: Publish = publishNowhere,
): DraftService => {
  const check = (body: RichNode, meta: ReleaseMeta): void => {
    checkTerms(meta, store.getTaxonomies());
    checkBody(body);
  };

  const insert = async (
    init: Pick<Draft, 'headline' | 'body' | 'meta'> & Partial<Pick<Draft, 'blocks' | 'templateId'>>,
    change: 'created' | 'imported' = 'created',
  ): Promise<Draft> => {
    const now = clock().toISOString();
    const parsed = DraftSchema.safeParse({
      id: randomUUID(),
      headline: init.headline,
      body: init.body,
      meta: init.meta,
      blocks: init.blocks,
      templateId: init.templateId ?? null,
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
    check(parsed.data.body, parsed.data.meta);
    await store.writeDraft(parsed.data);
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

    async save(update) {
      check(update.body, update.meta);
      const draft = await store.updateDraft(update.id, (current) => {
        if (update.baseRevision !== undefined && update.baseRevision !== current.revision) {
          throw new ServiceError(
            'CONFLICT',
            `“${current.headline || 'Untitled release'}” was saved elsewhere (revision ${current.revision}) since this window read revision ${update.baseRevision}.`,
          );
        }
        return applyUpdate(current, update);
      });
      const summary = summarize(draft);
      publish('release:saved', { summary });
      return summary;
    },

    async journal(update) {
      check(update.body, update.meta);
      const journaledAt = await store.journalDraft(update.id, (current) =>
        applyUpdate(current, update),
      );
      return { journaledAt };
    },

    trash: (id) => setTrashed(id, true),
    restore: (id) => setTrashed(id, false),
  };
};
