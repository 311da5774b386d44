// The build stamp: a hash of the sources tsc compiles into dist/, written
// into dist/build-stamp.json after every build (`npm run build`). The test
// suite compares it with the sources before running (tests/support/
// global-setup.ts), because the worker threads and the command line run the
// built dist/ code: a stale build would silently test old code. The bundled
// command line (dist/cli/, scripts/build-cli.mjs) has its own stamp, written
// when it is bundled: when dist/cli/ exists, it must match the sources too.
//
//   node scripts/build-stamp.mjs write    after tsc
//   node scripts/build-stamp.mjs check    exit 1 with a message when stale
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The inputs of the build: every .ts file under src/ and bench/, and the compiler settings. */
function buildInputs(root) {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'bench'));
  files.push(join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'));
  return files;
}

/** sha256 over the build inputs' paths and contents. */
export function sourceHash(root) {
  const h = createHash('sha256');
  for (const file of buildInputs(root)) {
    h.update(relative(root, file).split('\\').join('/'));
    h.update('\0');
    // Line endings as git stores them: a checkout with CRLF (Windows) is the same sources.
    h.update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
    h.update('\0');
  }
  return h.digest('hex');
}

/**
 * The hash of the compiled modules under dist/src, or undefined when there are none: computed by the
 * compiled program's own src/store/version.ts (compiledModulesHash), which the running program uses to
 * tell whether the stamp still describes its code, so that the two can never compute it differently.
 * It runs after tsc (`npm run build`), when dist/src/store/version.js exists.
 */
async function compiledHash(root) {
  const dir = join(root, 'dist', 'src');
  const version = join(dir, 'store', 'version.js');
  if (!existsSync(version)) return undefined;
  const { compiledModulesHash } = await import(pathToFileURL(version).href);
  return compiledModulesHash(dir);
}

export function stampFile(root) {
  return join(root, 'dist', 'build-stamp.json');
}

export async function writeStamp(root) {
  const compiled = await compiledHash(root);
  writeFileSync(stampFile(root), JSON.stringify({ sources: sourceHash(root), ...(compiled !== undefined && { compiled }) }, null, 2) + '\n');
}

/** The stamp of the bundled command line (scripts/build-cli.mjs). */
export function bundleStampFile(root) {
  return join(root, 'dist', 'cli', 'build-stamp.json');
}

/** The sources hash a stamp file records, or a reason it cannot be read. */
function readStamp(root, file) {
  if (!existsSync(file)) return { missing: true };
  try {
    return { sources: JSON.parse(readFileSync(file, 'utf8')).sources };
  } catch {
    return { reason: `${relative(root, file)} is unreadable` };
  }
}

/** Why dist/ (or the bundle in dist/cli/, when there is one) does not match the sources, or null when it does. */
export function staleReason(root) {
  const file = stampFile(root);
  const stamp = readStamp(root, file);
  if (stamp.missing) return `${relative(root, file)} is missing: dist/ was not built by \`npm run build\``;
  if (stamp.reason !== undefined) return stamp.reason;
  const sources = sourceHash(root);
  if (stamp.sources !== sources) return 'dist/ was built from other sources than those in src/ (a file changed since the last build)';
  if (existsSync(join(root, 'dist', 'cli'))) {
    const bundle = readStamp(root, bundleStampFile(root));
    if (bundle.missing) return `${relative(root, bundleStampFile(root))} is missing: dist/cli/ was not bundled by \`npm run build\``;
    if (bundle.reason !== undefined) return bundle.reason;
    if (bundle.sources !== sources) return 'dist/cli/ was bundled from other sources than those in src/ (a file changed since it was bundled)';
  }
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const command = process.argv[2];
  if (command === 'write') await writeStamp(root);
  else if (command === 'check') {
    const reason = staleReason(root);
    if (reason !== null) {
      process.stderr.write(`stale build: ${reason}. Run \`npm run build\`.\n`);
      process.exit(1);
    }
  } else {
    process.stderr.write('usage: node scripts/build-stamp.mjs write|check\n');
    process.exit(2);
  }
}
