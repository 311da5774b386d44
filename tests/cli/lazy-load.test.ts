/**
 * `difusi validate` starts fast because it loads only what validating needs:
 * a command line naming a command loads that command's module alone
 * (cli/program.ts). Checked by listing the modules the process loads (a module
 * hook), not by timing (speed is measured in benchmarks). The same listing
 * of `difusi run --help` shows the hook sees a command's modules when they
 * are loaded. The bundled command line that `difusi` runs (bin/difusi.mjs,
 * dist/cli/) loads chunks: each is listed as the modules it holds
 * (dist/cli/chunks.json, written by scripts/build-cli.mjs).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { CLI, ROOT, SMALL_CITY, assertBuilt, runBin, tempDir } from '../support/cli.js';
import { sharedBy } from '../support/shared.js';

beforeAll(() => assertBuilt());

// Reports every module URL the program loads, one per line on stderr.
const hooks = `export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }`;
const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;

async function listModules(args: readonly string[], entry: string): Promise<string[]> {
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, entry, ...args]);
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
}

/**
 * The module URLs a command line loads. A command line that writes nothing
 * is started once however many tests below read its listing (`validate
 * <city file>` is read by a test and by a control).
 */
const listing = sharedBy((key: string) => {
  const [args, entry] = JSON.parse(key) as [string[], string];
  return listModules(args, entry);
});
const loadedModules = (args: readonly string[], entry = CLI): Promise<string[]> => listing(JSON.stringify([args, entry]));

/** The modules `difusi` (the bundle) loads: each chunk's modules as file URLs, and what it loads from node_modules as is. */
async function bundledModules(args: readonly string[]): Promise<string[]> {
  const chunks = JSON.parse(readFileSync(join(ROOT, 'dist', 'cli', 'chunks.json'), 'utf8')) as Record<string, string[]>;
  const bundle = pathToFileURL(join(ROOT, 'dist', 'cli')).href + '/';
  return (await loadedModules(args, join(ROOT, 'bin', 'difusi.mjs'))).flatMap((url) => {
    if (!url.startsWith(bundle)) return [url];
    const inside = chunks[url.slice(bundle.length)];
    if (inside === undefined) throw new Error(`${url} is not in dist/cli/chunks.json`);
    return inside.map((m) => pathToFileURL(join(ROOT, m)).href);
  });
}

// What validating a city scenario (`difusi validate <file>`) never needs.
const UNNEEDED = [
  /\/cli\/(run|compare|sweep|sensitivity|merge|patterns|report|odd|explore|national|generate-national|progress)\.js$/,
  /\/jobs\//,
  /\/report\//,
  /\/validation\//,
  /\/experiment\/spec\.js$/,
  /node_modules\/(cli-progress|csv-parse|piscina)\//,
  // `difusi validate <file>` alone needs no argument parser (cli/program.ts).
  /node_modules\/(yargs|yargs-parser|cliui|y18n)\//,
  // Nor the warnings in Bahasa Indonesia (--lang id only: cli/warning-lang.ts).
  /\/messages\/warning-text-id\.js$/,
  // Nor the help in Bahasa Indonesia (--lang id only: cli/program.ts).
  /\/cli\/help-id\.js$/,
  // Nor the problems' lines in Bahasa Indonesia (--lang id only, and for validate only on a refusal: cli/program.ts, cli/errors.ts).
  /\/messages\/issue-text\.js$/,
];

