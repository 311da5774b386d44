/**
 * The 95 % intervals of group_summary.csv and government_summary.csv
 * (docs/NATIONAL.md, "Outputs"): columns appended after the existing ones
 * (an interface), each the Student t interval over the replications of the
 * per-replication value, clipped to [0, 1], containing its mean; empty
 * cells with one replication; the same bytes on any worker count and
 * shard split. The "all" group's per-replication values are in
 * national_spread.csv, so its intervals are recomputed here from that file
 * with a t quantile from a printed table, not from the program's code.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { executeNationalMerge, executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder } from '../../src/store/national-tables.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const out = () => mkdtempSync(join(tmpdir(), 'difusi-national-ci-'));

/** Student t 0.975 quantiles by degrees of freedom (any statistics table, e.g. Law and Kelton 2000, Table T.1). */
const T975: Record<number, number> = { 3: 3.182446, 5: 2.570582 };

/** A CSV as header and rows of raw cells (the fixture's names hold no commas or quotes). */
function csv(file: string): { header: string[]; rows: string[][] } {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  return { header: head!.split(','), rows: lines.map((l) => l.split(',')) };
}

function tInterval(values: number[], mean: number): [number, number] {
  const n = values.length;
  const m = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
  const half = (T975[n - 1]! * sd) / Math.sqrt(n);
  return [Math.max(0, mean - half), Math.min(1, mean + half)];
}

const OLD_GROUP =
  'group,kind,governments,mean_sustained_share,share_sustain_most,share_sustain_none,heeks_success,heeks_partial,heeks_total_failure,heeks_replaced';
const OLD_GOVERNMENT =
  'government,name,province,type,election_cycle,cohorts,agencies,services,replications,mean_sustained_share,share_sustain_most,share_sustain_none,heeks_success,heeks_partial,heeks_total_failure,heeks_replaced';

