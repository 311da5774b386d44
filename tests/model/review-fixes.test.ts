/**
 * Cases found in the review of the model against MODEL.md (each failed
 * before its fix): integration and platforms, leader vacancies, pure Bass
 * launches, the single loop without a line, the triple loop's failing share,
 * launches in a month of leadership change, authority under noise,
 * re-adoption, withdrawn pilots, key collisions, pinned category bands.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../src/model/step.js';
import { learning } from '../../src/model/learning.js';
import { compile } from '../../src/model/compile.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { validateScenario } from '../../src/scenario/parse.js';
import { keyOf } from '../../src/engine/random.js';
import { INTEGRATION } from '../../src/model/world.js';
import { LINE, PLAIN, QUIET, STATE, at, eventRows, live, opd, tick, world } from '../support/world.js';

const opds = (n: number) => ({ list: Array.from({ length: n }, (_, i) => opd(`a${i + 1}`)) });

describe('integration follows its platform', () => {
  const input: Parameters<typeof world>[0] = {
    months: 24,
    vendors: [{ id: 'v', contract_end: '2020-06' }],
    platforms: [{ id: 'p', custodian: 'v' }],
    opds: opds(3),
    innovations: [
      { id: 'x', owner: 'opd', funding: 'apbd', platform: 'p', integrated_from: '2020-01', launch: '2020-01', initial_adopters: ['a1', 'a2'], ...PLAIN },
    ],
    parameters: { ...QUIET, vendor_exit_discontinue: 0 },
  };

  it('instances integrated through a platform lose it when the platform shuts; later adopters are not integrated', () => {
    const w = world(input);
    for (let m = 1; m <= 5; m++) step(w, m);
    expect(w.integrated[at(w, 'a1', 'x')]).toBe(INTEGRATION.platform);
    step(w, 6);
    expect(w.integrated[at(w, 'a1', 'x')]).toBe(INTEGRATION.none);
    expect(w.integrated[at(w, 'a2', 'x')]).toBe(INTEGRATION.none);
  });

  it('integration into the city (double loop) survives the platform', () => {
    const w = world(input);
    for (let m = 1; m <= 5; m++) step(w, m);
    w.integrated[at(w, 'a2', 'x')] = INTEGRATION.city;
    step(w, 6);
    expect(w.integrated[at(w, 'a2', 'x')]).toBe(INTEGRATION.city);
  });

  it('integrated_from after the launch integrates the instances already live', () => {
    const w = world({ ...input, vendors: [], platforms: [], innovations: [{ ...input.innovations[0]!, platform: undefined, integrated_from: '2020-04' }] });
    for (let m = 1; m <= 3; m++) step(w, m);
    expect(w.integrated[at(w, 'a1', 'x')]).toBe(INTEGRATION.none);
    step(w, 4);
    expect(w.integrated[at(w, 'a1', 'x')]).toBe(INTEGRATION.city);
  });
});

describe('leaders', () => {
  it('a term ending before the successor arrives is a vacancy, and the succession is one change', () => {
    const w = world({
      months: 12,
      coordinator: 'a1',
      opds: opds(2),
      leaders: [
        { id: 'A', from: '2020-01', to: '2020-06', commitment: 0.8 },
        { id: 'B', from: '2020-09', commitment: 0.6 },
      ],
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, vision_init: 0.8 },
    });
    for (let m = 1; m <= 7; m++) step(w, m);
    expect(w.leader).toBe(-1);
    expect(w.commitment).toBe(0);
    expect(w.vision).toBe(0.8);
    for (let m = 8; m <= 9; m++) step(w, m);
    expect(w.commitment).toBe(0.6);
    expect(w.vision).toBeCloseTo(0.72, 12);
    expect(eventRows(w).filter((e) => e.kind.startsWith('leader')).map((e) => [e.month, e.kind])).toEqual([
      [7, 'leader_vacancy'],
      [9, 'leadership_change'],
    ]);
  });

  it('an innovation launched in the month a new leader takes office is the new leader\'s', () => {
    const w = world({
      months: 12,
      opds: opds(3),
      leaders: [
        { id: 'A', from: '2020-01', commitment: 0.8 },
        { id: 'B', from: '2020-05', commitment: 0.6 },
      ],
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', sponsor: 'leader', launch: '2020-05', initial_adopters: ['a1', 'a2', 'a3'], ...PLAIN }],
      parameters: { ...QUIET, sponsor_continuity: 0, leader_shock: 1 },
    });
    for (let m = 1; m <= 5; m++) step(w, m);
    expect(w.sponsored[0]).toBe(1);
    expect(eventRows(w).filter((e) => e.kind === 'discontinuance')).toEqual([]);
  });
});

describe('pure Bass mode', () => {
  it('initial adopters adopt at launch', () => {
    const w = world({
      decision: 'bass',
      months: 3,
      opds: opds(5),
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-02', initial_adopters: ['a1', 'a2', 'a3'], ...PLAIN }],
      parameters: { bass_p: 0, bass_q: 0 },
    });
    step(w, 1);
    expect(w.counters.newAdoptions).toBe(0);
    step(w, 2);
    expect(w.counters.newAdoptions).toBe(3);
  });
});

describe('learning', () => {
  const base: Parameters<typeof world>[0] = {
    months: 24,
    opds: opds(2),
    innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
    parameters: { ...QUIET },
  };

  it('halving the effort of an instance without a line is a single-loop event', () => {
    const w = world(base);
    tick(w, 5);
    live(w, at(w, 'a1', 'x'), { line: LINE.none, effort: 0.04 });
    learning(w);
    expect(w.effort[at(w, 'a1', 'x')]).toBeCloseTo(0.02, 15);
    expect(w.counters.learningSingle).toBe(1);
  });

  it('the triple loop reads the failing share before the double loop replaces anything', () => {
    const w = world({ ...base, parameters: { ...QUIET, F_star: 0.4, triple_months: 1, gap_months: 1 } });
    tick(w, 5);
    // a1 fails (usage 0.1 < u_fail) and will be replaced by the double loop; a2 is fine.
    live(w, at(w, 'a1', 'x'), { usage: 0.1, gapMonths: 1, reinvented: true, integrated: true });
    w.reflexivity[0] = 1;
    live(w, at(w, 'a2', 'x'), { usage: 0.9 });
    learning(w);
    expect(w.state[at(w, 'a1', 'x')]).toBe(STATE.discontinued);
    expect(w.triplePending).toBe(true);
  });
});

describe('decision and re-adoption', () => {
  it('with noise and no regulation or leader pull, no adoption carries the authority flag', () => {
    const w = world({
      months: 12,
      opds: { generate: { count: 60 } },
      innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      parameters: { ...QUIET, decision_noise: 0.2, campaign_boost: 200 },
    });
    for (let m = 1; m <= 12; m++) step(w, m);
    const adopted = Array.from(w.everAdopted).filter(Boolean).length;
    expect(adopted).toBeGreaterThan(5);
    expect(Array.from(w.authority).filter(Boolean)).toEqual([]);
  });

  it('a re-adopted instance starts afresh: not owned, not re-invented, attributes of the innovation', () => {
    const w = world({
      months: 24,
      opds: opds(1),
      vendors: [{ id: 'v' }],
      innovations: [{ id: 'x', owner: 'vendor', funding: 'apbd', launch: '2020-01', ...PLAIN, compatibility: 0.5 }],
      parameters: { ...QUIET, readopt_months: 1, theta_mean: 0, campaign_boost: 1000 },
    });
    const i = at(w, 'a1', 'x');
    w.theta[0] = 0;
    live(w, i, { owned: true, reinvented: true });
    w.compatibility[i] = 0.9;
    w.state[i] = STATE.discontinued;
    w.endedAt[i] = 0;
    for (let m = 1; m <= 2; m++) step(w, m);
    expect(w.state[i]).toBe(STATE.live);
    expect([w.owned[i], w.reinvented[i], w.compatibility[i]]).toEqual([0, 0, 0.5]);
  });

  it('a withdrawn pilot leaves no agency aware of it', () => {
    const w = world({
      months: 12,
      opds: opds(4),
      innovations: [{ id: 'x', owner: 'vendor', funding: 'pilot', pilot_months: 3, launch: '2020-01', ...PLAIN }],
      vendors: [{ id: 'v' }],
      parameters: { ...QUIET, takeover_vendor: 0, pilot_discontinue: 1, theta_mean: 1, theta_sd: 0, campaign_boost: 1000 },
    });
    for (let m = 1; m <= 3; m++) step(w, m);
    expect(Array.from(w.state).filter((s) => s === STATE.aware).length).toBeGreaterThan(0);
    step(w, 4);
    expect(w.withdrawn[0]).toBe(1);
    expect(Array.from(w.state).filter((s) => s === STATE.aware)).toEqual([]);
  });
});

describe('scenario guards', () => {
  it('agencies whose id hashes collide get distinct random keys', () => {
    expect(keyOf('opd138469')).toBe(keyOf('opd138469'));
    const m = compile(
      scenarioSchema.parse({
        name: 'keys',
        start: '2020-01',
        months: 1,
        opds: { list: [{ id: 'opd138469' }, { id: 'opd188647' }] },
        innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
      }),
    );
    expect(keyOf('opd138469')).toBe(keyOf('opd188647'));
    expect(m.opds[0]!.key).not.toBe(m.opds[1]!.key);
  });

  it('a pinned category whose theta band misses [0, 1] is rejected', () => {
    const r = validateScenario(
      {
        name: 'band',
        start: '2020-01',
        months: 1,
        opds: { list: [{ id: 'a', category: 'innovator' }] },
        innovations: [{ id: 'x', owner: 'opd', funding: 'apbd', launch: '2020-01', ...PLAIN }],
        parameters: { theta_mean: 0.2, theta_sd: 0.15 },
      },
      'band.yaml',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['category_band_empty', 'opds.list.0.category']]);
  });
});
