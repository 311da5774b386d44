/**
 * The national per-government series (docs/NATIONAL.md, "Outputs",
 * national_series.csv; simulate.ts `series`, `flows`, `offering`) against a
 * brute-force recount from the agents' states of every government, month by
 * month, for every group (`all`, `type:*`, `cohort:*`,
 * `programme:<id>:members` / `:others`); and the national phase's launches
 * (coercion and inducement against a government's own earlier launch),
 * money arriving and vision floors, as the docs state them. Kept under
 * tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import type { NationalModel } from '../../src/model/national/compile.js';
import { initNational, nationalPhase, seriesGroups, simulateNationalReplication, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { Process } from '../../src/model/processes.js';
import { CAUSE, LINE, STAGE, STATE, isLive } from '../../src/model/world.js';
import { monthIndex } from '../../src/scenario/calendar.js';
import { buildSmallNational, type Input } from './national-fixture.js';

const build = buildSmallNational;
const at = (ym: string) => monthIndex('2016-01', ym);

/**
 * Seven governments in two provinces, two programmes (one with two cohorts),
 * pulls between governments, and a funded mandate that bans standalone
 * applications from 2019-01 (a replacement wave), over 48 months.
 */
const rich = (s: Input) => {
  s['months'] = 48;
  (s['governments'] as unknown[]).push(
    { id: 'kab-d', type: 'regency', province: 'prov-a', districts: 6, fiscal_capacity: 0.95 },
    { id: 'kab-e', type: 'regency', province: 'prov-c', districts: 3 },
    { id: 'prov-c', type: 'province', province: 'prov-c' },
  );
  s['national_parameters'] = { gov_launch_base: 0.4, gov_imitation: 2, gov_competition: 1, gov_learning: 0.3 };
  // A translation score that counts as stable early, so that instances routinize within the run.
  s['parameters'] = { ...(s['parameters'] as object), ban_replacement: 0.3, T_stable: 0.2, T_stable_months: 3, budget_open_min: 0 };
  s['national_regulations'] = [{ id: 'ban', from: '2019-01', strength: 1, anchors: ['mandated-service'], money: true, bans_standalone: true, governments: { except: ['kab-e'] } }];
  s['programmes'] = [
    {
      id: 'smart',
      cohorts: [
        { id: 'smart-2017', from: '2017-01', members: ['kota-a'], select: { count: 1, by: 'fiscal_capacity' } },
        { id: 'smart-2018', from: '2018-01', members: [], select: { count: 1, by: 'fiscal_capacity' } },
      ],
      vision: 0.8,
    },
    { id: 'prov', cohorts: [{ id: 'prov-2017', from: '2017-06', members: ['prov-a', 'prov-c'] }], anchors: ['e-office'] },
  ];
};

/** The groups of each government, written from the docs' list (not from seriesGroups). */
function expectedGroups(model: NationalModel): { names: string[]; of: number[][] } {
  const names = ['all', 'type:province', 'type:regency', 'type:city'];
  for (const c of model.cohorts) names.push(`cohort:${c.id}`);
  const programmes = (model.scenario.programmes as { id: string }[]).map((p) => p.id);
  for (const p of programmes) names.push(`programme:${p}:members`, `programme:${p}:others`);
  const of = model.governments.map((g) => {
    const gs = ['all', `type:${g.type}`, ...g.cohorts.map((c) => `cohort:${c}`)];
    for (const p of programmes) {
      const member = model.cohorts.some((c) => c.programme === p && c.members.includes(g.index));
      gs.push(`programme:${p}:${member ? 'members' : 'others'}`);
    }
    return gs.map((n) => names.indexOf(n));
  });
  return { names, of };
}

