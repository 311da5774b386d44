/**
 * Paths and values (issue #15): reserved path segments, nesting depth, alias
 * bombs, duplicate JSON keys, unknown YAML tags, non-UTF-8 bytes, file size,
 * name length and replication limits are user errors with a place, never a
 * crash, a silent coercion or a changed Object.prototype.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseExperimentText } from '../../src/experiment/spec.js';
import { MESSAGES, UserError } from '../../src/messages/catalog.js';
import { checkInput, decodeUtf8, MAX_DEPTH, MAX_FILE_BYTES, MAX_LABEL_LENGTH, MAX_NAME_LENGTH, MAX_REPLICATIONS, MAX_VALUES } from '../../src/scenario/limits.js';
import { parseOverride, parseOverridePath } from '../../src/scenario/overrides.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { readExperimentFile, experimentArms, loadArm } from '../../src/store/experiment-file.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { checkEmptyArguments, checkSeedArguments, shardOption } from '../../src/cli/options.js';
import { checkOutRoot } from '../../src/store/out-root.js';
import { userError } from '../support/errors.js';
import { SMALL_CITY } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'difusi-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SMALL = readFileSync(SMALL_CITY, 'utf8');

function codes(result: ReturnType<typeof parseScenarioText>): string[] {
  return result.ok ? [] : result.issues.map((i) => i.code);
}

/** Built-ins that prototype pollution would change. */
function prototypeIntact(): void {
  expect(Object.prototype.toString).toBe(Object.prototype.toString);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(typeof Object.prototype.hasOwnProperty).toBe('function');
  expect(String({})).toBe('[object Object]');
}

describe('reserved path segments', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('%s is rejected in --set paths, anywhere in the path', (seg) => {
    for (const path of [`${seg}.toString`, `parameters.${seg}`, `regulations[${seg}=x].strength`, `a.${seg}.b`]) {
      const e = userError(() => parseOverridePath(path));
      expect(e.message).toContain(`"${seg}" cannot be used as a field name`);
    }
    prototypeIntact();
  });

  it('a --set value cannot carry a reserved key either', () => {
    expect(() => parseOverride('opds.generate.types={__proto__: {polluted: 1}}')).toThrow(/"__proto__" cannot be used/);
    prototypeIntact();
  });

  it('the issue case: --set __proto__.toString=null and __proto__.hasOwnProperty=null are user errors and change nothing', () => {
    for (const text of ['__proto__.toString=null', '__proto__.hasOwnProperty=null', 'constructor.prototype.polluted=1']) {
      const e = userError(() => {
        const [path, value] = parseOverride(text);
        readScenarioFile(SMALL_CITY, { [path]: value });
      });
      expect(e.issues[0]!.code).toBe('override_syntax');
    }
    prototypeIntact();
  });

  it('a scenario file with a reserved key (JSON or YAML) is rejected at its line', () => {
    const json = JSON.stringify({ name: 'x', opds: { generate: { count: 3, types: {} } } }).replace('"types":{}', '"types":{"__proto__":{"dinas":1}}');
    const r = parseScenarioText(json, 'x.json');
    expect(codes(r)).toEqual(['reserved_path_segment']);
    const y = parseScenarioText(SMALL.replace('types: { dinas: 2, kecamatan: 1 }', 'types: { __proto__: { polluted: 1 }, dinas: 2 }'), 'x.yaml');
    expect(codes(y)).toEqual(['reserved_path_segment']);
    expect(!y.ok && y.issues[0]!.line).toBe(SMALL.split('\n').findIndex((l) => l.includes('types:')) + 1);
    prototypeIntact();
  });

  it('an experiment `set:` with a reserved key or path is rejected at its line', () => {
    const base = 'name: e\nbase: s.yaml\nvariants:\n  - name: v\n';
    for (const set of ['    set: { __proto__.toString: null }', '    set: { __proto__: { polluted: 1 } }', '    set: { constructor.prototype.x: 1 }']) {
      const r = parseExperimentText(`${base}${set}\n`, 'e.yaml');
      expect(r.ok, set).toBe(false);
      if (!r.ok) {
        expect(r.issues[0]!.line).toBe(5);
        expect(r.issues[0]!.message).toMatch(/cannot be used as a field name/);
      }
    }
    prototypeIntact();
  });
});

