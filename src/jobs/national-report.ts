/**
 * Writes the report of a national result folder (docs/NATIONAL.md, "The
 * national report"): `difusi national` into the folder it is finishing,
 * `difusi report <national folder> [--lang id]` into a finished one.
 *
 *   readNationalFolder (checksums, row counts) --national-charts.ts--> charts/*.svg (charts.id/ in Indonesian)
 *     + p14.txt --nationalReportModel--> renderHtml, renderMarkdown --> report.md, report.html
 *
 * English goes to report.md and report.html, Indonesian to report.id.md and
 * report.id.html, so that a folder can hold both. Each page is written to a
 * temporary folder inside the result folder and renamed into place: a reader
 * never sees half a report, and an error leaves the folder as it was. Like a
 * city folder's report, the pages are not among the manifest's checksummed
 * files: they are derived from them and may be rewritten at any time.
 */
import fs from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { WriteFailure, writeReportFile } from '../store/durable.js';
import path from 'node:path';
import { readNationalFolder, type NationalFolderTables } from '../store/national-tables.js';
import { checkChartsReplaceable, lockFolder } from '../store/folder-lock.js';
import { drawNationalCharts, nationalChartData } from '../report/national-charts.js';
import { UserError } from '../messages/catalog.js';
import { nationalReportModel } from '../report/national-report.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { reportFiles, type Lang } from '../report/i18n/index.js';
import { readRegularText, regularFileExists } from '../store/regular-file.js';

/** The charts the national job draws, in the order the report shows them; any other SVG under charts/ follows, by name. */
const CHART_ORDER = ['national-spread', 'national-provinces', 'national-replacements'];

/** Chart names in the order the report shows them: CHART_ORDER first, the others (cohort charts) by name. */
function sortCharts(names: readonly string[]): string[] {
  const rank = (n: string) => (CHART_ORDER.includes(n) ? CHART_ORDER.indexOf(n) : CHART_ORDER.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function chartNames(dir: string, folder: string): string[] {
  let files: string[];
  try {
    files = fs.readdirSync(path.join(dir, folder));
  } catch {
    return [];
  }
  return sortCharts(files.filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -'.svg'.length)));
}

/**
 * The folder of the charts a report in `lang` shows, in a folder whose
 * charts cannot be drawn from its files (written before they could be):
 * the run drew them in the language of the report it wrote (charts/ in
 * English, charts.id/ in Indonesian). Such a folder whose run wrote no
 * charts in `lang` shows the English ones, and says so.
 */
export function chartFolder(dir: string, lang: Lang): string {
  const own = reportFiles(lang).charts;
  return fs.existsSync(path.join(dir, own)) ? own : 'charts';
}

/** The report's pages and, when `draw`, the charts drawn for it in its language ([file name, SVG]; null when not drawn). */
export interface NationalReportPages {
  readonly md: string;
  readonly html: string;
  readonly charts: [string, string][] | null;
}

/** How a national report is made; every field is optional. */
export interface NationalReportOptions {
  /**
   * Default true: the charts are drawn in the report's language from the
   * folder's files (report/national-charts.ts), as the run draws them, and
   * (when writing) replace that language's charts folder; a folder written
   * before that was possible shows the chart files it holds. False: the
   * report shows the chart files in the language's folder (the run has just
   * drawn them there).
   */
  readonly draw?: boolean;
  /** The folder's tables, when the caller has read them already (readNationalFolder(dir) otherwise). */
  readonly tables?: NationalFolderTables;
}

/** How a national report is written: NationalReportOptions, and the folder's lock. */
export interface NationalReportWriteOptions extends NationalReportOptions {
  /** Default true: take the folder's lock first (a finished folder; the national job writes into a folder nobody else sees yet, and passes false). */
  readonly lock?: boolean;
}

/** The report of national folder `dir` in `lang`, as page texts (nothing written); `options`: NationalReportOptions. */
export async function renderNationalReport(dir: string, lang: Lang = 'en', options: NationalReportOptions = {}): Promise<NationalReportPages> {
  const { draw = true, tables: read } = options;
  const tables = read ?? (await readNationalFolder(dir));
  const p14File = path.join(dir, 'p14.txt');
  const p14 = regularFileExists(p14File) ? readRegularText(p14File) : '';
  const data = draw ? nationalChartData(tables) : null;
  let folder: string;
  let drawn: [string, string][] | null = null;
  let svgs: Record<string, string>;
  let charts: string[];
  if (data !== null) {
    drawn = await drawNationalCharts(data, lang);
    folder = reportFiles(lang).charts;
    svgs = Object.fromEntries(drawn.map(([f, svg]) => [f.slice(0, -'.svg'.length), svg]));
    charts = sortCharts(Object.keys(svgs));
  } else {
    folder = chartFolder(dir, lang);
    charts = chartNames(dir, folder);
    svgs = Object.fromEntries(charts.map((c) => [c, readRegularText(path.join(dir, folder, `${c}.svg`))]));
  }
  const model = nationalReportModel({ tables, p14, charts, chartsInOtherLanguage: charts.length > 0 && folder !== reportFiles(lang).charts }, lang);
  // The national charts are SVG only (no PNGs): report.md links them.
  return { md: renderMarkdown(model, { image: 'svg', chartsDir: folder }), html: renderHtml(model, svgs), charts: drawn };
}

