/**
 * `difusi report <result folder>`: reads the folder, builds and renders its
 * charts and writes the report next to the data.
 *
 *   readResults --buildCharts--> specs --renderSvg/renderPng--> charts/<name>.svg|png
 *              --reportModel--> renderHtml, renderMarkdown   --> report.html, report.md
 *
 * Everything is rendered in memory first, then written into a temporary
 * folder inside the result folder and renamed into place: `charts/` as a
 * whole, then report.html and report.md. An error before the renames leaves
 * the folder as it was; no reader ever sees a half-written file.
 */
import { mkdtemp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { checkChartsReplaceable, lockFolder } from './folder-lock.js';
import { UserError } from '../messages/catalog.js';
import { WriteFailure, writeReportFile } from './durable.js';
import { join } from 'node:path';
import { buildCharts, experimentCharts, type ChartEntry } from '../report/charts.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { PngFontBatch, renderPngAsync, renderSvg } from '../report/render.js';
import { reportModel } from '../report/report-model.js';
import { reportFiles, type Lang } from '../report/i18n/index.js';
import { exists, readResults } from './results-read.js';

export interface WriteReportOptions {
  /** Also write charts/<name>.png (report.md then links the PNGs, else the SVGs). */
  readonly png: boolean;
  /** PNG zoom factor over the SVG's size (default 2). */
  readonly scale?: number;
  /** Language of the report: 'en' (default) or 'id' (Bahasa Indonesia). */
  readonly lang?: Lang;
}

export interface ReportWritten {
  readonly dir: string;
  /** Chart names written under charts/. */
  readonly charts: readonly string[];
  /** Paths written, relative to the result folder. */
  readonly files: readonly string[];
}

export interface RenderedChart {
  readonly entry: ChartEntry;
  readonly svg: string;
  readonly png: Uint8Array | null;
}

/**
 * Renders charts to SVG (and PNG), in order. Each PNG is drawn on libuv's
 * thread pool while this thread renders the next chart's SVG; the results
 * are collected in chart order, so the output does not depend on which
 * finishes first.
 */
export async function renderCharts(charts: readonly ChartEntry[], options: WriteReportOptions): Promise<RenderedChart[]> {
  // The font subsets the PNGs are drawn with, written once for the report's charts and removed when they are drawn or have failed.
  const fonts = new PngFontBatch();
  try {
    return await renderChartsWith(charts, options, fonts);
  } finally {
    fonts.close();
  }
}

async function renderChartsWith(charts: readonly ChartEntry[], options: WriteReportOptions, fonts: PngFontBatch): Promise<RenderedChart[]> {
  const out: { entry: ChartEntry; svg: string; png: Promise<Uint8Array> | null }[] = [];
  try {
    for (const entry of charts) {
      let svg: string;
      try {
        svg = await renderSvg(entry.spec);
      } catch (e) {
        throw new Error(`report: chart "${entry.name}" could not be rendered: ${(e as Error).message}`);
      }
      const png = options.png ? renderPngAsync(svg, { scale: options.scale ?? 2, fonts }) : null;
      // Observed at once: a drawing that fails while a later SVG renders is not an unhandled rejection
      // (which would end the process); its error is thrown below, by Promise.all or allSettled.
      png?.catch(() => undefined);
      out.push({ entry, svg, png });
    }
    const pngs = await Promise.all(out.map((r) => r.png));
    return out.map((r, i) => ({ entry: r.entry, svg: r.svg, png: pngs[i]! }));
  } catch (error) {
    // Drawings already started are awaited (their failures too), not left running unobserved
    // nor drawing with font files the batch's close removes.
    await Promise.allSettled(out.map((r) => r.png));
    throw error;
  }
}

/**
 * The comparison, sweep and sensitivity charts of a result folder (forest
 * plot and arms, heat map, Morris, Sobol), from whichever of compare.csv,
 * the arms' summaries, sweep.csv, morris.csv and sobol.csv it holds.
 */
export async function buildExperimentCharts(resultDir: string, lang: Lang = 'en'): Promise<ChartEntry[]> {
  return experimentCharts(await readResults(resultDir), lang);
}

/**
 * Writes charts/, report.html and report.md into `resultDir` atomically; in
 * another language than English charts.<lang>/, report.<lang>.html and
 * report.<lang>.md (reportFiles), leaving the English report in place.
 */
export async function writeReport(resultDir: string, options: WriteReportOptions): Promise<ReportWritten> {
  // Not while a job writes the folder; a report killed earlier left its temporary folder, removed here.
  let release = (): void => undefined;
  try {
    release = lockFolder(resultDir, 'difusi report');
  } catch (error) {
    if (error instanceof UserError) throw error; // locked by a running job
    // a parent folder we cannot write: report without the lock
  }
  try {
    // The report replaces its charts folder whole: a file no report wrote in it stops the report first.
    checkChartsReplaceable(resultDir, reportFiles(options.lang ?? 'en').charts);
    await removeLeftovers(resultDir);
    return await writeReportLocked(resultDir, options);
  } finally {
    release();
  }
}

/** `.report-tmp-*` folders of reports that were killed before they finished. */
async function removeLeftovers(resultDir: string): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await readdir(resultDir);
  } catch {
    return;
  }
  for (const e of entries) if (e.startsWith('.report-tmp-')) await rm(join(resultDir, e), { recursive: true, force: true });
}