describe('national series: brute-force recount from the agents', () => {
  it.each([true, false])('live and ever counts, replacements and integrations of every group, month and service; offering; launches and pulls (same_province: %s)', (same) => {
    const model = build((s) => {
      rich(s);
      s['government_network'] = { same_province: same, pioneers: { cohorts: ['smart-2017'] } };
    });
    const S = model.services.length;
    const G = model.governments.length;
    const groups = expectedGroups(model);
    expect(seriesGroups(model)).toEqual(groups);
    expect(groups.names).toEqual([
      'all', 'type:province', 'type:regency', 'type:city',
      'cohort:smart-2017', 'cohort:smart-2018', 'cohort:prov-2017',
      'programme:smart:members', 'programme:smart:others', 'programme:prov:members', 'programme:prov:others',
    ]);
    const Gr = groups.names.length;
    let totals = { live: 0, replaced: 0, integrated: 0, pull: 0, forced: 0, drawn: 0 };
    for (const r of [0, 1]) {
      const res = simulateNationalReplication(model, model.scenario.seed, r);
      expect(res.series.length).toBe(model.months * Gr * S * 2);
      // Offering: governments of the group whose portfolio holds the service.
      for (let gr = 0; gr < Gr; gr++)
        for (let s = 0; s < S; s++) {
          const want = model.governments.filter((g, gi) => groups.of[gi]!.includes(gr) && g.model.innovations.some((x) => x.id === model.services[s])).length;
          expect(res.offering[gr * S + s], `${groups.names[gr]} ${model.services[s]}`).toBe(want);
        }
      // The same replication stepped by hand, recounted from the agents' states.
      const run = initNational(model, model.scenario.seed, r);
      const ever = new Uint8Array(G * S);
      // Per government, per instance: 1 when live (eligible) and not integrated at the end of the previous month.
      const standalone = run.worlds.map((w) => new Uint8Array(w.n * w.k));
      const peak = run.worlds.map((w) => new Array<number>(w.k).fill(0));
      const { gov_learning, gov_launch_base, gov_imitation, gov_competition } = model.params;
      for (let month = 1; month <= model.months; month++) {
        // Last month's routinized flags, from the agents: the learning pull of each government is
        // gov_learning times the share of its peers with the service routinized somewhere.
        const routinizedBefore = model.governments.map((g, gi) => {
          const w = run.worlds[gi]!;
          return model.services.map((_, s) => {
            const j = g.serviceIndex[s]!;
            if (j < 0) return 0;
            for (let o = 0; o < w.n; o++) if (w.eligible[o * w.k + j] && w.state[o * w.k + j] === STATE.routinized) return 1;
            return 0;
          });
        });
        // Last month's live flags, from the agents, and the launches before this month's phase.
        const liveBefore = model.governments.map((g, gi) => {
          const w = run.worlds[gi]!;
          return model.services.map((_, s) => {
            const j = g.serviceIndex[s]!;
            if (j < 0) return 0;
            for (let o = 0; o < w.n; o++) if (w.eligible[o * w.k + j] && isLive(w.state[o * w.k + j]!)) return 1;
            return 0;
          });
        });
        const launchedBefore = run.worlds.map((w) => Array.from(w.national!.launchedAt));
        nationalPhase(model, run, month);
        // Launches (docs/NATIONAL.md, "Diffusion between governments"): forced ones in their month; else with
        // monthly probability 1 - exp(-rate/12), rate = base + imitation * L + competition * C, one draw per
        // government, service and month (the government's launch stream, keyed by month and the service).
        model.governments.forEach((g, gi) =>
          model.services.forEach((_, s) => {
            const j = g.serviceIndex[s]!;
            if (j < 0) return;
            const inn = g.model.innovations[j]!;
            const before = launchedBefore[gi]![j]!;
            const share = (list: Int32Array) => (list.length === 0 ? 0 : Array.from(list).filter((p) => liveBefore[p]![s] === 1).length / list.length);
            const rate = gov_launch_base + gov_imitation * share(g.peers) + gov_competition * share(g.provincePeers);
            const forced = g.forcedLaunch.some(([m, x]) => m === month && x === j);
            const u = run.worlds[gi]!.streams.uniform(Process.GovernmentLaunch, month, 0, inn.key);
            const want = before >= 0 ? before : forced || (month >= inn.launch && rate > 0 && u < 1 - Math.exp(-rate / 12)) ? month : -1;
            expect(run.worlds[gi]!.national!.launchedAt[j], `${g.id} launches ${model.services[s]} in month ${month}`).toBe(want);
            if (before < 0 && want === month) totals[forced ? 'forced' : 'drawn']++;
          }),
        );
        model.governments.forEach((g, gi) =>
          model.services.forEach((_, s) => {
            const j = g.serviceIndex[s]!;
            if (j < 0) return;
            const share = g.peers.length === 0 ? 0 : Array.from(g.peers).filter((p) => routinizedBefore[p]![s] === 1).length / g.peers.length;
            expect(run.worlds[gi]!.national!.utility[j], `${g.id} ${model.services[s]} month ${month}`).toBeCloseTo(gov_learning * share, 12);
            if (share > 0) totals.pull++;
          }),
        );
        for (const w of run.worlds) step(w, month);
        tallyServices(model, run);
        const want = new Float64Array(Gr * S * 4);
        model.governments.forEach((g, gi) => {
          const w = run.worlds[gi]!;
          for (let s = 0; s < S; s++) {
            const j = g.serviceIndex[s]!;
            if (j < 0) continue;
            let live = 0;
            let replaced = 0;
            let integrated = 0;
            for (let o = 0; o < w.n; o++) {
              const i = o * w.k + j;
              if (!w.eligible[i]) continue;
              const st = w.state[i]!;
              if (isLive(st)) {
                live = 1;
                if (w.integrated[i] && standalone[gi]![i]) integrated++;
              }
              if (st === STATE.discontinued && w.cause[i] === CAUSE.replacement && w.endedAt[i] === month) replaced++;
            }
            if (live) ever[gi * S + s] = 1;
            for (const gr of groups.of[gi]!) {
              const x = (gr * S + s) * 4;
              want[x] += live;
              want[x + 1] += ever[gi * S + s]!;
              want[x + 2] += replaced;
              want[x + 3] += integrated;
            }
          }
          // Peak live count of every local innovation (eligible instances), for the horizon outcomes.
          for (let j = 0; j < w.k; j++) {
            let c = 0;
            for (let o = 0; o < w.n; o++) if (w.eligible[o * w.k + j] && isLive(w.state[o * w.k + j]!)) c++;
            peak[gi]![j] = Math.max(peak[gi]![j]!, c);
          }
          for (let i = 0; i < w.n * w.k; i++) standalone[gi]![i] = w.eligible[i] && isLive(w.state[i]!) && !w.integrated[i] ? 1 : 0;
        });
        const base = (month - 1) * Gr * S * 2;
        for (let gr = 0; gr < Gr; gr++)
          for (let s = 0; s < S; s++) {
            const x = (gr * S + s) * 4;
            const y = base + (gr * S + s) * 2;
            const label = `month ${month}, ${groups.names[gr]}, ${model.services[s]}`;
            expect([res.series[y], res.series[y + 1], res.flows[y], res.flows[y + 1]], label).toEqual([want[x], want[x + 1], want[x + 2], want[x + 3]]);
          }
        totals = {
          pull: totals.pull,
          forced: totals.forced,
          drawn: totals.drawn,
          live: totals.live + want.filter((_, x) => x % 4 === 0).reduce((a, b) => a + b, 0),
          replaced: totals.replaced + want.filter((_, x) => x % 4 === 2).reduce((a, b) => a + b, 0),
          integrated: totals.integrated + want.filter((_, x) => x % 4 === 3).reduce((a, b) => a + b, 0),
        };
      }
      // Launched: a service launched (by any route) by the horizon.
      model.governments.forEach((g, gi) => {
        const la = run.worlds[gi]!.national!.launchedAt;
        expect(Array.from(res.launched[gi]!), g.id).toEqual(Array.from(la, (m) => (m >= 0 && m <= model.months ? 1 : 0)));
      });
      // The horizon outcomes are the city model's rows of each government, with the peak live counts seen month by month.
      expect(res.outcomes.map((rows) => rows.map((o) => o.peak_live))).toEqual(peak);
      expect(peak.flat().filter((x) => x > 0).length).toBeGreaterThan(10);
      expect(res.outcomes.map((rows) => rows.map((o) => o.innovation))).toEqual(model.governments.map((g) => g.model.innovations.map((x) => x.id)));
    }
    // Not vacuous: services live, a replacement wave and integrations happened.
    expect(totals.live).toBeGreaterThan(10);
    expect(totals.replaced).toBeGreaterThan(5);
    expect(totals.integrated).toBeGreaterThan(5);
    expect(totals.pull).toBeGreaterThan(5);
    expect(totals.forced).toBeGreaterThan(3);
    expect(totals.drawn).toBeGreaterThan(10);
  });

  it('the national observation gives the same flags and counts from the live lists as from a full scan of the instances', () => {
    const model = build(rich);
    const a = initNational(model, model.scenario.seed, 0);
    const b = initNational(model, model.scenario.seed, 0);
    const snap = (run: typeof a) => [run.live, run.routinized, run.ever, run.replaced, run.integrated, ...run.worlds.map((w) => w.peakLive)].map((x) => Array.from(x));
    let routinized = 0;
    for (let month = 1; month <= model.months; month++) {
      for (const run of [a, b]) {
        nationalPhase(model, run, month);
        for (const w of run.worlds) step(w, month);
      }
      tallyServices(model, a);
      // The lists are taken as stale: tallyServices scans every instance.
      for (const w of b.worlds) w.lists.observable = false;
      tallyServices(model, b);
      expect(snap(b), `month ${month}`).toEqual(snap(a));
      routinized += a.routinized.reduce((x, y) => x + y, 0);
    }
    expect(routinized).toBeGreaterThan(0);
  });

  it('governments differ: the per-government flags summed by group are not one government copied', () => {
    const model = build(rich);
    const res = simulateNationalReplication(model, model.scenario.seed, 0);
    const S = model.services.length;
    const Gr = seriesGroups(model).names.length;
    // In some month, for some service, `all` counts strictly between 0 and the governments offering it.
    let between = 0;
    for (let m = 0; m < model.months; m++)
      for (let s = 0; s < S; s++) {
        const v = res.series[(m * Gr + 0) * S * 2 + s * 2]!;
        if (v > 0 && v < res.offering[s]!) between++;
      }
    expect(between).toBeGreaterThan(5);
  });
});

