/**
 * Warnings for a national file (docs/NATIONAL.md, "Checks"): valid, but
 * probably not what the author meant. They are printed on stderr by
 * `difusi validate`, `difusi national --check` and `difusi national`, and
 * never change the exit code.
 *
 * - The city warnings (model/warnings.ts) of every government's city
 *   scenario, naming the place in the national file the entry comes from
 *   (`innovations[1] "smart-kiosk"`, `governments[3].city.innovations[0]
 *   "x"`). The same warning in many governments is one line with their
 *   count and the first few ids, not hundreds of lines.
 * - A national service with `owner: vendor` and no vendor of its own that
 *   takes a government's only vendor (see `implicitVendors`).
 * - A government's `province` that is no province government's id but
 *   looks like a typo of one (see `provinceTypo`).
 * - A mandate or programme anchoring a service that no government it
 *   reaches has, or reaching no government (see `inertAnchors`).
 * - A government type with no `template.agencies` entry, for governments
 *   without their own `city.opds`; `districts` on a province government,
 *   and on a regency or city whose own `city.opds` (which replaces the
 *   template and the districts' kecamatan) has another number of kecamatan
 *   agencies (see `ignoresDistricts`).
 * - A programme cohort whose `select.count` cannot be met (see `shortCohorts`).
 * - Heads of an election cycle taking office after the horizon (see `headsAfterHorizon`).
 * - An unfunded mandate, or an unfunded programme's regulation, that acts
 *   in no government it reaches, for all or some of the services it anchors
 *   (see `UnfundedRegulations`).
 */
import { cohortMembership, DEFAULT_SELECT_TYPES, matchesSelector, portfolioOf, resolveCohorts, serviceIds, type CompiledGovernment } from '../model/national/compile.js';
import { FUNDING, OWNER, type CompiledModel } from '../model/compile.js';
import { scenarioWarningList, type WarningNames } from '../model/warnings.js';
import type { Scenario } from '../scenario/schema.js';
import type { GovernmentSpec, NationalScenario } from '../scenario/national-schema.js';
import { governmentOrigin, type GovernmentSources } from '../scenario/national-origin.js';
import { formatPath, warning, warningText, type ScenarioWarning, type WarningText } from '../messages/catalog.js';
import { editDistance } from '../scenario/suggest.js';
import { lastMonth, monthIndex } from '../scenario/calendar.js';
import { suggestReference } from '../scenario/suggest.js';

// How a grouped warning names its governments: kept importable from here, where it was (it now stands in
// messages/catalog.ts, beside the warnings that use it).
export { whichGovernments } from '../messages/catalog.js';

/** The names the city warnings give a government's entries: their place in the national file. */
function nationalNames(model: CompiledModel, sources: GovernmentSources): WarningNames {
  const at = (path: (string | number)[]) => formatPath(governmentOrigin(sources, path));
  return {
    innovation: (k) => `${at(['innovations', k])} "${model.innovations[k]!.id}"`,
    regulation: (r) => {
      const origin = governmentOrigin(sources, ['regulations', r]);
      // A national regulation's or programme's city regulation is `national.<id>` / `programme.<id>`.
      const id = origin[0] === 'national_regulations' || origin[0] === 'programmes' ? model.regulations[r]!.id.replace(/^(national|programme)\./, '') : model.regulations[r]!.id;
      return `${formatPath(origin)} "${id}"`;
    },
    leader: (l) => `${at(['leaders', l])} "${model.leaders[l]!.id}"`,
  };
}

/**
 * A national service with `owner: vendor` that names no vendor (and sits on
 * no platform in a vendor's custody) takes, in each government, the one
 * vendor of that government's city scenario if it has exactly one (the city
 * rule, model/compile.ts vendorOf), and none where it has zero or several
 * (the city warning above names those). Which vendors a government has
 * depends on which national services and platforms reach it, so the same
 * service would silently get one vendor's contract end in some governments
 * and another's, or none, in others. The results stay as they are (a file
 * that means it keeps its meaning); the warning names the service and the
 * vendor it took.
 */
