/**
 * P14's spread control: the governments made alike (docs/NATIONAL.md, "The
 * spread control").
 *
 * P14's second half says that governments differ in how much they sustain.
 * The claim under test is that this spread comes from their differing
 * actor-networks and governance levers. The control keeps the governments
 * as a sample (their ids, hence their random streams, types, agency mixes,
 * kecamatan counts, provinces and the network between them) and gives
 * every one of them the levers of the typical government: a service,
 * mandate or programme that reaches more than half of the governments
 * reaches all of them (a service: all of the government types its selector
 * names, as a service for kecamatan agencies reaches no province), otherwise none; the election cycle is the most
 * common one; a government's own `city` block and fiscal capacity are
 * removed, so each runs the template of its type. The spread is then
 * compared with the case's on the same seeds (`compareSpread`).
 */
import { matchesSelector, resolveCohorts } from '../model/national/compile.js';
import { nationalSchema, type GovernmentSelector, type NationalScenario } from '../scenario/national-schema.js';
import { tInterval } from '../experiment/stats/describe.js';
import { shifted } from '../messages/decimal.js';

export const P14_ALIKE_DESCRIPTION =
  "every government given the typical government's levers: a service, mandate or programme reaching more than half of the governments reaches all (a service: all of its types), otherwise none; the most common election cycle; no government's own block or fiscal capacity; types, agencies, provinces, pioneers and seeds kept";

/** What the control changes in a national file (ids as written there), to be reported beside it. */
export interface P14AlikeChanges {
  /** National services offered to at most half of the governments: offered nowhere. */
  readonly servicesRemoved: string[];
  /** Services offered to more than half (but not all) of the governments: offered everywhere. */
  readonly servicesEverywhere: string[];
  readonly mandatesRemoved: string[];
  readonly mandatesEverywhere: string[];
  readonly programmesRemoved: string[];
  /** Programmes kept, each with every government a member of its largest cohort. */
  readonly programmesEverywhere: string[];
  /** The election cycle every government is on ('' = none). */
  readonly election: string;
  /** Governments whose own `city` block was removed. */
  readonly ownBlocksRemoved: string[];
}

type Raw = Record<string, unknown>;
const list = (x: unknown): Raw[] => (Array.isArray(x) ? (x as Raw[]) : []);

interface Plan {
  readonly s: NationalScenario;
  readonly changes: P14AlikeChanges;
  readonly keptServices: ReadonlySet<string>;
  readonly keptMandates: ReadonlySet<number>;
  /** Per programme index: the cohort index kept with every government as member, or -1 (programme removed). */
  readonly programmeCohort: readonly number[];
  readonly pioneers: readonly string[] | undefined;
  readonly portfolio: boolean;
}

function plan(input: Readonly<Raw>): Plan {
  // The control is built from a file the case has just read and validated; read it with its defaults.
  const s = nationalSchema.parse(input);
  const G = s.governments.length;
  const index = new Map(s.governments.map((g, i) => [g.id, i] as const));
  const cohorts = resolveCohorts(s, index);
  const cohortsOf = (id: string) => cohorts.filter((c) => c.members.includes(index.get(id)!)).map((c) => c.id);
  const reached = (sel: GovernmentSelector | undefined) => s.governments.filter((g) => matchesSelector(sel, g, cohortsOf)).length;
  // The typical government has a lever when more than half of the governments have it.
  const most = (n: number) => 2 * n > G;

  const keptServices = new Set<string>();
  const servicesRemoved: string[] = [];
  const servicesEverywhere: string[] = [];
  for (const x of s.innovations) {
    const n = reached(x.governments);
    if (!most(n)) servicesRemoved.push(x.id);
    else {
      keptServices.add(x.id);
      if (n < G) servicesEverywhere.push(x.id);
    }
  }
  const keptMandates = new Set<number>();
  const mandatesRemoved: string[] = [];
  const mandatesEverywhere: string[] = [];
  s.national_regulations.forEach((r, i) => {
    const n = reached(r.governments);
    if (!most(n)) mandatesRemoved.push(r.id);
    else {
      keptMandates.add(i);
      if (n < G) mandatesEverywhere.push(r.id);
    }
  });
  const programmesRemoved: string[] = [];
  const programmesEverywhere: string[] = [];
  const programmeCohort = s.programmes.map((p) => {
    const mine = cohorts.filter((c) => c.programme === p.id);
    const members = new Set(mine.flatMap((c) => c.members));
    if (!most(members.size)) {
      programmesRemoved.push(p.id);
      return -1;
    }
    programmesEverywhere.push(p.id);
    // Every government joins with the programme's largest cohort (the first of equal ones).
    let best = 0;
    mine.forEach((c, ci) => {
      if (c.members.length > mine[best]!.members.length) best = ci;
    });
    return best;
  });
  // The most common cycle ('' = none), the first written of equally common ones.
  const counts = new Map<string, number>();
  for (const g of s.governments) counts.set(g.election ?? '', (counts.get(g.election ?? '') ?? 0) + 1);
  const order = [...s.elections.map((e) => e.id), ''];
  const election = order.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a), order[0]!);
  const pioneers = s.government_network.pioneers === undefined ? undefined : s.governments.filter((g) => matchesSelector(s.government_network.pioneers, g, cohortsOf)).map((g) => g.id);
  return {
    s,
    keptServices,
    keptMandates,
    programmeCohort,
    pioneers,
    portfolio: most(s.governments.filter((g) => g.portfolio).length),
    changes: {
      servicesRemoved,
      servicesEverywhere,
      mandatesRemoved,
      mandatesEverywhere,
      programmesRemoved,
      programmesEverywhere,
      election,
      ownBlocksRemoved: s.governments.filter((g) => g.city !== undefined).map((g) => g.id),
    },
  };
}

