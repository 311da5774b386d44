/**
 * Policy levers: the `levers:` section of a scenario names the values the
 * explorer (`difusi explore`) offers as controls. A lever is a path in the
 * syntax of `--set` (overrides.ts), a label in the scenario's own words and
 * a kind (slider, switch, month). The model never reads levers; they only
 * say which overrides a planning officer is invited to try.
 *
 *     lever.path --parseOverridePath--> segments --walk the validated scenario--> current value
 *
 * Checked after the shape check (parse.ts): the path must parse, name a known
 * field (any known parameter counts, written or not) and a value the kind can
 * set, through selectors that each match one element. A path through a list entry the scenario does not have (a leader or a
 * budget shock deleted from a copy of the file, or removed by an override) is
 * no error: `leverWarnings` says so, and the explorer leaves that lever out
 * (`resolveLevers`). Pure: no I/O.
 */
import { draft, UserError, warning, warningText, type IssueDraft, type WarningText } from '../messages/catalog.js';
import { parseOverridePath, resolveOverridePath, showSegments, type Segment } from './override-path.js';
import { PARAMETER_SPECS } from './parameters.js';
import { resolveParameters } from './crossref.js';
import { scenarioSchema, type LeverSpec, type Scenario } from './schema.js';
import { twinText } from './twins.js';
import { describeRange, numberRange, schemaAt, withinRange, type NumberRange } from './zod-issues.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A lever with its range filled in and the value it has in the scenario. */
export interface ResolvedLever {
  readonly path: string;
  readonly label: string;
  readonly labelId: string;
  readonly kind: LeverSpec['kind'];
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The value in the scenario as written (defaults filled in); null for a parameter that is off. */
  readonly value: number | boolean | string | null;
}

/**
 * Not found: `entry` when a list has no element the path selects (index or id), `field` otherwise;
 * `several` when a `[field=value]` selector matches more than one element (an error: a lever sets one
 * value), with the refusal as `--set` prints it (`issue`).
 */
type Found =
  | { ok: true; value: unknown; parameter?: string; field: readonly (string | number)[] }
  | { ok: false; missing: 'entry' | 'field' }
  | { ok: false; missing: 'several'; issue: IssueDraft };

/** The value at `path` in a validated scenario, resolved as an override is (override-path.ts); a known parameter that is not written takes its default. */
function valueAt(scenario: Scenario, path: string, segments: readonly Segment[]): Found {
  const first = segments[0];
  const second = segments[1];
  if (segments.length === 2 && first?.kind === 'key' && first.key === 'parameters' && second?.kind === 'key') {
    const spec = PARAMETER_SPECS.find((p) => p.name === second.key);
    if (spec === undefined) return { ok: false, missing: 'field' };
    return { ok: true, value: resolveParameters(scenario)[second.key], parameter: second.key, field: ['parameters', second.key] };
  }
  const found = resolveOverridePath(scenario, path, segments);
  if (!found.ok) {
    if (found.missing !== 'several') return { ok: false, missing: found.missing };
    const { file: _file, line: _line, column: _column, ...issue } = found.issue;
    return { ok: false, missing: 'several', issue };
  }
  // A field the scenario does not have (a setting would create it) is no value a lever can show.
  return found.value === undefined ? { ok: false, missing: 'field' } : { ok: true, value: found.value, field: found.path };
}

function fits(kind: LeverSpec['kind'], value: unknown, parameter?: string): boolean {
  // A parameter that is off (null, e.g. readopt_months) can be turned on by a slider.
  if (kind === 'slider') return typeof value === 'number' || (parameter !== undefined && value === null);
  if (kind === 'switch') return typeof value === 'boolean';
  return typeof value === 'string' && MONTH.test(value);
}

const KIND_EXPECTED: Record<LeverSpec['kind'], string> = { slider: 'a number', switch: 'true or false', month: 'a month YYYY-MM' };
/** The schema's type of the value each kind of lever sets (a month is a string YYYY-MM). */
const KIND_TYPE: Record<LeverSpec['kind'], string> = { slider: 'number', switch: 'boolean', month: 'string' };

interface SchemaNode {
  _zod: { def: { type: string; innerType?: SchemaNode; in?: SchemaNode; element?: SchemaNode; shape?: Record<string, SchemaNode>; options?: SchemaNode[] } };
}

