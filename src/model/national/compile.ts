/**
 * From a validated national scenario to one compiled city model per
 * government plus the national structure above them (docs/NATIONAL.md).
 *
 * Each government becomes a city scenario in memory, built from the
 * template, its election cycle, the national services, vendors, platforms,
 * regulations and programmes that reach it, and its own `city` block; that
 * scenario is validated exactly as a city file (shape and cross-references)
 * and compiled by the city compiler. Nothing of the city model is copied.
 */
import { keyOf } from '../../engine/random.js';
import { monthIndex, lastMonth } from '../../scenario/calendar.js';
import { GovernmentValidator } from './validate-government.js';
import { suggestReference } from '../../scenario/suggest.js';
import type { Scenario } from '../../scenario/schema.js';
import { draft, formatFound, MESSAGES, type IssueDraft } from '../../messages/catalog.js';
import type { GovernmentSelector, GovernmentSpec, GovernmentType, NationalScenario } from '../../scenario/national-schema.js';
import { compile, type CompiledModel } from '../compile.js';
import { governmentOrigin, type GovernmentSources } from '../../scenario/national-origin.js';
import { MAX_AGENCIES, MAX_NETWORK_LINKS, MAX_PAIR_DRAWS } from '../../scenario/limits.js';
import { maxErdosRenyiAgencies, networkLinks, networkPairDraws, opdIds } from '../../scenario/crossref.js';

export interface CompiledGovernment {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly type: GovernmentType;
  readonly province: string;
  readonly fiscalCapacity: number | null;
  readonly election: string;
  /** Random-stream key of the government: its draws depend on its id only. */
  readonly key: number;
  readonly model: CompiledModel;
  /** Local innovation index of each national service (index of `NationalModel.services`), or -1. */
  readonly serviceIndex: Int32Array;
  /** National service index of each local innovation, or -1 (the inverse of serviceIndex). */
  readonly serviceOf: Int32Array;
  /** Peer governments (indices): same province and pioneers. */
  readonly peers: Int32Array;
  /** Same-province peers (competition). */
  readonly provincePeers: Int32Array;
  /** National money arriving: [month, local innovation index]. */
  readonly money: readonly (readonly [number, number])[];
  /**
   * Coercion and inducement: [month, local innovation index] at which the
   * government launches a national service whatever its own rate (a funded
   * mandate, or joining a programme that brings the service).
   */
  readonly forcedLaunch: readonly (readonly [number, number])[];
  /** Programme vision floors: [month, vision]. */
  readonly visionFloors: readonly (readonly [number, number])[];
  /** Cohort ids this government belongs to. */
  readonly cohorts: readonly string[];
}

export interface NationalModel {
  readonly scenario: NationalScenario;
  readonly months: number;
  readonly governments: readonly CompiledGovernment[];
  /** National service ids (the portfolio), in scenario order. */
  readonly services: readonly string[];
  readonly params: { readonly gov_launch_base: number; readonly gov_imitation: number; readonly gov_learning: number; readonly gov_competition: number };
  /** Cohort id -> programme id, and members (government indices). */
  readonly cohorts: readonly { id: string; programme: string; from: number; members: readonly number[] }[];
  /**
   * The pioneer governments (indices, ascending) and whether same-province
   * governments are peers: how every government's `peers` was built, so
   * that the national phase can count peers by province and pioneer totals
   * instead of visiting each peer (simulate.ts, `peerPlan`).
   */
  readonly pioneers: readonly number[];
  readonly sameProvince: boolean;
}

/**
 * A problem in a national file: a path into it and a message (no line; the
 * caller places it). `drafts`, when given, are all the problems found
 * (path and message are the first's): a government's city scenario reports
 * every problem it has, as a city file does.
 */
export class NationalCompileError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
    readonly drafts: IssueDraft[] = [],
  ) {
    super(message);
    this.name = 'NationalCompileError';
  }
}

export function matchesSelector(
  sel: GovernmentSelector | undefined,
  g: Pick<GovernmentSpec, 'id' | 'type' | 'province'>,
  cohortsOf: (id: string) => readonly string[],
): boolean {
  if (sel === undefined) return true;
  if (sel.except?.includes(g.id)) return false;
  if (sel.ids && !sel.ids.includes(g.id)) return false;
  if (sel.types && !sel.types.includes(g.type)) return false;
  if (sel.provinces && !sel.provinces.includes(g.province)) return false;
  if (sel.cohorts && !cohortsOf(g.id).some((c) => sel.cohorts!.includes(c))) return false;
  return true;
}

