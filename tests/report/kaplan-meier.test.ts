import { describe, expect, test } from 'vitest';
import { kaplanMeier, spellsFromEvents, survivalByInnovation } from '../../src/report/kaplan-meier.js';
import type { EventKind, EventRow } from '../../src/report/rows.js';

const ev = (replication: number, month: number, kind: EventKind, opd: string, innovation: string, cause: string | null = null): EventRow => ({
  replication,
  month,
  date: '',
  kind,
  opd,
  innovation,
  loop: null,
  cause,
});

describe('kaplanMeier', () => {
  // Hand case: durations 2 (exit), 3 (censored), 3 (exit), 5 (exit), 6 (censored).
  //   t=2: n=5, d=1 -> S = 4/5 = 0.8
  //   t=3: n=4, d=1, c=1 -> S = 0.8 * 3/4 = 0.6   (exit counted before the censoring)
  //   t=5: n=2, d=1 -> S = 0.6 * 1/2 = 0.3
  //   t=6: n=1, c=1 -> S = 0.3
  // Greenwood sums: 1/(5*4) = 0.05; + 1/(4*3) = 0.13333; + 1/(2*1) = 0.63333.
  // log-log band: S^exp(+-1.96 * sqrt(sum) / |ln S|).
  const curve = kaplanMeier([
    { duration: 2, event: true },
    { duration: 3, event: false },
    { duration: 3, event: true },
    { duration: 5, event: true },
    { duration: 6, event: false },
  ]);

  test('product-limit steps by hand', () => {
    expect(curve.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
      [0, 5, 0, 0],
      [2, 5, 1, 0],
      [3, 4, 1, 1],
      [5, 2, 1, 0],
      [6, 1, 0, 1],
    ]);
    expect(curve.map((p) => p.survival)).toEqual([1, 0.8, expect.closeTo(0.6, 12), expect.closeTo(0.3, 12), expect.closeTo(0.3, 12)]);
  });

  test('95 % log-log band by hand', () => {
    expect(curve[0]).toMatchObject({ ciLow: 1, ciHigh: 1 });
    expect(curve[1]!.ciLow).toBeCloseTo(0.203809, 5);
    expect(curve[1]!.ciHigh).toBeCloseTo(0.96918, 5);
    expect(curve[2]!.ciLow).toBeCloseTo(0.12573, 5);
    expect(curve[2]!.ciHigh).toBeCloseTo(0.881756, 5);
    expect(curve[3]!.ciLow).toBeCloseTo(0.0123015, 6);
    expect(curve[3]!.ciHigh).toBeCloseTo(0.719218, 5);
    for (const p of curve) expect(p.ciLow <= p.survival && p.survival <= p.ciHigh).toBe(true);
  });

  test('all exits reach zero; no spells give the single start point', () => {
    const all = kaplanMeier([{ duration: 1, event: true }, { duration: 1, event: true }]);
    expect(all.at(-1)).toMatchObject({ time: 1, survival: 0, ciLow: 0, ciHigh: 0 });
    expect(kaplanMeier([])).toEqual([{ time: 0, atRisk: 0, events: 0, censored: 0, survival: 1, ciLow: 1, ciHigh: 1 }]);
  });

  test('an exit in the adoption month drops the curve at time 0', () => {
    const c = kaplanMeier([{ duration: 0, event: true }, { duration: 4, event: false }]);
    expect(c.map((p) => [p.time, p.survival])).toEqual([[0, 1], [0, 0.5], [4, 0.5]]);
  });
});

describe('spellsFromEvents', () => {
  const events: EventRow[] = [
    ev(0, 3, 'adoption', 'a', 'x'),
    ev(0, 9, 'discontinuance', 'a', 'x', 'defunded'),
    ev(0, 4, 'adoption', 'b', 'x'),
    ev(1, 3, 'adoption', 'a', 'x'), // another replication: another instance
    ev(0, 5, 'routinized', 'c', 'x'), // not an adoption
    ev(0, 6, 'discontinuance', 'c', 'x', 'hazard'), // no open spell: ignored
    ev(0, 12, 'adoption', 'a', 'x'), // re-adoption after the exit: a second spell
    ev(0, 2, 'adoption', 'a', 'y'),
    ev(0, 2, 'discontinuance', 'a', 'y', 'leadership'), // exit in the adoption month
  ];
  const spells = spellsFromEvents(events, 24);

  test('one spell per instance life, censored at the horizon', () => {
    expect(spells.map((s) => [s.innovation, s.replication, s.opd, s.start, s.duration, s.event, s.cause])).toEqual([
      ['x', 0, 'a', 3, 6, true, 'defunded'],
      ['x', 0, 'a', 12, 12, false, null],
      ['x', 0, 'b', 4, 20, false, null],
      ['x', 1, 'a', 3, 21, false, null],
      ['y', 0, 'a', 2, 0, true, 'leadership'],
    ]);
  });

  test('per innovation, in scenario order first', () => {
    const s = survivalByInnovation(events, 24, ['y', 'x']);
    expect(s.map((c) => [c.innovation, c.spells, c.events])).toEqual([
      ['y', 1, 1],
      ['x', 4, 1],
    ]);
    expect(s[1]!.curve.find((p) => p.time === 6)!.survival).toBeCloseTo(0.75, 12);
  });
});
