/**
 * A sweep's lowest or highest mean shared by other design points is said to
 * be shared: bekasi-sweep's summary named the lowest point "from 2.00 (at
 * takeover_vendor = 0, champion_rotation = 0.2)" while point 3 (rotation
 * 0.3) has exactly 2.000 too (found by a numbers audit). The sentence now
 * adds "and N more points with the same mean", as the national report's tie
 * notes do, in both languages.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runContext } from '../../src/report/charts.js';
import { sweepSummary } from '../../src/report/summary.js';
import { readResults } from '../../src/store/results-read.js';
import { SWEEP_DIR } from './helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const NOISE = [0.1, 0.3, 0.15, 0.35];
const SHIFT = [0.01, 0.03, 0.015, 0.025];

/** Three points (w_peer 0.1, 0.3, 0.5), four replications each; `tiedLow`: points 0 and 2 have the same values (the lowest), point 1 is higher; else point 2 is higher still. */
function folder(tiedLow: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'difusi-sweep-tie-'));
  temps.push(dir);
  cpSync(join(SWEEP_DIR, 'manifest.json'), join(dir, 'manifest.json'));
  const runs = ['point,replication,parameters.bass_q,parameters.w_peer,live_share'];
  const summary = ['point,parameters.bass_q,parameters.w_peer,n,live_share_mean,live_share_ci_low,live_share_ci_high'];
  const factor = [0, 1, tiedLow ? 0 : 2];
  factor.forEach((k, point) => {
    const w = [0.1, 0.3, 0.5][point]!;
    const values = NOISE.map((b, r) => b + k * SHIFT[r]!);
    values.forEach((v, r) => runs.push(`${point},${r},0.2,${w},${v}`));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    summary.push(`${point},0.2,${w},4,${mean},${mean - 0.1},${mean + 0.1}`);
  });
  writeFileSync(join(dir, 'sweep.csv'), `${runs.join('\n')}\n`);
  writeFileSync(join(dir, 'sweep_summary.csv'), `${summary.join('\n')}\n`);
  return dir;
}

describe('sweep summary: a tied lowest or highest point is said to be tied', () => {
  test('English and Indonesian', async () => {
    const results = await readResults(folder(true));
    const en = sweepSummary(results, runContext(results, 'en')).find((s) => /^services in use/i.test(s))!;
    expect(en).toContain('(at bass_q = 0.2, w_peer = 0.1; and 1 more point with the same mean)');
    expect(en).toMatch(/\(at bass_q = 0\.2, w_peer = 0\.3\)/);
    const id = sweepSummary(results, runContext(results, 'id')).find((s) => /^layanan aktif/i.test(s))!;
    expect(id).toContain('(pada bass_q = 0,2; w_peer = 0,1; dan 1 titik lain dengan rata-rata yang sama)');
  });

  test('no tie, no words', async () => {
    const results = await readResults(folder(false));
    const text = [...sweepSummary(results, runContext(results, 'en')), ...sweepSummary(results, runContext(results, 'id'))].join(' ');
    expect(text).not.toMatch(/more points? with the same mean|titik lain dengan rata-rata yang sama/);
  });
});
