/**
 * Morris elementary effects (Morris 1991; Campolongo et al. 2007): mu* (mean
 * absolute effect: importance) against sigma (spread: interaction or
 * non-linearity), one panel per outcome. Points are labelled with the
 * parameter name where a label fits without overlapping another label or
 * point; the dashed line is sigma = mu*.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MorrisRow } from '../rows.js';
import { OKABE_ITO } from '../palette.js';
import { LABEL_FONT_SIZE, labelWidth, round, topLevel, type Datum, type Unit } from './common.js';
import { en, type Catalog } from '../i18n/en.js';
import { outcomeName, type ServiceNames } from '../outcome-names.js';
import { factorName, isProbability, plain } from '../format.js';
import { localNumber } from '../i18n/index.js';

export interface MorrisChartInput {
  readonly rows: readonly MorrisRow[];
  /** Display names of the services in the outcomes' names (the id when absent). */
  readonly services?: ServiceNames;
  readonly t?: Catalog;
}

const SIZE = 300;

export interface PointLabel {
  readonly index: number;
  /** Label anchor in px from the point. */
  readonly dx: number;
  readonly dy: number;
  readonly align: 'left' | 'right' | 'center';
}

/**
 * Greedy label placement for a scatter in px space (y down): points in
 * order of importance try right, left, above, below; a label is kept only if
 * its box stays in the plot and overlaps no earlier label and no point.
 */
export function placePointLabels(
  points: readonly { x: number; y: number; text: string }[],
  width: number,
  height: number,
  fontSize = LABEL_FONT_SIZE,
  obstacles: readonly (readonly [number, number, number, number])[] = [],
): PointLabel[] {
  // Points, and other marks a label must not cover (the points' interval lines), as boxes [x0, y0, x1, y1].
  const boxes: [number, number, number, number][] = [...points.map((p) => [p.x - 4, p.y - 4, p.x + 4, p.y + 4] as [number, number, number, number]), ...obstacles.map((b) => [...b] as [number, number, number, number])];
  const placed: PointLabel[] = [];
  const h = fontSize + 2;
  const overlaps = (b: [number, number, number, number]) => ([x0, y0, x1, y1]: [number, number, number, number]) => b[0] < x1 && b[2] > x0 && b[1] < y1 && b[3] > y0;
  points.forEach((p, index) => {
    const w = labelWidth(p.text, fontSize);
    // Right, left, above, below; then further up or down (left- or right-aligned), so a point in a crowd still finds room.
    const at = (dx: number, dy: number, align: PointLabel['align']) => {
      const x0 = align === 'left' ? p.x + dx : align === 'right' ? p.x + dx - w : p.x + dx - w / 2;
      return { dx, dy, align, box: [x0, p.y + dy - h / 2, x0 + w, p.y + dy + h / 2] as [number, number, number, number] };
    };
    const candidates = [
      at(7, 0, 'left'),
      at(-7, 0, 'right'),
      at(0, -10, 'center'),
      at(0, 10, 'center'),
      ...[-12, 12, -24, 24, -36, 36].flatMap((dy) => [at(5, dy, 'left'), at(-5, dy, 'right')]),
    ];
    for (const c of candidates) {
      const inside = c.box[0] >= 0 && c.box[2] <= width && c.box[1] >= 0 && c.box[3] <= height;
      const others = boxes.filter((_, i) => i !== index);
      if (inside && !others.some(overlaps(c.box))) {
        boxes.push(c.box);
        placed.push({ index, dx: c.dx, dy: c.dy, align: c.align });
        return;
      }
    }
  });
  return placed;
}

/** Dodge, in px, between the interval lines of factors at about the same sigma whose intervals overlap. */
const DODGE = 6;

/**
 * Points and placed labels of one outcome's panel (px are computed on the fixed domains), in the unit the
 * summary prints: `scale` 100 for a share or probability (percentage points), else 1. Factors at about the
 * same sigma whose interval lines overlap are set DODGE px apart (field `sd`, the sigma drawn; `sigma` is
 * the value): two lines on one another could not be told apart (review: whose interval is whose).
 */
