/**
 * GovernmentValidator (model/national/validate-government.ts) must give
 * exactly what `validateScenario` gives (the same scenario, or the same
 * issues in the same words), whatever it has cached: field values parsed
 * once and copied, absent keys filled as the object schema fills them, and
 * cross-references checked once per distinct rest of the scenario. Each
 * case here is a value the cache could confuse with another, or a key the
 * fast path could mishandle, checked against the full validation; and the
 * cache is shown to be used (its `reused` counter), so the equality is not
 * the full path's alone.
 *
 * Kept under tests/model/ so the mutation test set (vitest.mutate.config.ts)
 * runs it, beside tests/national/validate-government.test.ts, which holds
 * the Indonesian file's governments equal. All set-up inside `it`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileNational } from '../../src/model/national/compile.js';
import { GovernmentValidator } from '../../src/model/national/validate-government.js';
import { validateScenario, type ParseResult } from '../../src/scenario/parse.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';

const FIXTURE = fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url));
type Input = Record<string, unknown>;

/** JSON that keeps what plain JSON loses: undefined values, -0, non-finite numbers, typed arrays. */
const exact = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v === undefined ? '<undefined>' : typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `<${Object.is(v, -0) ? '-0' : v}>` : ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v,
  );

/** Records the city inputs the national compile makes (and validates each in full). */
class Recorder extends GovernmentValidator {
  readonly inputs: Input[] = [];
  override validate(input: Input, file: string): ParseResult {
    this.inputs.push(input);
    return validateScenario(input, file);
  }
}

/** The city scenario inputs of the small national fixture's four governments. */
function governmentInputs(): Input[] {
  const r = new Recorder();
  compileNational(nationalSchema.parse(parse(readFileSync(FIXTURE, 'utf8'))) as NationalScenario, r);
  return r.inputs;
}

/** The validator's answer, checked against validateScenario on the same input. */
function agree(v: GovernmentValidator, input: Input, file = 'governments[0]'): ParseResult {
  const got = v.validate(input, file);
  expect(exact(got), file).toBe(exact(validateScenario(input, file)));
  return got;
}

const KEYS = Object.keys(scenarioSchema.shape);

