/**
 * The documentation names no folder of the machine it was written on: a
 * reader of the repository has no /work/base12 or /tmp/s6-base, so an old
 * build a figure was measured against is said for what it was ("a build of
 * the session's start", `<old>` in a command), not where it lay.
 * CHANGELOG.md is left out: its entries quote messages as they were printed
 * (a path in a "File not found" line, a link that led out of the repository),
 * examples of output, not folders the reader is sent to. A cluster's scratch
 * folder in an example job script (`/scratch/$USER`) is the reader's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/** An absolute path into a machine's own folders: its work and temporary folders, a user's home. */
const MACHINE_PATH = /(?<![\w.~-])\/(?:work|tmp|home|root|Users)\/[^\s`'")\]]*/g;

export function machinePaths(text: string): string[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(MACHINE_PATH)].map((m) => `${i + 1}: ${m[0]}`));
}

describe('the docs name no folder of the machine they were written on', () => {
  it('README.md, README.id.md and every file under docs/', () => {
    const files = ['README.md', 'README.id.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    expect(files.length).toBeGreaterThan(10);
    const hits = files.flatMap((f) => machinePaths(readFileSync(join(ROOT, f), 'utf8')).map((h) => `${f}:${h}`));
    expect(hits).toEqual([]);
  });

  it('(control) such paths are found, and a relative path, a URL or a scratch folder is not', () => {
    expect(machinePaths('against /work/base12 (main)\n`git worktree add /tmp/s6-base 5598255`\n--out /tmp/...')).toEqual(['1: /work/base12', '2: /tmp/s6-base', '3: /tmp/...']);
    expect(machinePaths('see docs/work/x, https://example.org/tmp/x, ~/home/x, --out /scratch/$USER/difusi, output/tmp/x')).toEqual([]);
  });
});
