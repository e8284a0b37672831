import type { RequirableField } from './readiness';
import type { RichNode } from './schemas';
import type { Template } from './template-schema';

/**
 * A built-in template, in the shape the template service and the contract use. `placeholders`
 * holds every bracketed prompt of the body and of the lead, which "Mark as ready" must not find
 * left; contact and About come empty and are filled from the release's source
 * (`defaultBlocksFor`) when the release is created.
 */
export type ReleaseTemplate = Template & {
  builtin: true;
  contentTypeId: string;
  required: RequirableField[];
};

const text = (value: string): RichNode => ({ type: 'text', text: value });
const paragraph = (...parts: string[]): RichNode => ({
  type: 'paragraph',
  content: parts.map(text),
});
const heading = (value: string): RichNode => ({
  type: 'heading',
  attrs: { level: 3 },
  content: [text(value)],
});
const doc = (...content: RichNode[]): RichNode => ({ type: 'doc', content });

const LEAD = '[Summary: one or two sentences, at most 160 characters]';

/** What every built-in template shares: no headline, metadata or blocks of its own. */
const base = {
  builtin: true as const,
  headline: '',
  language: 'en' as const,
  sourceIds: [],
  fieldOfWorkIds: [],
  placeIds: [],
};
const blocks = (lead: string, endMark: boolean): Template['blocks'] => ({
  lead,
  contact: '',
  about: '',
  endMark,
});

const ALL_FIELDS: RequirableField[] = [
  'headline',
  'contentType',
  'date',
  'place',
  'source',
  'fieldsOfWork',
  'body',
];

const pressRelease = (): ReleaseTemplate => {
  const opening = '[Opening paragraph: who did what, where and when]';
  const quote = '[Quote from the official, with name and title]';
  const context = '[Context: why it matters, figures, background]';
  const second = '[Second quote, from a partner or participant, with name and title]';
  const details = '[Details: the event or project, its partners and funding, what comes next]';
  return {
    ...base,
    id: 'press-release',
    name: 'Press release',
    contentTypeId: 'press-release',
    body: doc(
      paragraph(opening),
      paragraph(quote),
      paragraph(context),
      paragraph(second),
      paragraph(details),
    ),
    placeholders: [opening, quote, context, second, details, LEAD],
    required: ALL_FIELDS,
    blocks: blocks(LEAD, true),
  };
};

const newsItem = (): ReleaseTemplate => {
  const opening = '[Opening paragraph: what happened, where and when]';
  const details = '[Who took part and what was discussed or done]';
  const quote = '[Quote, if there is one, with name and title]';
  const next = '[Outcome and next steps]';
  return {
    ...base,
    id: 'news-item',
    name: 'News item',
    contentTypeId: 'news-item',
    body: doc(paragraph(opening), paragraph(details), paragraph(quote), paragraph(next)),
    placeholders: [opening, details, quote, next],
    required: ALL_FIELDS,
    blocks: blocks('', false),
  };
};

const pressStatement = (): ReleaseTemplate => {
  const who = '[Name and title of the official]';
  const statement = '[The statement, in the official\u2019s own words]';
  const closing = '[Closing: background to the statement, or what the official calls for]';
  return {
    ...base,
    id: 'press-statement',
    name: 'Press statement',
    contentTypeId: 'press-statement',
    body: doc(
      paragraph(who, ' issued the following statement today:'),
      paragraph('\u201c', statement, '\u201d'),
      paragraph(closing),
    ),
    placeholders: [who, statement, closing],
    required: ['headline', 'contentType', 'date', 'place', 'source', 'body'],
    blocks: blocks('', true),
  };
};

const mediaAdvisory = (): ReleaseTemplate => {
  const intro = '[One sentence: the event the media are invited to]';
  const what = '[The event: its title and purpose]';
  const when = '[Date and time, with the time zone]';
  const where = '[Venue and full address]';
  const who = '[Speakers and participants, with names and titles]';
  const accreditation =
    '[How and by when journalists register, and any photo or interview opportunities]';
  return {
    ...base,
    id: 'media-advisory',
    name: 'Media advisory',
    contentTypeId: 'media-advisory',
    body: doc(
      paragraph(intro),
      heading('What'),
      paragraph(what),
      heading('When'),
      paragraph(when),
      heading('Where'),
      paragraph(where),
      heading('Who'),
      paragraph(who),
      heading('Accreditation'),
      paragraph(accreditation),
    ),
    placeholders: [intro, what, when, where, who, accreditation],
    required: ['headline', 'contentType', 'date', 'place', 'source', 'body'],
    blocks: blocks('', true),
  };
};

/** The built-in templates, in the order the "New release" menu lists them. */
export const BUILT_IN_TEMPLATES: readonly ReleaseTemplate[] = [
  pressRelease(),
  newsItem(),
  pressStatement(),
  mediaAdvisory(),
];

export const templateById = (id: string | null | undefined): ReleaseTemplate | undefined =>
  BUILT_IN_TEMPLATES.find((t) => t.id === id);
