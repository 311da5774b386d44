/**
 * The report of a national comparison (docs/NATIONAL-COMPARE.md, "The
 * report"): written by `difusi national-compare` unless --no-charts, and by
 * `difusi report <comparison folder> [--lang id]`, from a real run of the
 * four-government fixture with a mandate funded in the variant. Its headline
 * names the outcome that changes most beyond noise, with its sign, by the
 * service's name; the scenario's text (a service name holding `<script>`
 * and `|`) is escaped in report.md, report.html and the chart; the
 * Indonesian report has no English sentence left; the report leaves
 * national_compare.csv and manifest.json as they were (byte for byte, and
 * the checksums intact: the store reads the folder again).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { nationalCompareRowOf } from '../support/national-compare-rows.js';
import { nationalCompareEn } from '../../src/report/i18n/national-compare-en.js';
import { nationalCompareId } from '../../src/report/i18n/national-compare-id.js';
import { escapeMarkdownLine } from '../../src/report/markdown.js';

const SERVICE = 'Mandated <script>alert(1)</script> | service';
const SERVICE_ID = 'Layanan <script>x</script> | wajib';

/** The fixture with a mandate on mandated-service (money: `money`), named services and Indonesian twins. */
function fixture(dir: string, money: boolean): string {
  const doc = parse(readFileSync(join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), 'utf8')) as Record<string, any>;
  doc['description_id'] = 'Empat pemerintah daerah untuk pengujian.';
  Object.assign(doc['innovations'][0], { name: 'E-office', name_id: 'Perkantoran elektronik' });
  Object.assign(doc['innovations'][1], { name: 'Vendor app', name_id: 'Aplikasi vendor' });
  Object.assign(doc['innovations'][2], { name: SERVICE, name_id: SERVICE_ID });
  Object.assign(doc['programmes'][0], { name: 'Smart city', name_id: 'Kota cerdas' });
  doc['national_regulations'] = [{ id: 'service-law', name: 'Service law', name_id: 'Undang-undang layanan', from: '2017-01', strength: 0.6, anchors: ['mandated-service'], money }];
  const file = join(dir, money ? 'funded.yaml' : 'unfunded.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The comparison folder under <out>/small-national-compare/ whose variant sets `money`. */
function comparison(out: string): string {
  const keys = readdirSync(join(out, 'small-national-compare')).filter((k) => !k.startsWith('.'));
  expect(keys).toHaveLength(1);
  return join(out, 'small-national-compare', keys[0]!);
}

function csv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i]!, c])));
}

