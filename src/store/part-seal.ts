/**
 * The seal of a part's metadata (a city run's part.json, a sweep or
 * sensitivity design's sweep-part.json, a national shard's part.json with
 * its whole tally): the build that wrote it (version.ts buildIdentity) and
 * a SHA-256 of everything else the file holds, both appended as the last
 * fields `build` and `checksum`. The records a part holds have their own
 * checksums; this one covers what says how to read them (months, metrics,
 * start, the design plan, the national tally...), so one changed digit or a
 * careless edit is found before a number is written.
 *
 * The checksum is of the JSON text of the parsed fields (JSON.stringify,
 * fields in file order, without `checksum`), not of the file's bytes: line
 * endings or indentation changed by a copy are harmless, a changed value is
 * not. It is unkeyed: anybody can recompute it, so it finds accidents, not
 * forgeries (docs/RELIABILITY.md "Not covered").
 */
import { createHash } from 'node:crypto';
import { UserError, type NotResumable } from '../messages/catalog.js';
import { buildIdentity } from './version.js';

export interface Seal {
  /** The identity of the build that wrote the part (version.ts buildIdentity). */
  readonly build: string;
  /** SHA-256 (hex) of the part's JSON without this field. */
  readonly checksum: string;
}

function metaChecksum(fields: object): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** `meta` with this build's identity and the checksum appended (any earlier seal is replaced). */
export function sealMeta<T extends object>(meta: T): T & Seal {
  const { build: _build, checksum: _checksum, ...fields } = meta as T & Partial<Seal>;
  const withBuild = { ...fields, build: buildIdentity() };
  return { ...withBuild, checksum: metaChecksum(withBuild) } as T & Seal;
}

/** `meta` without its seal (the fields the writer was given). */
export function unsealed<T extends object>(meta: T): Omit<T, 'build' | 'checksum'> {
  const { build: _build, checksum: _checksum, ...fields } = meta as T & Partial<Seal>;
  return fields;
}

/**
 * What a part's parsed metadata says of its seal: `missing` (no build or
 * no checksum: written by a difusi from before parts were sealed, which
 * counts as another build), `damaged` (the checksum does not match: a
 * changed value), `other-build` (intact, written by another build), or `ok`.
 */
export function sealState(value: object): 'ok' | 'missing' | 'damaged' | 'other-build' {
  const { checksum, ...fields } = value as Partial<Seal>;
  if (typeof checksum !== 'string' || typeof (fields as Partial<Seal>).build !== 'string') return 'missing';
  if (metaChecksum(fields) !== checksum) return 'damaged';
  return (fields as Seal).build === buildIdentity() ? 'ok' : 'other-build';
}

/**
 * The shard `dir` is, from its metadata when that holds a well-formed
 * shard, else from its folder name (`<key>.shard-<i>-of-<n>`): what the
 * message of a damaged part tells the user to run again.
 */
export function shardOf(meta: unknown, dir: string): { index: number; count: number } | undefined {
  const shard = (meta as { shard?: unknown } | null | undefined)?.shard as { index?: unknown; count?: unknown } | undefined;
  if (typeof shard === 'object' && shard !== null && Number.isInteger(shard.index) && Number.isInteger(shard.count)) {
    const index = shard.index as number;
    const count = shard.count as number;
    if (count >= 1 && index >= 0 && index < count) return { index, count };
  }
  const m = /\.shard-(\d+)-of-(\d+)$/.exec(dir.replace(/[\\/]+$/, ''));
  return m === null ? undefined : { index: Number(m[1]), count: Number(m[2]) };
}

/**
 * Checks a part's parsed description (`file` in the part folder `dir`) before any field of it is used: its seal
 * (written by this build, the checksum matching) and then its shape (`shapeProblem`: what no run writes, e.g. a
 * negative count, undefined when none). A user error naming the folder, what is wrong and `rerun` (what to run
 * again), one line.
 */
export function checkSealed(dir: string, file: string, meta: object, rerun: string, shapeProblem: () => string | undefined): void {
  const seal = sealState(meta);
  if (seal === 'missing' || seal === 'other-build') throw UserError.of('part_other_build', [dir, rerun], { file: dir });
  if (seal === 'damaged') throw UserError.of('data_damaged', [dir, `${file} does not match its checksum`, rerun], { file: dir });
  const problem = shapeProblem();
  if (problem !== undefined) throw UserError.of('data_damaged', [dir, `${file}: ${problem}`, rerun], { file: dir });
}

/**
 * Why `--resume` does not resume a part whose parsed description is `existing` (said by the warning part_not_resumed, messages/catalog.ts): its checksum does not
 * match (damaged), or another build wrote it (or a difusi from before parts recorded their build); undefined when
 * it is intact and this build's. Its work is then discarded and run again, as a damaged record's is: two builds
 * may compute different numbers from the same settings.
 */
export function notResumable(existing: unknown): NotResumable | undefined {
  const seal = typeof existing === 'object' && existing !== null ? sealState(existing) : 'damaged';
  if (seal === 'ok') return undefined;
  if (seal === 'damaged') return 'damaged';
  return seal === 'missing' ? 'unrecorded-build' : 'other-build';
}

/** sealMeta's part as difusi writes the file (part.json, sweep-part.json): indented JSON, the seal last. */
export function sealedJson(meta: object): string {
  return JSON.stringify(sealMeta(unsealed(meta)), null, 2) + '\n';
}

/**
 * What to tell the user to run again for the part `dir` (its metadata `meta`): its shard, when it is one of
 * several (from the metadata, else from the folder's name when the metadata's is damaged), else `otherwise`.
 */
export function rerunShard(meta: unknown, dir: string, otherwise: string): string {
  const shard = shardOf(meta, dir);
  return shard !== undefined && shard.count > 1 ? `run shard ${shard.index}/${shard.count} again (the same command with --shard ${shard.index}/${shard.count})` : otherwise;
}

/**
 * What a merge tells the user to do with the part `dir` (shard `shard`) that is not of the run the other parts (the
 * majority) belong to, whose shards are of `count`: leave it out, or run it again as the others ran theirs, its
 * shard index with their count (`rerun`, given that shard: a part of shard 1/4 among shards of 3 is run again as
 * shard 1/3, not as 1/4, which the others do not fit); only leave it out when its index is none of theirs.
 */
export function mismatchAdvice(shard: { index: number; count: number }, count: number, dir: string, others: number, rerun: (meta: { shard: { index: number; count: number } }, dir: string) => string): string {
  const same = `with the same settings as the other${others === 1 ? '' : 's'}`;
  if (shard.index >= count) return `leave it out: the other part${others === 1 ? ' is a shard' : 's are shards'} of ${count} (--shard 0/${count} to ${count - 1}/${count}), and its index ${shard.index} is none of them`;
  return `leave it out, or ${rerun({ shard: { index: shard.index, count } }, dir)} ${same}`;
}

/** The folders a merge names (those holding a replication twice): the first four, then how many in all. */
export function folderList(dirs: Iterable<string>): string {
  const all = [...new Set(dirs)];
  return all.slice(0, 4).join(', ') + (all.length > 4 ? `, … (${all.length} in all)` : '');
}

/** A plain JSON object (not null, not an array): what a part's metadata and its fields must be. */
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A safe whole number from `lo` to `hi`. */
export const wholeIn = (x: unknown, lo: number, hi: number): x is number => Number.isSafeInteger(x) && (x as number) >= lo && (x as number) <= hi;
