/**
 * Property-based reliability suite (issue #15), with fast-check and fixed seeds.
 *
 * Parser (10,600 generated files, counted by the last parser test over the
 * four generations, each run once by whichever test comes first): whatever the text — arbitrary JSON values,
 * the test city with random fields replaced by random values, the city's
 * YAML and JSON text with random bytes inserted, deleted, duplicated or cut —
 * parsing returns a scenario or issues from the catalog, one line each, and
 * never throws; a scenario it accepts compiles.
 *
 * Engine (tiny runs: 16 agencies, 60 months, random parameters within their
 * declared ranges): no NaN or infinity, no negative count, the state counts
 * sum to the eligible pairs every month (agents are conserved between
 * states), stages sum to the live states, shares lie in [0, 1], and the same
 * seed gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatIssues, MESSAGES, UserError } from '../../src/messages/catalog.js';
import { compile } from '../../src/model/compile.js';
import { metricNames, CITY_SHARE_METRICS } from '../../src/model/observation.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { PARAMETER_SPECS } from '../../src/scenario/parameters.js';
import { validateWithOverrides, parseOverride } from '../../src/scenario/overrides.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { SMALL_CITY } from '../support/cli.js';
import { applyEdit, paths, setPath, textEdit } from '../support/fuzz.js';

const YAML_TEXT = readFileSync(SMALL_CITY, 'utf8');
const parsed = parseScenarioText(YAML_TEXT, 'small-city.yaml');
if (!parsed.ok) throw new Error('small-city.yaml must be valid');
const INPUT = parsed.input as Record<string, unknown>;
const JSON_TEXT = JSON.stringify(INPUT, null, 2);

/** The files one generation has made so far. */
interface Made {
  count: number;
}

/** The parser's contract for any text. */
function checkParse(text: string, file: string, made: Made): void {
  made.count++;
  const generated = made.count;
  let result: ReturnType<typeof parseScenarioText>;
  try {
    result = parseScenarioText(text, file);
  } catch (error) {
    throw new Error(`parseScenarioText threw ${String(error)} for ${JSON.stringify(text.slice(0, 200))}`);
  }
  if (result.ok) {
    // Compiling is what a run does next; every 5th accepted file is compiled (the rest only parsed, to keep the suite short).
    if (generated % 5 === 0) expect(() => compile(result.scenario)).not.toThrow();
    return;
  }
  // Each expect() is reached only where its own condition fails (the matcher's comparison: >, Object.is for toBe,
  // String.includes for toContain), so it fails with the message it always had; for some 10,000 files an expect()
  // per check cost about as much as the parsing.
  if (!(result.issues.length > 0)) expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    if (!Object.hasOwn(MESSAGES, issue.code)) expect(Object.hasOwn(MESSAGES, issue.code), issue.code).toBe(true);
    if (!Object.is(issue.file, file)) expect(issue.file).toBe(file);
    const line = formatIssues([issue]);
    if (line.includes('\n')) expect(line, 'one line per issue').not.toContain('\n');
  }
}

const PATHS = paths(INPUT);

/**
 * A generation of files, run once whichever test asks first (the tests may run in any order; "at least 10,000 files"
 * asks each of them): how many files it made, or its error again to each test that asks.
 */
function generation(generate: (made: Made) => void): () => number {
  let outcome: { count: number } | { error: unknown } | undefined;
  return () => {
    if (outcome === undefined) {
      const made = { count: 0 };
      try {
        generate(made);
        outcome = { count: made.count };
      } catch (error) {
        outcome = { error };
      }
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.count;
  };
}

const jsonValues = generation((made) => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      checkParse(JSON.stringify(value) ?? 'null', 'x.json', made);
      checkParse(stringify(value), 'x.yaml', made);
    }),
    { numRuns: 3000, seed: 151 },
  );
});

const fieldEdits = generation((made) => {
  const replacement = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constant(undefined),
    fc.constantFrom(-1, 0, 1e300, -0, 0.5, 2 ** 53, '', 'off', '2020-13', '1900-01', [], {}, null, { __proto__: null }),
    fc.record({ ['__proto__']: fc.jsonValue({ maxDepth: 1 }) }),
  );
  fc.assert(
    fc.property(fc.constantFrom(...PATHS), replacement, fc.boolean(), (path, value, asJson) => {
      const input = setPath(INPUT, path, value);
      checkParse(asJson ? JSON.stringify(input) : stringify(input), asJson ? 'x.json' : 'x.yaml', made);
    }),
    { numRuns: 1500, seed: 152 },
  );
});

const textEdits = generation((made) => {
  fc.assert(
    fc.property(fc.boolean(), fc.array(textEdit, { minLength: 1, maxLength: 3 }), (asJson, edits) => {
      let text = asJson ? JSON_TEXT : YAML_TEXT;
      for (const e of edits) text = applyEdit(text, e);
      checkParse(text, asJson ? 'x.json' : 'x.yaml', made);
    }),
    { numRuns: 2500, seed: 153 },
  );
});

