/**
 * The national report as a reader meets it: the spread chart counts what
 * the headline counts (governments per replication, not governments at
 * their mean over replications), the headline says when the model does not
 * reproduce P14, the table of extreme governments says why they differ, and
 * both Heeks totals name their denominator. English and Indonesian.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';
import { nationalSpreadSpec, spreadBand, type GovernmentShare } from '../../src/report/specs/national-spread.js';

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

let dir = '';
let en = { md: '', html: '' };
let id = { md: '', html: '' };
beforeAll(async () => {
  assertBuilt();
  const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-nreading-'), workers: 1, replications: 6, command: 'test', charts: true, report: 'id' });
  dir = r.dir;
  en = await renderNationalReport(dir, 'en');
  id = await renderNationalReport(dir, 'id');
});

/** A CSV as records of raw cells. */
function records(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const header = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i]!, c])));
}

type Spec = Record<string, any>;
const bars = (spec: Spec) => spec['data'].values as { band: string; group: string; governments: number }[];

describe('the spread chart', () => {
  // Government a sustains none in one replication and all in the other (mean 50 %); b none in both.
  const rows: GovernmentShare[] = [
    { government: 'a', province: 'p', type: 'city', sustainedShare: 0.5, replicationShares: [0, 1] },
    { government: 'b', province: 'p', type: 'city', sustainedShare: 0, replicationShares: [0, 0] },
  ];

  it('counts governments per replication, as the headline: none 1.5, at least half 0.5', () => {
    const data = bars(nationalSpreadSpec(rows, 2, 'en'));
    expect(data[0]).toEqual({ band: 'none', group: 'sustain none', governments: 1.5 });
    const half = data.filter((d) => d.group === 'sustain at least half').reduce((a, d) => a + d.governments, 0);
    expect(half).toBe(0.5);
    expect(data.reduce((a, d) => a + d.governments, 0)).toBe(2);
  });

  it('puts exactly 50 % among "at least half" and exactly 0 in its own band', () => {
    expect(spreadBand(0)).toBe(0);
    expect(spreadBand(0.05)).toBe(1);
    expect(spreadBand(0.3)).toBe(4);
    expect(spreadBand(0.4999)).toBe(5);
    expect(spreadBand(0.5)).toBe(6);
    expect(spreadBand(1)).toBe(10);
  });

  it("drawn by the run, says the headline's mean counts of national_spread.csv (both languages)", () => {
    const spread = records(join(dir, 'national_spread.csv'));
    const mean = (k: string) => spread.reduce((a, r) => a + Number(r[k]), 0) / spread.length;
    const svgEn = readFileSync(join(dir, 'charts', 'national-spread.svg'), 'utf8');
    expect(svgEn).toContain(`at least half sustained: ${mean('sustain_most').toFixed(1)} governments, none: ${mean('sustain_none').toFixed(1)}`);
    const svgId = readFileSync(join(dir, 'charts.id', 'national-spread.svg'), 'utf8');
    expect(svgId).toContain(`sedikitnya separuh: ${mean('sustain_most').toFixed(1).replace('.', ',')} pemerintah daerah, tidak satu pun: ${mean('sustain_none').toFixed(1).replace('.', ',')}`);
  });
});
