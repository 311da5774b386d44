/**
 * Two settings of an experiment on one scenario field, by the same path or by
 * two paths to the same field (`innovations[0].pilot_months` and
 * `innovations[id=vendor-pilot].pilot_months`): one of them used to win
 * without a word. Refused in one line naming both places:
 *
 * - a command-line `--set` on a field a variant sets itself (compare): the
 *   command line replaced the variant's value and shrank or erased its what-if;
 * - two keys of one `set:` (the experiment's or a variant's): the last won,
 *   the manifest listed both;
 * - two design factors on one field: the first was overwritten at every
 *   point (Morris reported it as exactly no effect);
 * - a design factor on a field that the experiment's `set:` or `--set`
 *   writes: the factor's values replaced it, the report showed the unused value;
 * - a factor name or a `set:` key padded with spaces: it ran as the trimmed
 *   path while the checks and sweep.csv saw the padded one.
 *
 * Paths are compared by the field they resolve to in the arm's file, so a
 * selector is the element it selects, not text.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExperimentText } from '../../src/experiment/spec.js';
import { experimentArms, loadArm, readExperimentFile } from '../../src/store/experiment-file.js';
import { executeCompare } from '../../src/jobs/compare.js';
import { sweepJob } from '../../src/jobs/sweep.js';
import { MESSAGES } from '../../src/messages/catalog.js';
import { fixture, tempRoot, userError, userErrorAsync } from './helpers.js';

const tmp = tempRoot('same-field');
afterAll(tmp.cleanup);

/** An experiment on the fixtures' pilot.yaml (lines 1-2: name, base; the body starts at line 3). */
function experiment(name: string, body: string): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, `name: ${name.replace(/\.yaml$/, '')}\nbase: ${fixture('pilot.yaml')}\n${body}`);
  return file;
}

/** The refusal of a comparison, run as `difusi compare` runs it: one issue, and no output folder. */
async function compareRefusal(file: string, set?: Record<string, unknown>) {
  const outRoot = join(tmp.dir, `out-${Math.random().toString(36).slice(2)}`);
  const error = await userErrorAsync(executeCompare({ experiment: file, ...(set && { set }), replications: 2, outRoot, workers: 1, detail: 0, command: 'test' }));
  expect(existsSync(outRoot)).toBe(false);
  expect(error.issues).toHaveLength(1);
  return error.issues[0]!;
}

const VARIANT = 'variants:\n  - name: short-pilot\n    set:\n      innovations[0].pilot_months: 6\n      parameters.takeover_vendor: 1\n';

describe("compare: a command-line --set on a variant's own field", () => {
  it('is refused naming the --set path and the variant line, for the same path and for another path to the same field', async () => {
    const file = experiment('cli-variant.yaml', VARIANT);
    for (const [path, value] of [
      ['parameters.takeover_vendor', 0.5],
      ['innovations[0].pilot_months', 12],
      ['innovations[id=vendor-pilot].pilot_months', 12],
    ] as const) {
      const own = path === 'parameters.takeover_vendor' ? 'parameters.takeover_vendor' : 'innovations[0].pilot_months';
      const line = own === 'parameters.takeover_vendor' ? 7 : 6;
      const issue = await compareRefusal(file, { [path]: value });
      expect(issue).toMatchObject({ code: 'command_set_variant', file: 'command line' });
      expect(issue.message).toBe(MESSAGES.command_set_variant(path, 'short-pilot', own, `${file}:${line}`));
    }
  });

  it('is refused for a whole element that holds the field, and for the removal of that element', async () => {
    const file = experiment('cli-element.yaml', 'variants:\n  - name: weak-mayor\n    set: { "leaders[1].commitment": 0.1 }\n');
    for (const set of [{ 'leaders[id=second-mayor]': { id: 'second-mayor', from: '2019-01', commitment: 0.5 } }, { 'leaders[1]': null }]) {
      const issue = await compareRefusal(file, set);
      expect(issue.code).toBe('command_set_variant');
      expect(issue.message).toBe(MESSAGES.command_set_variant(Object.keys(set)[0]!, 'weak-mayor', 'leaders[1].commitment', `${file}:5`));
    }
  });

  it("a --set on another field runs in every arm, and the experiment's set gives way to a variant's on the same field (control)", () => {
    const file = experiment(
      'cli-other.yaml',
      'set:\n  innovations[id=vendor-pilot].pilot_months: 36\n  innovations[1].compatibility: 0.7\n' + VARIANT,
    );
    const exp = readExperimentFile(file);
    const { arms } = experimentArms(exp, { set: { 'parameters.takeover_coordinator': 0.4, 'innovations[id=e-office].compatibility': 0.2 } });
    const [base, variant] = arms.map((arm) => loadArm(exp, arm).scenario);
    expect(base!.innovations[0]!.pilot_months).toBe(36);
    // The variant's own value wins over the experiment's set, by another path to the same field.
    expect(variant!.innovations[0]!.pilot_months).toBe(6);
    // --set over the experiment's set (another path to the same field): the command line wins in every arm.
    expect([base!.innovations[1]!.compatibility, variant!.innovations[1]!.compatibility]).toEqual([0.2, 0.2]);
    expect([base!.parameters.takeover_coordinator, variant!.parameters.takeover_coordinator]).toEqual([0.4, 0.4]);
  });
});

