/**
 * A national file's compile problems (unknown references, per-government
 * city fields: model/national/compile.ts) that an override caused are the
 * override's: `difusi national <file> --set path=value` names the --set to
 * fix (`✗ override <path>: ...`), not a line of the file that no longer
 * says what ran, as the schema's problems already are (what-ifs.test.ts).
 * One line, exit code 2, no result folder. The same file edited the same
 * way gets the file's line (control: the problem is the same, only its
 * label differs), and a problem the file has on its own keeps the file's
 * label when an unrelated override is given.
 *
 * Each command line runs in the test's process (runInProcess, tests/support/
 * in-process.ts): what it prints and writes is checked, not a process's start.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

beforeAll(() => assertBuilt());

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

type Doc = Record<string, any>;

/** small-national.yaml parsed, changed by `edit`, written as JSON to a fresh folder. */
function edited(edit: (doc: Doc) => void): string {
  const doc = parse(readFileSync(NATIONAL, 'utf8')) as Doc;
  edit(doc);
  const file = join(tempDir('difusi-national-compile-'), 'small-national.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const gov = (d: Doc, id: string) => (d['governments'] as Doc[]).find((g) => g['id'] === id)!;

async function national(args: string[]): Promise<{ code: number | null; stderr: string; out: string }> {
  const out = tempDir('difusi-national-compile-out-');
  const r = await runInProcess(['national', ...args, '--replications', '2', '--workers', '1', '--no-charts', '-q', '--out', out]);
  return { code: r.code, stderr: r.stderr, out };
}

// [what, --set, the same change made to the file, the message both give]
const CASES: [string, string, (d: Doc) => void, RegExp][] = [
  [
    'an unknown government in an innovation\'s selector',
    'innovations[id=vendor-app].governments.except=[kota-z]',
    (d) => ((d['innovations'] as Doc[])[1]!['governments'] = { except: ['kota-z'] }),
    /Unknown government "kota-z" \(did you mean "kota-a"\?\) → at innovations\[1\]\.governments\.except\[0\]/,
  ],
  [
    'an unknown election cycle',
    'governments[id=kota-a].election=c2030',
    (d) => (gov(d, 'kota-a')['election'] = 'c2030'),
    /Unknown election cycle "c2030" → at governments\[1\]\.election/,
  ],
  [
    'an unknown cohort member',
    'programmes[0].cohorts[0].members=[nowhere]',
    (d) => ((d['programmes'] as Doc[])[0]!['cohorts'][0].members = ['nowhere']),
    /Unknown government "nowhere" → at programmes\[0\]\.cohorts\[0\]\.members\[0\]/,
  ],
  [
    'a national field set for one government',
    'governments[id=kota-a].city={seed: 3}',
    (d) => (gov(d, 'kota-a')['city'] = { seed: 3 }),
    /Invalid value: "seed" is set for the whole national scenario, not per government → at governments\[1\]\.city\.seed/,
  ],
];

describe('a national compile problem an override caused names the override', () => {
  it.each(CASES)('%s: one line naming the --set, exit code 2, no result folder', async (_, set, edit, message) => {
    // The path: up to the first "=" outside brackets.
    const path = set.slice(0, set.search(/=(?![^[]*\])/));
    const file = edited(edit);
    const [overridden, byHand, validate] = await Promise.all([
      national([NATIONAL, '--set', set]),
      national([file]),
      runInProcess(['validate', NATIONAL, '--set', set]),
    ]);
    expect(overridden.code).toBe(2);
    const lines = overridden.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`✗ override ${path}: `), lines[0]).toBe(true);
    expect(lines[0]).toMatch(message);
    // No file line: the file's text is not what ran.
    expect(lines[0]).not.toContain('small-national.yaml');
    expect(existsSync(join(overridden.out, 'small-national'))).toBe(false);
    // (control) The same problem written in the file is placed on its line.
    expect(byHand.code).toBe(2);
    expect(byHand.stderr.trim()).toMatch(new RegExp(`^✗ ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));
    expect(byHand.stderr.trim()).toMatch(message);
    // validate --set says the same.
    expect(validate.code).toBe(2);
    expect(validate.stderr).toBe(overridden.stderr);
  });

  it('(control) a problem the file has on its own keeps the file\'s label under an unrelated override', async () => {
    const [, , edit, message] = CASES[1]!;
    const file = edited(edit);
    const r = await national([file, '--seed', '3', '--set', 'national_parameters.gov_launch_base=3']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith(`✗ ${file}:`)).toBe(true);
    expect(r.stderr).not.toContain('✗ override');
  });
});