describe('government order and detail (docs/NATIONAL.md, "Random draws and order")', () => {
  it('reordering the governments changes no government\'s results: outcomes, launches and series by id', () => {
    const model = build(rich);
    const reordered = build((s) => {
      rich(s);
      (s['governments'] as unknown[]).reverse();
    });
    expect(reordered.governments.map((g) => g.id)).toEqual([...model.governments.map((g) => g.id)].reverse());
    for (const r of [0, 1]) {
      const a = simulateNationalReplication(model, 11, r);
      const b = simulateNationalReplication(reordered, 11, r);
      const G = model.governments.length;
      model.governments.forEach((g, gi) => {
        expect(b.outcomes[G - 1 - gi], g.id).toEqual(a.outcomes[gi]);
        expect(Array.from(b.launched[G - 1 - gi]!), g.id).toEqual(Array.from(a.launched[gi]!));
      });
      // Group series are sums over governments: the same numbers in any order.
      expect(Array.from(b.series)).toEqual(Array.from(a.series));
      expect(Array.from(b.flows)).toEqual(Array.from(a.flows));
    }
  });

  it('--detail returns the agents of the governments asked for, in the order asked', () => {
    const model = build(rich);
    const res = simulateNationalReplication(model, 11, 0, [3, 1]);
    expect(res.agents.map((a) => a.government)).toEqual([3, 1]);
    for (const { government, rows } of res.agents) expect(rows.map((r) => r.opd)).toEqual(model.governments[government]!.model.opds.map((o) => o.id));
    expect(simulateNationalReplication(model, 11, 0).agents).toEqual([]);
  });
});

