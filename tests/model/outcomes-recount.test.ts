/**
 * The outcome rows at the horizon (MODEL.md section 8; docs/OUTPUTS.md),
 * recounted from the replication's event log rather than from the world's
 * own tallies: first adoption month (earliest `adoption`), last
 * discontinuation month (latest `discontinuance`), the main cause (the
 * cause of most discontinuances; on a tie the first in the list of causes),
 * live at the end (instances whose last event is an adoption), the Heeks
 * classes of instances that ended (replaced: cause replacement; failure:
 * any other cause). And the monthly `discontinued_<cause>` columns sum to
 * the log's count per cause.
 */
import { describe, expect, it } from 'vitest';
import { discontinue } from '../../src/model/instances.js';
import { metricNames, outcomes } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { CAUSES } from '../../src/model/vocabulary.js';
import { model } from './helpers.js';
import { PLAIN, QUIET, at, live, opd, world } from '../support/world.js';

describe('outcome rows recounted from the event log', () => {
  it('first and last months, main cause, live at the end, Heeks failure and replaced, per-cause columns', () => {
    const m = model({
      months: 60,
      opds: { generate: { count: 50 } },
      network: { type: 'small-world', degree: 6, rewire: 0.3 },
      regulations: [{ id: 'ban', from: '2022-01', to: '2024-12', strength: 0.5, bans_standalone: true }],
      innovations: [
        { id: 'a', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN },
        { id: 'b', owner: 'vendor', funding: 'pilot', pilot_months: 24, launch: '2020-04', ...PLAIN },
        { id: 'c', owner: 'opd', funding: 'apbd', launch: '2021-06', ...PLAIN },
      ],
      parameters: { h0_other: 1.5, h0_routinized: 1, u_fail: 0.9, disenchant_months: 3, readopt_months: 4, theta_mean: 0.2, ban_replacement: 0.3, renew_other: 0.7 },
    });
    const names = metricNames(m);
    let tiesOrMixed = 0;
    for (const r of [0, 1, 2]) {
      const res = simulateReplication(m, 99, r, { detail: true });
      const log = res.events!;
      m.innovations.forEach((inn, j) => {
        const mine = log.filter((e) => e.innovation === inn.id);
        const adoptions = mine.filter((e) => e.kind === 'adoption');
        const ends = mine.filter((e) => e.kind === 'discontinuance');
        const row = res.outcomes[j]!;
        expect(row.innovation).toBe(inn.id);
        expect(row.first_adoption_month, `${inn.id} r${r}`).toBe(adoptions.length > 0 ? Math.min(...adoptions.map((e) => e.month)) : null);
        expect(row.last_discontinuation_month, `${inn.id} r${r}`).toBe(ends.length > 0 ? Math.max(...ends.map((e) => e.month)) : null);
        const byCause = CAUSES.map((c) => ends.filter((e) => e.cause === c).length);
        const most = Math.max(0, ...byCause);
        expect(row.main_cause, `${inn.id} r${r}`).toBe(most > 0 ? CAUSES[byCause.indexOf(most)]! : null);
        if (byCause.filter((x) => x > 0).length > 1) tiesOrMixed++;
        // Each instance's last event says where it ended.
        const last = new Map<string, { kind: string; cause: string }>();
        for (const e of mine) if (e.kind === 'adoption' || e.kind === 'discontinuance') last.set(e.opd, e);
        const lastOf = [...last.values()];
        expect(row.live_end, `${inn.id} r${r}`).toBe(lastOf.filter((e) => e.kind === 'adoption').length);
        expect(row.heeks_success + row.heeks_partial, `${inn.id} r${r}`).toBe(row.live_end);
        expect(row.heeks_replaced, `${inn.id} r${r}`).toBe(lastOf.filter((e) => e.kind === 'discontinuance' && e.cause === 'replacement').length);
        expect(row.heeks_failure, `${inn.id} r${r}`).toBe(lastOf.filter((e) => e.kind === 'discontinuance' && e.cause !== 'replacement').length);
      });
      // City-wide: the monthly discontinued_<cause> columns add up to the log.
      for (const c of CAUSES) {
        const col = names.indexOf(`discontinued_${c}`);
        expect(col).toBeGreaterThanOrEqual(0);
        let sum = 0;
        for (let t = 0; t < m.months; t++) sum += res.series[t * names.length + col]!;
        expect(sum, `${c} r${r}`).toBe(log.filter((e) => e.kind === 'discontinuance' && e.cause === c).length);
      }
    }
    // The run had innovations ending by more than one cause (the main cause was a real choice).
    expect(tiesOrMixed).toBeGreaterThan(3);
  });
});

describe('the main cause by hand', () => {
  const make = () =>
    world({
      opds: { list: ['a', 'b', 'c', 'd', 'e'].map((id) => opd(id)) },
      innovations: [{ id: 'svc', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: QUIET,
    });

  it('none ended: no main cause', () => {
    const w = make();
    live(w, at(w, 'a', 'svc'));
    expect(outcomes(w)[0]!.main_cause).toBeNull();
  });

  it('the most frequent cause; on a tie the first in the list of causes (hazard before leadership)', () => {
    const w = make();
    w.month = 5;
    for (const id of ['a', 'b', 'c', 'd', 'e']) live(w, at(w, id, 'svc'));
    discontinue(w, at(w, 'a', 'svc'), 'leadership');
    discontinue(w, at(w, 'b', 'svc'), 'leadership');
    discontinue(w, at(w, 'c', 'svc'), 'hazard');
    expect(outcomes(w)[0]!.main_cause).toBe('leadership');
    discontinue(w, at(w, 'd', 'svc'), 'hazard');
    expect(outcomes(w)[0]!.main_cause).toBe('hazard');
    expect(outcomes(w)[0]).toMatchObject({ heeks_failure: 4, last_discontinuation_month: 5 });
  });
});
