/**
 * Whole-number options (`-r`, `--seed`, `--workers`, `--port`, `--detail`,
 * `--shard-count`, `--max-replications`, patterns' counts) as the user wrote
 * them: decimal digits only. yargs read a `number` option as JavaScript does,
 * so `-r 0x3`, `-r 3e0`, `-r 0b11`, `-r ' 3'` and `--workers 1.0` ran as 3
 * and 1. Checked in-process (every command's options, the readers, each
 * option's check), and once through the built command line, run in the
 * test's own process (runInProcess, tests/support/in-process.ts): those
 * tests read its refusal and that nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs, { type CommandModule } from 'yargs';
import { describe, expect, it } from 'vitest';
import { MESSAGES, UserError } from '../../src/messages/catalog.js';
import {
  checkCommandLine,
  checkCountOptions,
  checkMissingValues,
  detailOption,
  overridesFrom,
  shardCountOption,
  shardOption,
  workersOption,
  type DeclaredOptions,
} from '../../src/cli/options.js';
import { portOption } from '../../src/cli/explore.js';
import { userError } from '../support/errors.js';
import { patternInputs, replicationsOption } from '../../src/cli/patterns.js';
import { checkOutFile } from '../../src/store/out-root.js';
import { PATTERN_FILES } from '../../src/validation/pattern-files.js';
import { precisionFrom } from '../../src/cli/precision-options.js';
import { runCommand } from '../../src/cli/run.js';
import { compareCommand } from '../../src/cli/compare.js';
import { sweepCommand } from '../../src/cli/sweep.js';
import { sensitivityCommand } from '../../src/cli/sensitivity.js';
import { validateCommand } from '../../src/cli/validate.js';
import { exploreCommand } from '../../src/cli/explore.js';
import { nationalCommand } from '../../src/cli/national.js';
import { patternsCommand } from '../../src/cli/patterns.js';
import { refusedInOneLine, ROOT, SMALL_CITY, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

/** The one line a UserError prints, without its `✗ command line: ` prefix. */
function refusal(f: () => unknown): string {
  const issue = userError(f).issues[0]!;
  return `${issue.message} (expected ${issue.expected}, found ${issue.found})`;
}

const COMMANDS: Record<string, CommandModule<object, any>> = {
  run: runCommand,
  compare: compareCommand,
  sweep: sweepCommand,
  sensitivity: sensitivityCommand,
  validate: validateCommand,
  explore: exploreCommand,
  national: nationalCommand,
  patterns: patternsCommand,
};

/** A command's options as yargs declares them (what cli/program.ts's check is given). */
function declared(command: CommandModule<object, any>): DeclaredOptions {
  const y = yargs([]);
  (command.builder as (y: unknown) => unknown)(y);
  return (y as unknown as { getOptions(): DeclaredOptions }).getOptions();
}

/** The arguments a command's handler would get for `words`, through the same check as cli/program.ts. */
async function parsed(name: string, words: string[]): Promise<Record<string, unknown>> {
  let got: Record<string, unknown> | undefined;
  const command = { ...COMMANDS[name]!, handler: (a: Record<string, unknown>) => void (got = a) };
  await yargs(words)
    .command(command)
    .check((argv, options) => {
      checkCommandLine(words, argv, options as unknown as DeclaredOptions);
      return true;
    })
    .strict()
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .parseAsync();
  return got!;
}

