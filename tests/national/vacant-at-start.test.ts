/**
 * docs/NATIONAL.md, "Election calendars": when no head of a government's
 * cycle is in office at the start (the last to take office by then ended
 * their term before it, or the first takes office later), the office is
 * vacant at the start until the next head, whether or not that head takes
 * office within the horizon. The city model is given only the heads from the
 * one in office at the start on, so with no later head inside the horizon it
 * was given none and took the office for held (vacant false): a `sponsor:
 * leader` service launched then was sponsored by nobody, and a random
 * succession fired the leadership shock on it.
 *
 * A government with no cycle and no leaders of its own is the city rule for
 * a scenario that lists no leaders (MODEL.md 5): not vacant, commitment 0.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { initNational, nationalMonth } from '../../src/model/national/simulate.js';

type Input = Record<string, unknown>;
const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));

/** kota-a (on cycle c2018, start 2016-01, 72 months) with these heads, e-office sponsored by the leader: its world after `months` months. */
function kotaA(heads: Input[], months: number, edit: (s: Input) => void = () => {}) {
  const s = parse(readFileSync(FIXTURE, 'utf8')) as Input;
  s['elections'] = [{ id: 'c2018', heads }];
  (s['innovations'] as Input[])[0]!['sponsor'] = 'leader';
  edit(s);
  const nm = compileNational(nationalSchema.parse(s));
  const g = nm.governments.find((x) => x.id === 'kota-a')!;
  const run = initNational(nm, 11, 0);
  const w = run.worlds[g.index]!;
  const start = { vacant: w.vacant, leader: w.leader, commitment: w.commitment };
  for (let m = 1; m <= months; m++) nationalMonth(nm, run, m);
  return { start, w, leaders: g.model.leaders.map((l) => l.id), vacantAtStart: g.model.vacantAtStart };
}

describe('a government whose office is vacant at the start (NATIONAL.md, Election calendars)', () => {
  it('a head whose term ended before the start, no later head in the horizon: vacant, nobody sponsors the service it launches', () => {
    const r = kotaA([{ from: '2013-09', to: '2015-06', commitment: 0.9 }], 12);
    expect(r.leaders).toEqual([]);
    expect(r.start).toEqual({ vacant: true, leader: -1, commitment: 0 });
    // e-office is launched by the government in the first year, while the office is vacant.
    expect(r.w.national!.launchedAt[0]).toBeGreaterThan(0);
    expect(r.w.sponsored[0]).toBe(0);
  });

  it('the same with the next head inside the horizon: vacant, as before', () => {
    const r = kotaA([{ from: '2013-09', to: '2015-06', commitment: 0.9 }, { from: '2021-12', commitment: 0.9 }], 12);
    expect(r.leaders).toEqual(['c2018-head-2']);
    expect(r.start).toEqual({ vacant: true, leader: -1, commitment: 0 });
    expect(r.w.sponsored[0]).toBe(0);
  });

  it("the cycle's first head takes office after the horizon: vacant at the start", () => {
    const r = kotaA([{ from: '2030-01', commitment: 0.9 }], 1);
    expect(r.leaders).toEqual([]);
    expect(r.start.vacant).toBe(true);
  });

  it('a head in office at the start: held, with their commitment', () => {
    const r = kotaA([{ from: '2013-09', commitment: 0.9 }], 12);
    expect(r.start).toEqual({ vacant: false, leader: 0, commitment: 0.9 });
    expect(r.w.sponsored[0]).toBe(1);
  });

  it("leaders of the government's own city block replace the cycle's, and with them its vacancy", () => {
    const r = kotaA([{ from: '2013-09', to: '2015-06' }], 1, (s) => {
      const g = (s['governments'] as Input[]).find((x) => x['id'] === 'kota-a')!;
      g['city'] = { ...((g['city'] as Input | undefined) ?? {}), leaders: [{ id: 'wali', from: '2015-01', commitment: 0.7 }] };
    });
    expect(r.leaders).toEqual(['wali']);
    expect(r.start).toEqual({ vacant: false, leader: 0, commitment: 0.7 });
  });

  it('a government with no cycle and no leaders is not vacant (MODEL.md 5: a scenario that lists no leaders)', () => {
    const s = parse(readFileSync(FIXTURE, 'utf8')) as Input;
    const nm = compileNational(nationalSchema.parse(s));
    const g = nm.governments.find((x) => x.id === 'kab-b')!;
    expect(g.model.leaders).toEqual([]);
    expect(g.model.vacantAtStart).toBe(false);
    const run = initNational(nm, 11, 0);
    expect(run.worlds[g.index]!.vacant).toBe(false);
    expect(run.worlds[g.index]!.commitment).toBe(0);
  });
});