/** The government types a cohort's `select` draws from when it names none. */
export const DEFAULT_SELECT_TYPES: readonly GovernmentType[] = ['regency', 'city'];

/**
 * Cohort members: the listed ones, then `select.count` more by the rule, among
 * eligible governments not already in an earlier cohort of the programme and
 * not listed as a member of any of its cohorts (a listed government joins
 * with the cohort that lists it, not earlier by another cohort's draw).
 * Deterministic: a scenario's cohorts are design, not a random draw.
 * `onShort`, when given, hears of each cohort whose select finds fewer
 * governments than its count (programme and cohort index, drawn, count).
 */
export function resolveCohorts(
  s: NationalScenario,
  index: ReadonlyMap<string, number>,
  onShort?: (programme: number, cohort: number, drawn: number, count: number) => void,
): NationalModel['cohorts'] {
  const out: { id: string; programme: string; from: number; members: number[] }[] = [];
  s.programmes.forEach((p, pi) => {
    const taken = new Set<number>();
    // Every government a cohort of the programme lists: never drawn by a select.
    const listed = new Set(p.cohorts.flatMap((c) => c.members.map((id) => index.get(id)).filter((g): g is number => g !== undefined)));
    p.cohorts.forEach((c, ci) => {
      const members: number[] = [];
      c.members.forEach((id, mi) => {
        const g = index.get(id);
        if (g === undefined) throw unknownId('government', id, [...index.keys()], ['programmes', pi, 'cohorts', ci, 'members', mi]);
        if (!taken.has(g)) {
          members.push(g);
          taken.add(g);
        }
      });
      if (c.select) {
        const types = c.select.types ?? DEFAULT_SELECT_TYPES;
        const lottery = (g: GovernmentSpec) => keyOf(`${p.id}:${c.id}:${g.id}`);
        const pool = s.governments
          .map((g, gi) => ({ g, gi }))
          .filter(({ g, gi }) => !taken.has(gi) && !listed.has(gi) && types.includes(g.type));
        pool.sort((a, b) => {
          if (c.select!.by === 'fiscal_capacity') {
            const fa = a.g.fiscal_capacity ?? -1;
            const fb = b.g.fiscal_capacity ?? -1;
            if (fa !== fb) return fb - fa;
          }
          return lottery(a.g) - lottery(b.g) || a.gi - b.gi;
        });
        for (const { gi } of pool.slice(0, c.select.count)) {
          members.push(gi);
          taken.add(gi);
        }
        if (pool.length < c.select.count) onShort?.(pi, ci, pool.length, c.select.count);
      }
      out.push({ id: c.id, programme: p.id, from: monthIndex(s.start, c.from), members });
    });
  });
  return out;
}

type CityInput = Record<string, unknown>;

/** The cohorts each government is a member of, by government id (for `matchesSelector`). */
export function cohortMembership(s: NationalScenario, cohorts: NationalModel['cohorts']): (id: string) => readonly string[] {
  const byGovernment = new Map<string, string[]>();
  for (const c of cohorts)
    for (const g of c.members) {
      const id = s.governments[g]!.id;
      byGovernment.set(id, [...(byGovernment.get(id) ?? []), c.id]);
    }
  return (id) => byGovernment.get(id) ?? [];
}

/**
 * An id no entry of its kind has, with the one a typo most likely meant: the catalog's unknown_reference, as a
 * city file's unknown ids are said (`Unknown vendor "x" (did you mean "y"?)`; it was "Invalid value: unknown ...").
 */
function unknownId(kind: string, id: string, ids: readonly string[], path: (string | number)[]): NationalCompileError {
  const d = draft('unknown_reference', [kind, id, suggestReference(id, ids)], path);
  return new NationalCompileError(path, d.message, [d]);
}

/** City fields that only the national file sets (one calendar and one seed for all governments). */
const NATIONAL_ONLY = ['name', 'description', 'start', 'months', 'seed', 'replications'] as const;

/** The catalog's duplicate_id at `path`, as a compile error (checkUnique; the governments' own loop in compileNational). */
function duplicateId(kind: string, id: string, path: (string | number)[]): NationalCompileError {
  const d = draft('duplicate_id', [kind, id], path);
  return new NationalCompileError(path, d.message, [d]);
}

/**
 * The second entry of a list that repeats an id: one clear error (a second
 * programme, cycle, service, mandate, vendor or platform of an id would
 * otherwise be merged with the first, or silently lost behind it).
 */
