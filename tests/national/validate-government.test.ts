/**
 * The city scenarios of a national file are validated field by field, each
 * distinct field value parsed once (model/national/validate-government.ts).
 * These tests hold that to the full `validateScenario` of every
 * government's scenario: the same scenario (values, undefined keys and key
 * order), the same compiled governments, the same issues for a wrong input;
 * and they check that values JSON writes alike (-0 and 0, an undefined key
 * and an absent one, Infinity and null) are not taken for one another.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { GovernmentValidator } from '../../src/model/national/validate-government.js';
import { validateScenario, type ParseResult } from '../../src/scenario/parse.js';
import { readNationalFile } from '../../src/store/national-file.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const INDONESIA = fileURLToPath(new URL('../../scenarios/indonesia-2015-2025.yaml', import.meta.url));

/** JSON that keeps what plain JSON loses: undefined values, -0, non-finite numbers. */
const exact = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v === undefined ? '<undefined>' : typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `<${Object.is(v, -0) ? '-0' : v}>` : ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v,
  );

/** Validates as the national compile does, and checks each result against the full validation. */
class Checked extends GovernmentValidator {
  readonly inputs: Record<string, unknown>[] = [];
  readonly results: ParseResult[] = [];
  mismatches: string[] = [];
  override validate(input: Record<string, unknown>, file: string): ParseResult {
    const got = super.validate(input, file);
    const want = validateScenario(input, file);
    this.inputs.push(input);
    this.results.push(got);
    if (exact(got) !== exact(want)) this.mismatches.push(file);
    return got;
  }
}

/** Always the full validation (the compile before field caching). */
class Full extends GovernmentValidator {
  override validate(input: Record<string, unknown>, file: string): ParseResult {
    return validateScenario(input, file);
  }
}

const small = (): NationalScenario => nationalSchema.parse(parse(readFileSync(FIXTURE, 'utf8'))) as NationalScenario;

describe('field-by-field validation of the governments of a national file', () => {
  it('gives every government of the Indonesian file the scenario validateScenario gives, and the same compiled governments', () => {
    const s = readNationalFile(INDONESIA).scenario;
    const checked = new Checked();
    const fast = compileNational(s, checked);
    expect(checked.inputs.length).toBe(s.governments.length);
    expect(checked.mismatches).toEqual([]);
    // Not vacuous: most field values came from the cache.
    expect(checked.reused).toBeGreaterThan(10 * s.governments.length);
    const full = compileNational(s, new Full());
    expect(fast.governments.length).toBe(full.governments.length);
    fast.governments.forEach((g, gi) => expect(exact(g), g.id).toBe(exact(full.governments[gi])));
  });

  it('the same on the small fixture', () => {
    const checked = new Checked();
    const fast = compileNational(small(), checked);
    expect(checked.mismatches).toEqual([]);
    expect(exact(fast.governments)).toBe(exact(compileNational(small(), new Full()).governments));
  });

  it('gives no two governments the same object', () => {
    const checked = new Checked();
    compileNational(small(), checked);
    const scenarios = checked.results.map((r) => (r.ok ? r.scenario : null));
    const [a, b] = [scenarios[0]!, scenarios[1]!];
    // Equal values, parsed once: each government has its own copy.
    expect(exact(a.network)).toBe(exact(b.network));
    expect(a.network).not.toBe(b.network);
    expect(exact(a.parameters)).toBe(exact(b.parameters));
    expect(a.parameters).not.toBe(b.parameters);
    expect(checked.reused).toBeGreaterThan(0);
  });

  it('tells apart values JSON writes alike: -0 and 0, an undefined key and an absent one', () => {
    const recorder = new Checked();
    compileNational(small(), recorder);
    const base = recorder.inputs[0]!;
    const v = new GovernmentValidator();
    const withParameter = (x: number) => ({ ...base, parameters: { ...(base['parameters'] as object), h0_other: x } });
    const zero = v.validate(withParameter(0), 'a');
    const negative = v.validate(withParameter(-0), 'b');
    expect(zero.ok && negative.ok).toBe(true);
    if (!zero.ok || !negative.ok) return;
    expect(Object.is(zero.scenario.parameters['h0_other'], 0)).toBe(true);
    // A content key from JSON alone would give the cached +0 here.
    expect(Object.is(negative.scenario.parameters['h0_other'], -0)).toBe(true);
    expect(exact(negative)).toBe(exact(validateScenario(withParameter(-0), 'b')));
    // An innovation without `vendor`, then with `vendor: undefined`: validateScenario keeps the second key.
    const innovations = base['innovations'] as Record<string, unknown>[];
    const stripped = innovations.map(({ vendor: _v, ...rest }) => rest);
    const absent = v.validate({ ...base, innovations: stripped }, 'c');
    const undef = v.validate({ ...base, innovations: stripped.map((x) => ({ ...x, vendor: undefined })) }, 'd');
    expect(exact(absent)).toBe(exact(validateScenario({ ...base, innovations: stripped }, 'c')));
    expect(exact(undef)).toBe(exact(validateScenario({ ...base, innovations: stripped.map((x) => ({ ...x, vendor: undefined })) }, 'd')));
    expect(exact(undef)).not.toBe(exact(absent));
  });

  it('a wrong value, even next to cached right ones, gets the issues validateScenario gives', () => {
    const recorder = new Checked();
    compileNational(small(), recorder);
    const base = recorder.inputs[0]!;
    const v = new GovernmentValidator();
    expect(v.validate(base, 'ok').ok).toBe(true);
    const innovations = (base['innovations'] as Record<string, unknown>[]).map((x, i) => (i === 0 ? { ...x, launch: 'soon' } : x));
    const bad = { ...base, innovations };
    const got = v.validate(bad, 'governments[0]');
    expect(got.ok).toBe(false);
    expect(exact(got)).toBe(exact(validateScenario(bad, 'governments[0]')));
    const unknownKey = { ...base, colour: 'red' };
    expect(exact(v.validate(unknownKey, 'x'))).toBe(exact(validateScenario(unknownKey, 'x')));
    expect(v.validate(unknownKey, 'x').ok).toBe(false);
  });
});
