/**
 * The national report in Bahasa Indonesia beyond its text: the charts' own
 * words (titles, axes, legends) and numbers, and p14.txt's lines as the
 * report shows them. English stays as it was: the English chart words are
 * pinned here as literal strings, and p14.txt's English lines come back
 * unchanged through the same code that words them in Indonesian.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalMerge, executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport, writeNationalReport } from '../../src/jobs/national-report.js';
import { measureP14 } from '../../src/validation/p14-national.js';
import { p14Headline, p14Line, p14Lines } from '../../src/report/p14-text.js';
import { nationalEn } from '../../src/report/i18n/national-en.js';
import { nationalId } from '../../src/report/i18n/national-id.js';
import { nationalSpreadSpec, type GovernmentShare } from '../../src/report/specs/national-spread.js';
import { nationalProvincesSpec } from '../../src/report/specs/national-provinces.js';
import { nationalReplacementsSpec } from '../../src/report/specs/national-replacements.js';
import { nationalCohortsSpec } from '../../src/report/specs/national-cohorts.js';

beforeAll(() => assertBuilt());

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** English words that must not be left in an Indonesian chart or P14 line. */
const ENGLISH = /\b(governments?|share|sustained|replications?|members|other|replaced|instances|success|partial|failure|within|OUTSIDE|wide|province|regency|city)\b/;

type Spec = Record<string, any>;
/** Every string a spec draws: its title and subtitle, axis and legend titles, colour domains (not its data: the legends show what is drawn of it). */
function drawn(spec: Spec): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (['text', 'subtitle', 'title', 'domain', 'group', 'type', 'label'].includes(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) if (k !== 'config' && k !== '$schema' && k !== 'data') walk(x, k);
  };
  walk(spec, '');
  return out;
}

const shares: GovernmentShare[] = [
  { government: 'p', province: 'p', type: 'province', sustainedShare: 0.25 },
  { government: 'a', province: 'p', type: 'regency', sustainedShare: 0.5 },
  { government: 'b', province: 'p', type: 'city', sustainedShare: 0.75 },
];
const wave = Array.from({ length: 9 }, (_, i) => ({ date: '2020-01', innovation: `s${i}`, replacements: 1 + i, integrations: 2 }));
const cohortRows = [
  { date: '2020-01', group: 'programme:smart:members', innovation: 'e-office', everShare: 0.5 },
  { date: '2020-01', group: 'programme:smart:others', innovation: 'e-office', everShare: 0.25 },
];
const specs = (lang: 'en' | 'id'): Record<string, Spec> => ({
  spread: nationalSpreadSpec(shares, 3, lang),
  provinces: nationalProvincesSpec(shares, new Map([['p', 'Provinsi P']]), 3, lang),
  replacements: nationalReplacementsSpec(wave, [{ id: 'ban', name: 'Perpres 82/2023', date: '2020-01' }], 3, lang),
  cohorts: nationalCohortsSpec(cohortRows, 'smart', [{ id: 'smart-2017', date: '2017-01' }], 3, lang),
});

describe('the national charts', () => {
  it('keep their English words', () => {
    const en = specs('en');
    expect(en['spread']!['title'].text).toBe('Spread between governments: share of launched services sustained');
    expect(en['spread']!['encoding'].x.title).toBe('share of its launched services sustained at the horizon');
    expect(en['provinces']!['title'].subtitle).toEqual([
      'each short line a government (mean over 3 replications); colour and line: province (black, solid), regency (blue, dashed) or city (orange, dotted); grey line at 0.5: half of its launched services sustained',
    ]);
    expect(en['provinces']!['spec'].encoding.color.scale.domain).toEqual(['province', 'regency', 'city']);
    expect(en['replacements']!['title'].text).toBe('The replacement wave: standalone applications replaced and integrated, per month');
    expect(en['replacements']!['layer'][0].encoding.color.scale.domain.at(-1)).toBe('other services');
    expect(en['cohorts']!['title'].text).toBe('Adoption by governments: smart members versus the others');
    expect(en['cohorts']!['spec'].layer[0].encoding.color.scale.domain).toEqual(['members', 'other governments']);
    for (const spec of Object.values(en)) expect(spec['config'].locale).toBeUndefined();
  });

  it.each(['spread', 'provinces', 'replacements', 'cohorts'])('%s draws no English word in Indonesian, and its numbers with a decimal comma', (name) => {
    const spec = specs('id')[name]!;
    const words = drawn(spec);
    expect(words.length).toBeGreaterThan(3);
    // Names from the scenario (province, regulation, service ids) are drawn as written.
    const own = new Set(['Provinsi P', 'Perpres 82/2023', 'e-office', 'smart-2017', 'nominal', 'quantitative', 'temporal', 'bar', 'line', 'rule', 'text', 'tick', 'left', 'right', 'top', 'zero', 'sum', 'count']);
    for (const w of words.filter((x) => !own.has(x) && !/^s\d$/.test(x))) expect(w, name).not.toMatch(ENGLISH);
    expect(spec['config'].locale.number.decimal).toBe(',');
  });

  it('in Indonesian: the types, groups and the other services in the legends', () => {
    const id = specs('id');
    expect(id['provinces']!['spec'].encoding.color.scale.domain).toEqual(['provinsi', 'kabupaten', 'kota']);
    expect(id['provinces']!['data'].values.map((d: Spec) => d['type'])).toEqual(['provinsi', 'kabupaten', 'kota']);
    expect(id['cohorts']!['spec'].layer[0].encoding.color.scale.domain).toEqual(['anggota', 'pemerintah daerah lain']);
    expect(id['replacements']!['layer'][0].encoding.color.scale.domain.at(-1)).toBe('layanan lain');
  });
});

