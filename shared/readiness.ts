import { datelineDateDiffers } from './dateline';
import { openReview } from './review';
import { embargoInstant, isValidTimeZone } from './embargo';
import type { Draft, Taxonomies } from './schemas';
import type { ReadinessField, ReadinessItem } from './template-schema';
import { countText, docText } from './writing/counts';

// One definition of the item, shared with the template schema the services and the IPC contract
// parse, so what this returns is what crosses the process boundary.
export type { ReadinessField, ReadinessItem };

/** The lead's length guide (Superdesk's abstract limit too): beyond it, a warning. */
export const LEAD_MAX_CHARACTERS = 160;

/** The presence checks a template can ask for; the rest (placeholders, embargo) always run. */
export type RequirableField = Extract<
  ReadinessField,
  'headline' | 'contentType' | 'date' | 'place' | 'source' | 'fieldsOfWork' | 'body'
>;

export const DEFAULT_REQUIRED_FIELDS: readonly RequirableField[] = [
  'headline',
  'contentType',
  'date',
  'place',
  'source',
  'fieldsOfWork',
  'body',
];

export interface ReadinessInput {
  draft: Draft;
  taxonomies: Taxonomies;
  /** The template's placeholders (`[Opening paragraph: …]`), none of which may be left. */
  placeholders: readonly string[];
  now: Date;
  /** The template's required fields; every presence check when absent. */
  required?: readonly RequirableField[];
}

const SHOWN_PLACEHOLDERS = 3;

const namePlaceholders = (found: readonly string[]): string => {
  const shown = found.slice(0, SHOWN_PLACEHOLDERS).join(', ');
  const more = found.length - SHOWN_PLACEHOLDERS;
  return more > 0 ? `${shown} and ${more} more` : shown;
};

const presenceChecks = (
  draft: Draft,
  taxonomies: Taxonomies,
): Record<RequirableField, ReadinessItem | null> => {
  const { meta } = draft;
  const missing = (field: ReadinessField, message: string): ReadinessItem => ({
    field,
    message,
    severity: 'missing',
  });
  const known = (ids: readonly string[], terms: readonly { id: string }[]): boolean =>
    ids.some((id) => terms.some((t) => t.id === id));
  return {
    headline: draft.headline.trim() === '' ? missing('headline', 'Write a headline.') : null,
    contentType:
      meta.contentTypeId && known([meta.contentTypeId], taxonomies.contentTypes)
        ? null
        : missing('contentType', 'Choose a content type.'),
    date: meta.date ? null : missing('date', 'Set the publishing date.'),
    place: known(meta.placeIds, taxonomies.places)
      ? null
      : missing('place', 'Choose at least one place for the dateline.'),
    source: known(meta.sourceIds, taxonomies.sources)
      ? null
      : missing('source', 'Choose at least one source.'),
    fieldsOfWork: known(meta.fieldOfWorkIds, taxonomies.fieldsOfWork)
      ? null
      : missing('fieldsOfWork', 'Choose at least one field of work.'),
    body: docText(draft.body).trim() === '' ? missing('body', 'Write the body.') : null,
  };
};

const placeholderChecks = (draft: Draft, placeholders: readonly string[]): ReadinessItem[] => {
  // The contact and About blocks sit under the body in the editor and have no field of their
  // own in ReadinessField, so their items point at the body and name the block.
  const texts: [ReadinessField, string, string][] = [
    ['headline', 'the headline', draft.headline],
    ['lead', 'the lead', draft.blocks.lead],
    ['body', 'the body', docText(draft.body)],
    ['body', 'the media contact', draft.blocks.contact],
    ['body', 'the About block', draft.blocks.about],
  ];
  const items: ReadinessItem[] = [];
  for (const [field, where, text] of texts) {
    const found = placeholders.filter((p) => p !== '' && text.includes(p));
    if (found.length === 0) continue;
    const noun = found.length > 1 ? 'placeholders' : 'placeholder';
    items.push({
      field,
      message: `Replace the template's ${noun} in ${where}: ${namePlaceholders(found)}.`,
      severity: 'missing',
    });
  }
  return items;
};

const embargoCheck = (draft: Draft, now: Date): ReadinessItem | null => {
  const { embargo } = draft.meta;
  if (!embargo) return null;
  if (!isValidTimeZone(embargo.timeZone)) {
    return {
      field: 'embargo',
      message: `The embargo's time zone "${embargo.timeZone}" is not known: choose one from the list.`,
      severity: 'missing',
    };
  }
  let instant: Date;
  try {
    instant = embargoInstant(embargo);
  } catch {
    return {
      field: 'embargo',
      message: 'The embargo is not a real date and time.',
      severity: 'missing',
    };
  }
  return instant.getTime() <= now.getTime()
    ? {
        field: 'embargo',
        message: 'The embargo time has passed: move it or remove it.',
        severity: 'missing',
      }
    : null;
};

/**
 * What stops a release from going out, in the order of the form, so the officer can work down
 * the list. Warnings (a long lead, a dateline date other than the publishing date) come last and
 * do not block: the genre allows both.
 */
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Ready means reviewed: every suggestion decided and every thread resolved. */
const reviewChecks = (draft: Draft): ReadinessItem[] => {
  const open = openReview(draft.body, draft.review);
  const items: ReadinessItem[] = [];
  if (open.suggestions > 0)
    items.push({
      field: 'review',
      message: `${plural(open.suggestions, 'suggested change is', 'suggested changes are')} still open: accept or reject ${open.suggestions === 1 ? 'it' : 'each'}.`,
      severity: 'missing',
    });
  if (open.threads > 0)
    items.push({
      field: 'review',
      message: `${plural(open.threads, 'comment is', 'comments are')} not resolved.`,
      severity: 'missing',
    });
  return items;
};

export const checkReadiness = (input: ReadinessInput): ReadinessItem[] => {
  const { draft, taxonomies, placeholders, now } = input;
  const required = new Set(input.required ?? DEFAULT_REQUIRED_FIELDS);
  const presence = presenceChecks(draft, taxonomies);
  const items: ReadinessItem[] = [];
  for (const field of DEFAULT_REQUIRED_FIELDS) {
    const item = presence[field];
    if (item && required.has(field)) items.push(item);
  }
  items.push(...placeholderChecks(draft, placeholders));
  const embargo = embargoCheck(draft, now);
  if (embargo) items.push(embargo);
  const leadLength = countText(draft.blocks.lead, draft.meta.language).characters;
  if (leadLength > LEAD_MAX_CHARACTERS) {
    items.push({
      field: 'lead',
      message: `The lead has ${leadLength} characters; keep it to ${LEAD_MAX_CHARACTERS}.`,
      severity: 'warning',
    });
  }
  items.push(...reviewChecks(draft));
  if (datelineDateDiffers(draft.meta)) {
    items.push({
      field: 'date',
      message: 'The dateline carries another date than the publishing date.',
      severity: 'warning',
    });
  }
  return items;
};

/** True when nothing blocks the release; warnings do not count. */
export const isReady = (items: readonly ReadinessItem[]): boolean =>
  items.every((item) => item.severity === 'warning');

/** The presence checks among a template's required fields (placeholders and embargo always run). */
export const requirable = (fields: readonly ReadinessField[]): RequirableField[] =>
  fields.filter((field): field is RequirableField =>
    (DEFAULT_REQUIRED_FIELDS as readonly string[]).includes(field),
  );
