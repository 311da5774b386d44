/**
 * The sweep part of the executive summary judges each outcome from the
 * paired differences between its lowest and highest design point (replication
 * r of every point runs on the same seeds), not from the spread of the point
 * means against one point's unpaired interval: a steady paired shift that is
 * smaller than the unpaired noise is reported as a change, and an interval
 * that includes 0 is said as "no change detectable with N replications",
 * never "hardly changes" or "no effect".
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runContext } from '../../src/report/charts.js';
import { sweepPairedDifference, sweepSummary } from '../../src/report/summary.js';
import { tInterval } from '../../src/experiment/stats/index.js';
import { readResults } from '../../src/store/results-read.js';
import { SWEEP_DIR } from './helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Four replications per point; the replications differ a lot (common noise), the points by a steady shift. */
const NOISE = [0.1, 0.3, 0.15, 0.35];
/** live_share: point 1 is point 0 + 0.01, 0.03, 0.015, 0.025 (paired: +2.0 pp, interval +0.5 to +3.5 pp); flat_share: differences −0.05, +0.06, −0.04, +0.04 (paired: includes 0). */
function folder(withRuns: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'difusi-sweep-summary-'));
  temps.push(dir);
  cpSync(join(SWEEP_DIR, 'manifest.json'), join(dir, 'manifest.json'));
  const runs = ['point,replication,parameters.bass_q,parameters.w_peer,live_share,flat_share'];
  const jitter = [-0.05, 0.06, -0.04, 0.04];
  const shift = [0.01, 0.03, 0.015, 0.025];
  for (const point of [0, 1]) {
    NOISE.forEach((base, r) => runs.push(`${point},${r},0.2,${point === 0 ? 0.1 : 0.3},${base + shift[r]! * point},${base + point * jitter[r]!}`));
  }
  const summary = ['point,parameters.bass_q,parameters.w_peer,n,live_share_mean,live_share_ci_low,live_share_ci_high,flat_share_mean,flat_share_ci_low,flat_share_ci_high'];
  const sd = Math.sqrt(NOISE.map((x) => (x - 0.225) ** 2).reduce((a, b) => a + b, 0) / 3);
  const ci = tInterval(0.225, sd, 4);
  for (const point of [0, 1]) {
    const live = 0.225 + 0.02 * point;
    summary.push(`${point},0.2,${point === 0 ? 0.1 : 0.3},4,${live},${live - ci.half_width},${live + ci.half_width},${0.225 + 0.0025 * point},${ci.low},${ci.high}`);
  }
  if (withRuns) writeFileSync(join(dir, 'sweep.csv'), `${runs.join('\n')}\n`);
  writeFileSync(join(dir, 'sweep_summary.csv'), `${summary.join('\n')}\n`);
  return dir;
}

