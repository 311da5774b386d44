/**
 * A government that no national service reaches and that has no service of
 * its own is refused with one line naming it and why (docs/NATIONAL.md,
 * "The file"), exit code 2 and nothing written. Before, the whole file was
 * refused with the city check's "Too few items → at innovations", placed
 * at the national innovations list, which the government's selector had
 * left out: nothing said which rule was broken.
 *
 * The command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads its refusal and that nothing
 * is written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MESSAGES } from '../../src/messages/catalog.js';
import { compileNational, NationalCompileError } from '../../src/model/national/compile.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { noServiceNational } from '../support/no-service-national.js';

const tmp = testFolder('difusi-national-no-service-');


function compileError(text: string): NationalCompileError {
  try {
    compileNational(nationalSchema.parse(parse(text)) as NationalScenario);
  } catch (e) {
    if (e instanceof NationalCompileError) return e;
    throw e;
  }
  throw new Error('compiled without an error');
}

describe('a government offered no service', () => {
  it("every national service's selector leaves it out: refused at the government, naming it and why", () => {
    const e = compileError(noServiceNational(''));
    expect(e.path).toEqual(['governments', 1]);
    expect(e.message).toBe(MESSAGES.government_no_service('kab-b', "the national service's governments selector leaves it out"));
    // An own list that is empty is no service either.
    expect(compileError(noServiceNational(', city: { innovations: [] }')).message).toBe(e.message);
  });

  it('portfolio: false and no service of its own', () => {
    const e = compileError(noServiceNational(', portfolio: false', ''));
    expect(e.path).toEqual(['governments', 1]);
    expect(e.message).toBe(MESSAGES.government_no_service('kab-b', 'its portfolio is false'));
  });

  it('a service of its own, or a national service that reaches it, is enough', () => {
    const own = ', city: { innovations: [ { id: svc-own, owner: opd, funding: apbd, launch: 2016-03, relative_advantage: 0.9, compatibility: 0.9, complexity: 0.1, trialability: 0.9, observability: 0.9 } ] }';
    expect(compileNational(nationalSchema.parse(parse(noServiceNational(own))) as NationalScenario).governments).toHaveLength(2);
    expect(compileNational(nationalSchema.parse(parse(noServiceNational('', ''))) as NationalScenario).governments).toHaveLength(2);
  });

  it('the command line prints one line at the government, exit code 2, nothing written', async () => {
    const path = join(tmp(), 'nosvc.yaml');
    writeFileSync(path, noServiceNational(''));
    const out = join(tmp(), 'out');
    const r = await runInProcess(['national', path, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('nosvc.yaml:13:');
    expect(lines[0]).toContain(MESSAGES.government_no_service('kab-b', "the national service's governments selector leaves it out"));
    expect(lines[0]).toContain('→ at governments[1]');
    expect(existsSync(out)).toBe(false);
  });
});

/**
 * A government's own `innovations`, `vendors`, `platforms` and `regulations`
 * are added to the national ones before the city check, which therefore
 * never saw the government's own value: `city: { innovations: 3 }` on a
 * government that national services reach was dropped without a word (the
 * file passed `--check`). It is refused at the government's field.
 */
describe("a government's own lists", () => {
  const outcome = (text: string): NationalCompileError | undefined => {
    try {
      compileNational(nationalSchema.parse(parse(text)) as NationalScenario);
    } catch (e) {
      if (e instanceof NationalCompileError) return e;
      throw e;
    }
    return undefined;
  };
  for (const key of ['innovations', 'vendors', 'platforms', 'regulations']) {
    it(`${key} that is no list is refused at the government's field`, () => {
      const e = outcome(noServiceNational(`, city: { ${key}: 3 }`, ''));
      expect(e?.path).toEqual(['governments', 1, 'city', key]);
      expect(e?.drafts[0]).toMatchObject({ code: 'wrong_type', expected: 'a list', found: '3' });
    });
  }

  it('a list, empty or not, or none at all, is accepted (controls)', () => {
    expect(outcome(noServiceNational('', ''))).toBeUndefined();
    expect(outcome(noServiceNational(', city: { vendors: [] }', ''))).toBeUndefined();
    expect(outcome(noServiceNational(', city: { vendors: [{ id: v1, contract_end: 2017-01 }] }', ''))).toBeUndefined();
  });
});