const overrides = generation((made) => {
  const key = fc.constantFrom('name', 'months', 'seed', 'replications', 'parameters.bass_q', 'network.among.mean_degree', 'opds.generate.count', 'leaders[0].from', 'regulations[id=x].strength', '__proto__.x', 'a.constructor', 'innovations[9999].id');
  fc.assert(
    fc.property(key, fc.string({ maxLength: 12 }), (path, value) => {
      made.count++;
      try {
        const [p, v] = parseOverride(`${path}=${value}`);
        const r = validateWithOverrides(INPUT, { [p]: v }, 'x.yaml');
        if (r.ok) expect(() => compile(r.scenario)).not.toThrow();
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        expect(formatIssues(error.issues)).not.toContain('\n');
      }
    }),
    { numRuns: 600, seed: 154 },
  );
});

describe('the parser never throws and reports only catalog issues', () => {
  it('6,000 files: 3,000 arbitrary JSON values, as JSON and as YAML', () => {
    jsonValues();
  }, 300_000);

  it('1,500 copies of the test city with a random field replaced, removed or given a reserved key', () => {
    fieldEdits();
  }, 300_000);

  it('2,500 copies of the test city text (YAML and JSON) with one to three random edits', () => {
    textEdits();
  }, 300_000);

  it('600 random --set overrides on the test city: a user error or a valid scenario, nothing else', () => {
    overrides();
  });

  it('at least 10,000 files were generated', () => {
    const generated = jsonValues() + fieldEdits() + textEdits() + overrides();
    expect(generated).toBeGreaterThanOrEqual(10_000);
  }, 300_000);
});

describe('the engine on random valid scenarios', () => {
  const ranged = PARAMETER_SPECS.filter((s) => s.min !== undefined && s.max !== undefined && Number.isFinite(s.max) && s.default !== null && !s.name.startsWith('t_'));
  const parameterValues = fc.array(
    fc.record({ index: fc.integer({ min: 0, max: ranged.length - 1 }), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    { minLength: 1, maxLength: 8 },
  );

  it('no NaN, no negative count, states conserved, stages consistent, shares in [0, 1], same seed same bytes', () => {
    let ran = 0;
    fc.assert(
      fc.property(parameterValues, fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 50 }), (values, seed, replication) => {
        const overrides: Record<string, unknown> = { seed };
        for (const { index, at } of values) {
          const spec = ranged[index]!;
          const x = spec.min! + at * (spec.max! - spec.min!);
          overrides[`parameters.${spec.name}`] = spec.integer ? Math.round(x) : x;
        }
        const r = validateWithOverrides(INPUT, overrides, 'x.yaml');
        fc.pre(r.ok);
        if (!r.ok) return;
        const model = compile(r.scenario);
        const names = metricNames(model);
        const a = simulateReplication(model, seed, replication, { detail: false });
        const b = simulateReplication(compile(r.scenario), seed, replication, { detail: false });
        ran++;
        expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer))).toBe(true);
        expect(JSON.stringify(a.outcomes)).toBe(JSON.stringify(b.outcomes));
        const M = names.length;
        const col = (name: string) => names.indexOf(name);
        const states = ['state_unaware', 'state_aware', 'state_live', 'state_routinized', 'state_discontinued'].map(col);
        const stages = ['stage_restructuring', 'stage_clarifying', 'stage_routinized'].map(col);
        const live = names.flatMap((n, j) => (n.startsWith('live.') ? [j] : []));
        const shares = CITY_SHARE_METRICS.filter((n) => n.endsWith('_share')).map(col);
        let total = -1;
        // Every cell of every month is checked, some 10,000 checks a run: each expect() below is reached only where
        // its own condition fails (the same comparison as the matcher's: >=, <=, Object.is for toBe), so it fails with
        // the message it always had. An expect() per cell cost more than the simulations (a few seconds of the file).
        for (let m = 0; m < r.scenario.months; m++) {
          const row = a.series.subarray(m * M, (m + 1) * M);
          for (let j = 0; j < M; j++) {
            if (!Number.isFinite(row[j]!)) expect(Number.isFinite(row[j]!), `${names[j]} at month ${m + 1}`).toBe(true);
            if (!['leader_commitment', 'vision', 'budget'].includes(names[j]!) && !(row[j]! >= 0)) expect(row[j]!, names[j]).toBeGreaterThanOrEqual(0);
          }
          const sum = states.reduce((s, j) => s + row[j]!, 0);
          if (total < 0) total = sum;
          if (!Object.is(sum, total)) expect(sum, `agents conserved at month ${m + 1}`).toBe(total);
          const inUse = row[col('state_live')]! + row[col('state_routinized')]!;
          const staged = stages.reduce((s, j) => s + row[j]!, 0);
          if (!Object.is(staged, inUse)) expect(staged).toBe(inUse);
          const running = live.reduce((s, j) => s + row[j]!, 0);
          if (!Object.is(running, inUse)) expect(running).toBe(inUse);
          for (const j of shares) if (!(row[j]! <= 1)) expect(row[j]!).toBeLessThanOrEqual(1);
        }
        for (const o of a.outcomes) expect(o.live_end).toBeLessThanOrEqual(o.peak_live);
      }),
      { numRuns: 100, seed: 155 },
    );
    expect(ran).toBeGreaterThanOrEqual(60);
  }, 300_000);
});
