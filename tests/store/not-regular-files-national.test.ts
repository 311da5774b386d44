/**
 * A named pipe (or a link to /dev/zero) where a national command reads a
 * file of its own earlier output: a shard's part.json (`national-merge`), the
 * manifest.json of a result folder a job replaces (`national`,
 * `national-merge`, `national-compare`), an arm national-compare finds stored
 * and reads rather than runs, and the folders `report` reads (a national
 * run's, a national comparison's). Each is refused in one line naming the
 * file (exit code 2), nothing is written and no lock is left; what a job
 * removes unread (an interrupted run's hidden folder, a lock, a table of a
 * folder it replaces) does not block it. Each command runs in a process of
 * its own, killed if it has not ended in 20 s (tests/support/not-regular.ts
 * has the method); the cases of one test run two at a time, each in its own copy.
 *
 * The scenario is reading-caveats.yaml: five governments, and no scenario
 * warning, so that a refusal is the only line on stderr.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { eachInPairs, locksUnder, ok, pipeAt, refusal, runWithin, visible, zeroAt } from '../support/not-regular.js';

const tmp = cliTestFolder('difusi-not-regular-nat-');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'reading-caveats.yaml');
const NAME = 'reading-caveats';
const QUIET = ['-r', '2', '-w', '1', '-q', '--no-charts'];
const COMPARE = ['national-compare', NATIONAL, ...QUIET, '--set', 'national_parameters.gov_imitation=0'];


/** The tables and texts of a national result folder, manifest.json first. */
const NATIONAL_FILES = [
  'manifest.json',
  'government_outcomes.csv',
  'government_summary.csv',
  'group_summary.csv',
  'national_spread.csv',
  'national_series.csv',
  'government_shares.csv',
  'national_replications.csv',
  'p14.txt',
];

/** The output root the cases copy: a comparison (both arms' national folders, and its own), and the base run's two shards. */
let store: string;
/** The base arm's key (the file as written, -r 2): its folder, and its shards' names. */
let key: string;
let compareName: string;

beforeAll(async () => {
  store = join(tmp(), 'store');
  const r = await ok([...COMPARE, '--out', store]);
  expect(r.stderr).toBe('');
  const compares = visible(join(store, `${NAME}-compare`));
  expect(compares).toHaveLength(1);
  compareName = compares[0]!;
  key = compareName.split('-')[0]!;
  expect(visible(join(store, NAME))).toContain(key);
  for (const i of [0, 1]) await ok(['national', NATIONAL, ...QUIET, '--shard', `${i}/2`, '--out', store]);
  expect(visible(join(store, NAME))).toContain(`${key}.shard-1-of-2`);
}, 240_000);

/** A copy of the store, to plant a pipe in: its root, the base arm's folder, the shards, the comparison's folder. */
function copyStore(label: string): { out: string; base: string; shards: string[]; compare: string } {
  const out = join(tmp(), label);
  cpSync(store, out, { recursive: true });
  return {
    out,
    base: join(out, NAME, key),
    shards: [0, 1].map((i) => join(out, NAME, `${key}.shard-${i}-of-2`)),
    compare: join(out, `${NAME}-compare`, compareName),
  };
}

describe('national-merge and national: part.json, and the manifest.json of the folder they replace', () => {
  it('national-merge: a shard whose part.json is a pipe or a link to /dev/zero is refused by name; no result folder, no lock', async () => {
    await eachInPairs([pipeAt, zeroAt], async (plant, c) => {
      const { out, shards } = copyStore(`merge-part-${c}`);
      plant(join(shards[c]!, 'part.json'));
      const merged = join(out, 'merged');
      const line = refusedInOneLine(await runWithin(['national-merge', ...shards, '--no-charts', '--out', merged]));
      expect(line).toBe(refusal(join(shards[c]!, 'part.json')));
      expect(existsSync(join(merged, NAME))).toBe(false);
      expect(locksUnder(out)).toEqual([]);
    });
  }, 60_000);

  it('national-merge and national: a result folder to replace whose manifest.json is a pipe is refused by name and kept (it was taken for no manifest: "holds files difusi did not write", every table named)', async () => {
    const jobs = [
      (shards: string[]) => ['national-merge', ...shards, '--no-charts'],
      () => ['national', NATIONAL, ...QUIET],
    ];
    await eachInPairs(jobs, async (job, c) => {
      const { out, base, shards } = copyStore(`replace-manifest-${c}`);
      pipeAt(join(base, 'manifest.json'));
      const line = refusedInOneLine(await runWithin([...job(shards), '--out', out]));
      expect(line).toBe(refusal(join(base, 'manifest.json')));
      expect(readdirSync(base).sort()).toEqual([...NATIONAL_FILES].sort());
      expect(existsSync(join(base, 'manifest.json'))).toBe(true);
      expect(readdirSync(join(out, NAME)).filter((e) => e.startsWith('.'))).toEqual([]);
    });
  }, 60_000);

  it('national: what it removes unread does not block it: a pipe as its lock, in an interrupted run\'s hidden folder, as a table of the folder it replaces, as the part.json of the shard it replaces', async () => {
    const plants: ((s: ReturnType<typeof copyStore>) => string[])[] = [
      (s) => (pipeAt(join(s.out, NAME, `.${key}.lock`)), []),
      (s) => (mkdirSync(join(s.out, NAME, `.${key}.partial`)), pipeAt(join(s.out, NAME, `.${key}.partial`, 'manifest.json')), []),
      (s) => (pipeAt(join(s.base, 'national_series.csv')), []),
      (s) => (pipeAt(join(s.shards[0]!, 'part.json')), ['--shard', '0/2']),
    ];
    await eachInPairs(plants, async (plant, c) => {
      const s = copyStore(`removed-unread-${c}`);
      const extra = plant(s);
      await ok(['national', NATIONAL, ...QUIET, ...extra, '--out', s.out]);
      expect(locksUnder(s.out)).toEqual([]);
    });
  }, 120_000);
});

