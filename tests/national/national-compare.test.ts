/**
 * `difusi national-compare <file> --set ...` (docs/NATIONAL-COMPARE.md): the
 * file as written against the file with the --sets, the same seed and
 * replications, paired replication by replication. A funded mandate shows
 * an effect whose interval excludes 0; a --set that changes the scenario
 * but acts nowhere (a name) gives differences of exactly 0 (common random
 * numbers); the refusals are one line, exit code 2, nothing written.
 *
 * The commands run in the test's process (runInProcess, tests/support/
 * in-process.ts): what they print and write is checked, not a process's
 * start. The comparison refused for a lock held by another live job stays a
 * process (the bundle, bin/difusi.mjs): the planted lock names the test's
 * own pid, which is another process's only when the command runs in one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, runBin, type CliResult } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { loadNational, nationalFolderDir } from '../../src/jobs/national.js';
import { lockPath } from '../../src/store/folder-lock.js';

const work = mkdtempSync(join(tmpdir(), 'difusi-natcmp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The four-government fixture with a mandate on mandated-service, without money (inert: docs/NATIONAL.md). */
const FILE = join(work, 'small-mandate.yaml');
beforeAll(() => {
  assertBuilt();
  writeFileSync(
    FILE,
    readFileSync(join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), 'utf8') +
      'national_regulations:\n  - { id: service-law, name: Mandate without money, from: 2017-01, strength: 0.6, anchors: [mandated-service], money: false }\n',
  );
});

const FUNDED = 'national_regulations[id=service-law].money=true';

function compare(args: string[], out: string): Promise<CliResult> {
  return runInProcess(['national-compare', ...args, '--workers', '1', '-q', '--out', out]);
}

/** compare in a process of its own (the bundle), for the lock another process holds. */
function compareProcess(args: string[], out: string): Promise<CliResult> {
  return runBin(['national-compare', ...args, '--workers', '1', '-q', '--out', out]);
}

function csv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i]!, c])));
}

/** The one comparison folder under <out>/small-national-compare/. */
function comparison(out: string): string {
  const keys = readdirSync(join(out, 'small-national-compare')).filter((k) => !k.startsWith('.'));
  expect(keys).toHaveLength(1);
  return join(out, 'small-national-compare', keys[0]!);
}

