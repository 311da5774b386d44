/**
 * From a validated scenario to the static structure the step loop reads.
 *
 * Everything here is the same in every replication: agency list, innovation
 * attributes, regulation masks, event months, resolved parameters. Random
 * per-replication state (thresholds, network, champions) is drawn in
 * `init.ts`. Months are tick indices: the scenario's `start` is month 1.
 */
import type { Scenario, OpdType, Category } from '../scenario/schema.js';
import { OPD_TYPES } from '../scenario/vocabulary.js';
import { PARAMETER_SPECS, type ParameterName } from '../scenario/parameters.js';
import { monthIndex } from '../scenario/calendar.js';
import { coordinatorId, custodianVendorId, generatedOpdIds, leaderId, regulationId, resolveParameters } from '../scenario/crossref.js';
import { keyOf } from '../engine/random.js';

export const OWNER = { opd: 0, coordinator: 1, vendor: 2 } as const;
export const FUNDING = { apbd: 0, pilot: 1, national: 2 } as const;
export const SPONSOR = { none: 0, leader: 1, opd: 2 } as const;

/**
 * Resolved parameters with the names of MODEL.md section 11, typed by name:
 * a misspelt name is a compile error. `readopt_months` "off" is NaN here
 * (the model reads `readoptMonths`).
 */
export type Params = { readonly [K in ParameterName]: number };

export interface CompiledOpd {
  readonly id: string;
  /** Random-stream key: the id's hash, made unique by uniqueKeys(). */
  key: number;
  readonly name: string;
  readonly type: OpdType;
  readonly typeIndex: number;
  readonly theta?: number;
  readonly category?: Category;
  readonly capacity?: number;
  readonly slack?: number;
  readonly champion?: boolean;
  readonly reflexivity?: number;
}

export interface CompiledInnovation {
  readonly id: string;
  /** Random-stream key: the id's hash, made unique by uniqueKeys(). */
  key: number;
  readonly name: string;
  readonly owner: number;
  readonly funding: number;
  readonly vendor: number; // vendor index or -1
  readonly pilotMonths: number; // 0 when not a pilot
  readonly platform: number; // platform index or -1
  readonly integratedFrom: number; // month, or Infinity
  readonly sponsor: number;
  readonly ra: number;
  readonly co: number;
  readonly cx: number;
  readonly tr: number;
  readonly ob: number;
  readonly launch: number;
  readonly costly: boolean;
  /** eligible[o] = 1 when OPD o may adopt. */
  readonly eligible: Uint8Array;
  readonly eligibleCount: number;
}

export interface CompiledRegulation {
  readonly id: string;
  readonly from: number;
  readonly to: number; // Infinity when open-ended
  readonly strength: number;
  readonly applies: Uint8Array; // per OPD
  readonly anchors: Uint8Array; // per innovation
  readonly requiresBudgetLine: boolean;
  readonly bansStandalone: boolean;
  /**
   * A national mandate without money (docs/NATIONAL.md): it anchors and
   * pushes only where national money for the service exists. Absent in city scenarios.
   */
  readonly unfunded?: boolean;
}

export interface CompiledLeader {
  readonly id: string;
  readonly from: number;
  /** Last month in office (Infinity: until a successor takes office). */
  readonly to: number;
  readonly commitment?: number;
  readonly sponsors: readonly number[]; // innovation indices
}

/**
 * Bits of CompiledModel.eventMonths: a month without the bit has nothing for
 * that pass of phase 1 to do (a month with it may still have nothing).
 */
export const EVENT_MONTH = {
  launch: 1,
  pilotEnd: 2,
  vendorExit: 4,
  /** Some regulation can start or end: month 1 (against the initial "inactive"), each `from`, each `to + 1`, and ticks 0 and months + 1 (events() treats later ticks as marked). */
  regulation: 8,
  /**
   * Some leader's `from` or `to + 1` (a scheduled succession or a vacancy).
   * The random succession (`leader_hazard`) is drawn in every month without
   * this bit, and in a month with it unless a scheduled succession or the
   * start of a vacancy takes its place (events.ts leadership()).
   */
  leader: 16,
  /** After some platform's `active_until`: a platform may shut. */
  platformEnd: 32,
} as const;