describe('difusi validate loads only what it needs', () => {
  it('no other command, job, report, progress bar or CSV parser', async () => {
    const loaded = await loadedModules(['validate', SMALL_CITY]);
    expect(loaded.some((u) => u.endsWith('/cli/validate.js'))).toBe(true);
    expect(loaded.filter((u) => UNNEEDED.some((p) => p.test(u)))).toEqual([]);
  });

  it('(control) the listing sees a command module when one is loaded', async () => {
    const loaded = await loadedModules(['run', '--help']);
    expect(loaded.filter((u) => UNNEEDED.some((p) => p.test(u))).some((u) => u.endsWith('/cli/run.js'))).toBe(true);
  });

  // The command was taken as the first word: `-q validate <file> --lang id` loaded every command and the problems'
  // lines in Bahasa Indonesia, though the file is valid. A leading --quiet or --lang (start.ts commandName) is skipped.
  it('the same with --quiet or --lang before the command', async () => {
    const after = await loadedModules(['validate', SMALL_CITY, '-q', '--lang', 'id']);
    expect(after.some((u) => u.endsWith('/cli/validate.js'))).toBe(true);
    for (const before of [['-q', 'validate', SMALL_CITY, '--lang', 'id'], ['--quiet', '--lang', 'id', 'validate', SMALL_CITY], ['--lang=id', '-q', 'validate', SMALL_CITY]]) {
      const loaded = await loadedModules(before);
      expect(loaded.filter((u) => /\/messages\/issue-text\.js$|\/cli\/(?!validate\.js$)[^/]+\.js$/.test(u) && !after.includes(u)), before.join(' ')).toEqual([]);
      expect(new Set(loaded), before.join(' ')).toEqual(new Set(after));
    }
  });

  it('(control) validate --lang id loads the warnings in Bahasa Indonesia', async () => {
    const loaded = await loadedModules(['validate', SMALL_CITY, '--lang', 'id']);
    expect(loaded.some((u) => u.endsWith('/messages/warning-text-id.js'))).toBe(true);
  });
});