describe('whole-number options are read from the text the user wrote', () => {
  it('every command declares each of its number options as a whole number kept as text (only --precision is a real number)', () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      const o = declared(command);
      const aliases = new Set(Object.values(o.alias).flat());
      const numbers = o.number.filter((k) => !aliases.has(k) && k !== 'precision');
      expect(numbers.filter((k) => !o.string.includes(k)), name).toEqual([]);
    }
    // The options this covers, so that a new one is not missed by the list above going empty.
    expect(declared(runCommand).number).toEqual(expect.arrayContaining(['replications', 'seed', 'workers', 'shard-count', 'detail', 'max-replications']));
    expect(declared(patternsCommand).number).toEqual(expect.arrayContaining(['replications', 'bass-replications', 'national-replications', 'workers']));
    expect(declared(exploreCommand).number).toEqual(['port']);
  });

  it('decimal digits reach the command as numbers, under their aliases too; a default stays', async () => {
    const a = await parsed('run', ['run', 'x.yaml', '-r', '007', '--workers=2', '--detail', '0', '--shard-count', '3']);
    expect([a['replications'], a['r'], a['workers'], a['w'], a['detail'], a['shard-count']]).toEqual([7, 7, 2, 2, 0, 3]);
    const p = await parsed('patterns', ['patterns', '-r', '5']);
    expect([p['replications'], p['bass-replications'], p['national-replications']]).toEqual([5, 20, 8]);
  });

  it.each([['0x3'], ['3e0'], ['0b11'], ['0o3'], [' 3'], ['3 '], ['+3'], ['3.0'], ['1,000'], ['Infinity']])('-r %j reaches the command as text, which its check refuses', async (text) => {
    const a = await parsed('run', ['run', 'x.yaml', '-r', text]);
    expect(a['replications']).toBe(text);
    expect(() => checkCountOptions(a)).toThrow(UserError);
  });

  it('digits beyond a safe integer stay text, so the refusal shows them as written (not 1e+23)', async () => {
    const a = await parsed('run', ['run', 'x.yaml', '-r', '99999999999999999999999']);
    expect(a['replications']).toBe('99999999999999999999999');
    expect(refusal(() => checkCountOptions(a))).toBe(`${MESSAGES.invalid_option('--replications')} (expected a whole number of at least 1, found 99999999999999999999999)`);
  });

  it('--shard out of range is refused with the same text as the national command gives', () => {
    expect(refusal(() => shardOption('3/2', undefined))).toBe(`${MESSAGES.invalid_option('--shard')} (expected i/n with 0 <= i < n, e.g. 2/7, found 3/2)`);
  });

  it('a whole number given twice is named with its values as numbers', async () => {
    await expect(parsed('run', ['run', 'x.yaml', '-r', '1', '--replications', '2'])).rejects.toThrow(`${MESSAGES.option_repeated('--replications (-r)', 2)} (found 1, 2)`);
    await expect(parsed('run', ['run', 'x.yaml', '-r', '02', '-r', '3'])).rejects.toThrow(`${MESSAGES.option_repeated('--replications (-r)', 2)} (found 2, 3)`);
  });

  it('a number option given twice with a value that is not one: that value is refused first, as given once', async () => {
    const notWhole = (found: string) => `${MESSAGES.invalid_option('--replications')} (expected a whole number, found ${found})`;
    await expect(parsed('run', ['run', 'x.yaml', '-r', '1.5', '-r', '2'])).rejects.toThrow(notWhole('1.5'));
    await expect(parsed('run', ['run', 'x.yaml', '-r', '2', '--replications', '0x3'])).rejects.toThrow(notWhole('0x3'));
    await expect(parsed('run', ['run', 'x.yaml', '-r', '2', '-r', 'abc'])).rejects.toThrow(notWhole('not a number'));
    await expect(parsed('run', ['run', 'x.yaml', '-r', ' 2', '-r', '2'])).rejects.toThrow(notWhole('" 2"'));
    // A decimal option: decimals are numbers, shown as such; other text is refused first.
    await expect(parsed('run', ['run', 'x.yaml', '--precision', '0.05', '--precision', '.10'])).rejects.toThrow(`${MESSAGES.option_repeated('--precision', 2)} (found 0.05, 0.1)`);
    await expect(parsed('run', ['run', 'x.yaml', '--precision', '0.05', '--precision', '1e-1'])).rejects.toThrow(
      `${MESSAGES.invalid_option('--precision')} (expected a decimal number, found 1e-1)`,
    );
  });

  it('--no-<option> is refused, not read as 0', async () => {
    await expect(parsed('run', ['run', 'x.yaml', '--no-seed'])).rejects.toThrow(MESSAGES.invalid_option('--seed'));
  });

  it('each option check refuses text, naming the option, its range and the text as written', () => {
    const found = (f: () => unknown) => refusal(f).replace(/^.*found /, '').replace(/\)$/, '');
    expect(refusal(() => checkCountOptions({ replications: '0x3' }))).toBe(`${MESSAGES.invalid_option('--replications')} (expected a whole number of at least 1, found 0x3)`);
    expect(refusal(() => checkCountOptions({ seed: '0x10' }))).toBe(`${MESSAGES.invalid_option('--seed')} (expected a whole number from 0 to 4294967295, found 0x10)`);
    expect(refusal(() => workersOption('1.0'))).toBe(`${MESSAGES.invalid_option('--workers')} (expected a whole number from 1 to 256, found 1.0)`);
    expect(refusal(() => portOption('0x50'))).toBe(`${MESSAGES.invalid_option('--port')} (expected a whole number from 0 to 65535 (0: any free port), found 0x50)`);
    expect(refusal(() => detailOption('0b1'))).toBe(`${MESSAGES.invalid_option('--detail')} (expected a whole number >= 0, found 0b1)`);
    expect(refusal(() => shardCountOption('2e0'))).toBe(`${MESSAGES.invalid_option('--shard-count')} (expected a whole number n >= 1, found 2e0)`);
    expect(refusal(() => shardOption('0/2', '0x2'))).toContain('--shard-count');
    expect(refusal(() => replicationsOption('--bass-replications', '1e1', 1))).toContain('found 1e1');
    expect(refusal(() => precisionFrom({ precision: 0.1, 'precision-outcome': 'live_share', 'max-replications': '1e3' }))).toContain('--max-replications');
    // Spaces are shown quoted; text that reads as no number says so, as a NaN did.
    expect(found(() => checkCountOptions({ replications: ' 3' }))).toBe('" 3"');
    expect(found(() => checkCountOptions({ replications: 'abc' }))).toBe('not a number');
    // Numbers (digits the reader turned into numbers, and defaults) pass as before.
    expect(checkCountOptions({ replications: 3, seed: 0 })).toEqual({ replications: 3, seed: 0 });
    expect([workersOption(2), portOption(0), detailOption(0), shardCountOption(4)]).toEqual([2, 0, 0, 4]);
  });

  it('an option that takes a value, given none, is refused; flags, negative numbers and words after -- are not', () => {
    const o = declared(runCommand);
    const refusedWith = (words: string[]) => refusal(() => checkMissingValues(words, o));
    expect(refusedWith(['run', 'x.yaml', '--out'])).toBe(`${MESSAGES.invalid_option('--out')} (expected a value, found no value)`);
    expect(refusedWith(['run', 'x.yaml', '-r', '--quiet'])).toContain(MESSAGES.invalid_option('--replications'));
    expect(refusedWith(['run', 'x.yaml', '-qr'])).toContain(MESSAGES.invalid_option('--replications'));
    expect(refusedWith(['run', 'x.yaml', '--max-replications'])).toContain(MESSAGES.invalid_option('--max-replications'));
    for (const words of [['run', 'x.yaml', '--quiet', '--no-charts'], ['run', 'x.yaml', '-r', '-1'], ['run', 'x.yaml', '--', '--out'], ['run', 'x.yaml', '-r', '2', '-q']]) {
      expect(() => checkMissingValues(words, o)).not.toThrow();
    }
    // A list given no value is its command's to refuse: --set alone changed nothing, silently.
    expect(() => checkMissingValues(['run', 'x.yaml', '--set'], o)).not.toThrow();
    expect(refusal(() => overridesFrom({ set: [] }))).toBe(`${MESSAGES.invalid_option('--set')} (expected path=value, e.g. --set parameters.takeover_vendor=0.9, found no value)`);
    // An option with a default used to take it silently: explore --port alone served on any port.
    expect(refusal(() => checkMissingValues(['explore', '--port'], declared(exploreCommand)))).toContain(MESSAGES.invalid_option('--port'));
  });

  it('a short option that takes a value, glued to flags after it (-rq), is refused as given no value', async () => {
    const refusedWith = (command: CommandModule<object, any>, words: string[]) => refusal(() => checkMissingValues(words, declared(command)));
    const none = (option: string) => `${MESSAGES.invalid_option(option)} (expected a value, found no value)`;
    expect(refusedWith(runCommand, ['run', 'x.yaml', '-rq'])).toBe(none('--replications'));
    expect(refusedWith(runCommand, ['run', 'x.yaml', '-qwq'])).toBe(none('--workers'));
    // patterns -rq measured with the default 200 replications, silently.
    expect(refusedWith(patternsCommand, ['patterns', '-rq'])).toBe(none('--replications'));
    // A letter followed by its value, or a group ending in one that takes the next word, is not refused.
    for (const words of [['run', 'x.yaml', '-r3'], ['run', 'x.yaml', '-qr3'], ['run', 'x.yaml', '-r=3'], ['run', 'x.yaml', '-qr', '3'], ['run', 'x.yaml', '-r', '-1']]) {
      expect(() => checkMissingValues(words, declared(runCommand)), words.join(' ')).not.toThrow();
    }
    const out = join(tempDir('difusi-glued-'), 'out');
    const r = await runInProcess(['run', SMALL_CITY, '-rq', '--out', out]);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${none('--replications')}`);
    const p = await runInProcess(['patterns', '-rq', '--check', 'P4a', '--out', join(out, 'VALIDATION.md')]);
    expect(refusedInOneLine(p)).toBe(`✗ command line: ${none('--replications')}`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('through the command line: -r 0x3 is one line, exit 2, nothing written', async () => {
    const out = join(tempDir('difusi-numbers-'), 'out');
    const r = await runInProcess(['run', SMALL_CITY, '-r', '0x3', '--out', out, '-q']);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.invalid_option('--replications')} (expected a whole number of at least 1, found 0x3)`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});

