/**
 * The national report and charts name national services, programmes,
 * mandates and vendors by the scenario's names (manifest.json `names`),
 * with the id kept where a reader needs it to find the CSV rows; the names
 * are escaped on every page and chart; a folder written before `names`
 * falls back to the ids. And the cohort chart keeps a cohort that joined
 * before the start (or joins after the horizon) inside its time axis.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import * as vega from 'vega';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';
import { escapeMarkdownText } from '../../src/report/markdown.js';
import { chartLabels } from '../../src/report/national-names.js';
import { nationalCohortsSpec, type CohortSeriesRow } from '../../src/report/specs/national-cohorts.js';
import { compileChart } from '../../src/report/render.js';
import { rowOf } from '../support/markdown.js';

beforeAll(() => assertBuilt());

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

const SERVICE = 'E-office <img src=x onerror=alert(1)> *one*';
const PROGRAMME = 'Smart <b>city</b> programme ] [';
const VENDOR = 'Cloud <i>vendor</i>';
const MANDATE = 'Ban on standalone apps <script>x</script>';

/** The fixture with names for a service, the programme, the vendor and a mandate, and its cohort joining `from`. */
function namedFixture(from = '2017-01'): string {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
  doc['innovations'][0]['name'] = SERVICE;
  doc['programmes'][0]['name'] = PROGRAMME;
  doc['programmes'][0]['cohorts'][0]['from'] = from;
  doc['vendors'][0]['name'] = VENDOR;
  doc['national_regulations'] = [{ id: 'no-standalone', name: MANDATE, from: '2019-01', strength: 0.8, bans_standalone: true }];
  const file = join(tempDir('difusi-nnames-'), 'named.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

describe('names in the national report', () => {
  let dir: string;
  beforeAll(async () => {
    const r = await executeNationalRun({ file: namedFixture(), outRoot: tempDir('difusi-nnames-out-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'id' });
    dir = r.dir;
  });

  it('the manifest records the names the scenario gives, appended after the existing fields', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.names).toEqual({
      services: { 'e-office': SERVICE },
      programmes: { smart: PROGRAMME },
      regulations: { 'no-standalone': MANDATE },
      vendors: { cloudco: VENDOR },
      // The election cycles' names (the fixture's one cycle has none).
      elections: {},
    });
    // names was appended after the existing fields, then ban_starts (the replacement chart's marks), then names_id, overrides and build
    // (the Indonesian names: none in this file, which gives no name_id), then the run's warnings in both languages.
    expect(Object.keys(manifest).slice(-8)).toEqual(['names', 'ban_starts', 'names_id', 'overrides', 'build', 'warnings', 'warnings_id', 'inert_entries']);
    expect(manifest.names_id).toEqual({ services: {}, programmes: {}, regulations: {}, vendors: {}, elections: {} });
  });

  it('report.md shows them, escaped, with the ids beside them, in English and Indonesian', async () => {
    const { md, html } = await renderNationalReport(dir, 'en');
    const id = readFileSync(join(dir, 'report.id.md'), 'utf8');
    const service = escapeMarkdownText(SERVICE);
    expect(md).toContain(`- **national services**: ${service} \\[e-office\\], vendor-app, mandated-service`);
    expect(id).toContain(`- **layanan nasional**: ${service} \\[e-office\\], vendor-app, mandated-service`);
    // P14's line of the service: its name, then the id p14.txt gives it.
    expect(md).toMatch(new RegExp(`^\\| ${service.replace(/[\\*()[\]]/g, '\\$&')} \\\\\\[e-office\\\\\\]: success `, 'm'));
    expect(id).toMatch(new RegExp(`^\\| ${service.replace(/[\\*()[\]]/g, '\\$&')} \\\\\\[e-office\\\\\\]: berhasil `, 'm'));
    expect(readFileSync(join(dir, 'p14.txt'), 'utf8')).toMatch(/^ {2}e-office: success/m); // p14.txt itself unchanged
    // The cohort chart's heading: the programme's name.
    expect(md).toContain(`### Programme cohorts: ${escapeMarkdownText(PROGRAMME)}`);
    expect(id).toContain(`### Kohort program: ${escapeMarkdownText(PROGRAMME)}`);
    // Its image: a bracket of the name does not end the image's text.
    expect(md).toContain('![Programme cohorts: Smart &lt;b>city&lt;/b> programme \\] \\[](charts/national-cohorts-smart.svg)');
    // The table of names and ids: one row each, the id in its own column.
    expect(md).toContain('## Names and ids');
    expect(id).toContain('## Nama dan id');
    expect(rowOf(md, 'national service').slice(1)).toEqual([service, 'e-office']);
    expect(rowOf(md, 'programme').slice(1)).toEqual([escapeMarkdownText(PROGRAMME), 'smart']);
    // A cohort by its programme's name and the month it joins (a programme's cohorts would otherwise read alike).
    expect(rowOf(md, 'programme cohort').slice(1)).toEqual([`${escapeMarkdownText(PROGRAMME)}, cohort joining 2017-01`, 'smart-2017']);
    expect(rowOf(md, 'national regulation (mandate)').slice(1)).toEqual([escapeMarkdownText(MANDATE), 'no-standalone']);
    expect(rowOf(md, 'vendor').slice(1)).toEqual([escapeMarkdownText(VENDOR), 'cloudco']);
    expect(rowOf(id, 'vendor (penyedia)').slice(1)).toEqual([escapeMarkdownText(VENDOR), 'cloudco']);
    expect(md).toContain('| national service | – | vendor-app |');
    expect(id).toContain('| layanan nasional | – | vendor-app |');
    // No markup from a name on any page.
    for (const page of [md, id, html, readFileSync(join(dir, 'report.id.html'), 'utf8')]) {
      expect(page).not.toContain('<img');
      expect(page).not.toContain('<b>city');
      expect(page).not.toContain('<i>vendor');
      expect(page).not.toContain('<script>x');
    }
    expect(html).toContain('<td>E-office &lt;img src=x onerror=alert(1)&gt; *one*</td><td>e-office</td>');
  });

  it('the charts label panels and titles by name, escaped, in both languages', () => {
    for (const folder of ['charts', 'charts.id']) {
      const svg = readFileSync(join(dir, folder, 'national-cohorts-smart.svg'), 'utf8');
      expect(svg, folder).toContain('Smart &lt;b&gt;city&lt;/b&gt; programme ] [');
      // The service's panel: its name, wrapped at spaces onto lines.
      expect(svg, folder).toContain('E-office &lt;img');
      expect(svg, folder).not.toMatch(/<(img|b)\b/);
      expect(svg, folder).not.toContain('>e-office<');
    }
  });

  it('a folder written before the names were recorded is reported by ids, without the table of names', async () => {
    // Its manifest is edited in a copy of the folder: the other tests read the run's own, whatever the order they run in.
    const old = join(tempDir('difusi-nnames-old-'), 'run');
    cpSync(dir, old, { recursive: true });
    const manifestFile = join(old, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    delete manifest.names;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    for (const lang of ['en', 'id'] as const) {
      const { md } = await renderNationalReport(old, lang);
      expect(md).not.toContain('E-office');
      expect(md).not.toMatch(/## (Names and ids|Nama dan id)/);
      expect(md).toContain(lang === 'en' ? '**national services**: e-office, vendor-app, mandated-service' : '**layanan nasional**: e-office, vendor-app, mandated-service');
      expect(md).toContain(lang === 'en' ? '### Programme cohorts: smart' : '### Kohort program: smart');
    }
    // English P14 lines as p14.txt writes them.
    const { md } = await renderNationalReport(old, 'en');
    for (const line of readFileSync(join(old, 'p14.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '')) expect(md).toContain(`| ${escapeMarkdownText(line.trim())} |`);
  });
});

describe('chart labels', () => {
  it('are the names, with the id where two services share a name (they must not merge)', () => {
    const labels = chartLabels(['a', 'b', 'c', 'd'], { a: 'Same', b: 'Same', c: 'Other' });
    expect([...labels]).toEqual([
      ['a', 'Same [a]'],
      ['b', 'Same [b]'],
      ['c', 'Other'],
      ['d', 'd'],
    ]);
  });

  it('names that a chart shows alike (whitespace) or that take the chart\'s own bucket get their ids too', () => {
    const labels = chartLabels(['a', 'b', 'c', 'd'], { a: 'A  B', b: 'A B', c: 'other services', d: 'Kept' }, ['other services', 'layanan lain']);
    expect([...labels]).toEqual([
      ['a', 'A  B [a]'],
      ['b', 'A B [b]'],
      ['c', 'other services [c]'],
      ['d', 'Kept'],
    ]);
  });
});

/** The x domain (ms since the epoch) vega computes for a cohort chart. */
async function xDomain(spec: ReturnType<typeof nationalCohortsSpec>): Promise<[number, number]> {
  const view = new vega.View(vega.parse(compileChart(spec).vega), { renderer: 'none' });
  await view.runAsync();
  const d = (view.scale('x') as { domain: () => (Date | number)[] }).domain();
  return [Number(d[0]), Number(d[1])];
}

describe('the cohort chart', () => {
  const months = Array.from({ length: 24 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const rows: CohortSeriesRow[] = months.flatMap((date, i) => [
    { date, group: 'programme:smart:members', innovation: 'e-office', everShare: i / 24 },
    { date, group: 'programme:smart:others', innovation: 'e-office', everShare: i / 48 },
  ]);
  const first = Date.UTC(2016, 0, 1);
  const last = Date.UTC(2017, 11, 1);

  it('marks a cohort that joined before the start at the first month, inside the time axis, and says so', async () => {
    const spec = nationalCohortsSpec(rows, 'smart', [{ id: 'smart-2014', date: '2014-03' }, { id: 'smart-2016', date: '2016-06' }], 3, 'en') as Record<string, any>;
    const [low, high] = await xDomain(spec as never);
    expect(low).toBe(first);
    expect(high).toBe(last);
    const marks = spec['spec'].layer[1].data.values.map((v: { date: string }) => v.date);
    expect(marks).toEqual(['2016-01-01', '2016-06-01']);
    expect(spec['title'].subtitle).toContain('joined before the start: smart-2014 (2014-03); marked at the first month, 2016-01');
    const id = nationalCohortsSpec(rows, 'smart', [{ id: 'smart-2014', date: '2014-03' }], 3, 'id') as Record<string, any>;
    expect(id['title'].subtitle).toContain('bergabung sebelum awal simulasi: smart-2014 (2014-03); ditandai pada bulan pertama, 2016-01');
  });

  it('does not mark a cohort that joins after the horizon, and says so', async () => {
    const spec = nationalCohortsSpec(rows, 'smart', [{ id: 'smart-2030', date: '2030-01' }], 3, 'en') as Record<string, any>;
    expect(await xDomain(spec as never)).toEqual([first, last]);
    expect(spec['spec'].layer[1].data.values).toEqual([]);
    expect(spec['title'].subtitle).toContain('joins after the horizon, not marked: smart-2030 (2030-01)');
  });

  it('drawn by a run whose cohort joined before the start, says so under its title', async () => {
    const r = await executeNationalRun({ file: namedFixture('2014-03'), outRoot: tempDir('difusi-nnames-before-'), workers: 1, replications: 1, command: 'test', charts: true });
    const svg = readFileSync(join(r.dir, 'charts', 'national-cohorts-smart.svg'), 'utf8');
    expect(svg).toContain('joined before the start: smart-2017 (2014-03); marked at the first month, 2016-01');
  });
});
