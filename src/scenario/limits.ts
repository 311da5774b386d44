/**
 * Limits on what a scenario or experiment file (and the command line) may
 * hold, checked before anything is built from it. Scenario files are data
 * from anyone: a limit turns an input that would exhaust memory or the
 * stack, or reach into JavaScript's object machinery, into one clear line.
 *
 *   MAX_FILE_BYTES      4 MiB: the largest shipped scenario is under 50 kB
 *   MAX_DEPTH           64 levels of nesting (a scenario needs fewer than 10)
 *   MAX_NAME_LENGTH     100 characters for names that become folder names
 *   MAX_REPLICATIONS    100,000 replications per run, arm or design point
 *   MAX_DESIGN_POINTS   1,000,000 points in a sweep's or sensitivity analysis's
 *                       design, 10,000,000 factor values over its points, and
 *                       10,000,000 design runs (points x replications)
 *   MAX_DESCRIPTION_LENGTH  20,000 characters (a variant's note: 2,000)
 *   MAX_LABEL_LENGTH    300 characters for an id, a name or a lever label
 *   RESERVED_SEGMENTS   __proto__, constructor, prototype: never field names
 *   MAX_VALUES          1,000,000 values in a city scenario or experiment, each
 *                       alias counted as a copy of what it names
 *   MAX_ALIAS_COUNT     100 alias expansions (the YAML reader's own limit)
 *   MAX_AGENCIES        1,000,000 agencies in a scenario (a national one: all
 *                       its governments' together)
 *   MAX_NETWORK_LINKS   10,000,000 peer links in one agency network (a
 *                       national one: all its governments' together; a
 *                       complete network stores none)
 *   MAX_PAIR_DRAWS      200,000,000 pair draws of Erdos-Renyi networks (a
 *                       network of n agencies draws n(n-1)/2: 20,000
 *                       agencies at most; a national scenario's together)
 *   MAX_RECORD_CHARS    536,870,888 characters in one replication's record
 *                       of agents and events (V8's longest string)
 */

import { draft, type IssueDraft } from '../messages/catalog.js';

export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_NAME_LENGTH = 100;
export const MAX_REPLICATIONS = 100_000;
/**
 * Most design points a sweep or sensitivity analysis may have, counted from
 * the design before anything is built (grid: the product of the factors'
 * value counts; lhs: points; morris: trajectories x (factors + 1); sobol:
 * samples x (factors + 2)). Every point is built, its scenario checked and
 * hashed before the first run: measured, about 0.25 ms and 200 bytes per
 * point (plus 8 bytes per factor value), so 1,000,000 points take some
 * 4 minutes and 200 MB before anything runs. A file of 10 lines asked for
 * 10^9 points and ran out of memory after 26 s; a grid of 12 factors x 10
 * values (10^12 points) grew past 4 GB. The shipped designs have at most
 * 896 points (bekasi-sensitivity.yaml under --method sobol).
 */
export const MAX_DESIGN_POINTS = 1_000_000;
/**
 * Most factor values a design's points may hold together (points x
 * factors): the design plan keeps one number per factor per point, so a
 * few points of very many factors (sobol with 2 samples of 250,000
 * factors) would need as much memory as a design of 10^11 points. 80 MB of
 * numbers; the shipped designs hold at most 4,480 (896 points x 5 factors).
 */
export const MAX_DESIGN_VALUES = 10_000_000;
/**
 * Most design runs (points x replications, the unit of a sweep's work): the
 * list of the runs to do is built before the first one starts, measured at
 * about 40 bytes per run (400 MB for 10,000,000; 10^8 runs took 3 GB, near
 * Node's heap limit), and the result store keeps a byte per run (a merge
 * 8 bytes more). -r and --set replications multiply the points by another count, so
 * the runs are checked again with the replications the command runs. The
 * shipped designs run at most 17,920 (896 points x 20).
 */
export const MAX_DESIGN_RUNS = 10_000_000;
/**
 * Most bootstrap resamples of a Morris or Sobol' design (`design.bootstrap`).
 * The intervals are computed after every run has finished, each resample
 * holding one value per factor and outcome and re-reading the design's
 * effects: `bootstrap: 1000000000` ran the whole design, then ran out of
 * memory. 100,000 is a hundred times SALib's default (1,000) and 500 times
 * difusi's (200); a percentile interval's ends settle long before.
 */