describe('sizes and depths', () => {
  it('JSON nested 100,000 deep is one issue with a line, not a stack overflow', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseScenarioText(text, 'deep.json');
    expect(codes(r)).toEqual(['too_deep']);
    expect(!r.ok && r.issues[0]!.line).toBe(1);
    expect(!r.ok && r.issues[0]!.column).toBe(MAX_DEPTH + 1);
  });

  it('an id or a readable name longer than MAX_LABEL_LENGTH is refused at its line (one of 200,000 characters took minutes and gigabytes to draw)', () => {
    const long = 'x'.repeat(MAX_LABEL_LENGTH + 1);
    const name = parseScenarioText(SMALL.replace('name: refocusing', `name: ${long}`), 'x.yaml');
    expect(!name.ok && name.issues.map((i) => [i.code, i.line, i.path.join('.'), i.found])).toEqual([['too_long', 48, 'budget_shocks.0.name', `${MAX_LABEL_LENGTH + 1} characters`]]);
    const id = parseScenarioText(SMALL.replace('  - id: acme', `  - id: a${long}`), 'x.yaml');
    expect(codes(id)).toContain('too_long');
    // At the limit, accepted (control).
    expect(parseScenarioText(SMALL.replace('name: refocusing', `name: ${'x'.repeat(MAX_LABEL_LENGTH)}`), 'x.yaml').ok).toBe(true);
  });

  it('YAML flow collections nested 100,000 deep, in scenarios and experiments, too', () => {
    const text = `name: x\nopds: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`;
    expect(codes(parseScenarioText(text, 'deep.yaml'))).toEqual(['too_deep']);
    const e = parseExperimentText(`name: x\nbase: ${'['.repeat(100_000)}`, 'deep.yaml');
    expect(!e.ok && e.issues[0]!.code).toBe('too_deep');
  });

  it('an alias bomb in an experiment file is a user error', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const r = parseExperimentText(`${lines.join('\n')}\nname: bomb\nbase: s.yaml\n`, 'bomb.yaml');
    expect(r.ok).toBe(false);
    // Said as what it is, at the alias where the count passes (tests/cli/message-labels.test.ts); it was a yaml_syntax issue in the reader's words.
    expect(!r.ok && r.issues[0]!.code).toBe('too_many_aliases');
  });

  it(`aliases of one large list: at most MAX_VALUES (${MAX_VALUES}) values are walked, then one line names the field`, () => {
    // 99 aliases (under YAML's limit of 100) of one list: a 400 kB file of this shape took 30 s and 800 MB to validate.
    let reads = 0;
    const list = new Proxy(Array<number>(20_000).fill(1), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const problem = checkInput({ l0: list, l1: Array<unknown>(99).fill(list) });
    expect(problem?.kind).toBe('large');
    expect(problem?.path.slice(0, 1)).toEqual(['l1']);
    expect(reads).toBeLessThanOrEqual(MAX_VALUES);
    // Shared objects within the limit are walked as before (every copy).
    expect(checkInput({ a: Array(99).fill({ ok: 1, deeper: { prototype: 1 } }) })?.kind).toBe('reserved');

    const text = `l0: &l0 [${Array(20_000).fill('1').join(',')}]\nl1: [${Array(99).fill('*l0').join(',')}]\n${SMALL}`;
    const r = parseScenarioText(text, 'wide.yaml');
    expect(codes(r)).toEqual(['too_many_values']);
    expect(!r.ok && [r.issues[0]!.line, r.issues[0]!.column]).toEqual([2, 1]);
    expect(!r.ok && r.issues[0]!.message).toBe(MESSAGES.too_many_values('1,000,000'));
    const e = parseExperimentText(`l0: &l0 [${Array(20_000).fill('1').join(',')}]\nl1: [${Array(99).fill('*l0').join(',')}]\nname: e\nbase: s.yaml\n`, 'wide.yaml');
    expect(!e.ok && e.issues.map((i) => [i.code, i.line])).toEqual([['too_many_values', 2]]);
    // The same values written out are accepted up to the limit: this shape within it reaches the schema (unknown fields).
    const small = `l0: &l0 [${Array(1_000).fill('1').join(',')}]\nl1: [${Array(99).fill('*l0').join(',')}]\n${SMALL}`;
    expect(codes(parseScenarioText(small, 'narrow.yaml'))).toEqual(['unknown_field', 'unknown_field']);
  });

  it(`files over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused with their size`, () => {
    const file = join(tmp, 'big.yaml');
    writeFileSync(file, `${SMALL}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    const e = userError(() => readScenarioFile(file));
    expect(e.issues[0]!.code).toBe('file_too_large');
    // Over by a few bytes: rounded, size and limit would both read "4.0 MB", so both are given in bytes.
    const size = statSync(file).size;
    expect(e.message).toContain(`(${size.toLocaleString('en-US')} bytes; at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes)`);
    // Well over: rounded, as they differ.
    writeFileSync(file, `${SMALL}\n# ${'x'.repeat(MAX_FILE_BYTES * 1.25)}\n`);
    expect(userError(() => readScenarioFile(file)).message).toContain('(5.0 MB; at most 4.0 MB)');
    const exp = join(tmp, 'big-exp.yaml');
    writeFileSync(exp, `name: e\nbase: s.yaml\ndescription: ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(userError(() => readExperimentFile(exp)).issues[0]!.code).toBe('file_too_large');
  });

  it('a scenario name over the limit (which would make a folder name too long) is refused', () => {
    const file = join(tmp, 'long-name.yaml');
    writeFileSync(file, SMALL.replace('name: small-city', `name: ${'n'.repeat(300)}`));
    const e = userError(() => readScenarioFile(file));
    expect(e.issues[0]!.code).toBe('too_long');
    expect(e.message).toContain(String(MAX_NAME_LENGTH));
    const r = parseExperimentText(`name: ${'e'.repeat(300)}\nbase: s.yaml\n`, 'e.yaml');
    expect(r.ok).toBe(false);
  });

  it('a description over 20,000 characters (the issue: 50 MB) is refused; so are long experiment descriptions and notes', () => {
    const file = join(tmp, 'long-description.yaml');
    writeFileSync(file, SMALL.replace('description: Sixteen agencies, three e-services, every kind of event.', `description: ${'d'.repeat(20_001)}`));
    const e = userError(() => readScenarioFile(file));
    expect(e.issues[0]!.code).toBe('too_long');
    expect(e.message).toMatch(/Info page/);
    expect(parseExperimentText(`name: e\nbase: s.yaml\ndescription: ${'d'.repeat(20_001)}\n`, 'e.yaml').ok).toBe(false);
    expect(parseExperimentText(`name: e\nbase: s.yaml\nvariants:\n  - name: v\n    note: ${'n'.repeat(2_001)}\n`, 'e.yaml').ok).toBe(false);
  });

  it(`replications over ${MAX_REPLICATIONS} (-r 1e9) are refused before anything is allocated`, () => {
    const e = userError(() => readScenarioFile(SMALL_CITY, { replications: 1e9 }));
    expect(e.issues[0]!.code).toBe('too_many');
    // A count in the overrides is a `--set replications=N` here: -r over the limit is refused as the option before (tests/cli/message-labels.test.ts).
    expect(e.issues[0]!.file).toBe('override replications');
    const r = parseExperimentText(`name: e\nbase: s.yaml\nreplications: 1000000000\n`, 'e.yaml');
    expect(!r.ok && r.issues[0]!.line).toBe(3);
  });
});

describe('encodings, keys and tags', () => {
  it('non-UTF-8 bytes are refused with their line and column, not turned into U+FFFD', () => {
    const file = join(tmp, 'latin1.yaml');
    const bytes = Buffer.from(SMALL.replace('Sixteen agencies', 'Sixteen agencies, caf\u00e9'), 'latin1');
    writeFileSync(file, bytes);
    const e = userError(() => readScenarioFile(file));
    expect(e.issues[0]!.code).toBe('not_utf8');
    const line = SMALL.split('\n').findIndex((l) => l.includes('Sixteen agencies')) + 1;
    expect(e.issues[0]!.line).toBe(line);
    expect(e.issues[0]!.column).toBe(SMALL.split('\n')[line - 1]!.indexOf('Sixteen agencies') + 'Sixteen agencies, caf'.length + 1);
    expect(decodeUtf8(Buffer.from('a\nb\xff', 'latin1'))).toEqual({ ok: false, line: 2, column: 2 });
    expect(decodeUtf8(Buffer.from('\u00e9\u4e2d\ud83d\ude00', 'utf8'))).toEqual({ ok: true, text: '\u00e9\u4e2d\ud83d\ude00' });
  });

  it('duplicate keys in JSON are refused at the second one (JSON.parse would keep the last)', () => {
    const text = '{\n  "name": "x",\n  "months": 12,\n  "months": 24\n}\n';
    const r = parseScenarioText(text, 'dup.json');
    expect(codes(r)).toEqual(['duplicate_key']);
    expect(!r.ok && r.issues[0]!.line).toBe(4);
    expect(!r.ok && r.issues[0]!.message).toContain('"months"');
  });

  it('unknown YAML tags (!!js/function, custom tags) are refused at their line, in scenarios and experiments', () => {
    const text = SMALL.replace('description: Sixteen agencies, three e-services, every kind of event.', 'description: !!js/function "function () { return 1 }"');
    const r = parseScenarioText(text, 'tag.yaml');
    expect(codes(r)).toEqual(['unknown_tag']);
    expect(!r.ok && r.issues[0]!.line).toBe(SMALL.split('\n').findIndex((l) => l.startsWith('description:')) + 1);
    expect(!r.ok && r.issues[0]!.message).toContain('!!js/function');
    const e = parseExperimentText('name: e\nbase: !custom s.yaml\n', 'e.yaml');
    expect(!e.ok && e.issues[0]!.code).toBe('unknown_tag');
    expect(() => parseOverride('parameters.bass_q=!!js/function "x"')).toThrow(UserError);
  });
});

describe('YAML 1.1 tags', () => {
  it.each([
    ['!!binary', 'description: !!binary aGVsbG8='],
    ['!!set', 'description: !!set { a, b }'],
    ['!!omap', 'description: !!omap [ { a: 1 } ]'],
    ['!!timestamp', 'description: !!timestamp 2001-12-14'],
  ])('%s is refused at its line, as !!js/function is, in scenarios, experiments and --set values', (tag, line) => {
    const text = SMALL.replace('description: Sixteen agencies, three e-services, every kind of event.', line);
    expect(text).not.toBe(SMALL);
    const r = parseScenarioText(text, 'tag.yaml');
    expect(codes(r)).toEqual(['yaml_tag_not_data']);
    expect(!r.ok && r.issues[0]!.line).toBe(SMALL.split('\n').findIndex((l) => l.startsWith('description:')) + 1);
    expect(!r.ok && r.issues[0]!.message).toBe(MESSAGES.yaml_tag_not_data(tag));
    const e = parseExperimentText(`name: e\nbase: s.yaml\n${line}\n`, 'e.yaml');
    expect(!e.ok && e.issues.map((i) => [i.code, i.line])).toEqual([['yaml_tag_not_data', 3]]);
    expect(() => parseOverride(`${line.replace(': ', '=')}`)).toThrow(UserError);
  });

  it('the tags of plain data (!!str, !!int, !!map, !!seq) are still read as data', () => {
    const text = SMALL.replace('description: Sixteen agencies, three e-services, every kind of event.', 'description: !!str Sixteen agencies');
    expect(parseScenarioText(text, 'str.yaml').ok).toBe(true);
    expect(parseOverride('parameters.bass_q=!!str 0.5')).toEqual(['parameters.bass_q', '0.5']);
  });
});

describe('empty and malformed numbers', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('an empty option value is an error, not 0', () => {
    for (const argv of [['run', 'x.yaml', '--seed', ''], ['run', 'x.yaml', '--seed='], ['run', 'x.yaml', '-r', ' ']]) {
      expect(() => checkEmptyArguments(argv), argv.join(' ')).toThrow(/found an empty string/);
    }
    expect(() => checkEmptyArguments(['run', 'x.yaml', '--seed', '0'])).not.toThrow();
  });

  it('a seed is decimal digits: 0x10, 1e3, +16, " 16" and a value-less --seed are refused as written', () => {
    const refused: [string[], string][] = [
      [['run', 'x.yaml', '-s', '0x10'], '0x10'],
      [['compare', 'x.yaml', '--seed=1e3'], '1e3'],
      [['sweep', 'x.yaml', '-s', '+16'], '+16'],
      [['validate', 'x.yaml', '--seed', ' 16'], '" 16"'],
      [['national', 'x.yaml', '-s0x10'], '0x10'],
      [['sensitivity', 'x.yaml', '-s', '4294967296'], '4294967296'],
      [['run', 'x.yaml', '--seed'], 'no value'],
      [['run', 'x.yaml', '--seed', '--quiet'], 'no value'],
      // After grouped short flags, as yargs splits them (-q -s 0x10).
      [['validate', 'x.yaml', '-qs', '0x10'], '0x10'],
      [['run', 'x.yaml', '-qs0x10'], '0x10'],
      [['run', 'x.yaml', '-qs=1e3'], '1e3'],
      // Glued to a value that is no number: the rest of the word is the value, as after -s0x10.
      [['run', 'x.yaml', '-sabc'], 'abc'],
      [['run', 'x.yaml', '-qsabc'], 'abc'],
      [['compare', 'x.yaml', '-sq'], 'q'],
      [['run', 'x.yaml', '-s-q'], 'no value'],
      // A global flag before the command (yargs takes it there too).
      [['-q', 'run', 'x.yaml', '-sq'], 'q'],
      [['--quiet', 'validate', 'x.yaml', '--seed', '1e3'], '1e3'],
    ];
    for (const [argv, found] of refused) {
      expect(() => checkSeedArguments(argv), argv.join(' ')).toThrow(`--seed (expected a whole number from 0 to 4294967295, found ${found})`);
    }
    for (const argv of [['run', 'x.yaml', '-s', '0'], ['run', 'x.yaml', '--seed=4294967295'], ['validate', 'x.yaml', '-s', '007'], ['run', 'x.yaml', '-qs', '42'], ['run', 'x.yaml', '--', '-s', 'x'], ['patterns', '-s', 'x'], ['-q', 'run', 'x.yaml', '-s', '5']]) {
      expect(() => checkSeedArguments(argv), argv.join(' ')).not.toThrow();
    }
  });

  it('an empty or malformed SLURM_ARRAY_TASK_ID is an error, not shard 0', () => {
    for (const value of ['', ' ', '1.5', '-1', '0x1', 'abc']) {
      process.env['SLURM_ARRAY_TASK_ID'] = value;
      expect(() => shardOption(undefined, 3), JSON.stringify(value)).toThrow(UserError);
    }
    process.env['SLURM_ARRAY_TASK_ID'] = '2';
    expect(shardOption(undefined, 3)).toEqual({ index: 2, count: 3 });
  });

  it('an override index too large to be exact is an error', () => {
    expect(() => parseOverridePath('regulations[99999999999999999999].x')).toThrow(/too large/);
  });
});

describe('--out', () => {
  it('a file, /dev/null, /proc/self and paths through a file are refused in one line', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    for (const [out, says] of [
      [file, /it is a file/],
      ['/dev/null', /special file system/],
      ['/proc/self', /special file system/],
      ['/proc/self/new-folder', /special file system/],
      [join(file, 'below'), /file, not a folder/],
      ['', /empty/],
    ] as const) {
      const e = userError(() => checkOutRoot(out));
      expect(e.message, out).toMatch(says);
      expect(e.message.split('\n')).toHaveLength(1);
    }
    expect(() => checkOutRoot(join(tmp, 'new', 'deeper'))).not.toThrow();
  });
});

describe('experiment arms', () => {
  it('override maps built from user paths do not inherit from Object.prototype', () => {
    const dir = mkdtempSync(join(tmp, 'exp-'));
    writeFileSync(join(dir, 's.yaml'), SMALL);
    writeFileSync(join(dir, 'e.yaml'), 'name: e\nbase: s.yaml\nreplications: 2\nvariants:\n  - name: v\n    set: { parameters.bass_q: 0.2 }\n');
    const exp = readExperimentFile(join(dir, 'e.yaml'));
    const { arms } = experimentArms(exp, {});
    for (const arm of arms) {
      expect(Object.getPrototypeOf(arm.overrides)).toBeNull();
      loadArm(exp, arm);
    }
    prototypeIntact();
  });
});
