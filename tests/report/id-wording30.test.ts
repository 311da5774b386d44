/**
 * Indonesian wording an Indonesian planning officer misread (IDTRIAL30 A8 and B): the glossary's
 * "replikasi rinci" read as one replication; the Sobol chart's title had two pairs of parentheses in a
 * row; the learning chart's legend group was headed "daerah"; a service's sentence-case name kept its
 * capital mid-sentence ("peluang Uji coba meteran parkir bertahan"); the national comparison said
 * "bidang" for a field (GLOSSARY.id.md: isian) and "Berikut 5 yang terbesar di luar provinsi dan kohort
 * satu per satu". The docs: "mengkalibrasi" (EYD: mengalibrasi), "pangsa" (the glossary's proporsi),
 * and GLOSSARY.id.md's sentences on pilot and Pemkot made true to what the reports write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/cli.js';
import { id, midSentence } from '../../src/report/i18n/id.js';
import { en } from '../../src/report/i18n/en.js';
import { nationalCompareId } from '../../src/report/i18n/national-compare-id.js';
import { outcomeName } from '../../src/report/outcome-names.js';
import { maxDepth } from './helpers.js';

describe('the Indonesian report catalog', () => {
  test('the detail replications are plural, as the English "the first replications"', () => {
    const [term, text] = id.glossaryTerms.detail;
    expect(term).toBe('replikasi rinci');
    expect(text).toContain('hanya disimpan untuk sejumlah replikasi pertama, yaitu replikasi-replikasi rinci');
    expect(text).toContain('digambar dari replikasi-replikasi itu');
    expect(text).not.toMatch(/untuk replikasi pertama,|dari replikasi itu;/);
    expect(en.glossaryTerms.detail[1]).toContain('the first replications only');
  });

  test("the Sobol axis title: no second pair of parentheses after the outcome's own", () => {
    const outcome = outcomeName('live_share', id);
    expect(outcome).toMatch(/\)$/);
    const title = id.sobolAxis(outcome);
    expect(title).toBe(`Indeks Sobol untuk ${outcome}, dalam proporsi variasi`);
    expect(title).not.toMatch(/\) \(/);
    expect(maxDepth(title)).toBe(1);
  });

  test("the learning chart's legend group is headed by what it holds", () => {
    expect(id.cityLegend).toBe('visi dan komitmen');
  });

  test('a sentence-case service name starts in lower case mid-sentence; a proper name stays', () => {
    const names = new Map([
      ['parking', 'Uji coba meteran parkir'],
      ['spbe', 'Integrasi SPBE'],
      ['sorot', 'Aplikasi pelaporan SOROT (ITB)'],
      ['cctv', 'CCTV dan sensor lingkungan'],
      ['sipd', 'Sistem Informasi Pemerintahan Daerah (SIPD)'],
      ['iconic', 'Bekasi Iconic'],
      ['single', 'Sipkd'],
    ]);
    const said = (s: string) => outcomeName(`sustained.${s}`, id, names);
    expect(said('parking')).toBe('peluang uji coba meteran parkir bertahan');
    expect(said('spbe')).toBe('peluang integrasi SPBE bertahan');
    expect(said('sorot')).toBe('peluang aplikasi pelaporan SOROT (ITB) bertahan');
    expect(said('cctv')).toBe('peluang CCTV dan sensor lingkungan bertahan');
    expect(said('sipd')).toBe('peluang Sistem Informasi Pemerintahan Daerah (SIPD) bertahan');
    expect(said('iconic')).toBe('peluang Bekasi Iconic bertahan');
    expect(said('single')).toBe('peluang Sipkd bertahan');
    expect(midSentence('smart-health')).toBe('smart-health');
    // English puts the name first: unchanged.
    expect(outcomeName('sustained.parking', en, names)).toBe('Uji coba meteran parkir sustained (probability)');
  });
});

describe('the national comparison in Indonesian', () => {
  test('"isian" for a field, as the glossary', () => {
    expect(nationalCompareId.changedFields('x')).toBe('Arti setiap isian yang diubah dan pengaruhnya dalam model: x.');
  });

  test('the largest differences, not counting the province and cohort rows, said plainly', () => {
    const c = { byChance: 4, share: '5%', counted: 80, notCounted: 0 };
    const text = nationalCompareId.sumClear(12, 81, 5, true, '95%', c as never);
    expect(text).toMatch(/ Berikut 5 selisih terbesar, tidak termasuk baris per provinsi dan per kohort:$/);
    expect(text).not.toContain('satu per satu');
  });
});

describe('the Indonesian docs', () => {
  const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
  test('EYD: mengalibrasi, not mengkalibrasi', () => {
    expect(read('docs/ADAPTING.id.md')).not.toContain('mengkalibrasi');
    expect(read('docs/ADAPTING.id.md')).toContain('mengalibrasi ulang');
  });

  test('proporsi, not pangsa, in the Bekasi Info page', () => {
    expect(read('scenarios/bekasi-2015-2025.id.md')).not.toMatch(/\bpangsa\b/);
  });

  test("the glossary says what the reports write for a pilot and for the city", () => {
    const glossary = read('docs/GLOSSARY.id.md');
    expect(glossary).not.toContain('Laporan dan explorer berbahasa Indonesia menulisnya *pilot*');
    expect(glossary).toContain('Laporan berbahasa Indonesia menulisnya *uji coba*');
    expect(glossary).toContain('menulis *pemerintah daerah*');
    // What the glossary now says the reports write, they write.
    expect(JSON.stringify(id)).toContain('uji coba (pilot)');
    expect(JSON.stringify(id)).toContain('pemerintah daerah');
  });
});
