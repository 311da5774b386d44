/**
 * Seeded, keyed random numbers (MODEL.md section 9).
 *
 * Every draw in a replication is a pure function of
 * (replication seed, process, month, OPD key, innovation key, draw index):
 * a counter-based generator, like Random123's Philox but built from the
 * MurmurHash3 mixing steps. Nothing is consumed from a shared sequence, so
 *  - a change in one process or one innovation does not shift the draws of
 *    another (common random numbers across compared arms),
 *  - results cannot depend on worker count, shard count or agent order.
 * The replication seed itself comes from seedrandom, seeded with the master
 * seed and the replication index.
 *
 * No code in difusi draws from JavaScript's global, unseeded generator
 * (tests/engine/no-math-random.test.ts checks the sources and a run).
 */
import seedrandom from 'seedrandom';

/** 2^-53: turns a 53-bit integer into a double in [0, 1). */
const TWO_POW_MINUS_53 = 1 / 9007199254740992;
const TWO_POW_21 = 2097152;
/** 2^-32: the width of the interval of uniforms that share one high word. */
const TWO_POW_MINUS_32 = 1 / 4294967296;

function round(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

function finalize(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit key for a string id (used so draws follow ids, not positions). */
export function keyOf(id: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < id.length; i++) h = round(h, id.charCodeAt(i));
  return finalize(h ^ id.length);
}

/** The two 32-bit words of replication `r`'s seed under a master seed. */
export function replicationSeed(masterSeed: number, replication: number): [number, number] {
  const rng = seedrandom(`difusi:${masterSeed}:${replication}`);
  return [rng.int32() | 0, rng.int32() | 0];
}

/** The hashed (seed, process, month) part of a draw's key, for both words. */
export interface StreamPrefix {
  readonly a: number;
  readonly b: number;
}

/**
 * The random source of one replication. `uniform` and `normal` take the key
 * of the draw; a process that needs several draws for one key passes a draw
 * index `k`.
 */
export class Streams {
  private readonly s0: number;
  private readonly s1: number;

  constructor(seed: readonly [number, number]) {
    this.s0 = seed[0] | 0;
    this.s1 = seed[1] | 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(process: number, month: number, opd: number, innovation: number, k = 0): number {
    const a = this.hash(this.s0, process, month, opd, innovation, k);
    const b = this.hash(this.s1 ^ 0x5bd1e995, process, month, opd, innovation, k);
    return (a * TWO_POW_21 + (b >>> 11)) * TWO_POW_MINUS_53;
  }

  /**
   * The same draws as `uniform`, for a loop over many keys of one (process,
   * month): `prefix` hashes the shared part once, `uniformAfter` finishes a
   * draw from it. `uniformAfter(prefix(p, m), o, i, k) === uniform(p, m, o, i, k)`.
   */
  prefix(process: number, month: number): StreamPrefix {
    return {
      a: round(round(this.s0, process), month),
      b: round(round(this.s1 ^ 0x5bd1e995, process), month),
    };
  }

  uniformAfter(prefix: StreamPrefix, opd: number, innovation: number, k = 0): number {
    const a = finalize(round(round(round(prefix.a, opd), innovation), k) ^ 20);
    const b = finalize(round(round(round(prefix.b, opd), innovation), k) ^ 20);
    return (a * TWO_POW_21 + (b >>> 11)) * TWO_POW_MINUS_53;
  }

  /**
   * `uniformAfter(prefix, opd, innovation, k) < p`, the same answer, hashing
   * the second word only when the first leaves it open. The uniform is
   * (a * 2^21 + (b >>> 11)) * 2^-53 with a the first 32-bit word, so it lies
   * in [a * 2^-32, (a + 1) * 2^-32): when p is outside that interval the first
   * word decides, which it does except with probability 2^-32. Both bounds are
   * exact doubles, so the answer is exactly that of the full draw.
   *
   * The full draw, needed once in 2^32, is left to `uniformAfter` (it hashes
   * the first word again: the same number). Kept out of this method, its
   * hashing does not count against the budget with which the optimizer
   * inlines this method into the model's hot loops: a call that is not
   * inlined passes its arguments as heap objects, so the keys above 2^30
   * and the probability would be allocated afresh for every draw
   * (docs/performance-history.md, ninth session).
   */
  belowAfter(prefix: StreamPrefix, opd: number, innovation: number, p: number, k = 0): boolean {
    const lo = finalize(round(round(round(prefix.a, opd), innovation), k) ^ 20) * TWO_POW_MINUS_32;
    if (p <= lo) return false;
    if (p >= lo + TWO_POW_MINUS_32) return true;
    return this.uniformAfter(prefix, opd, innovation, k) < p;
  }

  /** `uniform(process, month, opd, innovation, k) < p`, by `belowAfter`. */
  below(process: number, month: number, opd: number, innovation: number, p: number, k = 0): boolean {
    const lo = this.hash(this.s0, process, month, opd, innovation, k) * TWO_POW_MINUS_32;
    if (p <= lo) return false;
    if (p >= lo + TWO_POW_MINUS_32) return true;
    return this.uniform(process, month, opd, innovation, k) < p;
  }

  /** Standard normal by Box-Muller from draws k and k+1 of the same key. */
  normal(process: number, month: number, opd: number, innovation: number, k = 0): number {
    const u1 = 1 - this.uniform(process, month, opd, innovation, 2 * k); // in (0, 1]
    const u2 = this.uniform(process, month, opd, innovation, 2 * k + 1);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private hash(seed: number, process: number, month: number, opd: number, innovation: number, k: number): number {
    let h = round(seed, process);
    h = round(h, month);
    h = round(h, opd);
    h = round(h, innovation);
    h = round(h, k);
    return finalize(h ^ 20);
  }
}

/** Monthly probability from an annual rate (MODEL.md section 2). */
export function monthlyProbability(annualRate: number): number {
  return 1 - Math.exp(-annualRate / 12);
}

/**
 * `monthlyProbability(rate)` kept for the last rate asked: the same number
 * (the same expression of the same rate), computed again only when the rate
 * differs. For a parameter read every month (one per call site, so that two
 * rates do not evict each other): an exponential is a call into C, asked
 * hundreds of times a replication for one value. A NaN rate never equals
 * itself, so it is computed each time (NaN, as without the memo).
 */
export class MonthlyProbabilityMemo {
  private rate = NaN;
  private probability = NaN;

  of(annualRate: number): number {
    if (annualRate !== this.rate) {
      this.rate = annualRate;
      this.probability = monthlyProbability(annualRate);
    }
    return this.probability;
  }
}
