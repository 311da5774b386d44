/**
 * The four-government national fixture (tests/national/fixtures/small-national.yaml),
 * compiled after an optional edit of its parsed input: shared by the national model tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileNational, NationalCompileError, type NationalModel } from '../../src/model/national/compile.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';

export const SMALL_NATIONAL = fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url));
export type Input = Record<string, unknown>;

export function buildSmallNational(edit: (s: Input) => void = () => undefined): NationalModel {
  const input = parse(readFileSync(SMALL_NATIONAL, 'utf8')) as Input;
  edit(input);
  return compileNational(nationalSchema.parse(input) as NationalScenario);
}

/**
 * kab-b in two programmes with money, joining in 2017-01 and 2019-01
 * (months 13 and 37), the first funding `early`, the second `late`;
 * no launch of its own and no diffusion between governments, so the
 * money's months are the only national events.
 */
export function buildTwoProgrammes(early: string, late: string): NationalModel {
  return buildSmallNational((s) => {
    s['national_parameters'] = { ...(s['national_parameters'] as object), gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 };
    s['programmes'] = [
      { id: 'early', cohorts: [{ id: 'early-1', from: '2017-01', members: ['kab-b'] }], anchors: [early], strength: 0, money: true },
      { id: 'late', cohorts: [{ id: 'late-1', from: '2019-01', members: ['kab-b'] }], anchors: [late], strength: 0, money: true },
    ];
    s['government_network'] = { same_province: true };
  });
}

/** The NationalCompileError that compiling the fixture after `edit` throws (a test failure if it compiles, or throws another error). */
export function compileError(edit: (s: Input) => void): NationalCompileError {
  try {
    buildSmallNational(edit);
  } catch (e) {
    if (e instanceof NationalCompileError) return e;
    throw e;
  }
  throw new Error('the edited fixture compiled without an error');
}
