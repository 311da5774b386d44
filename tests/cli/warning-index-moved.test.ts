/**
 * A file's own warning about an element stays the file's when a --set moves
 * the element in its list. A warning names an element by index and id
 * (`national_regulations[1] "m-report"`); warnings were matched to their
 * cause by exact text, so that after `--set national_regulations[id=m-permit]=null`
 * removed the element before it the file's own warning, now at [0], was
 * said as "⚠ command line --set national_regulations[id=m-permit]: ..."
 * (validate, national --check, national-compare), and a city file's alike
 * (run, validate; a compare variant's or sweep's `set:` named at its
 * experiment line). The index before a quoted id no longer counts
 * (store/scenario-file.ts warningIdentity); the warning is said in the words
 * of the scenario that runs, its index as it is there. Another element's
 * warning of the same kind is still the --set's. national-compare says the
 * file's own warnings as its base arm runs them: one a --set removes the
 * cause of is not lost.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overrideGivingWarning, warningIdentity } from '../../src/store/scenario-file.js';
import { cliTestFolder, ROOT, SMALL_CITY } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-warning-index-');
const UNFUNDED = join(ROOT, 'tests', 'national', 'fixtures', 'unfunded-mandate.yaml');

/** `text` with each `[from, to]` replaced, each `from` found once. */
function edited(text: string, ...changes: [string, string][]): string {
  for (const [from, to] of changes) {
    expect(text.split(from), from).toHaveLength(2);
    text = text.replace(from, to);
  }
  return text;
}

function write(name: string, text: string): string {
  const file = join(folder(), name);
  writeFileSync(file, text);
  return file;
}

/** The national trial file with a funded mandate (on e-budget) before its unfunded one (on e-permit), which does nothing. */
const national = () =>
  write(
    'two-mandates.yaml',
    edited(readFileSync(UNFUNDED, 'utf8'), [
      'national_regulations:\n',
      'national_regulations:\n  - id: budget-mandate\n    name: Budget mandate\n    from: 2020-01\n    strength: 0.8\n    anchors: [e-budget]\n    money: true\n',
    ]),
  );

/** The small city with its third innovation (command-center, costly) seeded by nobody, its second (smart-app) sponsored by nobody. */
const city = () =>
  write(
    'costly.yaml',
    edited(readFileSync(SMALL_CITY, 'utf8'), ['  - innovation: command-center\n    opds: [kominfo, opd1, opd2]\n', ''], ['    sponsors: [smart-app]\n', '']),
  );

const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('⚠'));
const UNFUNDED_WARNING = '": money is false, and no government it reaches has national money for';
const COSTLY_WARNING = '"command-center" is costly but no eligible agency adopts it at launch';

