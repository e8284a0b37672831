import { randomUUID } from 'node:crypto';
import { getSchema } from '@tiptap/core';
import { Node as PmNode, type Schema } from '@tiptap/pm/model';
import { z } from 'zod';
import { isAllowedHref, releaseExtensions } from '../../shared/extensions';
import { ServiceError } from '../../shared/result';
import {
  DraftSchema,
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
    const ids = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
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

/** Timestamps may carry different offsets, so compare instants, not strings. */
const newest = (a: string | null, b: string | null): number =>
  Date.parse(b ?? '') - Date.parse(a ?? '');

export const createDraftService = (
  store: ReleaseStore,
  clock: () => Date = () => new Date(),
): DraftService => {
  const check = (body: RichNode, meta: ReleaseMeta): void => {
    checkTerms(meta, store.getTaxonomies());
    checkBody(body);
  };

  const insert = async (init: Pick<Draft, 'headline' | 'body' | 'meta'>): Promise<Draft> => {
    const now = clock().toISOString();
    const parsed = DraftSchema.safeParse({
      id: randomUUID(),
      headline: init.headline,
      body: init.body,
      meta: init.meta,
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
    return parsed.data;
  };

  const setTrashed = async (id: string, trashed: boolean): Promise<DraftSummary> => {
    // updatedAt stays the time of the last content change; trashing is not an edit.
    const draft = await store.updateDraft(id, (current) => ({
      ...current,
      trashedAt: trashed ? (current.trashedAt ?? clock().toISOString()) : null,
    }));
    return summarize(draft);
  };

  return {
    list(view) {
      const summaries = store.listSummaries();
      if (view === 'trash') {
        return summaries
          .filter((summary) => summary.trashedAt !== null)
          .sort((a, b) => newest(a.trashedAt, b.trashedAt));
      }
      return summaries
        .filter((summary) => summary.trashedAt === null)
        .sort((a, b) => newest(a.updatedAt, b.updatedAt));
    },

    create() {
      const taxonomies = store.getTaxonomies();
      const meta = emptyMeta();
      meta.date = localIsoDate(clock());
      if (taxonomies.contentTypes.some((term) => term.id === DEFAULT_CONTENT_TYPE)) {
        meta.contentTypeId = DEFAULT_CONTENT_TYPE;
      }
      return insert({ headline: '', body: emptyDoc(), meta });
    },

    createFrom: insert,

    get: (id) => store.readDraft(id),

    async save(update) {
      check(update.body, update.meta);
      const draft = await store.updateDraft(update.id, (current) => ({
        ...current,
        headline: update.headline,
        body: update.body,
        meta: update.meta,
        status: update.status,
        updatedAt: clock().toISOString(),
        revision: current.revision + 1,
      }));
      return summarize(draft);
    },

    trash: (id) => setTrashed(id, true),
    restore: (id) => setTrashed(id, false),
  };
};
