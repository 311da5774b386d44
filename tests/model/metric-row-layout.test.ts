/**
 * The monthly metric row (docs/OUTPUTS.md, summary.csv "Metrics"): every
 * column under its documented name, in the documented order, holding what
 * the docs say it holds, recounted by brute force from the agents' states
 * and the month's event log of the Bekasi scenario (many services, pilots,
 * vendor exits, a ban on standalone applications). A column skipped,
 * shifted or swapped shows as a name whose value is another's. No byte
 * hashes: each value is recomputed here from its definition.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Streams, replicationSeed } from '../../src/engine/random.js';
import { compile, type CompiledModel } from '../../src/model/compile.js';
import { initWorld } from '../../src/model/init.js';
import { observeBass } from '../../src/model/bass.js';
import { metricNames, newTallies, observe, observeAfterStep } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { step } from '../../src/model/step.js';
import { CATEGORIES, CAUSES, PER_INNOVATION_METRICS, metricFacets } from '../../src/model/vocabulary.js';
import { STAGE, STATE, type World } from '../../src/model/world.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';

const BEKASI = fileURLToPath(new URL('../../scenarios/bekasi-2015-2025.yaml', import.meta.url));
/** Bekasi with its vendors leaving early and taking their services along (discontinued_vendor_exit moves). */
const VENDOR = 'bekasi, vendors leave in 2017';
/** Pure Bass mode (bass.ts keeps the tallies incrementally, observeBass writes the row). */
const BASS = fileURLToPath(new URL('../../scenarios/validation/bass-complete.yaml', import.meta.url));
const cache = new Map<string, { model: CompiledModel; seed: number }>();
const load = (file: string) => {
  const hit = cache.get(file);
  if (hit) return hit;
  const overrides: Record<string, unknown> =
    file === VENDOR ? { 'parameters.vendor_exit_discontinue': 1, 'vendors[id=telkomsel].contract_end': '2017-01', 'vendors[id=lapi-itb].contract_end': '2017-06' } : {};
  const { scenario } = readScenarioFile(file === VENDOR ? BEKASI : file, overrides);
  const out = { model: compile(scenario), seed: scenario.seed };
  cache.set(file, out);
  return out;
};
const bekasi = () => load(BEKASI);

/** The city-wide metrics as docs/OUTPUTS.md lists them, in column order. */
const CITY = [
  'cumulative_adoption_share',
  'live_share',
  'routinized_share',
  'integrated_share',
  'failing_share',
  'mean_usage',
  'mean_translation',
  'state_unaware',
  'state_aware',
  'state_live',
  'state_routinized',
  'state_discontinued',
  'stage_restructuring',
  'stage_clarifying',
  'stage_routinized',
  'new_adoptions',
  'adoptions_innovator',
  'adoptions_early_adopter',
  'adoptions_early_majority',
  'adoptions_late_majority',
  'adoptions_laggard',
  'discontinued_defunded',
  'discontinued_vendor_exit',
  'discontinued_disenchantment',
  'discontinued_hazard',
  'discontinued_leadership',
  'discontinued_replacement',
  'learning_single',
  'learning_double',
  'learning_double_vision',
  'learning_triple',
  'leader_commitment',
  'vision',
  'budget',
];

