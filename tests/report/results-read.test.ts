import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseCsv, parseManifest, parseSweep, readResults } from '../../src/store/results-read.js';
import { COMPARE_DIR, RUN_DIR } from './helpers.js';

const temps: string[] = [];
function copyOf(dir: string): string {
  const t = mkdtempSync(join(tmpdir(), 'difusi-results-'));
  temps.push(t);
  cpSync(dir, t, { recursive: true });
  return t;
}
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('readResults', () => {
  test('a run folder into typed rows', async () => {
    const r = await readResults(RUN_DIR);
    expect(r.manifest.kind).toBe('run');
    expect(r.manifest.scenario.name).toBe('bekasi-mini');
    expect(r.manifest.replications).toBe(3);
    expect(r.summary.length).toBeGreaterThan(24 * 40);
    expect(r.summary[0]).toMatchObject({ month: 1, date: '2021-01' });
    // outcomes.csv is tallied as it streams: 3 replications x 2 innovations.
    expect(r.outcomes!.innovations()).toEqual(['smart_health', 'bekasi_iconic']);
    expect(r.outcomes!.shares().map((s) => [s.innovation, s.replications, s.counts.sustained])).toEqual([
      ['smart_health', 3, 3],
      ['bekasi_iconic', 3, 2],
    ]);
    expect(r.outcomes!.mainCause('smart_health')).toBe('leadership');
    expect(r.outcomes!.heeks('bekasi_iconic')).toEqual({ success: 4, partial: 8, failure: 24, replaced: 4 });
    expect(r.agents).toHaveLength(36);
    expect(typeof r.agents[0]!.champion).toBe('boolean');
    expect(r.events.some((e) => e.kind === 'adoption' && e.opd !== null && e.innovation !== null)).toBe(true);
    expect(r.events.find((e) => e.kind === 'adoption')!.cause).toBeNull(); // empty cell = null
    expect(r.compare).toEqual([]);
    expect(r.sweep).toBeNull();
  });

  test("a comparison folder: compare.csv and the arms' summaries from the manifest's arm folders", async () => {
    const r = await readResults(COMPARE_DIR);
    expect(r.manifest.kind).toBe('compare');
    expect(r.compare).toHaveLength(4);
    expect([...new Set(r.arms.map((a) => a.variant))]).toEqual(['base', 'budget_line', 'no_leader_change']);
  });

  test('a missing folder names the folder', async () => {
    await expect(readResults('/nonexistent/result')).rejects.toThrow('✗ /nonexistent/result Not a result folder: it does not exist or is not a folder');
  });

  test('a folder without manifest names the folder and the file', async () => {
    const t = copyOf(RUN_DIR);
    rmSync(join(t, 'manifest.json'));
    await expect(readResults(t)).rejects.toThrow(`✗ ${t}/manifest.json Cannot read this result file: not found`);
  });

  test('a broken manifest', async () => {
    const t = copyOf(RUN_DIR);
    writeFileSync(join(t, 'manifest.json'), '{"kind": "run",');
    await expect(readResults(t)).rejects.toThrow(/manifest\.json Cannot read this result file: not valid JSON/);
    writeFileSync(join(t, 'manifest.json'), '{"kind": "walk", "scenario": {}}');
    await expect(readResults(t)).rejects.toThrow(/manifest\.json Cannot read this result file: "kind": expected one of run, compare, sweep, sensitivity, found "walk"/);
  });

  test('a CSV without a required column, or with a bad cell, names file, line and column', async () => {
    const t = copyOf(RUN_DIR);
    const summary = readFileSync(join(t, 'summary.csv'), 'utf8');
    writeFileSync(join(t, 'summary.csv'), summary.replace('month,date,metric,n,mean', 'month,date,metric,n,average'));
    await expect(readResults(t)).rejects.toThrow(`✗ ${t}/summary.csv Cannot read this result file: missing column "mean"`);
    const lines = summary.split('\n');
    lines[3] = lines[3]!.replace(/^1,2021-01,([^,]+),3,[^,]+,/, '1,2021-01,$1,3,abc,');
    writeFileSync(join(t, 'summary.csv'), lines.join('\n'));
    await expect(readResults(t)).rejects.toThrow(`✗ ${t}/summary.csv:4:1 Cannot read this result file: column "mean": expected a number, found "abc"`);
  });

  test('outcomes.csv read as a stream keeps the checks: missing column, empty file, broken CSV', async () => {
    const t = copyOf(RUN_DIR);
    const text = readFileSync(join(t, 'outcomes.csv'), 'utf8');
    writeFileSync(join(t, 'outcomes.csv'), text.replace('replication,innovation,outcome,', 'replication,innovation,result,'));
    await expect(readResults(t)).rejects.toThrow(`✗ ${t}/outcomes.csv Cannot read this result file: missing column "outcome"`);
    writeFileSync(join(t, 'outcomes.csv'), 'replication,innovation\n');
    await expect(readResults(t)).rejects.toThrow(`✗ ${t}/outcomes.csv Cannot read this result file: missing column "outcome"`);
    writeFileSync(join(t, 'outcomes.csv'), '');
    await expect(readResults(t)).rejects.toThrow(`✗ ${t}/outcomes.csv Cannot read this result file: empty file (no header line)`);
    writeFileSync(join(t, 'outcomes.csv'), `${text}0,"unclosed,sustained\n`);
    await expect(readResults(t)).rejects.toThrow(/outcomes\.csv Cannot read this result file: not valid CSV/);
  });

  test('an unreadable outcomes.csv is an error naming it, not a crash', async () => {
    const t = copyOf(RUN_DIR);
    rmSync(join(t, 'outcomes.csv'));
    mkdirSync(join(t, 'outcomes.csv'));
    // Said in words (store/regular-file.ts), no longer as the system's code EISDIR.
    await expect(readResults(t)).rejects.toThrow(`✗ ${t}/outcomes.csv Cannot read the file: it is a directory`);
  });

  test('a bad cell met while streaming closes the file', async () => {
    const t = copyOf(RUN_DIR);
    const text = readFileSync(join(t, 'outcomes.csv'), 'utf8');
    const lines = text.trimEnd().split('\n');
    // A bad cell early in a long file: the reader stops there.
    writeFileSync(join(t, 'outcomes.csv'), [lines[0], '0,smart_health,thriving,1,1,1,,,0,1,0,0', ...Array(20000).fill(lines[1])].join('\n'));
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    for (let n = 0; n < 10; n++) await expect(readResults(t)).rejects.toThrow(/found "thriving"/);
    // A destroyed stream closes its file asynchronously: waited for (a leaked file never closes), not slept on.
    await expect.poll(fds, { timeout: 60_000 }).toBeLessThanOrEqual(before + 1);
  });

  test('an unknown outcome value', async () => {
    const t = copyOf(RUN_DIR);
    const text = readFileSync(join(t, 'outcomes.csv'), 'utf8');
    writeFileSync(join(t, 'outcomes.csv'), text.replace(',sustained,', ',thriving,'));
    await expect(readResults(t)).rejects.toThrow(/outcomes\.csv:\d+:1 Cannot read this result file: column "outcome": expected one of sustained, declining, discontinued, never_adopted, found "thriving"/);
  });
});

