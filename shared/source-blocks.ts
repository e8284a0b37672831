import type { Taxonomies, Term } from './schemas';

/** The default media-contact and "About" blocks of a release, which the officer can edit. */
export interface SourceBlocks {
  contact: string;
  about: string;
}

/**
 * Facts only: names, cities and the one public press address we know (press@osce.org). Where a
 * contact person or address is the office's own to give, a bracketed placeholder asks for it,
 * and the readiness check will not let the release go out with it left in.
 */
const OSCE_ABOUT =
  'The Organization for Security and Co-operation in Europe (OSCE) is the world\u2019s largest ' +
  'regional security organization, with 57 participating States in Europe, Central Asia and ' +
  'North America. Its Secretariat is in Vienna.';

const PRESS_SECTION: SourceBlocks = {
  contact:
    'Communication and Media Relations Section\nOSCE Secretariat, Vienna\npress@osce.org\n' +
    'Enquiries are answered in English, Russian, French and German.',
  about: OSCE_ABOUT,
};

const contactPlaceholder = '[Name, title and e-mail address of the press contact]';

const BY_SOURCE: Record<string, SourceBlocks> = {
  odihr: {
    contact: `Office for Democratic Institutions and Human Rights (ODIHR), Warsaw\n${contactPlaceholder}`,
    about:
      'The OSCE Office for Democratic Institutions and Human Rights (ODIHR), based in Warsaw, ' +
      'helps the OSCE\u2019s participating States to ensure full respect for human rights and ' +
      'fundamental freedoms, to abide by the rule of law, to promote the principles of democracy ' +
      'and to build and protect democratic institutions, and promotes tolerance throughout society.',
  },
  hcnm: {
    contact: `Office of the OSCE High Commissioner on National Minorities, The Hague\n${contactPlaceholder}`,
    about:
      'The OSCE High Commissioner on National Minorities (HCNM), based in The Hague, was ' +
      'established in 1992 to identify and seek early resolution of ethnic tensions that might ' +
      'endanger peace, stability or friendly relations between OSCE participating States.',
  },
  rfom: {
    contact: `Office of the OSCE Representative on Freedom of the Media, Vienna\n${contactPlaceholder}`,
    about:
      'The OSCE Representative on Freedom of the Media, based in Vienna, observes media ' +
      'developments in the OSCE participating States and gives early warning of violations of ' +
      'freedom of expression and media freedom. The office was established in 1997.',
  },
  'parliamentary-assembly': {
    contact: `OSCE Parliamentary Assembly, International Secretariat, Copenhagen\n${contactPlaceholder}`,
    about:
      'The OSCE Parliamentary Assembly brings together members of parliament from the OSCE ' +
      'participating States. Its International Secretariat is in Copenhagen.',
  },
};

const fieldOperation = (term: Term): SourceBlocks => ({
  contact: `${term.label}\n${contactPlaceholder}`,
  about: `The ${term.label} is one of the OSCE\u2019s field operations. ${OSCE_ABOUT}`,
});

const blocksFor = (term: Term): SourceBlocks => {
  const own = BY_SOURCE[term.id];
  if (own) return own;
  if (term.parentId === 'field-operations') return fieldOperation(term);
  // The Secretariat and its units, the Chairpersonship and anything else speak through the
  // Secretariat's press section, which is the organisation's press contact.
  return PRESS_SECTION;
};

/**
 * The default blocks for a release's sources. The first source the taxonomy knows decides, as it
 * is the one the release names first; with none, the organisation's press section.
 */
export const defaultBlocksFor = (
  sourceIds: readonly string[],
  taxonomies: Taxonomies,
): SourceBlocks => {
  for (const id of sourceIds) {
    const term = taxonomies.sources.find((s) => s.id === id);
    if (term) return { ...blocksFor(term) };
  }
  return { ...PRESS_SECTION };
};