/** Every metric of month `w.month`, by name, from its definition in docs/OUTPUTS.md. */
function recount(w: World, eventsFrom: number): Map<string, number> {
  const { n, k } = w;
  const inns = w.model.innovations;
  const m = new Map<string, number>();
  let eligible = 0;
  let ever = 0;
  const states = [0, 0, 0, 0, 0];
  const stages = [0, 0, 0, 0];
  let usage = 0;
  let translation = 0;
  let liveAll = 0;
  let failing = 0;
  let integratedAgencies = 0;
  const liveBy = new Array<number>(k).fill(0);
  const everBy = new Array<number>(k).fill(0);
  const eligibleBy = new Array<number>(k).fill(0);
  const routinizedBy = new Array<number>(k).fill(0);
  const awareBy = new Array<number>(k).fill(0);
  for (let o = 0; o < n; o++) {
    let anyIntegrated = false;
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      const s = w.state[i]!;
      const live = s === STATE.live || s === STATE.routinized;
      if (live) {
        liveAll++;
        if (w.usage[i]! < w.model.params.u_fail) failing++;
        if (w.integrated[i]) anyIntegrated = true;
      }
      if (!w.eligible[i]) continue;
      eligible++;
      eligibleBy[j]!++;
      states[s]!++;
      if (w.everAdopted[i]) {
        ever++;
        everBy[j]!++;
      }
      if (s === STATE.aware) awareBy[j]!++;
      if (s === STATE.routinized) routinizedBy[j]!++;
      if (live) {
        liveBy[j]!++;
        stages[w.stage[i]!]!++;
        usage += w.usage[i]!;
        translation += w.translation[i]!;
      }
    }
    if (anyIntegrated) integratedAgencies++;
  }
  const live = states[STATE.live]! + states[STATE.routinized]!;
  m.set('cumulative_adoption_share', ever / eligible);
  m.set('live_share', live / eligible);
  m.set('routinized_share', states[STATE.routinized]! / eligible);
  m.set('integrated_share', integratedAgencies / n);
  m.set('failing_share', liveAll > 0 ? failing / liveAll : 0);
  m.set('mean_usage', live > 0 ? usage / live : 0);
  m.set('mean_translation', live > 0 ? translation / live : 0);
  (['unaware', 'aware', 'live', 'routinized', 'discontinued'] as const).forEach((s) => m.set(`state_${s}`, states[STATE[s]]!));
  (['restructuring', 'clarifying', 'routinized'] as const).forEach((s) => m.set(`stage_${s}`, stages[STAGE[s]]!));
  // This month's adoptions and discontinuations, from the event log.
  const events = w.events!.slice(eventsFrom);
  expect(events.every((e) => e.month === w.month)).toBe(true);
  const adoptions = events.filter((e) => e.kind === 'adoption');
  m.set('new_adoptions', adoptions.length);
  CATEGORIES.forEach((c, ci) => m.set(`adoptions_${c}`, adoptions.filter((e) => w.category[e.opd] === ci).length));
  for (const c of CAUSES) m.set(`discontinued_${c}`, events.filter((e) => e.kind === 'discontinuance' && e.cause === c).length);
  // The learning counters are the month's counters (their counting is tested in learning's own tests).
  m.set('learning_single', w.counters.learningSingle);
  m.set('learning_double', w.counters.learningDouble);
  m.set('learning_double_vision', w.counters.learningDoubleVision);
  m.set('learning_triple', w.counters.learningTriple);
  m.set('leader_commitment', w.leader >= 0 ? w.commitment : 0);
  m.set('vision', w.vision);
  m.set('budget', w.budget);
  inns.forEach((inn, j) => {
    m.set(`live.${inn.id}`, liveBy[j]!);
    m.set(`cumulative.${inn.id}`, eligibleBy[j]! > 0 ? everBy[j]! / eligibleBy[j]! : 0);
    m.set(`routinized.${inn.id}`, routinizedBy[j]!);
    m.set(`aware.${inn.id}`, awareBy[j]!);
    m.set(`launched.${inn.id}`, w.month >= inn.launch ? 1 : 0);
  });
  return m;
}

describe('metric names (docs/OUTPUTS.md)', () => {
  it('are the documented city metrics, then each per-innovation prefix over the innovations in scenario order', () => {
    const { model } = bekasi();
    const ids = model.innovations.map((x) => x.id);
    expect(ids.length).toBeGreaterThan(5);
    const expected = [...CITY];
    for (const prefix of ['live', 'cumulative', 'routinized', 'aware', 'launched']) for (const id of ids) expected.push(`${prefix}.${id}`);
    expect(metricNames(model)).toEqual(expected);
  });

  it('read back to the innovation or cause they are about (metricFacets), as the "Metric names" table says', () => {
    const { model } = bekasi();
    for (const name of metricNames(model)) {
      const f = metricFacets(name);
      const dot = name.indexOf('.');
      if (dot > 0) expect(f, name).toEqual({ innovation: name.slice(dot + 1), cause: null });
      else if (name.startsWith('discontinued_')) expect(f, name).toEqual({ innovation: null, cause: name.slice('discontinued_'.length) });
      else expect(f, name).toEqual({ innovation: null, cause: null });
    }
    for (const p of PER_INNOVATION_METRICS) expect(metricFacets(`${p}.e-permit`)).toEqual({ innovation: 'e-permit', cause: null });
    expect(metricFacets('sustained.a.b')).toEqual({ innovation: 'a.b', cause: null });
    expect(metricFacets('discontinuations.hazard')).toEqual({ innovation: null, cause: 'hazard' });
    expect(metricFacets('discontinuations.total')).toEqual({ innovation: null, cause: null });
    expect(metricFacets('discontinued_nonsense')).toEqual({ innovation: null, cause: null });
    expect(metricFacets('discontinuations.nonsense')).toEqual({ innovation: null, cause: null });
    expect(metricFacets('other.x')).toEqual({ innovation: null, cause: null });
    expect(metricFacets('.x')).toEqual({ innovation: null, cause: null });
    expect(metricFacets('live_share')).toEqual({ innovation: null, cause: null });
    expect(metricFacets('sustained_count')).toEqual({ innovation: null, cause: null });
  });
});

