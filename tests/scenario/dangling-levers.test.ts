/**
 * A lever whose path names a list entry the scenario does not have (the
 * acting mayor deleted from a copy of Bekasi, or `budget_shocks: []`) is a
 * warning, not an error, whether the entry was removed in the file or by
 * `--set`; the explorer leaves that lever out. A lever malformed in itself
 * stays an error.
 *
 * The command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads its code and output only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { validateFile } from '../../src/cli/validate.js';
import { checkLevers, leverWarnings, resolveLevers } from '../../src/scenario/levers.js';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { CLI, ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const TEXT = readFileSync(BEKASI, 'utf8');
const ACTING = /^ {2}- \{ id: acting-mayor-tri-adhianto,.*\n/m;
const NO_ARREST = TEXT.replace(ACTING, '');
const NO_SHOCK = TEXT.replace(/^budget_shocks:\n(?: {2}.*\n)+/m, 'budget_shocks: []\n');
const WARN_LEADER = [
  'levers[2] (path leaders[id=acting-mayor-tri-adhianto].from) names no value of this scenario: the explorer leaves it out (levers are controls of the explorer; no result changes)',
  'levers[3] (path leaders[id=acting-mayor-tri-adhianto].commitment) names no value of this scenario: the explorer leaves it out (levers are controls of the explorer; no result changes)',
];
const WARN_SHOCK = 'levers[4] (path budget_shocks[0].factor) names no value of this scenario: the explorer leaves it out (levers are controls of the explorer; no result changes)';

const folder = testFolder('difusi-dangling-');

/** validateFile in process: what it writes to stdout and stderr (it throws a UserError on a refusal). */
async function validate(file: string, overrides: Record<string, unknown> = {}): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    await validateFile(file, overrides);
  } finally {
    vi.restoreAllMocks();
  }
  return { stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('the edits of the Bekasi Info page', () => {
  test('the edited texts really remove the entries the levers name', () => {
    expect(NO_ARREST).not.toContain('id: acting-mayor-tri-adhianto');
    expect(NO_ARREST).toContain('path: leaders[id=acting-mayor-tri-adhianto].from');
    expect(NO_SHOCK).toContain('budget_shocks: []\n');
    expect(NO_SHOCK).toContain('path: budget_shocks[0].factor');
  });

  test('a copy without the acting mayor parses (was: lever_path_missing at levers[2].path) and warns for levers 2 and 3', () => {
    const r = parseScenarioText(NO_ARREST, 'no-arrest.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    expect(checkLevers(r.scenario)).toEqual([]);
    expect(leverWarnings(r.scenario)).toEqual(WARN_LEADER);
  });

  test('a copy with budget_shocks: [] parses and warns for lever 4', () => {
    const r = parseScenarioText(NO_SHOCK, 'no-shock.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    expect(leverWarnings(r.scenario)).toEqual([WARN_SHOCK]);
  });

  test('the file route and the --set route give the same scenario and the same warnings', () => {
    const file = parseScenarioText(NO_ARREST, 'b.yaml');
    const base = parseScenarioText(TEXT, 'b.yaml');
    if (!file.ok || !base.ok) throw new Error('invalid');
    const set = validateWithOverrides(base.input, { 'leaders[id=acting-mayor-tri-adhianto]': null }, 'b.yaml');
    if (!set.ok) throw new Error('invalid');
    expect(leverWarnings(set.scenario)).toEqual(leverWarnings(file.scenario));
    expect(set.scenario).toEqual(file.scenario);
  });

  test('the shipped file warns of nothing', () => {
    const r = parseScenarioText(TEXT, 'b.yaml');
    if (!r.ok) throw new Error('invalid');
    expect(leverWarnings(r.scenario)).toEqual([]);
  });
});

describe('difusi validate', () => {
  test('file route: ✓ on stdout, one ⚠ line per dangling lever on stderr, no error', async () => {
    const file = join(folder(), 'bekasi-no-arrest.yaml');
    writeFileSync(file, NO_ARREST);
    const { stdout, stderr } = await validate(file);
    expect(stdout).toMatch(/^✓ /);
    expect(stderr.split('\n').filter((l) => l.includes('levers['))).toEqual(WARN_LEADER.map((w) => `⚠ ${file}: ${w}`));
  });

  test('--set route: the same warnings', async () => {
    const { stdout, stderr } = await validate(BEKASI, { 'budget_shocks': [] });
    expect(stdout).toMatch(/^✓ .* with budget_shocks overridden\n$/);
    // Only the --set gives it: named by the --set, not by the file (store/scenario-file.ts commandLineWarningPlace).
    expect(stderr.split("\n").filter((l) => l.includes("levers["))).toEqual([`⚠ command line --set budget_shocks: ${WARN_SHOCK}`]);
  });

  test('the command exits 0 for the edited copy', async () => {
    expect(existsSync(CLI)).toBe(true);
    const file = join(folder(), 'bekasi-no-shock.yaml');
    writeFileSync(file, NO_SHOCK);
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ /);
    expect(r.stderr).toContain(`⚠ ${file}: ${WARN_SHOCK}\n`);
  }, 60_000);
});

describe('the explorer leaves a dangling lever out', () => {
  test('resolveLevers keeps the levers that name a value, each with its value, and no other', () => {
    const r = parseScenarioText(NO_ARREST, 'b.yaml');
    if (!r.ok) throw new Error('invalid');
    const levers = resolveLevers(r.scenario);
    expect(levers.map((l) => l.path)).toEqual(
      r.scenario.levers!.map((l) => l.path).filter((p) => !p.startsWith('leaders[id=acting-mayor-tri-adhianto]')),
    );
    for (const l of levers) expect(l.value === null || ['number', 'boolean', 'string'].includes(typeof l.value)).toBe(true);
    for (const l of levers.filter((x) => x.kind === 'slider')) expect(l.min).toBeLessThan(l.max);
  });
});

describe('levers malformed in themselves are still errors', () => {
  const base = TEXT.replace(/levers:[\s\S]*$/, '');
  test.each([
    ['{ path: "regulations[", label: x, kind: switch }', 'override_syntax', 'path'],
    ['{ path: parameters.takeover_vendor, label: x, kind: slider, min: 0.5, max: 0.2 }', 'lever_range', 'max'],
    ['{ path: parameters.no_such_parameter, label: x, kind: slider }', 'lever_path_missing', 'path'],
    ['{ path: "budget_shocks[0].facter", label: x, kind: slider }', 'lever_path_missing', 'path'],
    ['{ path: "leaders[id=mayor-rahmat-effendi].from", label: x, kind: slider }', 'lever_kind_mismatch', 'kind'],
    // Through a list entry the scenario does not have, the rest of the lever is checked against the schema.
    ['{ path: "leaders[id=no-such-leader].colour_of_hat", label: x, kind: slider }', 'lever_path_missing', 'path'],
    ['{ path: "leaders[id=no-such-leader].from", label: x, kind: slider }', 'lever_kind_mismatch', 'kind'],
    ['{ path: "leaders[id=no-such-leader].commitment", label: x, kind: slider, min: 0.9, max: 0.1 }', 'lever_range', 'max'],
    ['{ path: "leaders[id=no-such-leader].commitment", label: x, kind: slider, min: 0, max: 5 }', 'lever_outside_range', 'max'],
    ['{ path: "budget_shocks[7].factor", label: x, kind: switch }', 'lever_kind_mismatch', 'kind'],
  ])('%s: %s', (lever, code, field) => {
    const r = parseScenarioText(`${base}levers:\n  - ${lever}\n`, 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code, path: ['levers', 0, field] });
  });
});

describe('a lever through a missing entry that is well formed is only a warning', () => {
  const base = TEXT.replace(/levers:[\s\S]*$/, '');
  test.each([
    '{ path: "leaders[id=no-such-leader].commitment", label: x, kind: slider, min: 0, max: 1 }',
    '{ path: "leaders[id=no-such-leader].from", label: x, kind: month }',
    '{ path: "regulations[id=no-such-regulation].requires_budget_line", label: x, kind: switch }',
  ])('%s', (lever) => {
    const r = parseScenarioText(`${base}levers:\n  - ${lever}\n`, 'x.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    expect(leverWarnings(r.scenario)).toHaveLength(1);
  });
});
