/**
 * The shortest national horizon the schema accepts (`months: 1`) runs, and
 * its one month is the first month of a longer run with the same seed: the
 * horizon cuts the run, it does not change what happens before the cut.
 * (The month schedules of national/simulate.ts are sized from the horizon,
 * `months + 2` slots per government; a size that went negative for a
 * one-month run would refuse a valid scenario.)
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { expect, it } from 'vitest';
import { seriesGroups, simulateNationalReplication } from '../../src/model/national/simulate.js';
import { buildSmallNational, type Input } from './national-fixture.js';

/** The fixture with every service launched in its first month (a launch must lie in the horizon), over `months`. */
function from2016(months: number) {
  return buildSmallNational((s) => {
    s['months'] = months;
    for (const x of s['innovations'] as Input[]) x['launch'] = '2016-01';
  });
}

it('a one-month national run gives the first month of the 72-month run', () => {
  const long = from2016(72);
  const short = from2016(1);
  expect(short.months).toBe(1);
  const S = long.services.length;
  const Gr = seriesGroups(long).names.length;
  const month = Gr * S * 2;
  let happened = 0;
  for (let r = 0; r < 3; r++) {
    const a = simulateNationalReplication(long, long.scenario.seed, r);
    const b = simulateNationalReplication(short, short.scenario.seed, r);
    expect(b.series.length).toBe(month);
    expect(Array.from(b.series)).toEqual(Array.from(a.series.subarray(0, month)));
    expect(Array.from(b.flows)).toEqual(Array.from(a.flows.subarray(0, month)));
    happened += b.series.reduce((x, y) => x + y, 0);
  }
  // Services are launched and adopted in that month (the comparison is not of empty series).
  expect(happened).toBeGreaterThan(0);
});
