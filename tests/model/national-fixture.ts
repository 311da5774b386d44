/**
 * The four-government national fixture (tests/national/fixtures/small-national.yaml),
 * compiled after an optional edit of its parsed input: shared by the national model tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';

export const SMALL_NATIONAL = fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url));
export type Input = Record<string, unknown>;

export function buildSmallNational(edit: (s: Input) => void = () => undefined): NationalModel {
  const input = parse(readFileSync(SMALL_NATIONAL, 'utf8')) as Input;
  edit(input);
  return compileNational(nationalSchema.parse(input) as NationalScenario);
}
