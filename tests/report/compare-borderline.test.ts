/**
 * "Borderline" is marked where the reader looks: a change whose interval
 * excludes 0 at the stated level but not at the level adjusted for every
 * outcome (summary.ts clearOverAllOutcomes) was called borderline in the
 * summary, which then listed "and 7 more (see the table)"; the table and the
 * forest chart showed it as a plain "+0.63 *" (bekasi-early-integration's
 * discontinuations.defunded, adjusted interval −0.074 to +1.334; found by a
 * numbers audit). Now the table's cell and the chart's label carry the
 * summary's word, explained in the table's note, in both languages.
 */
import { describe, expect, test } from 'vitest';
import { compareTable } from '../../src/report/report-model.js';
import { borderlineRows, compareSummary } from '../../src/report/summary.js';
import { forestData } from '../../src/report/specs/forest.js';
import { runContext } from '../../src/report/charts.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import type { CompareRow, ResultSet } from '../../src/report/rows.js';
import { printedDifferences } from '../../src/report/format.js';
import { COMPARE_DIR, fixture } from './helpers.js';

/** bekasi-early-integration's compare.csv (-r 200), its first 15 columns. */
const CSV = `
sustained.poc-integration,integrated-at-launch,200,0.005,0.000883168715601,0.0277737043979,0,0,0.0188453263773,-0.005,-0.0277737043979,0.0142897544331,-1,,0.95
sustained.smart-health,integrated-at-launch,200,0.875,0.821985749974,0.913880255243,0.875,0.821985749974,0.913880255243,0,-0.0171463243994,0.0171463243994,0,1,0.95
sustained.pot-reporting,integrated-at-launch,200,0.055,0.0309853417035,0.0957869987723,0.02,0.00780442641635,0.0502870869058,-0.035,-0.0731704063359,-0.00378394401094,-0.636363636364,0.435501359997,0.95
sustained.sorot-reporting,integrated-at-launch,200,0.01,0.00274665813354,0.0357217617162,0.015,0.00511423779326,0.0431657287927,0.005,-0.0162196708028,0.029446036874,0.5,0.814432110921,0.95
sustained.parking-meters,integrated-at-launch,200,0.015,0.00511423779326,0.0431657287927,0.04,0.0204056320662,0.0769320682009,0.025,-0.00800306303199,0.0624627775023,1.66666666667,0.184723998015,0.95
sustained.bekasi-iconic-menus,integrated-at-launch,200,0.22,0.168165383588,0.282387999183,0.77,0.706916956347,0.822906567409,0.55,0.470142590556,0.616667290438,2.5,0.204212384123,0.95
sustained.cctv-sensors,integrated-at-launch,200,0.005,0.000883168715601,0.0277737043979,0.005,0.000883168715601,0.0277737043979,0,-0.021031061463,0.021031061463,0,1,0.95
sustained.smart-governance-integration,integrated-at-launch,200,1,0.981154673623,1,1,0.981154673623,1,0,-0.0188453263773,0.0188453263773,0,,0.95
sustained_count,integrated-at-launch,200,2.185,2.09011113413,2.27988886587,2.725,2.64356507036,2.80643492964,0.54,0.450666640047,0.629333359953,0.247139588101,0.495329999992,0.95
live_share,integrated-at-launch,200,0.153353413655,0.147493024247,0.159213803062,0.170040160643,0.163763923282,0.176316398003,0.0166867469879,0.0125092846773,0.0208642092986,0.108812360875,0.765120982851,0.95
routinized_share,integrated-at-launch,200,0.0596385542169,0.0567038022226,0.0625733062111,0.0652409638554,0.0620035384703,0.0684783892406,0.00560240963856,0.00371866997478,0.00748614930233,0.0939393939395,0.81807971974,0.95
cumulative_adoption_share,integrated-at-launch,200,0.535140562249,0.525014237148,0.54526688735,0.538795180723,0.52856332201,0.549027039436,0.0036546184739,0.000425628643795,0.00688360830401,0.00682926829269,0.949738806006,0.95
discontinuations.defunded,integrated-at-launch,200,49.755,47.0639211407,52.4460788593,50.385,47.6740916646,53.0959083354,0.63,0.174386654257,1.08561334574,0.0126620440157,0.985799677987,0.95
discontinuations.vendor_exit,integrated-at-launch,200,4.6,3.60092924521,5.59907075479,4.89,3.87735079562,5.90264920438,0.29,0.168464549628,0.411535450372,0.0630434782609,0.99279115691,0.95
discontinuations.disenchantment,integrated-at-launch,200,2.62,2.23626649478,3.00373350522,2.2,1.82673646311,2.57326353689,-0.42,-0.595911223228,-0.244088776772,-0.160305343511,0.89236076162,0.95
discontinuations.hazard,integrated-at-launch,200,17.845,16.9944600287,18.6955399713,15.575,14.7872787042,16.3627212958,-2.27,-2.59203230272,-1.94796769728,-0.12720650042,0.925551986562,0.95
discontinuations.leadership,integrated-at-launch,200,1.47,1.24119512988,1.69880487012,1.845,1.58121186077,2.10878813923,0.375,0.240601352685,0.509398647315,0.255102040816,0.860501323555,0.95
discontinuations.replacement,integrated-at-launch,200,18.775,17.1742294812,20.3757705188,16.925,15.453172155,18.396827845,-1.85,-2.55696815013,-1.14303184987,-0.098535286285,0.897460583657,0.95
discontinuations.total,integrated-at-launch,200,95.065,93.2097572058,96.9202427942,91.82,90.1746044987,93.4653955013,-3.245,-4.00508044625,-2.48491955375,-0.0341345395256,0.912585177543,0.95
`;
const ROWS: CompareRow[] = CSV.trim()
  .split('\n')
  .map((line) => {
    const [outcome, variant, ...v] = line.split(',');
    const x = v.map((s) => (s === '' ? null : Number(s)));
    return {
      outcome: outcome!,
      variant: variant!,
      n: x[0]!,
      base_mean: x[1]!,
      base_ci_low: x[2],
      base_ci_high: x[3],
      variant_mean: x[4]!,
      variant_ci_low: x[5],
      variant_ci_high: x[6],
      diff_mean: x[7]!,
      diff_ci_low: x[8],
      diff_ci_high: x[9],
      relative_change: x[10],
      correlation: x[11],
      level: x[12],
    } as CompareRow;
  });

