import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareArms, formatCompareTable } from '../../src/experiment/compare.js';
import { relativePercent } from '../../src/report/format.js';
import { COMPARE } from '../../src/store/tables.js';
const COMPARE_COLUMNS = COMPARE.columns;
import { resolveOutcomes } from '../../src/experiment/outcomes.js';
import { bonferroniLevel, newcombePaired, pairedDifference, tCritical, wilson } from '../../src/experiment/stats/index.js';
import { sampleMoments } from '../../src/experiment/stats/moments.js';
import { readArmOutcomes } from '../../src/store/arm-outcomes.js';
import { executeCompare, type CompareResult } from '../../src/jobs/compare.js';
import { executeRun } from '../../src/jobs/run.js';
import { DATA_FILES } from '../../src/store/run-folder.js';
import { filesOf, fixture, tempRoot } from './helpers.js';

const out = tempRoot('compare');
afterAll(out.cleanup);

let result: CompareResult;
beforeAll(async () => {
  result = await executeCompare({ experiment: fixture('crn.yaml'), outRoot: out.dir, workers: 1, command: 'test' });
});

const row = (variant: string, outcome: string) => {
  const r = result.rows.find((x) => x.variant === variant && x.outcome === outcome);
  if (r === undefined) throw new Error(`no row ${variant} ${outcome}`);
  return r;
};

