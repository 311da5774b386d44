/** Shared fixtures of the report tests: the result folders under tests/fixtures/results/. */
import { fileURLToPath } from 'node:url';
import { readResults } from '../../src/store/results-read.js';
import type { ResultSet, SummaryRow } from '../../src/report/rows.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/results/', import.meta.url));
export const RUN_DIR = `${FIXTURES}bekasi-mini`;
export const COMPARE_DIR = `${FIXTURES}bekasi-mini-compare`;
export const SWEEP_DIR = `${FIXTURES}bekasi-mini-sweep`;
export const SENSITIVITY_DIR = `${FIXTURES}bekasi-mini-sensitivity`;

const cache = new Map<string, Promise<ResultSet>>();

/** A fixture folder's rows (read once per test file). */
export function fixture(dir: string): Promise<ResultSet> {
  let p = cache.get(dir);
  if (!p) {
    p = readResults(dir);
    cache.set(dir, p);
  }
  return p;
}

type Node = Record<string, unknown>;

/** Every unit spec (object with `mark`) in a spec tree, with its inherited data values. */
export function units(spec: unknown, inherited: unknown[] | null = null): { mark: string; unit: Node; values: Node[] }[] {
  const out: { mark: string; unit: Node; values: Node[] }[] = [];
  const walk = (node: unknown, data: unknown[] | null): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, data);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Node;
    const own = (o['data'] as { values?: unknown[] } | undefined)?.values ?? null;
    const d = own ?? data;
    if ('mark' in o) {
      const m = o['mark'];
      const mark = typeof m === 'string' ? m : ((m as Node)['type'] as string);
      out.push({ mark, unit: o, values: (d ?? []) as Node[] });
    }
    for (const k of ['layer', 'vconcat', 'hconcat', 'concat', 'spec']) if (k in o) walk(o[k], d);
  };
  walk(spec, inherited);
  return out;
}

/** How deep parentheses nest in a text (1: none inside another). */
export function maxDepth(text: string): number {
  let depth = 0;
  let most = 0;
  for (const c of text) {
    if (c === '(') most = Math.max(most, ++depth);
    else if (c === ')') depth--;
  }
  return most;
}

/** A run's summary with its exits (`discontinued_*` rows) replaced by `exits`: [month, metric, mean] each, as a survival chart test wants them. */
export function withExits(summary: readonly SummaryRow[], exits: readonly (readonly [number, string, number])[]): SummaryRow[] {
  const kept = summary.filter((r) => !r.metric.startsWith('discontinued_'));
  const model = summary.find((r) => r.metric.startsWith('discontinued_'))!;
  return [...kept, ...exits.map(([month, metric, mean]) => ({ ...model, month, metric, mean }))];
}