describe('borderline changes are marked in the comparison table and the forest chart', () => {
  const marked = borderlineRows(ROWS);
  const names = ROWS.filter((_, i) => marked[i]).map((r) => r.outcome);

  test('the audit\'s row is borderline, a clear one is not', () => {
    expect(names).toContain('discontinuations.defunded');
    expect(names).toContain('sustained.pot-reporting');
    expect(names).not.toContain('sustained.bekasi-iconic-menus');
  });

  for (const [t, word] of [[en, '(borderline)'], [id, '(di ambang batas)']] as const) {
    test(`${t === en ? 'English' : 'Indonesian'}: the table's cell, the chart's label and the note`, () => {
      const table = compareTable(ROWS, t)!;
      ROWS.forEach((r, i) => {
        const cell = table.rows[i]![5]!;
        if (marked[i]) expect(cell, r.outcome).toMatch(new RegExp(` \\* \\${word.slice(0, -1)}\\)$`));
        else expect(cell, r.outcome).not.toContain(word);
      });
      expect(table.rows[ROWS.findIndex((r) => r.outcome === 'discontinuations.defunded')]![5]).toBe(`+0.63 * ${word}`);
      expect(table.note).toContain(word);
      const forest = forestData({ rows: ROWS, t });
      forest.forEach((d, i) => expect(String(d['text']).includes(word), ROWS[i]!.outcome).toBe(marked[i]));
    });
  }

  test('the rows the summary calls borderline are the rows the table marks', async () => {
    const results: ResultSet = { ...(await fixture(COMPARE_DIR)), compare: ROWS };
    const summary = compareSummary(results, runContext(results, 'en')).join(' ');
    // The summary names the first six marked rows, in the table's order, each borderline one with the word.
    const printed = printedDifferences(ROWS);
    const shown = ROWS.map((_, i) => i).filter((i) => printed[i]!.effect.marked).slice(0, 6);
    expect(summary.split('(borderline)').length - 1).toBe(shown.filter((i) => marked[i]).length);
    expect(shown.filter((i) => marked[i]).length).toBeGreaterThan(0);
  });
});
