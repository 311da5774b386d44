/**
 * report.html's charts printed on A4 portrait (718 px wide with the default
 * margins of 1 cm): a chart shrinks to the page's width, and its smallest
 * labels (an event's on the timeline, a point's, a heat-map cell's number:
 * 9 and 10 px in the SVG) printed below 6 pt (4.7 pt in a 1,154 px chart).
 * Printed, the 10 px labels take the size of the axis labels (11 px), a
 * cell's number 10 px: in every kind of report and both languages, each
 * chart's text prints at 6 pt or more, or, in a chart too wide for its axis
 * labels to reach 6 pt without a layout change, no smaller than those (a
 * cell's number: 10/11 of them); no label overlaps another or is cut that
 * did not at the SVG's sizes; on screen every text keeps the size the SVG
 * gives it.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { writeReport } from '../../src/store/report-write.js';
import { CHROMIUM, hasChromium, openWatchedPage } from '../support/chromium.js';
import { COMPARE_DIR, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

if (!hasChromium) console.warn(`chart print test skipped: ${CHROMIUM} is missing`);

interface ChartText {
  readonly id: string;
  /** Each text: its printed size in pt, its size as the SVG writes it (px), and the CSS size (px). */
  readonly texts: readonly { readonly pt: number; readonly attr: number; readonly css: number }[];
  /** Pairs of texts (indices) whose boxes overlap, in the chart's own units. */
  readonly overlaps: readonly string[];
  /** Texts reaching past the chart's edge (cut). */
  readonly cut: readonly number[];
}

/** Every chart of the page: its texts' sizes, which overlap, which are cut (boxes in the SVG's units). */
function measure(): ChartText[] {
  return [...document.querySelectorAll('figure svg')].map((svg) => {
    const root = svg as SVGSVGElement;
    const toRoot = root.getScreenCTM()!.inverse();
    const view = root.viewBox.baseVal;
    const texts = [...root.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '');
    // A text's box: its advance across, and one em per line high (the ink of DejaVu Sans, from its ascender at 0.76 em
    // to its descender at 0.24 em) centred on its line box: the line box (1.16 em, rounded to whole pixels at the
    // drawn size) of two lines 13 px apart overlaps at 11 px where no letter does.
    const boxes = texts.map((t) => {
      const b = t.getBBox();
      const half = (parseFloat(getComputedStyle(t).fontSize) * Math.max(1, t.querySelectorAll('tspan').length)) / 2;
      const mid = b.y + b.height / 2;
      const m = toRoot.multiply(t.getScreenCTM()!);
      const corners = [
        [b.x, mid - half],
        [b.x + b.width, mid - half],
        [b.x, mid + half],
        [b.x + b.width, mid + half],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
      return { x0: Math.min(...corners.map((c) => c.x)), x1: Math.max(...corners.map((c) => c.x)), y0: Math.min(...corners.map((c) => c.y)), y1: Math.max(...corners.map((c) => c.y)) };
    });
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) overlaps.push(`${i}:${j}`);
      }
    }
    const cut = boxes.flatMap((b, i) => (b.x0 < view.x - 0.5 || b.y0 < view.y - 0.5 || b.x1 > view.x + view.width + 0.5 || b.y1 > view.y + view.height + 0.5 ? [i] : []));
    return {
      id: root.closest('figure')!.id,
      texts: texts.map((t) => {
        const m = t.getScreenCTM()!;
        const css = parseFloat(getComputedStyle(t).fontSize);
        // The text's size on the page: its CSS size times the scale the chart is drawn at (rotated or not), px to pt.
        return { pt: css * Math.hypot(m.a, m.b) * 0.75, attr: parseFloat(t.getAttribute('font-size') ?? 'NaN'), css };
      }),
      overlaps,
      cut,
    };
  });
}

const KINDS: Record<string, string> = { run: RUN_DIR, compare: COMPARE_DIR, sweep: SWEEP_DIR, sensitivity: SENSITIVITY_DIR };

