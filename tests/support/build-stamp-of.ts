/**
 * The identity of the build the tests run (src/store/version.ts buildIdentity, as dist/ computes it: the stamp
 * `npm run build` writes, checked against the sources by the suite's global setup), and what an interrupted
 * comparison of this build holds besides its arms: its hidden folder's `.build` (jobs/compare.ts BUILD_STAMP).
 * Tests that make an interrupted comparison by hand (finished arms copied under `.<key>.partial/arms/`) stamp it,
 * as the command that ran the arms did; without the stamp, --resume takes the arms for another build's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** This build's identity. */
export function thisBuild(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'dist', 'build-stamp.json'), 'utf8')) as { sources: string }).sources;
}

/** Stamps a comparison's hidden folder `partial` as written by `build` (this build's, by default). */
export function stampComparison(partial: string, build = thisBuild()): void {
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, '.build'), `${build}\n`);
}