describe('national-compare: a stored arm it reads, and its own folder', () => {
  it('a stored arm whose manifest.json or any table is a pipe (manifest.json also a link to /dev/zero) is refused by name and kept; no comparison written (it ran the arm again over the pipe, or said "holds files difusi did not write")', async () => {
    const cases = [...NATIONAL_FILES.map((f) => [f, pipeAt] as const), ['manifest.json', zeroAt] as const];
    await eachInPairs(cases, async ([planted, plant], c) => {
      const { out, base, compare } = copyStore(`stored-arm-${c}`);
      rmSync(compare, { recursive: true });
      plant(join(base, planted));
      const line = refusedInOneLine(await runWithin([...COMPARE, '--out', out]));
      expect(line).toBe(refusal(join(base, planted)));
      expect(visible(join(out, `${NAME}-compare`))).toEqual([]);
      expect(readdirSync(base).sort()).toEqual([...NATIONAL_FILES].sort());
      expect(locksUnder(out)).toEqual([]);
    });
  }, 120_000);

  it('its own earlier folder: a pipe as manifest.json is refused by name (it said "holds files difusi did not write"); one as national_compare.csv, which it replaces unread, does not block it', async () => {
    await eachInPairs(['manifest.json', 'national_compare.csv'], async (planted, c) => {
      const { out, compare } = copyStore(`own-folder-${c}`);
      pipeAt(join(compare, planted));
      const r = await runWithin([...COMPARE, '--out', out]);
      if (planted === 'manifest.json') {
        expect(refusedInOneLine(r)).toBe(refusal(join(compare, planted)));
        expect(existsSync(join(compare, planted))).toBe(true);
      } else expect(r.code, r.stderr).toBe(0);
      expect(locksUnder(out)).toEqual([]);
    });
  }, 60_000);
});

describe('report on a national folder and on a national comparison', () => {
  it('a national folder: each file, as a pipe (manifest.json also as a link to /dev/zero), is refused by name; no report, no lock', async () => {
    const cases = [...NATIONAL_FILES.map((f) => [f, pipeAt] as const), ['manifest.json', zeroAt] as const];
    await eachInPairs(cases, async ([planted, plant], c) => {
      const root = join(tmp(), `report-national-${c}`);
      const copy = join(root, 'folder');
      cpSync(join(store, NAME, key), copy, { recursive: true });
      plant(join(copy, planted));
      const line = refusedInOneLine(await runWithin(['report', copy]));
      expect(line).toBe(refusal(join(copy, planted)));
      expect(existsSync(join(copy, 'report.html'))).toBe(false);
      expect(locksUnder(root)).toEqual([]);
    });
  }, 120_000);

  it("a national comparison: its manifest.json or national_compare.csv as a pipe is refused by name; its base arm's files, which the report reads only for names (null when unreadable), are passed over", async () => {
    const cases = [
      ['compare', 'manifest.json'],
      ['compare', 'national_compare.csv'],
      ['base', 'manifest.json'],
      ['base', 'government_summary.csv'],
      ['base', 'national_series.csv'],
    ] as const;
    await eachInPairs(cases, async ([where, planted], c) => {
      const s = copyStore(`report-compare-${c}`);
      pipeAt(join(s[where], planted));
      const r = await runWithin(['report', s.compare]);
      if (where === 'compare') {
        expect(refusedInOneLine(r)).toBe(refusal(join(s.compare, planted)));
        expect(existsSync(join(s.compare, 'report.html'))).toBe(false);
      } else {
        expect(r.code, r.stderr).toBe(0);
        expect(existsSync(join(s.compare, 'report.html'))).toBe(true);
      }
      expect(locksUnder(s.out)).toEqual([]);
    });
  }, 60_000);
});