function checkUnique(list: readonly { id: string }[], kind: string, field: string): void {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id)) throw duplicateId(kind, x.id, [field, i, 'id']);
    seen.add(x.id);
  });
}

/**
 * A government's own `innovations`, `vendors`, `platforms` and `regulations`
 * are added to the national ones, so the city check sees the merged list
 * and never the government's own value: one that is no list (`innovations:
 * 3`) was dropped without a word. Refused here, at the government's field.
 */
function listsCheck(city: CityInput, gi: number): void {
  for (const key of ['innovations', 'vendors', 'platforms', 'regulations']) {
    const value = city[key];
    if (value === undefined || Array.isArray(value)) continue;
    const d = draft('wrong_type', [], ['governments', gi, 'city', key], { expected: 'a list', found: formatFound(value) });
    throw new NationalCompileError(d.path, d.message, [d]);
  }
}

/**
 * The heads of each election cycle in order of `from`, one a month, each
 * `to` from its `from` on: the head in office at the start is then the last
 * one listed by then (cycleOffice). A city file's leaders are held to the
 * same order, but a government sees only the heads from the one in office
 * at the start on, so the order of the earlier ones is checked here.
 */
function checkHeads(s: NationalScenario): void {
  const refuse = (d: IssueDraft): never => {
    throw new NationalCompileError(d.path, d.message, [d]);
  };
  s.elections.forEach((cycle, ei) =>
    cycle.heads.forEach((h, hi) => {
      const at = ['elections', ei, 'heads', hi];
      if (h.to !== undefined && monthIndex(h.from, h.to) < 1) {
        refuse(draft('month_order', ['from', 'to'], [...at, 'to'], { expected: `a month from ${h.from} on`, found: formatFound(h.to) }));
      }
      const prev = cycle.heads[hi - 1];
      if (prev === undefined) return;
      const step = monthIndex(prev.from, h.from);
      if (step === 1) refuse(draft('heads_same_month', [hi - 1], [...at, 'from'], { expected: `a month after ${prev.from}`, found: formatFound(h.from) }));
      if (step < 1) refuse(draft('heads_order', [], [...at, 'from'], { expected: `a month after ${prev.from} (heads[${hi - 1}])`, found: formatFound(h.from) }));
    }),
  );
}

/** Ids that selectors, mandates and programmes name must exist (one clear error, not a silent no-op). */
function checkReferences(s: NationalScenario, index: ReadonlyMap<string, number>): void {
  checkUnique(s.programmes, 'programme', 'programmes');
  checkUnique(s.elections, 'election cycle', 'elections');
  checkUnique(s.innovations, 'national innovation', 'innovations');
  checkUnique(s.national_regulations, 'national regulation', 'national_regulations');
  checkUnique(s.vendors, 'vendor', 'vendors');
  checkUnique(s.platforms, 'platform', 'platforms');
  checkHeads(s);
  const cohortIds = new Set<string>();
  s.programmes.forEach((p, pi) =>
    p.cohorts.forEach((c, ci) => {
      if (cohortIds.has(c.id)) throw new NationalCompileError(['programmes', pi, 'cohorts', ci, 'id'], `duplicate cohort id "${c.id}"`);
      cohortIds.add(c.id);
    }),
  );
  const provinces = [...new Set(s.governments.map((g) => g.province))];
  const services = s.innovations.map((x) => x.id);
  const governments = [...index.keys()];
  const known = (kind: string, id: string, ids: readonly string[], path: (string | number)[]) => {
    if (!ids.includes(id)) throw unknownId(kind, id, ids, path);
  };
  const selector = (sel: GovernmentSelector | undefined, path: (string | number)[]) => {
    if (!sel) return;
    for (const key of ['ids', 'except'] as const) sel[key]?.forEach((id, i) => known('government', id, governments, [...path, key, i]));
    sel.provinces?.forEach((id, i) => known('province', id, provinces, [...path, 'provinces', i]));
    sel.cohorts?.forEach((id, i) => known('cohort', id, [...cohortIds], [...path, 'cohorts', i]));
  };
  s.innovations.forEach((x, i) => selector(x.governments, ['innovations', i, 'governments']));
  selector(s.government_network.pioneers, ['government_network', 'pioneers']);
  s.national_regulations.forEach((r, i) => {
    selector(r.governments, ['national_regulations', i, 'governments']);
    r.anchors.forEach((a, ai) => known('national innovation', a, services, ['national_regulations', i, 'anchors', ai]));
  });
  s.programmes.forEach((p, i) => p.anchors.forEach((a, ai) => known('national innovation', a, services, ['programmes', i, 'anchors', ai])));
  // A national service's vendor is a national vendor or one that a
  // government's own city block defines (the governments without it are left
  // to their city check). Checked here, once, because a government's city
  // scenario holds only the vendors its services use: the city check would
  // say that no vendor is defined at all. A city vendor that is not a
  // mapping with an id is the city check's to report.
  const cityVendors = new Set(
    s.governments.flatMap((g) => list(g.city?.['vendors']).map((v) => fieldOf(v, 'id')).filter((id): id is string => typeof id === 'string')),
  );
  const vendors = [...s.vendors.map((v) => v.id), ...cityVendors];
  s.innovations.forEach((x, i) => {
    if (typeof x.vendor === 'string') known('vendor', x.vendor, vendors, ['innovations', i, 'vendor']);
  });
  // A national platform is one platform for every government it reaches: its
  // custodian is named. `vendor` (the city file's "the only vendor listed")
  // would be whichever one vendor each government's scenario happens to
  // hold: another vendor's contract end in each, and an error where it holds
  // none or several. (A national vendor whose id is "vendor" is named: it
  // joins every government the platform reaches. A city vendor of that id
  // is only in its own government's scenario, so it names nothing elsewhere.)
  s.platforms.forEach((p, i) => {
    if (p.custodian !== 'vendor' || s.vendors.some((v) => v.id === 'vendor')) return;
    const path = ['platforms', i, 'custodian'];
    const ids = s.vendors.map((v) => v.id);
    const d = draft('national_platform_custodian', [], path, {
      expected: `a vendor id${ids.length > 0 ? ` (${ids.join(', ')})` : ''} or "coordinator"`,
      found: formatFound(p.custodian),
    });
    throw new NationalCompileError(path, d.message, [d]);
  });
}

