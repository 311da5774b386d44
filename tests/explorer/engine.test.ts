/**
 * Same engine, same numbers: a setting run through the explorer's worker
 * code (run here in Node) and its downloaded YAML run with `difusi run`
 * (executeRun, the command's library call) give the same outcome table,
 * replication by replication; and the explorer's import graph needs no node:
 * module (it is bundled for the browser).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { executeRun } from '../../src/jobs/run.js';
import { executeCompare } from '../../src/jobs/compare.js';
import { readOutcomeTally } from '../../src/store/results-read.js';
import { runJob, metricsOf, networkOf } from '../../src/explorer/engine.js';
import { Aggregate, comparePinned } from '../../src/explorer/aggregate.js';
import { applySetting, parseSource, reproduces, settingYaml } from '../../src/explorer/setting.js';

const BEKASI = 'scenarios/bekasi-2015-2025.yaml';

function explorerRun(text: string, file: string, overrides: Record<string, unknown>) {
  const parsed = parseSource(text, file);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const setting = applySetting(parsed.input, overrides, file);
  if (!setting.ok) throw new Error(setting.issues.map((i) => i.message).join('\n'));
  const scenario = setting.scenario;
  const agg = new Aggregate(scenario, metricsOf(scenario), scenario.replications);
  // Two "workers" take interleaved indices and report out of order, as in the page.
  const indices = Array.from({ length: scenario.replications }, (_, r) => r);
  const results: Parameters<Aggregate['add']>[0][] = [];
  for (const part of [indices.filter((r) => r % 2 === 1), indices.filter((r) => r % 2 === 0)]) {
    runJob({ type: 'job', job: 1, scenario, indices: part, detail: 10 }, (r) => results.push(r));
  }
  for (const r of results) agg.add(r);
  return { parsed, scenario, agg };
}

describe('explorer engine path', () => {
  test('a setting and its downloaded YAML give the same outcome table as difusi run', async () => {
    const text = readFileSync(BEKASI, 'utf8');
    const overrides = {
      'parameters.takeover_vendor': 0.7,
      'regulations[id=perda-02-2020].requires_budget_line': false,
      'leaders[id=acting-mayor-tri-adhianto].from': '2021-06',
      seed: 4242,
      replications: 16,
    };
    const { parsed, scenario, agg } = explorerRun(text, BEKASI, overrides);
    expect(agg.done).toBe(true);
    const yaml = settingYaml(text, parsed.ok ? parsed.input : null, overrides);
    expect(yaml).toContain('takeover_vendor: 0.7');
    expect(yaml).toContain('Sources for every dated fact');
    expect(reproduces(yaml, 'setting.yaml', scenario)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'difusi-explore-'));
    const file = join(dir, 'setting.yaml');
    writeFileSync(file, yaml);
    const run = await executeRun({ file, outRoot: join(dir, 'out'), workers: 1, command: 'difusi run setting.yaml' });
    expect(run.scenario.seed).toBe(4242);
    expect(run.replications).toBe(16);
    const cli = (await readOutcomeTally(run.dir))!.shares();
    expect(agg.shares()).toEqual(cli);

    // The lever moved the answer: the base setting differs for the pilots.
    const base = explorerRun(text, BEKASI, { seed: 4242, replications: 16 }).agg;
    expect(JSON.stringify(base.shares())).not.toEqual(JSON.stringify(agg.shares()));
    const rows = comparePinned(base, agg)!;
    // Each service's chance to be sustained, and (since the headline question is "how many more services") the number sustained.
    expect(rows.map((r) => r.outcome)).toEqual([...scenario.innovations.map((i) => `sustained.${i.id}`), 'sustained_count']);
    const count = rows.find((r) => r.outcome === 'sustained_count')!;
    expect(count.diff_mean).toBeCloseTo(rows.filter((r) => r.outcome !== 'sustained_count').reduce((sum, r) => sum + r.diff_mean, 0), 12);
    expect(agg.sustainedCount().mean).toBeCloseTo(count.variant_mean, 12);
    for (const r of rows.filter((r) => r.outcome !== 'sustained_count')) {
      const b = base.shares().find((s) => `sustained.${s.innovation}` === r.outcome)!;
      const v = agg.shares().find((s) => `sustained.${s.innovation}` === r.outcome)!;
      expect(r.diff_mean).toBeCloseTo(v.shares.sustained.p - b.shares.sustained.p, 12);
    }
    // A baseline run with other replications cannot be paired.
    expect(comparePinned(explorerRun(text, BEKASI, { seed: 4242, replications: 8 }).agg, agg)).toBeNull();
  }, 60_000);

  test('the comparison of two settings is the one difusi compare prints, sustained_count included', async () => {
    const text = readFileSync(BEKASI, 'utf8');
    const common = { seed: 77, replications: 12 };
    const base = explorerRun(text, BEKASI, common);
    const variant = explorerRun(text, BEKASI, { ...common, 'parameters.takeover_vendor': 1 });
    const rows = comparePinned(base.agg, variant.agg)!;
    const dir = mkdtempSync(join(tmpdir(), 'difusi-explore-compare-'));
    const files = [base, variant].map((arm, i) => {
      const file = join(dir, `arm${i}.yaml`);
      writeFileSync(file, settingYaml(text, arm.parsed.ok ? arm.parsed.input : null, i === 0 ? common : { ...common, 'parameters.takeover_vendor': 1 }));
      return file;
    });
    const cli = await executeCompare({ scenarios: { base: files[0]!, variants: [files[1]!] }, outcomes: ['sustained.*', 'sustained_count'], outRoot: join(dir, 'out'), workers: 1, command: 'difusi compare' });
    const strip = (r: (typeof rows)[number]) => ({ ...r, variant: '' });
    expect(rows.map(strip)).toEqual(cli.rows.map(strip));
    expect(rows.at(-1)!.outcome).toBe('sustained_count');
    // The baseline compared with itself: [0, 0] for every outcome, as difusi compare gives for an arm of the base's
    // own scenario; a service the lever changes in no replication keeps Newcombe's interval around 0.
    const again = explorerRun(text, BEKASI, common);
    for (const r of comparePinned(base.agg, again.agg)!) expect([r.diff_mean, r.diff_ci_low, r.diff_ci_high], r.outcome).toEqual([0, 0, 0]);
    const untouched = rows.filter((r) => r.outcome.startsWith('sustained.') && r.diff_mean === 0 && r.correlation === 1);
    expect(untouched.length).toBeGreaterThan(0);
    for (const r of untouched) expect(r.diff_ci_high, r.outcome).toBeGreaterThan(0);
  }, 60_000);

  test('the network view is the network of that replication (pure function of the seed)', () => {
    const parsed = parseSource(readFileSync(BEKASI, 'utf8'), BEKASI);
    if (!parsed.ok) throw new Error('bekasi invalid');
    const a = networkOf(parsed.scenario, 3);
    expect(a.opds).toHaveLength(43);
    expect(networkOf(parsed.scenario, 3)).toEqual(a);
    expect(networkOf(parsed.scenario, 4).edges).not.toEqual(a.edges);
    // The coordinator is the hub: linked to every other agency.
    const hub = a.opds.findIndex((o) => o.coordinator);
    expect(a.edges.filter(([i, j]) => i === hub || j === hub)).toHaveLength(42);
  });

  test('a bad lever path in a pasted YAML is an error at its line; a lever naming a list entry the scenario lacks is left out', () => {
    const text = readFileSync(BEKASI, 'utf8').replace('path: budget_shocks[0].factor', 'path: budget_shocks[0].facter');
    const r = parseSource(text, 'pasted.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('budget_shocks[0].facter')) + 1;
    expect(r.issues[0]).toMatchObject({ code: 'lever_path_missing', file: 'pasted.yaml', line, path: ['levers', 4, 'path'] });
    // budget_shocks[2] (Bekasi has one shock) was an error too: a what-if that removes an entry was refused (NEW19 item 2).
    const dangling = parseSource(readFileSync(BEKASI, 'utf8').replace('path: budget_shocks[0].factor', 'path: budget_shocks[2].factor'), 'pasted.yaml');
    expect(dangling.ok).toBe(true);
  });

  test('the browser bundle of the engine, scenario parsing and chart specs imports no node: module', async () => {
    const result = await build({
      entryPoints: ['src/explorer/worker.ts', 'src/explorer/app.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      outdir: 'out',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || /(^|\/)(fs|path|crypto|worker_threads|os)$/.test(i))).toEqual([]);
    expect(inputs).toContain('src/model/simulate.ts');
  }, 30_000);
});
