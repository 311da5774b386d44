/**
 * `difusi national-merge` reads each shard's part.json once: what kind of
 * shard folder it is (store/part-store.ts shardKindOf: a city or sweep
 * shard is told to use difusi merge) and the part it holds are told from
 * that one read. A part's tally holds every government's series, so the
 * file is the size of the run's tables.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Every read of a part.json by the modules under test, counted (node:fs's named export and its default object).
const reads = vi.hoisted(() => ({ partJson: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((file: unknown, ...rest: unknown[]) => {
    if (String(file).endsWith('part.json')) reads.partJson++;
    return (fs.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});

// The suite runs files in one process each fork (vitest isolate: false): modules
// another file imported are cached unmocked, so they are imported afresh here.
vi.resetModules();
const { executeNationalMerge, executeNationalRun } = await import('../../src/jobs/national.js');
const { readNationalPart } = await import('../../src/store/national-file.js');
const { ROOT, testFolder } = await import('../support/cli.js');
const { UserError } = await import('../../src/messages/catalog.js');

const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const folder = testFolder('difusi-merge-read-once-');

beforeEach(() => {
  reads.partJson = 0;
});

describe('national-merge', () => {
  it('reads each part.json once, and merges as before', async () => {
    const base = { file: SMALL, workers: 1, replications: 2, command: 'test', charts: false, outRoot: join(folder(), 'parts') };
    const parts: string[] = [];
    for (const index of [0, 1]) parts.push((await executeNationalRun({ ...base, shard: { index, count: 2 } })).dir);
    const one = await executeNationalRun({ ...base, outRoot: join(folder(), 'one') });
    reads.partJson = 0;
    const merged = await executeNationalMerge(parts, join(folder(), 'merged'), 'test', false);
    expect(reads.partJson).toBe(2);
    expect(merged.replications).toBe(2);
    expect(merged.p14.lines).toEqual(one.p14.lines);
  });

  it('a folder that is no shard: no read attempt (stat finds no part.json), the same refusal', () => {
    const dir = join(folder(), 'nowhere');
    expect(() => readNationalPart(dir)).toThrow('Not a shard folder of a difusi run');
    // part.json is looked at with stat before it is read (store/regular-file.ts): a missing one is never opened.
    expect(reads.partJson).toBe(0);
  });

  it('a part.json of null, a number or a string: not a shard folder (null was an internal error)', () => {
    for (const [name, json] of [['null', 'null'], ['number', '3'], ['string', '"difusi-national-part-2"']]) {
      const dir = join(folder(), name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'part.json'), json);
      expect(() => readNationalPart(dir), name).toThrow(UserError);
      expect(() => readNationalPart(dir), name).toThrow('Not a shard folder of a difusi run');
    }
  });
});
