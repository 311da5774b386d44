/**
 * A file that is no difusi file at all (a docker-compose.yml, /etc/shadow
 * read as YAML) fails with one "Missing required field" line per required
 * field and one "Unknown field" line per key: one line says what it is
 * instead, naming its first keys (cut, quoted) and the fields a file of the
 * kind asked for needs. Only a mapping none of whose top-level keys is, or
 * is close to, a field of a city scenario, a national scenario or an
 * experiment file gets it: a real file with a typo in every key (`Name:`,
 * `Start:`, `nme:`, a JSON file with PascalCase keys) keeps its "Unknown
 * field "Name" (did you mean "name"?)" lines, which say how to fix it.
 *
 * The fields are the schemas' own: the city scenario's read from its shape
 * (scenario/schema.ts, loaded wherever a scenario is read); the national
 * scenario's and the experiment file's written here, because their schemas
 * cost start-up time to `difusi validate <city file>` (the national schema
 * alone about 30 ms of a 0.3 s budget, and experiment/spec.ts is not loaded
 * there at all: tests/cli/lazy-load.test.ts), and checked against their
 * schemas' types: a field added to either schema, or removed, fails the
 * type check (tsc) until it is added here, or removed.
 */
import type { z } from 'zod';
import type { experimentSchema } from '../experiment/spec.js';
import { makeIssue, type ScenarioIssue } from '../messages/catalog.js';
import type { nationalSchema } from './national-schema.js';
import { scenarioSchema } from './schema.js';
import { suggest } from './suggest.js';

/** The top-level fields of a national scenario (scenario/national-schema.ts), in its order. */
export const NATIONAL_FIELDS = [
  'name',
  'description',
  'description_id',
  'start',
  'months',
  'seed',
  'replications',
  'parameters',
  'national_parameters',
  'template',
  'vendors',
  'platforms',
  'innovations',
  'elections',
  'governments',
  'national_regulations',
  'programmes',
  'government_network',
] as const;

/** Those a national scenario must have (no default): the schema's "Missing required field" lines. */
export const NATIONAL_REQUIRED = ['name', 'start', 'months', 'governments'] as const;

/** The top-level fields of an experiment file (experiment/spec.ts experimentSchema), in its order. */
export const EXPERIMENT_FIELDS = ['name', 'description', 'description_id', 'base', 'replications', 'seed', 'set', 'outcomes', 'variants', 'design'] as const;

/** Those an experiment file must have. */
export const EXPERIMENT_REQUIRED = ['name', 'base'] as const;

// Compile-time checks that the lists above are their schemas' fields, no more, no fewer.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** The fields of an object schema's input that have no default and are not optional. */
type RequiredOf<S extends z.ZodType> = { [K in keyof z.input<S>]-?: undefined extends z.input<S>[K] ? never : K }[keyof z.input<S>];
export type NationalFieldsChecked = Assert<Same<(typeof NATIONAL_FIELDS)[number], keyof typeof nationalSchema.shape>>;
export type NationalRequiredChecked = Assert<Same<(typeof NATIONAL_REQUIRED)[number], RequiredOf<typeof nationalSchema>>>;
export type ExperimentFieldsChecked = Assert<Same<(typeof EXPERIMENT_FIELDS)[number], keyof typeof experimentSchema.shape>>;
export type ExperimentRequiredChecked = Assert<Same<(typeof EXPERIMENT_REQUIRED)[number], RequiredOf<typeof experimentSchema>>>;

/** The top-level fields of a city scenario, from its schema's shape, in its order. */
export function cityFields(): string[] {
  return Object.keys(scenarioSchema.shape);
}

/** Those a city scenario must have: the fields of its shape that take no absent value (no default, not optional). */
export function cityRequired(): string[] {
  return Object.entries(scenarioSchema.shape)
    .filter(([, schema]) => !(schema as z.ZodType).safeParse(undefined).success)
    .map(([field]) => field);
}

/** How many of such a file's keys the line names, and how much of each (a key may be a whole line of the file). */
const KEYS_NAMED = 3;
const KEY_SHOWN = 24;

/**
 * Whether `key` is a top-level field of a city or national scenario or of
 * an experiment file, ignoring case, or close enough to one for a "did you
 * mean" (scenario/suggest.ts, as an unknown field's line names it).
 */
export function nearTopField(key: string): boolean {
  allFields ??= [...new Set([...cityFields(), ...NATIONAL_FIELDS, ...EXPERIMENT_FIELDS])];
  return suggest(key, allFields) !== undefined;
}

/** The fields nearTopField compares with, made the first time it is called (a file that fails its schema). */
let allFields: readonly string[] | undefined;

/**
 * The one line for `input` read from `file` when it is a mapping none of
 * whose keys is, or is close to, a difusi file's field (nearTopField);
 * undefined for anything else. `kind`: what the command reads there, a
 * scenario (city or national: not_a_scenario) or an experiment file
 * (not_an_experiment). Only for a file that fails its schema anyway.
 */
export function notDifusiFileIssue(input: unknown, file: string, kind: 'scenario' | 'experiment'): ScenarioIssue | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const keys = Object.keys(input);
  if (keys.length === 0 || keys.some(nearTopField)) return undefined;
  const named = keys.slice(0, KEYS_NAMED).map((k) => JSON.stringify(k.length > KEY_SHOWN ? `${k.slice(0, KEY_SHOWN - 1)}…` : k));
  const text = `${named.join(', ')}${keys.length > KEYS_NAMED ? ', …' : ''}`;
  const quoted = (fields: readonly string[]) => fields.map((f) => JSON.stringify(f)).join(', ');
  return kind === 'experiment'
    ? makeIssue('not_an_experiment', [text, quoted(EXPERIMENT_REQUIRED)], { file })
    : makeIssue('not_a_scenario', [text, quoted(cityRequired()), quoted(NATIONAL_REQUIRED)], { file });
}