/**
 * Writes the report of national folder `dir` in `lang` and returns the
 * paths written. `options` (NationalReportWriteOptions): `lock` (default
 * true) takes the folder's lock first; `draw` (default true) draws the
 * charts in `lang` from the folder's files and replaces `lang`'s charts
 * folder with them (charts/ in English, charts.<lang>/ otherwise), which
 * the national job has drawn already; `tables`: the folder's tables, when
 * the caller has just read them back.
 */
export async function writeNationalReport(dir: string, lang: Lang = 'en', options: NationalReportWriteOptions = {}): Promise<string[]> {
  // Before the options object these were positional booleans (lock, draw): refuse them rather than ignore them.
  if (typeof options !== 'object' || options === null) throw new TypeError('writeNationalReport(dir, lang, options): options is an object { lock, draw, tables }');
  const { lock = true, draw = true, tables } = options;
  const release = lock ? lockFolder(dir, 'difusi report') : () => undefined;
  try {
    const chartsName = reportFiles(lang).charts;
    // The report replaces its charts folder whole: a file no report wrote in it stops the report first.
    if (draw) checkChartsReplaceable(dir, chartsName);
    const pages = await renderNationalReport(dir, lang, { draw, tables });
    return await writeReportPages(dir, lang, pages);
  } finally {
    release();
  }
}

/**
 * Writes a report's pages (and, unless `pages.charts` is null, its charts folder) into result folder
 * `dir` in `lang` (reportFiles(lang)) and returns the paths written: each
 * file to a temporary folder inside `dir` first, then renamed into place, the charts folder before the
 * pages that show it, so that a reader never sees half a report and an error leaves the folder as it
 * was. The caller holds the folder's lock. Also the national comparison's report
 * (jobs/national-compare-report.ts).
 */
export async function writeReportPages(dir: string, lang: Lang, pages: NationalReportPages): Promise<string[]> {
  const names = reportFiles(lang);
  const chartsName = names.charts;
  let tmp: string;
  try {
    tmp = await mkdtemp(path.join(dir, '.report-tmp-'));
  } catch (e) {
    throw UserError.of('report_unwritable', [(e as Error).message], { file: dir });
  }
  const written: string[] = [];
  try {
    if (pages.charts !== null) {
      const chartsTmp = path.join(tmp, 'charts');
      await mkdir(chartsTmp);
      for (const [file, svg] of pages.charts) await writeReportFile(path.join(chartsTmp, file), svg);
    }
    await writeReportFile(path.join(tmp, names.md), pages.md);
    await writeReportFile(path.join(tmp, names.html), pages.html);
    if (pages.charts !== null) {
      // The charts folder first (the old one kept until the new one is in place), then the pages that show it.
      const chartsDir = path.join(dir, chartsName);
      const old = path.join(tmp, 'old-charts');
      const had = fs.existsSync(chartsDir);
      if (had) await rename(chartsDir, old);
      try {
        await rename(path.join(tmp, 'charts'), chartsDir);
      } catch (e) {
        if (had) await rename(old, chartsDir);
        throw e;
      }
      written.push(...pages.charts.map(([file]) => path.join(dir, chartsName, file)));
    }
    await rename(path.join(tmp, names.md), path.join(dir, names.md));
    await rename(path.join(tmp, names.html), path.join(dir, names.html));
  } catch (e) {
    // Want of room or a device error: the line names the file (durable.ts writeReportFile), as a city report's does.
    if (e instanceof WriteFailure) throw e;
    throw UserError.of('report_unwritable', [(e as Error).message], { file: dir });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return [path.join(dir, names.md), path.join(dir, names.html), ...written];
}

/** The `kind` of a folder's manifest.json; undefined when it has none or it cannot be read (the reader then says why). */
export function folderKind(dir: string): unknown {
  try {
    return (JSON.parse(readRegularText(path.join(dir, 'manifest.json'))) as { kind?: unknown }).kind;
  } catch {
    return undefined;
  }
}
