/**
 * P14's negative control on a national scenario file (docs/NATIONAL.md): the
 * scenario transformed by `p14ControlScenario` (validation/p14-national.ts),
 * run with the same seed and replication indices as the case, measured as
 * the case is. The transformed file is written to a temporary folder, run,
 * and removed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { nationalP14 } from './national.js';
import { p14ControlScenario, type P14Result } from '../validation/p14-national.js';

export async function nationalP14Control(file: string, replications: number, workers: number): Promise<P14Result> {
  const input = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'difusi-p14-control-'));
  try {
    const control = join(dir, 'p14-control.yaml');
    writeFileSync(control, stringify(p14ControlScenario(input), { lineWidth: 0 }));
    return await nationalP14(control, replications, workers);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