export const MAX_BOOTSTRAP = 100_000;
/** Longest description of a scenario or experiment (long text belongs in the Info page). */
export const MAX_DESCRIPTION_LENGTH = 20_000;
/** Longest note of a comparison's variant. */
export const MAX_NOTE_LENGTH = 2_000;
/**
 * Longest id, readable name or lever label in a scenario: names are drawn
 * into every chart and table, and one of 200,000 characters made a run take
 * minutes and gigabytes to draw. The longest shipped (a regulation's name)
 * has 92.
 */
export const MAX_LABEL_LENGTH = 300;
/**
 * Most values (numbers, strings, lists, mappings) a scenario or experiment
 * may hold, counting what an alias (`*name`) names once for every alias, as
 * every later step reads it. YAML's limit of 100 aliases bounds their
 * number, not their size: 99 aliases of one list of 200,000 numbers (a
 * 400 kB file) made validation take 30 s and 800 MB. Checking stops at the
 * limit, so the count costs at most this many steps. The largest shipped
 * city scenario holds 391 values (the national one, read by its own
 * schema, 4,630).
 */
export const MAX_VALUES = 1_000_000;
/**
 * Most alias expansions the YAML reader makes while building a file's data
 * (its `maxAliasCount`, its own default): an alias (`*name`) of something
 * that holds aliases counts as many times as they expand. Nine lines of
 * anchors, each aliasing the one before nine times (a "billion laughs"),
 * would otherwise expand to 9^9 values from a few hundred bytes. No shipped
 * scenario or experiment uses an alias.
 */
export const MAX_ALIAS_COUNT = 100;
/**
 * Most problem lines (✗) a command prints for one error; the rest are
 * counted in one line after them ("… and 2,985 more problems"). A file is
 * checked whole, so several problems can be printed at once, each on its
 * own line, in the order of their place in the file; a YAML mapping of
 * 3,000 unknown keys printed 3,005 lines, burying the first (usually the
 * cause of the others) far above the screen. Fixing the first twenty and
 * validating again shows the next.
 */
export const MAX_PROBLEM_LINES = 20;
/**
 * Most agencies a scenario may have: a city scenario's generated and listed
 * agencies together, a national scenario's over all its governments. A guard
 * on memory and time, far above any real place: a city has tens of agencies,
 * the Indonesian national scenario 24,541 in all. `opds.generate.count` is a
 * few characters whatever its size, and validating (which builds every
 * agency) took 5 s and 0.5 GB for 1,000,000 agencies, 17 s and 1 GB for
 * 3,000,000; the earlier bound on the count, 10,000,000, took about a minute
 * and several gigabytes.
 */
export const MAX_AGENCIES = 1_000_000;
/**
 * Most undirected peer links one agency network may store (a city
 * scenario's; a national scenario's governments' together, as a
 * replication holds them all at once), as its generator's
 * parameters give them: a small world n * degree / 2, an Erdos-Renyi graph
 * n * mean_degree / 2 (expected), a scale-free one about n * links, a hub
 * n - 1 more, plus the explicit edges. A `complete` network stores none
 * (every pair is linked; peer shares come from totals). The parameters were
 * checked only against the number of agencies, so `degree: 99998` among
 * 100,000 agencies (5 billion links) passed validation and the run failed
 * after 14 s with an internal error (a JavaScript Set holds at most 2^24
 * entries), and 20,000 agencies of degree 19,998 took 4.6 GB before V8
 * aborted. 10,000,000 is a million agencies with 20 peers each, below that
 * Set limit; a shipped city's network has at most 126 links (Bekasi: 43
 * agencies, a hub and a small world of degree 4), the Indonesian national
 * scenario's 552 governments' 71,967 together.
 */
export const MAX_NETWORK_LINKS = 10_000_000;
/**
 * Most pair draws the Erdos-Renyi networks of a replication may take (a
 * city scenario's network; a national scenario's governments' together):
 * network.ts erdosRenyi draws every pair of its n agencies, n * (n - 1) / 2
 * draws, each keyed by the two agencies' ids (common random numbers), so
 * its cost grows with the square of the agencies whatever the links.
 * Measured on a 2-core machine, about 45 ns a draw: 10,000 agencies took
 * 2.4 s, 20,000 took 9.3 s, 40,000 took 35 s, in every replication; 1,000,000
 * agencies (`mean_degree: 4`, 2 million links, within MAX_NETWORK_LINKS)
 * passed validation and the run would have drawn for about 6 hours. The
 * bound is 20,000 agencies' pairs (199,990,000 draws, about 9 s a
 * replication); small-world and scale-free networks cost in proportion to
 * their links. No shipped scenario has an Erdos-Renyi network (the
 * Indonesian national scenario: none among its 552 governments).
 */
