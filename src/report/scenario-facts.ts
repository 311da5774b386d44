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
import { twinText } from '../scenario/twins.js';
import { en } from './i18n/en.js';
import type { Lang } from './i18n/index.js';
import { toDecimal } from '../messages/decimal.js';

/** Kinds of scheduled events, in the order they are drawn and listed within a month. */
export const TIMELINE_KINDS = ['leader', 'regulation', 'budget', 'pilot', 'contract'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** A scheduled scenario event drawn as a vertical rule in time charts. */
export interface TimelineEvent {
  readonly kind: TimelineKind;
  readonly id: string;
  /** The full label (charts wrap it over several lines; nothing is cut). */
  readonly label: string;
  /**
   * What the event is about, without the label's kind words: the leader, the regulation, the
   * vendor of a contract, the service of a pilot (without its vendor), a budget shock's name
   * ('' when it has none). A sentence names the event with it (the summary's exit clusters).
   */
  readonly name: string;
  /** A budget shock's factor as the label writes it (×0.7, with the language's decimal separator); null for other kinds. */
  readonly factor: string | null;
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
  /** Open to exactly one listed agency: its outcome is that agency's use, live or not. */
  readonly singleAgency: boolean;
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
/** Characters per line of a wrapped timeline label. */
export const WRAP_WIDTH = 34;

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

/**
 * Splits a label into lines of at most `width` characters at spaces (a
 * word longer than a line gets a line of its own); nothing is dropped.
 * @example wrapLabel('leader: Acting mayor Tri Adhianto', 20) // ['leader: Acting mayor', 'Tri Adhianto']
 */
export function wrapLabel(text: string, width: number = WRAP_WIDTH): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
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

function formatFactor(f: number, decimal: string): string {
  return (Number.isInteger(f) ? String(f) : String(Number(toDecimal(f, 2)))).replace('.', decimal);
}

/** The words that start a timeline label, per kind (a catalog's `timelineKinds`). */
export type TimelineWords = Readonly<Record<TimelineKind, string>>;

/**
 * Extracts the report's view of a resolved scenario (manifest.scenario.resolved);
 * timeline labels start with `words` (English by default) and write a budget
 * factor with the `decimal` separator of the report's language. In Bahasa
 * Indonesia (`lang` 'id') names and the description are the scenario's
 * Indonesian twins (`name_id`, `description_id`) where it gives them, else
 * the English.
 */
export function scenarioFacts(resolved: unknown, fallbackName = '', words: TimelineWords = en.timelineKinds, decimal = '.', lang: Lang = 'en'): ScenarioFacts {
  const s: Obj = isObj(resolved) ? resolved : {};
  /** `key`'s text in the report's language: `<key>_id` in Bahasa Indonesia when given (not empty), else `key` (scenario/twins.ts). */
  const text = (o: Obj, key: string): string | null => twinText(o, key, lang);
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
    const name = text(l, 'name') ?? id;
    timeline.push({
      kind: 'leader',
      id,
      label: `${words.leader}: ${name}`,
      name,
      factor: null,
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
    const name = text(r, 'name') ?? id;
    timeline.push({
      kind: 'regulation',
      id,
      label: `${words.regulation}: ${name}`,
      name,
      factor: null,
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
    const name = text(b, 'name');
    const times = `×${factor === null ? '?' : formatFactor(factor, decimal)}`;
    const what = `${words.budget} ${times}`;
    timeline.push({
      kind: 'budget',
      id: `budget_shock_${i + 1}`,
      label: name ? `${what}: ${name}` : what,
      name: name ?? '',
      factor: times,
      month: first,
      date: validStart ? dateOfMonth(validStart, first) : from,
      endMonth: last,
      endDate: validStart ? dateOfMonth(validStart, last) : to,
    });
  }
  const vendorNames = new Map<string, string>();
  for (const v of list(s, 'vendors')) {
    const id = str(v, 'id');
    if (id === null) continue;
    const name = text(v, 'name') ?? id;
    vendorNames.set(id, name);
    const end = str(v, 'contract_end');
    const m = at(end);
    if (end === null || !inHorizon(m)) continue;
    timeline.push({ kind: 'contract', id: `contract_${id}`, label: `${words.contract}: ${name}`, name, factor: null, month: m, date: end, endMonth: null, endDate: null });
  }
  for (const inn of list(s, 'innovations')) {
    const id = str(inn, 'id');
    const pilot = num(inn, 'pilot_months');
    const launch = at(str(inn, 'launch'));
    if (id === null || str(inn, 'funding') !== 'pilot' || pilot === null || launch === null) continue;
    // The pilot decision falls in month launch + pilot_months (the model's pilot end).
    const m = launch + pilot;
    if (!inHorizon(m)) continue;
    const vendor = str(inn, 'vendor');
    // After a dash, not in parentheses: a vendor's name often holds parentheses of its own ("PT Telkomsel (CSR, SSP/POC)").
    const by = vendor === null ? '' : ` – ${vendorNames.get(vendor) ?? vendor}`;
    const name = text(inn, 'name') ?? id;
    timeline.push({
      kind: 'pilot',
      id: `pilot_${id}`,
      label: `${words.pilot}: ${name}${by}`,
      name,
      factor: null,
      month: m,
      date: validStart ? dateOfMonth(validStart, m) : '',
      endMonth: null,
      endDate: null,
    });
  }
  const kindOrder = { leader: 0, regulation: 1, budget: 2, pilot: 3, contract: 4 } as const;
  timeline.sort((a, b) => a.month - b.month || kindOrder[a.kind] - kindOrder[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const opds = s['opds'];
  const listed = new Set(
    (Array.isArray(opds) ? opds.filter(isObj) : isObj(opds) ? list(opds, 'list') : []).flatMap((o) => {
      const id = str(o, 'id');
      return id === null ? [] : [id];
    }),
  );
  const innovations: InnovationFact[] = list(s, 'innovations').flatMap((inn) => {
    const id = str(inn, 'id');
    if (id === null) return [];
    const launch = str(inn, 'launch');
    const eligible = strings(inn, 'eligible');
    const singleAgency = eligible !== null && eligible.length === 1 && listed.has(eligible[0] as string);
    return [{ id, name: text(inn, 'name'), launch, launchMonth: at(launch), eligible, singleAgency }];
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
    description: text(s, 'description') ?? '',
    start: validStart,
    months,
    innovations,
    timeline,
    parameters,
  };
}
