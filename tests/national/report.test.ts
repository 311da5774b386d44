/**
 * The national report (docs/NATIONAL.md, "The national report"): written
 * by `difusi national` (not with --no-charts, as a city run), rewritten
 * from the folder by `difusi report`, in English (report.md, report.html)
 * and Indonesian (report.id.md, report.id.html, leaving the English ones
 * alone). Its figures are the CSVs' numbers (formatted here from the raw
 * cells, independently of the report's code), its intervals are shown or
 * said to be absent with one replication, and a scenario's own text (a
 * government's name, the description) is escaped in both pages. City
 * commands given a national file say so in one line (exit code 2).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';

beforeAll(() => assertBuilt());

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** A CSV as records of raw cells (the fixture's cells hold no commas or quotes). */
function records(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const header = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i]!, c])));
}

/** A share cell as the report should print it, with `decimal` (Indonesian, with its decimal comma, closes the % up: "29,2%"); '–' for an empty cell. */
const pct = (cell: string, decimal = '.') => (cell === '' ? '–' : `${(100 * Number(cell)).toFixed(1).replace('.', decimal)}${decimal === ',' ? '%' : ' %'}`);
// A table's interval: "23.9–25.7 %" in English, "[23,9%; 25,7%]" in Indonesian (decimal comma, % closed up);
// one of zero width at its mean (every replication gave the same value) says so in words instead.
const ci = (low: string, high: string, decimal = '.', mean?: string) => {
  if (low === '' || high === '') return '–';
  if (mean !== undefined && Number(low) === Number(high) && Number(mean) === Number(low)) return decimal === ',' ? 'sama di setiap replikasi' : 'same in every replication';
  const [lo, hi] = [low, high].map((x) => (100 * Number(x)).toFixed(1).replace('.', decimal));
  return decimal === ',' ? `[${lo}%; ${hi}%]` : `${lo}–${hi} %`;
};

/** The markdown table row whose first cell is `first`, as cells. */
function row(md: string, first: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (line === undefined) throw new Error(`no row "${first}" in the report`);
  // Markdown escapes a bracket ("\\["): the cell as a reader sees it.
  return line.slice(2, -2).split(' | ').map((c) => c.replace(/\\([[\]])/g, '$1'));
}

/** The expected cells of a group's row: governments, then each share and its interval. */
function groupCells(g: Record<string, string>, decimal = '.'): string[] {
  return [
    g['governments']!,
    pct(g['mean_sustained_share']!, decimal),
    ci(g['mean_sustained_share_low']!, g['mean_sustained_share_high']!, decimal, g['mean_sustained_share']),
    pct(g['share_sustain_most']!, decimal),
    ci(g['share_sustain_most_low']!, g['share_sustain_most_high']!, decimal, g['share_sustain_most']),
    pct(g['share_sustain_none']!, decimal),
    ci(g['share_sustain_none_low']!, g['share_sustain_none_high']!, decimal, g['share_sustain_none']),
  ];
}

