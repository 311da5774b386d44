/**
 * Validation of the city scenarios a national file makes, one per
 * government (compile.ts): the same result as `validateScenario`, at a
 * fraction of its cost on a national file.
 *
 * The city scenario schema is a strict object of independent fields (no
 * check reads two fields; the cross-references come after, in
 * `checkCrossReferences`), so a valid scenario is each field's value parsed
 * by that field's schema, in the schema's key order. The 552 governments of
 * the Indonesian file share all but a few field values (three innovation
 * lists, five regulation lists, 42 agency mixes...), so each distinct value
 * (by content) is parsed once and its result copied (no two governments share an
 * object, as with a parse each); and the
 * cross-references, which read everything but the name and description,
 * are checked once per distinct rest of the scenario.
 *
 * Anything else takes the full `validateScenario`: an input with a problem
 * of any kind (so the same issues, in the same words, come back), a key
 * the schema does not know, a value the content key cannot tell apart from
 * another (see `contentKey`). tests/national/validate-government.test.ts
 * holds the results equal to `validateScenario` on every government of the
 * Indonesian file.
 */
import { validateScenario, type ParseResult } from '../../scenario/parse.js';
import { scenarioSchema, type Scenario } from '../../scenario/schema.js';
import { MAX_DEPTH, isReservedSegment } from '../../scenario/limits.js';
import { checkCrossReferences } from '../../scenario/crossref.js';

/** Thrown by `contentKey` for a value it cannot key (the caller then validates in full). */
class NoKey extends Error {}

/**
 * True when JSON writes the value without loss (JSON writes Infinity, NaN
 * and null alike, drops undefined and writes -0 as 0, and a Date or class
 * instance as something else) and `checkInput` finds nothing in it (no
 * reserved key, no object nested deeper than MAX_DEPTH; `depth` is the
 * value's depth in the scenario).
 */
function plain(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !plain(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) if (isReservedSegment(key) || !plain((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * A copy of a parsed value (plain objects, arrays and primitives, undefined
 * values kept, keys in order): each government gets its own objects, as
 * from a parse of its own. Anything else has no copy here (NoKey).
 */
function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new NoKey();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out;
}

/** The content of a field's plain-data value as a string: equal strings for equal values. */
function contentKey(value: unknown): string {
  if (!plain(value, 1)) throw new NoKey();
  return JSON.stringify(value);
}

const shape = scenarioSchema.shape as unknown as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown }; _zod: { optin?: string; optout?: string } }>;
const KEYS = Object.keys(shape);

/** Validates the city scenarios of one national file; its caches live as long as it does. */
export class GovernmentValidator {
  /** Per field, content key -> the value parsed and its number among the field's distinct values. */
  private readonly fields = new Map<string, Map<string, { parsed: unknown; id: number }>>();
  /**
   * Scenarios whose cross-references were found right, by the numbers of
   * their fields' values (name and description left out: the checks do not
   * read them). A field's parsed value is a function of its input value,
   * so equal numbers are equal scenarios but for those two.
   */
  private readonly crossChecked = new Set<string>();
  /** Field values taken from the cache instead of parsed (for tests: the fast path is taken). */
  reused = 0;

  validate(input: Record<string, unknown>, file: string): ParseResult {
    try {
      const scenario = this.fast(input);
      if (scenario !== undefined) return { ok: true, scenario, input };
    } catch (error) {
      if (!(error instanceof NoKey)) throw error;
    }
    return validateScenario(input, file);
  }

  /** The scenario `validateScenario` would give, or undefined for the full path. */
  private fast(input: Record<string, unknown>): Scenario | undefined {
    if (Object.getPrototypeOf(input) !== Object.prototype) return undefined;
    // Every key is the schema's (none reserved); every value is walked by contentKey, which checks what checkInput would.
    for (const key of Object.keys(input)) if (!Object.hasOwn(shape, key)) return undefined;
    const out: Record<string, unknown> = {};
    let ids = '';
    for (const key of KEYS) {
      const el = shape[key]!;
      if (key in input) {
        let cache = this.fields.get(key);
        if (cache === undefined) this.fields.set(key, (cache = new Map()));
        const ck = contentKey(input[key]);
        let entry = cache.get(ck);
        let parsed: unknown;
        if (entry !== undefined) {
          parsed = copy(entry.parsed);
          this.reused++;
        } else {
          const r = el.safeParse(input[key]);
          if (!r.success) return undefined;
          parsed = r.data;
          entry = { parsed: copy(parsed), id: cache.size };
          cache.set(ck, entry);
        }
        out[key] = parsed;
        if (key !== 'name' && key !== 'description') ids += `${entry.id},`;
        continue;
      }
      ids += '-,';
      // An absent key, as the object schema treats it: nothing when optional, the default when it has one.
      const { optin, optout } = el._zod;
      if (optin === 'optional' && optout === 'optional') continue;
      if (optin === undefined) return undefined;
      const r = el.safeParse(undefined);
      if (!r.success) {
        if (optout === 'optional') continue;
        return undefined;
      }
      if (r.data !== undefined) out[key] = r.data;
      else if (optin === 'defaulted' && optout !== 'optional') out[key] = undefined;
    }
    const scenario = out as unknown as Scenario;
    if (!this.crossChecked.has(ids)) {
      if (checkCrossReferences(scenario).length > 0) return undefined;
      this.crossChecked.add(ids);
    }
    return scenario;
  }
}
