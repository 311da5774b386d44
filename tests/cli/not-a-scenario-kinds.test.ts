/**
 * The one "not a difusi scenario" line is for files that are no difusi file
 * at all, of every kind a command reads, and the problem lines of every kind
 * are in the order of their lines (README, where errors are described):
 * - a real scenario with a typo in every top-level key (a copy of a shipped
 *   one with its keys capitalised, every key misspelt, a JSON file with
 *   PascalCase keys) and an experiment file with `Base:` got that one line,
 *   losing the "Unknown field "Name" (did you mean "name"?)" lines that say
 *   how to fix it (`outcomes` was missing from a hand-written list);
 * - the line named only a city scenario's fields;
 * - `national compose.yaml --check` and `sweep compose.yaml` printed one line
 *   per required field and key;
 * - a national or experiment file's problems were printed in the schema's
 *   order (line 31 before lines 1 to 25), so that with more than 20 the 20
 *   shown were not the first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, moreProblems } from '../../src/messages/catalog.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { parseExperimentText, experimentSchema } from '../../src/experiment/spec.js';
import { nationalSchema } from '../../src/scenario/national-schema.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { EXPERIMENT_FIELDS, EXPERIMENT_REQUIRED, NATIONAL_FIELDS, NATIONAL_REQUIRED, cityRequired } from '../../src/scenario/not-a-scenario.js';
import { tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const OPD_OWNED = readFileSync(new URL('../../scenarios/sustained-opd-owned.yaml', import.meta.url), 'utf8');
const NATIONAL = readFileSync(new URL('../national/fixtures/small-national.yaml', import.meta.url), 'utf8');
const SWEEP = readFileSync(new URL('../../experiments/bekasi-sweep.yaml', import.meta.url), 'utf8');
const CITY_NEEDS = '"name", "start", "months", "opds", "innovations"';
const NATIONAL_NEEDS = '"name", "start", "months", "governments"';
const COMPOSE = 'version: "3"\nservices:\n  web:\n    image: nginx\nvolumes:\n  data: {}\n';
const dir = tempDir('difusi-not-a-scenario-');

/** The ✗ lines of a command that refuses its input (exit 2, nothing on stdout). */
async function refused(args: string[], name: string, text: string): Promise<string[]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = await runInProcess(args.map((a) => (a === '{}' ? file : a)));
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr.trimEnd().split('\n');
}

const codes = (r: ReturnType<typeof parseScenarioText>) => (r.ok ? [] : r.issues.map((i) => i.code));
/** Every top-level key of a YAML text changed by `f`. */
const keysChanged = (text: string, f: (key: string) => string) => text.replace(/^([a-z_]+):/gm, (_m, k: string) => `${f(k)}:`);

describe('a real file with a typo in every top-level key keeps its per-field lines', () => {
  it('a shipped scenario with its keys capitalised: "did you mean" lines, not the one line', async () => {
    const text = keysChanged(OPD_OWNED, (k) => k[0]!.toUpperCase() + k.slice(1));
    expect(codes(parseScenarioText(text, 'Cap.yaml'))).not.toContain('not_a_scenario');
    const lines = await refused(['validate', '{}'], 'cap.yaml', text);
    expect(lines[0]).toBe(`✗ ${dir}/cap.yaml:4:1 ${MESSAGES.unknown_field('Name', 'name')} → at Name (expected one of "name", "description", "description_id", "start", "months", "seed", "replications", "decision", "coordinator", "opds", "network", "leaders", … (20 in all))`);
    expect(lines.some((l) => l.includes('Unknown field "Start" (did you mean "start"?)'))).toBe(true);
    expect(lines.join('\n')).not.toContain('not a difusi scenario');
  });

  it('every key misspelt (nme, strat, ...): the per-field lines', () => {
    const typo: Record<string, string> = { name: 'nme', start: 'strat', months: 'mnths', opds: 'opsd', innovations: 'inovations' };
    const text = keysChanged(OPD_OWNED, (k) => typo[k] ?? `${k}x`);
    const r = parseScenarioText(text, 'typo.yaml');
    expect(codes(r)).not.toContain('not_a_scenario');
    expect(!r.ok && r.issues.map((i) => i.message)).toContain(MESSAGES.unknown_field('nme', 'name'));
  });

  it('a JSON file with PascalCase keys: the per-field lines', async () => {
    const json = JSON.stringify({ Name: 'x', Start: '2016-01', Months: 12, Opds: { list: [] }, Innovations: [] }, null, 2);
    const lines = await refused(['validate', '{}'], 'pascal.json', json);
    expect(lines.some((l) => l.includes(MESSAGES.unknown_field('Name', 'name')))).toBe(true);
    expect(lines.join('\n')).not.toContain('not a difusi scenario');
  });

  it('an experiment file with Base: and outcomes: the per-field lines, where a scenario or an experiment goes', async () => {
    const text = 'Name: x\nBase: ../scenarios/bekasi-2015-2025.yaml\noutcomes: [live_share]\n';
    expect(codes(parseScenarioText(text, 'e.yaml'))).not.toContain('not_a_scenario');
    const e = parseExperimentText(text, 'e.yaml');
    expect(!e.ok && e.issues.map((i) => i.message)).toEqual(expect.arrayContaining([MESSAGES.unknown_field('Base', 'base'), MESSAGES.unknown_field('Name', 'name')]));
    const lines = await refused(['sweep', '{}'], 'e.yaml', text);
    expect(lines.some((l) => l.includes('Unknown field "Base" (did you mean "base"?)'))).toBe(true);
  });

  it('a docker-compose-like file still gets the one line, naming the fields of both kinds of scenario', async () => {
    expect(await refused(['validate', '{}'], 'compose.yaml', COMPOSE)).toEqual([
      `✗ ${dir}/compose.yaml ${MESSAGES.not_a_scenario('"version", "services", "volumes"', CITY_NEEDS, NATIONAL_NEEDS)}`,
    ]);
    expect(MESSAGES.not_a_scenario('"version"', CITY_NEEDS, NATIONAL_NEEDS)).toBe(
      `The file is not a difusi scenario: none of its top-level fields ("version") is, or is close to, one a scenario has; a city scenario needs ${CITY_NEEDS} (a national one: ${NATIONAL_NEEDS})`,
    );
  });
});

