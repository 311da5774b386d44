/**
 * A named pipe (or a link to /dev/zero) where a sweep, a sensitivity analysis
 * or a comparison reads a file of its own earlier output: a shard's
 * sweep-part.json and values.bin (`difusi merge`, `--merge`), an interrupted
 * job's hidden part (`--resume`), a comparison shard's arm part, a finished
 * arm an interrupted comparison kept, and a result folder `report` reads.
 * Each is refused in one line naming the file (exit code 2), nothing is
 * written and no lock is left; a read of one blocked forever before the
 * guards (tests/support/not-regular.ts has the method). Each command
 * runs in a process of its own, killed if it has not ended in 20 s; the
 * cases of one test run side by side, each in its own copy.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder, processState, refusedInOneLine, startCli } from '../support/cli.js';
import { eachInPairs, locksUnder, ok, pipeAt, refusal, runWithin, visible, zeroAt } from '../support/not-regular.js';
import { stampComparison } from '../support/build-stamp-of.js';

const tmp = cliTestFolder('difusi-not-regular-exp-');
const FIXTURES = join(ROOT, 'tests', 'experiment', 'fixtures');
/** 6 grid points, run with -r 1: six design runs. */
const SWEEP = join(FIXTURES, 'sweep.yaml');
/** A Morris design over 3 factors, run with -r 1. */
const MORRIS = join(FIXTURES, 'morris.yaml');
const QUIET = ['-r', '1', '-w', '1', '-q', '--no-charts'];


/** What one output root holds after the shards of an experiment ran: the shard folders, by index. */
interface Shards {
  readonly out: string;
  readonly root: string;
  readonly key: string;
  readonly dirs: readonly string[];
}

async function shardsOf(command: 'sweep' | 'sensitivity' | 'compare', file: string, out: string, name: string, extra: readonly string[] = QUIET): Promise<Shards> {
  for (const i of [0, 1]) await ok([command, file, ...extra, '--shard', `${i}/2`, '--out', out]);
  const root = join(out, name);
  const dirs = visible(root).map((d) => join(root, d));
  expect(dirs).toHaveLength(2);
  return { out, root, key: readdirSync(root).find((d) => d.endsWith('.shard-0-of-2'))!.split('.')[0]!, dirs };
}

