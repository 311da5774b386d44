/**
 * A scenario given as a symbolic link (`mine/kota.yaml` -> `shared/city.yaml`) with no Info page beside the link
 * has the page beside the file the link leads to (`shared/city.md`, `shared/city.id.md`), where its author put it.
 * Before, its reports and manifest silently had no "Scenario info" (tester E, forty-first session), while the
 * same two files copied together had it. A page beside the link (in either language) is still what is read, and
 * then both languages come from beside the link.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { readInfo } from '../../src/store/scenario-file.js';

const SCENARIO = join(ROOT, 'scenarios', 'sustained-opd-owned.yaml');
const folder = testFolder('difusi-info-beside-target-');

/** shared/city.yaml with its two Info pages, and mine/kota.yaml, a link to it. */
function linked(name: string): { shared: string; link: string } {
  const shared = join(folder(), name, 'shared');
  const mine = join(folder(), name, 'mine');
  mkdirSync(shared, { recursive: true });
  mkdirSync(mine, { recursive: true });
  copyFileSync(SCENARIO, join(shared, 'city.yaml'));
  writeFileSync(join(shared, 'city.md'), '# The shared page\n');
  writeFileSync(join(shared, 'city.id.md'), '# Halaman bersama\n');
  const link = join(mine, 'kota.yaml');
  symlinkSync(join(shared, 'city.yaml'), link);
  return { shared, link };
}

describe('the Info page of a scenario given as a link', () => {
  it('is the page beside the file the link leads to, in both languages, when none is beside the link', () => {
    const { link } = linked('target');
    expect(readInfo(link)).toBe('# The shared page\n');
    expect(readInfo(link, 'id')).toBe('# Halaman bersama\n');
  });

  it('is the page beside the link when there is one there, and then never the target\'s twin in the other language', () => {
    const { link } = linked('beside');
    writeFileSync(link.replace(/\.yaml$/, '.md'), '# My own page\n');
    expect(readInfo(link)).toBe('# My own page\n');
    // No Indonesian page beside the link: none, rather than the author's twin of another page.
    expect(readInfo(link, 'id')).toBe('');
    const { link: other } = linked('beside-id');
    writeFileSync(other.replace(/\.yaml$/, '.id.md'), '# Halaman saya\n');
    expect(readInfo(other, 'id')).toBe('# Halaman saya\n');
    expect(readInfo(other)).toBe('');
  });

  it('difusi run: the manifest carries the target\'s pages', async () => {
    const { link } = linked('run');
    const out = join(folder(), 'run', 'out');
    const r = await runInProcess(['run', link, '-r', '2', '--no-charts', '-q', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const name = readdirSync(out)[0]!;
    const key = readdirSync(join(out, name)).filter((k) => !k.startsWith('.'))[0]!;
    const manifest = JSON.parse(readFileSync(join(out, name, key, 'manifest.json'), 'utf8')) as { scenario: { info: string; info_id?: string } };
    expect(manifest.scenario.info).toBe('# The shared page\n');
    expect(manifest.scenario.info_id).toBe('# Halaman bersama\n');
  });
});