describe('p14.txt in the report', () => {
  const result = measureP14({
    pooled: [
      { service: 'e-office', counts: { success: 3, partial: 10, total_failure: 7, replaced: 1 } },
      { service: '(local services)', counts: { success: 1, partial: 1, total_failure: 0, replaced: 0 } },
      { service: '(all)', counts: { success: 4, partial: 11, total_failure: 7, replaced: 1 } },
    ],
    spread: [
      { governments: 4, sustain_most: 1, sustain_none: 1 },
      { governments: 4, sustain_most: 2, sustain_none: 0 },
    ],
  });

  it('in English, every line of measureP14 is read back and written as it was', () => {
    expect(result.lines).toHaveLength(4);
    for (const line of result.lines) expect(p14Line(line, nationalEn, '.')).toBe(line);
  });

  it('in Indonesian, every line is worded in Indonesian with decimal commas; an unknown line is shown as written', () => {
    const id = result.lines.map((l) => p14Line(l, nationalId, ','));
    expect(id[0]).toBe(
      'P14 total Heeks nasional dari 22 pasangan pemerintah daerah–layanan dalam 2 replikasi, tanpa 1 yang diganti: berhasil 18,2% (pita acuan Heeks 10% hingga 25%), gagal sebagian 50,0% (35% hingga 65%), gagal total 31,8% (20% hingga 50%): di dalam pita acuan',
    );
    expect(id[1]).toBe('P14 sebaran: 37,5% pemerintah daerah mempertahankan sedikitnya separuh layanannya (syarat ≥ 5,0%), 12,5% tidak mempertahankan satu pun (syarat ≥ 20,0%): TIDAK cukup lebar');
    expect(id[2]).toBe('  e-office: berhasil 15,0%, gagal sebagian 50,0%, gagal total 35,0% dari 20');
    expect(id[3]).toBe('  (layanan milik daerah sendiri): berhasil 50,0%, gagal sebagian 50,0%, gagal total 0,0% dari 2 (di luar pita acuan)');
    for (const line of id) {
      expect(line).not.toMatch(ENGLISH);
      expect(line).not.toMatch(/\d\.\d/);
    }
    expect(p14Line('something else: 1.5 %', nationalId, ',')).toBe('something else: 1.5 %');
    // A service id that is also a name every object has (constructor, toString) is the id, not Object's own.
    for (const id of ['constructor', 'toString', 'valueOf']) {
      const line = p14Line(`  ${id}: success 10.0 %, partial 50.0 %, total failure 40.0 % of 100`, nationalId, ',', (x) => `Nama (${x})`);
      expect(line).toContain(`Nama (${id})`);
      expect(line).not.toContain('native code');
    }
    // Whole counts with the thousands grouped, as the Indonesian charts group them; English keeps p14.txt's digits.
    const big = result.lines[0]!.replace(/over 22 /, 'over 39138 ').replace(/, 1 replaced/, ', 1684 replaced');
    expect(p14Line(big, nationalId, ',')).toMatch(/^P14 total Heeks nasional dari 39\.138 pasangan .* tanpa 1\.684 yang diganti:/);
    expect(p14Line(big, nationalEn, '.')).toBe(big);
    expect(p14Lines('\n' + result.lines.join('\n') + '\n\n', nationalId, ',')).toEqual(id);
  });

  it("the headline's P14 sentence: in Indonesian one sentence, each share before its band and the verdict last; in English as before", () => {
    const text = '\n' + result.lines.join('\n') + '\n';
    expect(p14Headline(text, nationalId, ',')).toBe(
      'Kesimpulan P14: dari 22 pasangan pemerintah daerah–layanan dalam 2 replikasi (tanpa 1 yang diganti, yang dihitung dalam tabel kelas Heeks di bawah), 18,2% berhasil (pita acuan Heeks 10% hingga 25%), 50,0% gagal sebagian (35% hingga 65%) dan 31,8% gagal total (20% hingga 50%); hasil ini berada di dalam pita acuan.',
    );
    expect(p14Headline(text.replace(': within', ': OUTSIDE'), nationalId, ',')).toMatch(/; hasil ini berada DI LUAR pita acuan\.$/);
    // English: sumP14's words before the totals line as p14.txt writes it (without its leading "P14 ").
    expect(p14Headline(text, nationalEn, '.')).toBe(`P14's verdict, with replaced services left out of the denominator (the Heeks classes table below counts them): ${result.lines[0]!.replace(/^P14 /, '')}`);
    // A first line of another form: given whole, after the words.
    expect(p14Headline('something else: 1.5 %\n', nationalId, ',')).toBe('Kesimpulan P14 (tanpa layanan yang diganti, yang dihitung dalam tabel kelas Heeks di bawah): something else: 1.5 %');
    expect(p14Headline('\n\n', nationalId, ',')).toBeNull();
  });
});

