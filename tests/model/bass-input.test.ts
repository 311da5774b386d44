/**
 * bassCurve refuses inputs the kernel would turn into a plausible-looking
 * curve (docs/API.md, "Pure Bass on a graph of your own"): a neighbour past
 * the last node, an edge listed one way, offsets that do not frame the rows,
 * p, q or months out of range. A graph of a repeated edge (listed as often
 * both ways), unsorted rows and a self-loop are accepted: the kernel and a
 * loop that counts each agency's row agree on them.
 */
import { describe, expect, it } from 'vitest';
import { bassCurve, replicationSeed, Streams, type Network } from '../../src/index.js';

const streams = () => new Streams(replicationSeed(1, 0));
const run = (network: Network, over: Partial<{ p: number; q: number; months: number; streams: Streams }> = {}) =>
  bassCurve(network, { p: 0.01, q: 0.3, months: 12, streams: streams(), ...over });
const net = (n: number, offsets: number[], neighbors: number[], complete = false): Network => ({
  n,
  offsets: Int32Array.from(offsets),
  neighbors: Int32Array.from(neighbors),
  complete,
});
/** A path 0 - 1 - 2. */
const path = () => net(3, [0, 1, 3, 4], [1, 0, 2, 1]);

describe('bassCurve checks its inputs', () => {
  it('refuses a neighbour that is not a node', () => {
    expect(() => run(net(2, [0, 1, 2], [5, 0]))).toThrow(/bassCurve: network\.neighbors\[0\] = 5 is not a node \(0 to n - 1 = 1\)/);
    expect(() => run(net(2, [0, 1, 2], [-1, 0]))).toThrow(RangeError);
  });

  it('refuses an edge listed one way only, naming it', () => {
    // 0 lists 1, 1 lists nobody: the kernel would pass 0's adoption to 1, a loop over 1's row would never see it.
    expect(() => run(net(2, [0, 1, 1], [1]))).toThrow(/node 0 lists 1 neighbours but is listed by 0/);
    // Same counts, other partners: 0 -> 1, 1 -> 2, 2 -> 0.
    expect(() => run(net(3, [0, 1, 2, 3], [1, 2, 0]))).toThrow(/node 0 lists node 1, which does not list it back as often|node 2 lists node 0/);
    // A repeated edge listed twice one way, once the other.
    expect(() => run(net(2, [0, 2, 3], [1, 1, 0]))).toThrow(/each edge both ways/);
  });

  it('refuses offsets that do not frame the rows', () => {
    expect(() => run(net(3, [0, 1, 3], [1, 0, 2, 1]))).toThrow(/network\.offsets must hold n \+ 1 = 4 numbers \(it holds 3\)/);
    expect(() => run(net(3, [1, 1, 3, 4], [1, 0, 2, 1]))).toThrow(/network\.offsets\[0\] = 1, not 0/);
    expect(() => run(net(3, [0, 3, 1, 4], [1, 0, 2, 1]))).toThrow(/network\.offsets\[2\] = 1 is below network\.offsets\[1\] = 3/);
    expect(() => run(net(3, [0, 1, 3, 3], [1, 0, 2, 1]))).toThrow(/network\.offsets\[n\] = 3 but network\.neighbors holds 4/);
    expect(() => run(net(3, [0, 0, 0, 0], [1], true))).toThrow(/complete is true but network\.neighbors is not empty/);
  });

  it('says a value of the wrong type as it is (a string in quotes), as a TypeError', () => {
    const withString = { n: 2, offsets: Int32Array.from([0, 1, 2]), neighbors: [1, '0'] as unknown as Int32Array, complete: false };
    expect(() => run(withString)).toThrow(TypeError);
    expect(() => run(withString)).toThrow(/network\.neighbors\[1\] = "0" is not a whole number \(a node index\)/);
    const halfOffset = { n: 2, offsets: [0, 1.5, 2] as unknown as Int32Array, neighbors: Int32Array.from([1, 0]), complete: false };
    expect(() => run(halfOffset)).toThrow(/network\.offsets\[1\] = 1\.5 is not a whole number/);
    const noOffsets = { n: 2, offsets: 'abc' as unknown as Int32Array, neighbors: Int32Array.from([1, 0]), complete: false };
    expect(() => run(noOffsets)).toThrow(TypeError);
    expect(() => run(path(), { p: '0.1' as unknown as number })).toThrow(/p = "0\.1" is not a probability/);
  });

  it('refuses p, q and months out of range, and a missing Streams', () => {
    expect(() => run(path(), { p: Number.NaN })).toThrow(/p = NaN is not a probability/);
    expect(() => run(path(), { p: -0.1 })).toThrow(/p = -0.1 is not a probability/);
    expect(() => run(path(), { p: 1.5 })).toThrow(RangeError);
    expect(() => run(path(), { q: -1 })).toThrow(/q = -1 is not a monthly imitation rate/);
    expect(() => run(path(), { q: Infinity })).toThrow(RangeError);
    expect(() => run(path(), { months: -1 })).toThrow(/months = -1 is not a whole number of months/);
    expect(() => run(path(), { months: 1.5 })).toThrow(RangeError);
    expect(() => run(path(), { streams: {} as Streams })).toThrow(TypeError);
  });

  it('accepts what the kernel and a row-counting loop agree on: unsorted rows, a repeated edge both ways, a self-loop, q f above 1, no months', () => {
    expect(run(net(3, [0, 1, 3, 4], [1, 2, 0, 1])).length).toBe(12); // node 1's row unsorted
    expect(run(net(2, [0, 2, 4], [1, 1, 0, 0])).length).toBe(12); // the edge twice, both ways
    expect(run(net(2, [0, 2, 3], [0, 1, 0])).length).toBe(12); // node 0 lists itself
    expect(run(path(), { q: 2.5 }).length).toBe(12);
    expect(run(path(), { months: 0 }).length).toBe(0);
    expect(run(net(4, [0, 0, 0, 0, 0], [], true)).length).toBe(12);
    expect(run(net(0, [0], [])).length).toBe(12);
  });

  it('gives the same curve whether or not the graph was checked before (the check reads, never changes, the graph)', () => {
    const g = path();
    const first = run(g, { months: 60, p: 0.05 });
    const again = run(g, { months: 60, p: 0.05 });
    expect(Array.from(again)).toEqual(Array.from(first));
  });
});