describe('difusi compare with common random numbers', () => {
  it("a variant of the base's own scenario gives differences of exactly 0 with interval [0, 0]", () => {
    const rows = result.rows.filter((r) => r.variant === 'unchanged');
    expect(rows.length).toBe(4);
    for (const r of rows) {
      expect([r.diff_mean, r.diff_ci_low, r.diff_ci_high], `unchanged ${r.outcome}`).toEqual([0, 0, 0]);
      expect(r.variant_mean).toBe(r.base_mean);
    }
  });

  it("a variant of another scenario whose pairs never differ: [0, 0] for a measured outcome, Newcombe's interval around 0 for a share of replications", () => {
    // same-value sets a parameter to its default: another scenario hash than the base's (manifest.json), the same
    // replications. A 0/1 outcome that no pair changes does not show that the variant cannot change it.
    const rows = result.rows.filter((r) => r.variant === 'same-value');
    expect(rows.length).toBe(4);
    for (const r of rows) {
      expect(r.diff_mean, r.outcome).toBe(0);
      expect(r.variant_mean).toBe(r.base_mean);
      if (!r.outcome.startsWith('sustained.')) {
        expect([r.diff_ci_low, r.diff_ci_high], r.outcome).toEqual([0, 0]);
        continue;
      }
      const ones = Math.round(r.base_mean * r.n);
      const expected = newcombePaired({ both: ones, variantOnly: 0, baseOnly: 0, neither: r.n - ones }, r.level);
      expect([r.diff_ci_low, r.diff_ci_high], r.outcome).toEqual([expected.low, expected.high]);
      expect(r.diff_ci_low).toBeLessThan(0);
      expect(r.diff_ci_high).toBeGreaterThan(0);
    }
  });

  it("compare.csv's difference interval of a 0/1 outcome is Newcombe's for paired proportions at the Bonferroni level (the paired t interval for the others)", async () => {
    const text = readFileSync(join(result.dir, 'compare.csv'), 'utf8').trim().split('\n');
    const outcomes = resolveOutcomes(['sustained.*', 'live_share'], { metrics: ['live_share'], innovations: ['vendor-pilot', 'e-office'] });
    if (!outcomes.ok) throw new Error('outcomes');
    const [baseValues, variantValues] = await Promise.all(['base', 'no-pilot-end'].map((arm) => readArmOutcomes(join(result.dir, 'arms', arm), outcomes.outcomes)));
    const level = bonferroniLevel(0.95, 3);
    const csvNumber = (x: number) => String(Number(x.toPrecision(12)));
    outcomes.outcomes.forEach((o, k) => {
      const line = text.find((l) => l.startsWith(`${o.name},no-pilot-end,`))!.split(',');
      const cell = (c: string) => line[COMPARE_COLUMNS.indexOf(c)];
      const b = baseValues![k]!;
      const v = variantValues![k]!;
      const t = pairedDifference(b, v, level);
      if (o.kind !== 'binary') {
        expect([cell('diff_ci_low'), cell('diff_ci_high')], o.name).toEqual([csvNumber(t.diff_ci_low), csvNumber(t.diff_ci_high)]);
        return;
      }
      // The 2x2 table counted here, and Newcombe's method 10 written out (Wilson limits at the same level).
      let e = 0, f = 0, g = 0, h = 0;
      for (let r = 0; r < b.length; r++) {
        if (b[r] === 1 && v[r] === 1) e++;
        else if (v[r] === 1) f++;
        else if (b[r] === 1) g++;
        else h++;
      }
      const n = e + f + g + h;
      const w1 = wilson(e + f, n, level);
      const w2 = wilson(e + g, n, level);
      const margins = (e + f) * (g + h) * (e + g) * (f + h);
      const a = e * h - f * g;
      const phi = margins === 0 ? 0 : a > n / 2 ? (a - n / 2) / Math.sqrt(margins) : a >= 0 ? 0 : a / Math.sqrt(margins);
      const [p1, p2] = [(e + f) / n, (e + g) / n];
      const low = p1 - p2 - Math.sqrt((p1 - w1.low) ** 2 - 2 * phi * (p1 - w1.low) * (w2.high - p2) + (w2.high - p2) ** 2);
      const high = p1 - p2 + Math.sqrt((w1.high - p1) ** 2 - 2 * phi * (w1.high - p1) * (p2 - w2.low) + (p2 - w2.low) ** 2);
      expect([cell('diff_ci_low'), cell('diff_ci_high')], o.name).toEqual([csvNumber(low), csvNumber(high)]);
      expect(cell('level')).toBe(csvNumber(level));
      // Not the paired t interval (what compare.csv held before).
      if (f + g > 0) expect(Number(cell('diff_ci_low')), o.name).not.toBeCloseTo(t.diff_ci_low, 6);
    });
    expect(text.some((l) => l.startsWith('sustained.vendor-pilot,no-pilot-end,'))).toBe(true);
  });

  it('writes compare.csv: one row per outcome and variant, Bonferroni level for 3 variants', () => {
    const text = readFileSync(join(result.dir, 'compare.csv'), 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(COMPARE_COLUMNS.join(','));
    expect(lines.length - 1).toBe(4 * 3);
    expect(result.rows.every((r) => r.level === bonferroniLevel(0.95, 3))).toBe(true);
    const unchanged = lines.find((l) => l.startsWith('live_share,unchanged,'))!.split(',');
    const cell = (c: string) => unchanged[COMPARE_COLUMNS.indexOf(c)];
    expect([cell('diff_mean'), cell('diff_ci_low'), cell('diff_ci_high'), cell('relative_change')]).toEqual(['0', '0', '0', '0']);
    const manifest = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8')) as { kind: string; arms: { folder: string }[] };
    expect(manifest.kind).toBe('compare');
    expect(manifest.arms.map((a) => a.folder)).toEqual(['arms/base', 'arms/unchanged', 'arms/same-value', 'arms/no-pilot-end']);
  });

  it('arm intervals of a share of replications are Wilson intervals', () => {
    const r = row('no-pilot-end', 'sustained.vendor-pilot');
    expect(r.base_ci_low).toBeGreaterThanOrEqual(0);
    expect(r.variant_ci_high).toBeLessThanOrEqual(1);
    expect(r.base_ci_low).toBeLessThan(r.base_mean);
  });

  it('a variant that matters (no pilot end) has a difference interval excluding 0, narrower than unpaired runs give', async () => {
    const r = row('no-pilot-end', 'live_share');
    expect(r.diff_ci_low).toBeGreaterThan(0);
    expect(Number.isFinite(r.correlation)).toBe(true);
    expect(r.correlation).toBeGreaterThan(0.3);
    expect(r.unpaired_ratio).toBeGreaterThan(1.5);

    // The same variant run on independent random numbers (another seed).
    const outcomes = resolveOutcomes(['live_share'], { metrics: ['live_share'], innovations: [] });
    if (!outcomes.ok) throw new Error('live_share');
    const independent = await executeRun({
      file: fixture('pilot.yaml'),
      overrides: { 'innovations[id=vendor-pilot].pilot_months': 600, 'vendors[id=vendor].contract_end': null, seed: 9_999, replications: 30 },
      outRoot: join(out.dir, 'unpaired'),
      workers: 1,
      command: 'test',
    });
    const [variant] = await readArmOutcomes(independent.dir, outcomes.outcomes);
    const [base] = await readArmOutcomes(join(result.dir, 'arms', 'base'), outcomes.outcomes);
    const b = sampleMoments(base!);
    const v = sampleMoments(variant!);
    const n = 30;
    const unpairedHalfWidth = tCritical(r.level, 2 * n - 2) * Math.sqrt(b.variance / n + v.variance / n);
    const pairedHalfWidth = (r.diff_ci_high - r.diff_ci_low) / 2;
    expect(pairedHalfWidth).toBeLessThan(unpairedHalfWidth);
    console.log(
      `no-pilot-end, live_share, R = 30: paired CI half-width ${pairedHalfWidth.toFixed(4)} (r = ${r.correlation.toFixed(2)}), ` +
        `unpaired ${unpairedHalfWidth.toFixed(4)}; unpaired runs would need about ${r.unpaired_ratio.toFixed(1)}x the replications`,
    );
  });

  it('gives the same bytes for any worker count', async () => {
    const other = tempRoot('compare-w2');
    try {
      const two = await executeCompare({ experiment: fixture('crn.yaml'), outRoot: other.dir, workers: 2, command: 'test' });
      expect(two.dir.slice(other.dir.length)).toBe(result.dir.slice(out.dir.length));
      expect(filesOf(two.dir, ['compare.csv'])).toEqual(filesOf(result.dir, ['compare.csv']));
      for (const arm of ['base', 'no-pilot-end']) {
        expect(filesOf(join(two.dir, 'arms', arm), DATA_FILES)).toEqual(filesOf(join(result.dir, 'arms', arm), DATA_FILES));
      }
    } finally {
      other.cleanup();
    }
  });

  /** A comparison stopped by an error in its second arm, as a killed job leaves it. */
  async function interruptInSecondArm(options: { experiment: string; outRoot: string; command: string }): Promise<void> {
    let calls = 0;
    await expect(
      executeCompare({
        ...options,
        workers: 1,
        onProgress: (done) => {
          if (done > 0 && ++calls === 45) throw new Error('killed'); // in the second arm
        },
      }),
    ).rejects.toThrow('killed');
  }

  it('resumes an interrupted comparison to the same bytes', async () => {
    const other = tempRoot('compare-resume');
    try {
      const options = { experiment: fixture('crn.yaml'), outRoot: other.dir, command: 'test' };
      await interruptInSecondArm(options);
      const resumed = await executeCompare({ ...options, workers: 2, resume: true });
      expect(filesOf(resumed.dir, ['compare.csv'])).toEqual(filesOf(result.dir, ['compare.csv']));
      expect(filesOf(join(resumed.dir, 'arms', 'unchanged'), DATA_FILES)).toEqual(filesOf(join(result.dir, 'arms', 'unchanged'), DATA_FILES));
    } finally {
      other.cleanup();
    }
  });

  it('says what a rerun without --resume discards of an interrupted comparison (finished arms, replications), and still gives the same bytes', async () => {
    const other = tempRoot('compare-discard');
    try {
      const options = { experiment: fixture('crn.yaml'), outRoot: other.dir, command: 'test' };
      await interruptInSecondArm(options);
      const warnings: string[] = [];
      const again = await executeCompare({ ...options, workers: 1, onWarning: (where, w) => warnings.push(`${where}: ${w}`) });
      const said = warnings.filter((w) => w.includes('interrupted earlier comparison'));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/discarded 1 finished arm and \d+ replications? of an unfinished arm of an interrupted earlier comparison \(--resume keeps them\)/);
      expect(said[0]).toContain('.partial');
      expect(filesOf(again.dir, ['compare.csv'])).toEqual(filesOf(result.dir, ['compare.csv']));
      // Nothing left to discard the next time: said once, not on every run.
      const later: string[] = [];
      await executeCompare({ ...options, workers: 1, onWarning: (where, w) => later.push(`${where}: ${w}`) });
      expect(later.filter((w) => w.includes('interrupted earlier comparison'))).toEqual([]);
    } finally {
      other.cleanup();
    }
  });

  it('the discard note counts every unfinished arm (a --precision comparison grows all arms at once)', async () => {
    const { discardPartial } = await import('../../src/jobs/compare.js');
    const other = tempRoot('compare-discard-arms');
    try {
      const partial = join(other.dir, '.k.partial');
      const write = (dir: string, lines: number) => {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'records.jsonl'), '{"r":0}\n'.repeat(lines));
      };
      mkdirSync(join(partial, 'arms', 'base'), { recursive: true });
      write(join(partial, 'work', 'a', 'x', '.key.partial'), 2);
      write(join(partial, 'work', 'b', 'y', '.key.partial'), 3);
      const said: string[] = [];
      discardPartial(partial, { onWarning: (_where, w) => said.push(w) });
      expect(said).toEqual(['discarded 1 finished arm and 5 replications of 2 unfinished arms of an interrupted earlier comparison (--resume keeps them)']);
      expect(existsSync(partial)).toBe(false);
    } finally {
      other.cleanup();
    }
  });

  it('run in 3 shards and merged, gives the same bytes as on one machine', async () => {
    const other = tempRoot('compare-shards');
    try {
      const options = { experiment: fixture('crn.yaml'), outRoot: other.dir, workers: 1, command: 'test' };
      // Shards in any order; each writes <key>.shard-i-of-3 with every arm.
      for (const index of [2, 0, 1]) {
        const part = await executeCompare({ ...options, shard: { index, count: 3 } });
        expect(part.shard).toEqual({ index, count: 3 });
        expect(part.dir.endsWith(`.shard-${index}-of-3`)).toBe(true);
        expect(part.rows).toEqual([]);
      }
      const merged = await executeCompare({ ...options, merge: true });
      expect(merged.dir.slice(other.dir.length)).toBe(result.dir.slice(out.dir.length));
      expect(merged.rows).toEqual(result.rows);
      // No shard, as the comparison one machine writes; the merge is recorded in the timings.
      const manifest = JSON.parse(readFileSync(join(merged.dir, 'manifest.json'), 'utf8')) as { shard: unknown; timings: { merged_parts?: number } };
      expect(manifest.shard).toBeNull();
      expect(manifest.timings.merged_parts).toBe(3);
      const arm = JSON.parse(readFileSync(join(merged.dir, 'arms', 'base', 'manifest.json'), 'utf8')) as typeof manifest;
      expect(arm.shard).toBeNull();
      expect(arm.timings.merged_parts).toBe(3);
      expect(filesOf(merged.dir, ['compare.csv'])).toEqual(filesOf(result.dir, ['compare.csv']));
      for (const arm of ['base', 'unchanged', 'same-value', 'no-pilot-end']) {
        expect(filesOf(join(merged.dir, 'arms', arm), DATA_FILES)).toEqual(filesOf(join(result.dir, 'arms', arm), DATA_FILES));
      }
    } finally {
      other.cleanup();
    }
  });

  it('merging with a shard missing names it; --precision cannot be sharded', async () => {
    const other = tempRoot('compare-shards-missing');
    try {
      const options = { experiment: fixture('crn.yaml'), outRoot: other.dir, workers: 1, command: 'test' };
      await expect(executeCompare({ ...options, merge: true })).rejects.toThrow(/--merge/);
      const shards = [];
      for (const index of [0, 2]) shards.push(await executeCompare({ ...options, shard: { index, count: 3 } }));
      await expect(executeCompare({ ...options, merge: true })).rejects.toThrow(/replications are missing .*; run shard 1\/3/);
      // A shard without one of its arms: named, and nothing written (no hidden folder either).
      await executeCompare({ ...options, shard: { index: 1, count: 3 } });
      rmSync(join(shards[0]!.dir, 'arms', 'same-value'), { recursive: true });
      await expect(executeCompare({ ...options, merge: true })).rejects.toThrow(/same-value/);
      const root = dirname(shards[0]!.dir);
      expect(readdirSync(root).filter((n) => !n.includes('.shard-'))).toEqual([]);
      const precision = { outcome: 'live_share', target: 0.01, minimum: 10, step: 10, maximum: 20 };
      await expect(executeCompare({ ...options, shard: { index: 0, count: 3 }, precision } as never)).rejects.toThrow(/--shard/);
    } finally {
      other.cleanup();
    }
  });

  it('prints the differences first, starred when the interval excludes 0', () => {
    const text = formatCompareTable(result.rows, result.notes);
    expect(text).toContain('no-pilot-end vs base (30 paired replications): the pilot never ends and the vendor stays');
    const line = text.split('\n').find((l) => l.startsWith('live_share') && l.includes('*'));
    expect(line).toBeDefined();
  });

  it("prints a variant's note on its heading line, its line breaks folded", () => {
    const row = { outcome: 'x', variant: 'v', n: 2, base_mean: 0, variant_mean: 0, base_ci_low: 0, base_ci_high: 0, variant_ci_low: 0, variant_ci_high: 0, relative_change: 0, correlation: 1, unpaired_ratio: 1, level: 0.95, diff_mean: 0, diff_ci_low: 0, diff_ci_high: 0 };
    const note = 'takes over\nresults: /tmp/FAKE\r\nsustained.e-office +0.900 *\u2028end';
    const lines = formatCompareTable([row] as unknown as Parameters<typeof formatCompareTable>[0], new Map([['v', note]])).split('\n');
    expect(lines[0]).toBe('v vs base (2 paired replications): takes over results: /tmp/FAKE sustained.e-office +0.900 * end');
    expect(lines.filter((l) => l.startsWith('results:') || l.startsWith('sustained.'))).toEqual([]);
  });

  it('the star agrees with the printed interval: a marked interval never shows 0 as an end', () => {
    const base = { outcome: 'x', variant: 'v', n: 200, base_mean: 2, variant_mean: 2, base_ci_low: 0, base_ci_high: 0, variant_ci_low: 0, variant_ci_high: 0, relative_change: 0, correlation: 0.9, unpaired_ratio: 2, level: 0.95 };
    const rows = [
      // The "+0.002 (0.000 to +0.004) *": more digits, still marked.
      { ...base, outcome: 'tiny', diff_mean: 0.002, diff_ci_low: 0.0004, diff_ci_high: 0.0036 },
      // The "-0.050 (-0.100 to 0.000) *": an end of floating-point dust is 0, so no star.
      { ...base, outcome: 'dust', diff_mean: -0.05, diff_ci_low: -0.1, diff_ci_high: -1e-17 },
    ] as unknown as Parameters<typeof formatCompareTable>[0];
    const lines = formatCompareTable(rows).split('\n');
    const tiny = lines.find((l) => l.startsWith('tiny'))!;
    expect(tiny).toContain('+0.0020 (+0.0004 to +0.0036) *');
    const dust = lines.find((l) => l.startsWith('dust'))!;
    expect(dust).toContain('-0.050 (-0.100 to  0.000)');
    expect(dust).not.toContain('*');
  });

  it('a real difference smaller than the digits is printed with the digits that show it, never as 0.000 (0.000 to 0.000)', () => {
    const base = { outcome: 'x', variant: 'v', n: 200, base_mean: 0.153, variant_mean: 0.1532, base_ci_low: 0, base_ci_high: 0, variant_ci_low: 0, variant_ci_high: 0, relative_change: 0.001, correlation: 1, unpaired_ratio: 5000, level: 0.95 };
    const rows = [
      // A live-share gain of +0.0002 (-0.0001 to +0.0005): the interval holds 0, so no star, but no end is printed as 0.
      { ...base, outcome: 'small', diff_mean: 0.0002, diff_ci_low: -0.0001, diff_ci_high: 0.0005 },
      // -0.030 (-0.062 to +0.00003): only the upper end needs more digits.
      { ...base, outcome: 'edge', diff_mean: -0.03, diff_ci_low: -0.062, diff_ci_high: 0.00003 },
      // Dust beside a real end: the dust stays 0, the real end is shown.
      { ...base, outcome: 'mixed', diff_mean: 0.0001, diff_ci_low: -1e-17, diff_ci_high: 0.0002 },
    ] as unknown as Parameters<typeof formatCompareTable>[0];
    const lines = formatCompareTable(rows).split('\n');
    expect(lines.find((l) => l.startsWith('small'))).toContain('+0.0002 (-0.0001 to +0.0005)  ');
    expect(lines.find((l) => l.startsWith('edge'))).toContain('-0.03000 (-0.06200 to +0.00003)  ');
    expect(lines.find((l) => l.startsWith('mixed'))).toContain('+0.0001 ( 0.0000 to +0.0002)  ');
    expect(lines.join('\n')).not.toMatch(/ 0\.000 \( 0\.000 to  0\.000\)/);
  });
});