type Cycle = NationalScenario['elections'][number];

/**
 * The index of the cycle's head in office at the start: the last to take
 * office by then (heads are in order of `from`, checkHeads), unless their
 * term ended before the start; undefined when none is.
 */
function sittingHead(s: NationalScenario, cycle: Cycle): number | undefined {
  let last: number | undefined;
  cycle.heads.forEach((h, i) => {
    if (monthIndex(s.start, h.from) <= 1) last = i;
  });
  if (last === undefined) return undefined;
  const to = cycle.heads[last]!.to;
  return to === undefined || monthIndex(s.start, to) >= 1 ? last : undefined;
}

/**
 * The office of a government on an election cycle: its heads as city
 * `leaders` entries (the head in office at the start, then the later ones
 * inside the horizon), and whether it is vacant at the start. With no head
 * in office at the start (the last to take office by then ended their term
 * before it, or the first takes office later) the office is vacant until
 * the next head (docs/NATIONAL.md), whether or not that head takes office
 * within the horizon: the city model sees the vacancy from the heads it is
 * given only when one of them comes inside the horizon, so the compiler
 * says it (CompiledModel.vacantAtStart).
 */
function cycleOffice(s: NationalScenario, cycleId: string | undefined): { leaders: CityInput[]; vacantAtStart: boolean } {
  const cycle = cycleId === undefined ? undefined : s.elections.find((e) => e.id === cycleId);
  if (!cycle) return { leaders: [], vacantAtStart: false };
  const months = s.months;
  // With no sitting head, the office is vacant until the next (as a city leader whose `to` comes before the successor's `from`).
  const heads = cycle.heads.map((h, i) => ({ h, i, m: monthIndex(s.start, h.from) }));
  const sitting = sittingHead(s, cycle);
  const kept = [...(sitting === undefined ? [] : [heads[sitting]!]), ...heads.filter((x) => x.m > 1 && x.m <= months)];
  const leaders = kept.map(({ h, i }) => ({
    id: `${cycle.id}-${h.acting ? 'acting' : 'head'}-${i + 1}`,
    name: `${h.acting ? 'Acting head' : 'Elected head'} (${cycle.name ?? cycle.id} cycle)`,
    from: h.from,
    ...(h.to !== undefined && monthIndex(s.start, h.to) >= 1 && { to: h.to }),
    ...(h.commitment !== undefined && { commitment: h.commitment }),
  }));
  return { leaders, vacantAtStart: cycle.heads.length > 0 && sitting === undefined };
}

