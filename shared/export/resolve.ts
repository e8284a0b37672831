import { datelineFor } from '../dateline';
import type {
  Draft,
  Embargo,
  Language,
  ReleaseStatus,
  RichNode,
  Taxonomies,
  Term,
  TermField,
} from '../schemas';
import { withDateline, withSafeLinks } from './body';
import { withoutReview } from './without-review';

export interface ResolvedTerm {
  /** Null only for a term an import could not match and that came without an id. */
  id: string | null;
  label: string;
}

/** Everything an exporter writes, with ids turned into labels: exporters never look anything up. */
export interface ResolvedRelease {
  id: string;
  headline: string;
  status: ReleaseStatus;
  /** YYYY-MM-DD, or null while the release has no date. */
  date: string | null;
  dateline: string | null;
  datelineCountry: boolean;
  datelineDate: string | null;
  language: Language;
  embargo: Embargo | null;
  contentType: ResolvedTerm | null;
  places: ResolvedTerm[];
  sources: ResolvedTerm[];
  fieldsOfWork: ResolvedTerm[];
  countries: ResolvedTerm[];
  translationIds: string[];
  lead: string;
  contact: string;
  about: string;
  endMark: boolean;
  createdAt: string;
  updatedAt: string;
  /** The body as it prints: safe links, opening with the dateline. */
  body: RichNode;
  /** The same body without the dateline, for formats that mark the dateline up themselves. */
  bodyWithoutDateline: RichNode;
}

/**
 * A term that has left the taxonomy since the draft was tagged keeps its id as its label:
 * an export that silently dropped a tag would be worse than one that shows an odd label.
 */
const resolveTerm = (terms: readonly Term[], id: string): ResolvedTerm => ({
  id,
  label: terms.find((term) => term.id === id)?.label ?? id,
});

export const resolveRelease = (draft: Draft, taxonomies: Taxonomies): ResolvedRelease => {
  const { meta } = draft;
  const dateline = datelineFor(meta, taxonomies);
  // Comments never leave the app; open suggestions leave as if rejected.
  const bodyWithoutDateline = withSafeLinks(withoutReview(draft.body));
  // Terms an import could not match travel with the matched ones, after them.
  const unresolved = (field: TermField): ResolvedTerm[] =>
    (meta.unresolvedTerms ?? [])
      .filter((term) => term.field === field)
      .map(({ id, label }) => ({ id, label }));
  const terms = (field: TermField, list: readonly Term[], ids: readonly string[]) => [
    ...ids.map((id) => resolveTerm(list, id)),
    ...unresolved(field),
  ];
  const blocks = draft.blocks ?? { lead: '', contact: '', about: '', endMark: false };
  return {
    id: draft.id,
    headline: draft.headline,
    status: draft.status,
    date: meta.date,
    dateline,
    datelineCountry: meta.datelineCountry,
    datelineDate: meta.datelineDate ?? null,
    language: meta.language ?? 'en',
    embargo: meta.embargo ?? null,
    contentType: meta.contentTypeId
      ? resolveTerm(taxonomies.contentTypes, meta.contentTypeId)
      : (unresolved('contentType')[0] ?? null),
    places: terms('places', taxonomies.places, meta.placeIds),
    sources: terms('sources', taxonomies.sources, meta.sourceIds),
    fieldsOfWork: terms('fieldsOfWork', taxonomies.fieldsOfWork, meta.fieldOfWorkIds),
    countries: terms('countries', taxonomies.countries, meta.countryIds),
    translationIds: meta.translationIds ?? [],
    lead: blocks.lead,
    contact: blocks.contact,
    about: blocks.about,
    endMark: blocks.endMark,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    body: withDateline(bodyWithoutDateline, dateline),
    bodyWithoutDateline,
  };
};
