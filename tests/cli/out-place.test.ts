/**
 * Every command that writes under --out refuses an unusable place in one
 * line before any work (exit 2), as `run` does: /proc, /sys, /dev/shm, a
 * path through a file. `national` used to loop forever on /proc/x.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder, stackLines } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

const folder = cliTestFolder('difusi-out-place-');
let tmp = '';
let file = '';
beforeAll(() => {
  tmp = folder();
  file = join(tmp, 'a-file');
  writeFileSync(file, 'x\n');
});

function expectRefused(r: { code: number | null; stdout: string; stderr: string }, says: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('⚠'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(says);
  // Refused before any work: no progress, no results.
  expect(r.stdout).toBe('');
}

describe('an unusable --out is refused before any work', () => {
  for (const place of ['/proc/x', '/sys/x', '/dev/shm/x']) {
    it(`national --out ${place}`, async () => {
      expectRefused(await runInProcess(['national', NATIONAL, '--out', place, '-r', '1', '-q', '-w', '1']), /special file system/);
    }, 60_000);
  }

  it('national --out through a file gives run\'s message', async () => {
    const place = join(file, 'x');
    const run = await runInProcess(['run', join(ROOT, 'tests', 'support', 'small-city.yaml'), '--out', place, '-q']);
    expectRefused(run, /a part of the path is a file, not a folder/);
    expectRefused(await runInProcess(['national', NATIONAL, '--out', place, '-r', '1', '-q', '-w', '1']), /a part of the path is a file, not a folder/);
  }, 60_000);

  it('national-merge, patterns and explore --out /proc/x', async () => {
    expectRefused(await runInProcess(['national-merge', join(tmp, 'no-such-shard'), '--out', '/proc/x']), /special file system/);
    expectRefused(await runInProcess(['patterns', '--out', '/proc/x', '-q']), /special file system/);
    expectRefused(await runInProcess(['patterns', '--out', tmp, '-q']), /it is a folder, not a file/);
    expectRefused(await runInProcess(['explore', '--out', '/proc/x']), /special file system/);
  }, 60_000);
});
