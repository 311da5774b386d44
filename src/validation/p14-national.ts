/**
 * P14: Heeks-like totals over a national portfolio (docs/NATIONAL.md).
 *
 * Each (government, service) of each replication is classed as Heeks would
 * class an initiative (validation/heeks.ts, the same classes as P5b); the
 * classes are pooled over all governments and replications. The pattern
 * holds when the pooled shares of successes, partial failures and total
 * failures (replacements left out, as in P5b) lie within 10-25 %, 35-65 %
 * and 20-50 % (around Heeks 2003: 15 / 50 / 35 %; the ranges are the
 * project's, Heeks gives point estimates), and the spread between
 * governments is wide: in the mean replication at least SOME_MOST of the
 * governments sustain at least half of their services and at least
 * MANY_NONE sustain none. Both spread thresholds were fixed before the
 * national scenario was first run (recorded in docs/NATIONAL.md).
 */
import type { HeeksClass } from './heeks.js';
import { shifted } from '../messages/decimal.js';

export const P14_BANDS = { success: [0.1, 0.25], partial: [0.35, 0.65], total_failure: [0.2, 0.5] } as const;
/** "Some cities sustain most of their services": at least this share of governments. */
export const SOME_MOST = 0.05;
/** "Many sustain none": at least this share of governments. */
export const MANY_NONE = 0.2;

export interface P14Input {
  /** Pooled service classes per national service, plus '(local services)' and '(all)'. */
  readonly pooled: readonly { service: string; counts: Record<HeeksClass, number> }[];
  /** Per replication: governments, and how many sustain most / none of their services. */
  readonly spread: readonly { governments: number; sustain_most: number; sustain_none: number }[];
}

export interface P14Service {
  readonly service: string;
  readonly classed: number;
  readonly success: number;
  readonly partial: number;
  readonly total_failure: number;
  readonly replaced: number;
  readonly within: boolean;
}

export interface P14Result {
  readonly services: P14Service[];
  readonly all: P14Service;
  readonly sustainMostShare: number;
  readonly sustainNoneShare: number;
  readonly totalsPass: boolean;
  readonly spreadPass: boolean;
  readonly pass: boolean;
  readonly lines: string[];
}

function shares(service: string, c: Record<HeeksClass, number>): P14Service {
  const classed = c.success + c.partial + c.total_failure;
  const sh = (x: number) => (classed > 0 ? x / classed : 0);
  const success = sh(c.success);
  const partial = sh(c.partial);
  const total = sh(c.total_failure);
  const inBand = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
  return {
    service,
    classed,
    success,
    partial,
    total_failure: total,
    replaced: c.replaced,
    within: classed > 0 && inBand(success, P14_BANDS.success) && inBand(partial, P14_BANDS.partial) && inBand(total, P14_BANDS.total_failure),
  };
}

const pct = (x: number) => `${shifted(x, 2, 1)} %`;

/**
 * The words of p14.txt's three line forms, numbers given as written. The
 * English report uses them as its catalog's P14 lines (report/i18n/national-en.ts)
 * and report/p14-text.ts reads these forms back, so they are written once, here.
 */
export const P14_WORDS = {
  totals: (outcomes: string, replications: string, success: string, partial: string, total: string, replaced: string, within: boolean) =>
    `P14 national Heeks totals over ${outcomes} (government, service) outcomes in ${replications} replications: ` +
    `success ${success} (band 10-25 %), partial ${partial} (35-65 %), total failure ${total} (20-50 %), ${replaced} replaced left out: ${within ? 'within' : 'OUTSIDE'}`,
  spread: (most: string, mostMin: string, none: string, noneMin: string, wide: boolean) =>
    `P14 spread: ${most} of governments sustain at least half their services (>= ${mostMin}), ${none} sustain none (>= ${noneMin}): ${wide ? 'wide' : 'NOT wide enough'}`,
  service: (service: string, success: string, partial: string, total: string, classed: string, outside: boolean) =>
    `  ${service}: success ${success}, partial ${partial}, total failure ${total} of ${classed}${outside ? ' (outside the bands)' : ''}`,
};

/**
 * The plain reading of P14's verdict that the terminal prints after the P14
 * lines (`difusi national`, `difusi national-merge`): what P14 and its bands
 * are, and what to conclude, as the report's summary says it. Not part of
 * p14.txt, whose line forms report/p14-text.ts reads back.
 */
export function p14Reading(r: Pick<P14Result, 'totalsPass' | 'spreadPass'>): string {
  const what =
    'P14 compares these shares with Heeks (2003: about 15 % of e-government projects succeed, 50 % partly fail, 35 % totally fail; ' +
    'the bands allow for the difference) and asks for a wide spread between governments (some sustain most of their services, many none). ' +
    // Every service line may say "(outside the bands)": a newcomer read that as every service failing.
    "The bands are a condition on the national total alone; a service's line says how it compares with them, for information.";
  if (r.totalsPass && r.spreadPass) return `${what} This run reproduces it; the national figures are still what-ifs under the model's assumptions, not forecasts.`;
  const missed = [r.totalsPass ? '' : "Heeks' totals of successes and failures", r.spreadPass ? '' : 'the spread between governments'].filter((x) => x !== '');
  const which = missed.length === 2 ? `neither ${missed[0]} nor ${missed[1]}` : `not ${missed[0]}`;
  return `${what} This run does not reproduce it (${which}): read the national figures as exploratory what-ifs, not forecasts (docs/NATIONAL.md, P14).`;
}

