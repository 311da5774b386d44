/**
 * The bundled command line (dist/cli/, scripts/build-cli.mjs), which
 * `difusi` (bin/difusi.mjs) runs, behaves as tsc's output
 * (dist/src/, which the rest of the suite runs): the same exit
 * code, stdout and stderr for each command line below, the same result
 * files for a run. bin/difusi.mjs runs the bundle only while it is at least
 * as new as tsc's output, and the suite refuses a bundle built from other
 * sources (scripts/build-stamp.mjs).
 *
 * The bundle side is always a process (bin/difusi.mjs, as installed). tsc's
 * side runs in the test's own process (runInProcess, tests/support/
 * in-process.ts: dist/src/cli/program.js, which tests/cli/in-process.test.ts
 * shows gives what a `node dist/src/cli/main.js` process gives), except
 * where the command line is given its own environment (LOG_TOKENS, LANG),
 * which only a process can have: there it is `node dist/src/cli/main.js`.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStampFile, staleReason, writeStamp } from '../../scripts/build-stamp.mjs';
import { CLI, ROOT, SMALL_CITY, assertBuilt, readDataFiles, resultFolder, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { sharedBy } from '../support/shared.js';

const BIN = join(ROOT, 'bin', 'difusi.mjs');
const BUNDLE = join(ROOT, 'dist', 'cli', 'difusi.js');

beforeAll(() => assertBuilt());

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(entry: string, args: readonly string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [entry, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** tsc's output run in this process (runInProcess), as run(CLI, args) reads a process. */
async function inProcess(args: readonly string[]): Promise<Outcome> {
  const { code, stdout, stderr } = await runInProcess(args);
  return { code: code!, stdout, stderr };
}

/**
 * What tsc's output does for a command line that writes nothing: the
 * reference each bundle below is compared with, run once for each command
 * line and environment however many tests compare with it. In this process
 * unless the command line is given an environment of its own.
 */
const compiledOutcome = sharedBy((key: string) => {
  const [args, env] = JSON.parse(key) as [string[], Record<string, string>];
  return Object.keys(env).length === 0 ? inProcess(args) : run(CLI, args, env);
});
const compiled = (args: readonly string[], env: Record<string, string> = {}) => compiledOutcome(JSON.stringify([args, env]));

/** The module URLs a command line loads (tests/support/scripts-loaded.mjs lists them on stderr). */
async function loadedBy(entry: string, args: readonly string[]): Promise<string[]> {
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(join(ROOT, 'tests', 'support', 'scripts-loaded.mjs')).href, entry, ...args]);
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
}

const fixture = (...p: string[]) => join('tests', ...p);
const COMMANDS = ['run', 'validate', 'schema', 'merge', 'patterns', 'report', 'compare', 'sweep', 'sensitivity', 'odd', 'explore', 'national', 'generate-national', 'national-merge', 'national-compare'];

/**
 * Command lines that write nothing: help, validation (good and bad files), schemas, argument errors.
 * One command line per path through difusi's code: `-h` (yargs's alias of `--help`, the same
 * code in both builds) and a second good city file (scenarios/bekasi-2015-2025.yaml, the same
 * plain validate as SMALL_CITY, dist/cli/difusi-validate.js) were each compared as well, at two
 * process starts apiece.
 */
const CASES: (readonly string[])[] = [
  ['--help'],
  ['--version'],
  [],
  ...COMMANDS.map((c) => [c, '--help']),
  ['validate', SMALL_CITY],
  ['validate', fixture('national', 'fixtures', 'small-national.yaml')],
  ['validate', fixture('fixtures', 'scenarios', 'minimal.json')],
  ['validate', fixture('fixtures', 'bad', 'yaml-syntax.yaml')],
  ['validate', fixture('fixtures', 'bad', 'json-syntax.json')],
  ['validate', fixture('fixtures', 'bad', 'unknown-field.yaml')],
  ['validate', fixture('fixtures', 'bad', 'unknown-reference.yaml')],
  ['validate', fixture('fixtures', 'bad', 'wrong-type.yaml')],
  ['validate', fixture('fixtures', 'bad', 'month-outside-horizon.yaml')],
  ['validate', 'no-such-file.yaml'],
  ['validate', 'tests'],
  ['validate'],
  ['validate', 'a.yaml', 'b.yaml'],
  ['validate', '--help', 'x'],
  ['schema'],
  ['schema', '--national'],
  ['no-such-command'],
  ['--no-such-option'],
  ['run', SMALL_CITY, '--seed', ''],
  ['run', SMALL_CITY, '--workers', '0'],
  ['run', SMALL_CITY, '--shard', '3/2'],
  ['run', SMALL_CITY, '--set', 'parameters.no_such=1'],
  ['sweep', 'experiments/no-such.yaml'],
];

