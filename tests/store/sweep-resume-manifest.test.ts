/**
 * A sweep's result folder is written from its part's sweep-part.json, which
 * holds the manifest's fixed fields (the experiment's name and description,
 * the scenario, the design). Resumed after the experiment file's
 * description was edited (which changes no number and not the folder's
 * key), the folder must say what a clean run of the file as it now is says:
 * the part takes the new manifest fields when it is resumed
 * (store/sweep-store.ts SweepPartWriter.open). Before, the resumed sweep
 * kept the old description (exit 0, a manifest.json unlike a clean run's).
 */
import { cpSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = testFolder('difusi-sweep-resume-manifest-');
const SWEEP = (description: string) =>
  `name: sw-small\n${description}base: small-city.yaml\nreplications: 4\noutcomes: [live_share, sustained_count]\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 1] }\n`;

describe('a resumed sweep writes the manifest of the experiment file as it now is', () => {
  it('the description edited between the interruption and the resume: the clean run\'s description, the same data', async () => {
    const dir = folder();
    cpSync(join(ROOT, 'tests', 'support', 'small-city.yaml'), join(dir, 'small-city.yaml'));
    const file = join(dir, 'sw.yaml');
    const sweep = (...args: string[]) => runInProcess(['sweep', file, '--no-charts', '--quiet', '-w', '1', ...args]);
    writeFileSync(file, SWEEP(''));
    const out = join(dir, 'o');
    expect((await sweep('--out', out, '--shard', '0/2')).code).toBe(0);
    // Shard 0's finished part put back as the work folder of an interrupted shard 0/2; then the file is edited.
    const [shard] = readdirSync(join(out, 'sw-small'));
    renameSync(join(out, 'sw-small', shard!), join(out, 'sw-small', `.${shard}.partial`));
    writeFileSync(file, SWEEP('description: edited after the interruption\n'));
    const resumed = await sweep('--out', out, '--shard', '0/2', '--resume');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toMatch(/starting afresh|another/);
    expect((await sweep('--out', out, '--shard', '1/2')).code).toBe(0);
    expect((await sweep('--out', out, '--merge')).code).toBe(0);
    expect((await sweep('--out', join(dir, 'clean'))).code).toBe(0);
    const key = shard!.replace(/\.shard-0-of-2$/, '');
    const experimentOf = (root: string) => (JSON.parse(readFileSync(join(root, 'sw-small', key, 'manifest.json'), 'utf8')) as { experiment: unknown }).experiment;
    expect(experimentOf(out)).toEqual(experimentOf(join(dir, 'clean')));
    expect((experimentOf(out) as { description: string }).description).toBe('edited after the interruption');
    for (const f of ['sweep.csv', 'sweep_summary.csv']) {
      expect(readFileSync(join(out, 'sw-small', key, f)).equals(readFileSync(join(dir, 'clean', 'sw-small', key, f))), f).toBe(true);
    }
  });
});
