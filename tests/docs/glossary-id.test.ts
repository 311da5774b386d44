/**
 * docs/GLOSSARY.id.md is the Indonesian twin of docs/GLOSSARY.md: the same
 * entries, section by section, in the same order. So that the two cannot
 * drift apart, every entry of the English glossary must have its twin in
 * the Indonesian one, and no other: an Indonesian entry names its English
 * term in italics after its own (`| **bertahan** (*sustained*) |`), or is
 * the same word (`| **APBD** |`). Each twin must also quote what its
 * English entry quotes: the field names and values in code (kept as they
 * are, never translated), the numbers (defaults, section numbers, years;
 * the decimal comma of Indonesian prose, 0,7 for 0.7, is normalised) and
 * the link targets. An entry added to the English glossary without its
 * translation, or removed from the Indonesian one, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');
const EN = read('docs', 'GLOSSARY.md');
const ID = read('docs', 'GLOSSARY.id.md');

/** One entry: the English term it defines, and what its definition quotes (each list sorted). */
interface Entry {
  term: string;
  code: string[];
  numbers: string[];
  links: string[];
}

/**
 * The entries of a glossary, section by section (a section is what follows
 * a `## ` heading; its entries are the table rows whose first cell is a
 * bold term). In `id` the term is the English one given in italics after
 * the Indonesian term, or the bold term itself when there is none.
 */
export function glossaryEntries(text: string, lang: 'en' | 'id'): Entry[][] {
  const sections = text.split(/^(?=## )/m).slice(1);
  return sections.map((section) =>
    section
      .split('\n')
      .filter((line) => line.startsWith('| **'))
      .map((line) => {
        const cut = line.indexOf(' | ');
        const cell = line.slice(2, cut);
        const definition = line.slice(cut + 3).replace(/ \|$/, '');
        const m = (lang === 'id' ? /^\*\*(.+?)\*\*(?: \(\*(.+)\*\))?$/ : /^\*\*(.+)\*\*$/).exec(cell);
        if (m === null) throw new Error(`${lang}: an entry whose term is not **bold**: ${line.slice(0, 80)}`);
        const code = [...definition.matchAll(/`([^`]+)`/g)].map((c) => c[1]!).sort();
        const links = [...definition.matchAll(/\]\(([^)\s]+)\)/g)].map((c) => c[1]!).sort();
        let prose = definition.replace(/`[^`]+`/g, ' ').replace(/\]\([^)\s]+\)/g, '] ');
        if (lang === 'id') prose = prose.replace(/(\d),(?=\d)/g, '$1.');
        const numbers = [...prose.matchAll(/\d+(?:\.\d+)?/g)].map((n) => n[0]).sort();
        return { term: m[2] ?? m[1]!, code, numbers, links };
      }),
  );
}

const terms = (sections: Entry[][]) => sections.map((entries) => entries.map((e) => e.term));

describe('docs/GLOSSARY.id.md', () => {
  const en = glossaryEntries(EN, 'en');
  const id = glossaryEntries(ID, 'id');

  it('has every entry of docs/GLOSSARY.md, section by section, in the same order, and no other', () => {
    // The English glossary has its five sections and all its entries (a parse that found nothing would pass).
    expect(en.length).toBe(5);
    expect(en.flat().length).toBeGreaterThan(90);
    expect(terms(id)).toEqual(terms(en));
  });

  it('quotes in each entry the same field names, numbers and links as its English twin', () => {
    const differing = en.flat().flatMap((e, i) => {
      const twin = id.flat()[i]!;
      return JSON.stringify(twin) === JSON.stringify(e) ? [] : [{ en: e, id: twin }];
    });
    expect(differing).toEqual([]);
  });

  it('points to its English twin, which points back', () => {
    expect(ID).toContain('[docs/GLOSSARY.md](GLOSSARY.md)');
    expect(EN).toContain('[docs/GLOSSARY.id.md](GLOSSARY.id.md)');
  });

  it('is the glossary the Indonesian Info page of the Bekasi scenario sends its reader to', () => {
    const intro = read('scenarios', 'bekasi-2015-2025.id.md').split(/^## /m)[0]!;
    expect(intro).toContain('[docs/GLOSSARY.id.md](../docs/GLOSSARY.id.md)');
  });

  it('(control) an entry removed, renamed, moved or left untranslated, and a changed figure, are found', () => {
    const entryOf = (term: string) => {
      const line = ID.split('\n').find((l) => l.includes(`(*${term}*) |`));
      expect(line, term).toBeDefined();
      return line!;
    };
    const sustained = entryOf('sustained');
    // Removed from the twin.
    expect(terms(glossaryEntries(ID.replace(`${sustained}\n`, ''), 'id'))).not.toEqual(terms(en));
    // Its English term misspelt.
    expect(terms(glossaryEntries(ID.replace('(*sustained*)', '(*sustain*)'), 'id'))).not.toEqual(terms(en));
    // Moved to another place in its section.
    const declining = entryOf('declining');
    const swapped = ID.replace(sustained, '\0').replace(declining, sustained).replace('\0', declining);
    expect(terms(glossaryEntries(swapped, 'id'))).not.toEqual(terms(en));
    // An English entry with no twin yet.
    expect(terms(en).flat()).toContain('lapse');
    const added = EN.replace('| **lapse** |', '| **a new term** | defined here. |\n| **lapse** |');
    expect(terms(glossaryEntries(added, 'en'))).not.toEqual(terms(id));
    // A field name translated, a default changed, a decimal comma kept as a figure.
    const idOf = (text: string) => glossaryEntries(text, 'id').flat();
    const at = (term: string) => en.flat().findIndex((e) => e.term === term);
    expect(idOf(ID.replace('`sustain_fraction` dari jumlah', '`proporsi_bertahan` dari jumlah'))[at('sustained')]).not.toEqual(en.flat()[at('sustained')]);
    expect(idOf(ID.replace('bawaan 3)', 'bawaan 4)'))[at('sustained')]).not.toEqual(en.flat()[at('sustained')]);
    expect(idOf(ID.replace('misalnya 0,7 pada', 'misalnya 0,8 pada'))[at('budget climate (B)')]).not.toEqual(en.flat()[at('budget climate (B)')]);
    expect(idOf(ID)[at('budget climate (B)')]!.numbers).toContain('0.7');
  });
});