describe('field-cached validation equals validateScenario', () => {
  it('on every government of the small national file, with most field values from the cache', () => {
    const inputs = governmentInputs();
    expect(inputs).toHaveLength(4);
    const v = new GovernmentValidator();
    for (const [i, input] of inputs.entries()) expect(agree(v, input, `governments[${i}]`).ok).toBe(true);
    // The second to fourth governments share the template's values (start, months, seed, network, parameters...).
    expect(v.reused).toBeGreaterThan(3 * 6);
  });

  it('a value seen before is copied from the cache, key by key: every present key of a repeated input is reused', () => {
    const [base] = governmentInputs();
    const v = new GovernmentValidator();
    agree(v, base!);
    expect(v.reused).toBe(0);
    agree(v, base!);
    expect(v.reused).toBe(Object.keys(base!).length);
    // Another name only: every other key reused.
    agree(v, { ...base!, name: 'other-government' });
    expect(v.reused).toBe(2 * Object.keys(base!).length - 1);
  });

  it('each government gets its own objects: changing one result changes neither the cache nor the next result', () => {
    const [base] = governmentInputs();
    const v = new GovernmentValidator();
    const a = v.validate(base!, 'a');
    const b = v.validate(base!, 'b');
    if (!a.ok || !b.ok) throw new Error('not valid');
    expect(a.scenario.innovations).not.toBe(b.scenario.innovations);
    expect(a.scenario.innovations[0]).not.toBe(b.scenario.innovations[0]);
    expect(a.scenario.parameters).not.toBe(b.scenario.parameters);
    expect(a.scenario.opds).not.toBe(b.scenario.opds);
    // Scribble on the first two results (as a caller owning its scenario may).
    (a.scenario.innovations[0] as { launch: string }).launch = '1999-01';
    (a.scenario.parameters as Record<string, number>)['h0_other'] = 0.987;
    (b.scenario.innovations as unknown[]).length = 0;
    const c = v.validate(base!, 'c');
    expect(exact(c)).toBe(exact(validateScenario(base!, 'c')));
  });

  it('every key left out, one at a time: the defaults, optional keys and required keys as the object schema treats them', () => {
    const [base] = governmentInputs();
    const v = new GovernmentValidator();
    agree(v, base!);
    let ok = 0;
    for (const key of KEYS) {
      const { [key]: _drop, ...rest } = base!;
      if (agree(v, rest, `without ${key}`).ok) ok++;
      // The key present with value undefined: validateScenario keeps some such keys.
      agree(v, { ...rest, [key]: undefined }, `${key}: undefined`);
    }
    // Not vacuous: most keys may be left out (defaults), a few may not (name, start, months, opds, innovations).
    expect(ok).toBeGreaterThan(KEYS.length / 2);
    expect(ok).toBeLessThan(KEYS.length);
    // A scenario of required keys only.
    const required: Input = { ...Object.fromEntries(['name', 'start', 'months', 'opds'].map((k) => [k, base![k]])), innovations: [(base!['innovations'] as Input[])[0]] };
    const alone = agree(new GovernmentValidator(), required, 'required only');
    expect(alone.ok).toBe(true);
    expect(exact(agree(v, required, 'required only'))).toBe(exact(alone));
  });

  it('a wrong value in any key, after the right one was cached, gets the full validation\'s issues', () => {
    const [base] = governmentInputs();
    const v = new GovernmentValidator();
    agree(v, base!);
    for (const key of KEYS) {
      for (const bad of [-1.5, '#bad value', [{}], { nope: 1 }]) {
        const got = agree(v, { ...base!, [key]: bad }, `${key}: ${JSON.stringify(bad)}`);
        // description and description_id are free text: a string is a right value there.
        if ((key !== 'description' && key !== 'description_id') || typeof bad !== 'string') expect(got.ok, key).toBe(false);
      }
    }
  });

  it('a key the schema does not know, beside cached fields, is refused as validateScenario refuses it', () => {
    const [base] = governmentInputs();
    const v = new GovernmentValidator();
    agree(v, base!);
    expect(agree(v, { ...base!, colour: 'red' }).ok).toBe(false);
    expect(agree(v, { ...base!, constructor: 'x' }).ok).toBe(false);
    expect(agree(v, JSON.parse(`{"__proto__": {"a": 1}, ${JSON.stringify(base!).slice(1)}`) as Input).ok).toBe(false);
  });

  it('values JSON writes alike are told apart: NaN, Infinity and null; -0 and 0; a Date and its string; a hole and null', () => {
    const [base] = governmentInputs();
    const params = base!['parameters'] as Input;
    const withParam = (key: string, x: unknown) => ({ ...base!, parameters: { ...params, [key]: x } });
    const v = new GovernmentValidator();
    // readopt_months takes null ("never"); NaN and Infinity stringify as null too.
    expect(agree(v, withParam('readopt_months', null)).ok).toBe(true);
    agree(v, withParam('readopt_months', Number.NaN));
    agree(v, withParam('readopt_months', Number.POSITIVE_INFINITY));
    agree(v, withParam('readopt_months', Number.NEGATIVE_INFINITY));
    agree(v, withParam('h0_other', 0));
    const negative = agree(v, withParam('h0_other', -0));
    if (negative.ok) expect(Object.is(negative.scenario.parameters['h0_other'], -0)).toBe(true);
    // A description written as a string, then a Date whose JSON is that string.
    const when = new Date(Date.UTC(2020, 0, 1));
    expect(agree(v, { ...base!, description: when.toJSON() }).ok).toBe(true);
    expect(agree(v, { ...base!, description: when }).ok).toBe(false);
    // A list with a hole and one with null there (JSON writes both as null).
    const leaders = base!['leaders'] as unknown[];
    agree(v, { ...base!, leaders: [null, ...leaders] });
    const holey = [, ...leaders];
    agree(v, { ...base!, leaders: holey });
    // A value with a prototype other than Object's (a class instance, a null-prototype object).
    class Box {
      type = 'complete';
    }
    agree(v, { ...base!, network: { type: 'complete' } });
    agree(v, { ...base!, network: new Box() });
    agree(v, { ...base!, network: Object.assign(Object.create(null) as Input, { type: 'complete' }) });
    // The whole input with a null prototype, and with a prototype holding keys (known and unknown to the schema).
    agree(v, Object.assign(Object.create(null) as Input, base!));
    const { seed: _s, ...noSeed } = base!;
    agree(v, Object.assign(Object.create({ seed: 99 }) as Input, noSeed));
    agree(v, Object.assign(Object.create({ colour: 'red' }) as Input, base!));
    agree(v, Object.assign(new (class Scenario {})() as Input, base!));
  });

  it('values nested past the depth limit are refused as validateScenario refuses them', () => {
    const [base] = governmentInputs();
    const v = new GovernmentValidator();
    agree(v, base!);
    let deep: unknown = { type: 'complete' };
    for (let d = 0; d < 70; d++) deep = [deep];
    expect(agree(v, { ...base!, network: deep }).ok).toBe(false);
  });

  it('cross-references are checked for every distinct rest of the scenario, not skipped after a first success', () => {
    const [base] = governmentInputs();
    const v = new GovernmentValidator();
    expect(agree(v, base!).ok).toBe(true);
    // Each field value parses alone; the scenario names agencies and innovations it lacks.
    expect(agree(v, { ...base!, coordinator: 'nobody' }).ok).toBe(false);
    expect(agree(v, { ...base!, initial_adopters: [{ opds: ['kominfo'], innovation: 'not-here' }] }).ok).toBe(false);
    const innovations = base!['innovations'] as Input[];
    expect(agree(v, { ...base!, innovations: innovations.map((x) => ({ ...x, platform: 'no-platform' })) }).ok).toBe(false);
    // A wrong scenario twice: not remembered as checked.
    expect(agree(v, { ...base!, coordinator: 'nobody' }).ok).toBe(false);
    // Without `coordinator`, then `coordinator` naming a missing agency: absent and present are different rests.
    const { coordinator: _c, ...noCoordinator } = base!;
    expect(agree(v, noCoordinator, 'no coordinator').ok).toBe(true);
    expect(agree(v, { ...noCoordinator, coordinator: 'nobody' }, 'bad coordinator').ok).toBe(false);
    // Only the name and description may differ without a new check: a new name is still a valid scenario.
    expect(agree(v, { ...base!, name: 'renamed', description: 'another' }).ok).toBe(true);
  });
});