describe('--precision is read from the text the user wrote, as a decimal', () => {
  it('run and compare take it; every other number option of every command is a whole number', () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      const o = declared(command);
      const aliases = new Set(Object.values(o.alias).flat());
      // Every number option is kept as text (read by readWholeNumbers), --precision included.
      expect(o.number.filter((k) => !aliases.has(k) && !o.string.includes(k)), name).toEqual([]);
      expect(o.number.includes('precision'), name).toBe(name === 'run' || name === 'compare');
    }
  });

  it.each([['0.05', 0.05], ['.05', 0.05], ['1', 1], ['0.5', 0.5], ['2.', 2], ['007.5', 7.5]])('--precision %j reaches the command as %d', async (text, value) => {
    for (const name of ['run', 'compare']) {
      const a = await parsed(name, [name, 'x.yaml', '--precision', text]);
      expect(a['precision']).toBe(value);
      expect(precisionFrom({ precision: a['precision'] as number, 'precision-outcome': 'live_share', 'max-replications': 100 })?.target).toBe(value);
    }
  });

  it.each([['0x1'], ['1e0'], ['+1'], [' 1'], ['1 '], ['NaN'], ['Infinity'], ['1,5'], ['0b1'], ['.'], ['1.2.3']])('--precision %j reaches the command as text, which its check refuses', async (text) => {
    const a = await parsed('run', ['run', 'x.yaml', `--precision=${text}`]);
    expect(a['precision']).toBe(text);
    const expected = /\s/.test(text) ? JSON.stringify(text) : Number.isNaN(Number(text)) ? 'not a number' : text;
    expect(refusal(() => precisionFrom({ precision: a['precision'] as string, 'precision-outcome': 'live_share', 'max-replications': 100 }))).toBe(
      `${MESSAGES.invalid_option('--precision')} (expected a relative half-width > 0, e.g. 0.05, found ${expected})`,
    );
  });

  it('0, and digits too many for a finite number, are refused', () => {
    expect(refusal(() => precisionFrom({ precision: 0, 'precision-outcome': 'live_share', 'max-replications': 100 }))).toContain('found 0)');
    expect(() => precisionFrom({ precision: '9'.repeat(400), 'precision-outcome': 'live_share', 'max-replications': 100 })).toThrow(UserError);
  });

  it('through the command line: --precision 0x1 is one line, exit 2, nothing written', async () => {
    const out = join(tempDir('difusi-precision-'), 'out');
    const r = await runInProcess(['run', SMALL_CITY, '--precision', '0x1', '--out', out, '-q']);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.invalid_option('--precision')} (expected a relative half-width > 0, e.g. 0.05, found 0x1)`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});

describe('patterns --out is none of the files patterns reads', () => {
  it('the national scenario, its Info page and the city scenarios are refused, however spelled; another file is not', async () => {
    const inputs = await patternInputs();
    for (const file of Object.values(PATTERN_FILES)) expect(existsSync(join(ROOT, file)), file).toBe(true);
    const national = join(ROOT, PATTERN_FILES.national);
    expect(refusal(() => checkOutFile(national, inputs))).toContain(`it is the scenario ${PATTERN_FILES.national}, which this command reads`);
    expect(refusal(() => checkOutFile(national.replace(/\.yaml$/, '.md'), inputs))).toContain(`it is the Info page of ${PATTERN_FILES.national}`);
    expect(refusal(() => checkOutFile(join(ROOT, 'scenarios', '..', PATTERN_FILES.bekasi), inputs))).toContain(PATTERN_FILES.bekasi);
    expect(() => checkOutFile(join(tempDir('difusi-patterns-out-'), 'VALIDATION.md'), inputs)).not.toThrow();
    // Nothing was written over.
    expect(readFileSync(national, 'utf8')).toContain('governments:');
  });
});
