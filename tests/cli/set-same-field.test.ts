/**
 * Two `--set`s that name one field of the scenario by different paths
 * (`innovations[0].relative_advantage` and
 * `innovations[id=e-office].relative_advantage` when the first innovation is
 * e-office) were not checked against each other: the last one silently won,
 * and the manifest listed both as applied. As the same path written twice
 * already was, they are refused in one line naming both, exit code 2, before
 * anything is written, by every command that takes `--set`. So is a `--set`
 * on a whole list element (or removing it) beside one on a field inside it,
 * in either order. Paths naming different fields still run (controls). The
 * command lines run in the test's own process (runInProcess, on the built
 * code a process runs), since only what they print, their exit codes and
 * what they write are checked.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { ROOT, SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const BY_INDEX = 'innovations[0].relative_advantage';
const BY_ID = 'innovations[id=e-office].relative_advantage';
const SAME = `✗ command line: ${MESSAGES.command_set_same_field(BY_ID, BY_INDEX, 'innovations[0].relative_advantage', undefined, false)}`;

const folder = cliTestFolder('difusi-set-same-field-');
let dir = '';
let experiment = '';
let design = '';
beforeAll(() => {
  dir = folder();
  experiment = join(dir, 'experiment.yaml');
  writeFileSync(experiment, `name: same-field\nbase: ${SMALL_CITY}\nreplications: 1\nvariants: [{ name: v, set: { parameters.champion_probability: 0.2 } }]\n`);
  design = join(dir, 'design.yaml');
  writeFileSync(
    design,
    `name: same-field-design\nbase: ${SMALL_CITY}\nreplications: 1\ndesign:\n  method: morris\n  trajectories: 2\n  factors:\n    - { name: parameters.champion_probability, min: 0.1, max: 0.3 }\n    - { name: parameters.takeover_vendor, min: 0.1, max: 0.3 }\n`,
  );
});

const sets = ['--set', `${BY_INDEX}=0.5`, '--set', `${BY_ID}=0.9`];

describe('two --set naming one field by different paths are refused in one line naming both', () => {
  it('run: exit code 2, nothing written', async () => {
    const out = join(dir, 'out-run');
    const r = await runInProcess(['run', SMALL_CITY, ...sets, '-r', '1', '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(SAME);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('validate', async () => {
    expect(refusedInOneLine(await runInProcess(['validate', SMALL_CITY, ...sets]))).toBe(SAME);
  }, 60_000);

  it.each([
    ['compare (base and variant files)', ['compare', SMALL_CITY, SMALL_CITY]],
    ['compare (an experiment)', ['compare', 'EXPERIMENT']],
    ['sweep', ['sweep', 'DESIGN']],
    ['sensitivity', ['sensitivity', 'DESIGN', '--method', 'morris']],
  ])('%s: exit code 2, nothing written', async (_, args) => {
    const out = join(dir, `out-${args[0]}-${args.length}`);
    const given = args.map((a) => (a === 'EXPERIMENT' ? experiment : a === 'DESIGN' ? design : a));
    const r = await runInProcess([...given, ...sets, '-q', '--no-charts', '-w', '1', '--out', out]);
    expect(refusedInOneLine(r)).toBe(SAME);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('national: exit code 2, nothing written', async () => {
    const out = join(dir, 'out-national');
    const r = await runInProcess(['national', NATIONAL, '-r', '1', '-q', '--no-charts', '--out', out, '--set', 'governments[1].fiscal_capacity=0.2', '--set', 'governments[id=kota-a].fiscal_capacity=0.4']);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.command_set_same_field('governments[id=kota-a].fiscal_capacity', 'governments[1].fiscal_capacity', 'governments[1].fiscal_capacity', undefined, false)}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('two removals of one element (leaders[0] and leaders[id=mayor-1]): the removal hint', async () => {
    const line = refusedInOneLine(await runInProcess(['validate', SMALL_CITY, '--set', 'leaders[0]=null', '--set', 'leaders[id=mayor-1]=null']));
    expect(line).toBe(`✗ command line: ${MESSAGES.command_set_same_field('leaders[id=mayor-1]', 'leaders[0]', 'leaders[0]', undefined, true)}`);
    expect(line).toContain('name each one, e.g. by its id');
  }, 60_000);
});

describe('a --set on a whole element and one on a field inside it are refused, in either order', () => {
  it('removing leaders[0], then setting leaders[0].commitment (which would set the next leader\'s)', async () => {
    const line = refusedInOneLine(await runInProcess(['validate', SMALL_CITY, '--set', 'leaders[0]=null', '--set', 'leaders[0].commitment=0.5']));
    expect(line).toBe(
      `✗ command line: ${MESSAGES.command_set_same_field('leaders[0].commitment', 'leaders[0]', 'leaders[0].commitment', { inner: 'leaders[0].commitment', outer: 'leaders[0]', outerField: 'leaders[0]', removes: true }, false)}`,
    );
    expect(line).toBe('✗ command line: --set leaders[0].commitment names a field inside leaders[0], which --set leaders[0] removes: the two would write over each other; give one of the two');
  }, 60_000);

  it('a field first, then its whole element by id (the field was lost without a word)', async () => {
    const line = refusedInOneLine(await runInProcess(['validate', SMALL_CITY, '--set', 'leaders[1].commitment=0.5', '--set', 'leaders[id=mayor-2]={id: mayor-2, from: 2020-07}']));
    expect(line).toBe(
      "✗ command line: --set leaders[1].commitment names a field inside leaders[1], which --set leaders[id=mayor-2] sets whole: the two would write over each other; give one of the two (write the field's value into the whole one)",
    );
  }, 60_000);
});

describe('a --set naming a list element by an index past one an earlier --set removes is refused (the removal moves the later elements up)', () => {
  const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');

  it('removing leaders[0], then leaders[1]: removed the file\'s leaders 0 and 2 without a word; one line naming both, with the id to use', async () => {
    const line = refusedInOneLine(await runInProcess(['validate', BEKASI, '--set', 'leaders[0]=null', '--set', 'leaders[1]=null']));
    expect(line).toBe(`✗ command line: ${MESSAGES.command_set_shifted_index('leaders[1]', 'leaders[0]=null', 'leaders', 'leaders[1]', 'leaders[id=acting-mayor-tri-adhianto]')}`);
  }, 60_000);

  it('removing leaders[id=mayor-1] (the first), then setting leaders[1].commitment: run, nothing written', async () => {
    const out = join(dir, 'out-shifted');
    const r = await runInProcess(['run', SMALL_CITY, '-r', '1', '-q', '--no-charts', '--out', out, '--set', 'leaders[id=mayor-1]=null', '--set', 'leaders[1].commitment=0.5']);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.command_set_shifted_index('leaders[1].commitment', 'leaders[id=mayor-1]=null', 'leaders', 'leaders[1]', 'leaders[id=mayor-2].commitment')}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('controls: an index before the removed one, a selector, and a path given before the removal run', async () => {
    for (const sets of [
      ['leaders[1]=null', 'leaders[0].commitment=0.5'],
      ['leaders[0]=null', 'leaders[id=mayor-2].commitment=0.5'],
      ['leaders[1].commitment=0.5', 'leaders[0]=null'],
    ]) {
      const r = await runInProcess(['validate', SMALL_CITY, ...sets.flatMap((s) => ['--set', s])]);
      expect(r.code, `${sets.join(' ')}: ${r.stderr}`).toBe(0);
    }
  }, 60_000);
});

describe('controls: --set on different fields still apply', () => {
  it('validate: two elements of one list, by index and by id', async () => {
    const r = await runInProcess(['validate', SMALL_CITY, '--set', `${BY_INDEX}=0.5`, '--set', 'innovations[id=smart-app].relative_advantage=0.9']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`with ${BY_INDEX}, innovations[id=smart-app].relative_advantage overridden`);
  }, 60_000);

  it('validate: a whole list, and a field elsewhere', async () => {
    const r = await runInProcess(['validate', SMALL_CITY, '--set', 'budget_shocks=[]', '--set', 'parameters.champion_probability=0.2']);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);
});
