/**
 * The stale-build guard (scripts/build-stamp.mjs, run by the suite's global
 * setup): a build stamped from the sources passes; any change to a source
 * file or the compiler settings afterwards, or a missing stamp, is refused
 * with a message that says to build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleReason, writeStamp } from '../../scripts/build-stamp.mjs';
import { ROOT, tempDir } from './cli.js';

const root = tempDir('difusi-stamp-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(): void {
  mkdirSync(join(root, 'src', 'model'), { recursive: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'src', 'model', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}');
  writeFileSync(join(root, 'tsconfig.build.json'), '{}');
}

describe('the build stamp', () => {
  it('this clone was built from its current sources (else the suite would not run)', () => {
    expect(staleReason(ROOT)).toBeNull();
  });

  it('a missing stamp, a changed source, a new source or changed compiler settings make the build stale', async () => {
    tree();
    expect(staleReason(root)).toMatch(/build-stamp\.json is missing/);
    await writeStamp(root);
    expect(staleReason(root)).toBeNull();
    writeFileSync(join(root, 'src', 'model', 'a.ts'), 'export const a = 2;\n');
    expect(staleReason(root)).toMatch(/other sources/);
    await writeStamp(root);
    writeFileSync(join(root, 'src', 'model', 'b.ts'), 'export const b = 1;\n');
    expect(staleReason(root)).toMatch(/other sources/);
    await writeStamp(root);
    writeFileSync(join(root, 'tsconfig.build.json'), '{"compilerOptions":{}}');
    expect(staleReason(root)).toMatch(/other sources/);
    await writeStamp(root);
    expect(staleReason(root)).toBeNull();
  });
});