/** The agencies of a government: the template's mix for its type, kecamatan from its districts. */
function agencies(s: NationalScenario, g: GovernmentSpec): CityInput {
  const mix: Record<string, number> = { ...(s.template.agencies[g.type] ?? {}) };
  if (g.type !== 'province') mix['kecamatan'] = (mix['kecamatan'] ?? 0) + g.districts;
  const coordinator = s.template.coordinator;
  // The coordinator (Diskominfo) is one of the dinas.
  if (coordinator) mix['dinas'] = Math.max(0, (mix['dinas'] ?? 0) - 1);
  const count = Object.values(mix).reduce((a, b) => a + b, 0);
  const out: CityInput = {};
  if (count > 0) out['generate'] = { count, types: mix, id_prefix: 'opd-' };
  if (coordinator) out['list'] = [{ id: 'kominfo', name: 'Dinas Komunikasi dan Informatika', type: 'dinas', coordinator: true }];
  return out;
}

const list = (x: unknown): CityInput[] => (Array.isArray(x) ? (x as CityInput[]) : []);

/**
 * A field of a government's city entry as written, read before the city
 * check has seen the entry: undefined where the entry is no mapping (`null`,
 * a number), which the check then reports at its place in the file.
 */
const fieldOf = (x: unknown, key: string): unknown => (typeof x === 'object' && x !== null ? (x as CityInput)[key] : undefined);

/** The national services offered to government `g`, in file order (none with `portfolio: false`). */
export function portfolioOf(s: NationalScenario, g: GovernmentSpec, cohortsOf: (id: string) => readonly string[]): NationalScenario['innovations'] {
  return g.portfolio ? s.innovations.filter((x) => matchesSelector(x.governments, g, cohortsOf)) : [];
}

/**
 * The ids of the services a government has: its portfolio's and its own
 * `city.innovations`'. A mandate's or programme's anchors are kept in a
 * government only where they are among these.
 */
export function serviceIds(portfolio: readonly { id: string }[], city: CityInput | undefined): Set<string> {
  return new Set([...portfolio.map((x) => x.id), ...list(city?.['innovations']).map((x) => String(fieldOf(x, 'id')))]);
}

/**
 * A government needs a service to run (a city scenario has at least one
 * innovation, and the per-government results count a government that
 * launched none as sustaining none): one that no national service reaches
 * and that has none of its own is refused, naming it and why, instead of
 * the city check's "too few items" at a list the file never wrote. A
 * `city.innovations` that is no list was refused before (listsCheck).
 */
function noServiceCheck(s: NationalScenario, g: GovernmentSpec, gi: number, portfolio: readonly unknown[], city: CityInput): void {
  const own = city['innovations'];
  if (portfolio.length > 0 || (own !== undefined && !(Array.isArray(own) && own.length === 0))) return;
  const why = !g.portfolio
    ? 'its portfolio is false'
    : s.innovations.length === 0
      ? 'the file has no national service'
      : s.innovations.length === 1
        ? "the national service's governments selector leaves it out"
        : "every national service's governments selector leaves it out";
  throw new NationalCompileError(['governments', gi], MESSAGES.government_no_service(g.id, why));
}

/**
 * `validator` validates each government's city scenario (a test passes one
 * that also checks it against the full validation). `onGovernment`, when
 * given, sees each compiled government with its city scenario and where
 * that scenario's entries come from (for the city warnings: `difusi
 * validate`, jobs/national-warnings.ts).
 */