describe('difusi national --lang id', () => {
  it('draws the charts in Indonesian into charts.id/, which report.id.* show; charts/ and p14.txt stay English', async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-nreport-id-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'id' });
    const names = ['national-cohorts-smart.svg', 'national-provinces.svg', 'national-replacements.svg', 'national-spread.svg'];
    expect(readdirSync(join(r.dir, 'charts.id')).sort()).toEqual(names);
    expect(readdirSync(join(r.dir, 'charts')).sort()).toEqual(names);
    const idSpread = readFileSync(join(r.dir, 'charts.id', 'national-spread.svg'), 'utf8');
    const enSpread = readFileSync(join(r.dir, 'charts', 'national-spread.svg'), 'utf8');
    expect(idSpread).toContain(nationalId.chart.spreadTitle);
    expect(idSpread).not.toContain(nationalEn.chart.spreadTitle);
    // A decimal comma in the numbers drawn (the subtitle's mean counts per replication, the axis).
    expect(idSpread).toMatch(/[ >]\d+,\d/);
    expect(enSpread).toContain(nationalEn.chart.spreadTitle);
    const md = readFileSync(join(r.dir, 'report.id.md'), 'utf8');
    for (const n of names) expect(md).toContain(`](charts.id/${n})`);
    expect(md).not.toContain('](charts/');
    expect(md).not.toContain('Grafik ini berbahasa Inggris');
    const html = readFileSync(join(r.dir, 'report.id.html'), 'utf8');
    expect(html).toContain(nationalId.chart.provincesTitle);
    expect(html).not.toContain(nationalEn.chart.provincesTitle);
    // P14: the headline's verdict and the table in Indonesian; the file as the run wrote it.
    const p14 = readFileSync(join(r.dir, 'p14.txt'), 'utf8');
    expect(p14).toMatch(/^P14 national Heeks totals over/);
    // Reworded on purpose: one sentence, its shares each before their band, the verdict last (no run-on of colons).
    const verdict = md.split('\n').find((l) => l.startsWith('Kesimpulan P14'))!;
    expect(verdict).toMatch(
      /^Kesimpulan P14: dari \d+ pasangan pemerintah daerah–layanan dalam 2 replikasi \(tanpa \d+ yang diganti, yang dihitung dalam tabel kelas Heeks di bawah\), \d+,\d% berhasil \(pita acuan Heeks 10% hingga 25%\), \d+,\d% gagal sebagian \(35% hingga 65%\) dan \d+,\d% gagal total \(20% hingga 50%\); hasil ini berada (di dalam|DI LUAR) pita acuan\.$/,
    );
    expect(verdict.split(':').length - 1).toBe(1);
    expect(md).not.toContain('P14 national Heeks totals');
    expect(md).not.toContain('P14 spread:');
  });

  it('merged shards draw the same Indonesian charts and report as one run', async () => {
    const root = tempDir('difusi-nreport-id-merge-');
    const one = await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'one'), workers: 1, replications: 2, command: 'test', charts: true, report: 'id' });
    const parts: string[] = [];
    for (const index of [1, 0]) {
      parts.push((await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'parts'), workers: 1, replications: 2, command: 'test', shard: { index, count: 2 } })).dir);
    }
    const merged = await executeNationalMerge(parts, join(root, 'merged'), 'test', true, 'id');
    for (const f of ['charts.id/national-spread.svg', 'charts.id/national-cohorts-smart.svg', 'report.id.md']) {
      expect(readFileSync(join(merged.dir, f), 'utf8'), f).toBe(readFileSync(join(one.dir, f), 'utf8'));
    }
  });

  it('an English run reported again with --lang id draws its charts in Indonesian from the folder: the same bytes as a run with --lang id', async () => {
    const root = tempDir('difusi-nreport-id-');
    const en = await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'en'), workers: 1, replications: 2, command: 'test', charts: true, report: 'en' });
    const id = await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'id'), workers: 1, replications: 2, command: 'test', charts: true, report: 'id' });
    expect(existsSync(join(en.dir, 'charts.id'))).toBe(false);
    await writeNationalReport(en.dir, 'id');
    const names = readdirSync(join(id.dir, 'charts.id')).sort();
    expect(readdirSync(join(en.dir, 'charts.id')).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(en.dir, 'charts.id', n), 'utf8'), n).toBe(readFileSync(join(id.dir, 'charts.id', n), 'utf8'));
    expect(readFileSync(join(en.dir, 'charts.id', 'national-spread.svg'), 'utf8')).toContain(nationalId.chart.spreadTitle);
    const md = readFileSync(join(en.dir, 'report.id.md'), 'utf8');
    expect(md).toBe(readFileSync(join(id.dir, 'report.id.md'), 'utf8'));
    expect(md).not.toContain('Grafik ini berbahasa Inggris');
    // The pages differ only in the manifest they show: its timings (the two runs took their own time).
    const untimed = (f: string) => readFileSync(f, 'utf8').replace(/&quot;(started|finished|seconds)&quot;: [^\n]*/g, '');
    expect(untimed(join(en.dir, 'report.id.html'))).toBe(untimed(join(id.dir, 'report.id.html')));
    // And back: the Indonesian run's folder reported in English redraws charts/ as the English run drew them.
    await writeNationalReport(id.dir, 'en');
    for (const n of readdirSync(join(en.dir, 'charts'))) expect(readFileSync(join(id.dir, 'charts', n), 'utf8'), n).toBe(readFileSync(join(en.dir, 'charts', n), 'utf8'));
    expect(untimed(join(id.dir, 'report.html'))).toBe(untimed(join(en.dir, 'report.html')));
  });

  it("a manifest.json edited to name a programme with a path (x/../../pwned) draws no chart from it: nothing is written outside the folder", async () => {
    const root = tempDir('difusi-nreport-path-');
    const r = await executeNationalRun({ file: FIXTURE, outRoot: join(root, 'runs'), workers: 1, replications: 2, command: 'test', charts: true, report: 'en' });
    const manifestFile = join(r.dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    expect(manifest.cohorts.length).toBeGreaterThan(0);
    // From charts.id/ inside the folder, four levels up is the temporary root.
    manifest.cohorts[0].programme = 'x/../../../../pwned';
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    const written = await writeNationalReport(r.dir, 'id');
    expect(readdirSync(root)).toEqual(['runs']);
    expect(written.every((f) => !f.includes('pwned'))).toBe(true);
    // The folder's charts are not drawn from that manifest: the report shows the ones the run wrote.
    expect(existsSync(join(r.dir, 'charts.id'))).toBe(false);
  });

  it('a folder written before government_shares.csv existed: its report in Indonesian shows the English charts it holds, and says so', async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-nreport-id-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'en' });
    // As an earlier version wrote it: no government_shares.csv, none of it in the manifest.
    rmSync(join(r.dir, 'government_shares.csv'));
    const manifestFile = join(r.dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files = manifest.files.filter((f: string) => f !== 'government_shares.csv');
    delete manifest.checksums['government_shares.csv'];
    delete manifest.rows['government_shares.csv'];
    delete manifest.ban_starts;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    const { md, charts } = await renderNationalReport(r.dir, 'id');
    expect(charts).toBeNull();
    expect(md).toContain('](charts/national-spread.svg)');
    // Said under each chart, with the command that draws them in Indonesian; not in a report whose charts are its own.
    // The run's own recorded command (here 'test'), not a bare `difusi national <file>` that would run other replications.
    const note = 'Grafik ini berbahasa Inggris: simulasi folder ini dijalankan tanpa --lang id. Perintah yang sama dengan bahasanya, test --lang id, menggambarnya dalam bahasa Indonesia; perintah itu menggantikan folder ini, lalu difusi report &lt;folder> menulis ulang laporan berbahasa Inggris.';
    expect(md.split(note).length - 1).toBe(4);
    expect((await renderNationalReport(r.dir, 'en')).md).not.toContain('(This chart is in English');
    await writeNationalReport(r.dir, 'id');
    expect(existsSync(join(r.dir, 'charts.id'))).toBe(false);
  });
});