export function morrisPanelData(rows: readonly MorrisRow[], scale = 1) {
  const sorted = [...rows].sort((a, b) => b.mu_star - a.mu_star || (a.parameter < b.parameter ? -1 : 1));
  const floorOf = (r: MorrisRow): number | null => {
    const f = (r as { noise_floor?: number | null }).noise_floor;
    return f === null || f === undefined || !Number.isFinite(f) ? null : f * scale;
  };
  const conf = (r: MorrisRow): number => (r.mu_star_conf ?? 0) * scale;
  const floors = sorted.map(floorOf).filter((f): f is number => f !== null);
  const max = Math.max(1e-12, ...sorted.map((r) => Math.max(r.mu_star * scale + conf(r), r.sigma * scale)), ...floors) * 1.08;
  const px = (v: number): number => (v / max) * SIZE;
  const py = (v: number): number => SIZE - (v / max) * SIZE;
  // Drawn heights: a line that would lie within DODGE px of an earlier one it overlaps moves up until it does not.
  const drawn: { y: number; x0: number; x1: number }[] = [];
  const ys = sorted.map((r) => {
    const x0 = px(Math.max(0, r.mu_star * scale - conf(r))) - 4;
    const x1 = px(r.mu_star * scale + conf(r)) + 4;
    let y = py(r.sigma * scale);
    const clash = () => drawn.some((d) => d.x0 < x1 && d.x1 > x0 && Math.abs(d.y - y) < DODGE);
    // Up first, then down; never out of the plot (a line at sigma 0 moved down left the axes).
    for (let k = 1; clash() && k < 20; k++) {
      const next = py(r.sigma * scale) + (k % 2 === 1 ? -1 : 1) * Math.ceil(k / 2) * DODGE;
      if (next >= 0 && next <= SIZE) y = next;
    }
    drawn.push({ y, x0, x1 });
    return y;
  });
  const sd = (i: number): number => ((SIZE - (ys[i] as number)) / SIZE) * max;
  // Labels without the common `parameters.` prefix of scenario paths: shorter, so more of them fit.
  const short = factorName;
  // Each point's interval line is an obstacle: a label on it read as part of the line (review: "champion_rotation").
  const intervals = sorted.map((r, i) => [px(Math.max(0, r.mu_star * scale - conf(r))), (ys[i] as number) - 2, px(r.mu_star * scale + conf(r)), (ys[i] as number) + 2] as const);
  const labels = placePointLabels(sorted.map((r, i) => ({ x: px(r.mu_star * scale), y: ys[i] as number, text: short(r.parameter) })), SIZE, SIZE, LABEL_FONT_SIZE, intervals);
  // Each factor's own noise floor, drawn as a short dotted rule across its interval line (px ±7 in data units).
  const tick = (7 / SIZE) * max;
  const points: Datum[] = sorted.map((r, i) => ({
    parameter: r.parameter,
    floor: round(floorOf(r)),
    f0: round(sd(i) - tick),
    f1: round(sd(i) + tick),
    mu_star: round(r.mu_star * scale),
    sigma: round(r.sigma * scale),
    sd: round(sd(i)),
    lo: round(Math.max(0, r.mu_star * scale - conf(r))),
    hi: round(r.mu_star * scale + conf(r)),
  }));
  const labelled = new Set(labels.map((l) => l.index));
  const text: Datum[] = labels.map((l) => {
    const r = sorted[l.index] as MorrisRow;
    return { parameter: short(r.parameter), align: l.align, lx: round(r.mu_star * scale + (l.dx / SIZE) * max), ly: round(sd(l.index) - (l.dy / SIZE) * max) };
  });
  // The noise floor: one rule where every factor's prints alike, else rules at the lowest and the highest.
  const floor = floors.length === 0 ? null : { low: Math.min(...floors), high: Math.max(...floors) };
  return { max, points, text, floor, unlabelled: sorted.length - labels.length, unlabelledNames: sorted.filter((_, i) => !labelled.has(i)).map((r) => short(r.parameter)) };
}

