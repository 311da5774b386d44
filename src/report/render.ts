/**
 * Renders vega-lite specs to SVG and PNG without a browser.
 *
 *   TopLevelSpec --vega-lite compile--> vega spec --View(renderer 'none')--> toSVG()
 *                                                       svg --resvg (DejaVu Sans)--> PNG
 *
 * Text is laid out with the advance widths of DejaVu Sans (shipped by the
 * `dejavu-fonts-ttf` npm package) and drawn by resvg with the same font and
 * no system fonts, so a chart looks the same on every machine. The SVG is a
 * function of the spec: def ids are reset before each render, data are
 * inline, time scales are UTC and the loader refuses every URL.
 *
 * The font files are package assets, read once. A PNG is drawn with a copy
 * of them that leaves out the outlines the chart cannot use (font-subset.ts:
 * resvg reads its font file again for every glyph, and the copy is a third
 * of the file): written to a folder of this process's own under the system's
 * temporary folder, removed when its PNG is drawn, or for a report's charts
 * (PngFontBatch) written once for all of them and removed when they are
 * drawn (the folder when the process exits). The PNG's bytes are the same as with the whole files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { fontMetrics, type FontMetrics } from './font-metrics.js';
import { fontSubsetter, subsetCharacters, subsetKey, type FontSubsetter } from './font-subset.js';
import { FONT } from './palette.js';
import { safeStrings } from '../messages/safe-text.js';

/** Absolute paths of the DejaVu Sans files used for metrics and PNG drawing. */
export interface FontFiles {
  readonly regular: string;
  readonly bold: string;
}

let resolvedFonts: FontFiles | undefined;

/** Resolves the DejaVu Sans TTFs inside node_modules/dejavu-fonts-ttf (once per process). */
export function fontFiles(): FontFiles {
  if (resolvedFonts === undefined) {
    const require = createRequire(import.meta.url);
    resolvedFonts = {
      regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    };
  }
  return resolvedFonts;
}

let fontData: { readonly regular: Uint8Array; readonly bold: Uint8Array } | undefined;

/** The bytes of the DejaVu Sans files, read once per process for the text metrics and the PNG subsets. */
function fontBytes(): { readonly regular: Uint8Array; readonly bold: Uint8Array } {
  if (fontData === undefined) {
    const files = fontFiles();
    fontData = { regular: readFileSync(files.regular), bold: readFileSync(files.bold) };
  }
  return fontData;
}

/** The subset of vega-scenegraph's `textMetrics` we replace (not in vega's typings). */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

let installed: { regular: FontMetrics; bold: FontMetrics } | null = null;

/** Makes vega measure text with DejaVu Sans (idempotent). */
function installTextMetrics(): void {
  if (installed) return;
  const bytes = fontBytes();
  installed = { regular: fontMetrics(bytes.regular), bold: fontMetrics(bytes.bold) };
  const metrics = installed;
  const tm = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  tm.width = (item, text) => {
    const t = text === null || text === undefined ? '' : String(text).trim();
    const size = item.fontSize !== undefined && item.fontSize !== null ? Number(item.fontSize) || 0 : 11;
    const w = item.fontWeight;
    const bold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600) || (typeof w === 'string' && Number(w) >= 600);
    const width = (bold ? metrics.bold : metrics.regular).width(t, size);
    const limit = item.limit ?? 0;
    return limit > 0 && width > limit ? limit : width;
  };
}

/** A vega-lite spec compiled to vega, with the compiler's warnings. */
export interface CompiledChart {
  readonly vega: vega.Spec;
  readonly warnings: readonly string[];
}

/** Compiles a vega-lite spec, collecting warnings instead of printing them. */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  let level = 0;
  type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>['logger']>;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]): never {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  const out = compile(spec, { logger: logger as unknown as Logger });
  return { vega: out.spec, warnings };
}

/** A loader that refuses every external resource: charts carry their data inline. */
const noLoader = {
  load: async (uri: string): Promise<string> => {
    throw new Error(`render: external resource "${uri}" refused (data must be inline)`);
  },
  sanitize: async (uri: string): Promise<{ href: string }> => {
    throw new Error(`render: external resource "${uri}" refused (data must be inline)`);
  },
  http: async (uri: string): Promise<string> => {
    throw new Error(`render: external resource "${uri}" refused`);
  },
  file: async (uri: string): Promise<string> => {
    throw new Error(`render: external resource "${uri}" refused`);
  },
};

/**
 * Renders a vega-lite spec to SVG text. Same spec, same bytes. Any error
 * vega reports while running the dataflow (for example a refused load)
 * fails the render instead of leaving an empty chart.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  installTextMetrics();
  // Scenario names reach a chart as titles, labels and data values: a control character among
  // them would make the SVG unparseable (XML 1.0), a bidi control reorder the text after it.
  const { vega: vg } = compileChart(safeStrings(spec));
  const errors: string[] = [];
  let level = vega.Error;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
      return logger;
    },
    warn(...args: readonly unknown[]) {
      // vega reports a failed load as a warning and draws an empty chart.
      const text = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
      if (/loading failed/i.test(text)) errors.push(text);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  const external = (vg.data ?? []).filter((d) => 'url' in d).map((d) => String((d as { url: unknown }).url));
  if (external.length > 0) throw new Error(`render: external data refused (${external.join(', ')}); charts carry their data inline`);
  const view = new vega.View(vega.parse(vg), {
    renderer: 'none',
    logger: logger as unknown as NonNullable<vega.ViewOptions['logger']>,
    logLevel: vega.Error,
    loader: noLoader as unknown as vega.Loader,
  });
  try {
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`render: ${errors.join('; ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * PNG options: `scale` is the zoom factor (2 = twice the SVG's pixel size);
 * `fonts`: the font files of a batch of PNGs (a report's charts,
 * PngFontBatch), each subset written once for all of them; without it a
 * PNG writes its own and removes them once it is drawn.
 */