describe('compareArms', () => {
  it('pairs by replication and adjusts the level for several variants', () => {
    const outcomes = [{ name: 'x', kind: 'metric' as const }];
    const base = { name: 'base', values: [Float64Array.from([1, 2, 3, 4])] };
    const rows = compareArms(outcomes, base, [
      { name: 'a', values: [Float64Array.from([2, 3, 4, 5])] },
      { name: 'b', values: [Float64Array.from([1, 2, 3, 4])] },
    ]);
    expect(rows.map((r) => [r.variant, r.diff_mean, r.diff_ci_low, r.diff_ci_high, r.level])).toEqual([
      ['a', 1, 1, 1, 0.975],
      ['b', 0, 0, 0, 0.975],
    ]);
    expect(rows[0]!.correlation).toBe(1);
  });

  it("a 0/1 outcome's difference: Newcombe's interval at the Bonferroni level; [0, 0] only for an arm of the base's own scenario", () => {
    const outcomes = [{ name: 'sustained.x', kind: 'binary' as const }];
    const ones = (k: number, n = 40) => Float64Array.from({ length: n }, (_, r) => (r < k ? 1 : 0));
    const base = { name: 'base', scenario: 'hash-base', values: [ones(5)] };
    const rows = compareArms(outcomes, base, [
      { name: 'same', scenario: 'hash-base', values: [ones(5)] },
      { name: 'other', scenario: 'hash-other', values: [ones(5)] },
      { name: 'unknown', values: [ones(5)] },
      { name: 'more', scenario: 'hash-more', values: [ones(8)] },
    ]);
    const level = bonferroniLevel(0.95, 4);
    expect(rows.every((r) => r.level === level)).toBe(true);
    const [same, other, unknown, more] = rows;
    expect([same!.diff_ci_low, same!.diff_ci_high]).toEqual([0, 0]);
    const none = newcombePaired({ both: 5, variantOnly: 0, baseOnly: 0, neither: 35 }, level);
    for (const r of [other!, unknown!]) {
      expect([r.diff_mean, r.diff_ci_low, r.diff_ci_high], r.variant).toEqual([0, none.low, none.high]);
      expect(r.diff_ci_low).toBeLessThan(0);
    }
    const three = newcombePaired({ both: 5, variantOnly: 3, baseOnly: 0, neither: 32 }, level);
    expect([more!.diff_ci_low, more!.diff_ci_high]).toEqual([three.low, three.high]);
    // Not the paired t interval of the same pairs.
    expect(more!.diff_ci_low).not.toBeCloseTo(pairedDifference(ones(5), ones(8), level).diff_ci_low, 6);
  });
});

