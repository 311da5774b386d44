/**
 * What the Sobol' intervals are (docs/EXPERIMENTS-USAGE.md, "Sensitivity"):
 * the bootstrap resamples the N base rows as if they were independent
 * draws. With `sequence: random` they are, and the percentile interval is
 * about as wide as the estimates' spread over seeds (3.92 SD); with the
 * default Sobol' sequence the estimates vary far less than independent
 * draws would (the quasi-random points are evenly spread), so the same
 * intervals are conservative: wider than 95 %, covering the true value
 * nearly always.
 *
 * Ishigami, N = 512, 30 design seeds, 200 resamples; the spread over seeds is
 * the estimates' actual sampling SD. The same check at N = 1024 over 40 seeds
 * is scripts/stats-checks/sobol-coverage.mjs.
 */
import { describe, expect, it } from 'vitest';
import { buildDesign, sensitivityRows } from '../../src/experiment/design.js';
import { ishigami, ishigamiIndices } from '../../src/experiment/stats/index.js';

const factors = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -Math.PI, max: Math.PI, integer: false }));
const known = ishigamiIndices();
const SEEDS = 30;

/** Per index (S1 x1..x3, ST x1..x3): mean interval width over 3.92 times the SD of the estimates, and coverage. */
function check(sequence: 'sobol' | 'random'): { ratio: number[]; cover: number[] } {
  const est: number[][] = Array.from({ length: 6 }, () => []);
  const width = new Array<number>(6).fill(0);
  const cover = new Array<number>(6).fill(0);
  for (let seed = 1; seed <= SEEDS; seed++) {
    const plan = buildDesign({ method: 'sobol', samples: 512, bootstrap: 200, factors, ...(sequence === 'random' && { sequence }) }, seed);
    const rows = sensitivityRows(plan, ['y'], [Float64Array.from(plan.rows.map((x) => ishigami(x)))], seed);
    rows.forEach((r, i) => {
      const cells = [
        [r.S1, r.S1_low, r.S1_high, known.S1[i]!],
        [r.ST, r.ST_low, r.ST_high, known.ST[i]!],
      ] as const;
      cells.forEach(([x, lo, hi, truth], k) => {
        const j = 3 * k + i;
        est[j]!.push(x);
        width[j]! += (hi - lo) / SEEDS;
        if (lo <= truth && truth <= hi) cover[j]! += 1;
      });
    });
  }
  const sd = (a: number[]) => {
    const m = a.reduce((x, y) => x + y, 0) / a.length;
    return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1));
  };
  return { ratio: width.map((w, j) => w / (3.92 * sd(est[j]!))), cover };
}

describe("Sobol' bootstrap intervals", () => {
  it('sequence: random is a setting of the design; without it the plan (and so the folder key) is as before', async () => {
    const { parseExperimentText } = await import('../../src/experiment/spec.js');
    const text = (extra: string) =>
      `name: s\nbase: b.yaml\ndesign:\n  method: sobol\n  samples: 8\n${extra}  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n`;
    const parsed = parseExperimentText(text('  sequence: random\n'), 'e.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(buildDesign(parsed.spec.design!, 1).saltelli).toEqual({ N: 8, D: 1, sequence: 'random' });
    const plain = parseExperimentText(text(''), 'e.yaml');
    if (!plain.ok) throw new Error('parse');
    expect(buildDesign(plain.spec.design!, 1).saltelli).toEqual({ N: 8, D: 1 });
    expect(parseExperimentText(text('  sequence: halton\n'), 'e.yaml').ok).toBe(false);
  });

  it('with sequence: random, about as wide as the estimates vary (nominal 95 %)', () => {
    const { ratio, cover } = check('random');
    console.log(`random: width / 3.92 SD ${ratio.map((r) => r.toFixed(2)).join(' ')}; coverage ${cover.join(' ')} of ${SEEDS}`);
    // The SD of 30 estimates is itself uncertain by about 13 % (1 / sqrt(2 * 29)).
    for (const r of ratio) expect(r).toBeGreaterThan(0.6);
    for (const r of ratio) expect(r).toBeLessThan(1.6);
    expect(cover.reduce((a, b) => a + b, 0) / (6 * SEEDS)).toBeGreaterThan(0.85);
  });

  it("with the Sobol' sequence (the default), conservative: wider than the estimates vary", () => {
    const { ratio, cover } = check('sobol');
    console.log(`sobol: width / 3.92 SD ${ratio.map((r) => r.toFixed(2)).join(' ')}; coverage ${cover.join(' ')} of ${SEEDS}`);
    for (const r of ratio) expect(r).toBeGreaterThan(1.5);
    for (const c of cover) expect(c).toBe(SEEDS);
  });
});