async function writeReportLocked(resultDir: string, options: WriteReportOptions): Promise<ReportWritten> {
  const results = await readResults(resultDir);
  const charts = buildCharts(results, options.lang ?? 'en');
  const rendered = await renderCharts(charts, options);
  const model = reportModel(results, charts, options.lang ?? 'en');
  const html = renderHtml(model, Object.fromEntries(rendered.map((r) => [r.entry.name, r.svg])));
  const names = reportFiles(options.lang ?? 'en');
  const md = renderMarkdown(model, { image: options.png ? 'png' : 'svg', chartsDir: names.charts });

  const files: string[] = [];
  let tmp: string;
  try {
    tmp = await mkdtemp(join(resultDir, '.report-tmp-'));
  } catch (e) {
    throw UserError.of('report_unwritable', [(e as Error).message], { file: resultDir });
  }
  try {
    // Staged under the name of the folder they go to (charts.id/ for --lang id), so that a failed write names it.
    const chartsTmp = join(tmp, names.charts);
    await mkdir(chartsTmp);
    for (const r of rendered) {
      await writeReportFile(join(chartsTmp, `${r.entry.name}.svg`), r.svg);
      files.push(`${names.charts}/${r.entry.name}.svg`);
      if (r.png) {
        await writeReportFile(join(chartsTmp, `${r.entry.name}.png`), r.png);
        files.push(`${names.charts}/${r.entry.name}.png`);
      }
    }
    // Staged under their final names, so that a failed write names the file the user asked for (report.id.md).
    await writeReportFile(join(tmp, names.html), html);
    await writeReportFile(join(tmp, names.md), md);

    // Swap charts/ (keeping the old one until the new one is in place), then the two pages.
    const chartsDir = join(resultDir, names.charts);
    const old = join(tmp, 'old-charts');
    const hadCharts = await exists(chartsDir);
    if (hadCharts) await rename(chartsDir, old);
    try {
      await rename(chartsTmp, chartsDir);
    } catch (e) {
      if (hadCharts) await rename(old, chartsDir);
      throw e;
    }
    await rename(join(tmp, names.html), join(resultDir, names.html));
    await rename(join(tmp, names.md), join(resultDir, names.md));
    files.push(names.html, names.md);
  } catch (e) {
    if (e instanceof WriteFailure) throw e;
    throw UserError.of('report_unwritable', [(e as Error).message], { file: resultDir });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { dir: resultDir, charts: rendered.map((r) => r.entry.name), files };
}