/** The headline's paragraphs (between its heading and the next section). */
function headline(md: string, heading: string): string[] {
  const start = md.indexOf(`## ${heading}\n`);
  const end = md.indexOf('\n- **', start);
  return md
    .slice(start, end)
    .split('\n\n')
    .slice(1)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const SET = 'national_regulations[id=service-law].money=';

describe('the report of difusi national-compare', () => {
  let work: string;
  let dir: string;
  let noReport: string;
  beforeAll(async () => {
    assertBuilt();
    work = tempDir('difusi-ncreport-');
    const file = fixture(work, false);
    const run = await runInProcess(['national-compare', file, '--set', `${SET}true`, '-r', '3', '-w', '1', '-q', '--out', join(work, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    dir = comparison(join(work, 'out'));
    expect(run.stdout).toContain(`report: ${join(dir, 'report.html')}`);
    // The same comparison without its report: the CSV and the manifest are compared with it below.
    const bare = await runInProcess(['national-compare', file, '--set', `${SET}true`, '-r', '3', '-w', '1', '-q', '--no-charts', '--out', join(work, 'bare')]);
    expect(bare.code, bare.stderr).toBe(0);
    noReport = comparison(join(work, 'bare'));
  });

  it('writes report.md, report.html and charts/national-compare.svg; --no-charts writes none; the CSV is the same bytes either way', () => {
    for (const f of ['report.md', 'report.html', 'charts/national-compare.svg']) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readdirSync(noReport).sort()).toEqual(['manifest.json', 'national_compare.csv']);
    expect(sha(join(dir, 'national_compare.csv'))).toBe(sha(join(noReport, 'national_compare.csv')));
    // The manifest differs only by the command line (--no-charts, --out).
    const strip = (m: Record<string, unknown>) => ({ ...m, command: '', base: { ...(m['base'] as object), folder: '' }, variant: { ...(m['variant'] as object), folder: '' } });
    const a = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(noReport, 'manifest.json'), 'utf8'));
    expect(strip(a)).toEqual(strip(b));
    // The report's files are not among the checksummed ones.
    expect((a.files as string[]).filter((f) => /report|charts/.test(f))).toEqual([]);
    expect(Object.keys(a.checksums)).toEqual(Object.keys(b.checksums));
  });

  it('the headline names the largest difference whose interval excludes 0 by its service name, with its sign, in percentage points', () => {
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    const rows = csv(join(dir, 'national_compare.csv'));
    // From the CSV alone: the rows whose interval excludes 0, the largest first.
    const clear = rows.filter((r) => Number(r['diff_ci_low']) > 0 || Number(r['diff_ci_high']) < 0).sort((a, b) => Math.abs(Number(b['diff_mean'])) - Math.abs(Number(a['diff_mean'])));
    expect(clear[0]!['outcome']).toBe('sustained_share.mandated-service');
    const paragraphs = headline(md, nationalCompareEn.headline);
    // The --set as a code span, as typed: no markdown escapes in it (report.md is read as text too).
    expect(paragraphs[0]).toContain('` national_regulations[id=service-law].money = true `');
    expect(paragraphs[0]).not.toContain('\\[');
    expect(paragraphs[0]).toContain('the scenario was run with the following changes (the file itself is not changed)');
    expect(paragraphs.some((p) => p.startsWith('Here service-law is Service law.'))).toBe(true);
    // What the changed field means: named, with the section of docs/NATIONAL.md that describes it.
    expect(paragraphs).toContain('What each changed field means and does in the model: money (in national_regulations), see docs/NATIONAL.md#national-actors.');
    expect(paragraphs.join(' ')).toMatch(/3 times \(replications\) with the same seed, 11\..*common random numbers/);
    // The count of intervals excluding 0 with, in the same sentence, how many would by chance alone.
    // Counted over the rows that can exclude 0: not those exactly 0 in every replication, nor those without a value.
    const counted = rows.filter((x) => x['diff_mean'] !== '' && !(Number(x['diff_mean']) === 0 && Number(x['diff_ci_low']) === 0 && Number(x['diff_ci_high']) === 0)).length;
    expect(counted).toBeLessThan(rows.length);
    const about = Math.round(0.05 * counted) >= 1 ? `about ${Math.round(0.05 * counted)}` : 'fewer than 1';
    const intro = paragraphs.findIndex((p) =>
      p.startsWith(
        `${clear.length} of the ${rows.length} outcomes compared have a 95 % interval that excludes 0. If the change had no effect on average, ${about} would still do so by chance alone: 5 % of the ${counted} outcomes whose difference is not always 0 (the other ${rows.length - counted} `,
      ),
    );
    // No sentence says every difference is the change's effect: the interval measures the chance that remains.
    expect(paragraphs.join(' ')).not.toMatch(/the change's effect, not other luck/);
    expect(paragraphs.join(' ')).toContain('both runs of a replication share the same luck, so their difference is not a difference in luck between them. The chance variation that remains is what each difference\'s 95 % interval measures.');
    expect(intro).toBeGreaterThan(0);
    const first = paragraphs[intro + 1]!;
    const r = clear[0]!;
    const n = String.raw`(\d+\.\d+)`;
    const m = new RegExp(
      String.raw`^With the change, (.*) is sustained at the end of the run \(2021\) in ${n} % of the governments offered it, against ${n} % without it: up ${n} percentage points \(95 % interval \+${n} to \+${n}\)\.$`,
    ).exec(first);
    expect(m, first).not.toBeNull();
    expect(m![1]).toBe(escapeMarkdownLine(SERVICE));
    // Each number is the CSV's, in percent, rounded to the decimals printed.
    const cells = [r['variant_mean'], r['base_mean'], r['diff_mean'], r['diff_ci_low'], r['diff_ci_high']];
    cells.forEach((cell, i) => {
      const printed = m![i + 2]!;
      const decimals = printed.split('.')[1]!.length;
      expect(Math.abs(Number(printed) - 100 * Number(cell)), `${printed} for ${cell}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
    });
    // No id where a name is: the headline's sentences name services by name.
    for (const p of paragraphs.slice(intro)) expect(p).not.toMatch(/mandated-service|e-office|vendor-app/);
    // The caveats of docs/NATIONAL-COMPARE.md.
    for (const caveat of [nationalCompareEn.caveatEach('95 %', rows.length, true), nationalCompareEn.caveatNoise, nationalCompareEn.caveatReach]) expect(paragraphs).toContain(caveat);
    // The Heeks classes are defined, in docs/GLOSSARY.md's words (its per-service classes), in both languages.
    const glossary = (f: string) => readFileSync(join(ROOT, 'docs', f), 'utf8').replace(/`/g, '');
    const clauses = {
      en: ['live otherwise', 'or ended after running heeks_failure_months or more', 'never live, or ended within heeks_failure_months', 'more of its instances ended by replacement than by failure'],
      id: ['aktif tetapi tidak demikian', 'atau berhenti setelah berjalan heeks_failure_months atau lebih', 'tidak pernah aktif, atau berhenti dalam heeks_failure_months', 'lebih banyak penerapannya yang berakhir karena migrasi daripada karena gagal'],
    };
    for (const clause of clauses.en) expect(glossary('GLOSSARY.md')).toContain(clause);
    for (const clause of clauses.id) expect(glossary('GLOSSARY.id.md')).toContain(clause);
    const heeksTerm = (terms: readonly (readonly [string, string])[]) => terms.find(([k]) => /heeks/i.test(k))![1];
    for (const clause of clauses.en) expect(heeksTerm(nationalCompareEn.terms('95 %', null, 'at the end of the run (2021)'))).toContain(clause);
    for (const clause of clauses.id) expect(heeksTerm(nationalCompareId.terms('95%', null, 'pada akhir periode simulasi (2021)'))).toContain(clause);
    expect(md).toContain(`**Heeks classes**: ${heeksTerm(nationalCompareEn.terms('95 %', null, 'at the end of the run (2021)')).slice(0, 60)}`);
    // "How to read"'s example of percentage points is this comparison's largest difference, as its table row prints it.
    const largest = [...rows].filter((x) => Number(x['diff_mean']) !== 0).sort((a, b) => Math.abs(Number(b['diff_mean'])) - Math.abs(Number(a['diff_mean'])))[0]!;
    const ppTerm = md.split('\n').find((l) => l.startsWith('- **difference, percentage point (pp)**'))!;
    const example = new RegExp(String.raw`in this comparison's largest difference, ([\d.]+ %) to ([\d.]+ %) is ([+−][\d.]+ pp),`).exec(ppTerm);
    expect(example, ppTerm).not.toBeNull();
    const tableRow = md.split('\n').find((l) => l.startsWith('| ') && l.endsWith(`| ${largest['outcome']} |`))!;
    expect(tableRow).toContain(`| ${example![1]} | ${example![2]} | ${example![3]} *`);
    // The interval in plain words first, then its method with a pointer to the docs; the tables point to it.
    expect(md).toMatch(/- \*\*95 % interval\*\*: The range of plausible values for the mean difference, .* Method: the paired Student t interval .*\(Law and Kelton 2000, 10\.2\.1; docs\/NATIONAL-COMPARE\.md\)/);
    expect(md).toContain('Interval: the 95 % range for that difference (see "How to read this report")');
    expect(md).toContain('The difference is computed from unrounded values, so it can differ by one in its last decimal from the difference of the two rounded columns.');
    // Every outcome has its row, named by national_compare.csv's outcome in the last column.
    for (const row of rows) expect(md).toMatch(new RegExp(`\\| ${row['outcome']!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|\\n`));
  });

  it('the reverse change (money taken away) is said as a fall', async () => {
    const file = fixture(work, true);
    const out = join(work, 'reverse');
    const run = await runInProcess(['national-compare', file, '--set', `${SET}false`, '-r', '3', '-w', '1', '-q', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const paragraphs = headline(readFileSync(join(comparison(out), 'report.md'), 'utf8'), nationalCompareEn.headline);
    const first = paragraphs.find((p) => p.startsWith('With the change, '))!;
    expect(first).toMatch(new RegExp(`^With the change, ${escapeMarkdownLine(SERVICE).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is sustained at the end of the run \\(2021\\) in [\\d.]+ % of the governments offered it, against [\\d.]+ % without it: down [\\d.]+ percentage points \\(95 % interval −[\\d.]+ to −[\\d.]+\\)\\.$`));
  });

  it("a comparison folder moved without its arms: the report shows ids and says why, from its own intact table", async () => {
    const moved = join(tempDir('difusi-ncreport-moved-'), 'alone');
    cpSync(dir, moved, { recursive: true });
    const r = await runInProcess(['report', moved, '--no-png']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(moved, 'report.md'), 'utf8');
    const folder = JSON.parse(readFileSync(join(moved, 'manifest.json'), 'utf8')).base.folder as string;
    expect(md).toContain(nationalCompareEn.namesMissing(folder));
    // Nor the run's last year (the base arm's national_series.csv): "at the end of the run" alone.
    expect(md).toContain('With the change, mandated-service is sustained at the end of the run in ');
    // A changed table is refused in one line naming it (the checksum), and no report is written from it.
    writeFileSync(join(moved, 'national_compare.csv'), readFileSync(join(moved, 'national_compare.csv'), 'utf8').replace(',3\n', ',4\n'));
    const bad = await runInProcess(['report', moved, '--lang', 'id']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('national_compare.csv');
    expect(existsSync(join(moved, 'report.id.md'))).toBe(false);
  });

  it("escapes the scenario's text: a service name with <script> and | in report.md, report.html and the chart", () => {
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script>alert(1)&lt;/script> \\| service');
    // Every row of a table has as many cells as its header: the | in the name does not add one.
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('| ') || !lines[i + 1]?.startsWith('| ---')) continue;
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (let j = i + 2; j < lines.length && lines[j]!.startsWith('| '); j++) expect(cells(lines[j]!), lines[j]).toBe(cells(lines[i]!));
    }
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | service');
    const svg = readFileSync(join(dir, 'charts', 'national-compare.svg'), 'utf8');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('difusi report writes it again in English (the same bytes) and in Indonesian beside it, with no English sentence left; the folder stays intact', async () => {
    // This test adds the Indonesian report and reruns the comparison: in a copy of the store, so that `dir`, which the
    // other tests read, keeps only what its comparison wrote whatever the order the tests run in.
    const store = join(work, 'rerun');
    cpSync(join(work, 'out'), store, { recursive: true });
    const copy = join(store, relative(join(work, 'out'), dir));
    const english = readFileSync(join(copy, 'report.md'), 'utf8');
    const id = await runInProcess(['report', copy, '--lang', 'id']);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toContain(join(copy, 'report.id.html'));
    expect(readFileSync(join(copy, 'report.md'), 'utf8')).toBe(english);
    expect(existsSync(join(copy, 'charts.id', 'national-compare.svg'))).toBe(true);
    const md = readFileSync(join(copy, 'report.id.md'), 'utf8');
    expect(readFileSync(join(copy, 'report.id.html'), 'utf8')).toContain('<html lang="id">');
    expect(md).toContain(`# ${nationalCompareId.title('small-national')}`);
    expect(md).toContain('skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah)');
    expect(md).toContain(escapeMarkdownLine(SERVICE_ID));
    expect(md).not.toContain('Mandated');
    expect(md).toMatch(/: naik \d+,\d poin persentase \(interval 95%: \+\d+,\d hingga \+\d+,\d\)\./);
    expect(md).toMatch(/Sebanyak \d+ dari \d+ hasil yang dibandingkan memiliki interval 95% yang tidak memuat 0\. Seandainya perubahan itu rata-rata tidak berdampak, (sekitar \d+|kurang dari 1) hasil tetap akan begitu karena kebetulan semata: 5% dari \d+ hasil yang selisihnya tidak selalu 0/);
    // Tables write an interval as the sentences do ("+5,8 hingga +77,5 pp"), not "[+5,8; +77,5] pp".
    expect(md).toMatch(/\| [+−]\d+,\d+ hingga [+−]\d+,\d+ pp \|/);
    expect(md).not.toMatch(/\\\[[+−]?\d+,\d+; /);
    expect(md).not.toContain('bukan kebetulan.');
    // "rata-rata" after its subject (before it, it reads as "most governments"); no "berbeda melampaui".
    expect(md).not.toMatch(/rata-rata (setiap |anggota |pemerintah )/);
    expect(md).not.toContain('berbeda melampaui');
    expect(md).toContain('Dampak suatu perubahan tidak terbatas pada layanan yang disebut dalam perubahan itu');
    expect(md).toMatch(/- \*\*interval 95%\*\*: Rentang nilai yang wajar bagi selisih rata-rata, .* Cara hitung: interval t Student berpasangan .*\(Law dan Kelton 2000, 10\.2\.1; docs\/NATIONAL-COMPARE\.md\)/);
    expect(md).toContain('Interval: rentang 95% bagi selisih itu (lihat "Cara membaca laporan ini")');
    expect(md).toContain('Selisih dihitung dari nilai sebelum pembulatan, sehingga angka terakhirnya dapat berbeda satu dari selisih kedua kolom yang sudah dibulatkan.');
    expect(md).toContain('sehingga selisihnya bukan perbedaan nasib acak di antara keduanya. Keragaman acak yang masih tersisa ditunjukkan oleh interval 95% setiap selisih.');
    // The report's own text, up to the parameters (whose names are the model's), without the scenario's ids, paths and
    // the command (code spans): not one English catalog sentence, and none of the words English sentences are made of.
    const body = md
      .slice(0, md.indexOf('## Parameter'))
      .replace(/` [^`]* `|`[^`]*`/g, '')
      .replace(/\/tmp\S*|docs\/\S*|[\w.-]*\.(csv|yaml|md)\b|service-law|small-national|national-compare|e-government/g, '')
      .replace(/\|[^|\n]*(share|heeks)[^|\n]*\|\n/g, '|\n');
    for (const [key, value] of Object.entries(nationalCompareEn)) {
      if (typeof value === 'string' && value !== '–') expect(body, key).not.toContain(value);
    }
    const english_words = /\b(the|of|and|with|without|against|governments?|replications?|sustained|launched|share|difference|change|base|variant|interval excludes|percentage points?|outcomes?|rows?|services?|national|success|failure|chance)\b/i;
    for (const line of body.split('\n')) expect(line, line).not.toMatch(english_words);
    // Numbers with a decimal comma: no decimal point in the Indonesian text (the tool's version, 0.1.0, is not a number).
    expect(body).not.toMatch(/(?<![\w.-])\d+\.\d+(?![\w.])/);
    // English again: the same bytes as national-compare wrote.
    const en = await runInProcess(['report', copy]);
    expect(en.code, en.stderr).toBe(0);
    expect(readFileSync(join(copy, 'report.md'), 'utf8')).toBe(english);
    // --png cannot apply (SVG only): one warning line that names the folder for what it is, the same report.
    const png = await runInProcess(['report', copy, '--png']);
    expect(png.code, png.stderr).toBe(0);
    expect(png.stderr).toBe(`⚠ ${copy}: --png has no effect on a national comparison folder: its charts are SVG only, and no PNG is written either way\n`);
    expect(readFileSync(join(copy, 'report.md'), 'utf8')).toBe(english);
    // The reports are not among the checksummed files: the comparison is read back as intact and replaced by a rerun
    // (its arms read from the store), with nothing refused. The rerun goes to this test's copy of the store.
    const again = await runInProcess(['national-compare', join(work, 'unfunded.yaml'), '--set', `${SET}true`, '-r', '3', '-w', '1', '-q', '--level', '0.9', '--out', store]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.match(/already in the store: read, not run again/g)).toHaveLength(2);
    expect(readFileSync(join(copy, 'report.md'), 'utf8')).toContain('90 % interval');
    expect(existsSync(join(copy, 'report.id.md'))).toBe(false);
  });

  it('--lang id writes the Indonesian report and the chart in both languages (charts/ and charts.id/), as difusi national --lang id does; difusi report --lang id its own language only', async () => {
    const out = join(work, 'lang-id');
    const run = await runInProcess(['national-compare', join(work, 'unfunded.yaml'), '--set', `${SET}true`, '-r', '3', '-w', '1', '-q', '--lang', 'id', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const folder = comparison(out);
    expect(run.stdout).toContain(`report: ${join(folder, 'report.id.html')}`);
    expect(readdirSync(folder).sort()).toEqual(['charts', 'charts.id', 'manifest.json', 'national_compare.csv', 'report.id.html', 'report.id.md']);
    expect(readFileSync(join(folder, 'charts.id', 'national-compare.svg'), 'utf8')).toContain('selisih nol');
    // difusi report --lang id on a folder written with --no-charts: the Indonesian files only, as for a national folder;
    // the report says it was written afterwards (the command recorded wrote none), in English likewise. In a copy of
    // its store (the report reads the names from its arms beside it): the first test reads the folder as --no-charts
    // left it, whatever the order the tests run in.
    const bareStore = join(work, 'bare-copy');
    cpSync(join(work, 'bare'), bareStore, { recursive: true });
    const bare = join(bareStore, relative(join(work, 'bare'), noReport));
    const later = await runInProcess(['report', bare, '--lang', 'id']);
    expect(later.code, later.stderr).toBe(0);
    expect(readdirSync(bare).sort()).toEqual(['charts.id', 'manifest.json', 'national_compare.csv', 'report.id.html', 'report.id.md']);
    expect(readFileSync(join(bare, 'report.id.md'), 'utf8')).toContain(`- **laporan**: ${nationalCompareId.reportAfterwards}\n`);
    expect((await runInProcess(['report', bare])).code).toBe(0);
    expect(readFileSync(join(bare, 'report.md'), 'utf8')).toContain(`- **report**: ${nationalCompareEn.reportAfterwards}\n`);
    // The English chart --lang id wrote is the one the English report draws (the same comparison, -r 3, 95 %).
    expect(readFileSync(join(folder, 'charts', 'national-compare.svg'), 'utf8')).toBe(readFileSync(join(bare, 'charts', 'national-compare.svg'), 'utf8'));
    // A report the command itself wrote says nothing of the kind.
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).not.toContain(nationalCompareEn.reportAfterwards);
  });
});

describe('the report model, from rows written here', () => {
  const row = nationalCompareRowOf;
  const manifest = (replications: number) => ({ kind: 'national-compare', file: 'f.yaml', seed: 7, replications, level: 0.95, base: { folder: '../../x/a', name: 'x', hash: 'h1' }, variant: { folder: '../../x/b', name: 'x', hash: 'h2', overrides: { 'national_parameters.gov_imitation': 0 } } });
  const base = { manifest: { kind: 'national', services: ['s'], names: { services: { s: 'Service S' } }, names_id: { services: { s: 'Layanan S' } } }, governmentSummary: [] };

  it('the chance count is over the rows that can exclude 0 (not those exactly 0 in every replication or without a value), and said once', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [
      row('sustained_share.s', 0.6, 0.7, 0.05, 0.15),
      ...Array.from({ length: 39 }, (_, i) => row(`mean_sustained_share.province:p${i}`, 0.5, 0.505, -0.01, 0.02)),
      ...Array.from({ length: 20 }, (_, i) => row(`launched_share.z${i}`, 1, 1, 0, 0)),
      row('heeks_success.e', Number.NaN, Number.NaN, Number.NaN, Number.NaN),
    ];
    const en = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, 'en').summary;
    // 40 rows can exclude 0: about 2 (5 % of 40), not 3 (5 % of all 61).
    expect(en).toContain(
      '1 of the 61 outcomes compared has a 95 % interval that excludes 0. If the change had no effect on average, about 2 would still do so by chance alone: 5 % of the 40 outcomes whose difference is not always 0 (the other 21 are exactly 0 in every replication or without a value, and cannot exclude 0). That outcome:',
    );
    // Said once: the caveat on many intervals points to the count and does not say it again.
    expect(en.filter((p) => /about \d+ (would|of)/.test(p))).toHaveLength(1);
    expect(en).toContain(nationalCompareEn.caveatEach('95 %', 61, true));
    expect(nationalCompareEn.caveatEach('95 %', 61, true)).not.toMatch(/\d+ (of|intervals)/);
    const id = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, 'id').summary;
    expect(id).toContain(
      'Sebanyak 1 dari 61 hasil yang dibandingkan memiliki interval 95% yang tidak memuat 0. Seandainya perubahan itu rata-rata tidak berdampak, sekitar 2 hasil tetap akan begitu karena kebetulan semata: 5% dari 40 hasil yang selisihnya tidak selalu 0 (21 hasil lainnya bernilai tepat 0 di setiap replikasi atau tidak mempunyai nilai, sehingga tidak dihitung). Hasil itu:',
    );
    expect(id.filter((p) => /sekitar \d+/.test(p))).toHaveLength(1);
  });

  it('a difference that is floating-point residue (a group mean summed from other values to the same total) counts as exactly 0', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    // As found in a run (-r 3): base = variant = 0.647541887125 for Maluku's mean sustained share, per replication 0, 0, 1.1e-16.
    const residue = { ...row('mean_sustained_share.province:prov-maluku', 0.647541887125, 0.647541887125, -1.22e-16, 1.96e-16, 3), diff_mean: 3.7e-17 };
    // And one whose residue is the same in every replication: its zero-width interval must not "exclude 0".
    const constant = { ...row('mean_sustained_share.province:prov-aceh', 0.5, 0.5, 1.1e-16, 1.1e-16, 3), diff_mean: 1.1e-16 };
    const rows = [row('sustained_share.s', 0.6, 0.7, 0.05, 0.15, 3), residue, constant, row('launched_share.s', 1, 1, 0, 0, 3)];
    for (const [lang, w] of [['en', nationalCompareEn], ['id', nationalCompareId]] as const) {
      const summary = nationalCompareReportModel({ manifest: manifest(3), rows, base, charts: [] }, lang).summary;
      // Not named as "not 0 and the same in every replication".
      expect(summary.some((p) => p.includes('Maluku') || p.includes('prov-maluku') || p.includes('Aceh') || p.includes('prov-aceh')), lang).toBe(false);
      expect(summary.join('\n')).not.toContain(w.sameEvery);
    }
    const en = nationalCompareReportModel({ manifest: manifest(3), rows, base, charts: [] }, 'en').summary;
    // One interval excludes 0 (sustained_share.s); the chance count is over 1 row, not 3: the residue rows are exactly 0.
    expect(en.find((p) => p.startsWith('1 of the 4 outcomes'))).toContain('of the 1 outcome whose difference is not always 0 (the other 3 are exactly 0');
  });

  it('every difference exactly 0 is said in words also when some rows have no value (a service not launched in some replication)', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [
      row('mean_sustained_share', 0.5, 0.5, 0, 0),
      row('sustained_share.s', 0.25, 0.25, 0, 0),
      row('heeks_success.s', Number.NaN, Number.NaN, Number.NaN, Number.NaN),
    ];
    for (const [lang, w] of [['en', nationalCompareEn], ['id', nationalCompareId]] as const) {
      const summary = nationalCompareReportModel({ manifest: manifest(20), rows, base, charts: [] }, lang).summary;
      expect(summary).toContain(w.sumAllZero(2));
      expect(summary).not.toContain(w.sumNoneClear(3, 20));
      expect(summary).not.toContain(w.sumNoneClear(2, 20));
      expect(summary).toContain(w.caveatEmpty(1));
    }
  });

  it('when no interval excludes 0, the caveat does not say that some do: some may, by chance alone', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = Array.from({ length: 22 }, (_, i) => row(`mean_sustained_share.province:p${i}`, 0.5, 0.505, -0.01, 0.02));
    for (const [lang, w] of [['en', nationalCompareEn], ['id', nationalCompareId]] as const) {
      const summary = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, lang).summary;
      expect(summary).toContain(w.sumNoneClear(22, 4));
      const caveat = summary.find((p) => p.startsWith(lang === 'en' ? 'Each interval holds' : 'Setiap interval berlaku'))!;
      expect(caveat).toBe(w.caveatEach(lang === 'en' ? '95 %' : '95%', 22, false));
      expect(caveat).toContain(lang === 'en' ? 'some may exclude 0 by chance alone' : 'sebagian dapat tidak memuat 0 karena kebetulan semata');
      expect(caveat).not.toMatch(lang === 'en' ? /some exclude 0/ : /sebagian tidak memuat 0/);
    }
  });

  it('an outcome this version does not know: not in the totals table nor the headline, but in a table of its own by its name', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04), row('future_outcome.x', 0.2, 0.5, 0.2, 0.4)];
    for (const [lang, w] of [['en', nationalCompareEn], ['id', nationalCompareId]] as const) {
      const model = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, lang);
      const totals = model.tables.find((t) => t.id === 'national-compare-totals')!;
      expect(totals.rows.map((r) => r[r.length - 1])).toEqual(['mean_sustained_share']);
      expect(model.summary.join(' ')).not.toContain('future_outcome');
      // No interval of the known rows excludes 0: the unknown row's does not count either.
      expect(model.summary).toContain(w.sumNoneClear(1, 4));
      const other = model.tables.find((t) => t.id === 'national-compare-other')!;
      expect(other.title).toBe(w.otherTable);
      expect(other.rows).toEqual([['future_outcome.x', lang === 'en' ? '0.2' : '0,2', lang === 'en' ? '0.5' : '0,5', lang === 'en' ? '0.3' : '0,3', lang === 'en' ? '0.2 to 0.4' : '0,2 hingga 0,4']]);
    }
  });

  it('a table writes an interval as the headline does, in both languages: "−2.0 to +4.0 pp", "−2,0 hingga +4,0 pp"', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04)];
    const cell = (lang: 'en' | 'id') => nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, lang).tables[0]!.rows[0]![4];
    expect(cell('en')).toBe('−2.0 to +4.0 pp');
    expect(cell('id')).toBe('−2,0 hingga +4,0 pp');
  });

  it('the outcomes are read "at the end of the run (<year>)", the base arm\'s last year; no "horizon"', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [row('sustained_share.s', 0.6, 0.45, -0.2, -0.1), row('heeks_success', 0.3, 0.4, 0.05, 0.15), row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04)];
    const ended = { ...base, end: '2021-12' };
    const en = nationalCompareReportModel({ manifest: manifest(4), rows, base: ended, charts: [] }, 'en');
    expect(en.summary).toContain('With the change, Service S is sustained at the end of the run (2021) in 45.0 % of the governments offered it, against 60.0 % without it: down 15.0 percentage points (95 % interval −20.0 to −10.0).');
    expect(en.summary.join(' ')).toContain('are a Heeks success at the end of the run (2021), against');
    expect(en.tables.find((t) => t.id === 'national-compare-totals')!.note).toContain('the share sustained at the end of the run (2021), averaged');
    // The report's own words (the parameters' notes are the model's, shared with every report).
    expect(JSON.stringify([en.summary, en.tables, en.glossary, en.charts])).not.toMatch(/horizon/);
    const id = nationalCompareReportModel({ manifest: manifest(4), rows, base: ended, charts: [] }, 'id');
    expect(id.summary.join(' ')).toContain('Layanan S bertahan pada akhir periode simulasi (2021) di 45,0%');
  });

  it('a command recorded with --no-charts: the facts say the report was written afterwards by difusi report', async () => {
    const { nationalCompareReportModel, wroteNoReport } = await import('../../src/report/national-compare-report.js');
    const rows = [row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04)];
    const facts = (command: string, lang: 'en' | 'id') => nationalCompareReportModel({ manifest: { ...manifest(4), command }, rows, base, charts: [] }, lang).facts;
    expect(facts('difusi national-compare f.yaml --set a=1 --no-charts -q', 'en')).toContainEqual(['report', nationalCompareEn.reportAfterwards]);
    expect(facts('difusi national-compare f.yaml --set a=1 --no-charts', 'id')).toContainEqual(['laporan', nationalCompareId.reportAfterwards]);
    expect(facts('difusi national-compare f.yaml --set a=1 -q', 'en').map(([k]) => k)).not.toContain('report');
    expect([wroteNoReport('x --charts=false -q'), wroteNoReport('x --charts false'), wroteNoReport('x --no-charts'), wroteNoReport('x --no-chartsy'), wroteNoReport('x --charts')]).toEqual([true, true, true, false, false]);
  });

  it("the headline shows each --set as code: report.md a code span (no markdown escapes), report.html <code>, the value escaped", async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const { renderMarkdown } = await import('../../src/report/markdown.js');
    const { renderHtml } = await import('../../src/report/html.js');
    const rows = [row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04)];
    const overrides = { 'national_regulations[id=a].money': true, 'national_regulations[id=a].name': '</code><script>x</script>*b*' };
    const m = { ...manifest(4), variant: { ...manifest(4).variant, overrides } };
    const model = nationalCompareReportModel({ manifest: m, rows, base, charts: [] }, 'en');
    const md = renderMarkdown(model, { image: 'svg' });
    const first = md.split('\n').find((l) => l.startsWith('This report compares'))!;
    expect(first).toContain('(the file itself is not changed): ` national_regulations[id=a].money = true `; ` national_regulations[id=a].name = "</code><script>x</script>*b*" `.');
    expect(first).not.toContain('\\[');
    const html = renderHtml(model, {});
    expect(html).toContain('<code>national_regulations[id=a].money = true</code>; <code>national_regulations[id=a].name = &quot;&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;*b*&quot;</code>.');
    expect(html).not.toMatch(/<script/i);
  });

  it('the groups note says who a cohort is; the Indonesian chart says "selisih nol" and what the mean difference pairs', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [row('mean_sustained_share.cohort:c1', 0.5, 0.51, -0.02, 0.04)];
    const note = (lang: 'en' | 'id') => nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, lang).tables.find((t) => t.id === 'national-compare-groups')!.note;
    expect(note('en')).toContain('(for a programme cohort: the governments that joined the programme with that cohort)');
    expect(note('id')).toContain('(untuk kohort program: pemerintah daerah yang bergabung dengan program itu bersama kohort tersebut)');
    for (const r of [1, 2]) {
      const subtitle = nationalCompareId.chartSubtitle(r, '95%').join(' ');
      expect(subtitle).toContain('garis putus-putus: selisih nol');
      expect(subtitle).not.toContain('tanpa selisih');
    }
    expect(nationalCompareId.chartSubtitle(2, '95%').join(' ')).toContain('titik: rata-rata selisih (dasar dan pengandaian pada replikasi yang sama) dari 2 replikasi');
  });

  it('no interval excludes 0: says so, and that it is no evidence of no effect; a share of nothing is "–" and said', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04), row('heeks_success.s', Number.NaN, Number.NaN, Number.NaN, Number.NaN)];
    const model = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, 'en');
    expect(model.summary).toContain(nationalCompareEn.sumNoneClear(2, 4));
    expect(model.summary).toContain(nationalCompareEn.caveatEmpty(1));
    expect(model.summary.join(' ')).not.toContain('With the change, ');
    const services = model.tables.find((t) => t.id === 'national-compare-services')!;
    expect(services.rows[0]!.slice(0, 6)).toEqual(['Service S', nationalCompareEn.outcomes.success, '–', '–', '–', '–']);
  });

  it('below 10 replications no single province or cohort is named in the headline: one sentence points to the groups table; from 10 on it is named', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const { RANK_MIN_REPLICATIONS } = await import('../../src/report/national-report.js');
    const rows = (r: number) => [
      row('mean_sustained_share.province:p1', 0.5, 0.7, 0.1, 0.3, r),
      row('mean_sustained_share.cohort:c1', 0.5, 0.65, 0.1, 0.2, r),
      row('sustained_share.s', 0.6, 0.65, 0.01, 0.09, r),
    ];
    for (const lang of ['en', 'id'] as const) {
      const w = lang === 'en' ? nationalCompareEn : nationalCompareId;
      const few = nationalCompareReportModel({ manifest: manifest(2), rows: rows(2), base, charts: [] }, lang).summary;
      const effects = few.filter((p) => p.startsWith(lang === 'en' ? 'With the change, ' : 'Dengan perubahan ini, '));
      expect(effects).toHaveLength(1);
      expect(effects.join(' ')).not.toMatch(/p1|c1/);
      expect(few).toContain(w.sumGroupsHeld(2, w.groupsTable, 2, RANK_MIN_REPLICATIONS));
      expect(few).toContain(w.sumClear(3, 3, 1, true, lang === 'en' ? '95 %' : '95%', { byChance: 0, share: lang === 'en' ? '5 %' : '5%', counted: 3, notCounted: 0 }));
      const many = nationalCompareReportModel({ manifest: manifest(10), rows: rows(10), base, charts: [] }, lang).summary;
      expect(many.filter((p) => p.startsWith(lang === 'en' ? 'With the change, ' : 'Dengan perubahan ini, '))).toHaveLength(3);
      expect(many.join(' ')).not.toContain(w.sumGroupsHeld(2, w.groupsTable, 10, RANK_MIN_REPLICATIONS));
    }
    expect(nationalCompareEn.sumGroupsHeld(2, 'T', 2, 10)).toMatch(/^2 province and cohort rows .* table "T".* at least 10 replications/);
  });

  it('each changed field is named with the section of docs/NATIONAL.md that describes it, for any --set path', async () => {
    const { nationalCompareReportModel, changedField } = await import('../../src/report/national-compare-report.js');
    const rows = [row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04)];
    for (const [lang, w] of [['en', nationalCompareEn], ['id', nationalCompareId]] as const) {
      const summary = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, lang).summary;
      expect(summary).toContain(w.changedFields(w.changedField('gov_imitation', 'national_parameters', 'docs/NATIONAL.md#diffusion-between-governments')));
    }
    const headings = new Set(
      [...readFileSync(join(ROOT, 'docs', 'NATIONAL.md'), 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s+/g, '-')),
    );
    const paths = ['national_regulations[id=a].money', 'programmes[id=p].cohorts[id=c].from', 'vendors[id=v].contract_end', 'platforms[id=x].vendor', 'elections[id=e].heads', 'national_parameters.gov_learning', 'government_network.same_province', 'governments[type=city].fiscal_capacity', 'months'];
    for (const path of paths) {
      const [field, , section] = changedField(path);
      expect(path.endsWith(field), path).toBe(true);
      expect(headings.has(section.replace('docs/NATIONAL.md#', '')), `${path}: ${section}`).toBe(true);
    }
    expect(changedField('governments[type=city].fiscal_capacity')).toEqual(['fiscal_capacity', 'governments', 'docs/NATIONAL.md#the-file']);
    expect(changedField('months')).toEqual(['months', '', 'docs/NATIONAL.md#the-file']);
  });

  it('a row whose difference is the same in both replications is named in its caveat, with its difference', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [row('mean_sustained_share.province:p9', 0.5, 0.506, 0.006, 0.006, 2), row('sustained_share.s', 0.6, 0.65, 0.01, 0.09, 2)];
    const en = nationalCompareReportModel({ manifest: manifest(2), rows, base, charts: [] }, 'en').summary.join('\n');
    expect(en).toContain('One row, "p9: mean sustained share of its governments" (+0.6 pp), shows a difference that is not 0 and the same in both replications');
    const id = nationalCompareReportModel({ manifest: manifest(2), rows, base, charts: [] }, 'id').summary.join('\n');
    expect(id).toContain('Satu baris, "p9: rata-rata proporsi bertahan pemerintah daerahnya" (+0,6 pp), menunjukkan selisih yang bukan 0 dan sama di kedua replikasi');
    expect(id).toContain('dengan hanya dua replikasi, kesamaan itu bisa saja kebetulan');
  });

  it('a fall beyond noise is "down", named by the Indonesian name in Bahasa Indonesia', async () => {
    const { nationalCompareReportModel } = await import('../../src/report/national-compare-report.js');
    const rows = [row('sustained_share.s', 0.6, 0.45, -0.2, -0.1), row('mean_sustained_share', 0.5, 0.51, -0.02, 0.04)];
    const en = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, 'en');
    expect(en.summary).toContain('With the change, Service S is sustained at the end of the run in 45.0 % of the governments offered it, against 60.0 % without it: down 15.0 percentage points (95 % interval −20.0 to −10.0).');
    const id = nationalCompareReportModel({ manifest: manifest(4), rows, base, charts: [] }, 'id');
    expect(id.summary).toContain(
      'Dengan perubahan ini, Layanan S bertahan pada akhir periode simulasi di 45,0% pemerintah daerah yang ditawari layanan itu, dibandingkan 60,0% tanpa perubahan: turun 15,0 poin persentase (interval 95%: −20,0 hingga −10,0).',
    );
  });
});
