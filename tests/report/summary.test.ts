/**
 * The executive summary and the printed effects, checked against the
 * numbers of compare.csv: every effect sentence names an outcome whose
 * printed interval excludes 0, with the direction, size and interval of
 * that row (percentage points for probabilities and shares); no outcome
 * whose interval includes 0 is called an effect; a marked interval never
 * shows 0 as an end and no "-0" is printed anywhere.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCharts, runContext } from '../../src/report/charts.js';
import { effect, isProbability, num, percent } from '../../src/report/format.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { localNumber } from '../../src/report/i18n/index.js';
import { outcomeName } from '../../src/report/outcome-names.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { compareSummary, lastingSide, runSummary } from '../../src/report/summary.js';
import { writeReport } from '../../src/store/report-write.js';
import { readResults } from '../../src/store/results-read.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

/** A compare.csv with the cases the issue met: tiny marked effects, an end that is floating-point dust, pp outcomes. */
const COMPARE_CSV = `outcome,variant,n,base_mean,base_ci_low,base_ci_high,variant_mean,variant_ci_low,variant_ci_high,diff_mean,diff_ci_low,diff_ci_high,relative_change,correlation,level
sustained.smart_health,mayor-stays,200,0.19,0.14,0.25,0.465,0.40,0.53,0.275,0.2,0.35,1.447,0.3,0.95
sustained.bekasi_iconic,mayor-stays,200,0.5,0.43,0.57,0.502,0.43,0.57,0.002,0.0004,0.0036,0.004,0.99,0.95
live_share,mayor-stays,200,0.158,0.15,0.16,0.184,0.18,0.19,0.026,0.019,0.033,0.1635,0.91,0.95
discontinuations.hazard,mayor-stays,200,1.2,1.1,1.3,1.15,1.05,1.25,-0.05,-0.1,-1e-17,-0.04,0.9,0.95
discontinuations.leadership,mayor-stays,200,1.85,1.5,2.2,0,0,0,-1.85,-3.34,-0.36,-1,,0.95
sustained_count,mayor-stays,200,2.2,2.0,2.4,2.25,2.05,2.45,0.05,-0.271,0.371,0.023,0.62,0.95
routinized_share,no-ban,200,0.06,0.05,0.07,0.059,0.05,0.07,-0.001,-0.004,0.002,-0.02,0.9,0.95
`;

type Row = Record<string, string>;
const temps: string[] = [];
let dir: string;
let results: ResultSet;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'difusi-summary-'));
  temps.push(dir);
  cpSync(COMPARE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'compare.csv'), COMPARE_CSV);
  // The run fixture's scenario: its services have names (smart_health, bekasi_iconic).
  const run = JSON.parse(readFileSync(join(RUN_DIR, 'manifest.json'), 'utf8')) as { scenario: unknown };
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, scenario: run.scenario }));
  results = await readResults(dir);
});
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A printed signed number back to a number (− is the minus sign). */
const value = (s: string): number => Number(s.replace('−', '-').replace('+', ''));

/** Checks every effect sentence of the summary against the rows of compare.csv; returns the outcomes named. */
function checkSentences(summary: readonly string[], csv: readonly Row[]): string[] {
  const names = runContext(results).names;
  const byName = new Map(csv.map((r) => [`${r['variant']}|${outcomeName(r['outcome']!, en, names)}`, r]));
  const named: string[] = [];
  const sentence = /^(.+) (rises|falls) by ([\d.]+)( pp)? \(([\d.]+ %) interval ([+−][\d.]+)(?: pp)? to ([+−][\d.]+)(?: pp)?\)( \(borderline\))?$/;
  for (const paragraph of summary) {
    const head = /^The what-if (\S+) changes: (.*?)\.(?: No clear effect.*)?$/.exec(paragraph);
    if (head === null) continue;
    const [, variant, body] = head as unknown as [string, string, string];
    for (const item of body.split('; ')) {
      if (/^and \d+ more/.test(item)) continue;
      const m = sentence.exec(item);
      expect(m, item).not.toBeNull();
      if (m === null) continue;
      const name = m[1]!;
      const row = byName.get(`${variant}|${name}`);
      expect(row, `"${name}" is an outcome of compare.csv`).toBeDefined();
      const f = isProbability(row!['outcome']!) ? 100 : 1;
      expect(m[4] === ' pp', `${name}: pp exactly for probabilities and shares`).toBe(f === 100);
      const diff = Number(row!['diff_mean']) * f;
      const lo = Number(row!['diff_ci_low']) * f;
      const hi = Number(row!['diff_ci_high']) * f;
      const digits = (m[3]!.split('.')[1] ?? '').length;
      const tol = 0.5 * 10 ** -digits + 1e-9;
      expect(m[2]).toBe(diff > 0 ? 'rises' : 'falls');
      expect(Math.abs(value(m[3]!) - Math.abs(diff))).toBeLessThanOrEqual(tol);
      expect(Math.abs(value(m[6]!) - lo)).toBeLessThanOrEqual(tol);
      expect(Math.abs(value(m[7]!) - hi)).toBeLessThanOrEqual(tol);
      // An effect is only claimed where the interval excludes 0, and neither printed end is 0.
      expect(lo > 0 || hi < 0).toBe(true);
      expect(value(m[6]!)).not.toBe(0);
      expect(value(m[7]!)).not.toBe(0);
      expect(m[5]).toBe(`${num(100 * Number(row!['level']), 2)} %`);
      named.push(row!['outcome']!);
    }
  }
  return named;
}

