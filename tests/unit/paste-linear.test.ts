import { describe, expect, it } from 'vitest';
import { fastest } from '../support/fastest';
import { cleanPastedHtml } from '../../shared/paste/clean-pasted-html';
import { document } from '../support/paste-helpers';

/**
 * Issue 11's crafted HTML, pasted. In Chromium (the renderer) the cleaner was already linear
 * (400,000 `<br>` in about a second); in jsdom, which the tests and any Node use run on, each
 * change to a parent whose `childNodes` was ever read, and each removal of its last child,
 * costs all its children, so 20,000 `<br>` took 14 s. Now the time grows with the size; the
 * ratio is asserted, not a duration.
 */
describe('pasting finishes in time linear in the size of what is pasted', () => {
  it.each([
    ['`<br>`', (n: number) => '<br>'.repeat(n)],
    ['`<p>`', (n: number) => '<p>'.repeat(n)],
  ])('%s repeated', (_label, make) => {
    // Four times the size: linear takes about 4 times as long, quadratic 16; the margin
    // between them absorbs a loaded machine.
    const small = make(3_000);
    const large = make(12_000);
    cleanPastedHtml(small, document);
    const ratio =
      fastest(() => cleanPastedHtml(large, document)) /
      fastest(() => cleanPastedHtml(small, document));
    expect(ratio).toBeLessThan(8);
  });
});
