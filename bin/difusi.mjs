#!/usr/bin/env node
// The `difusi` command. This file is in the repository, so npm and npx can
// always link it, whether or not the TypeScript has been compiled yet (npx
// caches a package whose bin target is missing without the bin, for good).
// It runs the compiled CLI, building it first in a fresh clone.
//
// It runs the bundled CLI (dist/cli/difusi.js, scripts/build-cli.mjs), which
// starts faster than the same code as separate modules, unless tsc has
// written dist/src since it was bundled (`npm start`, `tsc -b` after an
// edit): then it runs tsc's output, dist/src/cli/main.js, so a stale bundle
// never runs in place of newer code.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('difusi: first use in this folder: compiling (npm run build) ...\n');
  // Loaded here only: no command needs child processes to start.
  const { spawnSync } = await import('node:child_process');
  const built = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0 || !existsSync(fileURLToPath(main))) {
    process.stderr.write(`difusi: could not compile in ${root}; run "npm ci" there (it installs TypeScript and builds), then try again.\n`);
    process.exit(1);
  }
}

/** Modification time in ms, or undefined for a missing file. */
function modified(url) {
  return statSync(fileURLToPath(url), { throwIfNoEntry: false })?.mtimeMs;
}

// tsc -b rewrites every output and dist/tsconfig.build.tsbuildinfo when
// anything changed (tsc -p rewrites every output): either being newer than
// the bundle's stamp means the bundle is older than the compiled code.
// Equal times (an npm package sets one time on every file) count as current.
const bundle = new URL('../dist/cli/difusi.js', import.meta.url);
const bundled = modified(new URL('../dist/cli/build-stamp.json', import.meta.url));
const compiled = Math.max(modified(main) ?? 0, modified(new URL('../dist/tsconfig.build.tsbuildinfo', import.meta.url)) ?? 0);
const current = bundled !== undefined && bundled >= compiled && existsSync(fileURLToPath(bundle));
// A plain `difusi validate <file>` of a city file starts from its own file
// of the same bundle (src/cli/validate-start.ts), which loads fewer files;
// it returns false, having done nothing, for anything else.
const validate = new URL('../dist/cli/difusi-validate.js', import.meta.url);
const started = current && process.argv.length === 4 && process.argv[2] === 'validate' && existsSync(fileURLToPath(validate)) && (await (await import(validate.href)).startValidate(process.argv.slice(2)));
if (!started) await import((current ? bundle : main).href);
