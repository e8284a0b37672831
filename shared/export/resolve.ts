import { datelineFor } from '../dateline';
import type { Draft, ReleaseStatus, RichNode, Taxonomies, Term } from '../schemas';
import { withDateline, withSafeLinks } from './body';

export interface ResolvedTerm {
  id: string;
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
  language: 'en';
  contentType: ResolvedTerm | null;
  places: ResolvedTerm[];
  sources: ResolvedTerm[];
  fieldsOfWork: ResolvedTerm[];
  countries: ResolvedTerm[];
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

const resolveTerms = (terms: readonly Term[], ids: readonly string[]): ResolvedTerm[] =>
  ids.map((id) => resolveTerm(terms, id));

export const resolveRelease = (draft: Draft, taxonomies: Taxonomies): ResolvedRelease => {
  const { meta } = draft;
  const dateline = datelineFor(meta, taxonomies);
  const bodyWithoutDateline = withSafeLinks(draft.body);
  return {
    id: draft.id,
    headline: draft.headline,
    status: draft.status,
    date: meta.date,
    dateline,
    datelineCountry: meta.datelineCountry,
    language: 'en',
    contentType: meta.contentTypeId
      ? resolveTerm(taxonomies.contentTypes, meta.contentTypeId)
      : null,
    places: resolveTerms(taxonomies.places, meta.placeIds),
    sources: resolveTerms(taxonomies.sources, meta.sourceIds),
    fieldsOfWork: resolveTerms(taxonomies.fieldsOfWork, meta.fieldOfWorkIds),
    countries: resolveTerms(taxonomies.countries, meta.countryIds),
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    body: withDateline(bodyWithoutDateline, dateline),
    bodyWithoutDateline,
  };
};
