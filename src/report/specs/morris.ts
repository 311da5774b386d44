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
import { factorName } from '../format.js';

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

/** Points and placed labels of one outcome's panel (px are computed on the fixed domains). */
export function morrisPanelData(rows: readonly MorrisRow[]) {
  const sorted = [...rows].sort((a, b) => b.mu_star - a.mu_star || (a.parameter < b.parameter ? -1 : 1));
  const max = Math.max(1e-12, ...sorted.map((r) => Math.max(r.mu_star + (r.mu_star_conf ?? 0), r.sigma))) * 1.08;
  const px = (v: number): number => (v / max) * SIZE;
  const py = (v: number): number => SIZE - (v / max) * SIZE;
  // Labels without the common `parameters.` prefix of scenario paths: shorter, so more of them fit.
  const short = factorName;
  // Each point's interval line is an obstacle: a label on it read as part of the line (review: "champion_rotation").
  const intervals = sorted.map((r) => [px(Math.max(0, r.mu_star - (r.mu_star_conf ?? 0))), py(r.sigma) - 2, px(r.mu_star + (r.mu_star_conf ?? 0)), py(r.sigma) + 2] as const);
  const labels = placePointLabels(sorted.map((r) => ({ x: px(r.mu_star), y: py(r.sigma), text: short(r.parameter) })), SIZE, SIZE, LABEL_FONT_SIZE, intervals);
  const points: Datum[] = sorted.map((r) => ({
    parameter: r.parameter,
    mu_star: round(r.mu_star),
    sigma: round(r.sigma),
    lo: round(Math.max(0, r.mu_star - (r.mu_star_conf ?? 0))),
    hi: round(r.mu_star + (r.mu_star_conf ?? 0)),
  }));
  const labelled = new Set(labels.map((l) => l.index));
  const text: Datum[] = labels.map((l) => {
    const r = sorted[l.index] as MorrisRow;
    return { parameter: short(r.parameter), align: l.align, lx: round(r.mu_star + (l.dx / SIZE) * max), ly: round(r.sigma - (l.dy / SIZE) * max) };
  });
  return { max, points, text, unlabelled: sorted.length - labels.length, unlabelledNames: sorted.filter((_, i) => !labelled.has(i)).map((r) => short(r.parameter)) };
}

export function morrisSpec(input: MorrisChartInput): TopLevelSpec {
  const t = input.t ?? en;
  const outcomes = [...new Set(input.rows.map((r) => r.outcome))];
  const panels = outcomes.map((outcome) => {
    const d = morrisPanelData(input.rows.filter((r) => r.outcome === outcome));
    const x = { type: 'quantitative' as const, scale: { domain: [0, d.max], nice: false }, title: 'mu*', axis: { labelFlush: false } };
    const y = { type: 'quantitative' as const, scale: { domain: [0, d.max], nice: false }, title: 'sigma' };
    const textLayer = (align: 'left' | 'right' | 'center'): Unit => ({
      data: { values: d.text.filter((t) => t['align'] === align) },
      mark: { type: 'text', align, baseline: 'middle', fontSize: LABEL_FONT_SIZE, color: '#222222' },
      encoding: { x: { ...x, field: 'lx' }, y: { ...y, field: 'ly' }, text: { field: 'parameter' } },
    });
    return {
      width: SIZE,
      height: SIZE,
      title: { text: outcomeName(outcome, t, input.services), fontSize: 12, subtitle: d.unlabelled > 0 ? t.morrisUnlabelled(d.unlabelledNames.join(', ')) : '' },
      layer: [
        {
          data: { values: [{ a: 0 }, { a: d.max }] },
          mark: { type: 'line', color: '#999999', strokeDash: [4, 3] },
          encoding: { x: { ...x, field: 'a' }, y: { ...y, field: 'a' } },
        },
        { data: { values: d.points }, mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' }, y: { ...y, field: 'sigma' } } },
        { data: { values: d.points }, mark: { type: 'point', filled: true, size: 50, color: OKABE_ITO.blue }, encoding: { x: { ...x, field: 'mu_star' }, y: { ...y, field: 'sigma' } } },
        textLayer('left'),
        textLayer('right'),
        textLayer('center'),
      ],
    };
  });
  return topLevel(
    t.morrisTitle,
    [t.morrisSub],
    { hconcat: panels, spacing: 30 } as never,
    t,
  );
}
