/**
 * P14's negative control on a national scenario file (docs/NATIONAL.md): the
 * scenario transformed by `p14ControlScenario` (validation/p14-national.ts),
 * validated and compiled as a file would be, run with the same seed and
 * replication indices as the case, measured as the case is.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { YAML_QUIET } from '../scenario/yaml-quiet.js';
import { measureNationalP14 } from './national.js';
import { compileNational } from '../model/national/compile.js';
import { nationalSchema } from '../scenario/national-schema.js';
import { nationalHash } from '../store/national-file.js';
import { p14ControlScenario, type P14Result } from '../validation/p14-national.js';

export async function nationalP14Control(file: string, replications: number, workers: number): Promise<P14Result> {
  const input = parse(readFileSync(file, 'utf8'), YAML_QUIET) as Record<string, unknown>;
  // The control is built from a file the case has just read and validated, so
  // a failure here is a bug in the transform, not a user error.
  const scenario = nationalSchema.parse(p14ControlScenario(input));
  return measureNationalP14(scenario, nationalHash(scenario), compileNational(scenario), replications, workers);
}
