/**
 * A reader who meets a cause of exit in a report and looks it up in
 * docs/GLOSSARY.md must find it: the glossary's row for each cause names the
 * words the English and Indonesian reports use for it where they differ from
 * the CSV name (a newcomer looked up "everyday attrition" and found only
 * "hazard"). Terms the reports and the tutorial use without defining them
 * (horizon, lapse, the networks) have rows of their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/report/i18n/index.js';
import { CAUSES } from '../../src/model/vocabulary.js';
import { ROOT } from '../support/cli.js';

const GLOSSARY = readFileSync(join(ROOT, 'docs', 'GLOSSARY.md'), 'utf8');
const city = GLOSSARY.slice(0, GLOSSARY.indexOf('## National terms'));
const row = (term: string) => city.split('\n').find((l) => l.startsWith(`| **${term}** |`) || l.startsWith(`| **${term},`));

describe('docs/GLOSSARY.md names the reports\' words', () => {
  it.each([...CAUSES])("the row of cause %s names the reports' words for it", (cause) => {
    const r = row(cause);
    expect(r, `no glossary row for ${cause}`).toBeDefined();
    for (const lang of ['en', 'id'] as const) {
      // The report's short name, without an explanation in brackets that the row gives in its own words.
      const word = catalog(lang).cause[cause].replace(/ \(.*\)$/, '');
      if (word === cause || word.replace(/ /g, '_') === cause) continue;
      if (lang === 'en' && r!.toLowerCase().includes(word.split(' ')[0]!)) continue;
      expect(r!.toLowerCase(), `${lang} "${word}"`).toContain(word.toLowerCase());
    }
  });

  it.each(['horizon', 'lapse', 'network'])('defines %s in the city terms', (term) => {
    expect(row(term), term).toBeDefined();
  });
});
