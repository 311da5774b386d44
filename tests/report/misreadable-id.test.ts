/**
 * Words a native reader of the Indonesian reports misread (a review of the
 * Indonesian outputs): "instans" read as a typo of "instansi" (an agency),
 * "disensor" (censored as in censorship; statistics says "tersensor"), the
 * histogram's "selang" (also the word for an interval), "(batas)" for a
 * borderline effect (read as "limit") and "Pemkot"/"wali kota" in text that
 * serves a kabupaten or a province as well. None of them may appear in the
 * Indonesian report of a small run or comparison (its text, tables and
 * charts' words), nor in the explorer's Indonesian words or the common
 * levers' Indonesian labels.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { id } from '../../src/report/i18n/id.js';
import { catalogKeys, eventKindKeys, eventKindText, translate } from '../../src/explorer/i18n.js';
import { commonLevers } from '../../src/scenario/levers.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

/** Each misreadable word, as a pattern over a text (scenario text of the fixtures has none of them). */
const MISREAD: readonly [string, RegExp][] = [
  ['instans (not instansi)', /\binstans\b/i],
  ['disensor', /\bdisensor\b/i],
  ['selang for a histogram bin', /\bselang \d+ bulan|per selang\b/i],
  ['(batas) for borderline', /\(batas\)/],
  ['Pemkot', /\bPemkot\b/],
  ['wali kota', /\bwali kota\b/i],
];

const found = (text: string): string[] => MISREAD.filter(([, re]) => re.test(text)).map(([name]) => name);

let run: ResultSet;
let cmp: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
  cmp = await fixture(COMPARE_DIR);
});

describe('the Indonesian reports have none of the misreadable words', () => {
  it('run report: text, tables, glossary and the charts\' words', () => {
    const charts = buildCharts(run, 'id');
    const md = renderMarkdown(reportModel(run, charts, 'id'));
    expect(md).toContain('Daftar istilah');
    expect(found(md)).toEqual([]);
    expect(found(JSON.stringify(charts))).toEqual([]);
  });

  it('comparison report, and the borderline mark its summary uses', () => {
    const charts = buildCharts(cmp, 'id');
    const md = renderMarkdown(reportModel(cmp, charts, 'id'));
    expect(found(md)).toEqual([]);
    expect(found(JSON.stringify(charts))).toEqual([]);
    expect(found(id.sumBorderline)).toEqual([]);
    expect(found(id.sumCompareMany(19, 2, 38, '97,5 %'))).toEqual([]);
  });

  it("the explorer's Indonesian words and the common levers' Indonesian labels", () => {
    for (const key of catalogKeys('id')) expect(found(translate('id', key as never)), key).toEqual([]);
    for (const kind of eventKindKeys('id')) expect(found(eventKindText('id', kind)), kind).toEqual([]);
    expect(eventKindText('id', 'double_loop')).toBe(id.loop.double);
    expect(eventKindText('id', 'triple_loop')).toBe(id.loop.triple);
    for (const lever of commonLevers({ budget_shocks: [{ name: 'refocusing' }, {}] } as never)) expect(found(lever.label_id ?? ''), lever.path).toEqual([]);
  });
});