describe("a file's own warning about an element a --set moves in its list names the file", () => {
  it('national file: validate and national --check', async () => {
    const file = national();
    const removal = ['--set', 'national_regulations[id=budget-mandate]=null'];
    for (const command of [['validate'], ['national', '--check']]) {
      const written = await runInProcess([...command, file]);
      expect(warnings(written.stderr).filter((l) => l.includes(UNFUNDED_WARNING))).toEqual([expect.stringMatching(/^⚠ \S+: national_regulations\[1\] "permit-mandate": money is false/)]);
      const r = await runInProcess([...command, file, ...removal]);
      expect(r.code, r.stderr).toBe(0);
      // Said in the words of the scenario that runs (the mandate is its first), named at the file.
      expect(warnings(r.stderr).filter((l) => l.includes(UNFUNDED_WARNING)), command.join(' ')).toEqual([`⚠ ${file}: national_regulations[0] "permit-mandate"${warnings(written.stderr).find((l) => l.includes(UNFUNDED_WARNING))!.split('"permit-mandate"')[1]}`]);
      // Another element's warning of the same kind is the --set's: the funded mandate made unfunded, at the index the other had.
      const other = await runInProcess([...command, file, '--set', 'national_regulations[id=budget-mandate].money=false']);
      expect(warnings(other.stderr).filter((l) => l.includes(UNFUNDED_WARNING)), command.join(' ')).toEqual([
        expect.stringMatching(/^⚠ command line --set national_regulations\[id=budget-mandate\]\.money: national_regulations\[0\] "budget-mandate": /),
        expect.stringMatching(new RegExp(`^⚠ ${escape(file)}: national_regulations\\[1\\] "permit-mandate": `)),
      ]);
    }
  }, 120_000);

  it("national-compare: the file's own warnings once, as the base arm runs them; one the --set removes the cause of is said too", async () => {
    const file = national();
    const out = join(folder(), 'out');
    const compare = (set: string) => runInProcess(['national-compare', file, '--set', set, '-r', '1', '--no-charts', '--quiet', '--out', out]);
    const moved = await compare('national_regulations[id=budget-mandate]=null');
    expect(moved.code, moved.stderr).toBe(0);
    expect(warnings(moved.stderr).filter((l) => l.includes(UNFUNDED_WARNING))).toEqual([expect.stringMatching(new RegExp(`^⚠ ${escape(file)}: national_regulations\\[1\\] "permit-mandate": `))]);
    // The variant removes the unfunded mandate: the base arm still runs it, and its warning is said.
    const removed = await compare('national_regulations[id=permit-mandate]=null');
    expect(removed.code, removed.stderr).toBe(0);
    expect(warnings(removed.stderr).filter((l) => l.includes(UNFUNDED_WARNING))).toEqual([expect.stringMatching(new RegExp(`^⚠ ${escape(file)}: national_regulations\\[1\\] "permit-mandate": `))]);
    // A warning only the variant gives still names its --set.
    const other = await compare('national_regulations[id=budget-mandate].money=false');
    expect(warnings(other.stderr).filter((l) => l.includes(UNFUNDED_WARNING))).toEqual([
      expect.stringMatching(new RegExp(`^⚠ ${escape(file)}: national_regulations\\[1\\] "permit-mandate": `)),
      expect.stringMatching(/^⚠ command line --set national_regulations\[id=budget-mandate\]\.money: national_regulations\[0\] "budget-mandate": /),
    ]);
  }, 180_000);

  it('city file: validate and run', async () => {
    const file = city();
    const out = join(folder(), 'city');
    for (const args of [
      ['validate', file, '--set', 'innovations[id=smart-app]=null'],
      ['run', file, '--set', 'innovations[id=smart-app]=null', '-r', '1', '--no-charts', '--quiet', '--out', out],
    ]) {
      const r = await runInProcess(args);
      expect(r.code, r.stderr).toBe(0);
      expect(warnings(r.stderr).filter((l) => l.includes(COSTLY_WARNING)), args[0]).toEqual([expect.stringMatching(new RegExp(`^⚠ ${escape(file)}: innovations\\[1\\] "command-center" is costly`))]);
    }
  }, 120_000);

  it("compare: a variant's set: that moves the element", async () => {
    const file = city();
    const out = join(folder(), 'exp');
    const compare = write(
      'compare.yaml',
      `name: moved\nbase: ${file}\nreplications: 1\noutcomes: [live_share]\nvariants:\n  - name: fewer\n    set:\n      innovations[id=smart-app]: null\n`,
    );
    const c = await runInProcess(['compare', compare, '--no-charts', '--quiet', '--out', out]);
    expect(c.code, c.stderr).toBe(0);
    // Said once, with the arm that first has it (the base), not again as the variant set:'s.
    expect(warnings(c.stderr).filter((l) => l.includes(COSTLY_WARNING))).toEqual([expect.stringMatching(new RegExp(`^⚠ ${escape(file)} \\(arm base\\): innovations\\[2\\] "command-center" is costly`))]);
  }, 180_000);

  it("sweep: the experiment's set: that moves the element", async () => {
    const file = city();
    const out = join(folder(), 'exp');
    const sweep = write(
      'sweep.yaml',
      `name: moved-sweep\nbase: ${file}\nreplications: 1\noutcomes: [live_share]\nset:\n  innovations[id=smart-app]: null\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.leader_hazard, values: [0.1, 0.2] }\n`,
    );
    const s = await runInProcess(['sweep', sweep, '--no-charts', '--quiet', '--out', out]);
    expect(s.code, s.stderr).toBe(0);
    expect(warnings(s.stderr).filter((l) => l.includes(COSTLY_WARNING))).toEqual([expect.stringMatching(new RegExp(`^⚠ ${escape(file)} \\(base of ${escape(sweep)}\\): innovations\\[1\\] "command-center" is costly`))]);
  }, 180_000);

  it('the rule: the index before a quoted id does not count, another id or an index alone does', () => {
    expect(warningIdentity('national_regulations[1] "a": x')).toBe(warningIdentity('national_regulations[0] "a": x'));
    expect(warningIdentity('national_regulations[1] "a": x')).not.toBe(warningIdentity('national_regulations[1] "b": x'));
    expect(warningIdentity('levers[1] (path p) names no value')).not.toBe(warningIdentity('levers[0] (path p) names no value'));
    // With two overrides: the one that alone gives the moved warning is named, not both.
    const by: Record<string, string[]> = { '': ['r[1] "a": w'], one: ['r[0] "a": w'], two: ['r[1] "a": v'] };
    const which = overrideGivingWarning(['one', 'two'], (o) => by[Object.keys(o).join()] ?? [], { one: null, two: 1 });
    expect(which('r[0] "a": w')).toBeUndefined();
    expect(which('r[0] "a": v')).toBe('two');
    expect(which('r[0] "b": w')).toBeNull();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
