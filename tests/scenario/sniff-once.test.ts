/**
 * `difusi validate`, `run` and `national` parse a file once: the sniff that
 * tells a national file from a city one (store/national-sniff.ts sniffScenarioFile) hands
 * what it parsed to the reader, which does not parse it again. This replaced
 * a module-level cache (scenario/yaml-once.ts) that kept the sniff's document
 * until a reader of the same text took it. Parsing is the cost of a large
 * file (a dense 4 MiB national file: about 20 s of CPU per parse).
 */
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { yamlCalls as calls } from '../support/yaml-count.js';

// Every parseDocument of the modules under test, counted.
vi.mock('yaml', async (importOriginal) => (await import('../support/yaml-count.js')).counting(await importOriginal<typeof import('yaml')>()));

// The suite runs files in one process each fork (vitest isolate: false): modules
// another file imported are cached unmocked, so they are imported afresh here.
vi.resetModules();
const { sniffScenarioFile, isNationalFile } = await import('../../src/store/national-sniff.js');
const { readNationalFile } = await import('../../src/store/national-file.js');
const { readScenarioFile } = await import('../../src/store/scenario-file.js');
const { validateFile } = await import('../../src/cli/validate.js');
const { startValidate } = await import('../../src/cli/validate-start.js');
const { refuseNationalScenario } = await import('../../src/cli/national-hint.js');
const { prepareRun } = await import('../../src/jobs/run.js');
const { nationalCommand } = await import('../../src/cli/national.js');

const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
const folder = testFolder('difusi-sniff-once-');

// Before each test: other files may have run the counting parser since.
beforeEach(() => {
  calls.parseDocument = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** validateFile in process: what it writes to stdout and stderr. */
async function validate(file: string): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    await validateFile(file);
  } finally {
    vi.restoreAllMocks();
  }
  return { stdout, stderr };
}

describe('the sniff hands what it parsed to the reader', () => {
  it('a national file: one parse for the sniff and the reader, the same file as read alone', () => {
    const alone = readNationalFile(SMALL);
    calls.parseDocument = 0;
    const sniffed = sniffScenarioFile(SMALL);
    expect(sniffed.national).toBe(true);
    const after = readNationalFile(SMALL, {}, sniffed.parsed);
    expect(calls.parseDocument).toBe(1);
    expect(after.hash).toBe(alone.hash);
    expect(after.scenario).toEqual(alone.scenario);
    expect(after.locate(['governments', 1, 'name'], 'value')).toEqual(alone.locate(['governments', 1, 'name'], 'value'));
  });

  it('a city file that names governments (in a comment): one parse, the same scenario', () => {
    const file = join(folder(), 'city.yaml');
    writeFileSync(file, `# one of many local governments\n${readFileSync(BEKASI, 'utf8')}`);
    const alone = readScenarioFile(file);
    calls.parseDocument = 0;
    const sniffed = sniffScenarioFile(file);
    expect(sniffed.national).toBe(false);
    expect(readScenarioFile(file, {}, sniffed.parsed).hash).toBe(alone.hash);
    expect(calls.parseDocument).toBe(1);
  });

  it('what was parsed of another text is not used: the file is read as it is now', () => {
    const file = join(folder(), 'national.yaml');
    copyFileSync(SMALL, file);
    const sniffed = sniffScenarioFile(file);
    writeFileSync(file, readFileSync(SMALL, 'utf8').replace(/^name: .*$/m, 'name: changed-since'));
    expect(readNationalFile(file, {}, sniffed.parsed).scenario.name).toBe('changed-since');
  });

  it('no state is kept between calls: each sniff of the same file parses it', () => {
    expect(isNationalFile(SMALL)).toBe(true);
    expect(isNationalFile(SMALL)).toBe(true);
    expect(calls.parseDocument).toBe(2);
  });
});

describe('difusi validate', () => {
  it('a national YAML file: parsed once, summary as before', async () => {
    const { stdout } = await validate(SMALL);
    expect(calls.parseDocument).toBe(1);
    expect(stdout).toMatch(/^✓ .*: national scenario "/);
  });

  it('a national JSON file: no YAML parse at all (the sniff used to parse it as YAML)', async () => {
    const file = join(folder(), 'national.json');
    const { parse } = await vi.importActual<typeof import('yaml')>('yaml');
    writeFileSync(file, JSON.stringify(parse(readFileSync(SMALL, 'utf8')), null, 2));
    const { stdout } = await validate(file);
    expect(calls.parseDocument).toBe(0);
    expect(stdout).toMatch(/^✓ .*: national scenario "/);
  });

  it("the bundle's quick start leaves a file naming governments to the full start, unparsed", async () => {
    expect(await startValidate(['validate', SMALL])).toBe(false);
    expect(calls.parseDocument).toBe(0);
  });
});

describe('difusi run', () => {
  it('a city file that names governments: its national check hands the document to the reader, one parse', () => {
    const file = join(folder(), 'city.yaml');
    writeFileSync(file, `# one of many local governments\n${readFileSync(BEKASI, 'utf8')}`);
    const alone = prepareRun(file);
    calls.parseDocument = 0;
    const run = prepareRun(file, { replications: 2 }, refuseNationalScenario(file, 'run'));
    expect(calls.parseDocument).toBe(1);
    expect(run.source.written).toEqual(alone.source.scenario);
    expect(run.source.scenario.replications).toBe(2);
  });
});

/** `difusi national` in process, as the command line calls it: what it writes to stdout and stderr. */
async function national(args: Record<string, unknown>): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    await nationalCommand.handler!({ _: ['national'], $0: 'difusi', out: 'output', quiet: true, check: false, charts: false, lang: 'en', ...args } as never);
  } finally {
    vi.restoreAllMocks();
  }
  return { stdout, stderr };
}

describe('difusi national', () => {
  // A national file that says `opds` (the shipped one does, in its governments' city blocks): the
  // command's check for a city file parses it, and hands what it parsed to the reader.
  const saysOpds = () => {
    const file = join(folder(), 'national.yaml');
    writeFileSync(file, `# each government's opds come from the template\n${readFileSync(SMALL, 'utf8')}`);
    return file;
  };

  it('--check: the file is parsed once, the summary as before', async () => {
    const file = saysOpds();
    const { stdout, stderr } = await national({ scenario: file, check: true });
    expect(calls.parseDocument).toBe(1);
    expect(stdout.startsWith(`✓ ${file}: `), stdout).toBe(true);
    expect(stdout).toMatch(/: \d+ governments, \d+ agencies, \d+ national services, \d+ months\n$/);
    // The fixture's own warning (a vendor leaving before a pilot ends), as a check of the file gives it.
    expect(stderr).toMatch(new RegExp(`^⚠ .*national\\.yaml: governments "prov-a", "kota-a", "kab-b": innovations\\[1\\] "vendor-app": its vendor "cloudco" leaves`));
  });

  it('a run: the file is parsed once, the folder as a run of the file unparsed', async () => {
    const file = saysOpds();
    const out = folder();
    const { stdout } = await national({ scenario: file, out, workers: 1, replications: 1 });
    expect(calls.parseDocument).toBe(1);
    expect(stdout).toMatch(/^results: .*$/m);
    // The same folder (the scenario's hash) as the reader alone gives the file.
    const { hash, scenario } = readNationalFile(file);
    expect(readdirSync(join(out, scenario.name))).toEqual([createHash('sha256').update(`${hash}:1`).digest('hex').slice(0, 12)]);
  });
});
