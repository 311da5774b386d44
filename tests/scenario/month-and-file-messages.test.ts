/**
 * Two refusals that say more: a month in YYYY-MM form whose month is not
 * 01-12 ("2019-13") says so, and a scenario file that is not found names
 * where it was looked for and a near miss in that folder.
 *
 * The command runs in the test's own process (runInProcess,
 * tests/support/in-process.ts), whose working folder is the repository's, as
 * the process's was: the test reads its code and output only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { nearMiss, readScenarioFile } from '../../src/store/scenario-file.js';
import { userError } from '../support/errors.js';
import { testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { fixtureText, fullInput } from './helpers.js';

const folder = testFolder('difusi-month-file-');

describe('a month that does not exist', () => {
  test.each(['2019-13', '2019-00', '2020-99'])('%s in the file: "there is no month", at its line', (month) => {
    const text = fixtureText('full.yaml').replace(/^start: .*$/m, `start: ${month}`);
    const r = parseScenarioText(text, 'full.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.startsWith('start:')) + 1;
    expect(r.issues[0]).toMatchObject({
      code: 'no_such_month',
      message: MESSAGES.no_such_month(month.slice(5)),
      path: ['start'],
      line,
      expected: 'a month as YYYY-MM',
      found: JSON.stringify(month),
    });
    expect(r.issues[0]!.message).toBe(`There is no month ${month.slice(5)}: the month must be 01-12`);
  });

  test('in an override too', () => {
    const r = validateWithOverrides(fullInput(), { start: '2019-13' }, 'full.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'no_such_month', path: ['start'] });
  });

  test.each(['2019/01', '06-2019', '2022-1', '2022-01-15', '2019-1x'])('%s is still "badly formatted"', (month) => {
    const r = validateWithOverrides(fullInput(), { start: month }, 'full.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'bad_format', path: ['start'], expected: 'a month as YYYY-MM' });
  });
});

describe('a scenario file that is not there', () => {
  test('names the absolute path it looked for and the same name with another extension', () => {
    const dir = join(folder(), 'ext');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sukamaju.yaml'), 'x: 1\n');
    const e = userError(() => readScenarioFile(join(dir, 'sukamaju.yml')));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ code: 'file_not_found', file: join(dir, 'sukamaju.yml'), expected: 'an existing .yaml, .yml or .json file' });
    expect(e.issues[0]!.message).toBe(`File not found: looked for ${join(dir, 'sukamaju.yml')}; did you mean sukamaju.yaml?`);
  });

  test('a name within edit distance 2; none when nothing is close', () => {
    const dir = join(folder(), 'typo');
    mkdirSync(dir);
    for (const n of ['sukamaju.yaml', 'bekasi.yaml', 'notes.txt', 'sukamaju-notes.md']) writeFileSync(join(dir, n), 'x: 1\n');
    expect(nearMiss(join(dir, 'sukamaja.yaml'))).toBe('sukamaju.yaml');
    expect(nearMiss(join(dir, 'Sukamaju.yaml'))).toBe('sukamaju.yaml');
    expect(nearMiss(join(dir, 'bekasi.json'))).toBe('bekasi.yaml');
    expect(nearMiss(join(dir, 'jakarta.yaml'))).toBeUndefined();
    expect(nearMiss(join(dir, 'notes.yaml'))).toBeUndefined(); // notes.txt is no scenario file
    expect(nearMiss(join(dir, 'no-such-folder', 'sukamaju.yaml'))).toBeUndefined();
    const e = userError(() => readScenarioFile(join(dir, 'jakarta.yaml')));
    expect(e.issues[0]!.message).toBe(`File not found: looked for ${join(dir, 'jakarta.yaml')}`);
  });

  test('a relative path is looked for from the working folder, and said as an absolute path', () => {
    const e = userError(() => readScenarioFile('scenarios/bekasi-2015-2025.yml'));
    expect(e.issues[0]!.file).toBe('scenarios/bekasi-2015-2025.yml');
    expect(e.issues[0]!.message).toBe(`File not found: looked for ${resolve('scenarios/bekasi-2015-2025.yml')}; did you mean bekasi-2015-2025.yaml?`);
  });

  test('the command: one line, exit 2', async () => {
    const r = await runInProcess(['run', 'scenarios/bekasi-2015-2025.yml', '--out', join(folder(), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('File not found: looked for ');
    expect(lines[0]).toContain('did you mean bekasi-2015-2025.yaml?');
  }, 60_000);
});