describe('the terminal\'s relative column', () => {
  // The report's rule (report/format.ts relativePercent): whole percents from 10 % up, one decimal below, "+<0.1"
  // for a change that rounds to 0.0. The terminal rounded to whole percents: -10 % beside the report's -9.9 %, and
  // 0 % beside a change marked * (bekasi-perda-budget-line's discontinuations.total, +0.35 (+0.23 to +0.48) *).
  // The base's interval is a real one (90 to 100): an interval that includes 0 withholds the relative change (report/format.ts relativeWithheld).
  const base = { variant: 'v', n: 200, base_mean: 95, variant_mean: 95, base_ci_low: 90, base_ci_high: 100, variant_ci_low: 0, variant_ci_high: 0, correlation: 0.9, unpaired_ratio: 2, level: 0.95 };
  const cases: [number, string][] = [
    [-0.098535286285, '-9.9%'],
    [-0.0341345395256, '-3.4%'],
    [0.00682926829269, '+0.7%'],
    [0.0037, '+0.4%'],
    [0.0004, '+<0.1%'],
    [-0.0004, '-<0.1%'],
    [0.255102040816, '+26%'],
    [0, '0%'],
  ];
  const rows = cases.map(([rel], i) => ({ ...base, outcome: `o${i}`, diff_mean: 0.35, diff_ci_low: 0.23, diff_ci_high: 0.48, relative_change: rel })) as unknown as Parameters<typeof formatCompareTable>[0];
  const relative = (text: string, i: number) => text.split('\n').find((l) => l.startsWith(`o${i} `))!.split(/\s{2,}/)[2]!.trim();

  it('gives the report\'s digits, never 0 % for a change that is not 0', () => {
    const text = formatCompareTable(rows);
    cases.forEach(([rel, expected], i) => {
      expect(relative(text, i), String(rel)).toBe(expected);
      if (rel !== 0) expect(relativePercent(100 * rel).replace('−', '-') + '%').toBe(expected);
    });
  });

  it('in Indonesian with the decimal comma, the column right-aligned as before', () => {
    const text = formatCompareTable(rows, new Map(), 'id');
    expect(relative(text, 0)).toBe('-9,9%');
    expect(relative(text, 4)).toBe('+<0,1%');
    const lines = text.split('\n').filter((l) => /^o\d /.test(l));
    const header = text.split('\n').find((l) => l.startsWith('hasil'))!;
    const end = header.indexOf('perubahan relatif') + 'perubahan relatif'.length;
    for (const l of lines) expect(l[end - 1], l).toBe('%');
  });
});
