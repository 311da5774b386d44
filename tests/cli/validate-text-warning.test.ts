/**
 * `validate` warns (and only warns: the file stays valid) about control and
 * bidirectional characters in a scenario's strings, which the reports leave out.
 * The command runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads its code and stderr only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { textWarnings } from '../../src/model/warnings.js';
import { SMALL_CITY, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

it('validate accepts the file and names each string, with its characters', async () => {
  const dir = tempDir('difusi-textwarn-');
  const file = join(dir, 'city.yaml');
  const text = readFileSync(SMALL_CITY, 'utf8');
  writeFileSync(file, text.replace(/^description: .*$/m, 'description: "city\\a \\u202E"'));
  const r = await runInProcess(['validate', file]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('control or bidirectional characters in description (U+0007, U+202E)');
});

it('textWarnings: none for ordinary text; the first five paths, then a count', () => {
  expect(textWarnings({ name: 'Kota Bekasi — تجربة 👍', a: ['x\ty\nz'] })).toEqual([]);
  const w = textWarnings({ leaders: Array.from({ length: 7 }, (_, i) => ({ name: `m${i}\u001b` })) });
  expect(w).toHaveLength(1);
  expect(w[0]).toContain('leaders[0].name (U+001B), leaders[1].name (U+001B)');
  expect(w[0]).toContain('and 2 more');
});
