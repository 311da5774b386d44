/**
 * The build identity recorded in every part (store/version.ts buildIdentity):
 * the same sources give the same identity however dist/ came to be where it
 * is (a copy with new file times, a Docker layer), and compiled code the
 * stamp does not describe (a `tsc` after an edit, without `npm run build`)
 * gets its own. Decided by content (the stamp's `compiled` hash against the
 * modules), not by file times: the first version compared times, so a copy
 * of dist/ whose stamp landed before its modules refused the merge of shards
 * of identical code. A checkout with CRLF line endings is the same sources.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '../../scripts/build-stamp.mjs';
import { compiledModulesHash } from '../../src/store/version.js';
import { ROOT, testFolder } from '../support/cli.js';

const folder = testFolder('difusi-build-identity-');
const stamp = () => JSON.parse(readFileSync(join(ROOT, 'dist', 'build-stamp.json'), 'utf8')) as { sources: string; compiled: string };

/** A package root holding a copy of dist/src and dist/build-stamp.json (the copy's files get new times). */
function copiedInstall(name: string): string {
  const root = join(folder(), name);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"name":"copy","version":"0.0.0","type":"module"}\n');
  cpSync(join(ROOT, 'dist', 'src'), join(root, 'dist', 'src'), { recursive: true });
  cpSync(join(ROOT, 'dist', 'build-stamp.json'), join(root, 'dist', 'build-stamp.json'));
  return root;
}

/** buildIdentity() as the copy's dist/src/store/version.js computes it, in a process of its own. */
function identityOf(root: string): string {
  const url = new URL(`file://${join(root, 'dist', 'src', 'store', 'version.js')}`).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { buildIdentity } from ${JSON.stringify(url)}; process.stdout.write(buildIdentity());`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('the build identity', () => {
  it("the stamp's compiled hash is what the program computes from its modules (the stamp is written by the program's own function)", () => {
    expect(stamp().compiled).toBe(compiledModulesHash(join(ROOT, 'dist', 'src')));
    expect(identityOf(ROOT)).toBe(stamp().sources);
  });

  it('a copy of dist/ whose stamp is older than its modules is still the same build (content, not file times)', () => {
    const root = copiedInstall('old-stamp');
    utimesSync(join(root, 'dist', 'build-stamp.json'), new Date(0), new Date(0));
    expect(identityOf(root)).toBe(stamp().sources);
  });

  it('(control) a compiled module the stamp does not describe (a tsc after an edit) is another build, whatever the times', () => {
    const root = copiedInstall('edited');
    appendFileSync(join(root, 'dist', 'src', 'model', 'events.js'), '\n// edited\n');
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(join(root, 'dist', 'build-stamp.json'), later, later);
    const id = identityOf(root);
    expect(id).not.toBe(stamp().sources);
    expect(id).toMatch(/^compiled-[0-9a-f]{64}$/);
  });

  it('sources checked out with CRLF line endings are the same sources; a changed line is not', () => {
    const make = (name: string, text: string) => {
      const root = join(folder(), name);
      mkdirSync(join(root, 'src'), { recursive: true });
      writeFileSync(join(root, 'src', 'a.ts'), text);
      writeFileSync(join(root, 'tsconfig.json'), '{}\n');
      writeFileSync(join(root, 'tsconfig.build.json'), '{}\n');
      return sourceHash(root);
    };
    const lf = make('lf', 'export const a = 1;\nexport const b = 2;\n');
    expect(make('crlf', 'export const a = 1;\r\nexport const b = 2;\r\n')).toBe(lf);
    expect(make('changed', 'export const a = 1;\nexport const b = 3;\n')).not.toBe(lf);
  });
});