describe('difusi national-compare', () => {
  it('pairs a funded mandate with the unfunded one: the mandated service is sustained more, the interval excludes 0', async () => {
    const out = join(work, 'funded');
    // --no-charts: this test reads the table, the manifest and the arms' national_spread.csv, not the report
    // (tests/national/national-compare-report.test.ts reads the report of this comparison, drawn).
    const r = await compare([FILE, '--set', FUNDED, '-r', '3', '--no-charts'], out);
    expect(r.stderr.replace(/^⚠.*\n/gm, '')).toBe('');
    expect(r.code).toBe(0);
    const dir = comparison(out);
    expect(readFileSync(join(dir, 'national_compare.csv'), 'utf8').split('\n')[0]).toBe(
      'outcome,base_mean,variant_mean,diff_mean,diff_ci_low,diff_ci_high,level,replications',
    );
    const rows = csv(join(dir, 'national_compare.csv'));
    const row = (name: string) => rows.find((x) => x.outcome === name)!;
    const sustained = row('sustained_share.mandated-service');
    expect(Number(sustained.diff_ci_low)).toBeGreaterThan(0);
    expect(Number(sustained.diff_mean)).toBeGreaterThan(Number(sustained.diff_ci_low));
    expect([sustained.level, sustained.replications]).toEqual(['0.95', '3']);
    // The outcomes named in the docs are there: national, pooled Heeks, per service, per group.
    for (const name of ['mean_sustained_share', 'share_sustain_most', 'share_sustain_none', 'heeks_success', 'heeks_replaced', 'launched_share.e-office', 'heeks_success.vendor-app', 'mean_sustained_share.type:city', 'mean_sustained_share.province:prov-c', 'mean_sustained_share.cohort:smart-2017']) {
      expect(row(name), name).toBeDefined();
    }
    // The folder is keyed by both arms' folders; each arm is a national result folder; the pairing is theirs.
    const arms = readdirSync(join(out, 'small-national')).filter((k) => !k.startsWith('.'));
    expect(arms).toHaveLength(2);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.kind).toBe('national-compare');
    expect(dir.endsWith(`${manifest.base.folder.split('/').pop()}-${manifest.variant.folder.split('/').pop()}`)).toBe(true);
    const spread = (folder: string) => csv(join(dir, folder, 'national_spread.csv')).map((x) => Number(x.mean_sustained_share));
    const b = spread(manifest.base.folder);
    const v = spread(manifest.variant.folder);
    const diffs = v.map((x, i) => x - b[i]!);
    expect(Number(row('mean_sustained_share').diff_mean)).toBeCloseTo(diffs.reduce((a, x) => a + x, 0) / 3, 9);
    expect(r.stdout).toMatch(/sustained_share\.mandated-service\s+\+\d\.\d{4} \(\+\d\.\d{4} to \+\d\.\d{4}\) \*/);
    expect(r.stdout).toContain(`results: ${dir}`);
  });

  it('a --set that acts nowhere (a name) gives every difference exactly 0; the stored base is read, not run again', async () => {
    const out = join(work, 'control');
    // The first comparison only puts the base arm in the store: its report is not read (--no-charts).
    expect((await compare([FILE, '--set', FUNDED, '-r', '2', '--no-charts'], out)).code).toBe(0);
    const r = await compare([FILE, '--set', 'national_regulations[id=service-law].name=Renamed mandate', '-r', '2'], out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^base: .* \(already in the store: read, not run again\)$/m);
    expect(r.stdout).toMatch(/^variant: [^(]*$/m);
    expect(r.stdout).toContain('every difference is exactly 0');
    const dirs = readdirSync(join(out, 'small-national-compare'));
    expect(dirs).toHaveLength(2);
    const control = dirs.map((d) => join(out, 'small-national-compare', d)).find((d) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')).variant.overrides['national_regulations[id=service-law].name'] !== undefined)!;
    const rows = csv(join(control, 'national_compare.csv'));
    expect(rows.length).toBeGreaterThan(15);
    for (const x of rows) expect([x.outcome, x.diff_mean, x.diff_ci_low, x.diff_ci_high]).toEqual([x.outcome, '0', '0', '0']);
    // The report says so in its headline, and names no effect.
    const md = readFileSync(join(control, 'report.md'), 'utf8');
    expect(md).toContain(`Every one of the ${rows.length} differences is exactly 0 in every replication: the change acts on nothing the model reads`);
    expect(md).not.toContain('With the change, ');
  });

  it('one replication: the differences without an interval, and the table and the report say why', async () => {
    const out = join(work, 'one');
    const r = await compare([FILE, '--set', FUNDED, '-r', '1', '--no-charts'], out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(no interval with n < 2)');
    expect(r.stdout).toContain('one replication: no interval');
    const rows = csv(join(comparison(out), 'national_compare.csv'));
    expect(rows.every((x) => x.diff_ci_low === '' && x.diff_ci_high === '' && x.diff_mean !== '')).toBe(true);
    // --no-charts: the table only, as before the report existed.
    const dir = comparison(out);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'national_compare.csv']);
    expect(r.stdout).not.toContain('report:');
    // difusi report given the comparison folder writes its report (it refused the folder when there was none): the
    // headline says why there is no interval; the table and the manifest are left as they were.
    const before = ['manifest.json', 'national_compare.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const rep = await runInProcess(['report', dir]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(rep.stdout).toBe(`report: ${join(dir, 'report.html')}\n`);
    expect(readdirSync(dir).sort()).toEqual(['charts', 'manifest.json', 'national_compare.csv', 'report.html', 'report.md']);
    expect(['manifest.json', 'national_compare.csv'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('With one replication no difference has an interval, so none can be told from replication noise.');
    expect(md).toContain('Run the comparison again with -r 2 or more.');
    expect(md).toContain('| no interval (one replication) |');
  });

  it('refuses a city file, no --set, a --set that changes nothing, a --set of the seed, a bad --level: one line, exit 2, nothing written', async () => {
    const cases: [string[], RegExp][] = [
      [[join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), '--set', 'parameters.theta_sd=0.1'], /a city scenario .*difusi compare/],
      [[FILE], /needs at least one --set/],
      [[FILE, '--set', 'national_regulations[id=service-law].money=false'], /--set national_regulations\[id=service-law\]\.money changes nothing/],
      [[FILE, '--set', 'seed=5'], /--set seed would run the two arms differently.*--seed/],
      [[FILE, '--set', FUNDED, '--level', '1.5'], /--level/],
    ];
    for (const [args, message] of cases) {
      const out = join(work, 'refused');
      const r = await compare(args, out);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(existsSync(out), args.join(' ')).toBe(false);
    }
  });

  it('takes the comparison folder\'s lock before running either arm: a comparison another live job is writing is refused in one line, exit 2, no arm run', async () => {
    const out = join(work, 'locked');
    const arm = (set: Record<string, unknown>) => nationalFolderDir(out, loadNational(FILE, set), 2);
    const [base, variant] = [arm({}), arm({ 'national_regulations[id=service-law].money': true })];
    expect(base.key).not.toBe(variant.key);
    const dir = join(out, 'small-national-compare', `${base.key.slice(0, 12)}-${variant.key.slice(0, 12)}`);
    // A lock held by a live process (this test's own) on this host: the job that wrote it is still running.
    const lock = lockPath(dir);
    mkdirSync(join(lock, '..'), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-01-02T03:04:05.000Z', command: 'difusi national-compare (another)' }) + '\n');
    const r = await compareProcess([FILE, '--set', FUNDED, '-r', '2'], out);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
    expect(lines).toEqual([expect.stringContaining(`✗ ${dir} is being written by process ${process.pid} (difusi national-compare (another)`)]);
    // Neither arm ran: no national folder, and the comparison folder holds only the planted lock.
    expect(existsSync(join(out, 'small-national'))).toBe(false);
    expect(readdirSync(join(out, 'small-national-compare'))).toEqual([`.${dir.split('/').pop()}.lock`]);
  });
});

