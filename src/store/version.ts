/** The tool's name and version, read once from package.json. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const TOOL_NAME = 'difusi';

let cached: string | undefined;

/** The package root (where package.json and scenarios/ live), from this module's location. */
export function packageRoot(): string {
  // src/store/version.ts and dist/src/store/version.js both sit below the package root.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function toolVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}

let identity: string | undefined;

/**
 * The identity of the build that is running: the hash of the sources it was
 * compiled from (scripts/build-stamp.mjs, written into dist/build-stamp.json
 * by `npm run build`, and into dist/cli/build-stamp.json when the command
 * line is bundled). The same sources give the same identity on any machine,
 * after `npm ci` and after a copy, whichever way difusi runs: the bundle
 * (bin/difusi.mjs, dist/cli/) reads the stamp written with it; tsc's output
 * (dist/src/) reads dist/build-stamp.json when the compiled modules are
 * those the stamp was written for (their hash, `compiled`, by content, not
 * by file times: a `tsc` or `npm start` after an edit rewrites modules
 * without a new stamp, and then the identity is the hash of the compiled
 * modules themselves); the test suite (running src/*.ts) reads
 * dist/build-stamp.json, which its global setup checks against the sources.
 * Recorded in every part (part.json, sweep-part.json, a national shard's
 * part.json) so that --resume and merge never join the work of two builds:
 * two builds may compute different numbers from the same scenario.
 */
export function buildIdentity(): string {
  if (identity === undefined) identity = findBuildIdentity();
  return identity;
}

/** A stamp's hex hash field `key`, or undefined. */
function stampField(file: string, key: 'sources' | 'compiled'): string | undefined {
  try {
    const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)[key];
    return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * sha256 over the compiled modules under `srcDir` (each .js file's path below it, with `/`, and its content,
 * CRLF read as LF): what scripts/build-stamp.mjs records as the stamp's `compiled`, calling this function of
 * the compiled module, so the stamp and the running program compute it one way.
 */
export function compiledModulesHash(srcDir: string): string {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const name of fs.readdirSync(path.join(srcDir, rel)).sort()) {
      const p = rel === '' ? name : `${rel}/${name}`;
      if (fs.statSync(path.join(srcDir, p)).isDirectory()) walk(p);
      else if (name.endsWith('.js')) files.push(p);
    }
  };
  walk('');
  const h = createHash('sha256');
  for (const p of files) {
    h.update(p);
    h.update('\0');
    h.update(fs.readFileSync(path.join(srcDir, p), 'utf8').replace(/\r\n/g, '\n'));
    h.update('\0');
  }
  return h.digest('hex');
}

function findBuildIdentity(): string {
  const here = fileURLToPath(import.meta.url);
  const hereDir = path.dirname(here);
  // The bundle: its own stamp, written when it was bundled from the sources.
  if (path.basename(hereDir) === 'cli' && path.basename(path.dirname(hereDir)) === 'dist') {
    const sources = stampField(path.join(hereDir, 'build-stamp.json'), 'sources');
    if (sources !== undefined) return sources;
  }
  const dist = path.join(packageRoot(), 'dist');
  const stamp = path.join(dist, 'build-stamp.json');
  const sources = stampField(stamp, 'sources');
  if (here.endsWith('.ts')) return sources ?? 'unbuilt';
  // tsc's output: the stamp counts while the compiled modules are those it was written for.
  const compiled = compiledModulesHash(path.join(dist, 'src'));
  if (sources !== undefined && stampField(stamp, 'compiled') === compiled) return sources;
  return `compiled-${compiled}`;
}
