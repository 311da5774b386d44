/**
 * Session 39, the sweep and sensitivity reports at few replications (chart tester, items 1, 2, 4, 5):
 * - at -r 2 the summary's paired difference of a share had a "99.97 % interval −1938.3 pp to +1947.9 pp"
 *   and exits "−6040 to +6055": an interval wider than any difference the outcome allows is now said as
 *   "cannot tell yet ... too few replications", with no numbers past ±100 pp;
 * - the heat map's "replication noise ±300.5" (point intervals below 0 for a count): said unbounded, and
 *   the colour scale spans a share's whole range; with bounded noise the scale is no narrower than it;
 *   one decimal format per outcome in the cells; factors named as the report names them, path kept;
 * - an experiment's description quoting "50 replications per point" is followed, after -r 10, by the
 *   count this run used;
 * - the sensitivity report's table of means is named for the analysis, not "Sweep".
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runContext } from '../../src/report/charts.js';
import { quotedReplications, reportModel, sweepTable } from '../../src/report/report-model.js';
import { heatmapData, heatmapPanelSubtitle, heatmapSpec, parameterTitle } from '../../src/report/specs/heatmap.js';
import { sweepSummary } from '../../src/report/summary.js';
import { readResults } from '../../src/store/results-read.js';
import type { SweepTable } from '../../src/report/rows.js';
import { fixture, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Three points (w_peer 0.1, 0.3, 0.5), two replications each, whose paired differences disagree (t at 1 degree of freedom). */
function twoReplications(manifest: (m: Record<string, unknown>) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'difusi-sweep-small-'));
  temps.push(dir);
  const m = JSON.parse(readFileSync(join(SWEEP_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest(m);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
  const runs = ['point,replication,parameters.bass_q,parameters.w_peer,live_share,discontinuations.total'];
  const share = [
    [0.16, 0.17],
    [0.18, 0.2],
    [0.11, 0.32],
  ];
  const exits = [
    [120, 119],
    [118, 116],
    [108, 117],
  ];
  for (let p = 0; p < 3; p++) for (let r = 0; r < 2; r++) runs.push(`${p},${r},0.2,${[0.1, 0.3, 0.5][p]},${share[p]![r]},${exits[p]![r]}`);
  writeFileSync(join(dir, 'sweep.csv'), `${runs.join('\n')}\n`);
  return dir;
}

describe('sweep summary: an interval wider than the outcome allows bounds nothing', () => {
  test('English: cannot tell yet, no interval past ±100 pp', async () => {
    const results = await readResults(twoReplications());
    const text = sweepSummary(results, runContext(results, 'en'));
    const share = text.find((s) => /^services in use/i.test(s))!;
    expect(share).toContain('cannot tell yet with 2 replications per point');
    expect(share).toContain('reaches past ±100 pp (the largest difference a share allows)');
    expect(share).toContain('a paired difference of +5.0 pp');
    expect(share).not.toMatch(/interval −\d/);
    const exits = text.find((s) => /^exits/i.test(s))!;
    expect(exits).toContain('cannot tell yet with 2 replications per point');
    // From 0 to the most any replication gave (120): no difference of means can be larger.
    expect(exits).toContain('reaches past ±120');
    // The means and the difference at one rounding (the sweep table's decimals): 112.5 to 119.5, +7.0 adds up.
    expect(exits).toContain('from 112.5 (at');
    expect(exits).toContain('to 119.5 (at');
    expect(exits).toContain('a paired difference of +7.0');
  });

  test('Indonesian', async () => {
    const results = await readResults(twoReplications());
    const share = sweepSummary(results, runContext(results, 'id')).find((s) => /^layanan aktif/i.test(s))!;
    expect(share).toContain('belum dapat dipastikan dengan 2 replikasi per titik');
    expect(share).toContain('±100 pp');
    expect(share).not.toMatch(/hingga [+−]\d{3,}/);
  });
});

/** A sweep_summary.csv table of two factors with each point's interval. */
function summaryTable(cells: readonly { x: number; y: number; mean: number; ci: [number, number] }[], outcome = 'sustained.poc'): SweepTable {
  return {
    parameters: ['parameters.takeover_vendor', 'parameters.champion_rotation'],
    outcomes: [outcome],
    rows: cells.map((c, point) => ({
      point,
      replication: -1,
      n: 10,
      values: { 'parameters.takeover_vendor': c.x, 'parameters.champion_rotation': c.y, [outcome]: c.mean },
      ci: { [outcome]: c.ci },
    })),
  };
}

describe('sweep heat map: colour scale, noise, cell labels, axis titles', () => {
  test('0 against 0.1 of 10 replications is not drawn as the two ends of the scale', () => {
    const sweep = summaryTable([
      { x: 0, y: 0, mean: 0, ci: [0, 0.28] },
      { x: 1, y: 0, mean: 0.1, ci: [0.02, 0.4] },
      { x: 0, y: 1, mean: 0, ci: [0, 0.28] },
      { x: 1, y: 1, mean: 0.06, ci: [0.01, 0.35] },
    ]);
    const p = heatmapData({ sweep }).panels[0]!;
    const noise = p.noise!;
    expect(p.domain[1] - p.domain[0]).toBeGreaterThanOrEqual(2 * noise - 1e-12);
    expect(p.domain[0]).toBeGreaterThanOrEqual(0);
    expect(p.why).toBe('noise');
    // One format per outcome: "0.0", "10.0", "6.0" (not "0", "10", "6"); a share in percent, as its legend
    // and subtitle (the cells read "0.100" beside a legend of "10.0 %").
    expect(p.values.map((v) => v['label']).sort()).toEqual(['0.0', '0.0', '10.0', '6.0']);
    expect(heatmapPanelSubtitle(p)).toContain("the cells' range widened to the replication noise");
    const spec = JSON.stringify(heatmapSpec({ sweep }));
    expect(spec).toContain(`"domain":[${p.domain[0]},${p.domain[1]}]`);
  });

  test('an interval past the outcome\'s range: the noise is said unbounded, a share spans 0 to 100 %', () => {
    const sweep = summaryTable(
      [
        { x: 0, y: 0, mean: 0.18, ci: [-0.33, 0.69] },
        { x: 1, y: 0, mean: 0.21, ci: [-0.3, 0.72] },
        { x: 0, y: 1, mean: 0.16, ci: [-0.35, 0.67] },
        { x: 1, y: 1, mean: 0.19, ci: [-0.32, 0.7] },
      ],
      'live_share',
    );
    const p = heatmapData({ sweep }).panels[0]!;
    expect(p.unbounded).toBe(true);
    expect(p.domain).toEqual([0, 1]);
    const sub = heatmapPanelSubtitle(p);
    expect(sub).toContain('replication noise unbounded: too few replications');
    expect(sub).not.toMatch(/±\d/);
    expect(sub).toContain("colour 0.0 % to 100.0 % (a share's whole range)");
    const counts = summaryTable(
      [
        { x: 0, y: 0, mean: 115.5, ci: [-170.4, 401.4] },
        { x: 1, y: 0, mean: 112.5, ci: [-150, 375] },
      ],
      'discontinuations.total',
    );
    const c = heatmapData({ sweep: counts }).panels[0]!;
    expect(c.unbounded).toBe(true);
    expect(heatmapPanelSubtitle(c)).not.toContain('±');
    expect(heatmapPanelSubtitle(c)).toContain('cells 112.5 to 115.5: a spread of 3.0');
  });

  test('axis titles: the factor as the report names it, the path in parentheses', () => {
    expect(parameterTitle('parameters.takeover_vendor')).toBe('takeover_vendor (probability) (parameters.takeover_vendor)');
    expect(parameterTitle('takeover_vendor')).toBe('takeover_vendor (probability)');
  });
});

describe('report text of a sweep or sensitivity analysis', () => {
  const withExperiment = (command: string, extra: Record<string, unknown> = {}) =>
    twoReplications((m) => {
      m['experiment'] = { name: 'mini-sweep', file: 'experiments/mini.yaml', description: 'A grid, 50 replications per point.', description_id: 'Sebuah grid, 50 replikasi per titik.' };
      m['command'] = command;
      m['replications'] = 2;
      Object.assign(m, extra);
    });

  test('a description quoting another count than the run\'s is followed by the run\'s, in both languages', async () => {
    // The command is not read: a folder merged from shards has the merge's command, and says the same.
    const results = await readResults(withExperiment('difusi merge a.shard-0-of-2 a.shard-1-of-2'));
    expect(reportModel(results, [], 'en').description).toBe('A grid, 50 replications per point. This run: 2 replications per point (the description says 50).');
    expect(reportModel(results, [], 'id').description).toBe('Sebuah grid, 50 replikasi per titik. Proses ini: 2 replikasi per titik (deskripsi menyebut 50).');
    // The file's own count run: nothing added.
    const same = await readResults(withExperiment('difusi sweep experiments/mini.yaml -q', { replications: 50 }));
    expect(reportModel(same, [], 'en').description).toBe('A grid, 50 replications per point.');
  });

  test('the counts a description quotes', () => {
    expect(quotedReplications('a grid, 50 replications per point; 1 replication of the base')).toEqual([50, 1]);
    expect(quotedReplications('Sebuah grid, 1.000 replikasi per titik')).toEqual([1000]);
    expect(quotedReplications('no count here, 4 points')).toEqual([]);
  });

  test('the sensitivity report\'s table of means is named for the analysis', async () => {
    const sweep = await fixture(SWEEP_DIR);
    expect(sweepTable(sweep)?.title).toBe('Sweep: mean outcomes per design point');
    const dir = twoReplications((m) => {
      m['kind'] = 'sensitivity';
    });
    cpSync(join(SENSITIVITY_DIR, 'morris.csv'), join(dir, 'morris.csv'));
    const sensitivity = await readResults(dir);
    expect(sweepTable(sensitivity)?.title).toBe('Sensitivity analysis: mean outcomes per design point');
  });
});
