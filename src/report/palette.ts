/**
 * Colours and the shared chart configuration.
 *
 * Colours are the Okabe-Ito palette (Okabe and Ito 2008), distinguishable
 * under the common colour-vision deficiencies; yellow is kept last because it
 * is faint on white. Every categorical scale has a fixed domain, so a
 * category keeps its colour across charts and runs.
 */
import type { Config } from 'vega-lite';
import { CATEGORIES, CAUSES, LOOPS, OUTCOMES, STAGES, type Category, type Cause, type Loop, type Outcome, type Stage } from './rows.js';

/** The one font of every chart (shipped by the dejavu-fonts-ttf package). */
export const FONT = 'DejaVu Sans';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

/** Series colours (innovations, variants) in order of appearance. */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.grey,
  OKABE_ITO.yellow,
];

/**
 * Arm colours of a comparison: the first three avoid the timeline's own
 * colours (vermillion budget shocks, reddish-purple pilot ends, black
 * leadership changes) and orange, which is close to vermillion, so that an
 * event drawn in its kind's colour is not read as an event of one arm.
 */
export const ARM_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.skyBlue,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.grey,
  OKABE_ITO.yellow,
];

/** Colours for `n` series, cycling when there are more series than colours. */
export function seriesColors(n: number): string[] {
  return Array.from({ length: n }, (_, i) => SERIES_COLORS[i % SERIES_COLORS.length] as string);
}

/**
 * The services' colours: the series colours without black and grey, the
 * colours of the timeline's leadership and regulation rules (a black CCTV
 * line read as a leadership change, a grey SPBE line as a regulation), in
 * their places Paul Tol's wine and olive (muted scheme, also told apart
 * under the common colour-vision deficiencies).
 */
export const SERVICE_COLORS: readonly string[] = SERIES_COLORS.map((c) => (c === OKABE_ITO.black ? '#882255' : c === OKABE_ITO.grey ? '#999933' : c));

/**
 * One colour per service across every chart of a report: a service's colour
 * is given by its place in the scenario's service order (`all`), not by its
 * place in one chart's legend, so a chart that lists the services in another
 * order (or shows only some) still paints each with the same colour.
 * `shown` is the chart's domain (its legend order); unknown ids go after `all`.
 */
export function serviceScale(shown: readonly string[], all: readonly string[]): { domain: string[]; range: string[] } {
  const order = [...all, ...shown.filter((id) => !all.includes(id))];
  return { domain: [...shown], range: shown.map((id) => SERVICE_COLORS[order.indexOf(id) % SERVICE_COLORS.length] as string) };
}

/** Rogers categories: early (warm) to late (cool). */
export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  innovator: OKABE_ITO.vermillion,
  early_adopter: OKABE_ITO.orange,
  early_majority: OKABE_ITO.bluishGreen,
  late_majority: OKABE_ITO.skyBlue,
  laggard: OKABE_ITO.blue,
};

export const OUTCOME_COLORS: Readonly<Record<Outcome, string>> = {
  sustained: OKABE_ITO.bluishGreen,
  declining: OKABE_ITO.orange,
  discontinued: OKABE_ITO.vermillion,
  never_adopted: OKABE_ITO.grey,
};

export const CAUSE_COLORS: Readonly<Record<Cause, string>> = {
  defunded: OKABE_ITO.vermillion,
  vendor_exit: OKABE_ITO.orange,
  disenchantment: OKABE_ITO.reddishPurple,
  hazard: OKABE_ITO.grey,
  leadership: OKABE_ITO.black,
  replacement: OKABE_ITO.skyBlue,
};

export const LOOP_COLORS: Readonly<Record<Loop, string>> = {
  single: OKABE_ITO.skyBlue,
  double: OKABE_ITO.orange,
  triple: OKABE_ITO.reddishPurple,
};

export const STAGE_COLORS: Readonly<Record<Stage, string>> = {
  restructuring: OKABE_ITO.orange,
  clarifying: OKABE_ITO.skyBlue,
  routinized: OKABE_ITO.blue,
};

/** A fixed-domain colour scale for a closed vocabulary. */
export function fixedScale<K extends string>(order: readonly K[], colors: Readonly<Record<K, string>>): { domain: K[]; range: string[] } {
  return { domain: [...order], range: order.map((k) => colors[k]) };
}

export const CATEGORY_SCALE = fixedScale(CATEGORIES, CATEGORY_COLORS);
export const OUTCOME_SCALE = fixedScale(OUTCOMES, OUTCOME_COLORS);
export const CAUSE_SCALE = fixedScale(CAUSES, CAUSE_COLORS);
export const LOOP_SCALE = fixedScale(LOOPS, LOOP_COLORS);
export const STAGE_SCALE = fixedScale(STAGES, STAGE_COLORS);

/** Shared look: one font, readable sizes, white background, light grid. */
export function baseConfig(): Config {
  return {
    font: FONT,
    background: 'white',
    // No generated ARIA descriptions of marks: they format dates in local time (the SVG would then
    // depend on the machine's time zone) and triple the file size. Figures carry titles instead.
    aria: false,
    padding: 8,
    view: { stroke: '#cccccc' },
    title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 11, subtitleColor: '#444444', offset: 10 },
    axis: {
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      labelColor: '#222222',
      titleColor: '#222222',
      gridColor: '#e6e6e6',
      domainColor: '#888888',
      tickColor: '#888888',
      labelOverlap: 'greedy',
    },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', symbolSize: 120, labelLimit: 260, orient: 'right' },
    header: { labelFontSize: 12, titleFontSize: 12, labelFontWeight: 'bold' },
    concat: { spacing: 12 },
    // No padding on continuous scales with bars and rules: stacked time panels must share exact pixels.
    scale: { continuousPadding: 0 },
  };
}