test('parseManifest fills absent optional fields', () => {
  const m = parseManifest('{"scenario": {"name": "x"}}', '/d');
  expect(m).toMatchObject({ kind: 'run', seed: null, replications: null, shard: null, files: [], command: '' });
  expect(m.scenario).toMatchObject({ name: 'x', info: '', resolved: null });
});

test("parseManifest says a number out of its bounds in words, not in the schema library's", () => {
  const tampered = () => parseManifest('{"scenario": {"name": "x"}, "replications": -3}', '/d');
  expect(tampered).toThrow(/"replications": expected a number of at least 0, found -3/);
  expect(tampered).not.toThrow(/Too small|>=/);
});

test('parseCsv reads quoted cells', () => {
  const t = parseCsv('a,b\n"x, y",2\n', '/d', 'f.csv', ['a']);
  expect(t.records[0]!.str('a')).toBe('x, y');
  expect(t.records[0]!.num('b')).toBe(2);
});

describe('parseSweep', () => {
  test("the manifest's design factors are the parameters", () => {
    const s = parseSweep('point,replication,innovations.0.pilot_months,live_end\n0,0,12,3\n', '/d', ['innovations.0.pilot_months']);
    expect(s.parameters).toEqual(['innovations.0.pilot_months']);
    expect(s.outcomes).toEqual(['live_end']);
    expect(() => parseSweep('point,replication,live_end\n', '/d', ['x'])).toThrow('✗ /d/sweep.csv Cannot read this result file: missing column "x"');
  });

  test('schema parameter names are parameters; the rest outcomes', () => {
    const s = parseSweep('point,replication,bass_q,parameters.w_peer,sustained_share\n0,0,0.2,0.1,0.5\n0,1,0.2,0.1,0.6\n', '/d');
    expect(s.parameters).toEqual(['bass_q', 'parameters.w_peer']);
    expect(s.outcomes).toEqual(['sustained_share']);
  });

  test('without schema names, columns constant within each point are parameters', () => {
    const s = parseSweep('point,replication,innovations.0.pilot_months,live_end\n0,0,12,3\n0,1,12,5\n1,0,24,4\n1,1,24,6\n', '/d');
    expect(s.parameters).toEqual(['innovations.0.pilot_months']);
    expect(s.outcomes).toEqual(['live_end']);
  });
});
