/**
 * A job sharded over a cluster and merged gives the folder the unsharded job
 * writes (docs/EXPERIMENTS-USAGE.md "Array jobs", docs/OUTPUTS.md): the same
 * data bytes, the same report files (charts byte for byte, the pages
 * differing only in the command line and the timings they show) and the
 * same manifest but for `command` and `timings`; for `difusi merge` (run
 * shards and design shards) and for `sweep --merge` and `sensitivity --merge`,
 * in either report language.
 *
 * The commands run in the test's process (runInProcess, tests/support/
 * in-process.ts): what they print and write is checked, not a process's
 * start; the merge that is killed starts dist/src/cli/main.js (startCli), a
 * process a signal can end.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, filesUnder, resultFolder, runFolders, startCli, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { fixture } from '../experiment/helpers.js';
import { shared } from '../support/shared.js';

const tmp = cliTestFolder('difusi-merge-report-');

async function ok(args: readonly string[]): Promise<string> {
  const r = await runInProcess(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

interface Manifest {
  command: string;
  shard: unknown;
  timings: Record<string, unknown>;
  [field: string]: unknown;
}

function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * A report page with what legitimately differs between two runs of the same
 * data put aside: the command line (shown in both pages) and the timings
 * (in the manifest report.html shows).
 */
function page(dir: string, file: string): string {
  const text = readFileSync(join(dir, file), 'utf8').split(manifestOf(dir).command).join('<command>');
  return text.replace(/&quot;timings&quot;: \{[^}]*\}/, '&quot;timings&quot;: {}');
}

/** `merged` holds what the unsharded folder `single` holds, byte for byte but for the command and timings. */
function expectSameFolder(merged: string, single: string, shards: number): void {
  const files = filesUnder(single);
  expect(files.filter((f) => /^report(\.id)?\.(html|md)$/.test(f)).length, `report pages in ${single}`).toBe(2);
  expect(filesUnder(merged)).toEqual(files);
  for (const f of files) {
    if (f === 'manifest.json') continue;
    if (/^report(\.id)?\.(html|md)$/.test(f)) expect(page(merged, f), f).toBe(page(single, f));
    else expect(readFileSync(join(merged, f)).equals(readFileSync(join(single, f))), `${f} differs`).toBe(true);
  }
  const m = manifestOf(merged);
  const s = manifestOf(single);
  // The merge is recorded in the timings, the field that differs between two runs anyway.
  expect(m.timings['merged_parts']).toBe(shards);
  expect(m.shard).toBeNull();
  const rest = (x: Manifest) => ({ ...x, command: '', timings: {} });
  expect(rest(m)).toEqual(rest(s));
  // Fields in the same order: a reader of the JSON text finds them where an unsharded folder has them.
  expect(Object.keys(m)).toEqual(Object.keys(s));
}

/**
 * What several cases below only read: the unsharded English run of the small
 * city (cases 1 and 5, the same command line), and its three shards
 * (--no-charts, cases 1, 2 and 5), each case merging copies of them in a
 * folder of its own, as it made them before. (Cases 2 and 5 merged two
 * shards of their own and case 1 three: one set of three serves all, three
 * runs instead of seven, and no case merges fewer parts than before.)
 */
const singleRun = shared(async () => {
  const single = join(tmp(), 'run-single');
  await ok(['run', SMALL_CITY, '--out', single, '-q', '-w', '1']);
  return resultFolder(single, 'small-city');
});
const threeShards = shared(async () => {
  const out = join(tmp(), 'three-shards');
  for (let i = 0; i < 3; i++) await ok(['run', SMALL_CITY, '--out', out, '-q', '-w', '1', '--shard', `${i}/3`, '--no-charts']);
  return runFolders(out, 'small-city');
});

/** The three shards copied under `out`, where their runs would have written them; their folders there. */
async function threeShardsIn(out: string): Promise<string[]> {
  const shards = await threeShards();
  for (const shard of shards) cpSync(shard, join(out, 'small-city', basename(shard)), { recursive: true });
  const copies = runFolders(out, 'small-city');
  expect(copies.map((d) => basename(d))).toEqual(shards.map((d) => basename(d)));
  return copies;
}