/** A copy of output root `from` (its shard folders and any hidden folder), to plant a pipe in. */
function copyRoot(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

let sweep: Shards;
let sensitivity: Shards;
let compare: Shards;
/** A small comparison (pilot.yaml against one variant, 2 replications) and its finished result folder. */
let compareFile: string;
let compareFolder: string;
let sweepFolder: string;
let morrisFolder: string;

beforeAll(async () => {
  const root = tmp();
  compareFile = join(root, 'compare.yaml');
  writeFileSync(
    compareFile,
    [
      'name: tiny-compare',
      'description: a pipe where a comparison reads',
      `base: ${JSON.stringify(join(FIXTURES, 'pilot.yaml'))}`,
      'replications: 2',
      'outcomes: [live_share]',
      'variants:',
      '  - name: cheap',
      '    set: { parameters.takeover_vendor: 0.9 }',
      '',
    ].join('\n'),
  );
  const compareArgs = ['-w', '1', '-q', '--no-charts'];
  [sweep, sensitivity, compare] = await Promise.all([
    shardsOf('sweep', SWEEP, join(root, 'sweep-shards'), 'test-sweep'),
    shardsOf('sensitivity', MORRIS, join(root, 'morris-shards'), 'test-morris'),
    shardsOf('compare', compareFile, join(root, 'compare-shards'), 'tiny-compare', compareArgs),
  ]);
  for (const args of [
    ['compare', compareFile, ...compareArgs, '--out', join(root, 'compare-full')],
    ['sweep', SWEEP, ...QUIET, '--out', join(root, 'sweep-full')],
    ['sensitivity', MORRIS, ...QUIET, '--out', join(root, 'morris-full')],
  ]) {
    await ok(args);
  }
  const only = (dir: string) => {
    const found = visible(dir);
    expect(found).toHaveLength(1);
    return join(dir, found[0]!);
  };
  compareFolder = only(join(root, 'compare-full', 'tiny-compare'));
  sweepFolder = only(join(root, 'sweep-full', 'test-sweep'));
  morrisFolder = only(join(root, 'morris-full', 'test-morris'));
}, 240_000);

describe('sweep and sensitivity: a pipe or a device in a shard or an interrupted part', () => {
  for (const [label, shards, file, name] of [
    ['sweep', () => sweep, SWEEP, 'test-sweep'],
    ['sensitivity', () => sensitivity, MORRIS, 'test-morris'],
  ] as const) {
    it(`${label}: difusi merge of shards whose sweep-part.json or values.bin is a pipe or a link to /dev/zero refuses it by name; nothing merged`, async () => {
      const s = shards();
      const cases = [
        ['sweep-part.json', pipeAt, 0],
        ['values.bin', pipeAt, 1],
        ['values.bin', zeroAt, 0],
        ['sweep-part.json', zeroAt, 1],
      ] as const;
      await eachInPairs(cases, async ([planted, plant, which], c) => {
        const base = join(tmp(), `${label}-merge-${c}`);
        const copy = copyRoot(s.root, join(base, 'shards'));
        const dirs = s.dirs.map((d) => join(copy, d.slice(s.root.length + 1)));
        plant(join(dirs[which]!, planted));
        const out = join(base, 'merged');
        const line = refusedInOneLine(await runWithin(['merge', ...dirs, '--no-charts', '--out', out]));
        expect(line).toBe(refusal(join(dirs[which]!, planted)));
        expect(existsSync(join(out, name))).toBe(false);
        expect(locksUnder(base)).toEqual([]);
      });
    }, 60_000);

    it(`${label} --merge: a shard under --out whose sweep-part.json or values.bin is a pipe is refused by name; no result folder, no lock`, async () => {
      const s = shards();
      await eachInPairs(['sweep-part.json', 'values.bin'] as const, async (planted, c) => {
        const out = copyRoot(s.out, join(tmp(), `${label}-dash-merge-${c}`));
        const shard = join(out, name, `${s.key}.shard-${c}-of-2`);
        pipeAt(join(shard, planted));
        const line = refusedInOneLine(await runWithin([label, file, ...QUIET, '--out', out, '--merge']));
        expect(line).toBe(refusal(join(shard, planted)));
        expect(visible(join(out, name))).toEqual([`${s.key}.shard-0-of-2`, `${s.key}.shard-1-of-2`]);
        expect(locksUnder(out)).toEqual([]);
      });
    }, 60_000);

    it(`${label} --resume: an interrupted part whose sweep-part.json or values.bin is a pipe or a link to /dev/zero is refused by name, and kept`, async () => {
      const s = shards();
      const cases = [
        ['sweep-part.json', pipeAt],
        ['values.bin', pipeAt],
        ['values.bin', zeroAt],
      ] as const;
      await eachInPairs(cases, async ([planted, plant], c) => {
        const out = join(tmp(), `${label}-resume-${c}`);
        // What an interrupted run of the same settings leaves: its hidden part folder (the shards' key).
        const partial = join(out, name, `.${s.key}.partial`);
        mkdirSync(partial, { recursive: true });
        plant(join(partial, planted));
        const line = refusedInOneLine(await runWithin([label, file, ...QUIET, '--out', out, '--resume']));
        expect(line).toBe(refusal(join(partial, planted)));
        expect(visible(join(out, name))).toEqual([]);
        expect(readdirSync(partial)).toEqual([planted]);
        expect(locksUnder(out)).toEqual([]);
      });
    }, 60_000);
  }

  it('sweep without --resume: an interrupted part holding a pipe is not read (it is discarded, as the part is), so the sweep does not block', async () => {
    const out = join(tmp(), 'sweep-fresh');
    const partial = join(out, 'test-sweep', `.${sweep.key}.partial`);
    mkdirSync(partial, { recursive: true });
    pipeAt(join(partial, 'values.bin'));
    pipeAt(join(partial, 'sweep-part.json'));
    await ok(['sweep', SWEEP, ...QUIET, '--out', out]);
    expect(visible(join(out, 'test-sweep'))).toEqual([sweep.key]);
  }, 60_000);
});

describe('compare: a pipe or a device in a shard, an interrupted part or a finished arm', () => {
  const args = () => ['compare', compareFile, '-w', '1', '-q', '--no-charts'];

  it("--merge: a shard's arm whose part.json, records.jsonl or series.bin is a pipe (or series.bin a link to /dev/zero) is refused by name; no result folder, no lock", async () => {
    const cases = [
      ['part.json', pipeAt, 'base'],
      ['records.jsonl', pipeAt, 'cheap'],
      ['series.bin', pipeAt, 'base'],
      ['series.bin', zeroAt, 'cheap'],
    ] as const;
    await eachInPairs(cases, async ([planted, plant, arm], c) => {
      const out = copyRoot(compare.out, join(tmp(), `compare-merge-${c}`));
      const file = join(out, 'tiny-compare', `${compare.key}.shard-${c % 2}-of-2`, 'arms', arm, planted);
      plant(file);
      const line = refusedInOneLine(await runWithin([...args(), '--out', out, '--merge']));
      expect(line).toBe(refusal(file));
      expect(visible(join(out, 'tiny-compare'))).toEqual([`${compare.key}.shard-0-of-2`, `${compare.key}.shard-1-of-2`]);
      expect(readdirSync(join(out, 'tiny-compare')).filter((e) => e.endsWith('.merging'))).toEqual([]);
      expect(locksUnder(out)).toEqual([]);
    });
  }, 60_000);

  it("difusi merge of a comparison shard's arm folders (run parts) refuses a pipe in one by name", async () => {
    const out = copyRoot(compare.out, join(tmp(), 'compare-arm-merge'));
    const arms = [0, 1].map((i) => join(out, 'tiny-compare', `${compare.key}.shard-${i}-of-2`, 'arms', 'base'));
    pipeAt(join(arms[1]!, 'records.jsonl'));
    const line = refusedInOneLine(await runWithin(['merge', ...arms, '--no-charts', '--out', join(out, 'merged')]));
    expect(line).toBe(refusal(join(arms[1]!, 'records.jsonl')));
    expect(existsSync(join(out, 'merged', 'test-pilot'))).toBe(false);
  }, 60_000);

  it('--resume: a finished arm an interrupted comparison kept, whose manifest.json or a data file is a pipe, is refused by name and kept (its manifest.json was taken for a damaged one: the arm was deleted, the pipe with it, and run again)', async () => {
    const files = ['manifest.json', 'outcomes.csv', 'timeseries.csv', 'summary.csv', 'agents.csv', 'events.csv'];
    await eachInPairs(files, async (planted, c) => {
      const out = join(tmp(), `compare-resume-arm-${c}`);
      // What a comparison interrupted after its arms, before it paired them, leaves: its hidden folder with arms/.
      const partial = join(out, 'tiny-compare', `.${compare.key}.partial`);
      mkdirSync(join(out, 'tiny-compare'), { recursive: true });
      cpSync(compareFolder, partial, { recursive: true });
      rmSync(join(partial, 'compare.csv'));
      rmSync(join(partial, 'manifest.json'));
      stampComparison(partial);
      const arm = c % 2 === 0 ? 'cheap' : 'base';
      pipeAt(join(partial, 'arms', arm, planted));
      const line = refusedInOneLine(await runWithin([...args(), '--out', out, '--resume']));
      expect(line).toBe(refusal(join(partial, 'arms', arm, planted)));
      expect(visible(join(out, 'tiny-compare'))).toEqual([]);
      expect(existsSync(join(partial, 'arms', arm, planted))).toBe(true);
      expect(locksUnder(out)).toEqual([]);
    });
  }, 60_000);

  it("--resume: an interrupted arm's part whose records.jsonl, part.json or series.bin is a pipe is refused by name", async () => {
    // A comparison stopped in its first arm (tests/support/stop-mid-run.mjs), then killed: its arm's part, where it is.
    const out = join(tmp(), 'compare-resume-work');
    const { child, done } = startCli([...args(), '--out', out], { stopAtRecord: 1 });
    let exited = false;
    void done.then(() => (exited = true));
    const deadline = Date.now() + 20_000;
    while (!exited && processState(child.pid!) !== 'T' && Date.now() < deadline) await new Promise((res) => setTimeout(res, 5));
    const stopped = !exited && processState(child.pid!) === 'T';
    child.kill('SIGKILL');
    await done;
    expect(stopped, 'the comparison did not stop at its first record').toBe(true);
    const partial = join(out, 'tiny-compare', `.${compare.key}.partial`);
    const records = (readdirSync(partial, { recursive: true }) as string[]).filter((f) => f.endsWith('records.jsonl'));
    expect(records).toHaveLength(1);
    const part = join(partial, records[0]!.slice(0, -'/records.jsonl'.length));
    await eachInPairs(['records.jsonl', 'part.json', 'series.bin'] as const, async (planted, c) => {
      const copy = copyRoot(out, join(tmp(), `compare-resume-work-${c}`));
      const file = join(copy, part.slice(out.length + 1), planted);
      pipeAt(file);
      const line = refusedInOneLine(await runWithin([...args(), '--out', copy, '--resume']));
      expect(line).toBe(refusal(file));
      expect(visible(join(copy, 'tiny-compare'))).toEqual([]);
    });
  }, 60_000);
});

describe('report: a pipe in a sweep, sensitivity or comparison result folder', () => {
  /** Every file of the folder, but of a comparison's arms one manifest and two tables (checkResultFolder reads each arm's files as the other's). */
  const comparisonFiles = ['compare.csv', 'manifest.json', 'arms/base/manifest.json', 'arms/base/timeseries.csv', 'arms/cheap/outcomes.csv'];
  for (const [label, folder, listed] of [
    ['sweep', () => sweepFolder, undefined],
    ['sensitivity (Morris)', () => morrisFolder, undefined],
    ['comparison', () => compareFolder, comparisonFiles],
  ] as const) {
    it(`${label}: each file report reads, as a pipe (the first also as a link to /dev/zero), is refused by name; no report, no lock`, async () => {
      const from = folder();
      const files = listed ?? readdirSync(from).sort();
      expect(files.length).toBeGreaterThan(2);
      const cases = [...files.map((f) => [f, pipeAt] as const), [files[0]!, zeroAt] as const];
      await eachInPairs(cases, async ([planted, plant], c) => {
        const base = join(tmp(), `report-${label.replace(/\W+/g, '-')}-${c}`);
        const copy = join(base, 'folder');
        cpSync(from, copy, { recursive: true });
        plant(join(copy, planted));
        const line = refusedInOneLine(await runWithin(['report', copy, '--no-png']));
        expect(line).toBe(refusal(join(copy, planted)));
        expect(existsSync(join(copy, 'report.html'))).toBe(false);
        expect(locksUnder(base)).toEqual([]);
      });
    }, 60_000);
  }
});

describe('a pipe as the manifest.json of a result folder a job replaces', () => {
  it('sweep: refused by name (it was taken for no manifest, and the folder replaced with the pipe in it)', async () => {
    const out = join(tmp(), 'sweep-replace');
    mkdirSync(join(out, 'test-sweep'), { recursive: true });
    const folder = join(out, 'test-sweep', sweep.key);
    cpSync(sweepFolder, folder, { recursive: true });
    pipeAt(join(folder, 'manifest.json'));
    const line = refusedInOneLine(await runWithin(['sweep', SWEEP, ...QUIET, '--out', out]));
    expect(line).toBe(refusal(join(folder, 'manifest.json')));
    expect(readdirSync(join(out, 'test-sweep'))).toEqual([sweep.key]);
    expect(existsSync(join(folder, 'manifest.json'))).toBe(true);
  }, 60_000);
});
