/**
 * A command's what-if bookkeeping takes the scenario file as the command
 * read it: the scenario without each --set (the manifest's `overrides`,
 * scenario/apply-overrides.ts whatIfs) and the warnings of the file as
 * written and with each --set alone (the place a warning names,
 * store/scenario-file.ts warningOverride, jobs/national.ts
 * nationalWarningPlace) are made from what was read and parsed once, not
 * from the file read and parsed again for each --set. The --sets add no
 * read of the file (counted: readFileSync or openSync of its path) and no parse
 * (parseDocument). What the commands say and record is the same as the
 * tests of each say (tests/cli/warning-override-place.test.ts,
 * tests/national/validate-warnings.test.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { yamlCalls } from '../support/yaml-count.js';

// Every path read with readFileSync, or opened with openSync, by the modules under test; every national compile, with the validator it was given.
const seen = vi.hoisted(() => ({ reads: [] as string[], validators: [] as unknown[] }));

vi.mock('yaml', async (importOriginal) => (await import('../support/yaml-count.js')).counting(await importOriginal<typeof import('yaml')>()));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
    seen.reads.push(resolve(String(args[0])));
    return fs.readFileSync(...args);
  }) as typeof fs.readFileSync;
  // A user's file is read through one open (store/scenario-file.ts readUserText: opened once, the opened file
  // checked, then read): an open of a path is a read of it.
  const openSync = ((...args: Parameters<typeof fs.openSync>) => {
    seen.reads.push(resolve(String(args[0])));
    return fs.openSync(...args);
  }) as typeof fs.openSync;
  return { ...fs, readFileSync, openSync, default: { ...fs, readFileSync, openSync } };
});
vi.mock('../../src/model/national/compile.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/model/national/compile.js')>();
  return {
    ...m,
    compileNational: (...args: Parameters<typeof m.compileNational>) => {
      seen.validators.push(args[1]);
      return m.compileNational(...args);
    },
  };
});

// The suite runs files in one process each fork (vitest isolate: false): modules
// another file imported are cached unmocked, so they are imported afresh here.
vi.resetModules();
const { prepareRun } = await import('../../src/jobs/run.js');
const { sweepJob } = await import('../../src/jobs/sweep.js');
const { validateFile } = await import('../../src/cli/validate.js');
const { executeNationalRun } = await import('../../src/jobs/national.js');
const { GovernmentValidator } = await import('../../src/model/national/validate-government.js');

const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const SWEEP = join(ROOT, 'experiments', 'bekasi-sweep.yaml');
const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const folder = testFolder('difusi-what-ifs-once-');

/** How many times `file` was read since the counts were reset. */
const readsOf = (file: string) => seen.reads.filter((p) => p === resolve(file)).length;

const reset = () => {
  seen.reads.length = 0;
  seen.validators.length = 0;
  yamlCalls.parseDocument = 0;
};
beforeEach(reset);
afterEach(() => {
  vi.restoreAllMocks();
});

// Three --sets of a city file: two change the scenario, one gives the value the file has (months: 132), which is not recorded.
const CITY_SETS = { 'parameters.theta_sd': 0, 'parameters.leader_hazard': 0.2, months: 132 };

/** validateFile in process: what it writes to stderr. */
async function validate(file: string, overrides: Record<string, unknown>): Promise<string> {
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    await validateFile(file, overrides);
  } finally {
    vi.restoreAllMocks();
  }
  return stderr;
}

describe('a city file', () => {
  it('difusi run: the what-ifs it records are found from the file read and parsed once', () => {
    prepareRun(BEKASI);
    const plain = { reads: readsOf(BEKASI), parses: yamlCalls.parseDocument };
    reset();
    const run = prepareRun(BEKASI, CITY_SETS);
    expect(run.overrides).toEqual({ 'parameters.theta_sd': 0, 'parameters.leader_hazard': 0.2 });
    expect({ reads: readsOf(BEKASI), parses: yamlCalls.parseDocument }).toEqual(plain);
    expect(plain).toEqual({ reads: 1, parses: 1 });
  });

  it("difusi sweep: the base file is not read again for each --set's what-if", () => {
    sweepJob({ experiment: SWEEP, kind: 'sweep' });
    const plain = readsOf(BEKASI);
    reset();
    const job = sweepJob({ experiment: SWEEP, kind: 'sweep', set: CITY_SETS });
    expect(job.manifest['overrides']).toEqual({ 'parameters.theta_sd': 0, 'parameters.leader_hazard': 0.2 });
    expect(readsOf(BEKASI)).toBe(plain);
  });
});

describe('a national file', () => {
  it('difusi validate: the warnings of the file as written and with each --set alone come from the file read once, validated with one cache', async () => {
    await validate(SMALL, {});
    const plain = { reads: readsOf(SMALL), parses: yamlCalls.parseDocument };
    reset();
    const stderr = await validate(SMALL, { 'parameters.u_fail': 0.8, 'innovations[id=e-office].owner': 'vendor' });
    // Each given by one --set alone: named by it (tests/national/validate-warnings.test.ts).
    expect(stderr).toMatch(/^⚠ command line --set parameters\.u_fail: all 4 governments: parameters\.u_fail \(0\.8\) is above parameters\.u_target \(0\.6\)/m);
    expect(stderr).toContain('⚠ command line --set innovations[id=e-office].owner: government "kota-c": innovations[0] "e-office": owner is vendor, but no vendor is behind it');
    expect({ reads: readsOf(SMALL), parses: yamlCalls.parseDocument }).toEqual(plain);
    // The command's read, the file as written, each --set alone: compiled with one cache of the governments' validated fields.
    expect(seen.validators).toHaveLength(4);
    expect(seen.validators.every((v) => v instanceof GovernmentValidator && v === seen.validators[0])).toBe(true);
  });

  it('difusi validate with one --set: the file with it alone is the file the command read, not compiled again', async () => {
    const stderr = await validate(SMALL, { 'innovations[id=e-office].takeover': 1 });
    expect(stderr).toContain(
      '⚠ command line --set innovations[id=e-office].takeover: all 4 governments: innovations[0] "e-office" sets takeover but is not pilot-funded (funding: apbd): there is no pilot end to take over',
    );
    // The command's read and the file as written (whose warning, the vendor leaving, the file gives).
    expect(seen.validators).toHaveLength(2);
  });

  it('difusi national: its warnings and the what-ifs of its manifest take the file as the run read it', async () => {
    const warned: string[] = [];
    const result = await executeNationalRun({
      file: SMALL,
      outRoot: folder(),
      workers: 1,
      replications: 1,
      overrides: { 'parameters.u_fail': 0.8, 'innovations[id=e-office].owner': 'vendor', 'national_parameters.gov_imitation': 1 },
      command: 'test',
      onWarning: (w, where) => warned.push(`${where ?? 'file'}: ${w}`),
    });
    expect(warned).toContainEqual(expect.stringMatching(/^command line --set parameters\.u_fail: all 4 governments: parameters\.u_fail \(0\.8\)/));
    const reads = readsOf(SMALL);
    // gov_imitation=1 is the default the file takes: not a what-if of the run.
    const manifest = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8')) as { overrides: unknown };
    expect(manifest.overrides).toEqual({ 'parameters.u_fail': 0.8, 'innovations[id=e-office].owner': 'vendor' });
    expect(reads).toBe(1);
  });
});
