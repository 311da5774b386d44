/**
 * The explorer's Indonesian name and its list of problems, as an
 * Indonesian-speaking reviewer read them (thirty-ninth session): the page
 * called itself penjelajah where docs/GLOSSARY.id.md, README.id.md and
 * docs/ADAPTING.id.md say explorer; the list of problems said they were
 * reported in English, which is no longer so (validate --lang id and the
 * page give them in Bahasa Indonesia). English as before. Pure, no browser.
 */
import { describe, expect, test } from 'vitest';
import { catalogKeys, translate } from '../../src/explorer/i18n.js';

describe('the explorer\'s Indonesian name and its problems', () => {
  test('the page is the explorer, as the glossary names it, and its levers are tuas', () => {
    expect(translate('id', 'title')).toBe('explorer difusi');
    expect(translate('en', 'title')).toBe('difusi explorer');
    const said = catalogKeys('id').map((key) => translate('id', key as never));
    expect(said.filter((x) => /penjelajah|kendali/i.test(x))).toEqual([]);
    expect(translate('id', 'levers')).toBe('Tuas kebijakan');
  });

  test('the problems are those validate reports, no longer said to be in English', () => {
    expect(translate('id', 'problems')).toBe('Masalah (seperti yang dilaporkan difusi validate)');
    expect(translate('en', 'problems')).toBe('Problems (as difusi validate reports them)');
  });
});
