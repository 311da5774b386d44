/**
 * The suite's global setup gives each run one temporary folder (TMPDIR) and
 * removes it at the end, so folders left by tests, or by the commands they
 * start, do not pile up in the system's temporary folder.
 */
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { expect, test } from 'vitest';

test("os.tmpdir() is the run's own folder, so the global teardown removes whatever tests leave in it", () => {
  expect(basename(tmpdir())).toMatch(/^difusi-tests-/);
  expect(process.env.TMPDIR).toBe(tmpdir());
  expect(basename(dirname(tmpdir()))).not.toMatch(/^difusi-tests-/);
});
