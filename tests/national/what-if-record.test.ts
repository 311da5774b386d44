/**
 * A national what-if says so (review: a run with --set read exactly like the
 * shipped scenario's, but for its command line): manifest.json records the
 * `--set` changes as `overrides` (not the seed or the replication count,
 * which change the draws, not the scenario), a shard carries them to the
 * merge, and the report's headline says the figures are of the changed
 * scenario, in both languages. The file's own run records none and says
 * nothing of it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { executeNationalMerge, executeNationalRun } from '../../src/jobs/national.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('a national what-if run', () => {
  it('records its --set changes and says so in the headline; the seed and -r are not what-ifs', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-whatif-'));
    const overrides = { 'parameters.takeover_vendor': 0.9, seed: 5 };
    const r = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 2, overrides, command: 'test', report: 'en' });
    const m = manifest(r.dir);
    expect(m['overrides']).toEqual({ 'parameters.takeover_vendor': 0.9 });
    // Appended after the fields before it (then build, then the warnings, appended later): the manifest's fields are only ever extended at their end.
    expect(Object.keys(m).slice(-5)).toEqual(['overrides', 'build', 'warnings', 'warnings_id', 'inert_entries']);
    expect(readFileSync(join(r.dir, 'report.md'), 'utf8')).toContain(
      'A what-if: the scenario was run with the following changes (the file itself is not changed): ` parameters.takeover_vendor = 0.9 `. Every figure below is of the scenario with these changes, not of the file as written.',
    );
    const id = await executeNationalRun({ file: FIXTURE, outRoot: mkdtempSync(join(tmpdir(), 'difusi-national-whatif-')), workers: 1, replications: 2, overrides, command: 'test', report: 'id' });
    expect(readFileSync(join(id.dir, 'report.id.md'), 'utf8')).toContain('Simulasi pengandaian: skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah): ` parameters.takeover_vendor = 0,9 `.');
  }, 60_000);

  it('a shard carries them to the merge', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-whatif-'));
    const base = { file: FIXTURE, workers: 1, replications: 2, overrides: { 'parameters.takeover_vendor': 0.9 }, command: 'test' };
    const parts: string[] = [];
    for (const index of [0, 1]) parts.push((await executeNationalRun({ ...base, outRoot: join(out, 'parts'), shard: { index, count: 2 } })).dir);
    const merged = await executeNationalMerge(parts, join(out, 'merged'), 'test', false);
    expect(manifest(merged.dir)['overrides']).toEqual({ 'parameters.takeover_vendor': 0.9 });
  }, 60_000);

  it('a --set that changes nothing is no what-if: the same folder as the file\'s own run, recorded and reported as it', async () => {
    // The fixture already says gov_launch_base: 2; takeover_vendor 0.9 does change the scenario.
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-whatif-'));
    const plain = await executeNationalRun({ file: FIXTURE, outRoot: join(out, 'plain'), workers: 1, replications: 2, command: 'test', report: 'en' });
    const same = await executeNationalRun({ file: FIXTURE, outRoot: join(out, 'same'), workers: 1, replications: 2, overrides: { 'national_parameters.gov_launch_base': 2 }, command: 'test', report: 'en' });
    expect(same.dir.split('/').at(-1)).toBe(plain.dir.split('/').at(-1));
    expect(manifest(same.dir)['overrides']).toEqual({});
    expect(readFileSync(join(same.dir, 'report.md'), 'utf8')).not.toContain('A what-if:');
    // Beside one that changes it, only that one is recorded.
    const mixed = await executeNationalRun({
      file: FIXTURE,
      outRoot: join(out, 'mixed'),
      workers: 1,
      replications: 2,
      overrides: { 'national_parameters.gov_launch_base': 2, 'parameters.takeover_vendor': 0.9, seed: 5 },
      command: 'test',
      report: 'en',
    });
    expect(manifest(mixed.dir)['overrides']).toEqual({ 'parameters.takeover_vendor': 0.9 });
    expect(readFileSync(join(mixed.dir, 'report.md'), 'utf8')).toContain('A what-if: the scenario was run with the following changes (the file itself is not changed): ` parameters.takeover_vendor = 0.9 `.');
  }, 60_000);

  it("the file's own run records none and its headline says nothing of a what-if", async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: mkdtempSync(join(tmpdir(), 'difusi-national-whatif-')), workers: 1, replications: 2, command: 'test', report: 'en' });
    expect(manifest(r.dir)['overrides']).toEqual({});
    expect(readFileSync(join(r.dir, 'report.md'), 'utf8')).not.toContain('A what-if:');
  }, 60_000);
});
