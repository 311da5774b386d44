/// <reference lib="dom" />
/**
 * "Look inside one run": the agency network of one replication, each agency
 * coloured by its state for one service in one month, rebuilt from that
 * replication's event log (adoption -> live, routinized, discontinuance).
 * Drawn as plain SVG (a network is not a vega-lite chart): the coordinator
 * in the centre, the other agencies on a circle grouped by type.
 */
import { OKABE_ITO } from '../report/palette.js';
import type { EventRow } from '../report/rows.js';
import type { NetworkView } from './engine.js';

export const NODE_STATES = ['not_eligible', 'not_adopted', 'live', 'routinized', 'discontinued'] as const;
export type NodeState = (typeof NODE_STATES)[number];

export const STATE_COLORS: Record<NodeState, string> = {
  not_eligible: '#ffffff',
  not_adopted: '#d9d9d9',
  live: OKABE_ITO.skyBlue,
  routinized: OKABE_ITO.blue,
  discontinued: OKABE_ITO.vermillion,
};

/**
 * The focused agency's ring (WCAG 1.4.11: a focus indicator stands out 3:1
 * from the colours next to it), drawn outside the node: a white gap, then a
 * black ring. The black stands out at least 4.0:1 from every fill above (the
 * routinized blue is the darkest) and 21:1 from the white page and the gap;
 * the gap parts it from the node's own dark outline. The page's dark orange
 * focus ring, drawn on the node, was 1.07:1 against the routinized blue.
 */
export const FOCUS_RING = { gap: '#ffffff', gapWidth: 2, ring: '#000000', ringWidth: 3 } as const;

/** Each agency's state for `innovation` at the end of `month`, from the run's events. */
export function statesAt(net: NetworkView, events: readonly EventRow[], innovationIndex: number, innovation: string, month: number): NodeState[] {
  const index = new Map(net.opds.map((o, i) => [o.id, i]));
  const states: NodeState[] = net.opds.map((o) => (o.eligible[innovationIndex] ? 'not_adopted' : 'not_eligible'));
  for (const e of events) {
    if (e.month > month || e.innovation !== innovation || e.opd === null) continue;
    const i = index.get(e.opd);
    if (i === undefined) continue;
    if (e.kind === 'adoption') states[i] = 'live';
    else if (e.kind === 'routinized') states[i] = 'routinized';
    else if (e.kind === 'discontinuance') states[i] = 'discontinued';
  }
  return states;
}

const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 440;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Node positions: the coordinator in the centre, the rest on a circle ordered by type. */
export function layout(net: NetworkView): { x: number; y: number }[] {
  const pos = net.opds.map(() => ({ x: W / 2, y: H / 2 }));
  const ring = net.opds.map((o, i) => ({ o, i })).filter(({ o }) => !o.coordinator);
  ring.sort((a, b) => (a.o.type < b.o.type ? -1 : a.o.type > b.o.type ? 1 : a.i - b.i));
  const r = Math.min(W, H) / 2 - 40;
  ring.forEach(({ i }, k) => {
    const angle = (2 * Math.PI * k) / ring.length - Math.PI / 2;
    pos[i] = { x: W / 2 + r * Math.cos(angle), y: H / 2 + r * Math.sin(angle) };
  });
  return pos;
}

/** An agency's name, type and state in words (a node's accessible name, and the line shown when it is picked). */
export function agencyText(
  net: NetworkView,
  i: number,
  state: NodeState,
  label: (state: NodeState) => string,
  coordinatorLabel: string,
  typeLabel: (type: string) => string = (type) => type,
): string {
  const o = net.opds[i]!;
  return `${o.name || o.id} (${o.coordinator ? coordinatorLabel : typeLabel(o.type)}): ${label(state)}`;
}

/** An agency type as the page's language names it: dinas, badan and kecamatan are Indonesian words in both. */
export function agencyTypeLabel(lang: 'en' | 'id', type: string): string {
  if (lang !== 'id') return type;
  return type === 'secretariat' ? 'sekretariat' : type === 'other' ? 'lainnya' : type;
}

/**
 * The network as an SVG element; `label(state)` names states in the page's
 * language. Each agency is a focusable node named by agencyText (one tab
 * stop: `focused` has tabindex 0, the arrow keys move between nodes).
 */
export function networkSvg(
  net: NetworkView,
  states: readonly NodeState[],
  label: (state: NodeState) => string,
  coordinatorLabel: string,
  title: string,
  focused = 0,
  typeLabel: (type: string) => string = (type) => type,
): SVGSVGElement {
  // A group, not an image: its agencies are reachable inside it.
  const svg = el('svg', { viewBox: `0 0 ${W} ${H + 30}`, role: 'group', width: '100%' });
  const counts = NODE_STATES.map((s) => `${states.filter((x) => x === s).length} ${label(s)}`).join(', ');
  svg.setAttribute('aria-label', `${title}: ${counts}`);
  const pos = layout(net);
  const edges = el('g', { stroke: '#bbbbbb', 'stroke-width': 0.7 });
  for (const [i, j] of net.edges) edges.append(el('line', { x1: pos[i]!.x, y1: pos[i]!.y, x2: pos[j]!.x, y2: pos[j]!.y }));
  svg.append(edges);
  const radius = (i: number) => (net.opds[i]!.coordinator ? 13 : 8);
  const outline = (i: number) => (net.opds[i]!.coordinator ? 2 : 1);
  net.opds.forEach((o, i) => {
    const state = states[i]!;
    const c = el('circle', { cx: pos[i]!.x, cy: pos[i]!.y, r: radius(i), fill: STATE_COLORS[state], stroke: '#333333', 'stroke-width': outline(i) });
    c.setAttribute('data-state', state);
    c.setAttribute('data-opd', o.id);
    c.setAttribute('data-index', String(i));
    const text = agencyText(net, i, state, label, coordinatorLabel, typeLabel);
    c.setAttribute('role', 'button');
    c.setAttribute('aria-label', text);
    c.setAttribute('tabindex', i === focused ? '0' : '-1');
    const t = el('title', {});
    t.textContent = text;
    c.append(t);
    svg.append(c);
    if (o.coordinator) {
      const text = el('text', { x: pos[i]!.x, y: pos[i]!.y + 28, 'text-anchor': 'middle', 'font-size': 11 });
      text.textContent = o.id;
      svg.append(text);
    }
  });
  // The focused agency's ring, over the nodes and lines; shown while that agency has the keyboard focus (style.css).
  if (focused >= 0 && focused < net.opds.length) {
    const edge = radius(focused) + outline(focused) / 2;
    const { gap, gapWidth, ring, ringWidth } = FOCUS_RING;
    const at = { cx: pos[focused]!.x, cy: pos[focused]!.y, fill: 'none' };
    const g = el('g', { class: 'focus-ring', 'aria-hidden': 'true', 'pointer-events': 'none' });
    g.append(el('circle', { ...at, r: edge + gapWidth / 2, stroke: gap, 'stroke-width': gapWidth }), el('circle', { ...at, r: edge + gapWidth + ringWidth / 2, stroke: ring, 'stroke-width': ringWidth }));
    svg.append(g);
  }
  // Legend.
  let x = 10;
  for (const s of NODE_STATES) {
    svg.append(el('circle', { cx: x + 6, cy: H + 14, r: 6, fill: STATE_COLORS[s], stroke: '#333333' }));
    const text = el('text', { x: x + 16, y: H + 18, 'font-size': 12 });
    text.textContent = label(s);
    svg.append(text);
    x += 24 + 7 * label(s).length;
  }
  return svg;
}
