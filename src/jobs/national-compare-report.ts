/**
 * Writes the report of a national comparison folder
 * (docs/NATIONAL-COMPARE.md, "The report"): `difusi national-compare` into
 * the folder it is finishing (unless --no-charts), `difusi report
 * <comparison folder> [--lang id]` into a finished one.
 *
 *   manifest.json + national_compare.csv (checksum, row count) + the base arm's manifest.json and
 *   government_summary.csv (names) --nationalCompareReportModel--> renderHtml, renderMarkdown --> report.md, report.html
 *                                 --nationalCompareForestSpec--> charts/national-compare.svg (charts.id/ in Indonesian)
 *
 * The file names, the languages, the SVG-only chart and the writing (a
 * temporary folder renamed into place) are the national report's
 * (jobs/national-report.ts). As there, the pages and charts are not among
 * the manifest's checksummed files: they are derived from them and may be
 * rewritten at any time, so a report written later leaves the folder
 * intact (the store reads it as before).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../messages/catalog.js';
import { checkChartsReplaceable, lockFolder } from '../store/folder-lock.js';
import { checkResultFolder } from '../store/results-check.js';
import { parseCsv } from '../store/csv-read.js';
import { GOVERNMENT_SUMMARY, NATIONAL_SERIES, writeChart } from '../store/national-tables.js';
import type { NationalCompareRow } from '../experiment/national-compare.js';
import { NATIONAL_COMPARE_CHART, nationalCompareCatalog, nationalCompareReportModel, serviceDifferences, changeLabels, type BaseArmInfo, type NationalCompareReportInput } from '../report/national-compare-report.js';
import { nationalCompareForestSpec } from '../report/specs/national-compare-forest.js';
import { renderSvg } from '../report/render.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { catalog, localNumber, reportFiles, type Lang } from '../report/i18n/index.js';
import { fmt } from '../report/report-model.js';
import { writeReportPages, type NationalReportPages } from './national-report.js';
import { type Obj, isObj } from '../report/json-values.js';
import { readRegularText } from '../store/regular-file.js';

const FILE = 'national_compare.csv';
const COLUMNS = ['outcome', 'base_mean', 'variant_mean', 'diff_mean', 'diff_ci_low', 'diff_ci_high', 'level', 'replications'] as const;


/**
 * A national comparison folder read back: its manifest and national_compare.csv, checked against the
 * manifest's checksum and row count (a truncated or edited table is a one-line user error naming it).
 */
export async function readNationalCompareFolder(dir: string): Promise<{ manifest: Obj; rows: NationalCompareRow[] }> {
  const manifestPath = path.join(dir, 'manifest.json');
  let manifest: Obj;
  try {
    manifest = JSON.parse(readRegularText(manifestPath)) as Obj;
  } catch {
    throw UserError.of('result_damaged', [dir, 'manifest.json', 'is missing or not valid JSON'], { file: manifestPath });
  }
  if (!isObj(manifest) || manifest['kind'] !== 'national-compare') throw UserError.of('result_damaged', [dir, 'manifest.json', 'is not the manifest of a national comparison'], { file: manifestPath });
  await checkResultFolder(dir, manifest);
  const file = path.join(dir, FILE);
  if (!fs.existsSync(file)) throw UserError.of('result_damaged', [dir, FILE, 'is missing'], { file });
  // An empty cell (no interval with one replication, a share of nothing) is NaN, as the job holds it.
  const num = (x: number | null) => (x === null ? Number.NaN : x);
  const rows = parseCsv(readRegularText(file), dir, FILE, COLUMNS).records.map(
    (c): NationalCompareRow => ({
      outcome: c.str('outcome'),
      base_mean: num(c.optNum('base_mean')),
      variant_mean: num(c.optNum('variant_mean')),
      diff_mean: num(c.optNum('diff_mean')),
      diff_ci_low: num(c.optNum('diff_ci_low')),
      diff_ci_high: num(c.optNum('diff_ci_high')),
      level: c.num('level'),
      replications: c.int('replications'),
    }),
  );
  const expected = isObj(manifest['rows']) ? manifest['rows'][FILE] : undefined;
  if (typeof expected === 'number' && rows.length !== expected) throw UserError.of('result_damaged', [dir, FILE, `has ${rows.length} rows, the manifest says ${expected}`], { file });
  return { manifest, rows };
}

/**
 * What the report reads of the base arm's national folder (the folder the comparison's manifest records,
 * relative to it): its manifest (the scenario's names, description, parameters), government_summary.csv
 * (the provinces' names) and national_series.csv's last month (the run's end, for "at the end of the run
 * (2025)"; null when that file cannot be read, and the report says "at the end of the run" alone). Null when
 * the folder is not there or cannot be read (moved, deleted): the report then shows ids and says why, rather
 * than refusing a comparison whose own table is intact.
 */
