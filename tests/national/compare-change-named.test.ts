/**
 * Session 39's tester read a national comparison's report: (3) the forest
 * chart's title says "the change's effect (variant − base)" but nowhere
 * named the --set (national_regulations[id=pp-24-2018-oss].money = true);
 * (4) its headline gave the base's Heeks success as 31.4 % while the
 * national report's P14 sentence gives 31.9 % for the same base (replaced
 * services left out) and only the national report said why. Now the chart's
 * subtitle names each change (with the name of the element it selects), and
 * the comparison says which definition of the Heeks shares it uses, in the
 * headline where it gives one and under the Heeks table. English and Indonesian.
 */
import { describe, expect, it } from 'vitest';
import { changeLabels, nationalCompareCatalog, nationalCompareReportModel, serviceDifferences } from '../../src/report/national-compare-report.js';
import { nationalCompareForestSpec } from '../../src/report/specs/national-compare-forest.js';
import { nationalCompareRowOf } from '../support/national-compare-rows.js';

const row = (outcome: string, base: number, variant: number, low: number, high: number) => nationalCompareRowOf(outcome, base, variant, low, high);
const manifest = {
  kind: 'national-compare',
  file: 'f.yaml',
  seed: 7,
  replications: 4,
  level: 0.95,
  base: { folder: '../../x/a', name: 'x', hash: 'h1' },
  variant: { folder: '../../x/b', name: 'x', hash: 'h2', overrides: { 'national_regulations[id=pp-24].money': true } },
};
const base = {
  manifest: { kind: 'national', services: ['s'], names: { services: { s: 'Service S' }, regulations: { 'pp-24': 'PP 24/2018 <OSS>' } }, names_id: { services: { s: 'Layanan S' } } },
  governmentSummary: [],
};
const rows = [row('sustained_share.s', 0.6, 0.7, 0.05, 0.15), row('heeks_success', 0.314, 0.384, 0.066, 0.074), row('heeks_partial', 0.508, 0.44, -0.075, -0.063)];
const input = { manifest, rows, base, charts: [] };

describe("the comparison's forest chart", () => {
  it('names the change in its subtitle, after the name of the element it selects (both languages)', () => {
    expect(changeLabels(input, 'en')).toEqual(['PP 24/2018 <OSS>: national_regulations[id=pp-24].money = true']);
    for (const lang of ['en', 'id'] as const) {
      const w = nationalCompareCatalog(lang);
      const spec = nationalCompareForestSpec({ ...serviceDifferences(input, lang), measures: w.chartMeasures, replications: 4, level: '95 %', lang, words: w, changes: changeLabels(input, lang) });
      const subtitle = (spec as { title: { subtitle: string[] } }).title.subtitle.join(' ');
      expect(subtitle).toContain('PP 24/2018 <OSS>: national_regulations[id=pp-24].money = true');
      expect(subtitle).toContain(lang === 'en' ? 'the change (variant against base):' : 'perubahan (pengandaian dibandingkan dasar):');
    }
  });
});

describe("the comparison's Heeks shares", () => {
  it('say which definition they use, against P14\'s, in the headline and under the table (both languages)', () => {
    for (const lang of ['en', 'id'] as const) {
      const w = nationalCompareCatalog(lang);
      const m = nationalCompareReportModel(input, lang);
      expect(m.summary).toContain(w.heeksDefinition);
      expect(m.tables.find((t) => t.id === 'national-compare-heeks')!.note).toContain(w.heeksDefinition);
    }
    expect(nationalCompareCatalog('en').heeksDefinition).toContain("P14's totals (p14.txt, and the P14 sentence in the national report's headline) leave the replaced ones out of the denominator");
    // No Heeks share in the headline: no sentence on its definition there (the table's note still says it).
    const m = nationalCompareReportModel({ ...input, rows: [rows[0]!] }, 'en');
    expect(m.summary).not.toContain(nationalCompareCatalog('en').heeksDefinition);
  });
});
