/**
 * A national run's folder (docs/NATIONAL.md, "Outputs"): `-r N` with the
 * file's own replications is the plain run and writes to its folder; another
 * N to another folder. `--detail` naming a government twice writes its
 * agents once.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFile } from '../../src/store/national-file.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const fileReplications = (parse(readFileSync(FIXTURE, 'utf8')) as { replications: number }).replications;

describe('national run folder key', () => {
  it("is the plain run's with -r equal to the file's replications, and another with another -r", async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-key-'));
    const plain = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, command: 'test' });
    const same = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: fileReplications, command: 'test' });
    const other = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 2, command: 'test' });
    expect(same.dir).toBe(plain.dir);
    expect(other.dir).not.toBe(plain.dir);
    // The plain run's key is the start of the file's hash, as before.
    const manifest = JSON.parse(readFileSync(join(plain.dir, 'manifest.json'), 'utf8')) as { scenario: { hash: string } };
    expect(basename(plain.dir)).toBe(manifest.scenario.hash.slice(0, 12));
  });
});

describe("a national run's scenario hash (manifest.json, the report)", () => {
  it('is the scenario as it ran, the hash validate prints with --set replications=N, whatever the folder key', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-hash-'));
    const other = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 2, command: 'test', report: 'en' });
    const manifest = JSON.parse(readFileSync(join(other.dir, 'manifest.json'), 'utf8')) as { scenario: { hash: string } };
    const asRun = readNationalFile(FIXTURE, { replications: 2 }).hash;
    expect(asRun).not.toBe(readNationalFile(FIXTURE).hash);
    expect(manifest.scenario.hash).toBe(asRun);
    // The folder keeps its key (sha256 of "<file hash>:<N>"): folders written before keep theirs.
    expect(basename(other.dir)).not.toBe(asRun.slice(0, 12));
    // The report names it as the city report does: the hash as run.
    expect(readFileSync(join(other.dir, 'report.md'), 'utf8')).toContain(`**scenario hash as run (with overrides, seed and replication count)**: \` ${asRun} \``);
  });
});

describe('--detail', () => {
  it('writes a government named twice once', async () => {
    const once = await executeNationalRun({ file: FIXTURE, outRoot: mkdtempSync(join(tmpdir(), 'difusi-national-detail-')), workers: 1, replications: 1, command: 'test', detail: ['kota-c'] });
    const twice = await executeNationalRun({ file: FIXTURE, outRoot: mkdtempSync(join(tmpdir(), 'difusi-national-detail-')), workers: 1, replications: 1, command: 'test', detail: ['kota-c', 'kota-c'] });
    const rows = (dir: string) => readFileSync(join(dir, 'government_agents.csv'), 'utf8');
    expect(rows(once.dir).split('\n').length).toBeGreaterThan(2);
    expect(rows(twice.dir)).toBe(rows(once.dir));
  });
});
