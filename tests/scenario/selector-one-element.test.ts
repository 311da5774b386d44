/**
 * A `[field=value]` selector in an override path names one element. One
 * that matched several used to change the first alone, without a word, and
 * the manifest and report then recorded the what-if as if it had changed
 * them all (`governments[type=city].fiscal_capacity=0.1` changed one city
 * of 98). It is refused in one line naming the path, how many elements
 * match and the first few ids, wherever override paths are used: `--set`,
 * an experiment's and a variant's `set:`, a design factor (at its line),
 * an explorer lever (at its line) and the explorer's download. A selector
 * that matches exactly one element keeps working.
 *
 * The command lines run in the test's own process (runInProcess,
 * tests/support/in-process.ts): the tests read the refusal and that nothing
 * is written, which need no process of their own.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/messages/catalog.js';
import { applyOverrides, validateWithOverrides } from '../../src/scenario/overrides.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { readNationalFile } from '../../src/store/national-file.js';
import { settingYaml } from '../../src/explorer/setting.js';
import { experimentArms, loadArm, readExperimentFile } from '../../src/store/experiment-file.js';
import { sweepJob } from '../../src/jobs/sweep.js';
import { ROOT, assertBuilt, refusedInOneLine, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { userError } from '../support/errors.js';
import { tempRoot } from '../experiment/helpers.js';

const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const TEXT = readFileSync(BEKASI, 'utf8');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

const REGULATIONS = 'regulations[requires_budget_line=true].strength';
const REGULATIONS_LINE =
  `✗ override ${REGULATIONS}: The selector [requires_budget_line=true] matches 2 regulations (perda-02-2020, spbe-master-plan-2022); name one by its id, e.g. [id=perda-02-2020]`;

function bekasiInput(): unknown {
  const r = parseScenarioText(TEXT, BEKASI);
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.input;
}

const tmp = tempRoot('selector');
afterAll(tmp.cleanup);

describe('an override path whose selector matches several elements', () => {
  it('is refused in one line naming the path, the count and the first ids (was: the first regulation alone changed)', () => {
    const r = validateWithOverrides(bekasiInput(), { [REGULATIONS]: 0.9 }, BEKASI);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'override_ambiguous', file: `override ${REGULATIONS}`, path: [] });
    expect(formatIssues(r.issues)).toBe(REGULATIONS_LINE);
    expect(userError(() => applyOverrides(bekasiInput(), { [REGULATIONS]: 0.9 })).message).toBe(REGULATIONS_LINE);
  });

  it('names the first three of many, and the agencies of opds.list as opds', () => {
    const r = validateWithOverrides(bekasiInput(), { 'opds.list[type=kecamatan].capacity': 0.9 }, BEKASI);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatIssues(r.issues)).toBe(
      '✗ override opds.list[type=kecamatan].capacity: The selector [type=kecamatan] matches 12 opds (kec-bekasi-barat, kec-bekasi-timur, kec-bekasi-utara, …); name one by its id, e.g. [id=kec-bekasi-barat]',
    );
  });

  it('is refused for a removal too (null would have removed the first alone)', () => {
    const error = userError(() => applyOverrides(bekasiInput(), { 'regulations[requires_budget_line=true]': null }));
    expect(error.issues[0]!.code).toBe('override_ambiguous');
  });

  it('a selector matching exactly one element still works: the same scenario as its id', () => {
    const byField = validateWithOverrides(bekasiInput(), { 'leaders[from=2022-01].commitment': 0.3 }, BEKASI);
    const byId = validateWithOverrides(bekasiInput(), { 'leaders[id=acting-mayor-tri-adhianto].commitment': 0.3 }, BEKASI);
    expect(byField.ok && byId.ok).toBe(true);
    if (!byField.ok || !byId.ok) return;
    expect(byField.scenario).toEqual(byId.scenario);
    expect(byField.scenario.leaders.find((l) => l.id === 'acting-mayor-tri-adhianto')?.commitment).toBe(0.3);
  });

  it('on a national file: refused, labelled as the override', () => {
    const error = userError(() => readNationalFile(NATIONAL, { 'governments[type=city].fiscal_capacity': 0.1 }));
    expect(error.message).toBe(
      '✗ override governments[type=city].fiscal_capacity: The selector [type=city] matches 2 governments (kota-a, kota-c); name one by its id, e.g. [id=kota-a]',
    );
  });

  it('in the explorer\'s download (the setting written into the file): refused the same way', () => {
    expect(userError(() => settingYaml(TEXT, bekasiInput(), { [REGULATIONS]: 0.9 })).message).toBe(REGULATIONS_LINE);
  });

  it('a lever whose path matches several elements is an error at the lever\'s line', () => {
    const text = `${TEXT}  - { path: "${REGULATIONS}", label: Strength, kind: slider }\n`;
    const r = parseScenarioText(text, 'levers.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'override_ambiguous', file: 'levers.yaml', line: TEXT.split('\n').length, path: ['levers', 6, 'path'] });
    expect(r.issues[0]!.message).toBe('The selector [requires_budget_line=true] matches 2 regulations (perda-02-2020, spbe-master-plan-2022); name one by its id, e.g. [id=perda-02-2020]');
  });
});

describe('in an experiment file', () => {
  function experiment(name: string, body: string): string {
    const file = join(tmp.dir, name);
    writeFileSync(file, `name: ${name.replace(/\.yaml$/, '')}\nbase: ${BEKASI}\nreplications: 2\noutcomes: [live_share]\n${body}`);
    return file;
  }

  it('a design factor is refused at the factor\'s line', () => {
    const file = experiment('factor.yaml', `design:\n  method: grid\n  factors:\n    - { name: parameters.renew_anchored, values: [0.6, 1] }\n    - { name: "${REGULATIONS}", values: [0.5, 0.9] }\n`);
    const error = userError(() => sweepJob({ experiment: file, kind: 'sweep', outRoot: tmp.dir, workers: 1, command: 'test' }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'experiment_point_invalid', file, line: 9, path: ['design', 'factors', 1, 'name'] });
    expect(error.issues[0]!.message).toContain('the selector [requires_budget_line=true] matches 2 regulations (perda-02-2020, spbe-master-plan-2022)');
  });

  it.each([
    ['the experiment\'s set:', `set:\n  ${REGULATIONS}: 0.9\nvariants:\n  - name: v\n`, 6],
    ['a variant\'s set:', `variants:\n  - name: v\n    set:\n      ${REGULATIONS}: 0.9\n`, 8],
  ])('%s is refused at its line', (_, body, line) => {
    const file = experiment(`set-${line}.yaml`, body);
    const exp = readExperimentFile(file);
    const error = userError(() => experimentArms(exp, {}).arms.forEach((arm) => loadArm(exp, arm)));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'override_ambiguous', file, line });
  });
});

describe('on the command line', () => {
  beforeAll(() => assertBuilt());

  it('validate: exit code 2, the one line', async () => {
    const line = refusedInOneLine(await runInProcess(['validate', BEKASI, '--set', `${REGULATIONS}=0.9`]));
    expect(line).toBe(REGULATIONS_LINE);
  });

  it('national: exit code 2, the one line, nothing written', async () => {
    const out = join(tempDir('difusi-selector-'), 'out');
    const line = refusedInOneLine(await runInProcess(['national', NATIONAL, '-r', '2', '--out', out, '--quiet', '--set', 'governments[type=city].fiscal_capacity=0.1']));
    expect(line).toMatch(/^✗ override governments\[type=city\]\.fiscal_capacity: The selector \[type=city\] matches 2 governments \(kota-a, kota-c\)/);
    expect(existsSync(out)).toBe(false);
  });
});
