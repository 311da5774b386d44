/** The tool's name and version, read once from package.json. */
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