describe('the metric row of every month', () => {
  it.each([BEKASI, VENDOR, BASS])('%s: holds, under each name, the value recounted from the agents and the month’s events (both observers, and the replication series)', (file) => {
    const { model, seed } = load(file);
    const names = metricNames(model);
    const width = names.length;
    const replication = 1;
    const w = initWorld(model, new Streams(replicationSeed(seed, replication)), true);
    const series = simulateReplication(model, seed, replication, { detail: false }).series;
    expect(series.length).toBe(model.months * width);
    const scratch = newTallies(w.k);
    const row = new Float64Array(width);
    const full = new Float64Array(width);
    // Per column, the distinct values seen: the run must exercise the columns (non-vacuous).
    const seen = names.map(() => new Set<number>());
    for (let month = 1; month <= model.months; month++) {
      const from = w.events!.length;
      step(w, month);
      const want = recount(w, from);
      row.fill(NaN);
      if (model.bass) observeBass(w, row);
      else observeAfterStep(w, row, scratch);
      observe(w, full);
      names.forEach((name, c) => {
        const v = want.get(name);
        expect(v, name).toBeTypeOf('number');
        expect(row[c], `${name}, month ${month}`).toBeCloseTo(v!, 12);
        expect(full[c], `${name}, month ${month} (full scan)`).toBeCloseTo(v!, 12);
        expect(series[(month - 1) * width + c], `${name}, month ${month} (series)`).toBeCloseTo(v!, 12);
        seen[c]!.add(v!);
      });
    }
    // Non-vacuous: few columns stay constant over the run, and a column written
    // in its neighbour's place shows: every two neighbouring city metrics
    // differ in some month, and each per-innovation block differs from
    // itself shifted by one column.
    const constant = names.filter((_, c) => seen[c]!.size < 2);
    if (file === BASS) {
      // Pure Bass mode moves only adoption: those columns at least must move.
      const moving = names.filter((n) => !constant.includes(n));
      expect(moving).toEqual(expect.arrayContaining(['cumulative_adoption_share', 'live_share', 'state_unaware', 'state_live', 'stage_restructuring', 'new_adoptions', 'live.e-service', 'cumulative.e-service']));
      return;
    }
    if (file === VENDOR) expect(constant).not.toContain('discontinued_vendor_exit');
    expect(constant.length, constant.join(' ')).toBeLessThan(names.length / 10);
    const differ = (a: number, b: number) => {
      for (let month = 0; month < model.months; month++) if (series[month * width + a] !== series[month * width + b]) return true;
      return false;
    };
    for (let c = 0; c < CITY.length; c++) {
      if (seen[c]!.size < 2 && seen[c + 1]!.size < 2) continue;
      expect(differ(c, c + 1), `${names[c]} vs ${names[c + 1]}`).toBe(true);
    }
    const k = model.innovations.length;
    for (let b = 0; b < PER_INNOVATION_METRICS.length; b++) {
      const first = CITY.length + b * k;
      let shifted = false;
      for (let c = first; c < first + k && !shifted; c++) shifted = differ(c, c + 1 < width ? c + 1 : c - 1);
      expect(shifted, PER_INNOVATION_METRICS[b]).toBe(true);
    }
  });
});
