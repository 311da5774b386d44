/**
 * share_integrated (7.5) and the usage loop with several services per
 * agency: each instance is read at its own index (mutation-testing survivors
 * of usage.ts: loop bounds and index arithmetic that one-service tests
 * cannot see).
 */
import { describe, expect, it } from 'vitest';
import { integratedShare, usage } from '../../src/model/usage.js';
import { PLAIN, QUIET, STATE, live, opd, tick, world } from '../support/world.js';

const three = ['s0', 's1', 's2'].map((id) => ({ id, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN }));

describe('share_integrated and usage over agencies x services', () => {
  function w3() {
    const w = world({ months: 12, opds: { list: [opd('a0'), opd('a1'), opd('a2'), opd('a3')] }, innovations: three, parameters: { ...QUIET } });
    // a0: nothing live. a1: s0 and s1 integrated and live. a2: s2 live, not integrated. a3: s1 integrated but discontinued.
    live(w, 1 * 3 + 0, { integrated: true, usage: 0.2 });
    live(w, 1 * 3 + 1, { integrated: true, usage: 0.2 });
    live(w, 2 * 3 + 2, { usage: 0.2 });
    live(w, 3 * 3 + 1, { integrated: true });
    w.state[3 * 3 + 1] = STATE.discontinued;
    return w;
  }

  it('counts agencies with a live integrated instance: 1 of 4', () => {
    expect(integratedShare(w3())).toBe(0.25);
  });

  it('updates every live instance, whatever its index, and no other', () => {
    const w = w3();
    tick(w, 2);
    const before = Array.from(w.usage);
    usage(w);
    for (let i = 0; i < 12; i++) {
      const isLive = [3, 4, 8].includes(i);
      if (isLive) expect(w.usage[i], `instance ${i}`).not.toBe(before[i]);
      else expect(w.usage[i], `instance ${i}`).toBe(before[i]);
    }
  });
});
