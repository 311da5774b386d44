/**
 * Before `report` turns a result folder into charts and tables, it checks
 * that the folder holds what its manifest says: each data file's SHA-256
 * (the manifest's `checksums`, written with the files) and, for folders
 * written before checksums existed, the row counts and replication ids of
 * outcomes.csv and timeseries.csv against `replications` and `months`.
 * A mismatch (a truncated copy, an edited file) is a one-line user error
 * naming the file; a report is never drawn from it.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../messages/catalog.js';
import { fileSha256 } from './durable.js';
import { streamCsv } from './csv-read.js';
import { regularFileExists } from './regular-file.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function damaged(dir: string, file: string, problem: string): UserError {
  return UserError.of('result_damaged', [dir, file, problem], { file: join(dir, file) });
}

/**
 * Checks `dir` (and the arm folders a comparison's manifest lists) against
 * their manifests: `stage` 'checksums' before the files are parsed,
 * 'structure' (folders without checksums) after, so a parse error keeps its
 * more precise message.
 */
export async function checkResultFolder(dir: string, raw: unknown, stage: 'checksums' | 'structure' = 'checksums'): Promise<void> {
  if (stage === 'structure') {
    if (isObj(raw) && !isObj(raw['checksums'])) await checkStructure(dir, raw);
    return;
  }
  await checkOne(dir, raw);
  // Arm folders of comparisons written with checksums (older fixtures may lack arm manifests).
  const arms = isObj(raw) && isObj(raw['checksums']) && Array.isArray(raw['arms']) ? raw['arms'] : [];
  for (const arm of arms) {
    if (!isObj(arm) || typeof arm['folder'] !== 'string') continue;
    const folder = join(dir, arm['folder']);
    const manifest = join(folder, 'manifest.json');
    if (!regularFileExists(manifest)) throw damaged(dir, join(arm['folder'], 'manifest.json'), 'is missing');
    let armRaw: unknown;
    try {
      armRaw = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    } catch {
      throw damaged(dir, join(arm['folder'], 'manifest.json'), 'is not valid JSON');
    }
    await checkOne(folder, armRaw);
  }
}

async function checkOne(dir: string, raw: unknown): Promise<void> {
  const damage = checksumDamage(dir, raw);
  if (damage !== undefined) throw damaged(dir, damage.file, damage.missing ? 'is missing' : 'does not match its checksum in manifest.json (truncated or changed)');
}

/**
 * The first file of `dir` that its manifest (`raw`) lists with a checksum and that is missing or does not
 * match it, with what is wrong (`missing`: whether it is missing, else changed); undefined when every listed file matches (or the manifest lists none).
 */
export function checksumDamage(dir: string, raw: unknown): { file: string; missing: boolean } | undefined {
  if (!isObj(raw)) return undefined;
  const checksums = raw['checksums'];
  if (!isObj(checksums)) return undefined;
  for (const [file, sum] of Object.entries(checksums)) {
    if (typeof sum !== 'string' || file.includes('..') || file.startsWith('/')) continue;
    const path = join(dir, file);
    // Not a regular file (a pipe would block the hash's read forever): one line naming it.
    if (!regularFileExists(path)) return { file, missing: true };
    if (fileSha256(path) !== sum) return { file, missing: false };
  }
  return undefined;
}

/** Older folders: structure against the manifest. */
async function checkStructure(dir: string, raw: Obj): Promise<void> {
  const R = typeof raw['replications'] === 'number' ? raw['replications'] : undefined;
  const scenario = isObj(raw['scenario']) && isObj(raw['scenario']['resolved']) ? raw['scenario']['resolved'] : undefined;
  const months = scenario !== undefined && typeof scenario['months'] === 'number' ? scenario['months'] : undefined;
  if ((raw['kind'] ?? 'run') !== 'run' || R === undefined) return;
  await checkReplications(dir, 'outcomes.csv', R, undefined);
  if (months !== undefined) await checkReplications(dir, 'timeseries.csv', R, months);
}

/**
 * Replication ids 0..R-1 in order, each present, with the same number of
 * rows each (`perReplication` when known).
 */
async function checkReplications(dir: string, file: string, R: number, perReplication: number | undefined): Promise<void> {
  const path = join(dir, file);
  if (!fs.existsSync(path) || !fs.statSync(path).isFile()) return;
  let current = -1;
  let count = 0;
  let expected = perReplication;
  const close = (r: number) => {
    if (r < 0) return;
    if (expected === undefined) expected = count;
    else if (count !== expected) throw damaged(dir, file, `has ${count} rows for replication ${r}, expected ${expected}`);
  };
  // Read with the CSV parser every result file is read with (csv-read.ts): a quoted cell ("0"), a BOM,
  // CRLF line ends and blank lines are the same file; a line split took "0" (with its quotes) for NaN.
  await streamCsv(dir, file, ['replication'], (cells) => {
    const id = Number(cells.raw('replication'));
    if (id !== current) {
      close(current);
      if (id !== current + 1) throw damaged(dir, file, `line ${cells.line}: replication ${id} where ${current + 1} was expected`);
      current = id;
      count = 0;
    }
    count++;
  });
  close(current);
  if (current === -1) return; // no rows at all (a scenario without innovations)
  if (current !== R - 1) throw damaged(dir, file, `holds replications 0..${current}, the manifest says ${R}`);
}