export interface CompiledModel {
  readonly scenario: Scenario;
  readonly months: number;
  /** Calendar month (1-12) of each tick, index 1..months. */
  readonly calendarMonth: Uint8Array;
  /**
   * Per tick 0..months+1, which of phase 1's scheduled passes have anything
   * to do (EVENT_MONTH bits: a launch or an `integrated_from`, a pilot's
   * end, a vendor's contract end, a regulation's start or end, a leader's
   * term, a platform's end), so that the other months skip them.
   */
  readonly eventMonths: Uint8Array;
  /**
   * Per tick 0..months+1, the budget climate B(t): the product of the
   * factors of the shocks in force, in list order (events.ts budgetClimate
   * multiplies them the same way outside this range).
   */
  readonly budgetClimate: Float64Array;
  readonly params: Params;
  readonly readoptMonths: number; // Infinity when off
  readonly bass: boolean;
  readonly opds: readonly CompiledOpd[];
  readonly innovations: readonly CompiledInnovation[];
  readonly coordinator: number; // OPD index or -1
  readonly regulations: readonly CompiledRegulation[];
  readonly leaders: readonly CompiledLeader[];
  /**
   * The office is vacant in month 1 (MODEL.md 5): leaders are listed but
   * none is in office then (a term already over, or the first starts
   * later); or, in a national scenario, the government's head in office at
   * the start is none (their term ended before it) and no later head takes
   * office within the horizon (docs/NATIONAL.md, compile.ts of the national
   * level). False when no leader is listed at all.
   */
  readonly vacantAtStart: boolean;
  readonly shocks: readonly { from: number; to: number; factor: number }[];
  readonly vendors: readonly { id: string; contractEnd: number }[];
  readonly platforms: readonly { id: string; custodianVendor: number; activeUntil: number }[];
  readonly initialAdopters: readonly { innovation: number; opds: Uint8Array; routinized: boolean }[];
}

/**
 * The leader in office in month 1 (MODEL.md 5): the last one to take office
 * by the start, unless their term (`to`) ended before it; -1 for none.
 */
export function startLeaderIndex(leaders: readonly CompiledLeader[]): number {
  let start = -1;
  leaders.forEach((l, idx) => {
    if (l.from <= 1) start = l.to >= 1 ? idx : -1;
  });
  return start;
}

function selectOpds(selectors: readonly string[] | undefined, opds: readonly CompiledOpd[]): Uint8Array {
  const mask = new Uint8Array(opds.length);
  if (!selectors) {
    mask.fill(1);
    return mask;
  }
  const set = new Set(selectors);
  opds.forEach((o, i) => {
    if (set.has(o.id) || set.has(o.type)) mask[i] = 1;
  });
  return mask;
}

/**
 * Types for `count` generated agencies from relative weights, by largest
 * remainder so that the realized mix is as close to the weights as counts allow
 * (deterministic: the mix is a design choice, not a random draw).
 */
export function allocateTypes(count: number, weights: Partial<Record<OpdType, number>> | undefined): OpdType[] {
  const entries = OPD_TYPES.map((t) => [t, weights?.[t] ?? 0] as const).filter(([, w]) => w > 0);
  if (entries.length === 0) return Array<OpdType>(count).fill('other');
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const quotas = entries.map(([t, w]) => ({ t, exact: (count * w) / total }));
  const counts = quotas.map((q) => Math.floor(q.exact));
  let left = count - counts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, rem: q.exact - Math.floor(q.exact) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let j = 0; left > 0; j++, left--) counts[order[j % order.length]!.i]!++;
  const out: OpdType[] = [];
  quotas.forEach((q, i) => {
    for (let c = 0; c < counts[i]!; c++) out.push(q.t);
  });
  return out;
}

/**
 * Random draws are keyed by 32-bit hashes of ids; two ids with the same hash
 * would share every draw (ids first collide in the hundreds of thousands of
 * agencies). A colliding id gets the hash of `id#1`, `id#2`, ... instead, in
 * list order, so keys stay a pure function of the scenario.
 */
function uniqueKeys(entries: { id: string; key: number }[]): void {
  const used = new Set<number>();
  for (const e of entries) {
    let key = e.key;
    for (let salt = 1; used.has(key); salt++) key = keyOf(`${e.id}#${salt}`);
    e.key = key;
    used.add(key);
  }
}