function implicitVendors(model: CompiledModel, city: Scenario, sources: GovernmentSources, names: WarningNames): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  if (city.decision === 'bass') return out; // no vendor exits in pure Bass mode (as scenarioWarnings)
  model.innovations.forEach((inn, k) => {
    if (inn.owner !== OWNER.vendor || inn.vendor < 0 || city.innovations[k]!.vendor !== undefined) return;
    if (inn.platform >= 0 && model.platforms[inn.platform]!.custodianVendor >= 0) return; // its platform's custodian: named in the file
    if (governmentOrigin(sources, ['innovations', k])[0] !== 'innovations') return; // a government's own service: a city file's rule
    out.push(warning('implicit_vendor', names.innovation(k), model.vendors[inn.vendor]!.id));
  });
  return out;
}

/**
 * A regency or city with `districts` and its own `city.opds`: the city block
 * replaces the template's agencies, kecamatan from the districts included,
 * so `districts` makes no agency there. Said only where the agencies of
 * `city.opds` do not include one kecamatan per district (a file that lists
 * its kecamatan and gives their number as districts means what it says).
 */
function ignoresDistricts(government: CompiledGovernment, spec: GovernmentSpec): boolean {
  if (spec.type === 'province' || spec.districts === 0 || spec.city === undefined || !('opds' in spec.city)) return false;
  return government.model.opds.filter((o) => o.type === 'kecamatan').length !== spec.districts;
}

/**
 * An unfunded mandate (`money: false`) or an unfunded programme's regulation
 * (`strength` > 0, `money: false`) anchors and pushes a service only where
 * that service has national money (instances.ts refreshAnchors,
 * withNationalMoney): its own funding is `national`, or a funded mandate or
 * programme brings money there. Money that arrives after the regulation
 * lapsed (`to`) comes too late. The rule is per service: where no
 * government the entry reaches has such money for a service it anchors,
 * while it is in force, the entry does nothing for that service (the
 * outputs are byte-identical with the service taken out of a mandate's
 * `anchors`; a programme's anchors also launch its services, so there it is
 * the strength that does nothing for the service). Where that holds for
 * every service it anchors, the entry changes nothing at all (the outputs
 * are byte-identical without it): a mandate's default `money: false` on a
 * city-budget service reads as a mandate and is none. Where it holds for
 * some, the line names those and the services it acts for. A mandate that
 * bans standalone apps is never named: the ban acts with or without money,
 * on the standalone instances of every service in the agencies it binds
 * (discontinuance.ts), the anchored ones included, so it acts for each of
 * its services. The compiled governments are read, not the file, so that
 * the rule is the simulation's own.
 */
class UnfundedRegulations {
  /**
   * By the entry's place in the national file: its name, whether it bans standalone apps, the services it
   * anchors in a government it reaches (in order), and those of them it acts for somewhere.
   */
  private readonly entries = new Map<string, { origin: (string | number)[]; name: string; bans: boolean; services: string[]; acting: Set<string> }>();

  note(government: CompiledGovernment, sources: GovernmentSources, names: WarningNames): void {
    const model = government.model;
    model.regulations.forEach((reg, r) => {
      if (reg.unfunded !== true) return;
      const origin = governmentOrigin(sources, ['regulations', r]);
      const key = formatPath(origin);
      let entry = this.entries.get(key);
      if (entry === undefined) {
        entry = { origin, name: names.regulation(r), bans: false, services: [], acting: new Set() };
        this.entries.set(key, entry);
      }
      if (reg.bansStandalone) entry.bans = true;
      model.innovations.forEach((inn, j) => {
        if (reg.anchors[j] !== 1) return;
        if (!entry.services.includes(inn.id)) entry.services.push(inn.id);
        // National money for j in this government (its months lie inside the horizon), in time for the regulation.
        if (inn.funding === FUNDING.national || government.money.some(([m, x]) => x === j && m <= reg.to)) entry.acting.add(inn.id);
      });
    });
  }

