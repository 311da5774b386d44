/**
 * An experiment's section the command does not read: `variants` under
 * `difusi sweep` / `sensitivity`, `design` under `difusi compare`. They used
 * to be dropped without a word; now one ⚠ line at the section's line names
 * the command that reads it, and the results are those of the file without
 * the section (byte for byte).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, resultFolder, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-unread-sections-');
const PILOT = join(ROOT, 'tests', 'experiment', 'fixtures', 'pilot.yaml');
const HEAD = `base: ${JSON.stringify(PILOT)}\nreplications: 2\noutcomes: [live_share]\n`;
const VARIANTS = 'variants: [{ name: v, set: { parameters.takeover_vendor: 0.9 } }]\n';
const DESIGN = 'design:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0.1, 0.9] }\n';

function write(name: string, text: string): string {
  const file = join(folder(), name);
  writeFileSync(file, text);
  return file;
}

async function run(args: readonly string[], out: string): Promise<{ stderr: string; dir: string }> {
  const r = await runInProcess([...args, '-q', '--no-charts', '--workers', '1', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return { stderr: r.stderr, dir: resultFolder(out, 'sections') };
}

describe('sections a command does not read', () => {
  it('difusi sweep warns of variants at their line; the sweep is the one without them', async () => {
    const both = write('both.yaml', `name: sections\n${HEAD}${VARIANTS}${DESIGN}`);
    const only = write('design.yaml', `name: sections\n${HEAD}${DESIGN}`);
    const a = await run(['sweep', both], join(folder(), 'sweep-both'));
    const b = await run(['sweep', only], join(folder(), 'sweep-only'));
    expect(a.stderr).toBe(`⚠ ${both}:5: variants is not read by difusi sweep and changes nothing (it is for difusi compare)\n`);
    expect(b.stderr).toBe('');
    for (const f of ['sweep.csv', 'sweep_summary.csv']) expect(readFileSync(join(a.dir, f))).toEqual(readFileSync(join(b.dir, f)));
  });

  it('difusi compare warns of the design at its line; the comparison is the one without it', async () => {
    const both = write('both-c.yaml', `name: sections\n${HEAD}${VARIANTS}${DESIGN}`);
    const only = write('variants.yaml', `name: sections\n${HEAD}${VARIANTS}`);
    const a = await run(['compare', both], join(folder(), 'compare-both'));
    const b = await run(['compare', only], join(folder(), 'compare-only'));
    expect(a.stderr).toBe(`⚠ ${both}:6: design is not read by difusi compare and changes nothing (it is for difusi sweep and difusi sensitivity)\n`);
    expect(b.stderr).toBe('');
    expect(readFileSync(join(a.dir, 'compare.csv'))).toEqual(readFileSync(join(b.dir, 'compare.csv')));
  });

  it('the shipped experiments hold one section each: none starts warning', () => {
    for (const name of ['bekasi-champion-retention', 'bekasi-early-integration', 'bekasi-no-leadership-change', 'bekasi-perda-budget-line', 'bekasi-pilot-takeover', 'bekasi-sensitivity', 'bekasi-sweep']) {
      const text = readFileSync(join(ROOT, 'experiments', `${name}.yaml`), 'utf8');
      expect(/^variants:/m.test(text) && /^design:/m.test(text), name).toBe(false);
    }
  });
});
