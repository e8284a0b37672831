import type { ReadinessField } from '../../../shared/template-schema';
import { runReviewCommand } from '../review/review-commands';

const LABELS: Record<ReadinessField, string> = {
  headline: 'Headline',
  contentType: 'Content type',
  date: 'Date',
  place: 'Place',
  source: 'Source',
  fieldsOfWork: 'Fields of work',
  body: 'Body',
  embargo: 'Embargo until',
  lead: 'Summary',
  review: 'Comments',
};

export const fieldLabel = (field: ReadinessField): string => LABELS[field];

/** Takes the officer to the field an item is about, through the field's own visible label. */
export const focusField = (field: ReadinessField): void => {
  // Open suggestions and unresolved comments are decided in the Comments panel.
  if (field === 'review') {
    runReviewCommand('focusPanel');
    return;
  }
  if (field === 'body') {
    document.querySelector<HTMLElement>('.ProseMirror')?.focus();
    return;
  }
  const label = [...document.querySelectorAll('label')].find(
    (l) => l.textContent?.trim() === LABELS[field],
  );
  const target = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus();
  } else if (field === 'embargo') {
    document.querySelector<HTMLElement>('.embargo-field input')?.focus();
  }
};