  /** The named entries (see the class comment), in file order: mandates, then programmes; with the services each does nothing for and those it acts for. */
  private named(s: NationalScenario): { entry: InertWarningEntry; name: string; acting: string[]; strength: number }[] {
    const named = [...this.entries.values()].filter((e) => !e.bans && e.services.some((x) => !e.acting.has(x)));
    // In file order: mandates, then programmes.
    const rank = (o: (string | number)[]) => (o[0] === 'national_regulations' ? 0 : 1e6) + Number(o[1]);
    named.sort((a, b) => rank(a.origin) - rank(b.origin));
    return named.map((e) => {
      const inert = e.services.filter((x) => !e.acting.has(x));
      const acting = e.services.filter((x) => e.acting.has(x));
      const i = Number(e.origin[1]);
      if (e.origin[0] === 'programmes') {
        const p = s.programmes[i]!;
        const code = acting.length === 0 ? 'unfunded_programme_inert' : 'unfunded_programme_partly_inert';
        return { entry: { code, kind: 'programme', id: p.id, services: inert }, name: e.name, acting, strength: p.strength };
      }
      const code = acting.length === 0 ? 'unfunded_mandate_inert' : 'unfunded_mandate_partly_inert';
      return { entry: { code, kind: 'regulation', id: s.national_regulations[i]!.id, services: inert }, name: e.name, acting, strength: 0 };
    });
  }

  lines(s: NationalScenario): ScenarioWarning[] {
    return this.named(s).map(({ entry: { code, services }, name, acting, strength }) => {
      switch (code) {
        case 'unfunded_programme_inert':
          return warning(code, name, strength, services);
        case 'unfunded_programme_partly_inert':
          return warning(code, name, strength, services, acting);
        case 'unfunded_mandate_inert':
          return warning(code, name, services);
        case 'unfunded_mandate_partly_inert':
          return warning(code, name, services, acting);
      }
    });
  }

  /** The same entries as data (the manifest's `inert_entries`), one per line of `lines`, in the same order. */
  inertEntries(s: NationalScenario): InertWarningEntry[] {
    return this.named(s).map((x) => x.entry);
  }
}

/**
 * A mandate or programme the warnings say does nothing (UnfundedRegulations), as data: the manifest's
 * `inert_entries`, which the report reads (report/national-report.ts inertEntries) rather than the
 * wording of the lines. `code`: the warning's (the `partly_` forms: it acts for some other service);
 * `kind`, `id`: the national regulation's or programme's id in the file; `services`: those it does
 * nothing for (a programme: its strength does nothing for them).
 */
export interface InertWarningEntry {
  readonly code: 'unfunded_mandate_inert' | 'unfunded_mandate_partly_inert' | 'unfunded_programme_inert' | 'unfunded_programme_partly_inert';
  readonly kind: 'regulation' | 'programme';
  readonly id: string;
  readonly services: readonly string[];
}

/**
 * Collects the warnings of one national file while it compiles (compileNational's `onGovernment`).
 * `text`: how its lines are worded (default English; messages/warning-text-id.ts under --lang id).
 */
export class NationalWarnings {
  /** A city warning's English text (what groups it) -> the warning and the ids of the governments that give it, in file order. */
  private readonly byText = new Map<string, { warning: ScenarioWarning; ids: string[] }>();
  /** Regencies and cities whose `districts` their own `city.opds` leaves unused (ignoresDistricts). */
  private readonly ignoredDistricts: string[] = [];
  private readonly unfunded = new UnfundedRegulations();

  constructor(
    private readonly scenario: NationalScenario,
    private readonly text: WarningText = warningText,
  ) {}

  readonly onGovernment = (government: CompiledGovernment, city: Scenario, sources: GovernmentSources): void => {
    if (ignoresDistricts(government, this.scenario.governments[government.index]!)) this.ignoredDistricts.push(government.id);
    const names = nationalNames(government.model, sources);
    this.unfunded.note(government, sources, names);
    // Grouped by the English text in any language: the same lines, in the same order, whatever the language.
    for (const w of [...scenarioWarningList(city, government.model, names), ...implicitVendors(government.model, city, sources, names)]) {
      const key = warningText(w);
      const same = this.byText.get(key);
      if (same === undefined) this.byText.set(key, { warning: w, ids: [government.id] });
      else same.ids.push(government.id);
    }
  };

