/**
 * The readable names a national scenario gives its national services,
 * programmes, national regulations (mandates), vendors and election
 * cycles, keyed by id
 * (docs/NATIONAL.md, "Outputs": the manifest's `names`). The run records
 * them in manifest.json so that the report, built from the folder alone,
 * shows "E-procurement service (LPSE)" where the CSVs hold `e-procurement`.
 * Only elements the scenario names are recorded; a folder written before
 * the field, or an element without a name, falls back to its id. Their
 * Indonesian names (`name_id`) are recorded beside them (`names_id`) for
 * the Indonesian report and charts, which fall back to `name` without one.
 *
 * Names are the scenario's text: they reach a page only through the
 * report's renderers (markdown.ts, html.ts), which escape every cell and
 * sentence, and a chart only as vega text, which the SVG renderer escapes.
 */
import type { NationalScenario } from '../scenario/national-schema.js';
import type { Lang } from './i18n/index.js';
import { nameAndId } from './format.js';
import { type Obj, isObj } from './json-values.js';

export interface NationalNames {
  readonly services: Readonly<Record<string, string>>;
  readonly programmes: Readonly<Record<string, string>>;
  readonly regulations: Readonly<Record<string, string>>;
  readonly vendors: Readonly<Record<string, string>>;
  /** Election cycles (`elections`), whose ids government_summary.csv's election_cycle holds. */
  readonly elections: Readonly<Record<string, string>>;
}

export const NO_NAMES: NationalNames = { services: {}, programmes: {}, regulations: {}, vendors: {}, elections: {} };

const named = (items: readonly { id: string; name?: string | undefined }[]): Record<string, string> =>
  Object.fromEntries(items.filter((x) => typeof x.name === 'string' && x.name.trim() !== '').map((x) => [x.id, x.name!]));

/** The names a validated national scenario gives (the manifest's `names`). */
export function scenarioNames(s: NationalScenario): NationalNames {
  return { services: named(s.innovations), programmes: named(s.programmes), regulations: named(s.national_regulations), vendors: named(s.vendors), elections: named(s.elections) };
}

const namedId = (items: readonly { id: string; name_id?: string | undefined }[]) => named(items.map((x) => ({ id: x.id, name: x.name_id })));

/** The Indonesian names a validated national scenario gives (`name_id`; the manifest's `names_id`): only those it gives. */
export function scenarioNamesId(s: NationalScenario): NationalNames {
  return { services: namedId(s.innovations), programmes: namedId(s.programmes), regulations: namedId(s.national_regulations), vendors: namedId(s.vendors), elections: namedId(s.elections) };
}


/** One recorded set of names (`names` or `names_id`); none for a missing or damaged field, no election cycles' for a folder written before they were recorded. */
function recorded(names: unknown): NationalNames {
  if (!isObj(names)) return NO_NAMES;
  const part = (k: string): Record<string, string> => {
    const v = names[k];
    return isObj(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')) : {};
  };
  return { services: part('services'), programmes: part('programmes'), regulations: part('regulations'), vendors: part('vendors'), elections: part('elections') };
}

/**
 * The names a national folder's manifest records, in the report's language:
 * `names` (the scenario's `name`), and for Bahasa Indonesia each element's
 * `names_id` (the scenario's `name_id`) where it has one, else its `name`.
 * None for a folder written before `names` existed (or a damaged field).
 */
export function manifestNames(manifest: Readonly<Obj>, lang: Lang = 'en'): NationalNames {
  const en = recorded(manifest['names']);
  if (lang !== 'id') return en;
  const id = recorded(manifest['names_id']);
  return {
    services: { ...en.services, ...id.services },
    programmes: { ...en.programmes, ...id.programmes },
    regulations: { ...en.regulations, ...id.regulations },
    vendors: { ...en.vendors, ...id.vendors },
    elections: { ...en.elections, ...id.elections },
  };
}

/** An element's name, else its id. */
export function nameOf(names: Readonly<Record<string, string>>, id: string): string {
  return Object.prototype.hasOwnProperty.call(names, id) ? names[id]! : id;
}

/** An element's name with its id after it, "E-procurement service (LPSE) [e-procurement]" (format.ts nameAndId), as the city report names a service; the id alone when unnamed. */
export function nameWithId(names: Readonly<Record<string, string>>, id: string): string {
  const name = nameOf(names, id);
  return name === id ? id : nameAndId(name, id);
}

/**
 * Chart labels of `ids`: each one's name, or `name (id)` where two of them
 * share a name, or one takes a `reserved` label (a chart's own bucket, such
 * as "other services"): a chart keys its colours and panels by label, and
 * two services must not merge into one. Names are compared as a chart shows
 * them, with runs of whitespace as one space (wrapLabel).
 */
export function chartLabels(ids: readonly string[], names: Readonly<Record<string, string>>, reserved: readonly string[] = []): Map<string, string> {
  const shown = (label: string) => label.replace(/\s+/g, ' ').trim();
  const count = new Map<string, number>(reserved.map((r) => [shown(r), 1]));
  for (const id of new Set(ids)) count.set(shown(nameOf(names, id)), (count.get(shown(nameOf(names, id))) ?? 0) + 1);
  return new Map([...new Set(ids)].map((id) => [id, count.get(shown(nameOf(names, id)))! > 1 ? nameWithId(names, id) : nameOf(names, id)]));
}
