/**
 * The manifest's `command` can be pasted into a shell to run the same
 * command again: arguments with spaces, quotes, brackets or other shell
 * characters are single-quoted (they used to be joined with spaces, so a
 * path with a space or a `--set` with a name in it ran something else).
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandLine, shellWord } from '../../src/cli/command-line.js';
import { SMALL_CITY, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-manifest-command-');

/** The words a POSIX shell reads from `command` (with `difusi` as the first), as a list. */
function shellWords(command: string, shell = 'sh'): string[] {
  return shellWordsOfEach([command], shell)[0]!;
}

/**
 * shellWords of several commands, read by one shell (one process, not one per
 * command): `words` prints how many words it was given, then the words, so
 * each command's list is read back whole whatever the words hold.
 */
function shellWordsOfEach(commands: readonly string[], shell = 'sh'): string[][] {
  const script = [`words() { printf '%s\\0' "$#" "$@"; }`, ...commands.map((c) => c.replace(/^difusi /, 'words '))].join('\n');
  const records = execFileSync(shell, ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
  const out: string[][] = [];
  for (let i = 0; i < records.length; ) {
    const n = Number(records[i]);
    out.push(records.slice(i + 1, i + 1 + n));
    i += 1 + n;
  }
  expect(out).toHaveLength(commands.length);
  return out;
}

/** The manifest of the one result folder under `<out>/<name>/`. */
function manifestCommand(out: string, name: string): string {
  const keys = readdirSync(join(out, name)).filter((n) => !n.startsWith('.'));
  expect(keys).toHaveLength(1);
  return (JSON.parse(readFileSync(join(out, name, keys[0]!, 'manifest.json'), 'utf8')) as { command: string }).command;
}

let city = '';
beforeAll(() => {
  city = join(folder(), "my city's $HOME.yaml");
  copyFileSync(SMALL_CITY, city);
});

describe('the manifest command is pasteable into a POSIX shell', () => {
  it('shellWord leaves plain words alone and quotes the rest', () => {
    expect(commandLine(['run', 'scenarios/a.yaml', '-r', '2', '--set', 'parameters.x=0.5', '--out', '/tmp/x'])).toBe(
      'difusi run scenarios/a.yaml -r 2 --set parameters.x=0.5 --out /tmp/x',
    );
    const tricky = ["it's", 'a b', '$HOME', '*', '', 'opds.list[1].name=Owning agency two', '=x', '~x', '"', '\\', 'a\nb', '!x', '`ls`'];
    // One shell reads every word's command (a shell each cost seconds on a loaded machine); each is still checked alone.
    const read = shellWordsOfEach(tricky.map((word) => `difusi ${shellWord(word)}`));
    tricky.forEach((word, i) => expect(read[i], JSON.stringify(word)).toEqual([word]));
    // bash (the usual interactive shell) expands ~ after = or : even inside an argument; dash does not.
    const bashWords = [...tricky, 'a=~/foo', 'description=see:~/notes', 'x:~'];
    const readByBash = shellWordsOfEach(bashWords.map((word) => `difusi ${shellWord(word)}`), 'bash');
    bashWords.forEach((word, i) => expect(readByBash[i], JSON.stringify(word)).toEqual([word]));
  });

  it('run: the command re-reads as the arguments given', async () => {
    const out = join(folder(), 'run out');
    const args = ['run', city, '-r', '1', '-w', '1', '--set', 'opds.list[1].name=Owning agency two', '--out', out, '--no-charts', '--quiet'];
    const r = await runInProcess(args);
    expect(r.code, r.stderr).toBe(0);
    expect(shellWords(manifestCommand(out, 'small-city'))).toEqual(args);
  }, 60_000);

  it('compare: the same', async () => {
    const out = join(folder(), 'compare out');
    const args = ['compare', SMALL_CITY, city, '-r', '1', '-w', '1', '--set', 'parameters.champion_probability=0.2', '--out', out, '--no-charts', '--quiet'];
    const r = await runInProcess(args);
    expect(r.code, r.stderr).toBe(0);
    expect(shellWords(manifestCommand(out, 'small-city-compare'))).toEqual(args);
  }, 60_000);
});
