/**
 * `difusi national` takes the short options the city commands take: -r
 * (replications), -w (workers), as well as -q (quiet) and -s (seed). Before,
 * `-r 2` and `-w 1` were refused as unknown options (exit code 2).
 *
 * The command runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads its code, stderr and folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

describe('difusi national short options', () => {
  it('-r 2 -w 1 -q: two replications on one thread, nothing on stderr but the scenario\'s warning', async () => {
    assertBuilt();
    const out = tempDir('difusi-national-short-');
    const r = await runInProcess(['national', FIXTURE, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // No progress bar; the fixture's own warning (cloudco leaves before vendor-app's pilot ends) is
    // printed as a city run prints its warnings, -q or not.
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([expect.stringMatching(/^⚠ .*small-national\.yaml: governments "prov-a", "kota-a", "kab-b": innovations\[1\] "vendor-app": its vendor "cloudco" leaves/)]);
    const base = join(out, 'small-national');
    const [key] = readdirSync(base);
    const manifest = JSON.parse(readFileSync(join(base, key!, 'manifest.json'), 'utf8')) as { replications: number };
    // The fixture's own count is 6.
    expect(manifest.replications).toBe(2);
  });
});
