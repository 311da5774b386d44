/**
 * `difusi compare base.yaml variant.yaml --set X` where the variant file
 * differs from the base on X: the `--set` gave both arms the same value
 * there, erasing the difference the comparison is about, and the comparison
 * ran without a word (exit 0, a table of near-zero differences). Refused in
 * one line naming the path and the arm, exit code 2, nothing written, as a
 * `--set` on what a variant's own `set:` writes already was; also for a
 * variant given by `file:` in an experiment. A `--set` on a field where the
 * files agree still runs, and so does one where only one file writes out
 * the default (controls).
 *
 * The experiment's own top-level `set:` gives every arm the same value too:
 * on the field a variant file changes it erased that change without a word
 * (exit 0, differences of exactly 0); refused at its line in one line, as the
 * `--set` is, unless the variant's own `set` writes the field (its value wins
 * in its arm). A field that changes no result is not compared, also inside a
 * list element: a `--set` of an innovation's or a budget shock's readable
 * `name` (or a whole element whose only difference is its name) runs; it was
 * refused as if the name were a what-if.
 *
 * The command lines run in the test's own process (runInProcess, on the
 * built code a process runs), since only what they print, their exit codes
 * and what they write are checked.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-set-variant-file-');
let dir = '';
let variant = '';
let shown = '';
let experiment = '';
let sameDefault = '';
let renamed = '';
beforeAll(() => {
  dir = folder();
  const base = readFileSync(SMALL_CITY, 'utf8');
  // The variant: a longer vendor pilot, and a take-over rule the base leaves at its default (0.35).
  const text = base.replace('name: small-city', 'name: long-pilot').replace('pilot_months: 12', 'pilot_months: 24');
  variant = join(dir, 'long-pilot.yaml');
  writeFileSync(variant, text.replace('parameters:\n', 'parameters:\n  takeover_vendor: 0.9\n'));
  // Named as compare names it: relative to the working folder (the repository) when inside it.
  const rel = relative(process.cwd(), variant);
  shown = rel.startsWith('..') ? variant : rel;
  experiment = join(dir, 'experiment.yaml');
  writeFileSync(experiment, `name: files\nbase: ${SMALL_CITY}\nreplications: 1\nvariants: [{ name: long, file: long-pilot.yaml }]\n`);
  // Writes out a default the base leaves implicit: no difference.
  sameDefault = join(dir, 'same-default.yaml');
  writeFileSync(sameDefault, base.replace('name: small-city', 'name: same-default').replace('parameters:\n', 'parameters:\n  takeover_vendor: 0.35\n'));
  // A variant that differs from the base in readable names only (an innovation's, a budget shock's) and one pilot length.
  renamed = join(dir, 'renamed.yaml');
  const named = base
    .replace('name: small-city', 'name: renamed')
    .replace('  - id: smart-app\n', '  - id: smart-app\n    name: Smart App\n    name_id: Aplikasi Pintar\n')
    .replace('name: refocusing }', 'name: budget refocusing }')
    .replace('pilot_months: 12', 'pilot_months: 24');
  expect(named).toContain('name_id: Aplikasi Pintar');
  expect(named).toContain('name: budget refocusing }');
  writeFileSync(renamed, named);
});

const refusal = (path: string, field: string, own: string, arm: string, base: string) => `✗ command line: ${MESSAGES.command_set_variant_file(path, field, own, arm, shown, base)}`;

describe('a --set on a field where a variant file differs from the base is refused', () => {
  it('compare base variant --set on the field the variant changes (by id): one line naming the path and the arm, nothing written', async () => {
    const out = join(dir, 'out-id');
    const r = await runInProcess(['compare', SMALL_CITY, variant, '--set', 'innovations[id=smart-app].pilot_months=18', '-r', '1', '-q', '--no-charts', '--out', out]);
    const line = refusedInOneLine(r);
    expect(line).toBe(refusal('innovations[id=smart-app].pilot_months', 'innovations[1].pilot_months', '24', 'long-pilot', '12'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a parameter the base leaves at its default: the default is the base\'s value', async () => {
    const out = join(dir, 'out-parameter');
    const r = await runInProcess(['compare', SMALL_CITY, variant, '--set', 'parameters.takeover_vendor=0.5', '-r', '1', '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(refusal('parameters.takeover_vendor', 'parameters.takeover_vendor', '0.9', 'long-pilot', '0.35'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a whole mapping that holds the difference (all the parameters)', async () => {
    const r = await runInProcess(['compare', SMALL_CITY, variant, '--set', 'parameters={leader_hazard: 0.1}', '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out-whole')]);
    expect(refusedInOneLine(r)).toMatch(/^✗ command line: --set parameters would erase a difference the comparison is about: parameters is \{.* in the variant "long-pilot"/);
  }, 60_000);

  it('a variant given by file: in an experiment', async () => {
    const out = join(dir, 'out-experiment');
    const r = await runInProcess(['compare', experiment, '--set', 'innovations[1].pilot_months=18', '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(refusal('innovations[1].pilot_months', 'innovations[1].pilot_months', '24', 'long', '12'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('controls: a --set where the files agree runs', () => {
  it('a field both files have alike', async () => {
    const r = await runInProcess(['compare', SMALL_CITY, variant, '--set', 'parameters.champion_probability=0.2', '-r', '1', '-w', '1', '-q', '--no-charts', '--out', join(dir, 'out-alike')]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it('a field that changes no result (the name, which a variant file\'s always differs in; the description) runs; a result field of the same files is still refused', async () => {
    const described = join(dir, 'described.yaml');
    writeFileSync(described, readFileSync(variant, 'utf8').replace(/^description: .*$/m, 'description: a longer pilot\ndescription_id: pilot lebih lama'));
    // The three in one command line: each --set is checked on its own (checkSetsAgainstVariantFiles), so any one of
    // them refused would refuse the run; one comparison run instead of three.
    const sets = ['name=foo', 'description=the same words', 'description_id=kata yang sama'];
    const all = await runInProcess(['compare', SMALL_CITY, described, ...sets.flatMap((set) => ['--set', set]), '-r', '1', '-w', '1', '-q', '--no-charts', '--out', join(dir, 'out-no-result')]);
    expect(all.code, `${sets.join(' ')}: ${all.stderr}`).toBe(0);
    const r = await runInProcess(['compare', SMALL_CITY, described, '--set', 'name=foo', '--set', 'parameters.takeover_vendor=0.5', '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out-name-and-result')]);
    expect(refusedInOneLine(r)).toMatch(/^✗ command line: --set parameters\.takeover_vendor would erase a difference the comparison is about: /);
  }, 120_000);

  it('a default written out in the variant alone is no difference', async () => {
    const r = await runInProcess(['compare', SMALL_CITY, sameDefault, '--set', 'parameters.takeover_vendor=0.5', '-r', '1', '-w', '1', '-q', '--no-charts', '--out', join(dir, 'out-default')]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);
});

describe("the experiment's own set: on a field where a variant file differs from the base it is refused at its line", () => {
  const experimentWith = (file: string, text: string): string => {
    const path = join(dir, file);
    writeFileSync(path, `name: files\nbase: ${SMALL_CITY}\nreplications: 1\n${text}`);
    return path;
  };

  it('set: on the field the variant file changes: one line at the set line, naming the path and the arm, exit 2, nothing written', async () => {
    const file = experimentWith('set-erases.yaml', 'set:\n  innovations[id=smart-app].pilot_months: 18\nvariants: [{ name: long, file: long-pilot.yaml }]\n');
    const out = join(dir, 'out-set-erases');
    const r = await runInProcess(['compare', file, '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(
      `✗ ${file}:5:3 ${MESSAGES.experiment_set_variant_file('innovations[id=smart-app].pilot_months', 'innovations[1].pilot_months', '24', 'long', shown, '12')} → at set["innovations[id=smart-app].pilot_months"]`,
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('set: on a parameter the base leaves at its default, and on the whole list element holding the difference', async () => {
    const parameter = experimentWith('set-parameter.yaml', 'set: { parameters.takeover_vendor: 0.5 }\nvariants: [{ name: long, file: long-pilot.yaml }]\n');
    const r = await runInProcess(['compare', parameter, '-q', '--no-charts', '--out', join(dir, 'out-set-parameter')]);
    expect(refusedInOneLine(r)).toContain(MESSAGES.experiment_set_variant_file('parameters.takeover_vendor', 'parameters.takeover_vendor', '0.9', 'long', shown, '0.35'));
    const whole = experimentWith('set-parameters.yaml', 'set: { parameters: { leader_hazard: 0.1 } }\nvariants: [{ name: long, file: long-pilot.yaml }]\n');
    const w = await runInProcess(['compare', whole, '-q', '--no-charts', '--out', join(dir, 'out-set-parameters')]);
    expect(refusedInOneLine(w)).toMatch(/^✗ .*set-parameters\.yaml:4:\d+ The experiment's set "parameters" would erase a difference the comparison is about: parameters is \{/);
  }, 60_000);

  it("controls: the variant's own set on the field (its value wins in its arm), and a set where the files agree, run", async () => {
    const own = experimentWith('set-own.yaml', 'set:\n  innovations[id=smart-app].pilot_months: 18\nvariants: [{ name: long, file: long-pilot.yaml, set: { "innovations[id=smart-app].pilot_months": 30 } }]\n');
    const r = await runInProcess(['compare', own, '-w', '1', '-q', '--no-charts', '--out', join(dir, 'out-set-own')]);
    expect(r.code, r.stderr).toBe(0);
    const agree = experimentWith('set-agree.yaml', 'set: { parameters.champion_probability: 0.2, name: other }\nvariants: [{ name: long, file: long-pilot.yaml }]\n');
    const a = await runInProcess(['compare', agree, '-w', '1', '-q', '--no-charts', '--out', join(dir, 'out-set-agree')]);
    expect(a.code, a.stderr).toBe(0);
  }, 120_000);
});

describe("a list element's readable name changes no result: a --set on it is not compared", () => {
  it("--set of an innovation's name or name_id, a budget shock's name, or a whole element whose only difference is its name runs", async () => {
    // The names in one command line (each --set is checked on its own, so any one refused would refuse the run); the
    // whole budget shock in a second one, as a --set on a whole element beside one on a field inside it is refused.
    for (const sets of [['innovations[id=smart-app].name=Aplikasi', 'innovations[id=smart-app].name_id=Aplikasi', 'budget_shocks[0].name=refocusing'], ['budget_shocks[0]={from: 2020-04, to: 2020-12, factor: 0.6}']]) {
      const r = await runInProcess(['compare', SMALL_CITY, renamed, ...sets.flatMap((set) => ['--set', set]), '-r', '1', '-w', '1', '-q', '--no-charts', '--out', join(dir, `out-renamed-${sets.length}`)]);
      expect(r.code, `${sets.join(' ')}: ${r.stderr}`).toBe(0);
    }
  }, 120_000);

  it('a whole element whose result fields differ is still refused (the pilot length beside the name)', async () => {
    const r = await runInProcess(['compare', SMALL_CITY, renamed, '--set', 'innovations[id=smart-app]={id: smart-app, owner: vendor, funding: pilot, pilot_months: 12, relative_advantage: 0.7, compatibility: 0.4, complexity: 0.6, trialability: 0.8, observability: 0.7, launch: 2018-03}', '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out-renamed-whole')]);
    expect(refusedInOneLine(r)).toMatch(/^✗ command line: --set innovations\[id=smart-app\] would erase a difference the comparison is about: innovations\[1\] is \{.*"name":"Smart App".* in the variant "renamed"/);
  }, 60_000);
});
