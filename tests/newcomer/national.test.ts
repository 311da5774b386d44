/**
 * Newcomer check of docs/NATIONAL.md ("National actors"), with a four-
 * government scenario written from the docs alone (Nusantara: a province
 * and three of its governments):
 *
 * - a national mandate WITH money on a service each government pays from
 *   its own budget (e-archive) launches it in every government and moves
 *   every government's outcome;
 * - the same mandate WITHOUT money is inert: "Elsewhere it is inert, and it
 *   does not make a government launch the service", so every e-archive row
 *   equals the no-mandate run's; while a mandate without money on a service
 *   whose own funding is national (e-report) does count, in every government
 *   (the positive control that shows the no-money mandate is not simply
 *   ignored);
 * - a vendor serving several governments (KioskCo, in the three governments
 *   of its programme) ends its pilots in every one of them: at the pilot end
 *   when no government takes it over, and at its exit when they do.
 *
 * Fixed seed 777, 60 replications per run, one worker (the results do not
 * depend on the worker count). The thresholds are the docs' directions;
 * the inert run is compared for exact equality.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, difusi, freshOut, readCsv, resultFolder } from './helpers.js';

type Row = Record<string, string>;
const R = 60;
const GOVERNMENTS = ['prov-a', 'kota-a', 'kab-b', 'kab-c'];
const SERVED = ['prov-a', 'kota-a', 'kab-b']; // KioskCo's programme cohort

function national(name: string): { outcomes: Row[]; series: Row[] } {
  const out = freshOut();
  difusi(['national', join(FIXTURES, `${name}.yaml`), '--replications', String(R), '--workers', '1', '--no-charts', '--quiet', '--out', out]);
  const folder = resultFolder(out, name);
  return { outcomes: readCsv(join(folder, 'government_outcomes.csv')), series: readCsv(join(folder, 'national_series.csv')) };
}
function cell(rows: Row[], government: string, innovation: string): Row {
  const r = rows.find((x) => x.government === government && x.innovation === innovation);
  if (!r) throw new Error(`no government_outcomes.csv row for ${government} / ${innovation}`);
  return r;
}
const num = (r: Row, c: string) => Number(r[c]);

describe('Nusantara: a national mandate with and without money', () => {
  let base: Row[] = [];
  let money: Row[] = [];
  let noMoney: Row[] = [];
  let noMoneyNational: Row[] = [];
  beforeAll(() => {
    base = national('nusantara-base').outcomes;
    money = national('nusantara-money').outcomes;
    noMoney = national('nusantara-nomoney').outcomes;
    noMoneyNational = national('nusantara-nomoney-national').outcomes;
  });

  it('with money: every government launches the service in every replication and sustains it more often', () => {
    for (const g of GOVERNMENTS) {
      const b = cell(base, g, 'e-archive');
      const m = cell(money, g, 'e-archive');
      expect(num(b, 'share_launched'), g).toBeLessThan(1); // without the mandate some governments never launch it
      expect(num(m, 'share_launched'), g).toBe(1);
      expect(num(m, 'share_sustained'), g).toBeGreaterThan(num(b, 'share_sustained') + 0.3);
      expect(num(m, 'mean_peak_live'), g).toBeGreaterThan(2 * num(b, 'mean_peak_live'));
    }
  });

  it('without money, on a service the governments pay themselves: no government moves at all', () => {
    for (const g of GOVERNMENTS) expect(cell(noMoney, g, 'e-archive'), g).toEqual(cell(base, g, 'e-archive'));
  });

  it('without money, on a nationally funded service: every government moves', () => {
    for (const g of GOVERNMENTS) {
      const b = cell(base, g, 'e-report');
      const n = cell(noMoneyNational, g, 'e-report');
      expect(num(n, 'share_sustained'), g).toBeGreaterThan(num(b, 'share_sustained') + 0.3);
      expect(num(n, 'mean_peak_live'), g).toBeGreaterThan(2 * num(b, 'mean_peak_live'));
    }
  });
});

describe("Nusantara: a vendor serving three governments ends its pilots in every one", () => {
  const liveShare = (series: Row[], month: number) =>
    num(series.find((r) => r.month === String(month) && r.group === 'all' && r.innovation === 'smart-kiosk')!, 'governments_live_share');
  // launch 2017-01 + 24 months = 2019-01 = month 37 of a run starting 2016-01; KioskCo's contract ends the same month
  const END = 37;

  it('no take-over: the pilot is withdrawn in every government it served, for good', () => {
    const { outcomes, series } = national('nusantara-vendor-withdrawn');
    expect(liveShare(series, END - 1)).toBeGreaterThan(0.3);
    for (let m = END; m <= 96; m++) expect(liveShare(series, m), `month ${m}`).toBe(0);
    for (const g of SERVED) {
      const r = cell(outcomes, g, 'smart-kiosk');
      expect(num(r, 'share_launched'), g).toBe(1);
      expect(num(r, 'share_sustained') + num(r, 'share_declining'), g).toBe(0);
      expect(num(r, 'mean_discontinued_defunded'), g).toBeGreaterThan(0);
    }
    expect(outcomes.some((r) => r.government === 'kab-c' && r.innovation === 'smart-kiosk')).toBe(false);
  });

  it('taken over everywhere: the vendor exit still ends its instances in every government; not when the vendor stays', () => {
    const exit = national('nusantara-vendor-exit');
    const stays = national('nusantara-vendor-stays');
    // before the exit the two runs are the same
    expect(liveShare(exit.series, END - 1)).toBe(liveShare(stays.series, END - 1));
    expect(liveShare(stays.series, END - 1)).toBeGreaterThan(0.3);
    // in the exit month almost no government keeps it live (only agencies adopting after the exit, that month)
    expect(liveShare(exit.series, END)).toBeLessThan(0.05);
    expect(liveShare(stays.series, END)).toBeGreaterThan(0.3);
    for (const g of SERVED) {
      expect(num(cell(exit.outcomes, g, 'smart-kiosk'), 'mean_discontinued_vendor_exit'), g).toBeGreaterThan(0.5);
      expect(num(cell(stays.outcomes, g, 'smart-kiosk'), 'mean_discontinued_vendor_exit'), g).toBe(0);
    }
  });
});
