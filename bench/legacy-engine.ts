/**
 * The engine as it was before the hazard-clock rewrite, loaded
 * from git for the old-vs-new comparison only (bench/engine-compare.ts):
 * `git archive` of src/ at LEGACY_COMMIT into a hidden folder of the
 * checkout, bundled with esbuild (npm packages stay external, so they
 * resolve to this checkout's node_modules). No copy of the old engine lives
 * in the source tree.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The last commit of the old engine (branch i11's base). */
export const LEGACY_COMMIT = '9a27ce56c4f835e49581a73c047a8d936d8ff68b';

export interface LegacyEngine {
  compile(scenario: unknown): unknown;
  simulateReplication(model: unknown, seed: number, replication: number, options: { detail: boolean }): {
    series: Float64Array;
    outcomes: { innovation: string; outcome: string; [key: string]: unknown }[];
    agents: unknown;
    events: unknown;
  };
}

/** Loads the engine of `commit` (default LEGACY_COMMIT; any commit of this repository whose src/ has the same two entry points). */
export async function loadLegacyEngine(root: string, commit: string = LEGACY_COMMIT): Promise<LegacyEngine> {
  const dir = path.join(root, '.legacy-engine', commit.slice(0, 12));
  const bundle = path.join(dir, 'engine.mjs');
  if (!fs.existsSync(bundle)) {
    fs.mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['-C', root, 'archive', commit, 'src'], { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    fs.writeFileSync(
      path.join(dir, 'entry.ts'),
      "export { compile } from './src/model/compile.js';\nexport { simulateReplication } from './src/model/simulate.js';\n",
    );
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(dir, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'error' });
  }
  return (await import(pathToFileURL(bundle).href)) as LegacyEngine;
}