export function readBaseArm(dir: string, manifest: Obj): BaseArmInfo | null {
  const base = isObj(manifest['base']) ? manifest['base'] : {};
  if (typeof base['folder'] !== 'string') return null;
  const folder = path.resolve(dir, base['folder']);
  try {
    const armManifest = JSON.parse(readRegularText(path.join(folder, 'manifest.json'))) as unknown;
    if (!isObj(armManifest) || armManifest['kind'] !== 'national') return null;
    const summary = readRegularText(path.join(folder, GOVERNMENT_SUMMARY.file));
    return {
      manifest: armManifest,
      governmentSummary: parseCsv(summary, folder, GOVERNMENT_SUMMARY.file, GOVERNMENT_SUMMARY.required).records.map(GOVERNMENT_SUMMARY.parse),
      end: lastMonth(folder),
    };
  } catch {
    return null;
  }
}

/** The date (`2025-12`) of the last month in national folder `folder`'s national_series.csv; null when it cannot be read. */
function lastMonth(folder: string): string | null {
  try {
    const series = parseCsv(readRegularText(path.join(folder, NATIONAL_SERIES.file)), folder, NATIONAL_SERIES.file, ['month', 'date']);
    let last: { month: number; date: string } | null = null;
    for (const c of series.records) {
      const month = c.int('month');
      if (last === null || month > last.month) last = { month, date: c.raw('date') };
    }
    return last?.date ?? null;
  } catch {
    return null;
  }
}

/** The forest chart of `input` in `lang` ([file, SVG]; none when no national service has a difference). */
async function drawChart(input: NationalCompareReportInput, lang: Lang): Promise<[string, string][]> {
  const { manifest, rows } = input;
  const differences = serviceDifferences(input, lang);
  const charts: [string, string][] = [];
  if (differences.rows.length > 0) {
    const w = nationalCompareCatalog(lang);
    const level = typeof manifest['level'] === 'number' ? manifest['level'] : 0.95;
    const replications = typeof manifest['replications'] === 'number' ? manifest['replications'] : (rows[0]?.replications ?? 0);
    const spec = nationalCompareForestSpec({
      ...differences,
      measures: w.chartMeasures,
      replications,
      level: localNumber(catalog(lang), `${fmt(100 * level, 2)} %`),
      lang,
      words: w,
      // The chart names the change it shows (the title says "the change's effect").
      changes: changeLabels(input, lang),
    });
    charts.push([`${NATIONAL_COMPARE_CHART}.svg`, await renderSvg(spec)]);
  }
  return charts;
}

/** The report of national comparison folder `dir` in `lang`, as page texts and its chart ([file, SVG]); nothing written. */
export async function renderNationalCompareReport(dir: string, lang: Lang = 'en'): Promise<NationalReportPages> {
  return renderFrom(await readFolder(dir), lang);
}

/** The comparison folder `dir` read for its report: its manifest and table, and its base arm's names (null: not readable). */
async function readFolder(dir: string): Promise<NationalCompareReportInput> {
  const { manifest, rows } = await readNationalCompareFolder(dir);
  return { manifest, rows, base: readBaseArm(dir, manifest), charts: [] };
}

/** The report of `input` in `lang`: its pages and its chart in that language. */
async function renderFrom(input: NationalCompareReportInput, lang: Lang): Promise<NationalReportPages> {
  const charts = await drawChart(input, lang);
  const model = nationalCompareReportModel({ ...input, charts: charts.map(([f]) => f.slice(0, -'.svg'.length)) }, lang);
  const svgs = Object.fromEntries(charts.map(([f, svg]) => [f.slice(0, -'.svg'.length), svg]));
  // SVG only, as the national charts: report.md links them.
  return { md: renderMarkdown(model, { image: 'svg', chartsDir: reportFiles(lang).charts }), html: renderHtml(model, svgs), charts };
}

/**
 * Writes the report of national comparison folder `dir` in `lang` (report.md and report.html; report.id.*
 * and charts.id/ in Indonesian) and returns the paths written. `lock` (default true) takes the folder's
 * lock first (a finished folder; national-compare writes into its folder before anyone sees it, and passes false).
 * `englishChart` (national-compare --lang id passes it): the chart in English in charts/ too, as `difusi national
 * --lang id` draws its charts in charts/ and charts.id/ and writes the report in Indonesian only; `difusi report
 * --lang id` draws the report's language only, as it does for a national folder.
 */
export async function writeNationalCompareReport(dir: string, lang: Lang = 'en', options: { readonly lock?: boolean; readonly englishChart?: boolean } = {}): Promise<string[]> {
  const release = options.lock === false ? () => undefined : lockFolder(dir, 'difusi report');
  try {
    const english = options.englishChart === true && lang !== 'en';
    // The report replaces its charts folder whole: a file no report wrote in it stops the report first.
    checkChartsReplaceable(dir, reportFiles(lang).charts);
    if (english) checkChartsReplaceable(dir, reportFiles('en').charts);
    const input = await readFolder(dir);
    const written: string[] = [];
    if (english) {
      for (const [file, svg] of await drawChart(input, 'en')) {
        writeChart(dir, file, svg, reportFiles('en').charts);
        written.push(path.join(dir, reportFiles('en').charts, file));
      }
    }
    return [...(await writeReportPages(dir, lang, await renderFrom(input, lang))), ...written];
  } finally {
    release();
  }
}
