/**
 * How many ✗ lines one bad file gets (README, where errors are described):
 * at most MAX_PROBLEM_LINES (20), then one line counting the others, in
 * either language; a YAML file that is no scenario at all (a
 * docker-compose.yml, any mapping none of whose keys a scenario has) one
 * line saying so, naming a few of its keys, escaped and cut, and the fields
 * a scenario needs; the problems in the order of their lines. A mapping of
 * 3,000 keys gave 3,005 lines, a docker-compose.yml 7 (one per required
 * field, one per key), a file of passwd-like lines one line per line,
 * repeating its contents; problems were printed out of line order (the
 * schema's order: line 58 before line 56).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, moreProblems } from '../../src/messages/catalog.js';
import { moreProblemsId } from '../../src/messages/issue-text.js';
import { MAX_PROBLEM_LINES } from '../../src/scenario/limits.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const BEKASI = readFileSync(new URL('../../scenarios/bekasi-2015-2025.yaml', import.meta.url), 'utf8');
const NEEDS = '"name", "start", "months", "opds", "innovations"';
const NATIONAL_NEEDS = '"name", "start", "months", "governments"';
const dir = tempDir('difusi-problem-lines-');

async function validate(name: string, text: string, ...more: string[]): Promise<string[]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = await runInProcess(['validate', file, ...more]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr.trimEnd().split('\n');
}

describe('the problem lines of one file', () => {
  it('a scenario with 30 unknown fields: 20 lines, then one counting the other 10, in both languages', async () => {
    const text = BEKASI.replace(/^seed: (\d+)$/m, (m) => `${m}\n${Array.from({ length: 30 }, (_, i) => `extra_${i}: 1`).join('\n')}`);
    const en = await validate('many.yaml', text);
    expect(MAX_PROBLEM_LINES).toBe(20);
    expect(en).toHaveLength(21);
    expect(en.slice(0, 20).every((l) => l.startsWith('✗ ') && l.includes('Unknown field "extra_'))).toBe(true);
    expect(en[0]).toContain('"extra_0"');
    expect(en[20]).toBe(moreProblems(10));
    expect(en[20]).toBe('… and 10 more problems (fix the ones above, then check again)');
    const id = await validate('many.yaml', text, '--lang', 'id');
    expect(id).toHaveLength(21);
    expect(id[0]).toContain('Isian tidak dikenal "extra_0"');
    expect(id[20]).toBe(moreProblemsId(10));
    expect(moreProblemsId(2985)).toBe('… dan 2.985 masalah lain (perbaiki yang di atas, lalu periksa lagi)');
  });

  it('a mapping of 3,000 keys, none a scenario\'s: one line', async () => {
    const lines = await validate('keys.yaml', Array.from({ length: 3000 }, (_, i) => `k${i}: ${i}`).join('\n'));
    expect(lines).toEqual([`✗ ${dir}/keys.yaml ${MESSAGES.not_a_scenario('"k0", "k1", "k2", …', NEEDS, NATIONAL_NEEDS)}`]);
  });

  it('a docker-compose.yml: one line naming its keys and the fields a scenario needs', async () => {
    const lines = await validate('compose.yml', 'version: "3"\nservices:\n  web:\n    image: nginx\n');
    expect(lines).toEqual([
      `✗ ${dir}/compose.yml The file is not a difusi scenario: none of its top-level fields ("version", "services") is, or is close to, one a scenario has; a city scenario needs ${NEEDS} (a national one: ${NATIONAL_NEEDS})`,
    ]);
    const id = await validate('compose.yml', 'version: "3"\nservices:\n  web:\n    image: nginx\n', '--lang', 'id');
    expect(id).toEqual([
      `✗ ${dir}/compose.yml Berkas ini bukan skenario difusi: tidak satu pun isian tingkat atasnya ("version", "services") adalah, atau mirip dengan, isian sebuah skenario; skenario kota memerlukan ${NEEDS} (skenario nasional: ${NATIONAL_NEEDS})`,
    ]);
  });

  it('a file of passwd-like lines: its first keys cut and escaped, not its contents line by line', async () => {
    // As /etc/shadow reads as YAML: each line a key (up to its last colon) with no value.
    const key = (i: number) => `user${i}:$6$saltsalt$hashhashhash:20228:0:99999:7:`;
    const text = Array.from({ length: 30 }, (_, i) => `${key(i)}:`).join('\n');
    const lines = await validate('shadow.yaml', text);
    expect(lines).toHaveLength(1);
    const shown = [0, 1, 2].map((i) => JSON.stringify(`${key(i).slice(0, 23)}…`)).join(', ');
    expect(lines[0]).toContain(`none of its top-level fields (${shown}, …)`);
    expect(lines[0]).not.toContain('hashhashhash');
  });

  it('a file with some scenario fields keeps its own lines; an experiment file its one line', () => {
    const r = parseScenarioText('name: x\nservices: 1\n', 'a.yaml');
    expect(!r.ok && r.issues.map((i) => i.code)).toContain('missing_field');
    const e = parseScenarioText('base: b.yaml\nvariants: []\n', 'e.yaml');
    expect(!e.ok && e.issues.map((i) => i.code)).toEqual(['experiment_not_scenario']);
  });

  it('problems are printed in the order of their lines', async () => {
    // An unknown top-level field above `parameters`, and a merge key inside it (the tester's f/merge.yaml).
    const text = BEKASI.replace(/^parameters:\n/m, 'base: &p {takeover_vendor: 0.2}\nparameters:\n  <<: *p\n');
    const lines = await validate('merge.yaml', text);
    expect(lines.length).toBeGreaterThan(1);
    const numbers = lines.map((l) => Number(/\.yaml:(\d+):/.exec(l)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});
