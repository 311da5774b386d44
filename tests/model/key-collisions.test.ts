/**
 * Two ids whose 32-bit keys collide would share every random draw; the
 * later one in list order is re-keyed with the key of `id#1` (MODEL.md 9:
 * "told apart by re-keying the later one"). opd37019 and opd153968 are such
 * a pair (the first collision among opd1, opd2, ...; checked below).
 */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../src/engine/random.js';
import { model } from './helpers.js';
import { PLAIN } from '../support/world.js';

const A = 'opd37019';
const B = 'opd153968';
const svc = (id: string) => ({ id, owner: 'opd' as const, funding: 'apbd' as const, launch: '2020-01', ...PLAIN });

describe('colliding id keys', () => {
  it('the pair does collide', () => {
    expect(keyOf(A)).toBe(keyOf(B));
    expect(keyOf(`${B}#1`)).not.toBe(keyOf(A));
  });

  it('agencies: the later of two colliding ids gets the key of id#1; the earlier keeps its own', () => {
    const m = model({ opds: { list: [{ id: 'x' }, { id: A }, { id: B }] }, innovations: [svc('s')] });
    expect(m.opds.map((o) => o.key)).toEqual([keyOf('x'), keyOf(A), keyOf(`${B}#1`)]);
    const swapped = model({ opds: { list: [{ id: B }, { id: 'x' }, { id: A }] }, innovations: [svc('s')] });
    expect(swapped.opds.map((o) => o.key)).toEqual([keyOf(B), keyOf('x'), keyOf(`${A}#1`)]);
  });

  it('innovations: the same rule', () => {
    const m = model({ innovations: [svc(A), svc('y'), svc(B)] });
    expect(m.innovations.map((i) => i.key)).toEqual([keyOf(A), keyOf('y'), keyOf(`${B}#1`)]);
  });
});
