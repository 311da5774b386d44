/**
 * The leader in office in month 1 (src/model/init.ts; MODEL.md 7.1): the last
 * listed leader to take office by the start, unless that leader's term
 * (`to`) ended before it, in which case the office starts vacant: no pull
 * (commitment 0) and no sponsorship until a successor arrives.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

const start = (leaders: { id: string; from: string; to?: string; commitment?: number; sponsors?: string[] }[]) =>
  initWorld(model({ start: '2020-01', leaders, innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }] }), new Streams([1, 2]), false);

describe('the leader in office at the start', () => {
  it('a term that ended before the start leaves the office vacant: no leader, no commitment, no sponsorship', () => {
    const w = start([{ id: 'old', from: '2018-01', to: '2019-06', commitment: 0.8, sponsors: ['x'] }]);
    expect(w.leader).toBe(-1);
    expect(w.vacant).toBe(true);
    expect(w.commitment).toBe(0);
    expect(w.sponsored[0]).toBe(0);
  });

  it('a term ending in month 1 or later, or open-ended, is in office with its commitment and sponsorships', () => {
    for (const to of ['2020-01', '2021-06', undefined]) {
      const w = start([{ id: 'now', from: '2018-01', ...(to ? { to } : {}), commitment: 0.8, sponsors: ['x'] }]);
      expect(w.leader, String(to)).toBe(0);
      expect(w.vacant, String(to)).toBe(false);
      expect(w.commitment, String(to)).toBe(0.8);
      expect(w.sponsored[0], String(to)).toBe(1);
    }
  });

  it('of two leaders before the start, the later one is in office; one arriving after the start is not yet', () => {
    const w = start([
      { id: 'a', from: '2017-01', commitment: 0.3 },
      { id: 'b', from: '2019-01', commitment: 0.7, sponsors: ['x'] },
      { id: 'c', from: '2021-01', commitment: 0.1 },
    ]);
    expect(w.leader).toBe(1);
    expect(w.commitment).toBe(0.7);
    expect(w.sponsored[0]).toBe(1);
    // The last to take office by the start ended its term before it: vacant, even though an earlier one's is open.
    const v = start([
      { id: 'a', from: '2017-01', commitment: 0.3 },
      { id: 'b', from: '2019-01', to: '2019-12', commitment: 0.7 },
    ]);
    expect(v.leader).toBe(-1);
    expect(v.vacant).toBe(true);
    expect(v.commitment).toBe(0);
  });
});
