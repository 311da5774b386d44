/**
 * Writes the report of a national result folder (docs/NATIONAL.md, "The
 * national report"): `difusi national` into the folder it is finishing,
 * `difusi report <national folder> [--lang id]` into a finished one.
 *
 *   readNationalFolder (checksums, row counts) + p14.txt + charts/*.svg
 *     --nationalReportModel--> renderHtml, renderMarkdown --> report.md, report.html
 *
 * English goes to report.md and report.html, Indonesian to report.id.md and
 * report.id.html, so that a folder can hold both. Each page is written to a
 * temporary folder inside the result folder and renamed into place: a reader
 * never sees half a report, and an error leaves the folder as it was. Like a
 * city folder's report, the pages are not among the manifest's checksummed
 * files: they are derived from them and may be rewritten at any time.
 */
import fs from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readNationalFolder } from '../store/national-tables.js';
import { lockFolder } from '../store/folder-lock.js';
import { UserError } from '../messages/catalog.js';
import { nationalReportModel } from '../report/national-report.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { reportFiles, type Lang } from '../report/i18n/index.js';

/** The report's file names in `lang`: English keeps the city folders' names, other languages add theirs. */
export function nationalReportFiles(lang: Lang): { md: string; html: string } {
  return lang === 'en' ? { md: 'report.md', html: 'report.html' } : { md: `report.${lang}.md`, html: `report.${lang}.html` };
}

/** The charts the national job draws, in the order the report shows them; any other SVG under charts/ follows, by name. */
const CHART_ORDER = ['national-spread', 'national-provinces', 'national-replacements'];

function chartNames(dir: string, folder: string): string[] {
  let files: string[];
  try {
    files = fs.readdirSync(path.join(dir, folder));
  } catch {
    return [];
  }
  const names = files.filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -'.svg'.length));
  const rank = (n: string) => (CHART_ORDER.includes(n) ? CHART_ORDER.indexOf(n) : CHART_ORDER.length);
  return names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The folder of the charts a report in `lang` shows: the run draws them in
 * the language of the report it writes (charts/ in English, charts.id/ in
 * Indonesian). A folder whose run wrote no charts in `lang` (an English run
 * reported again with --lang id) shows the English ones: the charts are
 * drawn from the run's state, not from the folder's files.
 */
export function chartFolder(dir: string, lang: Lang): string {
  const own = reportFiles(lang).charts;
  return fs.existsSync(path.join(dir, own)) ? own : 'charts';
}

/** The report of national folder `dir` in `lang`, as page texts (nothing written). */
export async function renderNationalReport(dir: string, lang: Lang = 'en'): Promise<{ md: string; html: string }> {
  const tables = await readNationalFolder(dir);
  const p14File = path.join(dir, 'p14.txt');
  const p14 = fs.existsSync(p14File) ? fs.readFileSync(p14File, 'utf8') : '';
  const folder = chartFolder(dir, lang);
  const charts = chartNames(dir, folder);
  const svgs = Object.fromEntries(charts.map((c) => [c, fs.readFileSync(path.join(dir, folder, `${c}.svg`), 'utf8')]));
  const model = nationalReportModel({ tables, p14, charts, chartsInOtherLanguage: charts.length > 0 && folder !== reportFiles(lang).charts }, lang);
  // The national charts are SVG only (no PNGs): report.md links them.
  return { md: renderMarkdown(model, { image: 'svg', chartsDir: folder }), html: renderHtml(model, svgs) };
}

/**
 * Writes the report of national folder `dir` in `lang` and returns the
 * paths written. `lock`: take the folder's lock first (a finished folder;
 * the national job writes into a folder nobody else sees yet).
 */
export async function writeNationalReport(dir: string, lang: Lang = 'en', lock = true): Promise<string[]> {
  const release = lock ? lockFolder(dir, 'difusi report') : () => undefined;
  try {
    const pages = await renderNationalReport(dir, lang);
    const names = nationalReportFiles(lang);
    let tmp: string;
    try {
      tmp = await mkdtemp(path.join(dir, '.report-tmp-'));
    } catch (e) {
      throw UserError.of('report_unwritable', [(e as Error).message], { file: dir });
    }
    try {
      await writeFile(path.join(tmp, names.md), pages.md);
      await writeFile(path.join(tmp, names.html), pages.html);
      await rename(path.join(tmp, names.md), path.join(dir, names.md));
      await rename(path.join(tmp, names.html), path.join(dir, names.html));
    } catch (e) {
      throw UserError.of('report_unwritable', [(e as Error).message], { file: dir });
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return [path.join(dir, names.md), path.join(dir, names.html)];
  } finally {
    release();
  }
}

/** True when `dir` holds a national run's manifest (`kind: national`). */
export function isNationalFolder(dir: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { kind?: unknown };
    return manifest.kind === 'national';
  } catch {
    return false;
  }
}
