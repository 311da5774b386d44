/**
 * The checks `bassCurve` makes of what a caller gives it (docs/API.md, "Pure
 * Bass on a graph of your own"). A graph built by hand can be wrong in ways
 * the kernel would not notice: a neighbour index past the last node reads
 * outside the rows, and an edge listed one way only makes the kernel (which
 * passes an adoption along the adopter's own row) and a loop that counts
 * each agency's row disagree. Each is refused with a RangeError or a
 * TypeError naming the argument, instead of a curve that looks plausible.
 */
import type { Streams } from '../engine/random.js';
import type { Network } from './network.js';

/** Networks already checked (a graph is usually given many times, once per replication): their arrays are not read again. */
const checked = new WeakSet<Network>();

function refuse(kind: 'range' | 'type', message: string): never {
  throw kind === 'range' ? new RangeError(`bassCurve: ${message}`) : new TypeError(`bassCurve: ${message}`);
}

function isIndexArray(a: unknown): a is ArrayLike<number> {
  return ArrayBuffer.isView(a) || Array.isArray(a);
}

/** A value as it reads in a message: a string in quotes (`"0"` is not the number 0). */
function shown(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function checkBassInputs(network: Network, options: { readonly p: number; readonly q: number; readonly months: number; readonly streams: Streams }): void {
  const { p, q, months, streams } = options;
  if (!(typeof p === 'number' && p >= 0 && p <= 1)) refuse(typeof p === 'number' ? 'range' : 'type', `p = ${shown(p)} is not a probability (a monthly p from 0 to 1)`);
  if (!(typeof q === 'number' && q >= 0 && Number.isFinite(q))) refuse(typeof q === 'number' ? 'range' : 'type', `q = ${shown(q)} is not a monthly imitation rate (0 or more; q f above 1 counts as 1)`);
  if (!(Number.isInteger(months) && months >= 0)) refuse(typeof months === 'number' ? 'range' : 'type', `months = ${shown(months)} is not a whole number of months (0 or more)`);
  if (typeof (streams as { uniform?: unknown } | null)?.uniform !== 'function') refuse('type', 'streams is not a Streams (new Streams(replicationSeed(seed, r)))');
  if (checked.has(network)) return;
  checkNetwork(network);
  checked.add(network);
}

function checkNetwork(network: Network): void {
  if (network === null || typeof network !== 'object') refuse('type', 'network is not a network ({ n, offsets, neighbors, complete })');
  const { n, offsets, neighbors, complete } = network;
  if (!(Number.isInteger(n) && n >= 0)) refuse(typeof n === 'number' ? 'range' : 'type', `network.n = ${shown(n)} is not a number of agencies`);
  if (typeof complete !== 'boolean') refuse('type', 'network.complete is not true or false');
  if (!isIndexArray(offsets)) refuse('type', 'network.offsets is not an array of row starts');
  if (offsets.length !== n + 1) refuse('range', `network.offsets must hold n + 1 = ${n + 1} numbers (it holds ${offsets.length})`);
  if (!isIndexArray(neighbors)) refuse('type', 'network.neighbors is not an array of node indices');
  if (complete) {
    // The complete graph needs no rows: a graph given both ways would be read as complete, whatever its rows say.
    if (neighbors.length !== 0) refuse('range', 'network.complete is true but network.neighbors is not empty (the complete graph takes no rows)');
    return;
  }
  for (let i = 0; i <= n; i++) {
    if (!Number.isInteger(offsets[i])) refuse('type', `network.offsets[${i}] = ${shown(offsets[i])} is not a whole number`);
  }
  if (offsets[0] !== 0) refuse('range', `network.offsets[0] = ${shown(offsets[0])}, not 0`);
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1]! < offsets[i]!) refuse('range', `network.offsets[${i + 1}] = ${offsets[i + 1]!} is below network.offsets[${i}] = ${offsets[i]!}`);
  }
  if (offsets[n] !== neighbors.length) refuse('range', `network.offsets[n] = ${shown(offsets[n])} but network.neighbors holds ${neighbors.length}`);
  for (let e = 0; e < neighbors.length; e++) {
    const v = neighbors[e]!;
    if (!Number.isInteger(v)) refuse('type', `network.neighbors[${e}] = ${shown(v)} is not a whole number (a node index)`);
    if (v < 0 || v >= n) refuse('range', `network.neighbors[${e}] = ${v} is not a node (0 to n - 1 = ${n - 1})`);
  }
  // Each edge listed both ways, as often one way as the other: every row, as a multiset, equals that node's row in
  // the transpose (built by counting), compared row by row after sorting copies of both.
  const transposed = new Int32Array(neighbors.length);
  const fill = new Int32Array(n + 1);
  for (let e = 0; e < neighbors.length; e++) fill[neighbors[e]! + 1]!++;
  for (let i = 0; i < n; i++) fill[i + 1]! += fill[i]!;
  const start = fill.slice();
  for (let i = 0; i < n; i++) for (let e = offsets[i]!; e < offsets[i + 1]!; e++) transposed[fill[neighbors[e]!]!++] = i;
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (start[i + 1]! - start[i]! !== to - from) refuse('range', `node ${i} lists ${to - from} neighbours but is listed by ${start[i + 1]! - start[i]!}: network.neighbors must hold each edge both ways`);
    const own = Int32Array.from({ length: to - from }, (_, x) => neighbors[from + x]!).sort();
    const back = transposed.subarray(start[i]!, start[i + 1]!).sort();
    for (let x = 0; x < own.length; x++) {
      // The first difference in sorted order: the smaller of the two is listed more often one way than the other.
      if (own[x]! < back[x]!) refuse('range', `node ${i} lists node ${own[x]!}, which does not list it back as often: network.neighbors must hold each edge both ways`);
      if (own[x]! > back[x]!) refuse('range', `node ${back[x]!} lists node ${i}, which does not list it back as often: network.neighbors must hold each edge both ways`);
    }
  }
}
