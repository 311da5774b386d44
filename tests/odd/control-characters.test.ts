/** The ODD document removes control and bidirectional characters from scenario strings, as the reports do. */
import { expect, test } from 'vitest';
import { mdCell, mdCode, mdParagraphs, mdText } from '../../src/odd/markdown.js';

test('every escaping function of the ODD document removes them', () => {
  const s = 'bell\u0007 \u202e(52 %)\u0085';
  expect(mdText(s)).toBe('bell (52 %)');
  expect(mdCell(s)).toBe('bell (52 %)');
  expect(mdParagraphs(s)).toBe('bell (52 %)');
  expect(mdCode(s)).toBe('`bell (52 %)`');
});
