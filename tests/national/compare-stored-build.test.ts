/**
 * national-compare reuses a stored national arm only when this build of difusi wrote it: the national manifest
 * records its `build` (version.ts buildIdentity, appended last), and a folder of another build, or one whose
 * manifest records none (written before the field), runs again with one ⚠ line saying why. Before, the manifest
 * recorded no build and an arm another build wrote (the same version) was read as this build's (audit s38 ncbuild).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { thisBuild } from '../support/build-stamp-of.js';

const work = mkdtempSync(join(tmpdir(), 'difusi-natcmp-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FILE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const SET = ['--set', 'national_parameters.gov_imitation=0'];

type Json = Record<string, unknown>;
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Json;

describe('national-compare and the build of a stored arm', () => {
  let stored = '';
  beforeAll(async () => {
    assertBuilt();
    const r = await runInProcess(['national', FILE, '-r', '2', '--no-charts', '-q', '--workers', '1', '--out', join(work, 'src')]);
    expect(r.code, r.stderr).toBe(0);
    const root = join(work, 'src', 'small-national');
    stored = join(root, readdirSync(root).filter((k) => !k.startsWith('.'))[0]!);
  });

  it('a national manifest records the build that wrote it, after the fields before it (then the warnings, appended in session 39)', () => {
    const m = manifestOf(stored);
    expect(Object.keys(m).slice(-4)).toEqual(['build', 'warnings', 'warnings_id', 'inert_entries']);
    expect(m['build']).toBe(thisBuild());
  });

  /** The stored base with its manifest's build changed by `edit`, then national-compare into the same store. */
  async function compareWith(name: string, edit: (m: Json) => void) {
    const out = join(work, name);
    const { cpSync } = await import('node:fs');
    cpSync(join(work, 'src'), out, { recursive: true });
    const base = join(out, 'small-national', stored.split('/').pop()!);
    const m = manifestOf(base);
    edit(m);
    writeFileSync(join(base, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
    const r = await runInProcess(['national-compare', FILE, ...SET, '-r', '2', '--no-charts', '-q', '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    return { r, base };
  }

  it('another build: the base runs again, said in one ⚠ line; the folder is then this build\'s', async () => {
    const { r, base } = await compareWith('other', (m) => (m['build'] = 'f'.repeat(64)));
    expect(r.stdout).toMatch(new RegExp(`^base: ${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    // The fixture's own scenario warnings aside.
    expect(r.stderr.split('\n').filter((l) => l.startsWith('⚠') && l.includes('build'))).toEqual([
      `⚠ ${base}: the folder already there was written by another build of difusi, whose numbers may differ from this one's: not reused, this arm runs again and replaces it`,
    ]);
    expect(manifestOf(base)['build']).toBe(thisBuild());
  });

  it('no build recorded (a folder from before the field): not reused either, and said', async () => {
    const { r, base } = await compareWith('unrecorded', (m) => delete m['build']);
    expect(r.stdout).not.toContain('already in the store');
    expect(r.stderr).toContain(`⚠ ${base}: the folder already there was written by another build of difusi (its manifest.json records no build`);
  });

  it('(control) this build: read, not run again, no word said', async () => {
    const { r } = await compareWith('same', () => undefined);
    expect(r.stdout).toMatch(/^base: .* \(already in the store: read, not run again\)$/m);
    expect(r.stderr).not.toContain('build');
  });
});
