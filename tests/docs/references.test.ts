/**
 * Every work the model docs and the glossaries cite by author and year
 * ("Walker 1969", "Shipan and Volden 2008", "Grimm et al. 2005", in
 * Indonesian "Watts dan Strogatz 1998") has a full entry in the References
 * of docs/MODEL.md, the one reference list: first author's surname and the
 * year, with a journal, publisher or institution after it (not a note
 * alone). A month and its year ("June 2023", "Juni 2023") is a date, not a
 * citation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { citations, missing, referenceEntries } from '../support/references.js';

const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');

describe('references', () => {
  const model = read('docs/MODEL.md');
  const entries = referenceEntries(model);
  const cited = citations([model.slice(0, model.indexOf('## References')), read('docs/NATIONAL.md'), read('docs/ODD.md')].join('\n'));
  const glossaries = citations([read('docs/GLOSSARY.md'), read('docs/GLOSSARY.id.md')].join('\n'));

  it('every author-year citation of MODEL.md, NATIONAL.md and ODD.md has a full entry', () => {
    for (const c of ['Walker 1969', 'Berry 1990', 'Shipan 2008', 'Parthasarathy 1995']) expect(cited).toContain(c);
    expect(missing(cited, entries)).toEqual([]);
  });

  it('every author-year citation of the glossaries (English and Indonesian) has a full entry', () => {
    for (const c of ['Watts 1998', 'Centola 2007', 'Heeks 2003']) expect(glossaries).toContain(c);
    expect(missing(glossaries, entries)).toEqual([]);
  });

  it('(control) an entry left out, or a note without its source, is reported', () => {
    expect(missing(['Walker 1969'], entries.filter((e) => !e.startsWith('- Walker,')))).toEqual(['Walker 1969']);
    expect(missing(['Parthasarathy 1995'], ["- Parthasarathy, M. (1995), on the types of discontinuance; cited for w_neg."])).toEqual(['Parthasarathy 1995']);
    expect(citations('as Shipan and Volden 2008; Prins, Verhoef and\n  Franses 2009 say')).toEqual(['Prins 2009', 'Shipan 2008']);
    expect(citations('(Watts dan Strogatz 1998), sejak Juni 2023 dan June 2023')).toEqual(['Watts 1998']);
  });
});
