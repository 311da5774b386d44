/**
 * The YAML reader's words for a line that does not fit the layout around it
 * ("Nested mappings are not allowed in compact mappings") say nothing a
 * planning officer can act on; difusi adds the two usual causes (a line
 * indented differently, a value holding ": " that needs quotes), in English
 * and, under --lang id, in Indonesian. Other syntax errors keep the reader's
 * words alone.
 */
import { describe, expect, test } from 'vitest';
import { YAML_LAYOUT_HINT } from '../../src/messages/catalog.js';
import { messageId } from '../../src/messages/issue-text.js';
import { parseScenarioText } from '../../src/scenario/parse.js';

function firstIssue(text: string) {
  const r = parseScenarioText(text, 'x.yaml');
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('parsed');
  return r.issues[0]!;
}

describe('a YAML layout error', () => {
  test.each([
    ['a line indented more than the one above (placed at the line before it)', 'name: x\ninnovations:\n  - id: a\n    owner: opd\n     launch: 2016-01\n', 4],
    ['a value holding ": "', 'name: x\ndescription: Perpres 82/2023: SPBE\n', 2],
    ['a list item indented less than its list', 'name: x\nopds:\n  list:\n    - a\n   - b\n', 5],
  ])('%s: the reader\'s words, then the usual causes, at the line', (_what, text, line) => {
    const issue = firstIssue(text);
    expect(issue.code).toBe('yaml_syntax');
    expect(issue.line).toBe(line);
    expect(issue.message.endsWith(YAML_LAYOUT_HINT)).toBe(true);
    expect(issue.message).toMatch(/^YAML syntax error: \S/);
    const id = messageId(issue);
    expect(id).toMatch(/^Kesalahan sintaks YAML: /);
    expect(id).toContain('(biasanya baris ini atau baris berikutnya yang indentasinya berbeda dari isian di sekitarnya, atau nilai berisi ": " yang perlu diberi tanda kutip)');
    expect(id).not.toContain('usually');
  });

  test.each([
    ['a quote left open', 'name: "x\n'],
    // The reader calls it an indentation error (BAD_INDENT), but its words name the missing bracket.
    ['a flow list left open', 'name: x\ntags: [a, b\ndescription: y\n'],
  ])('another syntax error (%s) keeps the reader\'s words alone', (_what, text) => {
    const issue = firstIssue(text);
    expect(issue.code).toBe('yaml_syntax');
    expect(issue.message).not.toContain(YAML_LAYOUT_HINT);
    expect(messageId(issue)).not.toContain('biasanya');
  });
});