  /** Every warning, one line each (without the file name); `text`: how they are worded (default: the constructor's). */
  lines(text: WarningText = this.text): string[] {
    const total = this.scenario.governments.length;
    const city = [...this.byText.values()].map(({ warning: w, ids }) => warning('in_governments', ids, total, text(w)));
    const districts = this.ignoredDistricts;
    const ignored = districts.length === 0 ? [] : [warning('districts_beside_city_opds', districts, total)];
    return [...fileWarningList(this.scenario), ...this.unfunded.lines(this.scenario), ...ignored, ...city].map(text);
  }

  /** The mandates and programmes that do nothing for some service they anchor, as data (the manifest's `inert_entries`). */
  inertEntries(): InertWarningEntry[] {
    return this.unfunded.inertEntries(this.scenario);
  }
}

/** Warnings about the national file's own fields (not a government's city scenario); `text`: how they are worded. */
export function fileWarnings(s: NationalScenario, text: WarningText = warningText): string[] {
  return fileWarningList(s).map(text);
}

function fileWarningList(s: NationalScenario): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const total = s.governments.length;
  const provinces = s.governments.filter((g) => g.type === 'province').map((g) => g.id);
  const provinceSet = new Set(provinces);
  // A province name that is no province government's id but a typo of one, grouped by name.
  const typos = new Map<string, { meant: string; ids: string[] }>();
  for (const g of s.governments) {
    if (provinceSet.has(g.province)) continue;
    const meant = provinceTypo(g.province, provinces);
    if (meant === undefined) continue;
    const entry = typos.get(g.province) ?? { meant, ids: [] };
    entry.ids.push(g.id);
    typos.set(g.province, entry);
  }
  for (const [name, { meant, ids }] of typos) {
    out.push(warning('province_typo', ids, total, name, meant));
  }
  // A government type with no template entry: its governments get no agencies from the template.
  const mix = s.template.agencies;
  for (const type of ['province', 'regency', 'city'] as const) {
    if (mix[type] !== undefined) continue;
    const ids = s.governments.filter((g) => g.type === type && !(g.city !== undefined && 'opds' in g.city)).map((g) => g.id);
    if (ids.length === 0) continue;
    out.push(warning('template_type_missing', type, ids, total, s.template.coordinator));
  }
  out.push(...inertAnchorList(s));
  out.push(...shortCohortList(s));
  out.push(...headsAfterHorizon(s));
  const provinceDistricts = s.governments.filter((g) => g.type === 'province' && g.districts > 0).map((g) => g.id);
  if (provinceDistricts.length > 0) {
    out.push(warning('districts_on_province', provinceDistricts, total));
  }
  return out;
}

/**
 * Heads of an election cycle taking office after the horizon: the
 * compiler gives a government only the heads from the one in office at the
 * start to the horizon (model/national/compile.ts cycleOffice), so these
 * change nothing, silently otherwise. Allowed, not refused as a city
 * leader's `from` past the horizon is: a cycle is an election calendar, which
 * a file may share with longer runs (docs/NATIONAL.md, "Election calendars");
 * one line per cycle, naming the first of them.
 */
function headsAfterHorizon(s: NationalScenario): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  s.elections.forEach((cycle, ei) => {
    const late = cycle.heads.flatMap((h, hi) => (monthIndex(s.start, h.from) > s.months ? [hi] : []));
    if (late.length === 0) return;
    out.push(warning('head_after_horizon', `elections[${ei}] "${cycle.id}"`, late, cycle.heads[late[0]!]!.from, lastMonth(s.start, s.months)));
  });
  return out;
}

/**
 * A mandate or programme anchors a service that no government it reaches
 * has (a national service its `governments` selector or `portfolio: false`
 * keeps out, and no service of the government's own `city.innovations` by
 * that id): compile.ts keeps only the anchors a government has, so for
 * that service the entry does nothing, silently. Also a mandate whose
 * selector matches no government, and a programme whose cohorts have no
 * members. Likely a selector that does not say what was meant.
 */
export function inertAnchors(s: NationalScenario, text: WarningText = warningText): string[] {
  return inertAnchorList(s).map(text);
}

