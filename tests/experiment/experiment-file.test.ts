import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExperimentText } from '../../src/experiment/spec.js';
import { experimentArms, loadArm, readExperimentFile } from '../../src/store/experiment-file.js';
import { executeCompare } from '../../src/jobs/compare.js';
import { sweepJob } from '../../src/jobs/sweep.js';
import { formatIssues, MESSAGES, WARNINGS } from '../../src/messages/catalog.js';
import { fixture, tempRoot, userError, userErrorAsync } from './helpers.js';
import { ROOT } from '../support/cli.js';

const tmp = tempRoot('experiment-file');
afterAll(tmp.cleanup);

/** Writes an experiment file next to the fixtures' scenario (base: pilot.yaml via an absolute path). */
function experiment(name: string, body: string): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, `name: ${name.replace(/\.yaml$/, '')}\nbase: ${fixture('pilot.yaml')}\n${body}`);
  return file;
}

describe('experiment files', () => {
  it('report an unknown field with file, line and path, and a suggestion', () => {
    const file = experiment('unknown.yaml', 'replications: 5\nvariants:\n  - name: a\n    sett: { parameters.bass_p: 0.1 }\n');
    const error = userError(() => readExperimentFile(file));
    expect(error.issues).toHaveLength(1);
    const issue = error.issues[0]!;
    expect(issue).toMatchObject({ code: 'unknown_field', file, line: 6, column: 5, path: ['variants', 0, 'sett'] });
    expect(issue.message).toBe(MESSAGES.unknown_field('sett', 'set'));
  });

  it('report a wrong type and a bad design with their lines', () => {
    const file = experiment(
      'bad.yaml',
      ['replications: many', 'design:', '  method: lhs', '  factors:', '    - { name: parameters.bass_p, min: 0.5, max: 0.1 }', ''].join('\n'),
    );
    const text = formatIssues(userError(() => readExperimentFile(file)).issues);
    expect(text).toContain(`${file}:3:15 Wrong type → at replications (expected an integer in [1,100000], found "many")`);
    const parsed = parseExperimentText(
      `name: x\nbase: b.yaml\ndesign:\n  method: lhs\n  factors:\n    - { name: parameters.bass_p, min: 0.5, max: 0.1 }\n`,
      'x.yaml',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.code, i.line, i.path.join('.')])).toEqual([
      ['experiment_factor_range', 6, 'design.factors.0'],
      ['experiment_design_needs', 3, 'design'],
    ]);
  });

  it('report duplicate and reserved variant names and malformed override paths', () => {
    const parsed = parseExperimentText(
      'name: x\nbase: b.yaml\nvariants:\n  - name: base\n  - { name: a }\n  - name: a\n    set:\n      "parameters[": 1\n',
      'x.yaml',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.code, i.line, i.path.join('.')])).toEqual([
      ['experiment_reserved_name', 4, 'variants.0.name'],
      ['experiment_duplicate_name', 6, 'variants.2.name'],
      ['override_syntax', 8, 'variants.2.set.parameters['],
    ]);
  });

  it('refuse variant names that differ only in case (one folder where the file system ignores case), "Base" too; different names pass (control)', () => {
    const parsed = parseExperimentText('name: x\nbase: b.yaml\nvariants:\n  - { name: Cheap }\n  - { name: cheap }\n  - { name: Base }\n  - { name: other }\n', 'x.yaml');
    expect(parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.line, i.path.join('.'), i.message])).toEqual([
      ['experiment_case_only_name', 5, 'variants.1.name', MESSAGES.experiment_case_only_name('cheap', 'Cheap')],
      ['experiment_case_only_name', 6, 'variants.2.name', MESSAGES.experiment_case_only_name('Base', 'base')],
    ]);
    expect(MESSAGES.experiment_case_only_name('cheap', 'Cheap')).toBe(
      'The variant name "cheap" differs from "Cheap" only in case: their folders (arms/cheap, arms/Cheap) would be one on a file system that ignores case (macOS, Windows); rename one',
    );
    expect(parseExperimentText('name: x\nbase: b.yaml\nvariants:\n  - { name: cheap }\n  - { name: cheaper }\n', 'x.yaml').ok).toBe(true);
  });

  it('refuse a factor on seed or replications, which every design point takes from the experiment', () => {
    for (const name of ['seed', 'replications']) {
      const parsed = parseExperimentText(`name: x\nbase: b.yaml\ndesign:\n  method: grid\n  factors:\n    - { name: ${name}, values: [1, 2] }\n`, 'x.yaml');
      expect(parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.line, i.path.join('.'), i.message])).toEqual([
        ['experiment_factor_common', 6, 'design.factors.0.name', MESSAGES.experiment_factor_common(name)],
      ]);
    }
    // A scenario field of a similar name is a factor like any other (control).
    expect(parseExperimentText('name: x\nbase: b.yaml\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.x, values: [1, 2] }\n', 'x.yaml').ok).toBe(true);
  });

  it("refuse a variant's valid seed or replications, which the experiment's common ones override", () => {
    // Every arm runs under the experiment's seed and replications: `set: { seed: 5 }` in a variant was dropped without a word.
    for (const name of ['seed', 'replications']) {
      const parsed = parseExperimentText(`name: x\nbase: b.yaml\nvariants:\n  - name: v\n    set: { ${name}: 5 }\n`, 'x.yaml');
      expect(parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.line, i.column, i.path.join('.'), i.message])).toEqual([
        ['experiment_variant_common', 5, 12, `variants.0.set.${name}`, MESSAGES.experiment_variant_common(name)],
      ]);
    }
    // The experiment's own `set: { seed: 5 }` is its common seed, as `--set seed=5` is (control).
    expect(parseExperimentText('name: x\nbase: b.yaml\nset: { seed: 5 }\nvariants:\n  - name: v\n    set: { parameters.x: 1 }\n', 'x.yaml').ok).toBe(true);
  });

  it("refuse the experiment's set seed or replications beside its own top-level field, which wins", () => {
    // `seed: 11` and `set: { seed: 99 }`: every arm ran under 11 and 99 was dropped without a word.
    for (const name of ['seed', 'replications']) {
      const parsed = parseExperimentText(`name: x\nbase: b.yaml\n${name}: 11\nset:\n  ${name}: 99\n`, 'x.yaml');
      expect(parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.line, i.column, i.path.join('.'), i.message])).toEqual([
        ['experiment_set_shadowed', 5, 3, `set.${name}`, MESSAGES.experiment_set_shadowed(name)],
      ]);
      // Either alone is accepted (controls), and the other field beside it too.
      expect(parseExperimentText(`name: x\nbase: b.yaml\n${name}: 11\n`, 'x.yaml').ok).toBe(true);
      expect(parseExperimentText(`name: x\nbase: b.yaml\nset:\n  ${name}: 99\n`, 'x.yaml').ok).toBe(true);
      const other = name === 'seed' ? 'replications' : 'seed';
      expect(parseExperimentText(`name: x\nbase: b.yaml\n${other}: 11\nset:\n  ${name}: 99\n`, 'x.yaml').ok).toBe(true);
    }
  });

  it('refuse a grid value given twice, at the repeated item, or at levels that coincide', () => {
    const grid = (factors: string[]) => parseExperimentText(`name: x\nbase: b.yaml\ndesign:\n  method: grid\n  factors:\n${factors.map((f) => `    - ${f}\n`).join('')}`, 'x.yaml');
    const issues = (factors: string[]) => {
      const parsed = grid(factors);
      return parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.line, i.column, i.path.join('.'), i.message]);
    };
    const twice = (factor: string, value: string) => MESSAGES.experiment_duplicate_value(factor, value);
    // Line 6 is the factor's; the column is that of the repeated item ("    - " comes first).
    const column = (factor: string, item: string) => '    - '.length + factor.indexOf(item) + 1;
    const listed = '{ name: parameters.takeover_vendor, values: [0, 0.5, 0.5, 1] }';
    expect(issues([listed])).toEqual([
      ['experiment_duplicate_value', 6, column(listed, '0.5, 1'), 'design.factors.0.values.2', twice('parameters.takeover_vendor', '0.5')],
    ]);
    // Integer factors are rounded before they run: 12 and 12.4 are both 12.
    const rounded = '{ name: parameters.x, values: [12, 12.4], integer: true }';
    expect(issues([rounded])).toEqual([['experiment_duplicate_value', 6, column(rounded, '12.4'), 'design.factors.0.values.1', twice('parameters.x', '12')]]);
    expect(issues(['{ name: parameters.x, min: 0.3, max: 0.3, levels: 3 }'])[0]?.slice(0, 2)).toEqual(['experiment_duplicate_value', 6]);
    expect(issues(['{ name: parameters.x, min: 0.3, max: 0.3, levels: 3 }'])[0]?.[3]).toBe('design.factors.0.levels');
    // Distinct values, and another method's factors, are fine.
    expect(grid(['{ name: parameters.x, values: [0, 0.5, 1] }', '{ name: parameters.y, min: 0, max: 1, levels: 5 }']).ok).toBe(true);
    expect(parseExperimentText('name: x\nbase: b.yaml\ndesign:\n  method: lhs\n  points: 3\n  factors:\n    - { name: parameters.x, min: 0.3, max: 0.3 }\n', 'x.yaml').ok).toBe(true);
  });

  it("warn (once, at its line) of a Sobol' sample size that is not a power of two, and still build the design", () => {
    const design = (samples: string) =>
      `replications: 1\ndesign:\n  method: sobol\n${samples}  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n`;
    const warnings = (file: string) => {
      const said: string[] = [];
      const job = sweepJob({ experiment: file, kind: 'sensitivity', onWarning: (where, w) => said.push(`${where}: ${w}`) });
      return { said, points: job.plan.rows.length };
    };
    const odd = experiment('sobol-100.yaml', design('  samples: 100\n'));
    // Line 6: the two lines sweepJob's helper writes, then replications, design, method.
    expect(warnings(odd)).toEqual({
      said: [`${odd}:6: design.samples 100 is not a power of two: Sobol' points are evenly spread only at powers of two (64 or 128), so the indices converge more slowly`],
      points: 100 * 3,
    });
    expect(warnings(experiment('sobol-128.yaml', design('  samples: 128\n'))).said).toEqual([]);
    expect(warnings(experiment('sobol-default.yaml', design(''))).said).toEqual([]);
  });

  it('warn, once per setting at its line, of a design setting the method does not use, and still build the design', () => {
    const said: string[] = [];
    const warn = (where: string, w: string) => said.push(`${where}: ${w}`);
    const file = experiment(
      'morris-with-samples.yaml',
      [
        'replications: 1',
        'design:',
        '  method: morris',
        '  trajectories: 3',
        '  samples: 64',
        '  sequence: random',
        '  points: 7',
        '  factors:',
        '    - { name: parameters.takeover_vendor, min: 0, max: 1, levels: 5 }',
        '    - { name: parameters.pilot_discontinue, min: 0, max: 1 }',
        '',
      ].join('\n'),
    );
    const morris = sweepJob({ experiment: file, kind: 'sensitivity', onWarning: warn });
    expect(morris.plan.rows.length).toBe(3 * 3);
    const runs = { method: 'morris', trajectories: 3, points: 9, levels: 4 } as const;
    // Lines: two written by the helper, then replications (3), design, method, trajectories (6), samples (7)...
    // samples and sequence are Sobol's: difusi sensitivity can run the file as Sobol' (--method), so they are not unused there.
    expect(said).toEqual([
      `${file}:9: ${WARNINGS.design_setting_unused('design.points', 'morris', false, ['lhs'], runs)}`,
      `${file}:11: ${WARNINGS.design_setting_unused('design.factors[0].levels', 'morris', false, ['grid'], runs)}`,
    ]);
    expect(said[0]).toBe(
      `${file}:9: design.points is not used by method morris (it is for lhs) and changes nothing: morris runs trajectories (3) × (factors + 1) = 9 points, each factor on 4 levels of its [min, max] (design.levels)`,
    );
    // The same file run as Sobol' (--method): trajectories stays Morris's; points and the factor's levels are unused.
    said.length = 0;
    sweepJob({ experiment: file, kind: 'sensitivity', method: 'sobol', onWarning: warn });
    expect(said.map((s) => s.split(': ')[1]!.split(' is not used')[0])).toEqual(['design.points', 'design.factors[0].levels']);
    expect(said[0]).toContain('design.points is not used by method sobol (--method) (it is for lhs)');
    expect(said[0]).toContain('sobol runs samples (64) × (factors + 2) = 256 points');
    // difusi sweep runs the file's own method only: there samples and sequence change nothing.
    said.length = 0;
    sweepJob({ experiment: file, kind: 'sweep', onWarning: warn });
    expect(said.map((s) => s.split(': ')[1]!.split(' is not used')[0])).toEqual(['design.samples', 'design.sequence', 'design.points', 'design.factors[0].levels']);
    expect(said[0]).toBe(`${file}:7: ${WARNINGS.design_setting_unused('design.samples', 'morris', false, ['sobol'], runs)}`);
    // An lhs file run by difusi sensitivity with --method morris runs Morris: its points are unused.
    // (Without --method, difusi sensitivity refuses an lhs file: a sweep; see the test below.)
    said.length = 0;
    const lhs = experiment('lhs-points.yaml', 'replications: 1\ndesign:\n  method: lhs\n  points: 5\n  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n');
    sweepJob({ experiment: lhs, kind: 'sensitivity', method: 'morris', onWarning: warn });
    expect(said).toHaveLength(1);
    expect(said[0]!.slice(0, said[0]!.indexOf(' and changes nothing'))).toBe(`${lhs}:6: design.points is not used by method morris (--method) (it is for lhs)`);
    expect(sweepJob({ experiment: lhs, kind: 'sweep', onWarning: warn }).plan.rows).toHaveLength(5);
    expect(said).toHaveLength(1);
    // A bootstrap under grid: no measures to resample. A file using only its own method's settings: no warning.
    said.length = 0;
    const grid = experiment('grid-bootstrap.yaml', 'replications: 1\ndesign:\n  method: grid\n  bootstrap: 50\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 1] }\n');
    sweepJob({ experiment: grid, kind: 'sweep', onWarning: warn });
    expect(said).toEqual([`${grid}:6: ${WARNINGS.design_setting_unused('design.bootstrap', 'grid', false, ['morris', 'sobol'], { method: 'grid', resamples: false })}`]);
    expect(said[0]).toBe(`${grid}:6: design.bootstrap is not used by method grid (it is for morris and sobol) and changes nothing: grid computes no sensitivity measures, so nothing is resampled`);
    said.length = 0;
    const clean = experiment('morris-clean.yaml', 'replications: 1\ndesign:\n  method: morris\n  trajectories: 2\n  levels: 4\n  bootstrap: 10\n  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n');
    sweepJob({ experiment: clean, kind: 'sensitivity', onWarning: warn });
    expect(said).toEqual([]);
  });

  it('difusi sensitivity refuses a grid or lhs design (a sweep) at its design.method line, and a grid factor\'s values under --method, naming the way out', () => {
    // It used to run Morris over [min(values), max(values)] of each factor without a word, although a
    // factor's values under another method are refused (docs/EXPERIMENTS-USAGE.md, "Design").
    const grid = experiment('grid-values.yaml', 'replications: 1\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 0.15, 1] }\n');
    const refused = userError(() => sweepJob({ experiment: grid, kind: 'sensitivity' }));
    expect(refused.issues).toHaveLength(1);
    expect(refused.issues[0]).toMatchObject({ code: 'sensitivity_sweep_design', file: grid, line: 5, path: ['design', 'method'] });
    expect(refused.issues[0]!.message).toBe(
      'Design method "grid" is a sweep: difusi sensitivity analyses a morris or sobol design; run this file with difusi sweep, or write design.method: morris or sobol with min and max for every factor',
    );
    // An lhs design (every factor a range): --method is a way out too.
    const lhs = experiment('lhs-range.yaml', 'replications: 1\ndesign:\n  method: lhs\n  points: 4\n  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n');
    const lhsRefused = userError(() => sweepJob({ experiment: lhs, kind: 'sensitivity' }));
    expect(lhsRefused.issues[0]).toMatchObject({ code: 'sensitivity_sweep_design', line: 5, path: ['design', 'method'] });
    expect(lhsRefused.issues[0]!.message).toBe(MESSAGES.sensitivity_sweep_design('lhs', true));
    expect(lhsRefused.issues[0]!.message).toMatch(/\(or pass --method morris or --method sobol\)$/);
    expect(sweepJob({ experiment: lhs, kind: 'sensitivity', method: 'sobol' }).plan.method).toBe('sobol');
    // --method on the grid file: its values are a grid's, not a range; refused at the values line.
    for (const method of ['morris', 'sobol'] as const) {
      const values = userError(() => sweepJob({ experiment: grid, kind: 'sensitivity', method }));
      expect(values.issues[0]).toMatchObject({ code: 'sensitivity_method_values', line: 7, path: ['design', 'factors', 0, 'values'] });
      expect(values.issues[0]!.message).toBe(MESSAGES.sensitivity_method_values(method));
    }
    // difusi sweep runs both files as they are.
    expect(sweepJob({ experiment: grid, kind: 'sweep' }).plan.rows).toEqual([[0], [0.15], [1]]);
    expect(sweepJob({ experiment: lhs, kind: 'sweep' }).plan.rows).toHaveLength(4);
  });

  it('the shipped experiments warn of no design setting under the commands their docs give', () => {
    const said: string[] = [];
    const warn = (where: string, w: string) => {
      if (w.includes('is not used by method')) said.push(`${where}: ${w}`);
    };
    const shipped = (name: string) => join(ROOT, 'experiments', name);
    sweepJob({ experiment: shipped('bekasi-sensitivity.yaml'), kind: 'sensitivity', onWarning: warn });
    sweepJob({ experiment: shipped('bekasi-sensitivity.yaml'), kind: 'sensitivity', method: 'sobol', onWarning: warn });
    sweepJob({ experiment: shipped('bekasi-sweep.yaml'), kind: 'sweep', onWarning: warn });
    expect(said).toEqual([]);
    // The same sensitivity file given to difusi sweep (Morris only there): its samples is unused.
    sweepJob({ experiment: shipped('bekasi-sensitivity.yaml'), kind: 'sweep', onWarning: warn });
    expect(said.map((s) => s.split(': ')[1]!.split(' is not used')[0])).toEqual(['design.samples']);
  });

  it('report an override the scenario rejects at the line that wrote it', () => {
    const file = experiment('rejected.yaml', 'variants:\n  - name: too-high\n    set:\n      parameters.takeover_vendor: 2\n');
    const exp = readExperimentFile(file);
    const { arms } = experimentArms(exp, {});
    const error = userError(() => loadArm(exp, arms[1]!));
    expect(error.issues[0]).toMatchObject({ code: 'out_of_range', file, line: 6, path: ['parameters', 'takeover_vendor'] });
    expect(formatIssues(error.issues)).toContain(`${file}:6:7 Value out of range → at parameters.takeover_vendor`);
  });

  it('report a missing variant file at its line, before anything runs', async () => {
    const file = experiment('missing.yaml', 'variants:\n  - name: other\n    file: nowhere.yaml\n');
    const error = await userErrorAsync(executeCompare({ experiment: file, outRoot: tmp.dir, workers: 1, command: 'test' }));
    expect(error.issues[0]).toMatchObject({ code: 'file_not_found', file, line: 5, path: ['variants', 0, 'file'] });
  });

  it('report a design value the scenario rejects at the factor', () => {
    const file = experiment('point.yaml', 'design:\n  method: grid\n  factors:\n    - { name: parameters.pilot_discontinue, values: [0.5, 1.5] }\n');
    const error = userError(() => sweepJob({ experiment: file, kind: 'sweep', outRoot: tmp.dir, workers: 1, command: 'test' }));
    expect(error.issues[0]).toMatchObject({ code: 'experiment_point_invalid', file, line: 6, path: ['design', 'factors', 0, 'name'] });
    // One line with the scenario's reason (it was a second line labelled `override <path>`).
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.message).toBe(MESSAGES.experiment_point_invalid('parameters.pilot_discontinue', '1.5', 'value out of range'));
    expect(error.issues[0]).toMatchObject({ expected: 'a number in [0,1]', found: '1.5' });
    expect(error.message).not.toMatch(/override/);
  });

  it('report an unknown outcome with the choices', async () => {
    const file = experiment('outcome.yaml', 'outcomes: [sustained.nothing]\nvariants: [{ name: a }]\n');
    const error = await userErrorAsync(executeCompare({ experiment: file, outRoot: tmp.dir, workers: 1, command: 'test' }));
    expect(error.issues[0]!.code).toBe('unknown_outcome');
    expect(error.issues[0]!.expected).toContain('sustained.*');
  });

  it('give every arm the same seed and replications, after the variant overrides', () => {
    // (A variant's own seed is refused: "refuse a variant's valid seed or replications", above.)
    const file = experiment('arms.yaml', 'replications: 7\nseed: 5\nset: { parameters.bass_p: 0.05 }\nvariants:\n  - { name: a, set: { parameters.bass_p: 0.1 } }\n');
    const exp = readExperimentFile(file);
    const { arms, seed, replications } = experimentArms(exp, {});
    expect([seed, replications]).toEqual([5, 7]);
    const loaded = arms.map((arm) => loadArm(exp, arm).scenario);
    expect(loaded.map((s) => [s.seed, s.replications, s.parameters['bass_p']])).toEqual([
      [5, 7, 0.05],
      [5, 7, 0.1],
    ]);
  });
});