/** A schema without its optional, default and nullable wrappers (and a pipe's input). */
function bare(node: SchemaNode): SchemaNode {
  for (;;) {
    const def = node._zod.def;
    if (def.innerType !== undefined && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) node = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) node = def.in;
    else return node;
  }
}

/**
 * The types (zod's names: number, boolean, string, ...) the scenario schema
 * allows at `segments`, for a path through a list entry the scenario does not
 * have; undefined when a field of the path is not in the schema.
 */
function schemaTypesAt(segments: readonly Segment[]): string[] | undefined {
  let node = scenarioSchema as unknown as SchemaNode;
  for (const seg of segments) {
    const def = bare(node)._zod.def;
    if (seg.kind === 'key') {
      const next = def.type === 'object' ? def.shape?.[seg.key] : undefined;
      if (next === undefined) return undefined;
      node = next;
    } else {
      if (def.type !== 'array' || def.element === undefined) return undefined;
      node = def.element;
    }
  }
  const leaf = bare(node)._zod.def;
  return leaf.type === 'union' ? (leaf.options ?? []).map((o) => bare(o)._zod.def.type) : [leaf.type];
}

/** Problems with a scenario's levers, as drafts at `levers[i]...`. */
export function checkLevers(scenario: Scenario): IssueDraft[] {
  const issues: IssueDraft[] = [];
  // The field each lever sets, as a key: its concrete path (`regulations[id=perda].strength` and
  // `regulations[0].strength` are one), or for a list entry the scenario does not have, the path as written one way.
  const fields = new Map<string, number>();
  const sameField = (i: number, key: string): boolean => {
    const first = fields.get(key);
    if (first === undefined) {
      fields.set(key, i);
      return false;
    }
    // Two controls on one value: the explorer would show both, and one would undo the other.
    issues.push(draft('lever_same_field', [scenario.levers![i]!.path, first, scenario.levers![first]!.path], ['levers', i, 'path']));
    return true;
  };
  (scenario.levers ?? []).forEach((lever, i) => {
    const at = ['levers', i, 'path'];
    let segments: Segment[];
    try {
      segments = parseOverridePath(lever.path);
    } catch (error) {
      const issue = error instanceof UserError ? error.issues[0] : undefined;
      if (issue === undefined) throw error;
      issues.push({ ...issue, path: at } as IssueDraft);
      return;
    }
    const found = valueAt(scenario, lever.path, segments);
    // A selector that matches several elements: the lever would set the first alone (as `--set` is refused).
    if (!found.ok && found.missing === 'several') {
      issues.push({ ...found.issue, path: at });
      return;
    }
    // A list entry the scenario does not have: a warning (leverWarnings), not an error. The rest of the
    // lever is still checked, against what such an entry may hold (the schema): a misspelt field, a kind
    // that cannot fit, a slider bound outside the field's range, or a min not below the max stays an error.
    if (!found.ok && found.missing === 'entry') {
      if (sameField(i, `written ${showSegments(segments)}`)) return;
      const types = schemaTypesAt(segments);
      if (types === undefined) {
        issues.push(draft('lever_path_missing', [lever.path], at, { expected: 'a path to a value the scenario has (or a known parameter)' }));
        return;
      }
      if (!types.includes(KIND_TYPE[lever.kind])) {
        issues.push(draft('lever_kind_mismatch', [lever.kind], ['levers', i, 'kind'], { expected: `a path to ${KIND_EXPECTED[lever.kind]}` }));
        return;
      }
      const slider = sliderIssue(lever, i, segments, undefined);
      if (slider !== undefined) issues.push(slider);
      return;
    }
    if (!found.ok) {
      issues.push(draft('lever_path_missing', [lever.path], at, { expected: 'a path to a value the scenario has (or a known parameter)' }));
      return;
    }
    if (sameField(i, JSON.stringify(found.field))) return;
    if (!fits(lever.kind, found.value, found.parameter)) {
      issues.push(draft('lever_kind_mismatch', [lever.kind], ['levers', i, 'kind'], { expected: `a path to ${KIND_EXPECTED[lever.kind]}` }));
      return;
    }
    const slider = sliderIssue(lever, i, segments, found.parameter);
    if (slider !== undefined) issues.push(slider);
  });
  return issues;
}