export function compileNational(
  s: NationalScenario,
  validator: GovernmentValidator = new GovernmentValidator(),
  onGovernment?: (government: CompiledGovernment, scenario: Scenario, sources: GovernmentSources) => void,
): NationalModel {
  const index = new Map<string, number>();
  s.governments.forEach((g, i) => {
    // Checked here, not by checkUnique, so that its order against the province check below stays the file's order.
    if (index.has(g.id)) throw duplicateId('government', g.id, ['governments', i, 'id']);
    // A province government names itself as its province: the province's name in the
    // outputs and the report is that government's, so another id would name the wrong one.
    if (g.type === 'province' && g.province !== g.id) {
      throw new NationalCompileError(['governments', i, 'province'], `a province government's province is its own id ("${g.id}"), not "${g.province}"`);
    }
    index.set(g.id, i);
  });
  s.governments.forEach((g, i) => {
    if (g.election !== undefined && !s.elections.some((e) => e.id === g.election)) {
      throw unknownId('election cycle', g.election, s.elections.map((e) => e.id), ['governments', i, 'election']);
    }
  });
  checkReferences(s, index);
  const cohorts = resolveCohorts(s, index);
  const cohortsOf = cohortMembership(s, cohorts);
  const services = s.innovations.map((x) => x.id);
  const last = lastMonth(s.start, s.months);

  // Pioneers and provinces, for the network of governments.
  const pioneers = s.government_network.pioneers
    ? s.governments.map((g, i) => (matchesSelector(s.government_network.pioneers, g, cohortsOf) ? i : -1)).filter((i) => i >= 0)
    : [];
  const byProvince = new Map<string, number[]>();
  s.governments.forEach((g, i) => byProvince.set(g.province, [...(byProvince.get(g.province) ?? []), i]));

  // Governments whose parameters are equal share one parameter object (the city model only reads it):
  // a national month reads each government's, and one object read 552 times stays in the processor's cache.
  const paramsByValue = new Map<string, CompiledModel['params']>();
  const sharedParams = (params: CompiledModel['params']): CompiledModel['params'] => {
    // Each value as a string that tells -0 from 0 and keeps NaN (JSON would not).
    const key = Object.entries(params).map(([name, v]) => `${name}=${Object.is(v, -0) ? '-0' : String(v)}`).join(';');
    const seen = paramsByValue.get(key);
    if (seen !== undefined) return seen;
    paramsByValue.set(key, params);
    return params;
  };
  // Agencies of the governments compiled so far: all together at most MAX_AGENCIES (each government's
  // city check holds its own to it), refused at the government that passes it, before the next is built,
  // where most of its agencies are written (addAgencies).
  let agencyTotal = 0;
  // Peer links of their networks, likewise at most MAX_NETWORK_LINKS together (a replication holds every
  // government's network at once), refused at the network of the government that passes it.
  let linkTotal = 0;
  // Pair draws of their Erdos-Renyi networks (built in every replication), likewise at most MAX_PAIR_DRAWS together.
  let pairTotal = 0;
  const governments: CompiledGovernment[] = s.governments.map((g, gi) => {
    const city = g.city ?? {};
    const addAgencies = (count: number, at: (string | number)[]): void => {
      agencyTotal += count;
      if (agencyTotal <= MAX_AGENCIES) return;
      // In the city file's words and shape (scenario/crossref.ts): the message, then `→ at` the place, then what was found.
      const issue = draft('too_many_agencies', [MAX_AGENCIES.toLocaleString('en-US'), "every government's together"], at, { found: `${agencyTotal.toLocaleString('en-US')} agencies with government "${g.id}"` });
      throw new NationalCompileError(issue.path, `${issue.message} (found ${issue.found})`, [issue]);
    };
    for (const key of NATIONAL_ONLY) {
      if (key in city) throw new NationalCompileError(['governments', gi, 'city', key], `"${key}" is set for the whole national scenario, not per government`);
    }
    listsCheck(city, gi);
    const portfolio = portfolioOf(s, g, cohortsOf);
    noServiceCheck(s, g, gi, portfolio, city);
    // Where each national entry of the city scenario comes from, to report a problem where it is written.
    const regulationSources: (string | number)[][] = [];
    const innovations: CityInput[] = [
      // `name_id` (the Indonesian report's name) is left out: the national report names services from the national file, and each government's city scenario stays as it was.
      ...portfolio.map(({ governments: _g, name_id: _n, ...rest }) => rest as CityInput),
      ...list(city['innovations']),
    ];
    const here = serviceIds(portfolio, city);
    const cityPlatforms = list(city['platforms']);
    const usedPlatforms = new Set(innovations.map((x) => fieldOf(x, 'platform')).filter((p): p is string => typeof p === 'string'));
    // The national file's own elements (whose index places a problem there), then their city copies without `name_id`.
    const platformsUsed = s.platforms.filter((p) => usedPlatforms.has(p.id));
    const nationalPlatforms = platformsUsed.map(({ name_id: _n, ...rest }) => rest);
    const platforms = [...nationalPlatforms, ...cityPlatforms];
    const usedVendors = new Set<string>([
      ...innovations.map((x) => fieldOf(x, 'vendor')).filter((v): v is string => typeof v === 'string'),
      ...platforms.map((p) => String(fieldOf(p, 'custodian'))),
    ]);
    const vendorsUsed = s.vendors.filter((v) => usedVendors.has(v.id));
    const nationalVendors = vendorsUsed.map(({ name_id: _n, ...rest }) => rest);
    const vendors = [...nationalVendors, ...list(city['vendors'])];

    // National regulations and programme regulations that reach this government.
    const unfunded = new Set<string>();
    const money: [number, number][] = [];
    const regulations: CityInput[] = [];
    const localIndex = (id: string) => innovations.findIndex((x) => fieldOf(x, 'id') === id);
    s.national_regulations.forEach((r) => {
      if (!matchesSelector(r.governments, g, cohortsOf)) return;
      const anchors = r.anchors.filter((a) => here.has(a));
      if (anchors.length === 0 && !r.bans_standalone) return;
      const id = `national.${r.id}`;
      regulationSources.push(['national_regulations', s.national_regulations.indexOf(r)]);
      regulations.push({
        id,
        name: r.name ?? r.id,
        from: r.from,
        ...(r.to !== undefined && { to: r.to }),
        strength: r.strength,
        ...(r.applies_to !== undefined && { applies_to: r.applies_to }),
        anchors,
        requires_budget_line: true,
        bans_standalone: r.bans_standalone,
      });
      if (r.money) for (const a of anchors) money.push([monthIndex(s.start, r.from), localIndex(a)]);
      else unfunded.add(id);
    });
    const visionFloors: [number, number][] = [];
    const forced: [number, number][] = [];
    for (const c of cohorts) {
      if (!c.members.includes(gi)) continue;
      const p = s.programmes.find((x) => x.id === c.programme)!;
      const from = s.programmes.flatMap((x) => x.cohorts).find((x) => x.id === c.id)!.from;
      // A cohort joining after the horizon does nothing within it. One that
      // joined before the start is a member from month 1: its regulation is
      // in force, its money and vision floor arrive and it launches the
      // programme's services then (docs/NATIONAL.md, "Programmes").
      if (c.from > s.months) continue;
      const joined = Math.max(1, c.from);
      if (p.vision !== undefined) visionFloors.push([joined, p.vision]);
      const anchors = p.anchors.filter((a) => here.has(a));
      // Joining the programme launches the services it brings (inducement).
      for (const a of anchors) forced.push([joined, localIndex(a)]);
      // The programme's money does not depend on its regulation's strength (a strength of 0 is no regulation).
      if (p.money) for (const a of anchors) money.push([joined, localIndex(a)]);
      if (p.strength > 0 && anchors.length > 0) {
        const id = `programme.${p.id}`;
        regulationSources.push(['programmes', s.programmes.indexOf(p)]);
        // (A city regulation starts within the horizon: a cohort that joined before the start has it from the start.)
        regulations.push({ id, name: p.name ?? p.id, from: c.from >= 1 ? from : s.start, strength: p.strength, anchors, requires_budget_line: true });
        if (!p.money) unfunded.add(id);
      }
    }

    const office = cycleOffice(s, g.election);
    // The template's agencies for it (its type's mix, kecamatan from its districts), unless its city block lists its own.
    const templateOpds = agencies(s, g);
    const input: CityInput = {
      name: g.id,
      description: g.name ?? g.id,
      start: s.start,
      months: s.months,
      seed: s.seed,
      replications: s.replications,
      opds: templateOpds,
      ...(s.template.coordinator && { coordinator: 'kominfo' }),
      network: s.template.network,
      leaders: office.leaders,
      budget_shocks: s.template.budget_shocks,
      ...city,
      // Lists that national actors add to, after the city's own.
      innovations,
      vendors,
      platforms,
      regulations: [...list(city['regulations']), ...regulations],
      parameters: { ...s.parameters, ...((city['parameters'] as CityInput | undefined) ?? {}) },
    };
    // Where the city scenario's entries come from in the national file, to report a problem or warning there.
    const sources: GovernmentSources = {
      index: gi,
      city,
      type: g.type,
      election: s.elections.findIndex((e) => e.id === g.election),
      innovations: portfolio.map((x) => s.innovations.indexOf(x)),
      vendors: vendorsUsed.map((v) => s.vendors.indexOf(v)),
      platforms: platformsUsed.map((p) => s.platforms.indexOf(p)),
      regulations: regulationSources,
      parameters: s.parameters,
    };
    // Agencies from the template and its districts: counted before the city check, which would name the
    // template's count for a government's districts. Refused where most of them are written: the
    // government's districts, or the template's agencies of its type (`template.agencies.city`).
    if (city['opds'] === undefined) {
      const own = templateOpds as { generate?: { count: number }; list?: unknown[] };
      const districts = g.type === 'province' ? 0 : g.districts;
      const typed = Object.values(s.template.agencies[g.type] ?? {}).reduce((a, b) => a + b, 0);
      addAgencies((own.generate?.count ?? 0) + (own.list?.length ?? 0), districts > 0 && districts >= typed ? ['governments', gi, 'districts'] : typed > 0 ? ['template', 'agencies', g.type] : ['governments', gi]);
    }
    // Validated as a city file; the many values the governments share are parsed once (validate-government.ts).
    const parsed = validator.validate(input, `governments[${gi}]`);
    if (!parsed.ok) {
      // Every problem of the government, each at the place of the national file it comes from.
      const drafts = parsed.issues.map(({ file: _f, line: _l, column: _c, ...issue }) => ({ ...issue, path: governmentOrigin(sources, issue.path), message: `government "${g.id}": ${issue.message}` }));
      throw new NationalCompileError(drafts[0]!.path, drafts[0]!.message, drafts);
    }
    // Its own opds: counted from the ids once checked, before the agencies are built (compile draws every one).
    if (city['opds'] !== undefined) addAgencies(opdIds(parsed.scenario as Scenario).length, ['governments', gi, 'city', 'opds']);
    linkTotal += networkLinks(parsed.scenario as Scenario);
    if (linkTotal > MAX_NETWORK_LINKS) {
      const issue = draft('too_many_links', [MAX_NETWORK_LINKS.toLocaleString('en-US')], governmentOrigin(sources, ['network']), { found: `${Math.round(linkTotal).toLocaleString('en-US')} links with government "${g.id}"` });
      throw new NationalCompileError(issue.path, `${issue.message} (found ${issue.found})`, [issue]);
    }
    pairTotal += networkPairDraws(parsed.scenario as Scenario);
    if (pairTotal > MAX_PAIR_DRAWS) {
      const limits: [string, string] = [MAX_PAIR_DRAWS.toLocaleString('en-US'), maxErdosRenyiAgencies().toLocaleString('en-US')];
      const issue = draft('too_many_pairs', limits, governmentOrigin(sources, ['network']), { found: `${pairTotal.toLocaleString('en-US')} pair draws with government "${g.id}"` });
      throw new NationalCompileError(issue.path, `${issue.message} (found ${issue.found})`, [issue]);
    }
    const base = compile(parsed.scenario as Scenario);
    const model: CompiledModel = {
      ...base,
      // The cycle's office, vacant at the start or not (cycleOffice); leaders the city block gives are its own.
      vacantAtStart: city['leaders'] === undefined ? office.vacantAtStart : base.vacantAtStart,
      params: sharedParams(base.params),
      regulations: base.regulations.map((r) => (unfunded.has(r.id) ? { ...r, unfunded: true } : r)),
    };
    // The national services are the portfolio's entries, the first of the government's innovations
    // (in order); a service of its own that shares a national service's id is its own, not the national one.
    const serviceIndex = new Int32Array(services.length).fill(-1);
    const serviceOf = new Int32Array(model.innovations.length).fill(-1);
    portfolio.forEach((x, j) => {
      const service = s.innovations.indexOf(x);
      serviceIndex[service] = j;
      serviceOf[j] = service;
    });
    const provincePeers = (byProvince.get(g.province) ?? []).filter((x) => x !== gi);
    const peers = [...new Set([...provincePeers, ...pioneers.filter((x) => x !== gi)])].sort((a, b) => a - b);
    const compiled: CompiledGovernment = {
      index: gi,
      id: g.id,
      name: g.name ?? g.id,
      type: g.type,
      province: g.province,
      fiscalCapacity: g.fiscal_capacity ?? null,
      election: g.election ?? '',
      key: keyOf(g.id),
      model,
      serviceIndex,
      serviceOf,
      peers: Int32Array.from(s.government_network.same_province ? peers : pioneers.filter((x) => x !== gi)),
      provincePeers: Int32Array.from(provincePeers),
      money: money.filter(([m, j]) => m >= 1 && m <= s.months && j >= 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      visionFloors,
      forcedLaunch: [...money, ...forced]
        .filter(([m, j]) => m <= s.months && j >= 0)
        .map(([m, j]): [number, number] => [Math.max(m, model.innovations[j]!.launch), j])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      cohorts: cohortsOf(g.id),
    };
    onGovernment?.(compiled, parsed.scenario, sources);
    return compiled;
  });
  void last;
  return {
    scenario: s,
    months: s.months,
    governments,
    services,
    params: s.national_parameters,
    cohorts,
    pioneers,
    sameProvince: s.government_network.same_province,
  };
}