describe('the one line on the national and experiment paths', () => {
  it('national compose.yaml --check: the one line, in either language', async () => {
    expect(await refused(['national', '{}', '--check'], 'compose.yaml', COMPOSE)).toEqual([
      `✗ ${dir}/compose.yaml ${MESSAGES.not_a_scenario('"version", "services", "volumes"', CITY_NEEDS, NATIONAL_NEEDS)}`,
    ]);
    expect(await refused(['national', '{}', '--check', '--lang', 'id'], 'compose.yaml', COMPOSE)).toEqual([
      `✗ ${dir}/compose.yaml Berkas ini bukan skenario difusi: tidak satu pun isian tingkat atasnya ("version", "services", "volumes") adalah, atau mirip dengan, isian sebuah skenario; skenario kota memerlukan ${CITY_NEEDS} (skenario nasional: ${NATIONAL_NEEDS})`,
    ]);
  });

  it('sweep compose.yaml: the one line in the experiment file\'s words, in either language', async () => {
    expect(await refused(['sweep', '{}'], 'compose.yaml', COMPOSE)).toEqual([
      `✗ ${dir}/compose.yaml The file is not a difusi experiment file: none of its top-level fields ("version", "services", "volumes") is, or is close to, one an experiment file has; an experiment file needs "name", "base"`,
    ]);
    expect(await refused(['sweep', '{}', '--lang', 'id'], 'compose.yaml', COMPOSE)).toEqual([
      `✗ ${dir}/compose.yaml Berkas ini bukan berkas eksperimen difusi: tidak satu pun isian tingkat atasnya ("version", "services", "volumes") adalah, atau mirip dengan, isian sebuah berkas eksperimen; berkas eksperimen memerlukan "name", "base"`,
    ]);
  });

  it('the field lists are the schemas\' (names and required fields)', () => {
    const required = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }) =>
      (schema.safeParse({}).error?.issues ?? []).map((i) => String(i.path[0]));
    expect([...NATIONAL_FIELDS]).toEqual(Object.keys(nationalSchema.shape));
    expect([...EXPERIMENT_FIELDS]).toEqual(Object.keys(experimentSchema.shape));
    expect([...NATIONAL_REQUIRED]).toEqual(required(nationalSchema));
    expect([...EXPERIMENT_REQUIRED]).toEqual(required(experimentSchema));
    expect(cityRequired()).toEqual(required(scenarioSchema));
    expect(cityRequired().map((f) => JSON.stringify(f)).join(', ')).toBe(CITY_NEEDS);
  });
});

describe('every kind of file has its problems in the order of their lines, the first 20 shown', () => {
  /** 25 unknown fields on lines 1 to 25, above the file; the schema reports them after a wrong field further down. */
  const extra = Array.from({ length: 25 }, (_, i) => `extra_${i}: 1`).join('\n');
  const lineNumbers = (lines: string[]) => lines.slice(0, -1).map((l) => Number(/\.yaml:(\d+):/.exec(l)?.[1]));

  it('a national file, by validate and national --check', async () => {
    const text = `${extra}\n${NATIONAL.replace(/^months: 72$/m, 'months: many')}`;
    for (const args of [['validate', '{}'], ['national', '{}', '--check']]) {
      const lines = await refused(args, 'national.yaml', text);
      expect(lines).toHaveLength(21);
      expect(lineNumbers(lines)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(lines[20]).toBe(moreProblems(6));
    }
  });

  it('an experiment file, by sweep', async () => {
    const lines = await refused(['sweep', '{}'], 'sweep.yaml', `${extra}\n${SWEEP.replace(/^replications: .*$/m, 'replications: many')}`);
    expect(lines).toHaveLength(21);
    expect(lineNumbers(lines)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(lines[20]).toBe(moreProblems(6));
  });
});
