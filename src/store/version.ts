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
 * line is bundled). The same sources give the same identity on any machine
 * and after `npm ci`, whichever way difusi runs: the bundle (bin/difusi.mjs,
 * dist/cli/) reads the stamp written with it; tsc's output (dist/src/) reads
 * dist/build-stamp.json while that stamp is at least as new as every
 * compiled module (a `tsc` or `npm start` after an edit rewrites modules
 * without a new stamp: then the stamp no longer describes the code, and the
 * identity is a hash of the compiled modules themselves); the test suite
 * (running src/*.ts) reads dist/build-stamp.json, which its global setup
 * checks against the sources. Recorded in every part (part.json,
 * sweep-part.json, a national shard's part.json) so that --resume and merge
 * never join the work of two builds: two builds may compute different
 * numbers from the same scenario.
 */
export function buildIdentity(): string {
  if (identity === undefined) identity = findBuildIdentity();
  return identity;
}

function stampSources(file: string): string | undefined {
  try {
    const sources = (JSON.parse(fs.readFileSync(file, 'utf8')) as { sources?: unknown }).sources;
    return typeof sources === 'string' && /^[0-9a-f]{64}$/.test(sources) ? sources : undefined;
  } catch {
    return undefined;
  }
}

/** Every .js file under `dir`, sorted (paths relative to `dir`). */
function compiledModules(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const p = path.join(rel, name);
    if (fs.statSync(path.join(dir, p)).isDirectory()) out.push(...compiledModules(dir, p));
    else if (name.endsWith('.js')) out.push(p);
  }
  return out;
}

function findBuildIdentity(): string {
  const here = fileURLToPath(import.meta.url);
  const hereDir = path.dirname(here);
  // The bundle: its own stamp, written when it was bundled from the sources.
  if (path.basename(hereDir) === 'cli' && path.basename(path.dirname(hereDir)) === 'dist') {
    const sources = stampSources(path.join(hereDir, 'build-stamp.json'));
    if (sources !== undefined) return sources;
  }
  const dist = path.join(packageRoot(), 'dist');
  const stamp = path.join(dist, 'build-stamp.json');
  const sources = stampSources(stamp);
  if (here.endsWith('.ts')) return sources ?? 'unbuilt';
  // tsc's output: the stamp counts while no compiled module is newer than it.
  const srcDir = path.join(dist, 'src');
  const modules = fs.existsSync(srcDir) ? compiledModules(srcDir) : [];
  if (sources !== undefined) {
    const stamped = fs.statSync(stamp).mtimeMs;
    const newest = Math.max(0, ...modules.map((m) => fs.statSync(path.join(srcDir, m)).mtimeMs));
    if (stamped >= newest) return sources;
  }
  const h = createHash('sha256');
  for (const m of modules) {
    h.update(m.split(path.sep).join('/'));
    h.update('\0');
    h.update(fs.readFileSync(path.join(srcDir, m)));
    h.update('\0');
  }
  return `compiled-${h.digest('hex')}`;
}