describe('comparison summary against compare.csv', () => {
  test('each marked effect in words, with the numbers of its row; the rest counted as no clear effect', () => {
    const csv = parse(COMPARE_CSV, { columns: true }) as Row[];
    const summary = compareSummary(results, runContext(results));
    const named = checkSentences(summary, csv);
    expect(named.sort()).toEqual(['discontinuations.leadership', 'live_share', 'sustained.bekasi_iconic', 'sustained.smart_health']);
    // The dust-ended interval (-0.1 to -1e-17) and those spanning 0 are no effect.
    expect(summary.join(' ')).toContain('No clear effect on the other 2 outcomes.');
    expect(summary.join(' ')).toContain('The what-if no-ban has no clear effect on any of the 1 outcomes compared.');
    // The probability effect in percentage points, with its interval, as the comparison table prints it
    // (its decimals are shared over the table's rows in pp: one, as their intervals' widths call for).
    expect(summary.join(' ')).toContain('Smart health sustained (probability) rises by 27.5 pp (95 % interval +20.0 pp to +35.0 pp)');
    // A tiny effect: the end that would round to 0 gets the digits that keep it off 0, and only that end.
    expect(summary.join(' ')).toContain('rises by 0.2 pp (95 % interval +0.04 pp to +0.4 pp)');
  });

  test('the shipped fixture too', async () => {
    const cmp = await fixture(COMPARE_DIR);
    const csv = parse(readFileSync(join(COMPARE_DIR, 'compare.csv'), 'utf8'), { columns: true }) as Row[];
    const summary = compareSummary(cmp, runContext(cmp));
    expect(checkSentences(summary, csv)).toEqual(['live_end']);
  });

  test('report.html and report.md: the summary first, marks agree with the printed intervals, no -0', async () => {
    await writeReport(dir, { png: false });
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## What is compared'));
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="table-compare"'));
    expect(md).toContain('## What is compared');
    expect(md).toContain('- **budget_line**');
    for (const text of [md, html]) expect(text).not.toMatch(/[-−]0(?:\.0+)?(?![.\d])/);
    const table = reportModel(results, buildCharts(results)).tables.find((t) => t.id === 'compare')!;
    for (const row of table.rows) {
      const [lo, hi] = row[6]!.replace(' pp', '').split(' – ').map(value) as [number, number];
      // A borderline change carries the summary's word after its mark: "+3.5 pp * (borderline)".
      const marked = /\*( \(borderline\))?$/.test(row[5]!);
      expect(marked, `${row[0]}: marked exactly when the printed interval excludes 0`).toBe((lo > 0 && hi > 0) || (lo < 0 && hi < 0));
    }
    // Relative change only beside the pp difference, never instead of it.
    const live = table.rows.find((r) => r[0]!.startsWith('services in use'))!;
    // One decimal: the table's rows in pp share one number of decimals (as their intervals' widths call for, up to two).
    expect(live.slice(5, 8)).toEqual(['+2.6 pp *', '+1.9 – +3.3 pp', '+16 %']);
  });
});

