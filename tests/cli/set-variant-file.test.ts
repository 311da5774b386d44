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
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { SMALL_CITY, cliTestFolder, refusedInOneLine, runBin } from '../support/cli.js';

const folder = cliTestFolder('difusi-set-variant-file-');
let dir = '';
let variant = '';
let shown = '';
let experiment = '';
let sameDefault = '';
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
});

const refusal = (path: string, field: string, own: string, arm: string, base: string) => `✗ command line: ${MESSAGES.command_set_variant_file(path, field, own, arm, shown, base)}`;

describe('a --set on a field where a variant file differs from the base is refused', () => {
  it('compare base variant --set on the field the variant changes (by id): one line naming the path and the arm, nothing written', async () => {
    const out = join(dir, 'out-id');
    const r = await runBin(['compare', SMALL_CITY, variant, '--set', 'innovations[id=smart-app].pilot_months=18', '-r', '1', '-q', '--no-charts', '--out', out]);
    const line = refusedInOneLine(r);
    expect(line).toBe(refusal('innovations[id=smart-app].pilot_months', 'innovations[1].pilot_months', '24', 'long-pilot', '12'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a parameter the base leaves at its default: the default is the base\'s value', async () => {
    const out = join(dir, 'out-parameter');
    const r = await runBin(['compare', SMALL_CITY, variant, '--set', 'parameters.takeover_vendor=0.5', '-r', '1', '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(refusal('parameters.takeover_vendor', 'parameters.takeover_vendor', '0.9', 'long-pilot', '0.35'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a whole mapping that holds the difference (all the parameters)', async () => {
    const r = await runBin(['compare', SMALL_CITY, variant, '--set', 'parameters={leader_hazard: 0.1}', '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out-whole')]);
    expect(refusedInOneLine(r)).toMatch(/^✗ command line: --set parameters would erase a difference the comparison is about: parameters is \{.* in the variant "long-pilot"/);
  }, 60_000);

  it('a variant given by file: in an experiment', async () => {
    const out = join(dir, 'out-experiment');
    const r = await runBin(['compare', experiment, '--set', 'innovations[1].pilot_months=18', '-q', '--no-charts', '--out', out]);
    expect(refusedInOneLine(r)).toBe(refusal('innovations[1].pilot_months', 'innovations[1].pilot_months', '24', 'long', '12'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('controls: a --set where the files agree runs', () => {
  it('a field both files have alike', async () => {
    const r = await runBin(['compare', SMALL_CITY, variant, '--set', 'parameters.champion_probability=0.2', '-r', '1', '-w', '1', '-q', '--no-charts', '--out', join(dir, 'out-alike')]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it('a field that changes no result (the name, which a variant file\'s always differs in; the description) runs; a result field of the same files is still refused', async () => {
    const described = join(dir, 'described.yaml');
    writeFileSync(described, readFileSync(variant, 'utf8').replace(/^description: .*$/m, 'description: a longer pilot\ndescription_id: pilot lebih lama'));
    for (const set of ['name=foo', 'description=the same words', 'description_id=kata yang sama']) {
      const r = await runBin(['compare', SMALL_CITY, described, '--set', set, '-r', '1', '-w', '1', '-q', '--no-charts', '--out', join(dir, `out-${set.split('=')[0]}`)]);
      expect(r.code, `${set}: ${r.stderr}`).toBe(0);
    }
    const r = await runBin(['compare', SMALL_CITY, described, '--set', 'name=foo', '--set', 'parameters.takeover_vendor=0.5', '-r', '1', '-q', '--no-charts', '--out', join(dir, 'out-name-and-result')]);
    expect(refusedInOneLine(r)).toMatch(/^✗ command line: --set parameters\.takeover_vendor would erase a difference the comparison is about: /);
  }, 120_000);

  it('a default written out in the variant alone is no difference', async () => {
    const r = await runBin(['compare', SMALL_CITY, sameDefault, '--set', 'parameters.takeover_vendor=0.5', '-r', '1', '-w', '1', '-q', '--no-charts', '--out', join(dir, 'out-default')]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);
});
