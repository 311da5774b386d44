/**
 * What the report needs from the resolved scenario in manifest.json:
 * calendar (start, horizon), innovations, the scheduled timeline (leaders,
 * regulations, budget shocks) and the parameter values.
 *
 * The manifest is read from disk, so its `scenario.resolved` is `unknown`
 * here and every field is checked before use; a field that is missing or of
 * the wrong type is left out rather than trusted.
 */
import { monthDate, monthIndex } from '../scenario/calendar.js';

/** A scheduled scenario event drawn as a vertical rule in time charts. */
export interface TimelineEvent {
  readonly kind: 'leader' | 'regulation' | 'budget';
  readonly id: string;
  /** Short label for the chart (already truncated). */
  readonly label: string;
  /** 1-based month of the scenario (month 1 = start). */
  readonly month: number;
  /** YYYY-MM */
  readonly date: string;
  /** Last month of a window (budget shocks, regulations with `to`), else null. */
  readonly endMonth: number | null;
  readonly endDate: string | null;
}

export interface InnovationFact {
  readonly id: string;
  readonly name: string | null;
  /** YYYY-MM */
  readonly launch: string | null;
  readonly launchMonth: number | null;
  /** OPD ids or types; null = all agencies. */
  readonly eligible: readonly string[] | null;
}

export interface ScenarioFacts {
  readonly name: string;
  readonly description: string;
  /** YYYY-MM, or null when the manifest has no resolved scenario. */
  readonly start: string | null;
  /** Horizon in months, or null when unknown. */
  readonly months: number | null;
  readonly innovations: readonly InnovationFact[];
  /** Sorted by month, then kind, then id. */
  readonly timeline: readonly TimelineEvent[];
  /** Resolved parameter values by name (numbers or null = off). */
  readonly parameters: Readonly<Record<string, number | null>>;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const LABEL_MAX = 40;

/**
 * The scenario month (1-based) of a calendar month, or null when either is
 * not YYYY-MM.
 * @example monthOfDate('2015-01', '2016-03') // 15
 */
export function monthOfDate(start: string, date: string): number | null {
  return MONTH_RE.test(start) && MONTH_RE.test(date) ? monthIndex(start, date) : null;
}

/**
 * The calendar month (YYYY-MM) of a scenario month (1-based).
 * @example dateOfMonth('2015-01', 15) // '2016-03'
 */
export function dateOfMonth(start: string, month: number): string {
  return monthDate(start, month);
}

/** Shortens a label to at most `max` characters with an ellipsis. */
export function truncateLabel(text: string, max: number = LABEL_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(o: Obj, k: string): string | null {
  const v = o[k];
  return typeof v === 'string' ? v : null;
}
function num(o: Obj, k: string): number | null {
  const v = o[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function list(o: Obj, k: string): readonly Obj[] {
  const v = o[k];
  return Array.isArray(v) ? v.filter(isObj) : [];
}
function strings(o: Obj, k: string): readonly string[] | null {
  const v = o[k];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
}

function formatFactor(f: number): string {
  return Number.isInteger(f) ? String(f) : String(Math.round(f * 100) / 100);
}

/** Extracts the report's view of a resolved scenario (manifest.scenario.resolved). */
export function scenarioFacts(resolved: unknown, fallbackName = ''): ScenarioFacts {
  const s: Obj = isObj(resolved) ? resolved : {};
  const start = str(s, 'start');
  const validStart = start !== null && MONTH_RE.test(start) ? start : null;
  const months = num(s, 'months');
  const at = (d: string | null): number | null => (validStart && d ? monthOfDate(validStart, d) : null);
  const inHorizon = (m: number | null): m is number => m !== null && m >= 1 && (months === null || m <= months);

  const timeline: TimelineEvent[] = [];
  for (const l of list(s, 'leaders')) {
    const from = str(l, 'from');
    const m = at(from);
    // The leader in office at the start is not a change.
    if (from === null || !inHorizon(m) || m <= 1) continue;
    const id = str(l, 'id') ?? 'leader';
    timeline.push({
      kind: 'leader',
      id,
      label: truncateLabel(`leader: ${str(l, 'name') ?? id}`),
      month: m,
      date: from,
      endMonth: null,
      endDate: null,
    });
  }
  for (const r of list(s, 'regulations')) {
    const from = str(r, 'from');
    const m = at(from);
    if (from === null || !inHorizon(m)) continue;
    const id = str(r, 'id') ?? 'regulation';
    timeline.push({
      kind: 'regulation',
      id,
      label: truncateLabel(`rule: ${str(r, 'name') ?? id}`),
      month: m,
      date: from,
      endMonth: null,
      endDate: null,
    });
  }
  for (const [i, b] of list(s, 'budget_shocks').entries()) {
    const from = str(b, 'from');
    const to = str(b, 'to');
    const m = at(from);
    const e = at(to);
    if (from === null || m === null || e === null || e < 1 || (months !== null && m > months)) continue;
    const first = Math.max(1, m);
    const last = months === null ? e : Math.min(months, e);
    const factor = num(b, 'factor');
    const name = str(b, 'name');
    const what = `budget ×${factor === null ? '?' : formatFactor(factor)}`;
    timeline.push({
      kind: 'budget',
      id: `budget_shock_${i + 1}`,
      label: truncateLabel(name ? `${what}: ${name}` : what),
      month: first,
      date: validStart ? dateOfMonth(validStart, first) : from,
      endMonth: last,
      endDate: validStart ? dateOfMonth(validStart, last) : to,
    });
  }
  const kindOrder = { leader: 0, regulation: 1, budget: 2 } as const;
  timeline.sort((a, b) => a.month - b.month || kindOrder[a.kind] - kindOrder[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const innovations: InnovationFact[] = list(s, 'innovations').flatMap((inn) => {
    const id = str(inn, 'id');
    if (id === null) return [];
    const launch = str(inn, 'launch');
    return [{ id, name: str(inn, 'name'), launch, launchMonth: at(launch), eligible: strings(inn, 'eligible') }];
  });

  const parameters: Record<string, number | null> = {};
  const p = s['parameters'];
  if (isObj(p)) {
    for (const [k, v] of Object.entries(p)) {
      if (v === null || (typeof v === 'number' && Number.isFinite(v))) parameters[k] = v;
    }
  }

  return {
    name: str(s, 'name') ?? fallbackName,
    description: str(s, 'description') ?? '',
    start: validStart,
    months,
    innovations,
    timeline,
    parameters,
  };
}
