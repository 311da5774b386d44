/**
 * `difusi -- validate <file>`: yargs reads every word after
 * `--` as a file name, so no command ran, nothing was said and the exit code was 0. It is refused in one line,
 * exit code 2, as a command line naming no command is (cli/usage-message.ts commandAfterDashesLine); the command
 * lines around it (no command, `--` alone, --help, --version, a command before `--`) answer as before.
 */
import { describe, expect, it } from 'vitest';
import { commandAfterDashesLine } from '../../src/cli/usage-message.js';
import { commandName, leadingOptionsEnd } from '../../src/cli/start.js';
import { runInProcess } from '../support/in-process.js';
import { runBin } from '../support/cli.js';

const BEKASI = 'scenarios/bekasi-2015-2025.yaml';
const REFUSED_EN = (meant?: string) =>
  `✗ Name a command before "--": no word after "--" is read as a command${meant === undefined ? '' : ` (did you mean "difusi ${meant} …"?)`} (see difusi --help)\n`;
const REFUSED_ID = (meant?: string) =>
  `✗ Sebutkan perintah sebelum "--": kata sesudah "--" tidak pernah dibaca sebagai perintah${meant === undefined ? '' : ` (maksud Anda "difusi ${meant} …"?)`} (lihat difusi --help)\n`;

describe('a command after "--"', () => {
  it('is refused in one line, exit code 2, nothing on stdout, naming the command meant', async () => {
    const cases: [string[], string][] = [
      [['--', 'validate', BEKASI], REFUSED_EN('validate')],
      [['-q', '--', 'validate', BEKASI], REFUSED_EN('validate')],
      [['--quiet=true', '--', 'run', BEKASI, '-r', '2'], REFUSED_EN('run')],
      [['--', 'runn', BEKASI], REFUSED_EN('run')],
      [['--', 'national-merge', 'a', 'b'], REFUSED_EN('national-merge')],
      [['--', 'x.yaml'], REFUSED_EN()],
      [['--', '--help'], REFUSED_EN()],
      [['--', ''], REFUSED_EN()],
      // Under --lang id (before the "--": after it, it is a file name too) in Bahasa Indonesia.
      [['--lang', 'id', '--', 'validate', BEKASI], REFUSED_ID('validate')],
      [['--lang=id', '-q', '--', 'zzzzzz'], REFUSED_ID()],
      [['--', 'validate', BEKASI, '--lang', 'id'], REFUSED_EN('validate')],
    ];
    for (const [args, line] of cases) {
      const r = await runInProcess(args);
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ args, code: 2, stdout: '', stderr: line });
    }
    // The installed command (the bundle) says the same.
    const bin = await runBin(['--', 'validate', BEKASI]);
    expect({ code: bin.code, stdout: bin.stdout, stderr: bin.stderr }).toEqual({ code: 2, stdout: '', stderr: REFUSED_EN('validate') });
  });

  it('leaves the command lines around it as they were', async () => {
    const said = async (args: string[]) => {
      const r = await runInProcess(args);
      return { code: r.code, out: r.stdout.split('\n')[0], err: r.stderr };
    };
    const noCommand = { code: 2, out: '', err: '✗ Name a command: run, validate, schema, merge, ... (see difusi --help)\n' };
    expect(await said([])).toEqual(noCommand);
    expect(await said(['--'])).toEqual(noCommand);
    expect(await said(['-q', '--'])).toEqual(noCommand);
    expect(await said(['--lang', 'id'])).toEqual({ code: 2, out: '', err: '✗ Sebutkan sebuah perintah: run, validate, schema, merge, ... (lihat difusi --help)\n' });
    // --help and --version before the "--" answer first.
    expect(await said(['--help', '--', 'validate', 'x'])).toEqual({ code: 0, out: 'difusi <command> [options]', err: '' });
    expect(await said(['-h', '--', 'x'])).toEqual({ code: 0, out: 'difusi <command> [options]', err: '' });
    expect((await said(['--version', '--', 'x'])).code).toBe(0);
    // Another option before it: yargs's refusal of that option, as before.
    expect(await said(['--bogus', '--', 'validate', 'x'])).toEqual({ code: 2, out: '', err: '✗ Unknown argument: --bogus (see difusi --help)\n' });
    // A command before the "--": it runs, on the words before "--".
    expect((await said(['run', 'x', '--', 'y'])).err).toMatch(/^✗ x File not found: /);
    expect(await said(['validate', '--', BEKASI])).toEqual({
      code: 2,
      out: '',
      err: '✗ difusi validate: a file is missing (not enough non-option arguments: got 0, need at least 1) (see difusi --help)\n',
    });
    const valid = await said(['validate', BEKASI, '--']);
    expect(valid.code).toBe(0);
    expect(valid.out).toMatch(/^✓ scenarios\/bekasi-2015-2025\.yaml: scenario "bekasi-2015-2025"/);
  });

  it('is told from the command line alone', () => {
    const commands = ['run', 'validate', 'national', 'national-merge'];
    expect(commandAfterDashesLine(['--', 'validate', 'x'], commands, 'en')).toBe(REFUSED_EN('validate').slice(2, -1));
    expect(commandAfterDashesLine(['--lang', 'id', '--', 'nationl'], commands, 'id')).toBe(REFUSED_ID('national').slice(2, -1));
    for (const args of [[], ['--'], ['-q', '--'], ['validate', '--', 'x'], ['--help', '--', 'x'], ['--seed', '1', '--', 'run'], ['x', '--', 'run']]) {
      expect(commandAfterDashesLine(args, commands, 'en'), args.join(' ')).toBeUndefined();
    }
    // The options that may stand before a command end where commandName finds it.
    expect(leadingOptionsEnd(['-q', 'true', '--lang', 'id', '--', 'run'])).toBe(4);
    expect(leadingOptionsEnd(['--quiet', '--lang=id'])).toBe(2);
    expect(commandName(['-q', 'false', '--lang', 'id', 'run'])).toBe('run');
    expect(commandName(['-q', '--', 'run'])).toBeUndefined();
  });
});
