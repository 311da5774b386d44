/**
 * What a planning officer reading the reports found (EN and ID):
 * - the comparison table's columns n, relative change and correlation were
 *   never explained;
 * - the national report's parameter table gave rates per year and a utility
 *   as bare numbers, with no unit and no word of what each does;
 * - the horizon table's mean usage, city vision V and leader commitment were
 *   defined nowhere in the report (the glossary had translation T only);
 * - the summary, like the forest chart, wrote other numbers than the table;
 * - the forest chart printed other numbers than the comparison table for the
 *   same row (+2.5 [+1.3, +3.6] beside a table's +2.45, +1.27 – +3.63), and
 *   an interval end that rounds to 0 lost its sign ("[0.0, +0.3]" for
 *   −0.02 – +0.30 pp in the table): a crossing of 0 read as a touch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { compareTable, glossaryFor, horizonTable } from '../../src/report/report-model.js';
import { effectSentence } from '../../src/report/summary.js';
import { fixture, RUN_DIR } from './helpers.js';
import { forestData } from '../../src/report/specs/forest.js';
import { compareRow } from '../support/compare-rows.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { join } from 'node:path';

beforeAll(() => assertBuilt());

const row = (outcome: string, variant: string, base: number, v: number, diff: number, low: number, high: number) =>
  compareRow(outcome, variant, base, v, low, high, { n: 20, correlation: 0.99, diff });

/** compare.csv of bekasi-perda-budget-line, -r 20 (the rows the reading found). */
const ROWS = [
  row('cumulative_adoption_share', 'perda-with-budget-line', 0.562851405622, 0.568273092369, 0.00542168674705, -0.00404482014166, 0.0148881936358),
  row('cumulative_adoption_share', 'mandate-without-money', 0.562851405622, 0.564257028112, 0.00140562248995, -0.00022275752884, 0.00303400250874),
  row('discontinuations.replacement', 'perda-with-budget-line', 22.05, 24.5, 2.45, 1.27, 3.63),
  row('discontinuations.replacement', 'mandate-without-money', 22.05, 22.15, 0.1, -0.2, 0.4),
];

describe('comparison report', () => {
  it('the forest chart writes the numbers of the comparison table, row by row, signs kept', () => {
    for (const t of [en, id]) {
      const table = compareTable(ROWS, t)!;
      const forest = forestData({ rows: ROWS, t });
      for (const [i, cells] of table.rows.entries()) {
        // The table's interval: "lo – hi" in English, "[lo; hi]" in Indonesian.
        const [low, high] = cells[6]!.replace(` ${t.ppUnit}`, '').replace(/^\[|\]$/g, '').split(/ – |; /) as [string, string];
        const diff = cells[5]!.replace(' *', '').replace(` ${t.ppUnit}`, '');
        const text = String(forest[i]!['text']);
        const local = (s: string): string => s.replace('.', t.decimal);
        expect(text, `${t.lang} ${cells[0]}`).toContain(`${local(diff)}`);
        expect(text, `${t.lang} ${cells[0]}`).toContain(`[${local(low)}${t.intervalSep}${local(high)}]`);
      }
      // The mandate's lower end is −0.02 pp: not "0.0".
      expect(String(forest[1]!['text'])).toContain(t.lang === 'en' ? '[−0.02, +0.3]' : '[−0,02; +0,3]');
      expect(String(forest[2]!['text'])).toMatch(t.lang === 'en' ? /^\+2\.45 \[\+1\.27, \+3\.63\] \*/ : /^\+2,45 \[\+1,27; \+3,63\] \*/);
    }
  });

  it('the summary writes the numbers of the comparison table', () => {
    expect(effectSentence(ROWS[2]!, ROWS, en, new Map())).toBe('exits: replacement (per replication) rises by 2.45 (97.5 % interval +1.27 to +3.63)');
    expect(effectSentence(ROWS[2]!, ROWS, id, new Map())).toContain('2.45 (interval 97.5 %: +1.27 hingga +3.63)');
  });

  it('the comparison table explains n, relative change and correlation', () => {
    expect(en.compareNote).toMatch(/\bn: the paired replications/);
    expect(en.compareNote).toMatch(/Relative change: the difference divided by the base/);
    expect(en.compareNote).toMatch(/Correlation: of the base's and the variant's values/);
    expect(id.compareNote).toMatch(/\bn: jumlah replikasi berpasangan/);
    expect(id.compareNote).toMatch(/Perubahan relatif: selisih dibagi nilai dasar/);
    expect(id.compareNote).toMatch(/Korelasi: antara nilai dasar dan nilai skenario pengandaian/);
    // Each explained column is a column of the table, under the same name.
    for (const t of [en, id]) {
      const columns = compareTable(ROWS, t)!.columns;
      for (const c of [t.col.n, t.col.relative, t.col.correlation]) expect(columns).toContain(c);
      expect(t.compareNote.toLowerCase()).toContain(`${t.col.relative.toLowerCase()}:`);
      expect(t.compareNote.toLowerCase()).toContain(`${t.col.correlation.toLowerCase()}:`);
    }
  });
});

describe('run report', () => {
  it('defines usage, the city vision V and leader commitment, which the horizon table shows', async () => {
    const run = await fixture(RUN_DIR);
    for (const t of [en, id]) {
      const glossary = glossaryFor(run, [], t);
      const terms = glossary.map(([term]) => term);
      for (const k of ['usage', 'vision', 'commitment'] as const) expect(terms, `${t.lang} ${k}`).toContain(t.glossaryTerms[k][0]);
      // Each term is the word the table's row uses.
      const labels = horizonTable(run.summary, t)!.rows.map((r) => r[0]!);
      expect(labels.some((l) => l.includes(t.lang === 'en' ? 'usage' : 'pemakaian'))).toBe(true);
      expect(labels.some((l) => l.includes(t.lang === 'en' ? 'city vision' : 'visi daerah'))).toBe(true);
      expect(labels.some((l) => l.includes(t.glossaryTerms.commitment[0]))).toBe(true);
    }
  });
});

describe('national report', () => {
  it('the national parameters come with their unit and what they do, in each language', async () => {
    const r = await executeNationalRun({
      file: join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'),
      outRoot: tempDir('difusi-natparams-'),
      workers: 1,
      replications: 1,
      command: 'test',
    });
    const english = (await renderNationalReport(r.dir, 'en', { draw: false })).md;
    const indonesian = (await renderNationalReport(r.dir, 'id', { draw: false })).md;
    expect(english).toContain('| parameter | value | unit | note |');
    expect(english).toMatch(/\| gov_launch_base \| [\d.]+ \| per year \| launch rate of a government on its own/);
    expect(english).toMatch(/\| gov_learning \| [\d.]+ \| utility, times a share \|/);
    expect(indonesian).toMatch(/\| gov_launch_base \| [\d,]+ \| per tahun \| laju peluncuran/);
    expect(indonesian).toMatch(/\| gov_imitation \| [\d,]+ \| per tahun, dikalikan dengan suatu proporsi \|/);
    expect(indonesian).not.toMatch(/\| gov_\w+ \| [\d,]+ \| – \|/);
  });
});