export const MAX_PAIR_DRAWS = 200_000_000;
/**
 * Longest line of a run's records.jsonl, in characters: V8's longest string
 * (2^29 - 24 characters on 64-bit builds), which a record is written from
 * and read back into (JSON.parse). A replication that records agents and
 * events (the first `--detail` ones) writes one line of JSON for them: a
 * city of 1,000,000 agencies wrote 472,137,578 characters in 72 months, and
 * in 108 months its record passed the limit and the run ended after 2.5
 * minutes in an internal error (RangeError: Invalid string length in
 * JSON.stringify), leaving its .partial folder. Such a record is refused,
 * and the run's folders removed; `--detail 0` records none.
 */
export const MAX_RECORD_CHARS = 0x1fffffe8;
/** Longest Info page (`<scenario>.md`) read beside a scenario. */
export const MAX_INFO_BYTES = 1024 * 1024;

/** Names that would reach an object's prototype if used as a key. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isReservedSegment(key: string): boolean {
  return RESERVED_SEGMENTS.has(key);
}

/** Bytes as shown in messages: `5.2 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Strict UTF-8 decoding: the text, or the 1-based line and column of the
 * first byte that is not UTF-8 (a Latin-1 file, a binary file).
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number; column: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let column = 1;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 10) {
        line++;
        column = 1;
      } else if ((bytes[i]! & 0xc0) !== 0x80) column++;
    }
    return { ok: false, line, column };
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

/**
 * The deepest nesting of `[`/`{` outside quoted strings, and where it first
 * exceeds `limit` (1-based line and column), before a parser recurses into it.
 * Block nesting (indented mappings, `- ` lists) is checked by
 * yaml-locate.ts nestingDepth, which reads YAML with the YAML reader's lexer
 * (not imported here: the replication worker's bundle uses these limits and
 * must not load the YAML reader).
 */
export function bracketDepth(text: string, limit = MAX_DEPTH): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      if (quote === "'") quote = ''; // YAML single-quoted scalars may span lines, but a reset here only makes the count stricter
      continue;
    }
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      // In YAML a quote inside a plain word (it's) is not a string start.
      const prev = i > 0 ? text.charAt(i - 1) : ' ';
      if (c === '"' || /[\s[{,:]/.test(prev)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > limit) return { line, column: i - lineStart + 1 };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** A problem found by `checkInput`: where, and what. */
export interface InputProblem {
  readonly path: (string | number)[];
  readonly kind: 'reserved' | 'deep' | 'large';
  readonly key?: string;
}

/**
 * Walks parsed input without recursion: the first key that is a reserved
 * segment, the first value nested deeper than `limit`, or (`large`, at the
 * value where the count passes it) more than `maxValues` values, each alias
 * walked as the copy it stands for. The walk stops there, so it takes at
 * most `maxValues` steps whatever the aliases expand to.
 */
export function checkInput(input: unknown, limit = MAX_DEPTH, maxValues = MAX_VALUES): InputProblem | undefined {
  // Each value with its parent and key, not a copy of its path: the path is
  // built only for the value a problem is found at (a copy per value made
  // the walk of a million values take seconds, mostly in the collector).
  interface Step {
    readonly value: unknown;
    readonly parent: Step | undefined;
    readonly key: string | number;
    readonly depth: number;
  }
  const pathOf = (step: Step): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let s: Step | undefined = step; s?.parent !== undefined; s = s.parent) path.push(s.key);
    return path.reverse();
  };
  const stack: Step[] = [{ value: input, parent: undefined, key: '', depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { value, depth } = step;
    if (++count > maxValues) return { path: pathOf(step), kind: 'large' };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limit) return { path: pathOf(step), kind: 'deep' };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: step, key: i, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) if (isReservedSegment(key)) return { path: [...pathOf(step), key], kind: 'reserved', key };
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], parent: step, key: keys[i]!, depth: depth + 1 });
  }
  return undefined;
}

/**
 * The issue of a problem `checkInput` found, at its path: a reserved key at
 * the key, a value too deep at its first levels, too many values at the
 * top-level field where the count passed the limit (the field that holds
 * the aliases).
 */
export function inputProblemDraft(problem: InputProblem): IssueDraft {
  if (problem.kind === 'reserved') return draft('reserved_path_segment', [problem.key!], problem.path);
  if (problem.kind === 'large') return draft('too_many_values', [MAX_VALUES.toLocaleString('en-US')], problem.path.slice(0, 1));
  return draft('too_deep', [MAX_DEPTH], problem.path.slice(0, 8));
}