describe('two keys of one set on one field', () => {
  it("are refused at the second key's line, naming the first, in a variant's set and in the experiment's", async () => {
    const inVariant = experiment(
      'variant-alias.yaml',
      'variants:\n  - name: v\n    set:\n      innovations[0].pilot_months: 6\n      innovations[id=vendor-pilot].pilot_months: 30\n  - name: w\n    set: { "innovations[0].pilot_months": 30 }\n',
    );
    const a = await compareRefusal(inVariant);
    expect(a).toMatchObject({ code: 'experiment_same_field', file: inVariant, line: 7, path: ['variants', 0, 'set', 'innovations[id=vendor-pilot].pilot_months'] });
    expect(a.message).toBe(MESSAGES.experiment_same_field('override', 'innovations[id=vendor-pilot].pilot_months', 'innovations[0].pilot_months', `${inVariant}:6`));
    const inSet = experiment('set-alias.yaml', 'set:\n  leaders[id=second-mayor].commitment: 0.9\n  leaders[1].commitment: 0.1\n' + VARIANT);
    const b = await compareRefusal(inSet);
    expect(b).toMatchObject({ code: 'experiment_same_field', file: inSet, line: 5, path: ['set', 'leaders[1].commitment'] });
    expect(b.message).toBe(MESSAGES.experiment_same_field('override', 'leaders[1].commitment', 'leaders[id=second-mayor].commitment', `${inSet}:4`));
  });

  it('two keys on two elements, or a removal beside a field of another element, are no conflict (control)', () => {
    const file = experiment(
      'two-fields.yaml',
      'variants:\n  - name: v\n    set:\n      leaders[0].commitment: 0.9\n      leaders[id=second-mayor].commitment: 0.2\n  - name: w\n    set:\n      "leaders[id=first-mayor]": null\n      leaders[0].commitment: 0.3\n',
    );
    const exp = readExperimentFile(file);
    const { arms } = experimentArms(exp, {});
    expect(loadArm(exp, arms[1]!).scenario.leaders.map((l) => l.commitment)).toEqual([0.9, 0.2]);
    // Resolved in the file as written: leaders[0] is then the first mayor, removed; the key after it sets the second's.
    expect(loadArm(exp, arms[2]!).scenario.leaders.map((l) => [l.id, l.commitment])).toEqual([['second-mayor', 0.3]]);
  });
});

const sweepOf = (file: string, set?: Record<string, unknown>) => userError(() => sweepJob({ experiment: file, kind: 'sweep', ...(set && { set }) }));

