/**
 * Golden bytes: every shipped scenario (scenarios/*.yaml and
 * scenarios/validation/*.yaml) run through the command line with a fixed
 * seed and 4 replications, one comparison, one sweep and one sensitivity
 * analysis; the sha256 of every data file and the printed terminal table
 * must equal what tests/fixtures/golden/*.json holds.
 *
 * Why: refactoring (moving code between layers, defining tables once, jobs
 * that return data) must not change a single byte a user gets. A refactor
 * that changes any of these hashes is wrong.
 *
 * The hashes change ONLY when the model's draws or results change on
 * purpose (a new submodel, a changed default, a fixed bug in the engine):
 * then regenerate them with `npm run golden`, read the diff of
 * tests/fixtures/golden/, and say in the commit message why the results
 * changed. Never regenerate to make a refactoring pass.
 *
 * What is hashed: the data files (CSV) byte for byte; manifest.json without
 * its varying or free-text fields (timings, the command line with its
 * temporary --out, the tool version, the scenario's Info pages, English
 * and Indonesian, and the experiment's description, English and Indonesian); stdout with the temporary output root replaced
 * by `<out>`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder, runBin } from '../support/cli.js';

const GOLDEN = join(ROOT, 'tests', 'fixtures', 'golden');
const UPDATE = process.env['GOLDEN_UPDATE'] === '1';

interface Case {
  readonly name: string;
  readonly args: readonly string[];
}

function shippedScenarios(): string[] {
  const list = (dir: string) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.yaml'))
      // National scenarios run with `difusi national`; their bytes are held by tests/national.
      .filter((f) => !/^governments:/m.test(readFileSync(join(ROOT, dir, f), 'utf8')))
      .sort()
      .map((f) => `${dir}/${f}`);
  return [...list('scenarios'), ...list('scenarios/validation')];
}

const COMMON = ['--workers', '1', '--no-charts', '--quiet'];
const CASES: Case[] = [
  ...shippedScenarios().map((file) => ({
    name: `run-${file.replace(/^scenarios\//, '').replace(/\//g, '-').replace(/\.yaml$/, '')}`,
    args: ['run', file, '-r', '4', '--detail', '4', ...COMMON],
  })),
  { name: 'compare-bekasi-pilot-takeover', args: ['compare', 'experiments/bekasi-pilot-takeover.yaml', '-r', '4', ...COMMON] },
  { name: 'sweep-bekasi-sweep', args: ['sweep', 'experiments/bekasi-sweep.yaml', '-r', '2', ...COMMON] },
  {
    name: 'sensitivity-test-morris',
    args: ['sensitivity', 'tests/experiment/fixtures/morris.yaml', '--method', 'morris', '-r', '2', ...COMMON],
  },
];

interface Golden {
  readonly command: string;
  readonly stdout: string;
  readonly files: Record<string, string>;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** manifest.json without what varies from run to run or is prose edited by others. */
function stableManifest(text: string): string {
  const m = JSON.parse(text) as Record<string, unknown>;
  const drop = (o: unknown, keys: string[]) => {
    if (o !== null && typeof o === 'object') for (const k of keys) delete (o as Record<string, unknown>)[k];
  };
  drop(m, ['timings', 'command']);
  drop(m['tool'], ['version']);
  drop(m['scenario'], ['info', 'info_id']);
  drop(m['experiment'], ['description', 'description_id']);
  return JSON.stringify(m);
}

/** Every file under `dir` (relative, sorted), hashed. */
function hashFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const rel = relative(dir, p).split('\\').join('/');
        const bytes = readFileSync(p);
        if (e === 'manifest.json') out[rel] = sha256(stableManifest(bytes.toString('utf8')));
        else out[rel] = sha256(bytes);
      }
    }
  };
  walk(dir);
  return out;
}

/** The one result folder under `<out>/<name>/`. */
function onlyResult(out: string): string {
  const names = readdirSync(out).filter((n) => !n.startsWith('.'));
  if (names.length !== 1) throw new Error(`expected one name folder in ${out}, found ${names.join(', ')}`);
  const base = join(out, names[0]!);
  const keys = readdirSync(base).filter((n) => !n.startsWith('.'));
  if (keys.length !== 1) throw new Error(`expected one result folder in ${base}, found ${keys.join(', ')}`);
  return join(base, keys[0]!);
}

const folder = cliTestFolder('difusi-golden-');
let tmp = '';
const results = new Map<string, Golden | Error>();

/**
 * Each case runs `difusi` as installed (runBin: bin/difusi.mjs, the bundle a
 * user's `difusi` runs; tests/cli/bundle.test.ts checks it behaves as
 * dist/src/cli/main.js), which starts in about half the time.
 */
async function runCase(c: Case): Promise<void> {
  const out = join(tmp, c.name);
  const r = await runBin([...c.args, '--out', out]);
  if (r.code !== 0) {
    results.set(c.name, new Error(`${c.args.join(' ')} exited ${r.code}: ${r.stderr}`));
    return;
  }
  results.set(c.name, {
    command: ['difusi', ...c.args].join(' '),
    stdout: r.stdout.split(out).join('<out>'),
    files: hashFolder(onlyResult(out)),
  });
}

beforeAll(async () => {
  tmp = folder();
  // Two processes at a time (two cores).
  const queue = [...CASES];
  await Promise.all(
    [0, 1].map(async () => {
      for (let c = queue.shift(); c !== undefined; c = queue.shift()) await runCase(c);
    }),
  );
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    for (const f of readdirSync(GOLDEN)) if (f.endsWith('.json')) rmSync(join(GOLDEN, f));
    for (const [name, g] of results) {
      if (g instanceof Error) throw g;
      writeFileSync(join(GOLDEN, `${name}.json`), JSON.stringify(g, null, 2) + '\n');
    }
  }
});

describe('golden bytes of every shipped scenario, a comparison, a sweep and a sensitivity analysis', () => {
  it('has a committed golden file for every case and no stale one', () => {
    const committed = existsSync(GOLDEN) ? readdirSync(GOLDEN).filter((f) => f.endsWith('.json')).sort() : [];
    expect(committed).toEqual(CASES.map((c) => `${c.name}.json`).sort());
  });

  for (const c of CASES) {
    it(`${c.name}: data files, manifest and terminal output unchanged`, () => {
      const got = results.get(c.name);
      if (got instanceof Error) throw got;
      const want = JSON.parse(readFileSync(join(GOLDEN, `${c.name}.json`), 'utf8')) as Golden;
      expect(got!.command).toBe(want.command);
      expect(got!.files).toEqual(want.files);
      expect(got!.stdout).toBe(want.stdout);
    });
  }
});
