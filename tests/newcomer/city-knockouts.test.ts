/**
 * Newcomer check of the city model's central claim (docs/MODEL.md 1, P6;
 * scenarios/sustained-opd-owned.md; docs/TUTORIAL.md 3): an agency-owned,
 * budgeted, championed, anchored service is sustained far more often than a
 * vendor-led pilot whose contract ends, and removing one of the mechanisms
 * moves the outcome the way the docs say. The scenario (Kota Tirta) was
 * written from the docs alone.
 *
 * Each arm runs 200 (ownership) or 100 (knock-outs) replications on the
 * scenario's seed (4242), one worker thread (results are the same for any
 * count; the suite already runs two test files at once), with common
 * random numbers (docs/EXPERIMENTS-USAGE.md), so a mechanism that is inert
 * gives a paired difference of exactly 0 with interval [0, 0]: every
 * assertion below on a difference interval that excludes 0 fails for an
 * inert mechanism. Thresholds are the docs' directions plus significance
 * (the compare.csv interval, Bonferroni-adjusted for three variants), except the
 * "far more often" gap, read as at least 50 percentage points. That reading
 * was chosen after the first run showed 100 % against 5 %, so it is a
 * regression guard, not evidence; the evidence is the direction with
 * non-overlapping intervals, which was fixed before running.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, difusi, freshOut, readCsv, resultFolder } from './helpers.js';

type Row = Record<string, string>;
const num = (r: Row, c: string) => Number(r[c]);

type Rows = Row[];
function compareRows(experiment: string, name: string, replications: number): Rows {
  const out = freshOut();
  difusi(['compare', join(FIXTURES, experiment), '-r', String(replications), '--workers', '1', '--no-charts', '--quiet', '--out', out]);
  return readCsv(join(resultFolder(out, name), 'compare.csv'));
}
function finder(get: () => Rows) {
  const row = (outcome: string, variant: string): Row => {
    const r = get().find((x) => x.outcome === outcome && x.variant === variant);
    if (!r) throw new Error(`no compare.csv row for ${outcome} / ${variant}`);
    return r;
  };
  /** The paired difference's interval lies entirely below (-1) or above (+1) 0. */
  const significant = (outcome: string, variant: string, sign: -1 | 1) => {
    const r = row(outcome, variant);
    if (sign < 0) expect(num(r, 'diff_ci_high'), `${variant}: ${outcome} should fall`).toBeLessThan(0);
    else expect(num(r, 'diff_ci_low'), `${variant}: ${outcome} should rise`).toBeGreaterThan(0);
  };
  return { row, significant };
}

describe('Kota Tirta: ownership and take-over (200 replications per arm)', () => {
  let rows: Rows = [];
  const { row, significant } = finder(() => rows);
  beforeAll(() => {
    rows = compareRows('kota-tirta-ownership.yaml', 'kota-tirta-ownership', 200);
  });

  it('the agency-owned service is sustained far more often than the vendor pilot (base arm)', () => {
    const owned = row('sustained.e-health', 'parking-taken-over');
    const pilot = row('sustained.smart-parking', 'parking-taken-over');
    expect(num(owned, 'base_mean') - num(pilot, 'base_mean')).toBeGreaterThanOrEqual(0.5);
    // and the Wilson intervals of the two shares do not overlap
    expect(num(owned, 'base_ci_low')).toBeGreaterThan(num(pilot, 'base_ci_high'));
  });

  it('owned by the vendor whose contract ends, the same service is sustained less, ended by vendor exits', () => {
    significant('sustained.e-health', 'vendor-owned-health', -1);
    significant('live.e-health', 'vendor-owned-health', -1);
    significant('discontinuations.vendor_exit', 'vendor-owned-health', 1);
  });

  it('a take-over keeps the vendor pilot alive more often; a take-over with agency ownership far more', () => {
    significant('sustained.smart-parking', 'parking-taken-over', 1);
    significant('live.smart-parking', 'parking-taken-over', 1);
    significant('discontinuations.defunded', 'parking-taken-over', -1);
    // the vendor still leaves in the pilot's last month, so a take-over alone raises vendor exits (docs/TUTORIAL.md 3)
    significant('discontinuations.vendor_exit', 'parking-taken-over', 1);
    // owned by an agency, the vendor's exit cannot end it: sustained more than with the take-over alone
    significant('sustained.smart-parking', 'parking-taken-over-and-owned', 1);
    expect(num(row('sustained.smart-parking', 'parking-taken-over-and-owned'), 'variant_mean')).toBeGreaterThan(
      num(row('sustained.smart-parking', 'parking-taken-over'), 'variant_ci_high'),
    );
    // neither touches the agency-owned service (same luck, same result)
    expect(num(row('live.e-health', 'parking-taken-over'), 'diff_mean')).toBe(0);
  });
});

describe('Kota Tirta: knock-outs of money, regulation and champions (100 replications per arm)', () => {
  let rows: Rows = [];
  const { row, significant } = finder(() => rows);
  beforeAll(() => {
    rows = compareRows('kota-tirta-knockouts.yaml', 'kota-tirta-knockouts', 100);
  });

  it('each lowers the live count of the agency-owned service and never raises its sustained share', () => {
    for (const v of ['no-regulation', 'no-city-money', 'no-champions']) {
      significant('live.e-health', v, -1);
      expect(num(row('sustained.e-health', v), 'diff_mean')).toBeLessThanOrEqual(0);
    }
  });

  it('without champions, more instances end at the leadership change (docs/MODEL.md 7.8, cause leadership)', () => {
    significant('discontinuations.leadership', 'no-champions', 1);
  });
});

describe('Kota Tirta without its platform: the coordinator keeps the vision', () => {
  it('vision at the horizon is 0.5 (1 - 0.1) with a coordinator and 0.5 (1 - 0.6) without (docs/MODEL.md 7.1)', () => {
    const out = freshOut();
    difusi(['compare', join(FIXTURES, 'kota-tirta-coordinator.yaml'), '-r', '20', '--workers', '1', '--no-charts', '--quiet', '--out', out]);
    const rows = readCsv(join(resultFolder(out, 'kota-tirta-coordinator'), 'compare.csv'));
    const vision = rows.find((r) => r.outcome === 'vision' && r.variant === 'no-coordinator')!;
    // one leadership change (2021-01), vision_init 0.5, vision_hold 0.5, vision_loss_coordinator 0.1, vision_loss_other 0.6
    expect(num(vision, 'base_mean')).toBeCloseTo(0.45, 9);
    expect(num(vision, 'variant_mean')).toBeCloseTo(0.2, 9);
  });
});
