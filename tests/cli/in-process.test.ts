/**
 * tests/support/in-process.ts runs a command line inside the test's process;
 * the tests that use it rely on its result being the process's. Here both
 * run the same command lines, chosen to reach each way a command ends: a
 * refusal from yargs (.fail), from difusi's own argument checks, from a
 * scenario's problems (in English and, loaded lazily, in Bahasa Indonesia),
 * a warning that does not stop the command, --help and --version, the plain
 * `validate <file>`, and a small run that writes its folder. Code, stdout and
 * stderr must be equal (a run's folder path aside: each writes its own).
 */
// yargs imported before the harness, as a test file may: it must still keep the harness's process.exit
// stand-in (tests/support/in-process-setup.ts), or --help and --version below end in vitest's guard.
import 'yargs';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, SMALL_CITY, cliTestFolder, filesUnder, runCli } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-in-process-');
const BAD = join(ROOT, 'tests', 'fixtures', 'bad');

const LINES: readonly (readonly string[])[] = [
  ['validate', SMALL_CITY],
  ['validate', join(BAD, 'wrong-type.yaml')],
  ['validate', join(BAD, 'yaml-syntax.yaml'), '--lang', 'id'],
  ['validate', SMALL_CITY, '--set', 'parameters.no_such_parameter=1'],
  ['validate', SMALL_CITY, '--set', 'parameters.takeover_vendor=0.9'],
  ['run', SMALL_CITY, '--no-such-option'],
  ['run', SMALL_CITY, '--replications'],
  ['run', SMALL_CITY, '-r', '2', '-r', '3'],
  ['run', SMALL_CITY, '--lang', 'fr'],
  ['no-such-command'],
  [],
  ['--help'],
  ['--version'],
  ['compare', '--help'],
  ['merge', join(tmp(), 'no-such-folder')],
  // A city command given a national file: process.exit(2) from inside the command's handler (cli/national-hint.ts).
  ['run', join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), '-q', '--out', join(tmp(), 'never')],
];

describe('a command line in the test process gives what the process gives', () => {
  it.each(LINES.map((args) => [args.join(' ') || '(no arguments)', args] as const))('%s', async (_, args) => {
    const [inProcess, child] = [await runInProcess(args), await runCli(args)];
    expect(inProcess).toEqual(child);
  });

  it('stdout is made terminal-safe as the process makes it (cli/start.ts guardStdout)', async () => {
    // validate prints the file's path: here one with an escape sequence (red text) in its name.
    const file = join(tmp(), 'city\u001b[31mred.yaml');
    copyFileSync(SMALL_CITY, file);
    const [inProcess, child] = [await runInProcess(['validate', file]), await runCli(['validate', file])];
    expect(child.code).toBe(0);
    expect(child.stdout).toContain('cityred.yaml');
    expect(child.stdout).not.toContain('\u001b');
    expect(inProcess).toEqual(child);
  });

  it('a small run: the same lines and the same folder, byte for byte', async () => {
    const outs = [join(tmp(), 'in'), join(tmp(), 'child')];
    const line = (out: string) => ['run', SMALL_CITY, '-r', '3', '--no-charts', '-q', '--out', out];
    const [inProcess, child] = [await runInProcess(line(outs[0]!)), await runCli(line(outs[1]!))];
    expect(inProcess.code).toBe(0);
    expect({ ...inProcess, stdout: inProcess.stdout.replaceAll(outs[0]!, 'OUT') }).toEqual({ ...child, stdout: child.stdout.replaceAll(outs[1]!, 'OUT') });
    const files = filesUnder(outs[0]!);
    expect(files).toEqual(filesUnder(outs[1]!));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files.filter((f) => !f.endsWith('manifest.json'))) {
      expect(readFileSync(join(outs[0]!, f)), f).toEqual(readFileSync(join(outs[1]!, f)));
    }
  });

  it('a second instance of the harness (after vi.resetModules) shares the first one\'s process.exit stand-in', async () => {
    // yargs keeps the process.exit it found on its first import: the first instance's stand-in. With state of
    // its own, a second instance left that stand-in idle and yargs's exit after --help ended the test process.
    expect((await runInProcess(['--help'])).code).toBe(0);
    vi.resetModules();
    const again = (await import('../support/in-process.js')) as typeof import('../support/in-process.js');
    expect(again.runInProcess).not.toBe(runInProcess);
    const [inProcess, child] = [await again.runInProcess(['compare', '--help']), await runCli(['compare', '--help'])];
    expect(inProcess).toEqual(child);
  });

  it('the process is left as it was: argv, exit, the streams, their isTTY and the console', async () => {
    const before = [process.argv, process.exit, process.stdout.write, process.stderr.write, console.log, console.error, process.stdout.isTTY, process.stderr.isTTY];
    await runInProcess(['run', SMALL_CITY, '--no-such-option']);
    await runInProcess(['validate', SMALL_CITY]);
    expect([process.argv, process.exit, process.stdout.write, process.stderr.write, console.log, console.error, process.stdout.isTTY, process.stderr.isTTY]).toEqual(before);
  });
});
