/**
 * national_replications.csv (docs/NATIONAL-COMPARE.md, docs/OUTPUTS.md): each
 * replication's counts by national service, the governments' own services
 * together and all services, so that two national runs can be paired
 * replication by replication. Its counts agree with the pooled tables, and
 * it is the same bytes on any worker count and from merged shards.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { executeNationalMerge, executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder } from '../../src/store/national-tables.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));

/** The fixture with a service of kota-c's own, so that the `(local services)` row exists. */
function withOwnService(dir: string): string {
  const s = parse(readFileSync(FIXTURE, 'utf8')) as { governments: Record<string, unknown>[] };
  s.governments[3]!['city'] = {
    innovations: [
      { id: 'own-portal', owner: 'opd', funding: 'apbd', launch: '2016-02', relative_advantage: 0.7, compatibility: 0.7, complexity: 0.3, trialability: 0.6, observability: 0.6 },
    ],
  };
  const file = join(dir, 'small-own.yaml');
  writeFileSync(file, stringify(s));
  return file;
}

const HEADER = 'replication,innovation,offered,launched,heeks_success,heeks_partial,heeks_total_failure,heeks_replaced,sustained';

describe('national_replications.csv', () => {
  it('holds each replication by service, consistent with the pooled tables', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-natrep-'));
    const r = await executeNationalRun({ file: withOwnService(out), outRoot: out, workers: 1, replications: 3, command: 'test' });
    const text = readFileSync(join(r.dir, 'national_replications.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(HEADER);
    const t = await readNationalFolder(r.dir);
    const rows = t.replications!;
    // Replication by replication: the national services in the file's order, then the own services, then all.
    expect(rows.map((x) => `${x.replication}:${x.innovation}`)).toEqual(
      [0, 1, 2].flatMap((rep) => ['e-office', 'vendor-app', 'mandated-service', '(local services)', '(all)'].map((s) => `${rep}:${s}`)),
    );
    // offered: the governments a national service reaches (vendor-app leaves kota-c out); all pairs for (all).
    expect(rows.filter((x) => x.replication === 0).map((x) => x.offered)).toEqual([4, 3, 4, 1, 12]);
    for (const x of rows) {
      expect(x.heeks.success + x.heeks.partial + x.heeks.total_failure + x.heeks.replaced, `${x.replication} ${x.innovation}`).toBe(x.launched);
      expect(x.launched).toBeLessThanOrEqual(x.offered);
      expect(x.sustained).toBeLessThanOrEqual(x.launched);
    }
    // (all) is the sum of the other rows of its replication.
    for (const rep of [0, 1, 2]) {
      const mine = rows.filter((x) => x.replication === rep);
      const all = mine.find((x) => x.innovation === '(all)')!;
      const rest = mine.filter((x) => x !== all);
      expect(rest.reduce((a, x) => a + x.launched, 0)).toBe(all.launched);
      expect(rest.reduce((a, x) => a + x.sustained, 0)).toBe(all.sustained);
      expect(rest.reduce((a, x) => a + x.heeks.success, 0)).toBe(all.heeks.success);
    }
    // Summed over replications: government_outcomes.csv's shares of replications times R, summed over governments.
    for (const service of ['e-office', 'vendor-app', 'mandated-service']) {
      const outcomes = t.governmentOutcomes.filter((o) => o.innovation === service && o.national);
      const mine = rows.filter((x) => x.innovation === service);
      const sum = (f: (x: (typeof rows)[number]) => number) => mine.reduce((a, x) => a + f(x), 0);
      expect(sum((x) => x.launched)).toBeCloseTo(outcomes.reduce((a, o) => a + o.share_launched * 3, 0), 9);
      expect(sum((x) => x.sustained)).toBeCloseTo(outcomes.reduce((a, o) => a + o.share.sustained * 3, 0), 9);
      expect(sum((x) => x.heeks.success)).toBeCloseTo(outcomes.reduce((a, o) => a + o.heeks.success * 3, 0), 9);
      expect(sum((x) => x.heeks.total_failure)).toBeCloseTo(outcomes.reduce((a, o) => a + o.heeks.total_failure * 3, 0), 9);
    }
    const manifest = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8'));
    expect(manifest.rows['national_replications.csv']).toBe(15);
    expect(manifest.files.slice(-3)).toEqual(['government_shares.csv', 'national_replications.csv', 'manifest.json']);
  });

  it('is the same bytes on 1 and 2 workers, and from 2 shards merged', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-natrep-'));
    const one = await executeNationalRun({ file: FIXTURE, outRoot: join(out, 'one'), workers: 1, replications: 4, command: 'test' });
    const two = await executeNationalRun({ file: FIXTURE, outRoot: join(out, 'two'), workers: 2, replications: 4, command: 'test' });
    const parts: string[] = [];
    for (const index of [0, 1]) {
      parts.push((await executeNationalRun({ file: FIXTURE, outRoot: join(out, 'parts'), workers: 1, replications: 4, command: 'test', shard: { index, count: 2 } })).dir);
    }
    const merged = await executeNationalMerge(parts, join(out, 'merged'), 'test', false);
    const bytes = (dir: string) => readFileSync(join(dir, 'national_replications.csv'), 'utf8');
    expect(bytes(one.dir).trim().split('\n')).toHaveLength(1 + 4 * 4);
    expect(bytes(two.dir)).toBe(bytes(one.dir));
    expect(bytes(merged.dir)).toBe(bytes(one.dir));
  });
});
