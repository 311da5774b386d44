/**
 * A stored arm national-compare finds (a finished national folder it reads
 * rather than runs) whose file is there but cannot be read (no permission
 * for this user: tests/support/fail-read.mjs, as tests run as root). Such a
 * file is refused by name, in one line, exit code 2, the arm kept as it was
 * and nothing written: neither taken for a damaged folder and run again over
 * (a manifest.json that could not be read was: the run's replacing the
 * folder then said it "holds files difusi did not write"), nor deleted. Its
 * tables were already refused so; they are pinned here too.
 *
 * And the predicate that lets the pipe refusal through (store/regular-file.ts
 * isNotRegularFileRefusal) knows it by its class, not by its code
 * (`file_unreadable`), which a scenario file this user may not read shares.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, UserError } from '../../src/messages/catalog.js';
import { isNotRegularFileRefusal, regularFileExists } from '../../src/store/regular-file.js';
import { ROOT, cliTestFolder, refusedInOneLine, startCli } from '../support/cli.js';
import { locksUnder, visible } from '../support/not-regular.js';

const tmp = cliTestFolder('difusi-nat-compare-unreadable-');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'reading-caveats.yaml');
const NAME = 'reading-caveats';
const COMPARE = ['national-compare', NATIONAL, '-r', '2', '-w', '1', '-q', '--no-charts', '--set', 'national_parameters.gov_imitation=0'];

let store: string;
let key: string;

beforeAll(async () => {
  store = join(tmp(), 'store');
  const r = await startCli([...COMPARE, '--out', store]).done;
  expect(r.code, r.stderr).toBe(0);
  const compares = visible(join(store, `${NAME}-compare`));
  expect(compares).toHaveLength(1);
  key = compares[0]!.split('-')[0]!;
}, 120_000);

describe('national-compare: a stored arm with a file it may not read', () => {
  it.each(['manifest.json', 'government_summary.csv', 'p14.txt'])('%s: refused by name (permission denied), the arm kept unchanged, no comparison, no lock', async (file) => {
    const out = join(tmp(), `case-${file}`);
    cpSync(store, out, { recursive: true });
    rmSync(join(out, `${NAME}-compare`), { recursive: true });
    const base = join(out, NAME, key);
    const before = readdirSync(base).map((f) => [f, statSync(join(base, f)).mtimeMs]);
    const r = await startCli([...COMPARE, '--out', out], { failRead: join(base, file) }).done;
    expect(refusedInOneLine(r)).toBe(`✗ ${join(base, file)} ${MESSAGES.io_failed('permission denied (EACCES)')}`);
    expect(readdirSync(base).map((f) => [f, statSync(join(base, f)).mtimeMs])).toEqual(before);
    expect(visible(join(out, `${NAME}-compare`))).toEqual([]);
    expect(locksUnder(out)).toEqual([]);
  });
});

describe('isNotRegularFileRefusal', () => {
  it('is true for the refusal of a pipe or a directory where a file is read, with its words unchanged', () => {
    const dir = join(tmp(), 'predicate');
    mkdirSync(dir, { recursive: true });
    const pipe = join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    for (const [file, why] of [
      [pipe, 'it is not a regular file but a named pipe, a device or a socket, which difusi does not read (a read from one can wait or run forever)'],
      [dir, 'it is a directory'],
    ] as const) {
      let error: unknown;
      try {
        regularFileExists(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect(isNotRegularFileRefusal(error)).toBe(true);
      const issues = (error as UserError).issues;
      expect(issues.map((i) => [i.code, i.file, i.message])).toEqual([['file_unreadable', file, MESSAGES.file_unreadable(why)]]);
      expect((error as UserError).message).toBe(UserError.of('file_unreadable', [why], { file }).message);
    }
  });

  it('is false for any other file_unreadable (a file this user may not read), any other user error, and any other error', () => {
    const denied = UserError.of('file_unreadable', ['permission denied (the file, or a folder on its path, may not be read by this user)'], { file: 'f.yaml' });
    expect(isNotRegularFileRefusal(denied)).toBe(false);
    expect(isNotRegularFileRefusal(UserError.of('file_not_found', [], { file: 'f.yaml' }))).toBe(false);
    expect(isNotRegularFileRefusal(Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toBe(false);
    expect(isNotRegularFileRefusal(undefined)).toBe(false);
  });
});