describe('printed effects', () => {
  test('"+0.002 (0.000 to +0.004) *" cannot happen: digits grow until the ends are not 0', () => {
    const e = effect('sustained_count', 0.002, 0.0004, 0.0036, 2);
    expect([e.meanText, e.lowText, e.highText, e.marked]).toEqual(['+0.0020', '+0.0004', '+0.0036', true]);
  });

  test('"-0.050 (-0.100 to 0.000) *" cannot happen: an end that is dust is 0 and unmarked', () => {
    const e = effect('sustained_count', -0.05, -0.1, -1e-17, 2);
    expect([e.meanText, e.lowText, e.highText, e.marked]).toEqual(['−0.050', '−0.100', '0.000', false]);
  });

  test('probabilities in percentage points', () => {
    const e = effect('sustained.x', 0.275, 0.2, 0.35);
    expect([e.pp, e.meanText, e.lowText, e.highText, e.marked]).toEqual([true, '+27.5', '+20.0', '+35.0', true]);
  });

  test('tiny values print as 0 (sigma of 6.4e-17 beside mu* of 0.02)', () => {
    expect(num(6.4e-17, 3, 0.02)).toBe('0');
    expect(num(-6.4e-17, 3, 0.02)).toBe('0');
    expect(num(0.0123, 3, 0.02)).toBe('0.012');
  });
});

