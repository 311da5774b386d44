/**
 * The national report as a reader meets it: the spread chart counts what
 * the headline counts (governments per replication, not governments at
 * their mean over replications), the headline says when the model does not
 * reproduce P14, the table of extreme governments says why they differ, and
 * both Heeks totals name their denominator. English and Indonesian.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';
import { readNationalFolder } from '../../src/store/national-tables.js';
import { nationalReportModel, RANK_MIN_REPLICATIONS } from '../../src/report/national-report.js';
import { nationalEn } from '../../src/report/i18n/national-en.js';
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
    // The headline prints the same counts as the chart.
    const headline = /rata-rata ([\d,]+) dari \d+ pemerintah daerah .* dan ([\d,]+) \(/.exec(id.md)!;
    expect([headline[1], headline[2]]).toEqual([mean('sustain_most').toFixed(1).replace('.', ','), mean('sustain_none').toFixed(1).replace('.', ',')]);
    const svgId = readFileSync(join(dir, 'charts.id', 'national-spread.svg'), 'utf8');
    expect(svgId).toContain(`sedikitnya separuh: ${mean('sustain_most').toFixed(1).replace('.', ',')} pemerintah daerah, tidak satu pun: ${mean('sustain_none').toFixed(1).replace('.', ',')}`);
  });
});

describe("the headline's reading of P14", () => {
  const PASS = [
    'P14 national Heeks totals over 100 (government, service) outcomes in 2 replications: success 15.0 % (band 10-25 %), partial 50.0 % (35-65 %), total failure 35.0 % (20-50 %), 0 replaced left out: within',
    'P14 spread: 10.0 % of governments sustain at least half their services (>= 5.0 %), 25.0 % sustain none (>= 20.0 %): wide',
  ].join('\n');
  const withP14 = async (p14: string, lang: 'en' | 'id') => nationalReportModel({ tables: await readNationalFolder(dir), p14, charts: [] }, lang).summary;

  it("follows the run's verdict, second in the headline, in both languages", async () => {
    const p14 = readFileSync(join(dir, 'p14.txt'), 'utf8');
    const holds = /: within$/m.test(p14) && /: wide$/m.test(p14);
    const enSummary = await withP14(p14, 'en');
    const idSummary = await withP14(p14, 'id');
    // Whatever the verdict, it first says that the figures are a simulation model's, what-ifs and not forecasts; then P14's verdict.
    expect(enSummary[1]).toMatch(/^These are results of a simulation model, .*read the national figures as exploratory what-ifs, not forecasts\. /);
    expect(enSummary[1]).toMatch(holds ? / In this run the model reproduces P14 / : / In addition, in this run the model does not reproduce P14 \(.*; see the P14 table\)\.$/);
    expect(idSummary[1]).toMatch(/^Angka-angka ini adalah hasil model simulasi, .*hendaknya dibaca sebagai simulasi pengandaian, bukan proyeksi\. /);
    expect(idSummary[1]).toMatch(holds ? / Dalam simulasi ini model mereproduksi P14 / : / Selain itu, dalam simulasi ini model tidak mereproduksi P14 \(.*; lihat tabel P14\)\.$/);
    expect(en.md).toContain(enSummary[1]!);
    expect(id.md).toContain(idSummary[1]);
  });

  it('says the model reproduces P14 only when both parts hold, and names the part that fails', async () => {
    expect((await withP14(PASS, 'en'))[1]).toMatch(/ In this run the model reproduces P14 /);
    const spreadFails = PASS.replace(': wide', ': NOT wide enough');
    expect((await withP14(spreadFails, 'en'))[1]).toMatch(/not forecasts\. In addition, in this run the model does not reproduce P14 \(the spread between governments; see the P14 table\)\.$/);
    expect((await withP14(PASS.replace(': within', ': OUTSIDE'), 'id'))[1]).toMatch(
      /bukan proyeksi\. Selain itu, dalam simulasi ini model tidak mereproduksi P14 \(total keberhasilan dan kegagalan menurut Heeks; lihat tabel P14\)\.$/,
    );
    // No p14.txt: no reading of it, but still what the figures are (a model's, not forecasts), in its place.
    const without = await withP14('', 'en');
    expect(without.some((s) => s.includes('P14'))).toBe(false);
    expect(without[1]).toBe(nationalEn.sumValidity(null, null));
    expect(without[1]).toContain('read the national figures as exploratory what-ifs, not forecasts.');
  });
});

describe('the table of the highest and lowest governments', () => {
  it('says under it what sets the governments apart in this run, from government_summary.csv', () => {
    const govs = records(join(dir, 'government_summary.csv'));
    const sizes = govs.map((g) => Number(g['agencies']));
    // The cycles governments are on; a government on none (empty election_cycle) is not a cycle of its own.
    const cycles = new Set(govs.map((g) => g['election_cycle']).filter((c) => c !== '')).size;
    const none = govs.filter((g) => g['election_cycle'] === '').length;
    expect([cycles, none]).toEqual([1, 3]);
    const inCohort = govs.filter((g) => g['cohorts'] !== '').length;
    const widths = govs.map((g) => 100 * (Number(g['mean_sustained_share_high']) - Number(g['mean_sustained_share_low']))).sort((a, b) => a - b);
    const median = ((widths[1]! + widths[2]!) / 2).toFixed(0);
    expect(govs).toHaveLength(4);
    expect(en.md).toContain(
      `in this run they differ only by type, size (${Math.min(...sizes)}–${Math.max(...sizes)} agencies), election cycle (${cycles} cycle, and ${none} governments on none: no scheduled heads, or leaders of their own city block), membership of a programme cohort (${inCohort} of 4 governments), their neighbours, and chance. A government's 95 % interval is ${median} points wide at the median. Do not rank governments on these figures.`,
    );
    expect(id.md).toContain(`ukuran (${Math.min(...sizes)}–${Math.max(...sizes)} perangkat daerah), siklus pilkada (${cycles} siklus, dan ${none} pemerintah daerah tanpa siklus: tanpa jadwal pergantian kepala daerah, atau dengan pimpinan dari blok city (skenario kota) miliknya sendiri), keanggotaan dalam kohort program (${inCohort} dari 4 pemerintah daerah)`);
    expect(id.md).toContain(`lebarnya ${median} poin persentase pada mediannya. Jangan memeringkat`);
    // Each row shows what sets it apart: agencies, election cycle, cohort.
    const g = govs[0]!;
    const section = en.md.slice(en.md.indexOf('## Governments with the highest'));
    const line = section.split('\n').find((l) => l.startsWith(`| ${g['name']} |`))!;
    expect(line.split(' | ').slice(3, 6)).toEqual([g['agencies'], g['election_cycle'] || '–', g['cohorts'] || '–']);
  });

  it('says that the ends of many governments are partly luck when it shows only the ends', async () => {
    const tables = await readNationalFolder(dir);
    const many = Array.from({ length: 25 }, (_, i) => ({ ...tables.governmentSummary[i % 4]!, government: `g${i}`, name: `G ${i}` }));
    // Enough replications for the table of extremes (the report lists no ends below RANK_MIN_REPLICATIONS).
    const manifest = { ...tables.manifest, replications: RANK_MIN_REPLICATIONS };
    const model = nationalReportModel({ tables: { ...tables, manifest, governmentSummary: many }, p14: '', charts: [] }, 'en');
    const note = model.tables.find((t) => t.id === 'national-governments')!.note;
    expect(note).toContain('and the 20 shown are the extremes of 25: they are partly the luckiest and unluckiest draws');
  });
});

describe('the two Heeks totals', () => {
  it('name their denominators: the classes table with the replaced, P14 without them', () => {
    const all = records(join(dir, 'group_summary.csv')).find((g) => g['kind'] === 'all')!;
    // The classes table's four shares (group_summary.csv) do include the replaced: they add up to 1.
    expect(Number(all['heeks_success']) + Number(all['heeks_partial']) + Number(all['heeks_total_failure']) + Number(all['heeks_replaced'])).toBeCloseTo(1, 9);
    expect(en.md).toContain('The denominator is every initiative, replaced ones included, so the four classes add up to 100 %');
    expect(en.md).toContain("P14's verdict, with replaced services left out of the denominator");
    expect(id.md).toContain('Penyebutnya semua pasangan, termasuk yang diganti, sehingga keempat kelas berjumlah 100%');
    // Reworded on purpose: one sentence with one colon (the replaced left out, counted in the classes table).
    expect(id.md).toContain('(tanpa ');
    expect(id.md).toMatch(/Kesimpulan P14: dari [\d.]+ pasangan pemerintah daerah–layanan dalam \d+ replikasi \(tanpa [\d.]+ yang diganti, yang dihitung dalam tabel kelas Heeks di bawah\), /);
    expect(id.md).toContain('pita itu menjadi syarat bagi total nasional saja');
  });
});

describe('whole counts in the national text', () => {
  it('group their thousands in Indonesian (24.541), as the charts do, and keep the CSV digits in English', async () => {
    const tables = await readNationalFolder(dir);
    const big = { ...tables, manifest: { ...tables.manifest, agencies: 24541 } };
    const idModel = nationalReportModel({ tables: big, p14: '', charts: [] }, 'id');
    const enModel = nationalReportModel({ tables: big, p14: '', charts: [] }, 'en');
    expect(idModel.summary[0]).toContain('dengan total 24.541 perangkat daerah,');
    expect(idModel.facts).toContainEqual(['perangkat daerah', '24.541']);
    expect(enModel.summary[0]).toContain('with 24541 agencies in all');
    expect(enModel.facts).toContainEqual(['agencies', '24541']);
  });
});

describe('docs/NATIONAL.md on the counts and shares', () => {
  it("says what governments_offering, governments_live_share, sustain_most/none and heeks_* count, as the fixture's tables do", () => {
    const doc = readFileSync(join(ROOT, 'docs', 'NATIONAL.md'), 'utf8');
    const section = doc.slice(doc.indexOf('**Reading the counts and shares.**'), doc.indexOf('**Province names.**'));
    expect(section).toMatch(/`governments_offering`[\s\S]*551 of 552[\s\S]*`portfolio: false`/);
    expect(section).toMatch(/`governments_live_share` and `governments_ever_share` are shares of\s+`governments_offering`/);
    expect(section).toMatch(/`sustain_most` and `sustain_none` are counts[\s\S]*are shares/);
    expect(section).toMatch(/`heeks_\*`[\s\S]*replaced\s+services in the denominator, so the four add up to 1/);
    // As the fixture's tables: counts per replication in national_spread.csv, shares in group_summary.csv.
    const spread = records(join(dir, 'national_spread.csv'));
    const all = records(join(dir, 'group_summary.csv')).find((g) => g['kind'] === 'all')!;
    const meanCount = spread.reduce((a, r) => a + Number(r['sustain_most']), 0) / spread.length;
    expect(Number(all['share_sustain_most'])).toBeCloseTo(meanCount / Number(all['governments']), 9);
  });
});

describe('the headline counts', () => {
  it("print as the chart prints the same mean: 0.330163043478 × 552 is 182.25, written 182.3 (not 182.2 from the share's last digit)", async () => {
    const tables = await readNationalFolder(dir);
    const groupSummary = tables.groupSummary.map((g) => (g.kind === 'all' ? { ...g, governments: 552, share_sustain_most: 0.330163043478 } : g));
    const summary = nationalReportModel({ tables: { ...tables, groupSummary }, p14: '', charts: [] }, 'en').summary.join(' ');
    expect(summary).toContain('on average 182.3 of the 552 governments');
    expect((1458 / 8).toFixed(1)).toBe('182.3');
  });
});

describe('the Indonesian number format (PUEBI)', () => {
  it('closes the percent sign up everywhere in report.id.md and report.id.html; English keeps "95 %"', () => {
    expect(id.md).not.toMatch(/\d[ \u00a0]%/u);
    expect(id.html).not.toMatch(/\d(?: |\u00a0|&nbsp;)%/u);
    expect(id.md).toMatch(/interval 95%: \d+,\d% hingga \d+,\d%/);
    expect(id.md).toMatch(/\| \d+,\d% \| \\\[\d+,\d%; \d+,\d%\\\] \|/);
    expect(en.md).toMatch(/95 % interval \d+\.\d–\d+\.\d %/);
  });

  it('starts no sentence of the headline, the notes or the charts\' subtitles with a numeral', () => {
    const prose = id.md
      .split('\n')
      .filter((l) => !l.startsWith('|') && !l.startsWith('- **') && !l.startsWith('#') && !l.startsWith('!['))
      .flatMap((l) => l.split(/(?<=[.!?])\s+/));
    expect(prose.filter((s) => /^\d/.test(s))).toEqual([]);
    const svgs = readdirSync(join(dir, 'charts.id')).map((f) => readFileSync(join(dir, 'charts.id', f), 'utf8'));
    const subtitles = svgs.flatMap((s) => [...s.matchAll(/aria-label="Subtitle text '([^']*)'"/g)].map((m) => m[1]!));
    expect(subtitles.length).toBeGreaterThan(0);
    expect(subtitles.filter((s) => /^\d/.test(s))).toEqual([]);
  });
});