describe('report.html charts printed on A4', () => {
  test.skipIf(!hasChromium)('each chart prints its text at 6 pt or more, or no smaller than its axis labels; nothing overlaps or is cut; the screen unchanged', async () => {
    const { browser, page } = await openWatchedPage({ viewport: { width: 718, height: 1000 } });
    const below: string[] = [];
    try {
      for (const [name, dir] of Object.entries(KINDS)) {
        const copy = mkdtempSync(join(tmpdir(), `difusi-chart-print-${name}-`));
        cpSync(dir, copy, { recursive: true });
        for (const lang of ['en', 'id'] as const) {
          await writeReport(copy, { png: false, lang });
          await page.emulateMedia({ media: 'screen' });
          await page.goto(pathToFileURL(join(copy, lang === 'en' ? 'report.html' : `report.${lang}.html`)).href, { waitUntil: 'load' });
          const screen = await page.evaluate(measure);
          await page.emulateMedia({ media: 'print' });
          expect(await page.evaluate(() => document.body.clientWidth)).toBe(718);
          const print = await page.evaluate(measure);
          // The same page printed with every text at the size the SVG writes: what the print's overlaps are checked
          // against, at the same scale (a box's edges round differently at another).
          await page.addStyleTag({ content: [9, 10].map((px) => `figure svg text[font-size="${px}px"] { font-size: ${px}px !important; }`).join('\n') });
          const written = await page.evaluate(measure);
          expect(Math.min(...written.flatMap((c) => c.texts.map((t) => t.css)))).toBeLessThan(11);
          expect(print.length, `${name} ${lang}`).toBeGreaterThan(0);
          for (const [c, chart] of print.entries()) {
            const where = `${name} ${lang} ${chart.id}`;
            const shown = written[c]!;
            // On screen each text has the size the SVG writes (the SVG files are the golden tests').
            for (const t of screen[c]!.texts) expect(t.css, where).toBe(t.attr);
            // The axis labels (11 px): where they print below 6 pt, only a layout change would help the chart.
            const axis = Math.min(...chart.texts.filter((t) => t.attr === 11).map((t) => t.pt));
            for (const t of chart.texts) {
              // A 10 px label prints as large as the axis labels, a heat-map cell's 9 px number at 10 px.
              const floor = t.attr === 9 ? Math.min(6, (axis * 10) / 11) : Math.min(6, axis);
              expect(t.pt, `${where}: a ${t.attr} px text at ${t.pt.toFixed(2)} pt`).toBeGreaterThanOrEqual(floor - 0.005);
            }
            const smallest = Math.min(...chart.texts.map((t) => t.pt));
            if (smallest < 6) below.push(`${name} ${lang} ${chart.id} ${smallest.toFixed(1)}`);
            // Nothing overlaps, or reaches past the chart's edge, that did not at the SVG's sizes.
            expect(chart.overlaps.filter((p) => !shown.overlaps.includes(p)), where).toEqual([]);
            expect(chart.cut.filter((i) => !shown.cut.includes(i)), where).toEqual([]);
          }
        }
      }
    } finally {
      await browser.close();
    }
    // The charts too wide for 6 pt at A4 without a layout change (docs/OUTPUTS.md), with their smallest text in pt:
    // Rogers' categories (1,323 px), the Morris screening (1,131 px), the heat map's cell numbers (959 px) in these
    // fixtures. Before, the adoption, survival, learning and Callon charts (902 to 928 px) printed below 6 pt too.
    expect(below).toEqual([
      'run en chart-rogers 4.5',
      'run id chart-rogers 3.8',
      'sweep en chart-heatmap 5.6',
      'sweep id chart-heatmap 5.6',
      'sensitivity en chart-morris 5.2',
      'sensitivity id chart-morris 4.2',
    ]);
  }, 120_000);
});
