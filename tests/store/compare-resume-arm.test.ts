/**
 * `compare --resume` reuses an arm an interrupted comparison finished (its
 * folder under `.<key>.partial/arms/<arm>/`) only if it holds what its
 * manifest says: every file matching its checksum, and the manifest that of
 * this arm's run (jobs/compare.ts keepFinishedArm). Otherwise the arm runs
 * again and the comparison has the clean bytes. Before, the arm's outcomes
 * were read back from whatever its files held: one changed cell, a file cut
 * short or deleted gave exit 0 and a wrong compare.csv (a deleted
 * timeseries.csv read as zeros: an invented effect).
 *
 * The interrupted state is made by hand, as a kill after the first arm
 * leaves it: a finished comparison's `arms/base/` (the very folder the
 * partial held: the partial is renamed whole into place) copied back under
 * `.<key>.partial/arms/base/`, then damaged.
 */
import { cpSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { stampComparison } from '../support/build-stamp-of.js';

const folder = testFolder('difusi-compare-resume-arm-');
const R = '40';

function experiment(dir: string): string {
  const file = join(dir, 'exp.yaml');
  cpSync(join(ROOT, 'tests', 'support', 'small-city.yaml'), join(dir, 'small-city.yaml'));
  writeFileSync(file, 'name: exp-small\nbase: small-city.yaml\nvariants:\n  - name: takeover\n    set:\n      parameters.takeover_vendor: 1\n');
  return file;
}

const compare = (file: string, out: string, ...more: string[]) =>
  runInProcess(['compare', file, '-r', R, '--workers', '1', '--no-charts', '--quiet', '--out', out, ...more]);

describe('compare --resume checks an arm it finished before reusing it', () => {
  let file = '';
  let key = '';
  let clean = '';
  beforeAll(async () => {
    file = experiment(folder());
    const r = await compare(file, join(folder(), 'clean'));
    expect(r.code, r.stderr).toBe(0);
    key = readdirSync(join(folder(), 'clean', 'exp-small'))[0]!;
    clean = readFileSync(join(folder(), 'clean', 'exp-small', key, 'compare.csv'), 'utf8');
  });

  /** An interrupted comparison under `out` whose finished base arm `damage` changes; then --resume. */
  async function resumeAfter(name: string, damage: (arm: string) => void) {
    const out = join(folder(), name);
    const arm = join(out, 'exp-small', `.${key}.partial`, 'arms', 'base');
    cpSync(join(folder(), 'clean', 'exp-small', key, 'arms', 'base'), arm, { recursive: true });
    stampComparison(join(out, 'exp-small', `.${key}.partial`));
    damage(arm);
    const r = await compare(file, out, '--resume');
    return { r, csv: readFileSync(join(out, 'exp-small', key, 'compare.csv'), 'utf8') };
  }

  it('(control) an undamaged finished arm is reused: the clean bytes, no word said', async () => {
    const { r, csv } = await resumeAfter('intact', () => undefined);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('damaged');
    expect(csv).toBe(clean);
  });

  const cases: [string, (arm: string) => void, string][] = [
    ['one cell of outcomes.csv changed', (arm) => {
      const f = join(arm, 'outcomes.csv');
      const text = readFileSync(f, 'utf8');
      const changed = text.includes(',sustained') ? text.replace(',sustained', ',discontinued') : text.replace(',discontinued', ',sustained');
      expect(changed).not.toBe(text);
      writeFileSync(f, changed);
    }, 'outcomes.csv does not match its checksum'],
    ['outcomes.csv cut short', (arm) => truncateSync(join(arm, 'outcomes.csv'), 100), 'outcomes.csv does not match its checksum'],
    ['timeseries.csv deleted', (arm) => rmSync(join(arm, 'timeseries.csv')), 'timeseries.csv is missing'],
    ['manifest.json of another run (the variant arm copied over the base)', (arm) => {
      rmSync(arm, { recursive: true });
      cpSync(join(folder(), 'clean', 'exp-small', key, 'arms', 'takeover'), arm, { recursive: true });
    }, "not this arm's run"],
    ['a replication count edited in its manifest.json (which holds the checksums, not covered by them)', (arm) => {
      const f = join(arm, 'manifest.json');
      const manifest = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
      writeFileSync(f, JSON.stringify({ ...manifest, replications: Number(R) - 1 }, null, 2) + '\n');
    }, "not this arm's run"],
  ];
  for (const [what, damage, said] of cases) {
    it(`${what}: the arm runs again, said in one line; compare.csv has the clean bytes`, async () => {
      const { r, csv } = await resumeAfter(what.replace(/[^a-z]+/g, '-'), damage);
      expect(r.code, r.stderr).toBe(0);
      expect(csv).toBe(clean);
      expect(r.stderr).toContain('the arm finished before is damaged');
      expect(r.stderr).toContain(said);
    });
  }
});
