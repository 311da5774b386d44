/**
 * `compare --resume` never joins the arms of two builds: an arm an interrupted comparison finished is kept only
 * when the comparison's hidden folder says this build finished it (its `.build`, jobs/compare.ts BUILD_STAMP).
 * A finished arm of another build (or of a difusi from before the stamp) runs again, said in the ⚠ line an
 * unfinished arm of another build gets; the comparison then has the clean bytes. Before, the finished arm was
 * kept silently: only the unfinished arm, whose part records its build, was started afresh (audit s38 cmpbuild).
 * The same holds for --precision's `.growing` folder.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { stampComparison, thisBuild } from '../support/build-stamp-of.js';

const folder = testFolder('difusi-compare-resume-build-');

describe('compare --resume restarts a finished arm another build wrote', () => {
  let file = '';
  let key = '';
  let clean = '';
  const compare = (out: string, ...more: string[]) => runInProcess(['compare', file, '-r', '6', '--workers', '1', '--no-charts', '--quiet', '--out', out, ...more]);
  beforeAll(async () => {
    cpSync(join(ROOT, 'tests', 'support', 'small-city.yaml'), join(folder(), 'small-city.yaml'));
    file = join(folder(), 'exp.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'name: exp-small\nbase: small-city.yaml\nvariants:\n  - name: takeover\n    set:\n      parameters.takeover_vendor: 1\n');
    const r = await compare(join(folder(), 'clean'));
    expect(r.code, r.stderr).toBe(0);
    key = readdirSync(join(folder(), 'clean', 'exp-small'))[0]!;
    clean = readFileSync(join(folder(), 'clean', 'exp-small', key, 'compare.csv'), 'utf8');
    // A finished comparison's folder holds no stamp: it is removed before the folder is put in place.
    expect(existsSync(join(folder(), 'clean', 'exp-small', key, '.build'))).toBe(false);
  });

  /** An interrupted comparison whose base arm was finished by `build` (none: no stamp), resumed by this build. */
  async function resumeAfter(name: string, build: string | undefined) {
    const out = join(folder(), name);
    const partial = join(out, 'exp-small', `.${key}.partial`);
    const arm = join(partial, 'arms', 'base');
    cpSync(join(folder(), 'clean', 'exp-small', key, 'arms', 'base'), arm, { recursive: true });
    if (build !== undefined) stampComparison(partial, build);
    const r = await compare(out, '--resume');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'exp-small', key, 'compare.csv'), 'utf8')).toBe(clean);
    expect(existsSync(join(out, 'exp-small', key, '.build'))).toBe(false);
    return { r, arm };
  }

  it('another build: the finished arm runs again, said in one ⚠ line naming it', async () => {
    const { r, arm } = await resumeAfter('other', 'f'.repeat(64));
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('⚠'));
    expect(lines).toEqual([`⚠ ${file.replace(/exp\.yaml$/, 'small-city.yaml')} (arm base): ${arm}: it was written by another build of difusi: starting afresh`]);
  });

  it('no stamp (a difusi from before it): the finished arm runs again, said', async () => {
    const { r, arm } = await resumeAfter('unstamped', undefined);
    expect(r.stderr).toContain(`${arm}: it was written by another build of difusi (one from before parts recorded their build): starting afresh`);
  });

  it('(control) this build: the finished arm is kept, no word said', async () => {
    const { r } = await resumeAfter('same', thisBuild());
    expect(r.stderr).not.toContain('starting afresh');
    expect(r.stderr).not.toContain('⚠');
  });
});
