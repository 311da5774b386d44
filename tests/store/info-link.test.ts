/**
 * The Info page beside a scenario (x.yaml -> x.md, x.id.md) is read without being named on the command
 * line and copied into report.html, report.md, manifest.json and the explorer's page, which get sent on.
 * A symbolic link there is followed only to a Markdown file in the scenario's folder (or in the folder of
 * the file the scenario's own link points to), so a scenario folder received from someone else cannot pull
 * another file the reader can read (a key, a password file) into the reports (store/scenario-file.ts readInfo).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { readInfo } from '../../src/store/scenario-file.js';

const SCENARIO = join(ROOT, 'scenarios', 'sustained-opd-owned.yaml');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const folder = testFolder('difusi-info-link-');

/** A folder `name` holding a copy of `scenario` as city.yaml (or .yaml of its own name) and, outside it, a secret. */
function bundle(name: string, scenario = SCENARIO): { dir: string; file: string; secret: string } {
  const dir = join(folder(), name, 'bundle');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'city.yaml');
  copyFileSync(scenario, file);
  const secret = join(folder(), name, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-KEY-123\n');
  return { dir, file, secret };
}

describe('an Info page that is a symbolic link', () => {
  it('to a file outside the folder: difusi run refuses it in one line, exit code 2, no result folder, the secret nowhere', async () => {
    const { dir, file, secret } = bundle('outside');
    symlinkSync(secret, join(dir, 'city.md'));
    const out = join(folder(), 'outside', 'out');
    const r = await runInProcess(['run', file, '-r', '2', '--no-charts', '-q', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${join(dir, 'city.md')} Cannot read the file: it is a link to ${secret}`);
    expect(r.stdout + r.stderr).not.toContain('TOP-SECRET');
    expect(existsSync(out)).toBe(false);
  });

  it('the Indonesian page too, and for validate, explore and a national file', async () => {
    const city = bundle('id');
    symlinkSync(city.secret, join(city.dir, 'city.id.md'));
    expect(() => readInfo(city.file, 'id')).toThrow(/is a link to .*secret\.txt/);
    const v = await runInProcess(['validate', city.file]);
    expect(v.code).toBe(2);
    const e = await runInProcess(['explore', city.file, '--out', join(folder(), 'id', 'page'), '--no-open']);
    expect(e.code).toBe(2);
    expect(existsSync(join(folder(), 'id', 'page'))).toBe(false);
    const national = bundle('national', NATIONAL);
    symlinkSync(national.secret, join(national.dir, 'city.md'));
    const n = await runInProcess(['validate', national.file]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('is a link to');
  });

  it('to a file beside the scenario that is not Markdown (a .netrc, a key in the same folder): refused', () => {
    const { dir, file } = bundle('not-markdown');
    writeFileSync(join(dir, '.netrc'), 'machine example.org password hunter2\n');
    symlinkSync('.netrc', join(dir, 'city.md'));
    expect(() => readInfo(file)).toThrow(/is a link to .*\.netrc, not a Markdown file beside the scenario/);
  });

  it('beside the scenario in a folder reached through a link, the scenario itself a link elsewhere: read (the folders are compared as resolved)', () => {
    const base = join(folder(), 'linked-folder');
    const real = join(base, 'real');
    mkdirSync(real, { recursive: true });
    symlinkSync(real, join(base, 'alias'));
    const shared = join(base, 'shared');
    mkdirSync(shared);
    copyFileSync(SCENARIO, join(shared, 'real.yaml'));
    symlinkSync(join(shared, 'real.yaml'), join(real, 'city.yaml'));
    writeFileSync(join(real, 'page.md'), '# Beside it\n');
    symlinkSync('page.md', join(real, 'city.md'));
    expect(readInfo(join(base, 'alias', 'city.yaml'))).toBe('# Beside it\n');
  });

  it('to a Markdown file in another folder: refused (a .md elsewhere is not beside the scenario)', () => {
    const { dir, file } = bundle('elsewhere');
    const other = join(folder(), 'elsewhere', 'notes.md');
    writeFileSync(other, '# Notes\n');
    symlinkSync(other, join(dir, 'city.md'));
    expect(() => readInfo(file)).toThrow(/is a link to .*notes\.md, not a Markdown file beside the scenario/);
  });

  it('to a Markdown file beside the scenario, or beside the file the scenario links to: read (controls)', () => {
    const { dir, file } = bundle('beside');
    writeFileSync(join(dir, 'page.md'), '# The page\n');
    symlinkSync('page.md', join(dir, 'city.md'));
    expect(readInfo(file)).toBe('# The page\n');
    // A scenario that is itself a link, its Info page a link to the page beside the real file.
    const shared = join(folder(), 'beside', 'shared');
    mkdirSync(shared);
    copyFileSync(SCENARIO, join(shared, 'real.yaml'));
    writeFileSync(join(shared, 'real.md'), '# Shared page\n');
    const mine = join(folder(), 'beside', 'mine');
    mkdirSync(mine);
    symlinkSync(join(shared, 'real.yaml'), join(mine, 'city.yaml'));
    symlinkSync(join(shared, 'real.md'), join(mine, 'city.md'));
    expect(readInfo(join(mine, 'city.yaml'))).toBe('# Shared page\n');
    // A plain page, no link: read as ever.
    const plain = bundle('plain');
    writeFileSync(join(plain.dir, 'city.md'), readFileSync(SCENARIO.replace(/\.yaml$/, '.md'), 'utf8'));
    expect(readInfo(plain.file)).toContain('#');
  });
});