describe('sweep summary: paired differences over common random numbers', () => {
  for (const lang of ['en', 'id'] as const) {
    test(`a steady paired shift inside the unpaired noise is a change (${lang})`, async () => {
      const results = await readResults(folder(true));
      const text = sweepSummary(results, runContext(results, lang));
      const live = text.find((s) => /^(services in use|layanan aktif)/i.test(s));
      expect(live).toBeDefined();
      // Differences 1, 3, 1.5, 2.5 pp: mean 2.0, t(3) interval 0.55 to 3.45 pp; the points' own intervals are ±18 pp.
      expect(live).toMatch(lang === 'en' ? /changes over the design.*paired difference of \+2\.0 pp \(95 % interval \+0\.5 pp to \+3\.5 pp, 4 replications\)/ : /berubah di seluruh desain.*selisih berpasangan \+2,0 pp \(interval 95%: \+0,5 pp hingga \+3,5 pp, 4 replikasi\)/);
      expect(text.join('\n')).not.toMatch(/hardly|hampir tidak berubah/i);
      // Only the introduction speaks of "no effect", to say that an interval including 0 is not evidence of it.
      expect(text.slice(1).join('\n')).not.toMatch(/no effect|tidak ada efek/i);
      expect(text[0]).toMatch(lang === 'en' ? /not evidence of no effect/ : /bukan bukti bahwa tidak ada efek/);
    });

    test(`an interval that includes 0 is "no change detectable with N replications" (${lang})`, async () => {
      const results = await readResults(folder(true));
      const text = sweepSummary(results, runContext(results, lang));
      const flat = text.find((s) => s.includes('flat_share'));
      expect(flat).toMatch(lang === 'en' ? /no change detectable with 4 replications per point/ : /tidak ada perubahan yang terdeteksi dengan 4 replikasi per titik/);
      expect(flat).toMatch(lang === 'en' ? /includes 0\.$/ : /memuat 0\.$/);
    });
  }

  test('20 design points of equal means (no effect): the extremes picked after the fact are not reported as a change; the level is corrected for their 190 pairs', async () => {
    // Common noise per replication plus small independent noise per (point, replication), from a fixed LCG.
    let x = 12345;
    const noise = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296 - 0.5) * 0.04;
    const dir = mkdtempSync(join(tmpdir(), 'difusi-sweep-null-'));
    temps.push(dir);
    cpSync(join(SWEEP_DIR, 'manifest.json'), join(dir, 'manifest.json'));
    const runs = ['point,replication,parameters.bass_q,parameters.w_peer,live_share'];
    const summary = ['point,parameters.bass_q,parameters.w_peer,n,live_share_mean,live_share_ci_low,live_share_ci_high'];
    for (let point = 0; point < 20; point++) {
      const values = NOISE.map((base) => base + noise());
      values.forEach((v, r) => runs.push(`${point},${r},0.2,${point / 20},${v}`));
      const mean = values.reduce((a, b) => a + b, 0) / 4;
      summary.push(`${point},0.2,${point / 20},4,${mean},${mean - 0.2},${mean + 0.2}`);
    }
    writeFileSync(join(dir, 'sweep.csv'), `${runs.join('\n')}\n`);
    writeFileSync(join(dir, 'sweep_summary.csv'), `${summary.join('\n')}\n`);
    const results = await readResults(dir);
    const text = sweepSummary(results, runContext(results, 'en'));
    const live = text.find((s) => /^services in use/i.test(s));
    expect(live).toMatch(/no change detectable with 4 replications per point/);
    expect(live).toMatch(/\(99\.97 % interval /);
    expect(text[0]).toMatch(/at level 99\.97 % rather than 95 %: the two points are the extremes of 20, picked after the fact, so the level is corrected for the 190 pairs/);
    // One outcome: nothing to say about outcomes together.
    expect(text[0]).not.toMatch(/number of outcomes/);
    // The uncorrected 95 % interval of the same two points excludes 0: the correction is what keeps the claim away.
    const lo = results.sweep!.rows.reduce((a, b) => ((b.values['live_share'] as number) < (a.values['live_share'] as number) ? b : a)).point;
    const hi = results.sweep!.rows.reduce((a, b) => ((b.values['live_share'] as number) > (a.values['live_share'] as number) ? b : a)).point;
    const raw = sweepPairedDifference(results.sweepRuns ?? results.sweep!, 'live_share', lo, hi, 0.95)!;
    expect(raw.low > 0 || raw.high < 0).toBe(true);
  });

  test('4 design points: the corrected level 1 - 0.05/6 is printed as 99.17 %, not rounded down to 99 %', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-sweep-four-'));
    temps.push(dir);
    cpSync(join(SWEEP_DIR, 'manifest.json'), join(dir, 'manifest.json'));
    const runs = ['point,replication,parameters.bass_q,parameters.w_peer,live_share'];
    const summary = ['point,parameters.bass_q,parameters.w_peer,n,live_share_mean,live_share_ci_low,live_share_ci_high'];
    for (let point = 0; point < 4; point++) {
      const values = NOISE.map((base, r) => base + 0.01 * point * (1 + (r % 2)));
      values.forEach((v, r) => runs.push(`${point},${r},0.2,${point / 4},${v}`));
      const mean = values.reduce((a, b) => a + b, 0) / 4;
      summary.push(`${point},0.2,${point / 4},4,${mean},${mean - 0.2},${mean + 0.2}`);
    }
    writeFileSync(join(dir, 'sweep.csv'), `${runs.join('\n')}\n`);
    writeFileSync(join(dir, 'sweep_summary.csv'), `${summary.join('\n')}\n`);
    const results = await readResults(dir);
    const text = sweepSummary(results, runContext(results, 'en'));
    expect(text[0]).toMatch(/at level 99\.17 % rather than 95 %/);
    expect(text.join('\n')).toMatch(/\(99\.17 % interval /);
    expect(text.join('\n')).not.toMatch(/\b99 %/);
  });

  test('with several outcomes tested, the introduction says the level is not corrected across outcomes (as compare\'s summary does)', async () => {
    const results = await readResults(folder(true));
    const intro = sweepSummary(results, runContext(results, 'en'))[0]!;
    expect(intro).toMatch(/The 2 outcomes are tested each on its own: the level is that of each interval on its own and not corrected for the number of outcomes, so among this many intervals one may exclude zero by chance\./);
    const id = sweepSummary(results, runContext(results, 'id'))[0]!;
    expect(id).toMatch(/Setiap hasil \(2 hasil\) diuji sendiri-sendiri: tingkatnya adalah tingkat setiap interval, bukan untuk jumlah hasil/);
  });

  test('an outcome equal at every point is said so, not as a range from a point to itself', async () => {
    const dir = folder(true);
    const results = await readResults(dir);
    const same = { ...results, sweep: { ...results.sweep!, rows: results.sweep!.rows.map((r) => ({ ...r, values: { ...r.values, flat_share: 0.225 } })) } };
    const text = sweepSummary(same, runContext(same, 'en'));
    expect(text.find((s) => s.includes('flat_share'))).toBe('flat_share: the same mean, 23 %, at every design point (4 replications per point).');
  });

  test('without sweep.csv the range is given, with no claim either way', async () => {
    const results = await readResults(folder(false));
    const text = sweepSummary(results, runContext(results, 'en'));
    const live = text.find((s) => /^services in use/i.test(s));
    expect(live).toMatch(/the difference between them is not tested/);
    expect(text.join('\n')).not.toMatch(/hardly|changes over the design|no change detectable/);
  });
});