/**
 * One line per lever whose path names no value of the scenario (after any
 * overrides): the explorer leaves it out. Printed by `difusi validate`, for
 * a file edited by hand and for `--set` alike; a lever malformed in itself is
 * an error (`checkLevers`) and never gets here.
 */
export function leverWarnings(scenario: Scenario, text: WarningText = warningText): string[] {
  const warnings: string[] = [];
  (scenario.levers ?? []).forEach((lever, i) => {
    let segments: Segment[];
    try {
      segments = parseOverridePath(lever.path);
    } catch {
      return; // an error of the file itself (checkLevers)
    }
    if (!valueAt(scenario, lever.path, segments).ok) {
      // Said in full: the warning also follows `run --set`, whose results it does not touch, and
      // a newcomer following the Info page's `--set budget_shocks=[]` did not know what a lever is.
      warnings.push(text(warning('lever_names_no_value', i, lever.path)));
    }
  });
  return warnings;
}

/**
 * The range of the field a lever sets, from the scenario schema at its path: a parameter's (built
 * from its spec by parameters.ts), or any other number's (a regulation's strength in [0,1], an
 * innovation's pilot_months a whole number >= 1). Undefined when the field has none.
 */
function fieldRange(segments: readonly Segment[]): NumberRange | undefined {
  const schema = schemaAt(scenarioSchema, schemaPath(segments));
  return schema === undefined ? undefined : numberRange(schema);
}

/**
 * A slider checked against the field it sets, its range looked up once (a lever of another kind
 * has nothing to check here): the first of an explicit min or max outside the field's range, a
 * min not below the max, and on a whole-number field a min, max or step that is not whole (from
 * `min: 1.5` on pilot_months the explorer offered 1.5, 2.5, ..., each refused by the scenario
 * check). The whole-number check comes last, so that a lever refused before is refused as before.
 */
function sliderIssue(lever: LeverSpec, i: number, segments: readonly Segment[], parameter: string | undefined): IssueDraft | undefined {
  if (lever.kind !== 'slider') return undefined;
  const range = fieldRange(segments);
  const outside = outsideRange(lever, range);
  if (outside !== undefined) return outsideDraft(lever, i, parameter, outside);
  const slider = sliderRange(lever, range);
  if (!(slider.min < slider.max)) {
    return draft('lever_range', [], ['levers', i, lever.max !== undefined ? 'max' : 'min'], { expected: 'min < max', found: `${slider.min} .. ${slider.max}` });
  }
  if (range?.integer === true) {
    for (const field of ['min', 'max', 'step'] as const) {
      const value = lever[field];
      if (value === undefined || Number.isInteger(value)) continue;
      const accepts = describeRange(range);
      return draft('lever_not_whole', [field, value, parameter ?? lever.path, accepts], ['levers', i, field], { expected: `a whole number (${accepts})`, found: String(value) });
    }
  }
  return undefined;
}

/**
 * A slider's explicit min or max outside the range of the field it sets (a
 * `min: 0` on a share in (0,1], a `max: 2` on a probability or a
 * regulation's strength, a `min: 0` on an innovation's pilot_months): the
 * explorer offered that value, and the scenario check then refused it.
 * The range is written as every refused value's "expected" is
 * (zod-issues.ts describeRange). Undefined when the field has no range or
 * the lever's bounds lie within it.
 */
function outsideRange(lever: LeverSpec, range: NumberRange | undefined): { field: 'min' | 'max'; value: number; accepts: string } | undefined {
  if (range === undefined) return undefined;
  for (const field of ['min', 'max'] as const) {
    const value = lever[field];
    if (value !== undefined && !withinRange(range, value)) return { field, value, accepts: describeRange(range) };
  }
  return undefined;
}

/** A path's segments as a path in the schema: any element of a list stands for the one an index or selector picks. */
function schemaPath(segments: readonly Segment[]): (string | number)[] {
  return segments.map((seg) => (seg.kind === 'key' ? seg.key : 0));
}

