/**
 * Morris mu_star_conf (SALib's bootstrap of the elementary effects): zero
 * when every effect has the same size, the bootstrap standard error of a
 * mean (about z * sd / sqrt(r)) otherwise, reproducible from its stream,
 * and written as the last column of morris.csv and sensitivity.csv.
 */
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { SENSITIVITY } from '../../src/store/tables.js';
const SENSITIVITY_COLUMNS = SENSITIVITY.columns;
import { muStarConf } from '../../src/experiment/stats/sensitivity.js';

const rng = (seed: string) => seedrandom(seed) as unknown as () => number;

describe('muStarConf', () => {
  test('effects of one size: no uncertainty about mu*', () => {
    expect(muStarConf([0.3, -0.3, 0.3, 0.3, -0.3], 500, rng('a'))).toBe(0);
  });

  test('the bootstrap standard error of the mean absolute effect, times z = 1.96', () => {
    // 40 effects with |EE| = 0..39 / 10: sd 1.169, se of the mean 0.1848 (population sd / sqrt(r) for the bootstrap).
    const ee = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : -1) * (i / 10));
    const mean = ee.reduce((s, x) => s + Math.abs(x), 0) / 40;
    const popSd = Math.sqrt(ee.reduce((s, x) => s + (Math.abs(x) - mean) ** 2, 0) / 40);
    const expected = 1.959964 * (popSd / Math.sqrt(40));
    const conf = muStarConf(ee, 4000, rng('b'));
    // 4000 resamples: the SD of a bootstrap SD estimate is about 1/sqrt(2 * 4000) = 1.1 % of it; 5 % tolerance.
    expect(Math.abs(conf / expected - 1)).toBeLessThan(0.05);
  });

  test('same stream, same value; another stream, another value', () => {
    const ee = [0.1, 0.5, -0.2, 0.9, 0.05, -0.7];
    expect(muStarConf(ee, 200, rng('c'))).toBe(muStarConf(ee, 200, rng('c')));
    expect(muStarConf(ee, 200, rng('c'))).not.toBe(muStarConf(ee, 200, rng('d')));
  });

  test('sensitivity.csv gains mu_star_conf at the end; the existing columns keep their order', () => {
    expect(SENSITIVITY_COLUMNS.slice(0, 12)).toEqual(['method', 'parameter', 'outcome', 'mu', 'mu_star', 'sigma', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high']);
    expect(SENSITIVITY_COLUMNS.at(-1)).toBe('mu_star_conf');
  });
});
