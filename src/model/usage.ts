/**
 * Phase 5, usage and performance (MODEL.md 7.5). Usage moves toward the
 * service's attainable level A plus the agency's extra effort at rate kappa.
 */
import { clamp01 } from './implementation.js';
import { LINE, isLive, type World } from './world.js';

/** Agencies with at least one live integrated instance, over all agencies. */
export function integratedShare(w: World): number {
  const { n, k } = w;
  if (n === 0) return 0;
  let count = 0;
  for (let o = 0; o < n; o++) {
    for (let j = 0; j < k; j++) {
      const i = o * k + j;
      if (w.integrated[i] && isLive(w.state[i]!)) {
        count++;
        break;
      }
    }
  }
  return count / n;
}

export function usage(w: World): void {
  const p = w.model.params;
  const { n, k } = w;
  const size = n * k;
  const integration = 1 + p.i_gain * integratedShare(w);
  const kappa = p.kappa;
  const unfunded = p.unfunded_usage;
  const target = p.u_target;
  const fail = p.u_fail;
  for (let i = 0; i < size; i++) {
    if (!isLive(w.state[i]!)) continue;
    const inn = w.model.innovations[i % k]!;
    let attainable = (inn.ra + w.compatibility[i]! + (1 - w.complexity[i]!) + inn.ob) / 4;
    if (w.integrated[i]) attainable *= integration;
    if (w.line[i] === LINE.none) attainable *= unfunded;
    const u = clamp01(w.usage[i]! + kappa * (attainable + w.effort[i]! - w.usage[i]!));
    w.usage[i] = u;
    w.gapMonths[i] = u < target ? w.gapMonths[i]! + 1 : 0;
    w.failMonths[i] = u < fail ? w.failMonths[i]! + 1 : 0;
  }
}