/** The refusal of a slider bound outside its field's range (outsideRange), at that bound. */
function outsideDraft(lever: LeverSpec, i: number, parameter: string | undefined, outside: { field: 'min' | 'max'; value: number; accepts: string }): IssueDraft {
  const at = ['levers', i, outside.field];
  const detail = { expected: outside.accepts, found: String(outside.value) };
  return parameter !== undefined
    ? draft('lever_outside_parameter', [outside.field, outside.value, parameter, outside.accepts], at, detail)
    : draft('lever_outside_range', [outside.field, outside.value, lever.path, outside.accepts], at, detail);
}

/** A slider's min, max and step: the lever's own, else from the range of the field it sets (fieldRange). */
function sliderRange(lever: LeverSpec, range: NumberRange | undefined): { min: number; max: number; step: number } {
  const low = lever.min ?? range?.min ?? 0;
  const max = lever.max ?? range?.max ?? Math.max(1, low + 1);
  // Whole-number fields (months, counts) step by 1 unless the lever says otherwise.
  const step = lever.step ?? (range?.integer === true ? 1 : (max - low) / 100);
  // A field whose lower bound is open (a share in (0,1]) refuses its bound: a slider
  // that starts there would offer a value the scenario check then refuses, so it starts a step above.
  const min = lever.min === undefined && range?.openMin === true ? low + step : low;
  return { min, max, step };
}

/** A scenario's levers (already checked) with their ranges and current values. */
export function resolveLevers(scenario: Scenario, levers: readonly LeverSpec[] = scenario.levers ?? []): ResolvedLever[] {
  const out: ResolvedLever[] = [];
  for (const lever of levers) {
    const segments = parseOverridePath(lever.path);
    const found = valueAt(scenario, lever.path, segments);
    if (!found.ok || !fits(lever.kind, found.value, found.parameter)) continue;
    const range = sliderRange(lever, fieldRange(segments));
    out.push({
      path: lever.path,
      label: lever.label,
      labelId: lever.label_id ?? lever.label,
      kind: lever.kind,
      ...range,
      value: found.value as number | boolean | string | null,
    });
  }
  return out;
}

/**
 * The knobs offered when a scenario declares no levers: the pilot take-over
 * and budget-renewal probabilities and the leadership shock (parameters every
 * scenario has), and the factor of each budget shock it schedules.
 */
export function commonLevers(scenario: Scenario): LeverSpec[] {
  const parameter = (name: string, label: string, label_id: string): LeverSpec => ({ path: `parameters.${name}`, label, label_id, kind: 'slider', min: 0, max: 1, step: 0.01 });
  return [
    parameter('takeover_vendor', 'City takes over a vendor-owned pilot (probability)', 'Pemerintah daerah mengambil alih uji coba (pilot) milik vendor (peluang)'),
    parameter('takeover_opd', 'City takes over an agency-owned pilot (probability)', 'Pemerintah daerah mengambil alih uji coba (pilot) milik perangkat daerah (peluang)'),
    parameter('takeover_coordinator', 'City takes over a coordinator-owned pilot (probability)', 'Pemerintah daerah mengambil alih uji coba (pilot) milik koordinator (peluang)'),
    parameter('renew_other', 'Budget line renewed each year, neither anchored by regulation nor agency-owned (probability)', 'Mata anggaran diperpanjang tiap tahun, tanpa payung regulasi dan bukan milik perangkat daerah (peluang)'),
    parameter('renew_anchored', 'Budget line renewed each year, anchored by regulation or agency-owned (probability)', 'Mata anggaran diperpanjang tiap tahun, berpayung regulasi atau milik perangkat daerah (peluang)'),
    parameter('leader_shock', 'A new leader drops a sponsored service (probability)', 'Kepala daerah baru menghentikan layanan yang didukung kepala daerah sebelumnya (peluang)'),
    ...scenario.budget_shocks.map((shock, i): LeverSpec => ({
      path: `budget_shocks[${i}].factor`,
      label: `Budget factor during ${shock.name ?? `budget shock ${i + 1}`}`,
      // The shock's Indonesian name (name_id) where it has one (scenario/twins.ts).
      label_id: `Faktor anggaran selama ${twinText(shock, 'name', 'id') ?? `guncangan anggaran ${i + 1}`}`,
      kind: 'slider',
      min: 0,
      max: 1,
      step: 0.05,
    })),
  ];
}
