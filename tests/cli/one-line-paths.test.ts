/**
 * A problem is one line, whatever the names in it hold: a file name with a line break is shown with
 * the break as `\n` (cli/errors.ts oneLine: the ✗ problems, the ⚠ warnings and the ✓ summary), so it
 * cannot split a line in two or print a line that reads as difusi's own (a `✓`); an `--out` folder with a line break or another control
 * character is refused before any work (store/out-root.ts), since the `results:` line would break
 * in two. The terminal's sanitising removes the bidirectional marks the reports remove, U+061C too.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { terminalSafe } from '../../src/cli/errors.js';

const folder = testFolder('difusi-one-line-');
const WRONG_TYPE = join(ROOT, 'tests', 'fixtures', 'scenarios', 'wrong-type.yaml');
const SCENARIO = join(ROOT, 'scenarios', 'sustained-opd-owned.yaml');
const FULL = join(ROOT, 'tests', 'fixtures', 'scenarios', 'full.yaml');

describe('one line per problem, whatever a name holds', () => {
  it('a scenario file whose name holds a line break: its problem is one line, the break shown as \\n', async () => {
    const file = join(folder(), 'bad\n✓ fine.yaml');
    copyFileSync(WRONG_TYPE, file);
    for (const lang of ['en', 'id']) {
      const r = await runInProcess(['validate', file, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.slice(0, -1).split('\n'), lang).toHaveLength(1);
      expect(r.stderr).toContain(`bad\\n✓ fine.yaml:13:15 `);
    }
  });

  it('a valid scenario file whose name holds a line break: the ✓ summary and each ⚠ warning are one line, the break shown as \\n', async () => {
    // full.yaml has one warning (a costly service nobody can adopt first), placed at the file.
    const file = join(folder(), 'ok\n✓ fake.yaml');
    copyFileSync(FULL, file);
    for (const lang of ['en', 'id']) {
      const r = await runInProcess(['validate', file, '--lang', lang]);
      expect(r.code, lang).toBe(0);
      const out = r.stdout.slice(0, -1).split('\n');
      expect(out, lang).toHaveLength(1);
      expect(out[0]!.startsWith(`✓ ${join(folder(), 'ok\\n✓ fake.yaml')}: ${lang === 'id' ? 'skenario' : 'scenario'} "full-example"`), lang).toBe(true);
      const warnings = r.stderr.slice(0, -1).split('\n');
      expect(warnings.length, lang).toBeGreaterThan(0);
      for (const line of warnings) expect(line.startsWith(`⚠ ${join(folder(), 'ok\\n✓ fake.yaml')}: innovations[1] `), `${lang}: ${line}`).toBe(true);
    }
  });

  it('an --out folder with a line break or a control character is refused in one line, exit code 2, nothing written', async () => {
    for (const name of ['out\n✓ fake', 'out\u001b[2J', 'tab\there', 'nel\u0085']) {
      const out = join(folder(), name);
      const r = await runInProcess(['run', SCENARIO, '-r', '2', '--no-charts', '-q', '--out', out]);
      expect(r.code, JSON.stringify(name)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.slice(0, -1).split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('✗ command line --out: Cannot write results under "');
      expect(r.stderr).toContain('the path holds a line break or another control character');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('an --out folder with a bidirectional mark or a zero-width character is refused, shown as an escape: the terminal would print a path that does not exist', async () => {
    for (const [name, shown] of [
      ['\u202ertl', '\\u202ertl'],
      ['a\u2066b', 'a\\u2066b'],
      ['x\u061cy', 'x\\u061cy'],
      // A zero-width space: the terminal drops it too.
      ['z\u200bw', 'z\\u200bw'],
    ] as const) {
      const out = join(folder(), name);
      const r = await runInProcess(['run', SCENARIO, '-r', '2', '--no-charts', '-q', '--out', out]);
      expect(r.code, JSON.stringify(name)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.slice(0, -1).split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${shown}": the path holds an invisible formatting character`);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('a refused --out shows a line separator or a C1 control as an escape, not as itself', async () => {
    for (const [name, shown] of [
      ['ls\u2028x', 'ls\\u2028x'],
      ['nel\u0085', 'nel\\u0085'],
    ] as const) {
      const r = await runInProcess(['run', SCENARIO, '-r', '2', '--no-charts', '-q', '--out', join(folder(), name)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${shown}": the path holds a line break or another control character`);
    }
  });

  it('an ordinary folder name with spaces and letters of any script is taken (control)', async () => {
    const out = join(folder(), 'hasil uji عربى');
    const r = await runInProcess(['run', SCENARIO, '-r', '2', '--no-charts', '-q', '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('the terminal removes the Arabic letter mark (U+061C) as the reports do', () => {
    expect(terminalSafe('a\u061cb\u200fc\u202ed')).toBe('abcd');
  });
});
