/**
 * A refused command says its one ✗ line alone: `difusi national <file>
 * --detail kota-zz` (a government the file does not have) said the file's
 * ⚠ warnings before its ✗ line, since --detail was checked only after the
 * warnings were said (jobs/national.ts executeNationalRun); `--check` with
 * the same option said the ✗ line alone. Now --detail is checked first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-detail-alone-');
// Valid, with a warning of its own (an unfunded mandate that does nothing).
const UNFUNDED = join(ROOT, 'tests', 'national', 'fixtures', 'unfunded-mandate.yaml');

describe('national --detail naming no government: the ✗ line alone, no warning before it', () => {
  it.each([
    ['an unknown id', 'kota-zz', /^✗ command line: Unknown government "kota-zz" for --detail \(did you mean "kota-d"\?\)/],
    ['a count', '3', /^✗ command line: national --detail takes government ids, comma-separated /],
  ])('%s', async (_, detail, line) => {
    const out = join(folder(), 'out');
    // The file's warning is said when the command runs (and by --check), so the refusal's stderr is the refusal's own.
    const check = await runInProcess(['national', UNFUNDED, '--check']);
    expect(check.stderr).toMatch(/^⚠ .*"permit-mandate": money is false/m);
    for (const args of [
      ['national', UNFUNDED, '--detail', detail, '-r', '1', '--no-charts', '--quiet', '--out', out],
      ['national', UNFUNDED, '--detail', detail, '--check'],
    ]) {
      const r = await runInProcess(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split('\n').filter((l) => l !== ''), args.join(' ')).toEqual([expect.stringMatching(line)]);
    }
    expect(existsSync(out)).toBe(false);
  });
});