describe('intervals of the national summaries', () => {
  it('are appended after the existing columns, recomputed from national_spread.csv for all governments, and contain their means', async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: out(), workers: 1, replications: 6, command: 'test' });
    const group = csv(join(r.dir, 'group_summary.csv'));
    expect(group.header.join(',')).toBe(
      `${OLD_GROUP},mean_sustained_share_low,mean_sustained_share_high,share_sustain_most_low,share_sustain_most_high,share_sustain_none_low,share_sustain_none_high,province_name`,
    );
    const government = csv(join(r.dir, 'government_summary.csv'));
    expect(government.header.join(',')).toBe(`${OLD_GOVERNMENT},mean_sustained_share_low,mean_sustained_share_high,province_name`);

    // "all": one value per replication in national_spread.csv.
    const spread = csv(join(r.dir, 'national_spread.csv'));
    const sc = (name: string) => spread.header.indexOf(name);
    expect(spread.rows).toHaveLength(6);
    const G = Number(spread.rows[0]![sc('governments')]);
    const perRep = {
      mean_sustained_share: spread.rows.map((x) => Number(x[sc('mean_sustained_share')])),
      share_sustain_most: spread.rows.map((x) => Number(x[sc('sustain_most')]) / G),
      share_sustain_none: spread.rows.map((x) => Number(x[sc('sustain_none')]) / G),
    };
    const gc = (name: string) => group.header.indexOf(name);
    const all = group.rows.find((x) => x[0] === 'all')!;
    // The replications differ here (else a zero-width interval would pass any formula).
    expect(new Set(perRep.mean_sustained_share).size).toBeGreaterThan(1);
    for (const [column, values] of Object.entries(perRep)) {
      const mean = Number(all[gc(column)]);
      expect(mean, column).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 10);
      const [low, high] = tInterval(values, mean);
      expect(Number(all[gc(`${column}_low`)]), `${column}_low`).toBeCloseTo(low, 5);
      expect(Number(all[gc(`${column}_high`)]), `${column}_high`).toBeCloseTo(high, 5);
    }

    // A group that is not "all": the per-replication means of one province, from the tally's per-replication shares.
    const govs = r.model.governments.map((g, gi) => [g, gi] as const).filter(([g]) => g.province === 'prov-a');
    const reps = [...r.tally.shares.keys()].sort((a, b) => a - b);
    const provA = reps.map((rep) => govs.reduce((a, [, gi]) => a + r.tally.shares.get(rep)![gi]!, 0) / govs.length);
    const row = group.rows.find((x) => x[0] === 'prov-a' && x[1] === 'province')!;
    const [low, high] = tInterval(provA, Number(row[gc('mean_sustained_share')]));
    expect(Number(row[gc('mean_sustained_share_low')])).toBeCloseTo(low, 5);
    expect(Number(row[gc('mean_sustained_share_high')])).toBeCloseTo(high, 5);

    // Every interval, of every group and government, contains its mean and lies in [0, 1].
    const read = await readNationalFolder(r.dir);
    const check = (what: string, mean: number, lo: number | null, hi: number | null) => {
      expect(lo, what).not.toBeNull();
      expect(hi, what).not.toBeNull();
      expect(lo!, what).toBeLessThanOrEqual(mean);
      expect(hi!, what).toBeGreaterThanOrEqual(mean);
      expect(lo!, what).toBeGreaterThanOrEqual(0);
      expect(hi!, what).toBeLessThanOrEqual(1);
    };
    for (const g of read.groupSummary) {
      check(`${g.group} sustained`, g.mean_sustained_share, g.mean_sustained_share_low, g.mean_sustained_share_high);
      check(`${g.group} most`, g.share_sustain_most, g.share_sustain_most_low, g.share_sustain_most_high);
      check(`${g.group} none`, g.share_sustain_none, g.share_sustain_none_low, g.share_sustain_none_high);
    }
    for (const g of read.governmentSummary) check(g.government, g.mean_sustained_share, g.mean_sustained_share_low, g.mean_sustained_share_high);
    // Not all zero-width: the replications do differ for some government (else the check above proves little).
    expect(read.governmentSummary.some((g) => g.mean_sustained_share_high! - g.mean_sustained_share_low! > 0.01)).toBe(true);

    // A government's interval from its own per-replication shares.
    const gi = r.model.governments.findIndex((g) => g.id === 'kab-b');
    const kabB = reps.map((rep) => r.tally.shares.get(rep)![gi]!);
    const kab = read.governmentSummary.find((g) => g.government === 'kab-b')!;
    const [kLow, kHigh] = tInterval(kabB, kab.mean_sustained_share);
    expect(kab.mean_sustained_share_low!).toBeCloseTo(kLow, 5);
    expect(kab.mean_sustained_share_high!).toBeCloseTo(kHigh, 5);
  });

  it('are empty cells with one replication (no spread to estimate), not a zero-width interval', async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: out(), workers: 1, replications: 1, command: 'test' });
    const group = csv(join(r.dir, 'group_summary.csv'));
    // The interval columns by name (province_name follows them).
    const n = group.header.indexOf('mean_sustained_share_low');
    for (const row of group.rows) expect(row.slice(n, n + 6), row[0]).toEqual(['', '', '', '', '', '']);
    const government = csv(join(r.dir, 'government_summary.csv'));
    const k = government.header.indexOf('mean_sustained_share_low');
    for (const row of government.rows) expect(row.slice(k, k + 2), row[0]).toEqual(['', '']);
    const read = await readNationalFolder(r.dir);
    expect(read.groupSummary.every((g) => g.mean_sustained_share_low === null && g.share_sustain_none_high === null)).toBe(true);
  });

  it('are the same bytes, and so is the report, on 1 and 2 workers and from merged shards', async () => {
    const root = out();
    const one = await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'one'), workers: 1, replications: 4, command: 'test', report: 'en' });
    const two = await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'two'), workers: 2, replications: 4, command: 'test', report: 'en' });
    const parts: string[] = [];
    // Shards that end in a different order than replication order (2 before 0 and 1).
    for (const index of [2, 0, 1]) {
      const p = await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'parts'), workers: 1, replications: 4, command: 'test', shard: { index, count: 3 } });
      parts.push(p.dir);
    }
    const merged = await executeNationalMerge(parts, join(root, 'merged'), 'test', false, 'en');
    const files = ['group_summary.csv', 'government_summary.csv', 'report.md'];
    for (const f of files) {
      const a = readFileSync(join(one.dir, f), 'utf8');
      expect(readFileSync(join(two.dir, f), 'utf8'), `${f}, 2 workers`).toBe(a);
      expect(readFileSync(join(merged.dir, f), 'utf8'), `${f}, merged`).toBe(a);
    }
    expect(readdirSync(one.dir)).toContain('report.html');
  });
});
