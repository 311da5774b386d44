/**
 * `compare` given one file that cannot be read or parsed as an experiment
 * names the real problem, as `sweep` does (it used to say only "expected an
 * experiment file ..."); `sweep` and `sensitivity` given a scenario file say
 * so in one line, as `run` does for an experiment file (they used to print
 * the experiment schema's missing `base` and one line per scenario field).
 * The command lines run in the test's process (runInProcess): some twenty
 * refusals, each checked for its line and exit code, at no process start.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-compare-one-');
let dir = '';
beforeAll(() => {
  dir = folder();
  mkdirSync(join(dir, 'a-folder.yaml'));
  writeFileSync(join(dir, 'empty.yaml'), '');
  writeFileSync(join(dir, 'stray-start.yaml'), `name: x\nbase: ${SMALL_CITY}\nvariants: [{ name: v }]\nstart: 2016-01\n`);
  writeFileSync(join(dir, 'syntax.yaml'), `name: x\nbase: ${SMALL_CITY}\nvariants: [{ name: v }\n`);
  // More alias expansions than the YAML reader allows.
  const a = Array.from({ length: 12 }, (_, i) => `a${i}: &a${i} [${i === 0 ? '1' : Array(12).fill(`*a${i - 1}`).join(', ')}]`).join('\n');
  writeFileSync(join(dir, 'aliases.yaml'), `${a}\nname: x\nbase: ${SMALL_CITY}\nvariants: [{ name: v }]\n`);
});

describe('compare on one broken experiment file names its problem', () => {
  it.each([
    ['a-folder.yaml', /Cannot read the file: it is a directory/],
    ['empty.yaml', new RegExp(MESSAGES.empty_file())],
    ['stray-start.yaml', /:4:1 Unknown field "start"/],
    ['syntax.yaml', /YAML syntax error/],
    ['aliases.yaml', /alias/i],
  ])('%s: the line sweep gives', async (name, says) => {
    const file = join(dir, name);
    const out = join(dir, `out-${name}`);
    const compare = refusedInOneLine(await runInProcess(['compare', file, '-r', '2', '-q', '--out', out]));
    expect(compare.startsWith(`✗ ${file}`), compare).toBe(true);
    expect(compare).toMatch(says);
    expect(compare).toBe(refusedInOneLine(await runInProcess(['sweep', file, '-r', '2', '-q', '--out', out])));
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a lone scenario file keeps the usage line', async () => {
    expect(refusedInOneLine(await runInProcess(['compare', SMALL_CITY, '-q', '--out', join(dir, 'out')]))).toMatch(/^✗ command line: Invalid value for files \(expected an experiment file, or a base scenario and at least one variant/);
  }, 60_000);
});

describe('sweep and sensitivity given a scenario file', () => {
  it.each(['sweep', 'sensitivity'])('%s: one line naming difusi run', async (command) => {
    const out = join(dir, `out-${command}`);
    expect(refusedInOneLine(await runInProcess([command, SMALL_CITY, '-r', '2', '-q', '--out', out]))).toBe(`✗ ${SMALL_CITY} ${MESSAGES.scenario_not_experiment(command, SMALL_CITY)}`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