function inertAnchorList(s: NationalScenario): ScenarioWarning[] {
  const index = new Map(s.governments.map((g, i) => [g.id, i]));
  const cohorts = resolveCohorts(s, index);
  const cohortsOf = cohortMembership(s, cohorts);
  // The services each government has, by the rule compile.ts keeps a mandate's anchors by.
  const ids = new Map(s.governments.map((g) => [g.id, serviceIds(portfolioOf(s, g, cohortsOf), g.city)]));
  const has = (g: GovernmentSpec, service: string) => ids.get(g.id)!.has(service);
  const out: ScenarioWarning[] = [];
  const check = (what: string, reached: readonly GovernmentSpec[], nobody: ScenarioWarning, anchors: readonly string[]) => {
    if (reached.length === 0) {
      out.push(nobody);
      return;
    }
    const inert = anchors.filter((a) => !reached.some((g) => has(g, a)));
    if (inert.length === 0) return;
    out.push(warning('anchors_nowhere', what, inert));
  };
  s.national_regulations.forEach((r, i) => {
    const what = `national_regulations[${i}] "${r.id}"`;
    check(what, s.governments.filter((g) => matchesSelector(r.governments, g, cohortsOf)), warning('mandate_reaches_no_government', what), r.anchors);
  });
  s.programmes.forEach((p, i) => {
    const members = new Set(cohorts.filter((c) => c.programme === p.id).flatMap((c) => c.members));
    const what = `programmes[${i}] "${p.id}"`;
    check(what, s.governments.filter((_, gi) => members.has(gi)), warning('programme_no_members', what), p.anchors);
  });
  return out;
}

/**
 * A cohort whose `select` finds fewer governments than its `count` (of its
 * types, in no earlier cohort of the programme and listed in none of its
 * cohorts): the cohort is smaller than the file says, silently otherwise.
 */
export function shortCohorts(s: NationalScenario, text: WarningText = warningText): string[] {
  return shortCohortList(s).map(text);
}

function shortCohortList(s: NationalScenario): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  resolveCohorts(s, new Map(s.governments.map((g, i) => [g.id, i])), (pi, ci, drawn, count) => {
    const p = s.programmes[pi]!;
    const c = p.cohorts[ci]!;
    const types = c.select?.types ?? DEFAULT_SELECT_TYPES;
    out.push(warning('cohort_short', `programmes[${pi}] "${p.id}"`, c.id, count, drawn, types));
  });
  return out;
}

/**
 * The province government a province name was probably meant to be: one
 * at most two edits away (suggestReference: not one that differs only in
 * its digits), when what differs is not whole words of both names. A
 * partial file may name a province whose government it leaves out:
 * `prov-c` beside `prov-a`, `prov-sulawesi-utara` beside
 * `prov-sulawesi-barat` differ in a whole word and are two provinces;
 * `prov-nus` for `prov-nusa` or `prov-jawa-barta` for `prov-jawa-barat`
 * differ inside a word and are typos.
 */
export function provinceTypo(name: string, provinces: readonly string[]): string | undefined {
  // Ids are case-sensitive, and suggestReference compares without case: a name that differs only in case is a typo.
  const sameButCase = provinces.find((p) => p !== name && p.toLowerCase() === name.toLowerCase());
  if (sameButCase !== undefined) return sameButCase;
  const meant = suggestReference(name, provinces);
  if (meant === undefined) return undefined;
  const a = name.toLowerCase();
  const b = meant.toLowerCase();
  if (editDistance(a, b) > 2) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const separator = (c: string | undefined) => c === undefined || c === '-' || c === '_' || c === '.';
  // Both differing parts are empty or begin and end at word boundaries (a part may itself begin or end
  // with the separator: `-b` in `prov-a-b` beside `prov-a`): another word, not a typo inside one.
  const whole = (x: string) => {
    const part = x.slice(start, x.length - end);
    if (part === '') return true;
    return (separator(x[start - 1]) || separator(part[0])) && (separator(x[x.length - end]) || separator(part[part.length - 1]));
  };
  return whole(a) && whole(b) ? undefined : meant;
}
