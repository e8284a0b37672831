import { useMemo, useState } from 'react';
import { countText, createTextCounter } from '../../../shared/writing/counts';

const fmt = (n: number) => n.toLocaleString('en');

/** Word and character counts and reading time, for the body and the headline: always in view. */
export function WritingStats({
  bodyText,
  headline,
  language,
}: {
  bodyText: string;
  headline: string;
  language: string;
}) {
  // The body is counted line by line, each line once: a recount after a keystroke segments the
  // line that changed; typing in the headline recounts only the headline.
  const [countBody] = useState(createTextCounter);
  const body = useMemo(() => countBody(bodyText, language), [countBody, bodyText, language]);
  const head = countText(headline, language);
  return (
    <div className="writing-stats" aria-label="Counts">
      <span>
        <strong>Body</strong> {fmt(body.words)} words · {fmt(body.characters)} characters ·{' '}
        {fmt(body.charactersNoSpaces)} without spaces · {body.readingMinutes} min read
      </span>
      <span>
        <strong>Headline</strong> {fmt(head.words)} words · {fmt(head.characters)} characters ·{' '}
        {fmt(head.charactersNoSpaces)} without spaces
      </span>
    </div>
  );
}
