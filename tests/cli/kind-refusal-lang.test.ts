/**
 * A national file given to a city command (run, compare, sweep,
 * sensitivity), and a city file given to `difusi national`, are refused in
 * one line naming the command that runs them: under `--lang id` in Bahasa
 * Indonesia (the words an experiment's national base gets,
 * experiment_arm_national), the English line unchanged byte for byte.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const NATIONAL = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');
const CITY = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');

async function refused(args: string[]): Promise<string> {
  const out = tempDir('difusi-kind-lang-');
  const r = await runInProcess([...args, '--out', out]);
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(readdirSync(out)).toEqual([]);
  return lines[0]!;
}

describe('a scenario of the other kind, under --lang', () => {
  it.each(['run', 'sweep', 'sensitivity'])('difusi %s given a national file', async (command) => {
    expect(await refused([command, NATIONAL])).toBe(
      `✗ ${NATIONAL}: a national scenario (it has governments): difusi ${command} takes city scenarios; run it with difusi national ${NATIONAL}`,
    );
    expect(await refused([command, NATIONAL, '--lang', 'id'])).toBe(
      `✗ ${NATIONAL}: skenario nasional (memuat governments): difusi ${command} hanya menerima skenario kota; jalankan dengan difusi national ${NATIONAL}`,
    );
  });

  it('difusi compare given a national file also names national-compare, in either language', async () => {
    expect(await refused(['compare', NATIONAL])).toBe(
      `✗ ${NATIONAL}: a national scenario (it has governments): difusi compare takes city scenarios; run it with difusi national ${NATIONAL}, or compare two variants with difusi national-compare ${NATIONAL} --set path=value`,
    );
    expect(await refused(['compare', NATIONAL, '--lang', 'id'])).toBe(
      `✗ ${NATIONAL}: skenario nasional (memuat governments): difusi compare hanya menerima skenario kota; jalankan dengan difusi national ${NATIONAL}, atau bandingkan dua skenario pengandaian dengan difusi national-compare ${NATIONAL} --set path=value`,
    );
  });

  it('difusi national given a city file', async () => {
    expect(await refused(['national', CITY])).toBe(
      `✗ ${CITY}: a city scenario (it has no governments): difusi national takes national scenarios; run it with difusi run ${CITY}`,
    );
    expect(await refused(['national', CITY, '--lang', 'id'])).toBe(
      `✗ ${CITY}: skenario kota (tidak memuat governments): difusi national hanya menerima skenario nasional; jalankan dengan difusi run ${CITY}`,
    );
  });
});