describe('bin/difusi.mjs runs the bundle, and the bundle behaves as tsc\'s output', () => {
  it('bin/difusi.mjs loads the bundle, not the separate modules', async () => {
    const loaded = await loadedBy(BIN, ['--version']);
    expect(loaded).toContain(pathToFileURL(BUNDLE).href);
    expect(loaded.filter((l) => l.includes('/dist/src/'))).toEqual([]);
  });

  it('every chunk loads (links to its packages and evaluates), not only those the cases below reach', async () => {
    const chunks = readdirSync(join(ROOT, 'dist', 'cli')).filter((f) => f.endsWith('.js') && f !== 'difusi.js');
    expect(chunks.length).toBeGreaterThan(10);
    const script = `for (const f of ${JSON.stringify(chunks)}) await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli')).href + '/')} + f);`;
    const r = await run('--input-type=module', ['-e', script]);
    expect(r, r.stderr).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 60_000);

  it('the commands whose --help is compared below are every command `difusi --help` lists', async () => {
    const listed = [...(await compiled(['--help'])).stdout.matchAll(/^ {2}difusi ([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed).toEqual(COMMANDS);
  });

  it.each(CASES.map((args) => [args.join(' ') || '(no arguments)', args] as const))('difusi %s', async (_, args) => {
    const [bundled, reference] = await Promise.all([run(BIN, args), compiled(args)]);
    expect(bundled).toEqual(reference);
  }, 120_000);

  it('yaml prints its tokens when LOG_TOKENS is set, as before (the bundle reads it once, scripts/build-cli.mjs)', async () => {
    const env = { LOG_TOKENS: '1' };
    const [bundled, compiled] = await Promise.all([run(BIN, ['validate', SMALL_CITY], env), run(CLI, ['validate', SMALL_CITY], env)]);
    expect(compiled.stdout).toMatch(/^\| "/m);
    expect(bundled).toEqual(compiled);
  });

  it('a plain validate of a city file starts from dist/cli/difusi-validate.js alone; a national file goes on to dist/cli/difusi.js', async () => {
    const cli = pathToFileURL(join(ROOT, 'dist', 'cli')).href + '/';
    const ours = async (args: readonly string[]) => (await loadedBy(BIN, args)).filter((u) => u.startsWith(cli)).map((u) => u.slice(cli.length));
    const city = await ours(['validate', SMALL_CITY]);
    expect(city).toContain('difusi-validate.js');
    expect(city.filter((f) => !/^(difusi-validate|package-[\w-]+|chunk-[\w-]+)\.js$/.test(f))).toEqual([]);
    expect(city.length).toBeLessThan(6);
    const national = await ours(['validate', fixture('national', 'fixtures', 'small-national.yaml')]);
    expect(national).toContain('difusi-validate.js');
    expect(national).toContain('difusi.js');
  });

  it('yargs messages in the user language (LANG=fr_FR.UTF-8) as before', async () => {
    const env = { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const [bundled, reference] = await Promise.all([run(BIN, ['validate'], env), compiled(['validate'], env)]);
    expect(reference.stderr).toMatch(/arguments/);
    expect(bundled).toEqual(reference);
  });

  it('a run (worker threads, report, charts) writes the same result files', async () => {
    const outs = [tempDir('bundle-run-'), tempDir('compiled-run-')];
    try {
      // Two replications on two worker threads: each thread runs one, as many as it takes for both builds' worker files to start.
      const args = (out: string) => ['run', SMALL_CITY, '--replications', '2', '--workers', '2', '--out', out, '--quiet'];
      const [bundled, compiled] = await Promise.all([run(BIN, args(outs[0]!)), inProcess(args(outs[1]!))]);
      expect(bundled.code, bundled.stderr).toBe(0);
      expect({ ...bundled, stdout: bundled.stdout.replaceAll(outs[0]!, 'OUT') }).toEqual({ ...compiled, stdout: compiled.stdout.replaceAll(outs[1]!, 'OUT') });
      const [a, b] = outs.map((o) => resultFolder(o, 'small-city'));
      expect(readDataFiles(a!)).toEqual(readDataFiles(b!));
      expect(readdirSync(a!).sort()).toEqual(readdirSync(b!).sort());
      const report = (dir: string, out: string) => readFileSync(join(dir, 'report.md'), 'utf8').replaceAll(out, 'OUT');
      expect(report(a!, outs[0]!)).toBe(report(b!, outs[1]!));
    } finally {
      for (const o of outs) rmSync(o, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('the bundle where npm installs it', () => {
  // As installed from the package: bin/ and dist/ under node_modules/difusi,
  // the dependencies in the project's node_modules (linked from this clone),
  // every file with the same time (npm packs them so).
  const project = tempDir('difusi-installed-');
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const installed = join(project, 'node_modules', 'difusi');

  it('runs the bundle, finds its packages, translations and worker files', async () => {
    mkdirSync(installed, { recursive: true });
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies)) {
      mkdirSync(dirname(join(project, 'node_modules', dep)), { recursive: true });
      symlinkSync(realpathSync(join(ROOT, 'node_modules', dep)), join(project, 'node_modules', dep), 'dir');
    }
    for (const f of ['dist/cli/build-stamp.json', 'dist/src/cli/main.js', 'dist/tsconfig.build.tsbuildinfo']) utimesSync(join(installed, f), 500_000_000, 500_000_000);
    const bin = join(installed, 'bin', 'difusi.mjs');
    const fr = { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    expect(await run(bin, ['validate'], fr)).toEqual(await compiled(['validate'], fr));
    expect(await run(bin, ['--version'])).toEqual(await compiled(['--version']));
    const out = join(project, 'out');
    const r = await run(bin, ['run', SMALL_CITY, '--replications', '2', '--workers', '2', '--no-charts', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(readDataFiles(resultFolder(out, 'small-city')))).toHaveLength(5);
    expect(await loadedBy(bin, ['--version'])).toContain(pathToFileURL(join(installed, 'dist', 'cli', 'difusi.js')).href);
  }, 300_000);
});

describe('bin/difusi.mjs never runs a bundle older than tsc output', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  const MAIN = ['dist', 'src', 'cli', 'main.js'];
  const STAMP = ['dist', 'cli', 'build-stamp.json'];
  const INFO = ['dist', 'tsconfig.build.tsbuildinfo'];
  /**
   * A copy of bin/difusi.mjs in a package whose two entries say which one ran: one for each test, which sets its
   * files' times and removes files (the bundle, its stamp) whatever the order the tests run in.
   */
  function binPackage() {
    const root = tempDir('difusi-bin-');
    roots.push(root);
    const path = (...p: string[]) => join(root, ...p);
    mkdirSync(path('bin'));
    mkdirSync(path('dist', 'src', 'cli'), { recursive: true });
    mkdirSync(path('dist', 'cli'), { recursive: true });
    copyFileSync(BIN, path('bin', 'difusi.mjs'));
    writeFileSync(path('package.json'), '{"type":"module"}');
    writeFileSync(path('dist', 'src', 'cli', 'main.js'), 'process.stdout.write("compiled");');
    writeFileSync(path('dist', 'cli', 'difusi.js'), 'process.stdout.write("bundle");');
    writeFileSync(path('dist', 'cli', 'build-stamp.json'), '{}');
    writeFileSync(path('dist', 'tsconfig.build.tsbuildinfo'), '{}');
    const at = (file: string[], seconds: number) => utimesSync(path(...file), seconds, seconds);
    const which = async () => (await run(path('bin', 'difusi.mjs'), [])).stdout;
    return { path, at, which };
  }

  it('bundled after tsc: the bundle; the same time (as in an npm package): the bundle', async () => {
    const { at, which } = binPackage();
    at(MAIN, 1000);
    at(INFO, 1000);
    at(STAMP, 2000);
    expect(await which()).toBe('bundle');
    at(STAMP, 1000);
    expect(await which()).toBe('bundle');
  });

  it('tsc wrote dist/src after the bundle (tsc -b, tsc -p, npm start): tsc output', async () => {
    const { at, which } = binPackage();
    at(MAIN, 3000);
    at(INFO, 1000);
    at(STAMP, 2000);
    expect(await which()).toBe('compiled');
    at(MAIN, 1000);
    at(INFO, 3000);
    expect(await which()).toBe('compiled');
  });

  it('a plain validate: the bundle\'s own start of it only while the bundle is current', async () => {
    const { path, at } = binPackage();
    writeFileSync(path('dist', 'cli', 'difusi-validate.js'), 'export async function startValidate(args) { process.stdout.write("validate " + args.join(" ")); return args[1] === "city.yaml"; }');
    const validate = async (file: string) => (await run(path('bin', 'difusi.mjs'), ['validate', file])).stdout;
    at(MAIN, 1000);
    at(INFO, 1000);
    at(STAMP, 2000);
    expect(await validate('city.yaml')).toBe('validate validate city.yaml');
    // It declined (a national file): the bundle.
    expect(await validate('national.yaml')).toBe('validate validate national.yamlbundle');
    at(MAIN, 3000);
    expect(await validate('city.yaml')).toBe('compiled');
    rmSync(path('dist', 'cli', 'difusi-validate.js'));
    at(MAIN, 1000);
    expect(await validate('city.yaml')).toBe('bundle');
  });

  it('no bundle stamp or no bundle: tsc output', async () => {
    const { path, at, which } = binPackage();
    at(MAIN, 1000);
    at(INFO, 1000);
    at(STAMP, 2000);
    rmSync(path(...STAMP));
    expect(await which()).toBe('compiled');
    writeFileSync(path(...STAMP), '{}');
    at(STAMP, 2000);
    rmSync(path('dist', 'cli', 'difusi.js'));
    expect(await which()).toBe('compiled');
  });
});

describe('bin/difusi.mjs in a clone never built', () => {
  const root = tempDir('difusi-first-use-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds (npm run build), then runs what the build wrote', async () => {
    mkdirSync(join(root, 'bin'));
    copyFileSync(BIN, join(root, 'bin', 'difusi.mjs'));
    // A stand-in for the real build: writes the two entries and the bundle's stamp.
    const build = [
      "import { mkdirSync, writeFileSync } from 'node:fs';",
      "mkdirSync('dist/src/cli', { recursive: true }); mkdirSync('dist/cli', { recursive: true });",
      "writeFileSync('dist/src/cli/main.js', 'process.stdout.write(\"compiled\");');",
      "writeFileSync('dist/cli/difusi.js', 'process.stdout.write(\"bundle\");');",
      "writeFileSync('dist/cli/build-stamp.json', '{}');",
    ].join('\n');
    writeFileSync(join(root, 'build.mjs'), build);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module', scripts: { build: 'node build.mjs' } }));
    const r = await run(join(root, 'bin', 'difusi.mjs'), []);
    expect(r).toEqual({ code: 0, stdout: 'bundle', stderr: 'difusi: first use in this folder: compiling (npm run build) ...\n' });
  }, 60_000);
});

describe('the suite refuses a stale bundle', () => {
  const root = tempDir('difusi-bundle-stamp-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a bundle stamp from other sources, or none, when dist/cli/ exists', async () => {
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    writeFileSync(join(root, 'tsconfig.build.json'), '{}');
    await writeStamp(root);
    expect(staleReason(root)).toBeNull();
    mkdirSync(join(root, 'dist', 'cli'));
    expect(staleReason(root)).toMatch(/dist\/cli\/build-stamp\.json is missing/);
    writeFileSync(bundleStampFile(root), JSON.stringify({ sources: 'other' }));
    expect(staleReason(root)).toMatch(/dist\/cli\/ was bundled from other sources/);
    writeFileSync(bundleStampFile(root), readFileSync(join(root, 'dist', 'build-stamp.json')));
    expect(staleReason(root)).toBeNull();
  });

  it('this clone: the bundle exists and matches the sources', () => {
    expect(readFileSync(BUNDLE, 'utf8').length).toBeGreaterThan(0);
    expect(staleReason(ROOT)).toBeNull();
  });
});