export function compile(scenario: Scenario): CompiledModel {
  const start = scenario.start;
  const m = (ym: string) => monthIndex(start, ym);
  const resolved = resolveParameters(scenario);
  const params: Record<string, number> = {};
  for (const [k, v] of Object.entries(resolved)) params[k] = v ?? NaN;
  for (const spec of PARAMETER_SPECS) if (!(spec.name in params)) throw new Error(`parameter ${spec.name} was not resolved`);
  const readopt = resolved['readopt_months'];

  // Agencies: generated first, explicit entries override those with the same id.
  const opds: CompiledOpd[] = [];
  const byId = new Map<string, number>();
  const gen = scenario.opds.generate;
  if (gen) {
    const types = allocateTypes(gen.count, gen.types);
    const ids = generatedOpdIds(scenario);
    for (let i = 0; i < gen.count; i++) {
      const id = ids[i]!;
      const type = types[i]!;
      byId.set(id, opds.length);
      opds.push({ id, key: keyOf(id), name: id, type, typeIndex: OPD_TYPES.indexOf(type) });
    }
  }
  for (const o of scenario.opds.list ?? []) {
    const entry: CompiledOpd = {
      id: o.id,
      key: keyOf(o.id),
      name: o.name ?? o.id,
      type: o.type,
      typeIndex: OPD_TYPES.indexOf(o.type),
      ...(o.theta !== undefined && { theta: o.theta }),
      ...(o.category !== undefined && { category: o.category }),
      ...(o.capacity !== undefined && { capacity: o.capacity }),
      ...(o.slack !== undefined && { slack: o.slack }),
      ...(o.champion !== undefined && { champion: o.champion }),
      ...(o.reflexivity !== undefined && { reflexivity: o.reflexivity }),
    };
    const at = byId.get(o.id);
    if (at !== undefined) opds[at] = entry;
    else {
      byId.set(o.id, opds.length);
      opds.push(entry);
    }
  }

  uniqueKeys(opds);

  const vendorIds = scenario.vendors.map((v) => v.id);
  const vendorIndex = new Map(vendorIds.map((id, i) => [id, i]));
  const platformIndex = new Map(scenario.platforms.map((p, i) => [p.id, i]));
  const innovationIndex = new Map(scenario.innovations.map((x, i) => [x.id, i]));

  // The vendor behind an innovation: the one it names; else the vendor in
  // custody of its platform; else, for a vendor-owned innovation in a scenario
  // with exactly one vendor, that vendor (MODEL.md gives innovations no vendor field).
  const vendorOf = (x: (typeof scenario.innovations)[number]): number => {
    if (x.vendor !== undefined) return vendorIndex.get(x.vendor) ?? -1;
    const platform = x.platform !== undefined ? scenario.platforms[platformIndex.get(x.platform) ?? -1] : undefined;
    const custodian = platform !== undefined ? custodianVendorId(platform.custodian, vendorIds) : undefined;
    if (custodian !== undefined) return vendorIndex.get(custodian)!;
    return x.owner === 'vendor' && scenario.vendors.length === 1 ? 0 : -1;
  };

  const innovations: CompiledInnovation[] = scenario.innovations.map((x) => {
    const eligible = selectOpds(x.eligible, opds);
    return {
      id: x.id,
      key: keyOf(x.id),
      name: x.name ?? x.id,
      owner: OWNER[x.owner],
      funding: FUNDING[x.funding],
      vendor: vendorOf(x),
      pilotMonths: x.funding === 'pilot' ? (x.pilot_months ?? 0) : 0,
      platform: x.platform !== undefined ? (platformIndex.get(x.platform) ?? -1) : -1,
      integratedFrom: x.integrated_from !== undefined ? m(x.integrated_from) : Infinity,
      sponsor: SPONSOR[x.sponsor],
      ra: x.relative_advantage,
      co: x.compatibility,
      cx: x.complexity,
      tr: x.trialability,
      ob: x.observability,
      launch: m(x.launch),
      costly: x.costly,
      eligible,
      eligibleCount: eligible.reduce((a, b) => a + b, 0),
    };
  });

  uniqueKeys(innovations);

  const anchorMask = (ids: readonly string[]) => {
    const mask = new Uint8Array(innovations.length);
    for (const id of ids) {
      const k = innovationIndex.get(id);
      if (k !== undefined) mask[k] = 1;
    }
    return mask;
  };

  const regulations: CompiledRegulation[] = scenario.regulations.map((r, i) => ({
    id: regulationId(r, i),
    from: m(r.from),
    to: r.to !== undefined ? m(r.to) : Infinity,
    strength: r.strength,
    applies: selectOpds(r.applies_to, opds),
    anchors: anchorMask(r.anchors),
    requiresBudgetLine: r.requires_budget_line,
    bansStandalone: r.bans_standalone,
  }));

  const leaders: CompiledLeader[] = scenario.leaders
    .map((l, i) => ({ ...l, id: leaderId(l, i) }))
    .sort((a, b) => m(a.from) - m(b.from))
    .map((l) => ({
      id: l.id,
      from: m(l.from),
      to: l.to !== undefined ? m(l.to) : Infinity,
      ...(l.commitment !== undefined && { commitment: l.commitment }),
      sponsors: [...l.sponsors, ...(l.sponsored ?? [])]
        .map((s) => innovationIndex.get(s))
        .filter((k): k is number => k !== undefined),
    }));

  const calendarMonth = new Uint8Array(scenario.months + 1);
  const startMonth = Number(start.slice(5, 7));
  for (let t = 1; t <= scenario.months; t++) calendarMonth[t] = ((startMonth - 1 + t - 1) % 12) + 1;

  const eventMonths = new Uint8Array(scenario.months + 2);
  const mark = (month: number, bit: number) => {
    if (Number.isInteger(month) && month >= 0 && month < eventMonths.length) eventMonths[month]! |= bit;
  };
  for (const inn of innovations) {
    mark(inn.launch, EVENT_MONTH.launch);
    if (inn.integratedFrom > inn.launch) mark(inn.integratedFrom, EVENT_MONTH.launch);
    if (inn.pilotMonths > 0) mark(inn.launch + inn.pilotMonths, EVENT_MONTH.pilotEnd);
  }
  const vendors = scenario.vendors.map((v) => ({
    id: v.id,
    contractEnd: v.contract_end !== undefined ? m(v.contract_end) : Infinity,
  }));
  for (const v of vendors) mark(v.contractEnd, EVENT_MONTH.vendorExit);
  mark(0, EVENT_MONTH.regulation);
  mark(1, EVENT_MONTH.regulation);
  mark(scenario.months + 1, EVENT_MONTH.regulation);
  for (const r of regulations) {
    mark(r.from, EVENT_MONTH.regulation);
    mark(r.to + 1, EVENT_MONTH.regulation);
  }
  for (const l of leaders) {
    mark(l.from, EVENT_MONTH.leader);
    mark(l.to + 1, EVENT_MONTH.leader);
  }
  const platforms = scenario.platforms.map((p) => ({
    id: p.id,
    custodianVendor: vendorIndex.get(custodianVendorId(p.custodian, vendorIds) ?? '') ?? -1,
    activeUntil: p.active_until !== undefined ? m(p.active_until) : Infinity,
  }));
  const firstEnd = platforms.reduce((a, p) => Math.min(a, p.activeUntil), Infinity);
  for (let t = 0; t < eventMonths.length; t++) if (t > firstEnd) eventMonths[t]! |= EVENT_MONTH.platformEnd;
  const shocks = scenario.budget_shocks.map((s) => ({ from: m(s.from), to: m(s.to), factor: s.factor }));
  const budgetClimate = new Float64Array(scenario.months + 2);
  for (let t = 0; t < budgetClimate.length; t++) {
    let b = 1;
    for (const s of shocks) if (t >= s.from && t <= s.to) b *= s.factor;
    budgetClimate[t] = b;
  }

  return {
    scenario,
    months: scenario.months,
    calendarMonth,
    eventMonths,
    budgetClimate,
    params: params as Params,
    readoptMonths: readopt === null || readopt === undefined ? Infinity : readopt,
    bass: scenario.decision === 'bass',
    opds,
    innovations,
    coordinator: coordinatorId(scenario) !== undefined ? (byId.get(coordinatorId(scenario)!) ?? -1) : -1,
    regulations,
    leaders,
    vacantAtStart: leaders.length > 0 && startLeaderIndex(leaders) < 0,
    shocks,
    vendors,
    platforms,
    initialAdopters: [
      ...scenario.initial_adopters.map((a) => ({
        innovation: innovationIndex.get(a.innovation) ?? -1,
        opds: selectOpds([...(a.opds ?? []), ...(a.opd !== undefined ? [a.opd] : [])], opds),
        routinized: a.state === 'routinized',
      })),
      ...scenario.innovations
        .map((x, k) => ({ innovation: k, opds: selectOpds(x.initial_adopters ?? [], opds), routinized: false }))
        .filter((a) => scenario.innovations[a.innovation]!.initial_adopters !== undefined),
    ],
  };
}