describe('national phase (docs/NATIONAL.md, "National actors", "Monthly order")', () => {
  /** launchedAt of `service` per government after running all months. */
  const launches = (model: NationalModel, service: string) => {
    const run = initNational(model, 11, 0);
    for (let month = 1; month <= model.months; month++) {
      nationalPhase(model, run, month);
      for (const w of run.worlds) step(w, month);
      tallyServices(model, run);
    }
    return model.governments.map((g, gi) => {
      const j = g.model.innovations.findIndex((x) => x.id === service);
      return j < 0 ? null : run.worlds[gi]!.national!.launchedAt[j]!;
    });
  };
  const quiet = { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 };

  it('a funded mandate launches the service at once where it reaches, at the service launch if it starts earlier; nowhere else', () => {
    const model = build((s) => {
      s['months'] = 36;
      s['national_parameters'] = quiet;
      s['national_regulations'] = [
        { id: 'early', from: '2016-06', strength: 1, anchors: ['mandated-service'], money: true, governments: { ids: ['kota-a'] } },
        { id: 'later', from: '2018-01', strength: 1, anchors: ['mandated-service'], money: true, governments: { ids: ['kab-b', 'kota-c'] } },
        { id: 'paper', from: '2017-03', strength: 1, anchors: ['e-office'], money: false },
      ];
    });
    // mandated-service launches in 2017-01 (month 13).
    expect(launches(model, 'mandated-service')).toEqual([-1, at('2017-01'), at('2018-01'), at('2018-01')]);
    // An unfunded mandate makes nobody launch; programme members launch nothing (the programme has no anchors).
    expect(launches(model, 'e-office')).toEqual([-1, -1, -1, -1]);
  });

  it('a forced launch does not move a launch the government made earlier on its own', () => {
    const model = build((s) => {
      s['months'] = 36;
      // A launch rate that makes every government launch in the first month the service is available.
      s['national_parameters'] = { gov_launch_base: 200, gov_imitation: 0, gov_competition: 0 };
      s['national_regulations'] = [{ id: 'later', from: '2018-01', strength: 1, anchors: ['mandated-service'], money: true }];
    });
    expect(launches(model, 'mandated-service')).toEqual([at('2017-01'), at('2017-01'), at('2017-01'), at('2017-01')]);
  });

  it('joining a programme launches its anchors (inducement) in the cohort month, raises the vision, and only for members', () => {
    const model = build((s) => {
      s['months'] = 36;
      s['national_parameters'] = quiet;
      s['programmes'] = [
        {
          id: 'smart',
          cohorts: [
            { id: 'c1', from: '2017-01', members: ['kota-a'] },
            { id: 'c2', from: '2018-04', members: ['kab-b'] },
          ],
          anchors: ['e-office'],
          vision: 0.9,
        },
      ];
      s['government_network'] = { same_province: true };
    });
    expect(launches(model, 'e-office')).toEqual([-1, at('2017-01'), at('2018-04'), -1]);
    // The vision floor is reached in the member's cohort month (read right after the national phase).
    const run = initNational(model, 11, 0);
    const visions: number[][] = [];
    for (let month = 1; month <= 30; month++) {
      nationalPhase(model, run, month);
      visions.push(run.worlds.map((w) => w.vision));
      for (const w of run.worlds) step(w, month);
      tallyServices(model, run);
    }
    expect(visions[at('2017-01') - 1]![1]).toBeGreaterThanOrEqual(0.9);
    expect(visions[at('2017-01') - 2]![1]).toBeLessThan(0.9);
    expect(visions[at('2018-04') - 1]![2]).toBeGreaterThanOrEqual(0.9);
    expect(visions[at('2018-04') - 2]![2]).toBeLessThan(0.9);
    expect(Math.max(...visions.map((v) => v[3]!))).toBeLessThan(0.9);
  });

  it('national money moves every live instance of the service onto the national line in its month, and only that service', () => {
    const model = build((s) => {
      s['months'] = 48;
      s['national_parameters'] = { gov_launch_base: 200, gov_imitation: 0, gov_competition: 0 };
      s['parameters'] = { ...(s['parameters'] as object), h0_other: 0.01 };
      s['national_regulations'] = [{ id: 'money', from: '2019-06', strength: 0, anchors: ['e-office'], money: true, governments: { except: ['kab-b'] } }];
    });
    const month = at('2019-06');
    const run = initNational(model, 11, 0);
    for (let m = 1; m < month; m++) {
      nationalPhase(model, run, m);
      for (const w of run.worlds) step(w, m);
      tallyServices(model, run);
    }
    // Routinized instances are live too (MODEL.md 2.1): one live instance per government made routinized by hand.
    model.governments.forEach((g, gi) => {
      const w = run.worlds[gi]!;
      const j = g.model.innovations.findIndex((x) => x.id === 'e-office');
      for (let o = 0; o < w.n; o++) {
        const i = o * w.k + j;
        if (w.state[i] !== STATE.live) continue;
        w.state[i] = STATE.routinized;
        w.stage[i] = STAGE.routinized;
        break;
      }
    });
    const before = run.worlds.map((w) => Uint8Array.from(w.line));
    nationalPhase(model, run, month);
    let moved = 0;
    let routinized = 0;
    model.governments.forEach((g, gi) => {
      const w = run.worlds[gi]!;
      const j = g.model.innovations.findIndex((x) => x.id === 'e-office');
      for (let o = 0; o < w.n; o++)
        for (let jj = 0; jj < w.k; jj++) {
          const i = o * w.k + jj;
          if (jj === j && g.id !== 'kab-b' && isLive(w.state[i]!)) {
            expect(w.line[i], `${g.id} agency ${o}`).toBe(LINE.national);
            expect(w.lineOpened[i]).toBe(month);
            expect(w.proposable[i]).toBe(0);
            moved++;
            if (w.state[i] === STATE.routinized) routinized++;
          } else expect(w.line[i], `${g.id} agency ${o} innovation ${jj}`).toBe(before[gi]![i]);
        }
      expect(w.national!.money[j]).toBe(g.id === 'kab-b' ? 0 : 1);
    });
    // Live and routinized instances alike.
    expect(moved).toBeGreaterThan(10);
    expect(routinized).toBeGreaterThan(2);
  });
});
