/**
 * An Info page's link whose target is no plain path, such as an entity
 * (`[c5](&#106;avascript:alert(1))`): report.md and report.html show its
 * text and its whole target as text, and the rest of the page as written.
 * They showed `c5 (&amp;))`: the target was cut at its `#` (as a file name,
 * its fragment dropped) and at its first `)`, and the rest of it lost.
 * Nothing is followed (no live link, no script), as before.
 */
import { describe, expect, it } from 'vitest';
import { demoteInfo } from '../../src/report/markdown.js';
import { markdownToHtml } from '../../src/report/html.js';

const INFO = 'Before [c5](&#106;avascript:alert(1)) after.\n\nThe [model](../docs/MODEL.md#x) and [a paper](paper(2019).pdf).\n\nLast paragraph.';

describe("an Info page's link with an entity in its target", () => {
  it('report.md: the text and the whole target, as text; the rest intact', () => {
    const md = demoteInfo(INFO);
    expect(md).toContain('Before c5 (&amp;#106;avascript:alert(1)) after.');
    expect(md).not.toMatch(/\]\(/);
    // A plain relative path still names its file; parentheses in it stay with it.
    expect(md).toContain('The model (MODEL.md) and a paper (paper(2019).pdf).');
    expect(md).toContain('Last paragraph.');
  });

  it('report.html: the same, escaped, no link', () => {
    const html = markdownToHtml(INFO);
    expect(html).toContain('<p>Before c5 (&amp;#106;avascript:alert(1)) after.</p>');
    expect(html).toContain('<p>The model (MODEL.md) and a paper (paper(2019).pdf).</p>');
    expect(html).toContain('<p>Last paragraph.</p>');
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('javascript');
  });
});
