/**
 * Validation of chart specs against vega-lite's JSON Schema
 * (node_modules/vega-lite/build/vega-lite-schema.json, draft-07).
 *
 * Uses `ajv` (v8) when it is installed. The project does not depend on it
 * yet, so until it is added this falls back to a small validator of the
 * draft-07 keywords that schema uses ($ref, anyOf, type, enum, const,
 * properties, required, additionalProperties, items, min/maxItems,
 * minimum/maximum, min/maxLength, minProperties; `format` is not checked,
 * as with ajv's validateFormats: false).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = boolean | { readonly [k: string]: unknown };

export interface SchemaCheck {
  /** Which validator ran: 'ajv' or 'builtin'. */
  readonly engine: 'ajv' | 'builtin';
  /** Error messages ("path: message"); empty = valid. */
  validate(value: unknown): string[];
}

const require = createRequire(import.meta.url);

export function vegaLiteSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as Record<string, unknown>;
}

interface AjvLike {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: readonly { instancePath?: string; message?: string }[] | null };
}
type AjvClass = new (options: Record<string, unknown>) => AjvLike;

/** The validator: ajv if installed, else the built-in subset. */
export async function schemaCheck(): Promise<SchemaCheck> {
  const schema = vegaLiteSchema();
  const name = 'ajv';
  try {
    const mod = (await import(name)) as { default?: AjvClass | { default?: AjvClass } };
    const Ajv = (typeof mod.default === 'function' ? mod.default : mod.default?.default) as AjvClass | undefined;
    if (Ajv) {
      const validate = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false, allErrors: false }).compile(schema);
      return {
        engine: 'ajv',
        validate: (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`)),
      };
    }
  } catch {
    // ajv not installed: fall through to the built-in validator.
  }
  return { engine: 'builtin', validate: (value) => builtinValidate(schema, value) };
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  switch (t) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeOf(v) === t;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Validates `value` against the draft-07 subset; returns error messages. */
export function builtinValidate(root: Record<string, unknown>, value: unknown): string[] {
  const definitions = (root['definitions'] ?? {}) as Record<string, Schema>;
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    if (!m) throw new Error(`unsupported $ref ${ref}`);
    const s = definitions[decodeURIComponent(m[1] as string)];
    if (s === undefined) throw new Error(`unknown $ref ${ref}`);
    return s;
  };
  const check = (schema: Schema, v: unknown, path: string): string[] => {
    if (schema === true) return [];
    if (schema === false) return [`${path}: not allowed`];
    const s = schema;
    if (typeof s['$ref'] === 'string') return check(resolve(s['$ref']), v, path);
    if (Array.isArray(s['anyOf'])) {
      const branches = (s['anyOf'] as Schema[]).map((b) => check(b, v, path));
      if (branches.some((e) => e.length === 0)) return [];
      const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
      return [`${path}: matches no anyOf branch; closest: ${best.slice(0, 3).join('; ')}`];
    }
    const errors: string[] = [];
    if (s['type'] !== undefined) {
      const types = Array.isArray(s['type']) ? (s['type'] as string[]) : [s['type'] as string];
      if (!types.some((t) => matchesType(v, t))) return [`${path}: expected ${types.join(' or ')}, found ${typeOf(v)}`];
    }
    if (Array.isArray(s['enum']) && !(s['enum'] as unknown[]).some((e) => deepEqual(e, v))) errors.push(`${path}: not one of ${JSON.stringify(s['enum'])}`);
    if ('const' in s && !deepEqual(s['const'], v)) errors.push(`${path}: expected ${JSON.stringify(s['const'])}`);
    if (typeof v === 'number') {
      if (typeof s['minimum'] === 'number' && v < s['minimum']) errors.push(`${path}: below minimum ${s['minimum']}`);
      if (typeof s['maximum'] === 'number' && v > s['maximum']) errors.push(`${path}: above maximum ${s['maximum']}`);
    }
    if (typeof v === 'string') {
      if (typeof s['minLength'] === 'number' && v.length < s['minLength']) errors.push(`${path}: shorter than ${s['minLength']}`);
      if (typeof s['maxLength'] === 'number' && v.length > s['maxLength']) errors.push(`${path}: longer than ${s['maxLength']}`);
    }
    if (Array.isArray(v)) {
      if (typeof s['minItems'] === 'number' && v.length < s['minItems']) errors.push(`${path}: fewer than ${s['minItems']} items`);
      if (typeof s['maxItems'] === 'number' && v.length > s['maxItems']) errors.push(`${path}: more than ${s['maxItems']} items`);
      const items = s['items'];
      if (Array.isArray(items)) v.forEach((x, i) => i < items.length && errors.push(...check(items[i] as Schema, x, `${path}/${i}`)));
      else if (items !== undefined) v.forEach((x, i) => errors.push(...check(items as Schema, x, `${path}/${i}`)));
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, Json>;
      const props = (s['properties'] ?? {}) as Record<string, Schema>;
      if (typeof s['minProperties'] === 'number' && Object.keys(o).length < s['minProperties']) errors.push(`${path}: fewer than ${s['minProperties']} properties`);
      for (const r of (s['required'] ?? []) as string[]) if (!(r in o)) errors.push(`${path}: missing required "${r}"`);
      for (const [k, x] of Object.entries(o)) {
        if (x === undefined) continue;
        if (k in props) errors.push(...check(props[k] as Schema, x, `${path}/${k}`));
        else if (s['additionalProperties'] === false) errors.push(`${path}: unknown property "${k}"`);
        else if (typeof s['additionalProperties'] === 'object') errors.push(...check(s['additionalProperties'] as Schema, x, `${path}/${k}`));
      }
    }
    return errors;
  };
  // JSON round trip: the spec as it would be written to a file (undefined dropped).
  return check(root as Schema, JSON.parse(JSON.stringify(value)) as unknown, '');
}
