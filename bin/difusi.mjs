#!/usr/bin/env node
// The `difusi` command. This file is in the repository, so npm and npx can
// always link it, whether or not the TypeScript has been compiled yet (npx
// caches a package whose bin target is missing without the bin, for good).
// It runs the compiled CLI, building it first in a fresh clone.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('difusi: first use in this folder: compiling (npm run build) ...\n');
  const built = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0 || !existsSync(fileURLToPath(main))) {
    process.stderr.write(`difusi: could not compile in ${root}; run "npm ci" there (it installs TypeScript and builds), then try again.\n`);
    process.exit(1);
  }
}
await import(main.href);
