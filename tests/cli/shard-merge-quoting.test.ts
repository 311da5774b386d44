/**
 * The merge line a run's or a national run's shard prints can be pasted into
 * a shell as it is, also when the output folder has a space in its name: its
 * parts are quoted where they need it and its `*` is left for the shell to
 * expand (it printed the path bare, which a shell split at the space).
 *
 * The shards run in the test's own process (runInProcess, tests/support/
 * in-process.ts, on the built code a process runs); the printed line is run
 * by a real shell, as a user would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { shellGlob } from '../../src/cli/command-line.js';

const folder = cliTestFolder('difusi-shard-merge-quoting-');
const SMALL_NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/**
 * Runs a printed `difusi ...` line through a POSIX shell, as a user pasting it would: `difusi` as installed
 * (BIN: bin/difusi.mjs, the bundle, which tests/cli/bundle.test.ts checks behaves as dist/src/cli/main.js),
 * which starts in about half the time.
 */
function inShell(line: string, cwd: string) {
  return spawnSync('sh', ['-c', line.replace(/^difusi /, `'${process.execPath}' '${BIN}' `)], { cwd, encoding: 'utf8' });
}

describe('a shard\'s merge line in a shell', () => {
  it('run: merges from an output folder with a space in its name, as printed', async () => {
    const out = join(folder(), 'my results');
    let line = '';
    for (const shard of ['0/2', '1/2']) {
      const r = await runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--no-charts', '--shard', shard, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      line = /^merge all shards with: (.*)$/m.exec(r.stdout)![1]!;
    }
    expect(line).toContain("'");
    const merged = inShell(line, ROOT);
    expect(merged.status, merged.stderr).toBe(0);
    const dir = /^merged 2 shards into (.*)$/m.exec(merged.stdout)![1]!;
    expect(dir.startsWith(out)).toBe(true);
    expect(existsSync(join(dir, 'summary.csv'))).toBe(true);
  }, 180_000);

  it('national: the same', async () => {
    const out = join(folder(), 'national results');
    let line = '';
    for (const shard of ['0/2', '1/2']) {
      const r = await runInProcess(['national', SMALL_NATIONAL, '-r', '2', '-q', '--no-charts', '--shard', shard, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      line = /^merge all shards with: (.*)$/m.exec(r.stdout)![1]!;
    }
    const merged = inShell(`${line} --no-charts`, ROOT);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/^merged 2 parts, 2 replications$/m);
  }, 180_000);

  it('shellGlob quotes each part where it needs it and leaves each * bare', () => {
    expect(shellGlob('out/run/abc.shard-*-of-4')).toBe('out/run/abc.shard-*-of-4');
    expect(shellGlob('/tmp/my out/abc.shard-*-of-4')).toBe("'/tmp/my out/abc.shard-'*-of-4");
    expect(shellGlob("a'b/*")).toBe("'a'\\''b/'*");
  });
});