// Each case runs the CLI four to six times, reports included: minutes on a loaded machine.
// Cases 1 and 5 compare a merge with the unsharded run WITH the report's PNGs (byte for byte);
// cases 2 to 4 draw both sides with --no-png: the report's PNGs are not what they are about
// (the language, sweep and sensitivity merges), and drawing them is most of a report's CPU.
describe('merge writes the report an unsharded job writes', { timeout: 600_000 }, () => {
  it('difusi merge of run shards (shards with --no-charts, as the cluster scripts run them)', async () => {
    const single = await singleRun();
    const out = join(tmp(), 'run-shards');
    const stdout = await ok(['merge', ...(await threeShardsIn(out)), '--out', out]);
    const dir = resultFolder(out, 'small-city');
    expect(stdout).toContain(`report: ${join(dir, 'report.html')}`);
    expectSameFolder(dir, single, 3);
  });

  it('difusi merge --lang id writes the Indonesian report, as run --lang id does; --no-charts none', async () => {
    const single = join(tmp(), 'id-single');
    const out = join(tmp(), 'id-shards');
    await ok(['run', SMALL_CITY, '--out', single, '-q', '-w', '1', '--lang', 'id', '--no-png']);
    const shards = await threeShardsIn(out);
    await ok(['merge', ...shards, '--out', out, '--lang', 'id', '--no-png']);
    const dir = resultFolder(out, 'small-city');
    expect(existsSync(join(dir, 'report.id.html'))).toBe(true);
    expectSameFolder(dir, resultFolder(single, 'small-city'), 3);

    const bare = join(tmp(), 'no-charts');
    await ok(['merge', ...shards, '--out', bare, '--no-charts']);
    expect(filesUnder(resultFolder(bare, 'small-city')).filter((f) => f.startsWith('report') || f.startsWith('charts'))).toEqual([]);

    const bad = await runInProcess(['merge', ...shards, '--out', bare, '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/lang/); // the option named, as for any command's --lang
  });

  it('sweep --merge, and difusi merge of the same design shards', async () => {
    const args = ['sweep', fixture('sweep.yaml'), '-r', '2', '-q', '-w', '1', '--no-png'];
    const single = join(tmp(), 'sweep-single');
    const out = join(tmp(), 'sweep-shards');
    await ok([...args, '--out', single]);
    for (let i = 0; i < 3; i++) await ok([...args, '--out', out, '--shard', `${i}/3`, '--no-charts']);
    const stdout = await ok([...args, '--out', out, '--merge']);
    const expected = resultFolder(single, 'test-sweep');
    const dir = resultFolder(out, 'test-sweep');
    expect(basename(dir)).toBe(basename(expected));
    expect(stdout).toContain(`report: ${join(dir, 'report.html')}`);
    expectSameFolder(dir, expected, 3);

    const again = join(tmp(), 'sweep-merge-command');
    await ok(['merge', ...runFolders(out, 'test-sweep').filter((d) => /\.shard-/.test(d)), '--out', again, '--no-png']);
    expectSameFolder(resultFolder(again, 'test-sweep'), expected, 3);
  });

  it('sensitivity --merge --lang id', async () => {
    const args = ['sensitivity', fixture('morris.yaml'), '-r', '2', '-q', '-w', '1', '--lang', 'id', '--no-png'];
    const single = join(tmp(), 'sens-single');
    const out = join(tmp(), 'sens-shards');
    await ok([...args, '--out', single]);
    for (let i = 0; i < 2; i++) await ok([...args, '--out', out, '--shard', `${i}/2`, '--no-charts']);
    await ok([...args, '--out', out, '--merge']);
    const dir = resultFolder(out, 'test-morris');
    expect(existsSync(join(dir, 'report.id.md'))).toBe(true);
    expectSameFolder(dir, resultFolder(single, 'test-morris'), 2);
  });

  it('a merge killed while it draws the report leaves whole data and no half report; the same merge again writes it', async () => {
    const out = join(tmp(), 'kill-shards');
    const shards = await threeShardsIn(out);
    const expected = await singleRun();
    const dir = join(out, 'small-city', basename(expected));
    // Killed once the data folder is in place: the report is then being drawn (or, on a fast
    // machine, already written). Whatever the moment, what is left must be whole.
    const { child, done } = startCli(['merge', ...shards, '--out', out]);
    while (!existsSync(join(dir, 'manifest.json')) && child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    await done;
    for (const f of ['summary.csv', 'timeseries.csv', 'outcomes.csv', 'agents.csv', 'events.csv']) {
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(expected, f))), f).toBe(true);
    }
    // A page is only ever renamed into place after charts/ (and report.md after report.html).
    if (existsSync(join(dir, 'report.md'))) expect(existsSync(join(dir, 'report.html'))).toBe(true);
    if (existsSync(join(dir, 'report.html'))) expect(filesUnder(join(dir, 'charts'))).toEqual(filesUnder(join(expected, 'charts')));
    await ok(['merge', ...shards, '--out', out]);
    expect(readdirSync(dir).filter((e) => e.startsWith('.report-tmp-'))).toEqual([]);
    expectSameFolder(dir, expected, 3);
  });
});