describe('the national report', () => {
  it('is written with the folder, and its figures are the CSVs\' numbers', async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-nreport-'), workers: 1, replications: 6, command: 'test', charts: true, report: 'en' });
    expect(existsSync(join(r.dir, 'report.md'))).toBe(true);
    expect(existsSync(join(r.dir, 'report.html'))).toBe(true);
    expect(existsSync(join(r.dir, 'report.id.md'))).toBe(false);
    const md = readFileSync(join(r.dir, 'report.md'), 'utf8');
    const groups = records(join(r.dir, 'group_summary.csv'));
    const all = groups.find((g) => g['kind'] === 'all')!;
    const G = Number(all['governments']);
    // The headline: governments sustaining most and none, with their intervals, and the mean share.
    const count = (share: string) => (Number(share) * G).toFixed(1);
    expect(md).toContain(
      `on average ${count(all['share_sustain_most']!)} of the ${G} governments (${pct(all['share_sustain_most']!)}; 95 % interval ${ci(all['share_sustain_most_low']!, all['share_sustain_most_high']!)})`,
    );
    expect(md).toContain(`and ${count(all['share_sustain_none']!)} (${pct(all['share_sustain_none']!)}; 95 % interval ${ci(all['share_sustain_none_low']!, all['share_sustain_none_high']!)}) sustain none`);
    expect(md).toContain(`sustains on average ${pct(all['mean_sustained_share']!)} (95 % interval ${ci(all['mean_sustained_share_low']!, all['mean_sustained_share_high']!)})`);
    // By type and by province: every row, every cell.
    expect(row(md, 'all governments').slice(1)).toEqual(groupCells(all));
    const typeLabel: Record<string, string> = { province: 'province governments', regency: 'regencies', city: 'cities' };
    for (const g of groups.filter((x) => x['kind'] === 'type')) expect(row(md, typeLabel[g['group']!]!).slice(1), g['group']).toEqual(groupCells(g));
    const provinceLabel: Record<string, string> = { 'prov-a': 'Provinsi A', 'prov-c': 'prov-c' };
    for (const g of groups.filter((x) => x['kind'] === 'province')) expect(row(md, provinceLabel[g['group']!]!).slice(1), g['group']).toEqual(groupCells(g));
    // Each government's mean and interval (four governments: all listed).
    const governments = md.slice(md.indexOf('## Governments with the highest'));
    for (const g of records(join(r.dir, 'government_summary.csv'))) {
      expect(row(governments, g['name']!).slice(-2), g['government']).toEqual([pct(g['mean_sustained_share']!), ci(g['mean_sustained_share_low']!, g['mean_sustained_share_high']!, '.', g['mean_sustained_share'])]);
    }
    // Heeks classes of all governments, P14's verdict line, the charts linked.
    expect(md).toContain(`| all governments | ${pct(all['heeks_success']!)} | ${pct(all['heeks_partial']!)} | ${pct(all['heeks_total_failure']!)} | ${pct(all['heeks_replaced']!)} |`);
    const verdict = readFileSync(join(r.dir, 'p14.txt'), 'utf8').split('\n')[0]!;
    expect(verdict).toMatch(/^P14 national Heeks totals/);
    // The verdict, naming its denominator, without the line's own leading "P14".
    expect(md).toContain(`P14's verdict, with replaced services left out of the denominator (the Heeks classes table below counts them): ${verdict.slice('P14 '.length).replace(/>/g, '&gt;')}`);
    for (const chart of ['national-spread', 'national-provinces', 'national-replacements', 'national-cohorts-smart']) {
      expect(md).toContain(`](charts/${chart}.svg)`);
      expect(existsSync(join(r.dir, 'charts', `${chart}.svg`))).toBe(true);
    }
    // The fixture bans no standalone applications: the replacement section says why there is no wave, and so does its
    // chart, instead of captioning the replacements as a ban's and announcing a dashed line it does not draw
    // (tests/national/outputs.test.ts: with a ban, the ban's words).
    expect(JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8')).ban_starts).toEqual([]);
    expect(md).toContain('so there is no replacement wave');
    expect(md).not.toContain('replaced per month (under a ban on standalone applications');
    const wave = readFileSync(join(r.dir, 'charts', 'national-replacements.svg'), 'utf8');
    expect(wave).toContain('no national ban on standalone applications starts in the horizon');
    expect(wave).not.toContain('a ban starts');
    // What was run, and how to read it.
    expect(md).toContain(`**scenario hash as run (with overrides, seed and replication count)**: \` ${JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8')).scenario.hash} \``);
    expect(md).toContain('- **replications**: 6');
    expect(md).toContain('- **agencies**: 62');
    expect(md).toContain('## How to read this report');
    // The HTML page holds the same table cells and the charts inline.
    const html = readFileSync(join(r.dir, 'report.html'), 'utf8');
    expect(html).toContain(`<td class="num"><span class="nw">${ci(all['mean_sustained_share_low']!, all['mean_sustained_share_high']!)}</span></td>`);
    expect((html.match(/<svg\b/g) ?? []).length).toBe(4);
  });

  it('says there is no interval with one replication', async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-nreport-'), workers: 1, replications: 1, command: 'test', report: 'en' });
    const md = readFileSync(join(r.dir, 'report.md'), 'utf8');
    const cells = row(md, 'all governments');
    expect([cells[3], cells[5], cells[7]]).toEqual(['–', '–', '–']);
    expect(cells[2]).toMatch(/^\d+\.\d %$/);
    expect(md).toContain('one replication: no interval');
    expect(md).not.toContain('95 % interval 0');
  });

  it("escapes a scenario's own text in report.md and report.html", async () => {
    const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
    const evil = '<img src=x onerror=alert(1)>|x';
    doc['description'] = "<script>alert('description')</script>";
    doc['governments'][0]['name'] = evil; // the province government of prov-a: names the province too
    doc['governments'][3]['name'] = 'Kota </td><script>alert(2)</script>';
    const file = join(tempDir('difusi-nreport-evil-'), 'evil.yaml');
    writeFileSync(file, stringify(doc));
    const r = await executeNationalRun({ file, outRoot: tempDir('difusi-nreport-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'en' });
    const md = readFileSync(join(r.dir, 'report.md'), 'utf8');
    const html = readFileSync(join(r.dir, 'report.html'), 'utf8');
    for (const page of [md, html]) {
      expect(page).not.toContain('<img');
      expect(page).not.toContain('<script');
      expect(page).not.toContain('</td><script');
      // The tag's opening escaped (report.md leaves a lone `>` as written; it opens nothing).
      expect(page).toContain('&lt;img src=x onerror=alert(1)');
    }
    // A pipe in a name does not split the markdown table's row.
    const line = md.split('\n').find((l) => l.startsWith('| &lt;img'))!;
    expect(line.split(/(?<!\\)\|/).length - 2).toBe(8);
    expect(html).toContain('&lt;script&gt;alert(&#39;description&#39;)&lt;/script&gt;');
  });
});

describe('a national folder written before the intervals and the recorded parameters', () => {
  it('is reported with "–" for its intervals and says its parameters are not known', async () => {
    const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-nreport-old-'), workers: 1, replications: 3, command: 'test' });
    // The folder as an earlier version wrote it: the summaries without their last columns, the manifest without parameters.
    const manifestFile = join(r.dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    for (const [f, keep] of [['group_summary.csv', 10], ['government_summary.csv', 16]] as const) {
      const text = readFileSync(join(r.dir, f), 'utf8').split('\n').map((l) => (l === '' ? l : l.split(',').slice(0, keep).join(','))).join('\n');
      writeFileSync(join(r.dir, f), text);
      manifest.checksums[f] = createHash('sha256').update(text).digest('hex');
    }
    delete manifest.parameters;
    delete manifest.national_parameters;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const { md } = await renderNationalReport(r.dir, 'en');
    const cells = row(md, 'all governments');
    expect(cells[2]).toMatch(/^\d+\.\d %$/);
    expect([cells[3], cells[5], cells[7]]).toEqual(['–', '–', '–']);
    expect(md).toContain('written before national folders recorded their parameters');
    expect(md).toContain('(no interval: the folder was written before intervals were recorded)');
    expect(md).not.toContain('one replication: no interval');
    expect(md).not.toContain('## Diffusion between governments');
  });
});

describe('difusi national and difusi report on a national folder', () => {
  it('writes the report unless --no-charts, and rewrites it in English and Indonesian', async () => {
    const out = tempDir('difusi-nreport-cli-');
    const run = await runInProcess(['national', FIXTURE, '--replications', '3', '--workers', '1', '-q', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const dir = /results: (.*)\n/.exec(run.stdout)![1]!;
    expect(run.stdout).toContain(`report: ${join(dir, 'report.html')}`);
    const english = readFileSync(join(dir, 'report.md'), 'utf8');

    const id = await runInProcess(['report', dir, '--lang', 'id']);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toContain(join(dir, 'report.id.html'));
    // The English pages are left as they were.
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(english);
    const md = readFileSync(join(dir, 'report.id.md'), 'utf8');
    expect(readFileSync(join(dir, 'report.id.html'), 'utf8')).toContain('<html lang="id">');
    expect(md).toContain('# Laporan nasional difusi: small-national');
    // No ban in the fixture: the Indonesian replacement section and its chart say why there is no wave, too.
    // Reworded on purpose: the event is a migration ("diganti" is only the Heeks class).
    expect(md).toContain('sehingga tidak ada gelombang migrasi: batang adalah penerapan layanan yang tetap dimigrasikan ke layanan penerus');
    expect(md).not.toMatch(/penggantian/i);
    expect(md).not.toContain('dimigrasikan per bulan (sejak larangan aplikasi mandiri berlaku');
    const wave = readFileSync(join(dir, 'charts.id', 'national-replacements.svg'), 'utf8');
    expect(wave).toContain('tidak ada larangan nasional atas aplikasi mandiri yang mulai berlaku dalam periode simulasi');
    expect(wave).not.toContain('larangan mulai berlaku');
    expect(md).toContain('perangkat daerah');
    expect(md).toContain('pemerintah daerah');
    expect(md).toContain('kabupaten');
    expect(md).not.toMatch(/\bdinas\b/);
    // The CSV's numbers with a decimal comma, in the headline and the tables.
    const all = records(join(dir, 'group_summary.csv')).find((g) => g['kind'] === 'all')!;
    expect(row(md, 'semua pemerintah daerah').slice(1)).toEqual(groupCells(all, ','));
    // In prose, Indonesian writes an interval "lo hingga hi" (docs/OUTPUTS.md).
    // A mean every replication gave alike is said to be so, not given a zero-width interval.
    const same = all['mean_sustained_share_low'] === all['mean_sustained_share_high'];
    expect(md).toContain(
      same
        ? `mempertahankan ${pct(all['mean_sustained_share']!, ',')} (di setiap replikasi)`
        : `mempertahankan ${pct(all['mean_sustained_share']!, ',')} (interval 95%: ${pct(all['mean_sustained_share_low']!, ',')} hingga ${pct(all['mean_sustained_share_high']!, ',')})`,
    );
    const headline = md.slice(md.indexOf('## Ringkasan utama'), md.indexOf('Kesimpulan P14'));
    expect(headline).toMatch(/\d,\d%/);
    expect(headline).not.toMatch(/\d %/);
    expect(headline).not.toMatch(/\d\.\d/);

    // English again, from the files: the same bytes as the run wrote.
    const en = await runInProcess(['report', dir]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toBe('');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(english);
    // --png / --no-png cannot apply to a national folder (its charts are SVG only): one warning line, the same report.
    for (const flag of ['--no-png', '--png']) {
      const r = await runInProcess(['report', dir, flag]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe(`⚠ ${dir}: ${flag} has no effect on a national folder: its charts are SVG only, and no PNG is written either way\n`);
      expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(english);
    }
    // Under --lang id the line is in Bahasa Indonesia (it was English whatever --lang said).
    const pngId = await runInProcess(['report', dir, '--png', '--lang', 'id']);
    expect(pngId.code, pngId.stderr).toBe(0);
    expect(pngId.stderr).toBe(`⚠ ${dir}: --png tidak berpengaruh pada folder nasional: grafiknya hanya SVG, dan tidak ada PNG yang ditulis dengan opsi mana pun\n`);

    // A changed table is refused in one line naming it; the report is not rewritten from it.
    const file = join(dir, 'group_summary.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\nall,all,4,', '\nall,all,5,'));
    const bad = await runInProcess(['report', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('group_summary.csv');

    const none = tempDir('difusi-nreport-cli-');
    const quiet = await runInProcess(['national', FIXTURE, '--replications', '2', '--workers', '1', '-q', '--no-charts', '--out', none]);
    expect(quiet.code, quiet.stderr).toBe(0);
    const quietDir = /results: (.*)\n/.exec(quiet.stdout)![1]!;
    expect(existsSync(join(quietDir, 'report.md'))).toBe(false);
    expect(existsSync(join(quietDir, 'charts'))).toBe(false);
    expect(quiet.stdout).not.toContain('report:');
  });
});

// The refusals below, like the runs and reports above, run in the test's process (tests/support/in-process.ts):
// what they print and their exit code are checked, not a process's start, which cost most of their time.
describe('city commands given a national scenario', () => {
  const experiment = () => {
    const file = join(tempDir('difusi-nreport-exp-'), 'on-national.yaml');
    writeFileSync(file, stringify({ name: 'on-national', base: FIXTURE, variants: [{ name: 'v', set: { seed: 2 } }] }));
    return file;
  };
  it.each([
    ['run', (f: string) => ['run', f]],
    ['compare', (f: string) => ['compare', f, f]],
    ['compare', (f: string) => ['compare', f]],
    ['compare', () => ['compare', join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), FIXTURE]],
    ['compare', () => ['compare', experiment()]],
    ['sweep', (f: string) => ['sweep', f]],
    ['sweep', () => ['sweep', experiment()]],
    ['sensitivity', (f: string) => ['sensitivity', f]],
    ['odd', (f: string) => ['odd', f]],
    ['explore', (f: string) => ['explore', f, '--no-open']],
  ] as const)('%s says so in one line and exits with 2', async (command, args) => {
    const out = tempDir('difusi-nreport-city-');
    const argv = args(FIXTURE);
    const r = await runInProcess([...argv, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    // compare's line also names the national command that pairs two variants.
    const tail = command === 'compare' ? ', or compare two variants with difusi national-compare .*small-national\\.yaml --set path=value' : '';
    // An experiment's base is named at its line and field, as the experiment reader names any problem of the file as a whole.
    const at = argv[1]!.endsWith('on-national.yaml') ? ' → at base \\(found ".*small-national\\.yaml"\\)' : '';
    expect(lines[0]).toMatch(new RegExp(`national scenario \\(it has governments\\): difusi ${command} takes city scenarios; run it with difusi national .*small-national\\.yaml${tail}${at}$`));
    expect(r.stdout).toBe('');
  });
});

describe('difusi national given a city scenario', () => {
  it('says so in one line naming difusi run, exits with 2 and writes nothing', async () => {
    const out = tempDir('difusi-nreport-national-city-');
    const city = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
    const r = await runInProcess(['national', city, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(/bekasi-2015-2025\.yaml: a city scenario \(it has no governments\): difusi national takes national scenarios; run it with difusi run .*bekasi-2015-2025\.yaml$/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a national file with governments misspelled is not called a city scenario: the national schema names the missing field', async () => {
    const file = join(tempDir('difusi-nreport-typo-'), 'typo.yaml');
    writeFileSync(file, readFileSync(FIXTURE, 'utf8').replace(/^governments:/m, 'goverments:'));
    const r = await runInProcess(['national', file, '--out', tempDir('difusi-nreport-typo-out-')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('a city scenario');
    expect(r.stderr).toContain('governments');
  });

  it('a file that is neither still gets the national schema\'s errors', async () => {
    const file = join(tempDir('difusi-nreport-neither-'), 'neither.yaml');
    writeFileSync(file, 'name: neither\nmonths: 12\n');
    const r = await runInProcess(['national', file, '--out', tempDir('difusi-nreport-neither-out-')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('governments');
    expect(r.stderr).not.toContain('a city scenario');
  });
});