describe('design factors', () => {
  it("two factors on one field are refused at the second factor's line, naming the first (grid and morris)", () => {
    for (const [method, range] of [
      ['grid', 'values: [12, 36]'],
      ['morris', 'min: 12, max: 36'],
    ] as const) {
      const file = experiment(
        `factor-alias-${method}.yaml`,
        `design:\n  method: ${method}\n  factors:\n    - { name: "innovations[0].pilot_months", ${range} }\n    - { name: parameters.takeover_vendor, ${method === 'grid' ? 'values: [0, 1]' : 'min: 0, max: 1'} }\n    - { name: "innovations[id=vendor-pilot].pilot_months", ${range} }\n`,
      );
      const error = userError(() => sweepJob({ experiment: file, kind: method === 'grid' ? 'sweep' : 'sensitivity' }));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ code: 'experiment_same_field', file, line: 8, path: ['design', 'factors', 2, 'name'] });
      expect(error.issues[0]!.message).toBe(
        MESSAGES.experiment_same_field('factor', 'innovations[id=vendor-pilot].pilot_months', 'innovations[0].pilot_months', `${file}:6`),
      );
    }
  });

  it("a factor on a field the experiment's set or a --set writes is refused at the factor's line, by any path", () => {
    const design = 'design:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 1] }\n    - { name: "leaders[1].commitment", values: [0.2, 0.8] }\n';
    const bySet = experiment('factor-set.yaml', `set:\n  leaders[id=second-mayor].commitment: 0.5\n${design}`);
    const a = sweepOf(bySet);
    expect(a.issues).toHaveLength(1);
    expect(a.issues[0]).toMatchObject({ code: 'experiment_factor_set', file: bySet, line: 9, path: ['design', 'factors', 1, 'name'] });
    expect(a.issues[0]!.message).toBe(MESSAGES.experiment_factor_set('leaders[1].commitment', `the experiment's set "leaders[id=second-mayor].commitment" (${bySet}:4)`));
    const plain = experiment('factor-cli.yaml', design);
    for (const path of ['parameters.takeover_vendor', 'leaders[id=second-mayor].commitment', 'leaders[1]']) {
      const b = sweepOf(plain, { [path]: path === 'leaders[1]' ? { id: 'm', from: '2019-01', commitment: 0.5 } : 0.5 });
      expect(b.issues).toHaveLength(1);
      const j = path === 'parameters.takeover_vendor' ? 0 : 1;
      expect(b.issues[0]).toMatchObject({ code: 'experiment_factor_set', file: plain, line: 6 + j, path: ['design', 'factors', j, 'name'] });
      expect(b.issues[0]!.message).toBe(MESSAGES.experiment_factor_set(j === 0 ? 'parameters.takeover_vendor' : 'leaders[1].commitment', `--set ${path}`));
    }
    // A set on another field is no conflict (control).
    expect(() => sweepJob({ experiment: plain, kind: 'sweep', set: { 'leaders[0].commitment': 0.5 } })).not.toThrow();
  });
});

describe('names padded with spaces', () => {
  it("a factor name is refused at its line, before the seed and duplicate checks (which saw the padded name)", () => {
    for (const [names, at, name] of [
      [[' parameters.takeover_vendor '], 0, ' parameters.takeover_vendor '],
      [[' seed'], 0, ' seed'],
      [['parameters.takeover_vendor', 'parameters.takeover_vendor '], 1, 'parameters.takeover_vendor '],
    ] as const) {
      const factors = names.map((n) => `    - { name: "${n}", values: [0, 1] }\n`).join('');
      const parsed = parseExperimentText(`name: x\nbase: b.yaml\ndesign:\n  method: grid\n  factors:\n${factors}`, 'x.yaml');
      expect(parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.line, i.path.join('.'), i.message])).toEqual([
        ['experiment_padded_name', 6 + at, `design.factors.${at}.name`, MESSAGES.experiment_padded_name('factor', name)],
      ]);
    }
  });

  it("a set key is refused at its line, in the experiment's set and in a variant's (one line, also for \" seed\")", () => {
    const a = parseExperimentText('name: x\nbase: b.yaml\nseed: 3\nset:\n  " seed": 5\n', 'x.yaml');
    expect(a.ok ? [] : a.issues.map((i) => [i.code, i.line, i.message])).toEqual([['experiment_padded_name', 5, MESSAGES.experiment_padded_name('override', ' seed')]]);
    const b = parseExperimentText('name: x\nbase: b.yaml\nvariants:\n  - name: v\n    set:\n      "parameters.takeover_vendor ": 1\n      " seed": 5\n', 'x.yaml');
    expect(b.ok ? [] : b.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ['experiment_padded_name', 6, MESSAGES.experiment_padded_name('override', 'parameters.takeover_vendor ')],
      ['experiment_padded_name', 7, MESSAGES.experiment_padded_name('override', ' seed')],
    ]);
  });
});
