/**
 * A sweep's or sensitivity analysis's what-if says so, as a run's does
 * (tests/cli/run-what-if.test.ts): the command line's `--set`s that changed
 * the base scenario are recorded in manifest.json as `overrides` (the last
 * key, the other keys in their old order; not the seed or the replication
 * count, nor a `--set` of the value the scenario already has), the merge of
 * its shards keeps them, and the report (English and Indonesian) says first
 * that the figures are of the changed scenario. Without any, the manifest
 * is the one it always was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, resultFolder, ROOT, runFolders } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { shared } from '../support/shared.js';

const folder = cliTestFolder('difusi-design-what-if-');
const SWEEP = join(ROOT, 'tests', 'experiment', 'fixtures', 'sweep.yaml');
const MORRIS = join(ROOT, 'tests', 'experiment', 'fixtures', 'morris.yaml');
// The sensitivity run and report that draw a report do so with --no-png: the report's PNGs are not what this
// test is about (its pages' text is), and drawing them is most of a report's CPU.
const COMMON = ['--no-charts', '--quiet', '--workers', '1'];
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
/** The manifest without the fields that differ between two runs of the same inputs (and a merge's command). */
const stable = (dir: string) => {
  const { command: _c, timings: _t, ...rest } = manifest(dir);
  return JSON.stringify(rest, null, 2);
};
/** A design's manifest keys before this change, in their order. */
const KEYS = ['tool', 'kind', 'experiment', 'scenario', 'seed', 'replications', 'design', 'outcomes', 'command', 'shard', 'timings', 'files', 'checksums', 'rows'];

// In the test's process (runInProcess): what a command writes is checked here, nothing only a process has.
async function ok(args: readonly string[]): Promise<void> {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(0);
}

/**
 * The sweep what-if: pilot.yaml leaves leader_hazard at its default (0), so 0.2 changes the scenario; `seed`
 * changes the draws, not the scenario. Its unsharded run is the one the first case reads and the one the merge
 * case compares its merged shards with (it ran the same command but for --set seed=5: one sweep fewer).
 */
const SWEEP_WHAT_IF = ['sweep', SWEEP, '-r', '2', '--set', 'parameters.leader_hazard=0.2', '--set', 'seed=5', ...COMMON];
const sweepWhatIf = shared(async () => {
  const out = join(folder(), 'sweep');
  await ok([...SWEEP_WHAT_IF, '--out', out]);
  return resultFolder(out, 'test-sweep');
});

describe('difusi sweep and sensitivity --set record their what-ifs', () => {
  it('sweep: as `overrides`, the last key, only the --sets that changed the scenario (not --set seed)', async () => {
    const m = manifest(await sweepWhatIf());
    expect(m['overrides']).toEqual({ 'parameters.leader_hazard': 0.2 });
    expect(Object.keys(m)).toEqual([...KEYS, 'overrides']);
  }, 120_000);

  it('sweep: a --set of the value the scenario already has is left out; without any change the manifest has no overrides', async () => {
    const out = join(folder(), 'same');
    // An experiment whose own `set:` changes a field: a --set back to the file's own value changes the scenario
    // the experiment runs (recorded); a --set of the experiment's value changes nothing (left out).
    writeFileSync(
      join(folder(), 'exp.yaml'),
      [
        'name: what-if-sweep',
        'description: what-if tests',
        `base: ${JSON.stringify(join(ROOT, 'tests', 'experiment', 'fixtures', 'pilot.yaml'))}`,
        'replications: 2',
        'outcomes: [live_share]',
        'set: { parameters.leader_hazard: 0.3 }',
        'design:',
        '  method: grid',
        '  factors:',
        '    - { name: parameters.takeover_vendor, values: [0, 1] }',
        '',
      ].join('\n'),
    );
    const exp = join(folder(), 'exp.yaml');
    await ok(['sweep', exp, '--set', 'parameters.leader_hazard=0.3', ...COMMON, '--out', out]);
    expect(Object.keys(manifest(resultFolder(out, 'what-if-sweep')))).toEqual(KEYS);
    const plain = join(folder(), 'plain');
    await ok(['sweep', exp, ...COMMON, '--out', plain]);
    expect(stable(resultFolder(plain, 'what-if-sweep'))).toBe(stable(resultFolder(out, 'what-if-sweep')));
    const back = join(folder(), 'back');
    await ok(['sweep', exp, '--set', 'parameters.leader_hazard=0', '--set', 'parameters.reflexivity=0.5', ...COMMON, '--out', back]);
    expect(manifest(resultFolder(back, 'what-if-sweep'))['overrides']).toEqual({ 'parameters.leader_hazard': 0, 'parameters.reflexivity': 0.5 });
  }, 120_000);

  it("the merge of a sweep's shards keeps them: the unsharded sweep's manifest but for command and timings", async () => {
    const base = SWEEP_WHAT_IF;
    const whole = await sweepWhatIf();
    const parts = join(folder(), 'parts');
    for (const i of [0, 1]) await ok([...base, '--shard', `${i}/2`, '--out', parts]);
    expect(runFolders(parts, 'test-sweep').filter((d) => /\.shard-\d-of-2$/.test(d))).toHaveLength(2);
    await ok([...base, '--merge', '--out', parts]);
    const merged = resultFolder(parts, 'test-sweep');
    expect(manifest(merged)['overrides']).toEqual({ 'parameters.leader_hazard': 0.2 });
    expect(stable(merged)).toBe(stable(whole));
  }, 180_000);

  it('sensitivity: recorded the same way, and the reports say first that the figures are of the changed scenario (English and Indonesian)', async () => {
    const out = join(folder(), 'morris');
    await ok(['sensitivity', MORRIS, '-r', '2', '--set', 'parameters.leader_hazard=0.2', '--no-png', '--quiet', '--workers', '1', '--out', out]);
    const dir = resultFolder(out, 'test-morris');
    const m = manifest(dir);
    expect(m['overrides']).toEqual({ 'parameters.leader_hazard': 0.2 });
    expect(Object.keys(m)).toEqual([...KEYS, 'overrides']);
    await ok(['report', dir, '--lang', 'id', '--no-png']);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/## Summary\n\nA what-if: the scenario was run with the following changes \(the file itself is not changed\): ` parameters\.leader_hazard = 0\.2 `\. Every figure below is of the scenario with these changes/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<p>A what-if: the scenario was run with the following changes (the file itself is not changed): <code>parameters.leader_hazard = 0.2</code>.');
    expect(readFileSync(join(dir, 'report.id.md'), 'utf8')).toContain('Simulasi pengandaian: skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah): ` parameters.leader_hazard = 0,2 `.');
  }, 180_000);
});
