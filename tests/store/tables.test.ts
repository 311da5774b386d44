/**
 * The table definitions (src/store/tables.ts) and the model's vocabulary
 * (src/model/vocabulary.ts): a row written by a table's `format` reads back
 * as the same row through its `parse`; the innovation and cause columns
 * follow the metric naming scheme; the manifest schema checks what it reads.
 */
import { describe, expect, it } from 'vitest';
import { metricFacets, CAUSES } from '../../src/model/vocabulary.js';
import { csvText } from '../../src/store/csv.js';
import { parseCsv } from '../../src/store/csv-read.js';
import { parseManifest } from '../../src/store/results-read.js';
import { COMPARE, EVENTS, OUTCOMES_TABLE, SUMMARY, type Table } from '../../src/store/tables.js';

function roundTrip<Row, Written>(t: Table<Row, Written>, rows: Written[]): Row[] {
  const text = csvText([t.columns, ...rows.map(t.format)]);
  return parseCsv(text, '/d', t.file, t.required).records.map(t.parse);
}

describe('metric naming scheme', () => {
  it('per-service metrics and outcomes name their innovation', () => {
    for (const name of ['live.e-permit', 'cumulative.e-permit', 'routinized.e-permit', 'aware.e-permit', 'launched.e-permit', 'sustained.e-permit'])
      expect(metricFacets(name)).toEqual({ innovation: 'e-permit', cause: null });
  });
  it('per-cause metrics (summary) and outcomes (compare) name their cause', () => {
    for (const c of CAUSES) {
      expect(metricFacets(`discontinued_${c}`)).toEqual({ innovation: null, cause: c });
      expect(metricFacets(`discontinuations.${c}`)).toEqual({ innovation: null, cause: c });
    }
  });
  it('city-wide metrics and totals name neither', () => {
    for (const name of ['live_share', 'adoptions_early_adopter', 'discontinuations.total', 'sustained_count', 'discontinued_typo', 'budget'])
      expect(metricFacets(name)).toEqual({ innovation: null, cause: null });
  });
});

describe('tables', () => {
  it('summary.csv: the facets are the last two columns, blank where not applicable', () => {
    const stats = { n: 4, mean: 0.5, sd: 0.1, ci_low: 0.4, ci_high: 0.6, p05: 0.4, p25: 0.45, p50: 0.5, p75: 0.55, p95: 0.6 };
    const text = csvText([
      SUMMARY.columns,
      SUMMARY.format({ month: 1, date: '2020-01', metric: 'live.e-permit', ...stats }),
      SUMMARY.format({ month: 1, date: '2020-01', metric: 'discontinued_hazard', ...stats }),
      SUMMARY.format({ month: 1, date: '2020-01', metric: 'live_share', ...stats }),
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('month,date,metric,n,mean,sd,ci_low,ci_high,p05,p25,p50,p75,p95,innovation,cause');
    expect(lines[1]!.endsWith(',e-permit,')).toBe(true);
    expect(lines[2]!.endsWith(',,hazard')).toBe(true);
    expect(lines[3]!.endsWith('0.6,,')).toBe(true);
    const rows = parseCsv(text, '/d', SUMMARY.file, SUMMARY.required).records.map(SUMMARY.parse);
    expect(rows.map((r) => [r.metric, r.innovation, r.cause])).toEqual([
      ['live.e-permit', 'e-permit', null],
      ['discontinued_hazard', null, 'hazard'],
      ['live_share', null, null],
    ]);
  });

  it('summary.csv written before the facets were added still reads (the facets as null)', () => {
    const old = 'month,date,metric,n,mean,sd,ci_low,ci_high,p05,p25,p50,p75,p95\n1,2020-01,live.x,2,1,0,1,1,1,1,1,1,1\n';
    const [row] = parseCsv(old, '/d', SUMMARY.file, SUMMARY.required).records.map(SUMMARY.parse);
    expect(row).toMatchObject({ metric: 'live.x', innovation: null, cause: null });
  });

  it('compare.csv rows read back as written, with the outcome facets', () => {
    const base = {
      variant: 'v',
      n: 10,
      base_mean: 0.2,
      base_ci_low: 0.1,
      base_ci_high: 0.3,
      variant_mean: 0.4,
      variant_ci_low: 0.3,
      variant_ci_high: 0.5,
      diff_mean: 0.2,
      diff_ci_low: 0.1,
      diff_ci_high: 0.3,
      relative_change: 1,
      correlation: 0.5,
      level: 0.95,
      unpaired_ratio: 2,
    };
    const rows = roundTrip(COMPARE, [
      { outcome: 'sustained.smart-health', ...base },
      { outcome: 'discontinuations.vendor_exit', ...base },
    ]);
    expect(rows.map((r) => [r.outcome, r.innovation, r.cause, r.diff_mean, r.level])).toEqual([
      ['sustained.smart-health', 'smart-health', null, 0.2, 0.95],
      ['discontinuations.vendor_exit', null, 'vendor_exit', 0.2, 0.95],
    ]);
  });

  it('outcomes.csv and events.csv round-trip; an unknown event kind is an error naming line and column', () => {
    const o = {
      replication: 3,
      innovation: 'x',
      outcome: 'declining' as const,
      peak_live: 4,
      live_end: 1,
      first_adoption_month: 2,
      last_discontinuation_month: null,
      main_cause: 'hazard',
      heeks_success: 0,
      heeks_partial: 1,
      heeks_failure: 3,
      heeks_replaced: 0,
    };
    expect(roundTrip(OUTCOMES_TABLE, [o])).toEqual([o]);
    const e = { replication: 0, month: 5, date: '2020-05', kind: 'double_loop' as const, opd: 'a', innovation: 'x', loop: 'double' as const, cause: 'owner' };
    expect(roundTrip(EVENTS, [e])).toEqual([e]);
    const bad = 'replication,month,kind\n0,1,adopted\n';
    expect(() => parseCsv(bad, '/d', EVENTS.file, EVENTS.required).records.map(EVENTS.parse)).toThrow(/events\.csv:2:1 Cannot read this result file: column "kind": expected one of .*adoption/);
  });
});

describe('manifest.json schema', () => {
  it('fills what older folders lack and keeps the JSON as written', () => {
    const m = parseManifest('{"scenario": {"name": "x"}, "arms": [1]}', '/d');
    expect(m).toMatchObject({ kind: 'run', seed: null, replications: null, shard: null, files: [], scenario: { name: 'x', hash: '' } });
    expect(m.raw).toEqual({ scenario: { name: 'x' }, arms: [1] });
  });
  it('rejects a field of the wrong type, naming it', () => {
    expect(() => parseManifest('{"scenario": {}, "replications": "many"}', '/d')).toThrow(/"replications": expected number, found "many"/);
    expect(() => parseManifest('{"kind": "walk", "scenario": {}}', '/d')).toThrow(/"kind": expected one of run, compare, sweep, sensitivity, found "walk"/);
  });
  it('a merged folder is no shard', () => {
    expect(parseManifest('{"scenario": {}, "shard": {"merged_from": 3, "count": 3}}', '/d').shard).toBeNull();
    expect(parseManifest('{"scenario": {}, "shard": {"index": 1, "count": 3}}', '/d').shard).toEqual({ index: 1, count: 3 });
  });
});
