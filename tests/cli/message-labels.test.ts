/**
 * Refusals that name the right place: what the user wrote, in the words the
 * command uses for its other problems of the same kind. One line, exit 2,
 * nothing written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, YAMLParseError } from 'yaml';
import { MESSAGES } from '../../src/messages/catalog.js';
import { yamlSyntaxIssues } from '../../src/scenario/yaml-locate.js';
import { cliTestFolder, refusedInOneLine, ROOT, SMALL_CITY } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-message-labels-');
const FIXTURES = join(ROOT, 'tests', 'experiment', 'fixtures');
const PILOT = join(FIXTURES, 'pilot.yaml');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const TOO_MANY = MESSAGES.too_many('replications', '100,000');

/** An experiment fixture without its `replications:` (so a `--set replications=N` is not shadowed), its base made absolute. */
const withoutReplications = (name: string): string => {
  const file = join(folder(), name);
  const text = readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('replications:'))
    .join('\n')
    .replace('base: pilot.yaml', `base: ${JSON.stringify(PILOT)}`);
  writeFileSync(file, text);
  return file;
};

describe('replications over the limit: the option or the --set the user wrote', () => {
  // Each command with its own arguments; a fresh --out under the test folder per call.
  const commands = (): Record<string, string[]> => {
    const compareFile = join(folder(), 'compare.yaml');
    writeFileSync(compareFile, `name: labels\nbase: ${JSON.stringify(PILOT)}\nvariants:\n  - name: v\n    set: { parameters.takeover_vendor: 1 }\n`);
    return {
      run: ['run', SMALL_CITY],
      'compare (experiment)': ['compare', compareFile],
      'compare (scenario files)': ['compare', SMALL_CITY, PILOT],
      sweep: ['sweep', withoutReplications('sweep.yaml')],
      sensitivity: ['sensitivity', withoutReplications('morris.yaml')],
      national: ['national', NATIONAL],
      'national-compare': ['national-compare', NATIONAL, '--set', 'national_parameters.gov_imitation=0'],
    };
  };

  it('-r 100001 and --replications 100001: `command line --replications`, for every command that takes -r', async () => {
    for (const [name, args] of Object.entries(commands())) {
      for (const option of ['-r', '--replications']) {
        const out = join(folder(), `out-${name}-${option}`.replace(/[^\w-]/g, '_'));
        const r = await runInProcess([...args, option, '100001', '--no-charts', '--out', out]);
        expect(refusedInOneLine(r), `${name} ${option}`).toBe(`✗ command line --replications: ${TOO_MANY} → at replications (found 100001)`);
        expect(existsSync(out), `${name} ${option}`).toBe(false);
      }
    }
  });

  it('--set replications=100001: named as the command names its other --set problems (as --set months=100000000)', async () => {
    const label = { run: 'override', national: 'override', compare: 'command line --set', sweep: 'command line --set', sensitivity: 'command line --set' };
    for (const [name, args] of Object.entries(commands())) {
      // national-compare refuses any --set replications (both arms share the count).
      if (name === 'national-compare') continue;
      const out = join(folder(), `set-${name}`.replace(/[^\w-]/g, '_'));
      const months = refusedInOneLine(await runInProcess([...args, '--set', 'months=100000000', '--no-charts', '--out', out]));
      const r = await runInProcess([...args, '--set', 'replications=100001', '--no-charts', '--out', out]);
      const prefix = label[name.split(' ')[0] as keyof typeof label];
      expect(months, name).toMatch(new RegExp(`^✗ ${prefix} months: `));
      expect(refusedInOneLine(r), name).toBe(`✗ ${prefix} replications: ${TOO_MANY} → at replications (found 100001)`);
      expect(existsSync(out), name).toBe(false);
    }
  });
});