export function p14AlikeChanges(input: Readonly<Raw>): P14AlikeChanges {
  return plan(input).changes;
}

/** The control's scenario input (pure: returns a new object; same seed, replications and governments). */
export function p14AlikeScenario(input: Readonly<Raw>): Raw {
  const p = plan(input);
  const out = structuredClone(input) as Raw;
  const keep = (ids: unknown) => (Array.isArray(ids) ? ids.filter((a) => p.keptServices.has(String(a))) : ids);
  // A kept service's `types` stay: they follow from the agencies a type has (village-information, for
  // kecamatan agencies, is offered to no province), which the control keeps; the rest of its selector goes.
  out['innovations'] = list(out['innovations'])
    .filter((x) => p.keptServices.has(String(x['id'])))
    .map(({ governments: g, ...rest }) => {
      const types = (g as { types?: unknown } | undefined)?.types;
      return types === undefined ? rest : { ...rest, governments: { types } };
    });
  out['national_regulations'] = list(out['national_regulations'])
    .filter((_r, i) => p.keptMandates.has(i))
    .map(({ governments: _g, ...rest }) => ('anchors' in rest ? { ...rest, anchors: keep(rest['anchors']) } : rest));
  const ids = p.s.governments.map((g) => g.id);
  out['programmes'] = list(out['programmes']).flatMap((prog, pi) => {
    const ci = p.programmeCohort[pi]!;
    if (ci < 0) return [];
    const { select: _s, ...cohort } = list(prog['cohorts'])[ci]!;
    return [{ ...prog, cohorts: [{ ...cohort, members: ids }], ...('anchors' in prog && { anchors: keep(prog['anchors']) }) }];
  });
  if (p.pioneers !== undefined) {
    out['government_network'] = { ...((out['government_network'] as Raw | undefined) ?? {}), pioneers: { ids: p.pioneers } };
  }
  out['governments'] = list(out['governments']).map((g) => {
    const { city: _c, fiscal_capacity: _f, election: _e, portfolio: _p, ...rest } = g;
    return { ...rest, ...(p.changes.election !== '' && { election: p.changes.election }), ...(!p.portfolio && { portfolio: false }) };
  });
  return out;
}

/** One replication's spread, as `spread.csv` has it. */
export interface SpreadSd {
  readonly replication: number;
  readonly sd_sustained_share: number;
}

export interface SpreadComparison {
  /** The replication indices paired, ascending. */
  readonly replications: number[];
  /** Mean over the replications of the SD across governments of the sustained share. */
  readonly caseSd: number;
  readonly controlSd: number;
  /** Mean of case - control per replication, and its 95 % Student t interval (NaN with fewer than 2). */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  /** The control's spread is lower, with the interval above 0. */
  readonly evidence: boolean;
  readonly line: string;
}

const pp = (x: number) => (Number.isNaN(x) ? '-' : `${shifted(x, 2, 2)}`);

/**
 * The case's and the control's spreads, paired by replication index (the
 * same seeds): the decision rule fixed in docs/NATIONAL.md before the
 * control was first run.
 */
export function compareSpread(kase: readonly SpreadSd[], control: readonly SpreadSd[]): SpreadComparison {
  const c = new Map(control.map((r) => [r.replication, r.sd_sustained_share]));
  const replications = kase.map((r) => r.replication).sort((a, b) => a - b);
  if (replications.length !== control.length || replications.some((r) => !c.has(r)) || new Set(replications).size !== replications.length) {
    throw new Error('the spread control must run on the case\'s replications (the same seeds)');
  }
  const k = new Map(kase.map((r) => [r.replication, r.sd_sustained_share]));
  const d = replications.map((r) => k.get(r)! - c.get(r)!);
  const n = d.length;
  const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  const difference = mean(d);
  const sd = n > 1 ? Math.sqrt(d.reduce((a, x) => a + (x - difference) ** 2, 0) / (n - 1)) : Number.NaN;
  const { low, high } = n > 1 ? tInterval(difference, sd, n) : { low: Number.NaN, high: Number.NaN };
  const evidence = n > 1 && low > 0;
  const caseSd = mean(replications.map((r) => k.get(r)!));
  const controlSd = mean(replications.map((r) => c.get(r)!));
  const line =
    `P14 spread control (governments made alike, same seeds): SD of the governments' sustained shares ${pp(caseSd)} points in the case, ${pp(controlSd)} in the control ` +
    `(mean of ${n} replications); case - control ${pp(difference)} points (95 % interval ${pp(low)} to ${pp(high)}): ` +
    (evidence ? "evidence that the spread comes from the governments' differences" : "not evidence that the spread comes from the governments' differences");
  return { replications, caseSd, controlSd, difference, low, high, evidence, line };
}