/** Decimals for a Morris axis's ticks and floor: two significant digits of a fifth of the axis (about one tick step). */
function axisDigits(max: number): number {
  const step = max / 5;
  return step > 0 ? Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(step)))) : 0;
}

export function morrisSpec(input: MorrisChartInput): TopLevelSpec {
  const t = input.t ?? en;
  const outcomes = [...new Set(input.rows.map((r) => r.outcome))];
  const panels = outcomes.map((outcome) => {
    // In percentage points for shares and probabilities, as the summary and the table print mu*.
    const pp = isProbability(outcome);
    const d = morrisPanelData(
      input.rows.filter((r) => r.outcome === outcome),
      pp ? 100 : 1,
    );
    const digits = axisDigits(d.max);
    // Few ticks, formatted: ten unformatted ticks ran together ("0.0000.0050.0100.015", review).
    const axis = (title: string) => ({ title, axis: { labelFlush: false, tickCount: 5, format: `,.${digits}~f`, labelOverlap: true } });
    const x = { type: 'quantitative' as const, scale: { domain: [0, d.max], nice: false }, ...axis(t.morrisAxis('mu*', pp)) };
    const y = { type: 'quantitative' as const, scale: { domain: [0, d.max], nice: false }, ...axis(t.morrisAxis('sigma', pp)) };
    const textLayer = (align: 'left' | 'right' | 'center'): Unit => ({
      data: { values: d.text.filter((t) => t['align'] === align) },
      mark: { type: 'text', align, baseline: 'middle', fontSize: LABEL_FONT_SIZE, color: '#222222' },
      encoding: { x: { ...x, field: 'lx' }, y: { ...y, field: 'ly' }, text: { field: 'parameter' } },
    });
    const unit = pp ? ` ${t.ppUnit}` : '';
    const floorText =
      d.floor === null
        ? null
        : plain(d.floor.low, digits) === plain(d.floor.high, digits)
          ? `${plain(d.floor.low, digits)}${unit}`
          : `${plain(d.floor.low, digits)}–${plain(d.floor.high, digits)}${unit}`;
    const floorValues = d.points.filter((p) => p['floor'] !== null);
    const subtitle = [floorText === null ? '' : localNumber(t, t.morrisFloor(floorText)), d.unlabelled > 0 ? t.morrisUnlabelled(d.unlabelledNames.join(', ')) : ''].filter((x) => x !== '');
    return {
      width: SIZE,
      height: SIZE,
      title: { text: outcomeName(outcome, t, input.services), fontSize: 12, subtitle: subtitle.length === 0 ? '' : subtitle },
      layer: [
        {
          data: { values: [{ a: 0 }, { a: d.max }] },
          mark: { type: 'line', color: '#999999', strokeDash: [4, 3] },
          encoding: { x: { ...x, field: 'a' }, y: { ...y, field: 'a' } },
        },
        ...(floorValues.length === 0
          ? []
          : [{ data: { values: floorValues }, mark: { type: 'rule', color: '#222222', strokeDash: [2, 1.5], strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'floor' }, y: { ...y, field: 'f0' }, y2: { field: 'f1' } } } as Unit]),
        { data: { values: d.points }, mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' }, y: { ...y, field: 'sd' } } },
        { data: { values: d.points }, mark: { type: 'point', filled: true, size: 50, color: OKABE_ITO.blue }, encoding: { x: { ...x, field: 'mu_star' }, y: { ...y, field: 'sd' } } },
        textLayer('left'),
        textLayer('right'),
        textLayer('center'),
      ],
    };
  });
  return topLevel(
    t.morrisTitle,
    [t.morrisSub, t.morrisSubFloor],
    { hconcat: panels, spacing: 30 } as never,
    t,
  );
}
