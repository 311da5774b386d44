/**
 * P14's spread control on a national scenario file (docs/NATIONAL.md, "The
 * spread control"): the case and the scenario transformed by
 * `p14AlikeScenario` (validation/p14-alike.ts), run on the same seed and
 * replication indices, their spreads compared by `compareSpread`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { YAML_QUIET } from '../scenario/yaml-quiet.js';
import { measureNationalP14Rows, nationalP14Rows } from './national.js';
import { compileNational } from '../model/national/compile.js';
import { nationalSchema } from '../scenario/national-schema.js';
import { nationalHash } from '../store/national-file.js';
import { compareSpread, p14AlikeChanges, p14AlikeScenario, type P14AlikeChanges, type SpreadComparison } from '../validation/p14-alike.js';
import type { P14Result } from '../validation/p14-national.js';
import type { SpreadRow } from '../experiment/national-tally.js';

export interface P14AlikeRun {
  readonly p14: P14Result;
  readonly spread: readonly SpreadRow[];
  readonly changes: P14AlikeChanges;
}

/** The control alone, `replications` replications (indices 0 .. replications - 1, as the case's). */
export async function nationalP14Alike(file: string, replications: number, workers: number): Promise<P14AlikeRun> {
  const input = parse(readFileSync(file, 'utf8'), YAML_QUIET) as Record<string, unknown>;
  // Built from a file the case has read and validated: a failure here is a bug in the transform, not a user error.
  const scenario = nationalSchema.parse(p14AlikeScenario(input));
  const { p14, spread } = await measureNationalP14Rows(scenario, nationalHash(scenario), compileNational(scenario), replications, workers);
  return { p14, spread, changes: p14AlikeChanges(input) };
}

/** The case and the control on the same seeds, and the comparison of their spreads. */
export async function nationalP14Spread(
  file: string,
  replications: number,
  workers: number,
): Promise<{ case: { p14: P14Result; spread: readonly SpreadRow[] }; alike: P14AlikeRun; comparison: SpreadComparison }> {
  const kase = await nationalP14Rows(file, replications, workers);
  const alike = await nationalP14Alike(file, replications, workers);
  return { case: kase, alike, comparison: compareSpread(kase.spread, alike.spread) };
}