describe("a national file's agencies and peer links over all governments: one line in the city file's shape", () => {
  const SMALL_NATIONAL = readFileSync(NATIONAL, 'utf8');
  const hostile = (name: string, edit: (text: string) => string): string => {
    const file = join(folder(), name);
    writeFileSync(file, edit(SMALL_NATIONAL));
    return file;
  };
  const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

  it('agencies: no "Invalid value:", the limit, then → at the field, then what was found', async () => {
    const file = hostile('agencies.yaml', (t) => t.replace('city: { dinas: 8,', 'city: { dinas: 999990,'));
    const out = join(folder(), 'agencies-out');
    const expected = `✗ ${file}:${lineOf(file, 'dinas: 999990')}:11 ${MESSAGES.too_many_agencies('1,000,000', "every government's together")} → at template.agencies.city (found 1,000,008 agencies with government "kota-a")`;
    expect(refusedInOneLine(await runInProcess(['national', file, '--check']))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national', file, '--no-charts', '--out', out]))).toBe(expected);
    expect(existsSync(out)).toBe(false);
  });

  it('peer links: likewise, at the network that gives them', async () => {
    const file = hostile('links.yaml', (t) =>
      t
        .replace(/(province|regency|city): \{ dinas: \d+,/g, '$1: { dinas: 3000,')
        .replace('network: { type: complete }', 'network: { type: small-world, degree: 2400, rewire: 0.1 }'),
    );
    const out = join(folder(), 'links-out');
    const expected = `✗ ${file}:${lineOf(file, 'network: { type: small-world')}:12 ${MESSAGES.too_many_links('10,000,000')} → at template.network (found 10,828,800 links with government "kab-b")`;
    expect(refusedInOneLine(await runInProcess(['national', file, '--check']))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['national', file, '--no-charts', '--out', out]))).toBe(expected);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a YAML file whose aliases expand too many times: its own reason, at the alias, not a syntax error or "nested too deeply"', () => {
  /** Nine anchors, each a list of nine aliases of the one before (a "billion laughs"), then `tail`. */
  const laughs = (tail: string): string => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array<string>(9).fill(`*a${i - 1}`).join(', ')}]`);
    return `${tail}${lines.join('\n')}\n`;
  };
  // The reader's count passes at the first alias in a3: a2's nine aliases of a1 count 10 x 10 = 100 (the limit), so a2's second use counts 200.
  const TOO_MANY = MESSAGES.too_many_aliases(100);

  it('a scenario (validate, run), a national file and an experiment (compare): one line at the alias, exit 2', async () => {
    const scenario = join(folder(), 'laughs.yaml');
    writeFileSync(scenario, laughs('name: laughs\n'));
    const experiment = join(folder(), 'laughs-experiment.yaml');
    writeFileSync(experiment, laughs(`name: laughs\nbase: ${JSON.stringify(PILOT)}\n`));
    const at = (file: string) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const line = lines.findIndex((l) => l.startsWith('a3:')) + 1;
      return `${file}:${line}:${lines[line - 1]!.indexOf('*') + 1}`;
    };
    const out = join(folder(), 'laughs-out');
    for (const args of [['validate', scenario], ['run', scenario, '--out', out], ['national', scenario, '--out', out], ['compare', experiment, '--out', out]]) {
      expect(refusedInOneLine(await runInProcess(args)), args[0]).toBe(`✗ ${at(args[1]!)} ${TOO_MANY}`);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('the YAML reader\'s RESOURCE_EXHAUSTION: "nested too deeply" only for the stack overflow it catches, an alias count as that', () => {
    const issueOf = (message: string) => {
      const lineCounter = new LineCounter();
      const doc = parseDocument('name: x\nopds: [1]\n', { lineCounter, prettyErrors: true });
      doc.errors.push(new YAMLParseError([14, 15], 'RESOURCE_EXHAUSTION', message));
      const [issue] = yamlSyntaxIssues(doc, lineCounter, 'x.yaml');
      return [issue!.code, issue!.line, issue!.column];
    };
    expect(issueOf('Maximum call stack size exceeded')).toEqual(['too_deep', 2, 7]);
    expect(issueOf('Excessive alias count indicates a resource exhaustion attack')).toEqual(['too_many_aliases', 2, 7]);
  });

  it('nesting is still "nested too deeply", at its place', async () => {
    const deep = join(folder(), 'deep.yaml');
    writeFileSync(deep, `name: x\nopds: ${'['.repeat(70)}1${']'.repeat(70)}\n`);
    expect(refusedInOneLine(await runInProcess(['validate', deep]))).toBe(`✗ ${deep}:2:${6 + 65} ${MESSAGES.too_deep(64)}`);
  });
});

describe('a section the command does not read is warned of, not refused: the design under compare, the variants under sweep', () => {
  const experiment = (name: string, body: string): string => {
    const file = join(folder(), `${name}.yaml`);
    writeFileSync(file, `name: ${name}\nbase: ${JSON.stringify(PILOT)}\nreplications: 2\n${body}`);
    return file;
  };
  const VARIANT = 'variants:\n  - name: v\n    set: { parameters.takeover_vendor: 1 }\n';
  const GRID = 'design:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 1] }\n';

  it('compare runs an experiment whose design is too large to build, warning that compare does not read it; sweep and sensitivity still refuse it at its line', async () => {
    const file = experiment('big-design', `${VARIANT}design:\n  method: lhs\n  points: 100000000\n  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n`);
    const designLine = readFileSync(file, 'utf8').split('\n').indexOf('design:') + 1;
    const out = join(folder(), 'big-design-out');
    const r = await runInProcess(['compare', file, '-q', '--no-charts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`⚠ ${file}:${designLine}: design is not read by difusi compare and changes nothing (it is for difusi sweep and difusi sensitivity)\n`);
    expect(r.stdout).toContain(`results: ${join(out, 'big-design')}`);
    const pointsLine = designLine + 2;
    for (const command of ['sweep', 'sensitivity']) {
      const refused = refusedInOneLine(await runInProcess([command, file, '-q', '--no-charts', '--out', join(folder(), `big-design-${command}`)]));
      expect(refused, command).toMatch(new RegExp(`^✗ ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${pointsLine}:11 The design would have 100,000,000 points .* → at design\\.points$`));
      expect(existsSync(join(folder(), `big-design-${command}`)), command).toBe(false);
    }
  });

  it("sweep runs an experiment whose variants compare would refuse (a duplicate name), warning that sweep does not read them; compare still refuses them", async () => {
    const file = experiment('bad-variants', `variants:\n  - name: v\n  - name: v\n${GRID}`);
    const variantsLine = readFileSync(file, 'utf8').split('\n').indexOf('variants:') + 1;
    const out = join(folder(), 'bad-variants-out');
    const r = await runInProcess(['sweep', file, '-q', '--no-charts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`⚠ ${file}:${variantsLine}: variants is not read by difusi sweep and changes nothing (it is for difusi compare)\n`);
    expect(refusedInOneLine(await runInProcess(['compare', file, '-q', '--no-charts', '--out', join(folder(), 'bad-variants-compare')]))).toBe(
      `✗ ${file}:${variantsLine + 2}:11 ${MESSAGES.experiment_duplicate_name('variant', 'v')} → at variants[1].name`,
    );
  });
});
