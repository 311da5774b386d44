/**
 * A government's own `innovations`, `vendors`, `platforms` and `regulations`
 * are added to the national ones before the city check, which therefore
 * never saw the government's own value: `city: { innovations: 3 }` on a
 * government that national services reach was dropped without a word (the
 * file passed `--check`). It is refused at the government's field.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileNational, NationalCompileError } from '../../src/model/national/compile.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';

const file = (city: string) => `name: own-lists
start: 2016-01
months: 24
seed: 3
replications: 1
template:
  agencies: { regency: { dinas: 3 } }
  network: { type: complete }
innovations:
  - { id: svc-a, owner: opd, funding: apbd, launch: 2016-03, relative_advantage: 0.9, compatibility: 0.9, complexity: 0.1, trialability: 0.9, observability: 0.9 }
governments:
  - { id: kab-a, type: regency, province: p1, districts: 1 }
  - { id: kab-b, type: regency, province: p1, districts: 1${city} }
`;

function compileError(text: string): NationalCompileError | undefined {
  try {
    compileNational(nationalSchema.parse(parse(text)) as NationalScenario);
  } catch (e) {
    if (e instanceof NationalCompileError) return e;
    throw e;
  }
  return undefined;
}

describe("a government's own lists", () => {
  for (const key of ['innovations', 'vendors', 'platforms', 'regulations']) {
    it(`${key} that is no list is refused at the government's field`, () => {
      const e = compileError(file(`, city: { ${key}: 3 }`));
      expect(e?.path).toEqual(['governments', 1, 'city', key]);
      expect(e?.drafts[0]).toMatchObject({ code: 'wrong_type', expected: 'a list', found: '3' });
    });
  }

  it('a list, empty or not, or none at all, is accepted (controls)', () => {
    expect(compileError(file(''))).toBeUndefined();
    expect(compileError(file(', city: { vendors: [] }'))).toBeUndefined();
    expect(compileError(file(', city: { vendors: [{ id: v1, contract_end: 2017-01 }] }'))).toBeUndefined();
  });
});
