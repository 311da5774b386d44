/**
 * Helpers of the newcomer checks: run the built CLI exactly as the README
 * says (`node dist/src/cli/main.js ...`) and read its CSV files. Written from
 * the documentation only (README.md, docs/*.md), not from src/ or tests/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'newcomer');

export function freshOut(): string {
  return mkdtempSync(join(tmpdir(), 'difusi-newcomer-'));
}

/** Runs `difusi <args>`; throws with stderr unless the exit code is 0. */
export function difusi(args: string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'main.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`difusi ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The one result folder under <out>/<name>/ (docs/OUTPUTS.md: output/<name>/<key>/). */
export function resultFolder(out: string, name: string): string {
  const keys = readdirSync(join(out, name)).filter((k) => !k.startsWith('.'));
  if (keys.length !== 1) throw new Error(`expected one result folder under ${join(out, name)}, found ${keys.join(', ')}`);
  return join(out, name, keys[0]!);
}

/** A small CSV reader: difusi's files hold ids and numbers, no quoted commas in these checks. */
export function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`${file}: a row has ${cells.length} cells, header ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]!]));
  });
}
