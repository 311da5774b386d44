/**
 * A sweep of one replication per point has its sweep.csv, but no pair of
 * replications to test the lowest and highest points' difference with: the
 * report says so, where it said the difference was not tested "without
 * sweep.csv" (the file was there).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/in-process.js';

const out = mkdtempSync(join(tmpdir(), 'difusi-sweep-one-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a sweep of one replication per point', () => {
  it('says one replication cannot test a difference, in English and Bahasa Indonesia', async () => {
    const r = await runInProcess(['sweep', 'experiments/bekasi-sweep.yaml', '-r', '1', '--no-charts', '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const dir = join(out, 'bekasi-sweep', readdirSync(join(out, 'bekasi-sweep'))[0]!);
    // The report, SVG charts only (the run above wrote none).
    const report = await runInProcess(['report', dir, '--no-png']);
    expect(report.code, report.stderr).toBe(0);
    const en = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(en).toContain('with one replication per point the difference between them cannot be tested (it needs at least two)');
    expect(en).not.toContain('without sweep.csv');
    const id = await runInProcess(['report', dir, '--lang', 'id', '--no-png']);
    expect(id.code, id.stderr).toBe(0);
    const text = readFileSync(join(dir, 'report.id.md'), 'utf8');
    expect(text).toContain('dengan satu replikasi per titik selisih keduanya tidak dapat diuji');
    expect(text).not.toContain('tanpa sweep.csv');
  }, 120_000);
});