export interface PngOptions {
  readonly scale?: number;
  readonly fonts?: PngFontBatch;
}

/** resvg's options of a PNG: DejaVu Sans only (no system fonts), white background, zoom `scale`. */
function pngOptions(options: PngOptions, fonts: readonly string[]): ResvgRenderOptions {
  return {
    font: { fontFiles: [...fonts], loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
  };
}

/** The font files of one PNG (regular, bold) and what removes them once it is drawn. */
export interface PngFonts {
  readonly files: readonly [string, string];
  /** Whether these are subsets (false: the package's own files). */
  readonly subset: boolean;
  release(): void;
}

/**
 * The font files of a batch of PNGs (the charts of a report): a subset
 * (font-subset.ts subsetKey: one a set of characters, and a report's charts
 * mostly have the same) is written at the first PNG that needs it and used
 * by the others, where each PNG wrote and removed its own; `close` removes
 * them all, once the batch's PNGs are drawn or have failed (and at the
 * latest the process's exit removes its folder of subsets).
 */
export class PngFontBatch {
  /** The subsets' files written for the batch, by their key. */
  readonly files = new Map<string, readonly [string, string]>();

  close(): void {
    for (const pair of this.files.values()) for (const f of pair) rmSync(f, { force: true });
    this.files.clear();
  }
}

/** Subsetters of the regular and bold files, made at the first PNG; null: the fonts could not be read for subsets (whole files are used). */
let subsetters: { readonly regular: FontSubsetter; readonly bold: FontSubsetter } | null | undefined;
/** This process's folder of font subsets, made at the first PNG. */
let subsetDir: string | undefined;
let subsetSerial = 0;

/**
 * The fonts `svg` is drawn with: subsets of DejaVu Sans that keep every
 * glyph its text can use (font-subset.ts), or the whole files when its text
 * is not one a subset is made for, or the subsets cannot be made or written.
 * Either way the PNG has the same bytes. `batch`: the files are the
 * batch's, written by an earlier PNG of it when it has the same subset
 * (and still there), and removed by its close, not by `release`.
 */
export function pngFonts(svg: string, batch?: PngFontBatch): PngFonts {
  const files = fontFiles();
  const whole: PngFonts = { files: [files.regular, files.bold], subset: false, release: () => undefined };
  const codePoints = subsetCharacters(svg);
  if (codePoints === null) return whole;
  if (subsetters === undefined) {
    try {
      const bytes = fontBytes();
      subsetters = { regular: fontSubsetter(bytes.regular), bold: fontSubsetter(bytes.bold) };
    } catch {
      subsetters = null;
    }
  }
  if (subsetters === null) return whole;
  const key = subsetKey(codePoints);
  const made = batch?.files.get(key);
  // A folder removed under the process: written again below.
  if (made !== undefined && made.every((f) => existsSync(f))) return { files: made, subset: true, release: () => undefined };
  const written: string[] = [];
  const release = (): void => {
    for (const f of written.splice(0)) rmSync(f, { force: true });
  };
  try {
    if (subsetDir === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'difusi-fonts-'));
      subsetDir = dir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    const serial = subsetSerial++;
    for (const [name, subsetter] of [['regular', subsetters.regular], ['bold', subsetters.bold]] as const) {
      const file = join(subsetDir, `${serial}-${name}.ttf`);
      writeFileSync(file, subsetter.subset(codePoints));
      written.push(file);
    }
    const pair = [written[0]!, written[1]!] as const;
    if (batch === undefined) return { files: pair, subset: true, release };
    batch.files.set(key, pair);
    return { files: pair, subset: true, release: () => undefined };
  } catch {
    release();
    // A folder removed under the process (or none could be made): made anew for the next PNG.
    subsetDir = undefined;
    return whole;
  }
}

/** Draws an SVG to PNG with resvg and DejaVu Sans only (no system fonts). */
export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fonts = pngFonts(svg, options.fonts);
  try {
    const resvg = new Resvg(svg, pngOptions(options, fonts.files));
    return new Uint8Array(resvg.render().asPng());
  } finally {
    fonts.release();
  }
}

/**
 * `renderPng` off this thread: resvg parses, lays out and rasterises on a
 * thread of libuv's pool, so several charts draw at once and this thread
 * goes on (with the next chart's SVG). The same options, the same bytes
 * (tests/report/render-async.test.ts).
 */
export async function renderPngAsync(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const fonts = pngFonts(svg, options.fonts);
  try {
    const image = await renderAsync(svg, pngOptions(options, fonts.files));
    return new Uint8Array(image.asPng());
  } finally {
    fonts.release();
  }
}
