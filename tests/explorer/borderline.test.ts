/**
 * The explorer's comparison marks "borderline" the rows `difusi compare`'s
 * report marks (report/summary.ts borderlineRows: the interval excludes 0 at
 * its level, but not at the level adjusted for every outcome compared), by
 * the same function on the same numbers: a setting whose comparison has
 * borderline rows (Bekasi, seed 5, 20 replications, pilot take-over 0.15 →
 * 1) gives the page's rows (borderlineOf) and the report's comparison table
 * of `difusi compare` on the downloaded YAMLs the same marks. The page
 * itself is checked in chromium (borderline-page.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { executeCompare } from '../../src/jobs/compare.js';
import { parseCompare } from '../../src/store/results-read.js';
import { compareTable } from '../../src/report/report-model.js';
import { runJob, metricsOf } from '../../src/explorer/engine.js';
import { Aggregate, asWrittenRows, borderlineOf, comparePinned } from '../../src/explorer/aggregate.js';
import { applySetting, parseSource, settingYaml } from '../../src/explorer/setting.js';
import { forestChart } from '../../src/explorer/charts.js';

const BEKASI = 'scenarios/bekasi-2015-2025.yaml';

function explorerRun(text: string, overrides: Record<string, unknown>) {
  const parsed = parseSource(text, BEKASI);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const setting = applySetting(parsed.input, overrides, BEKASI);
  if (!setting.ok) throw new Error(setting.issues.map((i) => i.message).join('\n'));
  const scenario = setting.scenario;
  const agg = new Aggregate(scenario, metricsOf(scenario), scenario.replications);
  runJob({ type: 'job', job: 1, scenario, indices: Array.from({ length: scenario.replications }, (_, r) => r), detail: 0 }, (r) => agg.add(r));
  return { input: parsed.input, agg };
}

describe('borderline rows of the explorer comparison', () => {
  test('the same rows as the report of difusi compare on the downloaded YAMLs', async () => {
    const text = readFileSync(BEKASI, 'utf8');
    const common = { seed: 5, replications: 20 };
    const arms = [common, { ...common, 'parameters.takeover_vendor': 1 }];
    const [base, variant] = arms.map((o) => explorerRun(text, o));
    const rows = comparePinned(base!.agg, variant!.agg)!;
    const marks = borderlineOf(rows);
    const marked = rows.filter((_, i) => marks[i]).map((r) => r.outcome);
    // The setting has borderline rows (else the test would prove nothing), and not every row is one.
    expect(marked).toEqual(['sustained.parking-meters', 'sustained_count']);

    const dir = mkdtempSync(join(tmpdir(), 'difusi-explore-borderline-'));
    const files = arms.map((o, i) => {
      const file = join(dir, `arm${i}.yaml`);
      writeFileSync(file, settingYaml(text, [base, variant][i]!.input, o));
      return file;
    });
    const cli = await executeCompare({ scenarios: { base: files[0]!, variants: [files[1]!] }, outcomes: ['sustained.*', 'sustained_count'], outRoot: join(dir, 'out'), workers: 1, command: 'difusi compare' });
    const csv = parseCompare(readFileSync(join(cli.dir, 'compare.csv'), 'utf8'), cli.dir);
    // The page's rows as the file holds them are the file's rows (the arm's name aside).
    const named = (r: { variant: string }) => ({ ...r, variant: '' });
    expect(asWrittenRows(rows).map(named)).toEqual(csv.map(named));
    // The report's comparison table writes the word after the same rows' differences.
    const table = compareTable(csv)!;
    expect(table.rows.map((cells) => cells[5]!.endsWith(' (borderline)'))).toEqual(marks);

    // The page's forest chart (the service rows) writes the word beside the same services as its table,
    // in both languages; it marked none, where the report's forest chart marks them.
    const services = rows.map((r, i) => ({ r, mark: marks[i]! })).filter(({ r }) => r.outcome.startsWith('sustained.'));
    const forestTexts = (lang: 'en' | 'id', word: string, marked = services.map(({ mark }) => mark)) =>
      JSON.stringify(forestChart(services.map(({ r }) => r), (o) => o, lang, undefined, marked)).split(word).length - 1;
    expect(forestTexts('en', '(borderline)')).toBe(1);
    expect(forestTexts('id', '(di ambang batas)')).toBe(1);
    // The word comes from the marks (none given none): not from elsewhere in the chart.
    expect(forestTexts('en', '(borderline)', services.map(() => false))).toBe(0);
  }, 120_000);
});
