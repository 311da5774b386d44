/**
 * The compiled calendar (which month of the year each simulated month is)
 * drives the annual budget cycle in January (docs/MODEL.md, phase 1). It
 * must cover every month of the horizon, the last ones included: a table
 * one or two entries short silently skips a January budget cycle at the
 * horizon. Expected months are computed here with Date arithmetic, not by
 * the compiler's formula. (A mutation-testing sample found the table's
 * length undetected.)
 */
import { describe, expect, it } from 'vitest';
import { opd, world, PLAIN } from '../support/world.js';

function expectedCalendar(start: string, months: number): number[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const out: number[] = [];
  for (let t = 1; t <= months; t++) out.push(new Date(Date.UTC(y, m - 1 + (t - 1), 1)).getUTCMonth() + 1);
  return out;
}

describe('calendar months of the horizon', () => {
  const cases: [string, number][] = [
    ['2015-02', 12], // month 12 is January 2016: the horizon ends on a January
    ['2015-12', 13], // months 2 and 13 are Januaries
    ['2015-01', 132],
    ['2020-11', 3], // the last month is January
  ];
  for (const [start, months] of cases) {
    it(`start ${start}, ${months} months: every month, the last one included`, () => {
      const w = world({ start, months, opds: { list: [opd('a')] }, innovations: [{ id: 's', owner: 'opd', funding: 'apbd', launch: start, ...PLAIN }] });
      const got = Array.from({ length: months }, (_, i) => w.model.calendarMonth[i + 1]);
      expect(got).toEqual(expectedCalendar(start, months));
    });
  }
});
