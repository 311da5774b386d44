/**
 * One word for one thing in the Indonesian outputs (the city and national
 * reports, their parameter notes, the explorer and the Bekasi Info page):
 * a service moved to its successor is migrated (migrasi, dimigrasikan),
 * "diganti" being only the name of that Heeks class, and never
 * "penggantian"; re-invention is "penemuan ulang (reinvensi)" (the explorer's
 * event: "menemukan ulang layanan (reinvensi)"), not "menyesuaikan layanan",
 * which reads as the single loop's adjustment of effort. And the Indonesian
 * Info page reads as Indonesian prose: headings in sentence case, no ASCII
 * arrows, no parentheses inside parentheses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { id } from '../../src/report/i18n/id.js';
import { nationalId } from '../../src/report/i18n/national-id.js';
import { PARAM_NOTES_ID } from '../../src/report/i18n/param-notes-id.js';
import { catalogKeys, eventKindKeys, eventKindText, translate } from '../../src/explorer/i18n.js';
import { maxDepth } from './helpers.js';

const source = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');
const INFO_ID = source('scenarios', 'bekasi-2015-2025.id.md');

/** Every Indonesian text: the catalogs' sources (their sentences are functions), the explorer's words, the Info page. */
function indonesianTexts(): [string, string][] {
  return [
    ['id.ts', source('src', 'report', 'i18n', 'id.ts')],
    ['national-id.ts', source('src', 'report', 'i18n', 'national-id.ts')],
    ['param-notes-id.ts', Object.values(PARAM_NOTES_ID).join('\n')],
    ...catalogKeys('id').map((key): [string, string] => [`explorer ${key}`, translate('id', key as never)]),
    ...eventKindKeys('id').map((kind): [string, string] => [`explorer event ${kind}`, eventKindText('id', kind)]),
    ['bekasi-2015-2025.id.md', INFO_ID],
  ];
}

describe('the event of moving a service to its successor', () => {
  it('is never called "penggantian" in Indonesian', () => {
    for (const [where, text] of indonesianTexts()) expect(text, where).not.toMatch(/penggantian/i);
  });

  it('is migrasi / dimigrasikan in the national replacement chart and its captions; "diganti" stays the Heeks class', () => {
    const wave = [
      nationalId.charts.replacements.title,
      nationalId.charts.replacements.caption,
      nationalId.replacementsNoBan,
      nationalId.chart.wavesTitle,
      ...nationalId.chart.wavesSubtitle(2),
      nationalId.chart.wavesSubtitleNoBan,
      nationalId.chart.wavesLegend,
    ];
    for (const text of wave) expect(text).not.toMatch(/\bdiganti\b/);
    // Each but the subtitle's first line (what the chart counts) names the event.
    for (const text of wave.filter((x) => x !== nationalId.chart.wavesSubtitle(2)[0])) expect(text).toMatch(/migrasi|dimigrasikan/);
    expect(nationalId.charts.replacements.title).toBe('Gelombang migrasi');
    expect(nationalId.chart.wavesLegend).toBe('dimigrasikan');
    expect(PARAM_NOTES_ID['Perpres 82/2023 replacement wave']).toBe('gelombang migrasi akibat Perpres 82/2023');
    // The Heeks class keeps its name.
    expect(nationalId.col.replaced).toBe('diganti');
    expect(id.col.heeks).toMatch(/\/ diganti$/);
    expect(id.cause.replacement).toBe('dimigrasikan (ke layanan penerus)');
  });
});

describe('re-invention', () => {
  it('has one name, "penemuan ulang (reinvensi)", in the reports, the parameter notes, the explorer and the Info page', () => {
    expect(eventKindText('id', 'reinvention')).toBe('menemukan ulang layanan (reinvensi)');
    expect(PARAM_NOTES_ID['re-invention: Rice and Rogers 1980']).toBe('penemuan ulang (reinvensi): Rice dan Rogers 1980');
    expect(id.glossaryTerms.learning[1]).toContain('penemuan ulang (reinvensi)');
    expect(INFO_ID).toContain('penemuan ulang (reinvensi)');
    for (const [where, text] of indonesianTexts()) {
      expect(text, where).not.toContain('menyesuaikan layanan');
      // "penemuan ulang" always with its loanword, and the loanword never alone.
      expect(text.replace(/\s+/g, ' ').match(/penemuan ulang(?! \(reinvensi\))/g) ?? [], where).toEqual([]);
      expect(text.match(/(?<!ulang \(|ulang layanan \()reinvensi/g) ?? [], where).toEqual([]);
    }
  });

  it("the learning loops' glossary entry names it without a parenthesis inside another", () => {
    expect(maxDepth(id.glossaryTerms.learning[1])).toBe(1);
  });
});

describe('the Indonesian Info page of the Bekasi scenario', () => {
  const headings = [...INFO_ID.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!);

  it('writes its headings in sentence case', () => {
    expect(headings.slice(1)).toEqual(['Ringkasan', 'Cara kerja', 'Rekam jejak kasus', 'Yang tidak dicatat sumber', 'Cara menggunakan', 'Hal yang perlu diperhatikan', 'Hal yang dapat dicoba']);
    for (const h of headings) expect(h, h).not.toMatch(/^[^a-z]*[A-Z]{2,}[^a-z]*$/);
  });

  it('has no ASCII arrow and no parentheses inside parentheses in its prose (code and link targets aside)', () => {
    const prose = INFO_ID.replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`]*`/g, '')
      .replace(/\]\([^)]*\)/g, ']');
    expect(prose).not.toMatch(/->|<-/);
    for (const paragraph of prose.split(/\n\s*\n|\n(?=[-|])/)) expect(maxDepth(paragraph), paragraph).toBeLessThanOrEqual(1);
    expect(INFO_ID).toContain('indeks SPBE turun dari 2,94 (2021) menjadi 2,78 (2022)');
  });
});

describe("the explorer's terms", () => {
  it('points to the section "Lihat ke dalam satu simulasi" by its name, in a sentence that goes on in lower case', () => {
    expect(translate('id', 'termsText')).toMatch(/\(lihat bagian "Lihat ke dalam satu simulasi"\)\.$/);
  });
});

describe("the national spread chart's caption", () => {
  it('says what the bars add up to, and keeps to one government (-nya, not "mereka") in one phrase', () => {
    const caption = nationalId.charts.spread.caption;
    expect(caption).toContain('jumlah batang hijau sama dengan banyaknya pemerintah daerah yang mempertahankan sedikitnya separuh');
    expect(caption).not.toMatch(/berjumlah sama dengan pemerintah daerah|dipertahankannya dari layanan yang mereka/);
    // No "yang ... yang" chained on one noun, in the chart's own words either.
    for (const text of [caption, nationalId.chart.spreadTitle, nationalId.chart.spreadX, nationalId.chart.provincesTitle]) expect(text).not.toMatch(/\byang \S+ yang\b/);
  });
});
