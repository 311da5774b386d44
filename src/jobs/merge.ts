/**
 * Merging shards (EXPERIMENTS.md "Scaling past one machine"): checks one
 * scenario hash and one n, lists missing or duplicate indices, and writes
 * the same files a single-machine run writes, via the same function.
 */
import path from 'node:path';
import { readPart, type PartReader } from '../store/part-store.js';
import { indexParts, writeRunFolder } from '../store/run-folder.js';
import { runKey, runManifest } from './run.js';
import { claimFolder } from '../store/folder-lock.js';
import type { OutcomeVectors } from '../store/arm-outcomes.js';

export function mergeShards(dirs: readonly string[], outRoot: string, command: string): string {
  return mergeParts(dirs.map((d) => readPart(d)), outRoot, command);
}

/**
 * `mergeShards` for shard folders already read (and, by the caller, perhaps
 * checked). `vectors`: as for writeRunFolder (a comparison's arm).
 */
export function mergeParts(parts: readonly PartReader[], outRoot: string, command: string, vectors?: OutcomeVectors): string {
  const started = new Date();
  indexParts(parts); // fails early, naming what to rerun
  const meta = parts[0]!.meta;
  const out = path.join(outRoot, meta.scenario_name, runKey(meta.scenario_hash, meta.detail_replications));
  const release = claimFolder(out, command);
  try {
    writeRunFolder(
      parts.map((p) => p.dir),
      out,
      // A merged folder is no shard: `shard` is null, as in the folder one machine writes from the
      // same inputs (the data are the same bytes); that it was merged, and from how many shard
      // folders, is kept in `timings`, the field that differs between two runs anyway (docs/OUTPUTS.md).
      runManifest(meta, command, null, started, { merged_parts: parts.length }),
      vectors,
    );
  } finally {
    release();
  }
  return out;
}