describe('run summary', () => {
  test('services that last with their Wilson intervals from outcomes.csv; causes and clusters from summary.csv', async () => {
    const run = await fixture(RUN_DIR);
    const context = runContext(run);
    const text = runSummary(run, context).join('\n');
    for (const s of run.outcomes!.shares()) {
      const w = s.shares.sustained;
      const name = context.names.get(s.innovation)!;
      expect(text).toContain(`${name} ${Math.round(100 * w.p)} % (${Math.round(100 * w.low)} %–${Math.round(100 * w.high)} %)`);
    }
    expect(text).toMatch(/the main causes: defunded/);
    // The largest cluster is named with the events of its month (the pilot end and the vendor's contract end).
    expect(text).toMatch(/Exits cluster in 2022-03 \([\d.]+ per replication, at pilot end: Bekasi Iconic super-app/);
    expect(text).toContain('per agency');
  });

  test('a service sustained in exactly half of the replications, or in both of two, cannot be told yet (English and Indonesian)', async () => {
    // The fixture's first two replications: smart_health sustained in both (100 %, 34 %–100 %), bekasi_iconic in one of two.
    const half = mkdtempSync(join(tmpdir(), 'difusi-summary-half-'));
    temps.push(half);
    cpSync(RUN_DIR, half, { recursive: true });
    for (const file of ['outcomes.csv', 'timeseries.csv', 'agents.csv', 'events.csv']) {
      const lines = readFileSync(join(half, file), 'utf8').trimEnd().split('\n');
      writeFileSync(join(half, file), lines.filter((l, i) => i === 0 || /^[01],/.test(l)).join('\n') + '\n');
    }
    const manifest = JSON.parse(readFileSync(join(half, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(half, 'manifest.json'), JSON.stringify({ ...manifest, replications: 2, detail_replications: 2 }));
    const run = await readResults(half);
    const share = (innovation: string) => run.outcomes!.shares().find((s) => s.innovation === innovation)!.shares.sustained;
    expect([share('bekasi_iconic').p, share('smart_health').p]).toEqual([0.5, 1]);
    for (const [lang, t] of [['en', en], ['id', id]] as const) {
      const context = runContext(run, lang);
      const summary = runSummary(run, context);
      const item = (innovation: string) => t.sumService(context.names.get(innovation)!, ...percents(share(innovation)));
      // Both intervals include one half: neither is called likely (nor unlikely) to last.
      expect(summary, lang).toContain(localNumber(t, t.sumUnsure(2, 2, [item('smart_health'), item('bekasi_iconic')].join('; '))));
      expect(summary.join('\n'), lang).not.toContain(t.sumLasting('').slice(0, 20));
      expect(summary.join('\n'), lang).not.toContain(t.sumNotLasting('').slice(0, 20));
      expect(summary.join('\n'), lang).not.toContain(t.sumNoneLasting);
    }
  });

  test('likely or unlikely to last only when the whole printed interval lies on one side of one half; otherwise "cannot tell yet" (English and Indonesian, report.md and report.html)', async () => {
    // 10 replications: the tutorial's "Online permits" (6 of 10, 60 % (31 %–83 %)) was "Likely to last" by its point estimate,
    // and at 50 replications (17 of 50, 34 % (22 %–48 %)) "Unlikely to last".
    const dir10 = mkdtempSync(join(tmpdir(), 'difusi-summary-sides-'));
    temps.push(dir10);
    cpSync(RUN_DIR, dir10, { recursive: true });
    const reps = 10;
    const sustainedIn: Record<string, number> = { smart_health: 10, bekasi_iconic: 0, online_permits: 6 };
    const rows = ['replication,innovation,outcome,peak_live,live_end,first_adoption_month,last_discontinuation_month,main_cause,heeks_success,heeks_partial,heeks_failure,heeks_replaced'];
    for (let r = 0; r < reps; r++) {
      for (const [innovation, k] of Object.entries(sustainedIn)) {
        rows.push(r < k ? `${r},${innovation},sustained,8,7,2,13,leadership,1,6,5,0` : `${r},${innovation},discontinued,6,0,7,20,defunded,0,0,9,0`);
      }
    }
    writeFileSync(join(dir10, 'outcomes.csv'), rows.join('\n') + '\n');
    // timeseries.csv holds every replication: replication 0's months again for the others.
    const series = readFileSync(join(dir10, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    const first = series.filter((l) => l.startsWith('0,'));
    const more = Array.from({ length: reps - 3 }, (_, i) => first.map((l) => `${i + 3}${l.slice(1)}`)).flat();
    writeFileSync(join(dir10, 'timeseries.csv'), [...series, ...more].join('\n') + '\n');
    const manifest = JSON.parse(readFileSync(join(dir10, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir10, 'manifest.json'), JSON.stringify({ ...manifest, replications: reps }));
    const run = await readResults(dir10);
    const share = (innovation: string) => run.outcomes!.shares().find((s) => s.innovation === innovation)!.shares.sustained;
    // Clearly above, clearly below, and astride one half.
    expect(share('smart_health').low).toBeGreaterThan(0.6);
    expect(share('bekasi_iconic').high).toBeLessThan(0.4);
    expect(percents(share('online_permits'))).toEqual(['60 %', '31 %', '83 %']);
    for (const [lang, t] of [['en', en], ['id', id]] as const) {
      const context = runContext(run, lang);
      const summary = runSummary(run, context);
      const item = (innovation: string) => t.sumService(context.names.get(innovation) ?? innovation, ...percents(share(innovation)));
      expect(summary, lang).toContain(localNumber(t, t.sumLasting(item('smart_health'))));
      expect(summary, lang).toContain(localNumber(t, t.sumUnsure(10, 1, item('online_permits'))));
      expect(summary, lang).toContain(localNumber(t, t.sumNotLasting(item('bekasi_iconic'))));
    }
    // In the words a reader gets, in both languages and both formats.
    await writeReport(dir10, { png: false });
    await writeReport(dir10, { png: false, lang: 'id' });
    const md = readFileSync(join(dir10, 'report.md'), 'utf8');
    const html = readFileSync(join(dir10, 'report.html'), 'utf8');
    expect(md).toMatch(/Likely to last \(sustained in more than half of the replications, even at the interval's lower end\): Smart health 100 %/);
    expect(md).toMatch(/Cannot tell yet with 10 replications whether this service lasts \(its interval includes 50 %; more replications narrow it\): online_permits 60 % \(31 %–83 %\)/);
    expect(md).toMatch(/Unlikely to last \(sustained in fewer than half of the replications, even at the interval's upper end\): Bekasi Iconic/);
    expect(md).not.toMatch(/(?:Likely|Unlikely) to last[^\n]*online_permits/);
    expect(html).toContain('Cannot tell yet with 10 replications');
    const mdId = readFileSync(join(dir10, 'report.id.md'), 'utf8');
    const htmlId = readFileSync(join(dir10, 'report.id.html'), 'utf8');
    for (const text of [mdId, htmlId]) {
      expect(text).toMatch(/Belum dapat dipastikan dengan 10 replikasi apakah layanan berikut bertahan \(intervalnya memuat 50%/);
      expect(text).not.toMatch(/Lebih mungkin (?:tidak )?bertahan[^\n<]*online_permits/);
    }
  });

  test('an interval end printed as 50 % counts as including one half', () => {
    expect(lastingSide({ low: 0.503, high: 0.8 })).toBe('unsure');
    expect(lastingSide({ low: 0.506, high: 0.8 })).toBe('likely');
    expect(lastingSide({ low: 0.2, high: 0.497 })).toBe('unsure');
    expect(lastingSide({ low: 0.2, high: 0.494 })).toBe('unlikely');
    expect(lastingSide({ low: 0.5, high: 0.5 })).toBe('unsure');
  });
});

/** A share's percent and interval as the summary prints them. */
function percents(w: { p: number; low: number; high: number }): [string, string, string] {
  return [percent(w.p), percent(w.low), percent(w.high)];
}