export function measureP14(input: P14Input): P14Result {
  const services = input.pooled.filter((p) => p.service !== '(all)').map((p) => shares(p.service, p.counts));
  const allCounts = input.pooled.find((p) => p.service === '(all)')?.counts ?? { success: 0, partial: 0, total_failure: 0, replaced: 0 };
  const all = shares('(all)', allCounts);
  const reps = input.spread.length;
  const mean = (f: (r: P14Input['spread'][number]) => number) => (reps > 0 ? input.spread.reduce((a, r) => a + f(r), 0) / reps : 0);
  const sustainMostShare = mean((r) => (r.governments > 0 ? r.sustain_most / r.governments : 0));
  const sustainNoneShare = mean((r) => (r.governments > 0 ? r.sustain_none / r.governments : 0));
  const totalsPass = all.within;
  const spreadPass = sustainMostShare >= SOME_MOST && sustainNoneShare >= MANY_NONE;
  const lines = [
    P14_WORDS.totals(String(all.classed), String(reps), pct(all.success), pct(all.partial), pct(all.total_failure), String(all.replaced), totalsPass),
    P14_WORDS.spread(pct(sustainMostShare), pct(SOME_MOST), pct(sustainNoneShare), pct(MANY_NONE), spreadPass),
    ...services.map((s) => P14_WORDS.service(s.service, pct(s.success), pct(s.partial), pct(s.total_failure), String(s.classed), !s.within)),
  ];
  return { services, all, sustainMostShare, sustainNoneShare, totalsPass, spreadPass, pass: totalsPass && spreadPass, lines };
}

/**
 * P14's negative control (as for every pattern: a control removes the mechanism and must
 * fail, with the same seeds). In the model a service's Heeks class comes from
 * its actor-network (docs/MODEL.md 7.7): who owns it, whether it has a line,
 * a running platform, a regulation, a champion and a sponsoring leader.
 * Failures (vendor pilots, unanchored and unfunded services, services without
 * champions) need weak networks. The control gives every national service in
 * every government the strongest network the model has: agency-owned, on a
 * national line (no vendor, no pilot), on a platform its coordinator runs,
 * sponsored by the leader, anchored by a funded mandate from its launch (existing mandates kept), in
 * governments where every agency has a champion who stays. With the
 * mechanism removed, failures should become rare and successes common, so
 * P14 must not hold. Same file otherwise: same governments, seed and
 * replications (so the same seeds). Pure: returns a new scenario input.
 */
export const P14_CONTROL_DESCRIPTION =
  'every national service agency-owned, on a national line and a running platform, leader-sponsored, anchored by a funded mandate, every agency championed';

export function p14ControlScenario(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = structuredClone(input) as Record<string, unknown>;
  const services = (out['innovations'] as Record<string, unknown>[] | undefined) ?? [];
  const platforms = ((out['platforms'] as Record<string, unknown>[] | undefined) ?? []).slice();
  const controlPlatform = 'p14-control-platform';
  platforms.push({ id: controlPlatform, name: 'P14 control: a platform every government runs', custodian: 'coordinator' });
  out['platforms'] = platforms;
  out['innovations'] = services.map((s) => {
    const { vendor: _v, pilot_months: _p, platform: _pl, ...rest } = s;
    return { ...rest, owner: 'opd', funding: 'national', platform: controlPlatform, sponsor: 'leader' };
  });
  out['vendors'] = [];
  // One funded mandate per service from the month it becomes available
  // (coercion launches it there at once). A service without a launch month
  // is invalid input and the national reader reports it by name; it gets no
  // mandate here (a mandate `from: undefined` would be reported instead,
  // under the control's id, which would hide the real error).
  out['national_regulations'] = [
    ...((out['national_regulations'] as Record<string, unknown>[] | undefined) ?? []),
    ...services
      .filter((s) => typeof s['launch'] === 'string')
      .map((s) => ({
        id: `p14-control-${s['id'] as string}`,
        name: 'P14 control: a funded mandate',
        from: s['launch'],
        strength: 1,
        anchors: [s['id']],
        money: true,
      })),
  ];
  const champions = { champion_probability: 1, champion_rotation: 0 };
  out['parameters'] = { ...((out['parameters'] as Record<string, unknown> | undefined) ?? {}), ...champions };
  // A government's own `city.parameters` override the file's (national
  // compile), so Kota Bekasi's calibrated champion_rotation 0.1 would
  // survive the control: set the champions there too, wherever a government
  // has its own parameters.
  const governments = out['governments'] as Record<string, unknown>[] | undefined;
  if (governments)
    out['governments'] = governments.map((g) => {
      const city = g['city'] as Record<string, unknown> | undefined;
      const own = city?.['parameters'] as Record<string, unknown> | undefined;
      return own === undefined ? g : { ...g, city: { ...city, parameters: { ...own, ...champions } } };
    });
  return out;
}