describe('difusi (the bundle) validate loads only what it needs', () => {
  it('no other command, job, report, progress bar or CSV parser, and no zod message locale but English', async () => {
    const loaded = await bundledModules(['validate', SMALL_CITY]);
    expect(loaded.some((u) => u.endsWith('/dist/src/cli/validate.js'))).toBe(true);
    expect(loaded.some((u) => u.endsWith('/dist/src/scenario/schema.js'))).toBe(true);
    expect(loaded.filter((u) => UNNEEDED.some((p) => p.test(u)))).toEqual([]);
    expect(loaded.filter((u) => /\/zod\/v4\/locales\/(?!en\.js$|index\.js$)/.test(u))).toEqual([]);
    expect(loaded).not.toContain('node:child_process');
    // Nothing outside the bundle but Node's own modules and bin/difusi.mjs.
    expect(loaded.filter((u) => !u.startsWith('node:') && !u.startsWith(pathToFileURL(join(ROOT, 'dist', 'src')).href) && !/\/node_modules\//.test(u) && !u.endsWith('/bin/difusi.mjs'))).toEqual([]);
  });

  it('(control) the listing sees a command module in a chunk when one is loaded', async () => {
    const loaded = await bundledModules(['run', '--help']);
    expect(loaded.filter((u) => UNNEEDED.some((p) => p.test(u))).some((u) => u.endsWith('/cli/run.js'))).toBe(true);
  });
});

describe('difusi --help loads no schema validator', () => {
  // zod and the scenario schema are most of what validating costs at
  // start-up; listing the commands needs neither. Commands import what
  // needs them in their handlers (cli/compare.ts, cli/sweep.ts), and --set
  // is parsed by scenario/apply-overrides.ts, which does not validate.
  const SCHEMA = /node_modules\/zod\/|\/scenario\/(schema|parse|national-schema)\.js$|\/experiment\/spec\.js$|\/store\/tables\.js$/;

  it('no zod, scenario schema, experiment spec or table schema (tsc output, and the bundle)', async () => {
    const [plain, bundled] = await Promise.all([loadedModules(['--help']), bundledModules(['--help'])]);
    expect(plain.some((u) => u.endsWith('/cli/main.js'))).toBe(true);
    expect(plain.filter((u) => SCHEMA.test(u))).toEqual([]);
    expect(bundled.some((u) => u.endsWith('/cli/compare.js'))).toBe(true);
    expect(bundled.filter((u) => SCHEMA.test(u))).toEqual([]);
  });

  it('nor the help in Bahasa Indonesia, which --help --lang id loads (tsc output, and the bundle)', async () => {
    const HELP_ID = /\/cli\/help-id\.js$/;
    const [plain, bundled, run] = await Promise.all([loadedModules(['--help']), bundledModules(['--help']), bundledModules(['run', '--help'])]);
    expect([...plain, ...bundled, ...run].filter((u) => HELP_ID.test(u))).toEqual([]);
    const [plainId, bundledId] = await Promise.all([loadedModules(['--help', '--lang', 'id']), bundledModules(['run', '--help', '--lang=id'])]);
    expect(plainId.some((u) => HELP_ID.test(u))).toBe(true);
    expect(bundledId.some((u) => HELP_ID.test(u))).toBe(true);
  });

  it('(control) the listing sees zod when a command that needs it runs', async () => {
    const [plain, bundled] = await Promise.all([loadedModules(['validate', SMALL_CITY]), bundledModules(['validate', SMALL_CITY])]);
    expect(plain.some((u) => /node_modules\/zod\//.test(u))).toBe(true);
    expect(bundled.some((u) => /node_modules\/zod\//.test(u))).toBe(true);
  });
});

describe('difusi validate still tells a national file from a city one', () => {
  // A city file is not parsed a second time to look for `governments`
  // (cli/validate.ts): a national file, YAML or JSON, must still be one.
  const national = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

  it('a national YAML file and the same as JSON', async () => {
    const json = join(tempDir('national-json'), 'small-national.json');
    writeFileSync(json, JSON.stringify(parse(readFileSync(national, 'utf8'))));
    // `difusi` as installed (the bundle, half the start-up): a national file, which its own start of a plain
    // validate leaves alone (cli/validate-start.ts), is validated by the same cli/validate.ts; both at once.
    const results = await Promise.all([national, json].map((file) => runBin(['validate', file])));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/: national scenario "/);
    }
  });
});


describe('a worker thread that runs replications loads no schema validator', () => {
  // Every thread of `--workers K` loads the worker module; zod and the
  // scenario schema (95 modules) would add a fixed cost to each thread
  // start. The scenario reaches the thread already validated.
  it('experiment/worker.js and the timeseries formatter load no zod, schema, tables or statistics', async () => {
    const entry = join(tempDir('difusi-worker-load-'), 'load-worker.mjs');
    writeFileSync(entry, `await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'experiment', 'worker.js')).href)});\n`);
    const loaded = await listModules([], entry);
    expect(loaded.some((u) => u.endsWith('/experiment/worker.js'))).toBe(true);
    // The formatter is a static import of the worker module.
    expect(loaded.some((u) => u.endsWith('/store/timeseries-text.js'))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/zod\/|\/scenario\/schema\.js$|\/store\/(tables|run-folder)\.js$|simple-statistics|@stdlib/.test(u))).toEqual([]);
  });
});

describe('a national command loads the chart code only when it draws charts', () => {
  // src/jobs/national.ts imported the national charts at its top, so every
  // national command (validate, a refusal, --no-charts) loaded vega and the
  // renderer: about 1 s of start-up.
  const national = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
  const CHARTS = /node_modules\/(vega|vega-lite|@resvg)\/|\/report\/(render|national-charts)\.js$/;

  it('validate and a run with --no-charts load no vega, renderer or national charts', async () => {
    const out = tempDir('difusi-national-lazy-');
    const [validated, ran] = await Promise.all([
      loadedModules(['validate', national]),
      listModules(['national', national, '-r', '1', '--no-charts', '--quiet', '--out', out], CLI),
    ]);
    expect(validated.some((u) => u.endsWith('/jobs/national.js') || u.endsWith('/cli/validate.js'))).toBe(true);
    expect(ran.some((u) => u.endsWith('/jobs/national.js'))).toBe(true);
    expect(validated.filter((u) => CHARTS.test(u))).toEqual([]);
    expect(ran.filter((u) => CHARTS.test(u))).toEqual([]);
  });

  it('(control) a run that draws its charts loads them', async () => {
    const out = tempDir('difusi-national-lazy-');
    const loaded = await listModules(['national', national, '-r', '1', '--quiet', '--out', out], CLI);
    expect(loaded.some((u) => /\/report\/national-charts\.js$/.test(u))).toBe(true);
  });
});
