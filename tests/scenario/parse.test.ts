import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues, MESSAGES } from '../../src/messages/catalog.js';
import { describeSchema, parseScenarioText, validateScenario } from '../../src/scenario/parse.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { decimalComma } from '../../src/messages/catalog.js';
import { fixture, fixtureText } from './helpers.js';

function issuesOf(text: string, file: string) {
  const result = parseScenarioText(text, file);
  if (result.ok) throw new Error(`expected issues for ${file}`);
  return result.issues;
}

describe('parseScenarioText: valid files', () => {
  it('parses a minimal YAML scenario and fills in the defaults', () => {
    const result = parseScenarioText(fixtureText('minimal.yaml'), fixture('minimal.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.name).toBe('minimal');
    expect(s.start).toBe('2015-01'); // a YAML 1.2 plain scalar, not a date
    expect(s.description).toBe('');
    expect(s.seed).toBe(1);
    expect(s.replications).toBe(100);
    expect(s.decision).toBe('threshold');
    expect(s.network).toEqual({ type: 'complete' });
    expect(s.opds.generate).toEqual({ count: 10, id_prefix: 'opd' });
    expect(s.leaders).toEqual([]);
    expect(s.regulations).toEqual([]);
    expect(s.budget_shocks).toEqual([]);
    expect(s.vendors).toEqual([]);
    expect(s.platforms).toEqual([]);
    expect(s.initial_adopters).toEqual([]);
    expect(s.parameters).toEqual({});
    expect(s.innovations[0]).toMatchObject({ sponsor: 'none', costly: false });
    // The raw input is kept as written, without defaults (overrides act on it).
    expect(result.input).not.toHaveProperty('seed');
  });

  it('reads the same scenario from JSON', () => {
    const yaml = parseScenarioText(fixtureText('minimal.yaml'), 'minimal.yaml');
    const json = parseScenarioText(fixtureText('minimal.json'), 'minimal.json');
    expect(json.ok && yaml.ok).toBe(true);
    if (json.ok && yaml.ok) expect(json.scenario).toEqual(yaml.scenario);
  });

  it('parses the full example with every section', () => {
    const result = parseScenarioText(fixtureText('full.yaml'), 'full.yaml');
    expect(result.ok ? [] : formatIssues(result.issues)).toEqual([]);
  });
});

describe('parseScenarioText: syntax errors', () => {
  it('names file, line and column of a YAML syntax error', () => {
    const issues = issuesOf(fixtureText('yaml-syntax-error.yaml'), 'yaml-syntax-error.yaml');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'yaml_syntax', file: 'yaml-syntax-error.yaml', line: 6, column: 1 });
    expect(issues[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it('gives one line for a broken flow collection, at its first error, not the parser\'s cascade', () => {
    // The parser recovers and reports every token after the break (13 lines for this one).
    const text = 'name: x\nfactors:\n  - { name: a.b, values: [0, 1] }\n  - { name: c[id=d].from, values: ["2015-01", "2030-01"] }\n';
    const issues = issuesOf(text, 'flow.yaml');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'yaml_syntax', file: 'flow.yaml', line: 4 });
  });

  it('reports a duplicate YAML key at the second key', () => {
    const issues = issuesOf('name: a\nname: b\n', 'dup.yaml');
    expect(issues[0]).toMatchObject({ code: 'yaml_syntax', line: 2, column: 1 });
  });

  it('names file, line and column of a JSON syntax error', () => {
    const issues = issuesOf(fixtureText('json-syntax-error.json'), 'json-syntax-error.json');
    expect(formatIssues(issues)).toMatchInlineSnapshot(
      `"✗ json-syntax-error.json:5:1 JSON syntax error: Expected double-quoted property name"`,
    );
  });

  it('locates JSON errors whose message has no position', () => {
    expect(issuesOf('{\n  "name": tru\n}', 'a.json')[0]).toMatchObject({ code: 'json_syntax', line: 2, column: 14 });
    expect(issuesOf('{\n  "name": x\n}', 'a.json')[0]).toMatchObject({
      line: 2,
      column: 11,
      message: MESSAGES.json_syntax("Unexpected token 'x'"),
    });
    expect(issuesOf('', 'a.json')[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('rejects an unknown extension and an empty file', () => {
    expect(issuesOf('name: x', 'a.txt')[0]).toMatchObject({
      code: 'unsupported_extension',
      message: MESSAGES.unsupported_extension('.txt'),
    });
    expect(issuesOf('# nothing here\n', 'a.yml')[0]).toMatchObject({ code: 'empty_file' });
  });
});

describe('parseScenarioText: schema errors', () => {
  it('gives path, expected, found and line for a wrong type', () => {
    const issues = issuesOf(fixtureText('wrong-type.yaml'), 'wrong-type.yaml');
    expect(issues).toEqual([
      {
        code: 'wrong_type',
        file: 'wrong-type.yaml',
        line: 13,
        column: 15,
        path: ['regulations', 1, 'strength'],
        message: MESSAGES.wrong_type(),
        expected: 'a number in [0,1]',
        found: '"high"',
      },
    ]);
    expect(formatIssues(issues)).toMatchInlineSnapshot(
      `"✗ wrong-type.yaml:13:15 Wrong type → at regulations[1].strength (expected a number in [0,1], found "high")"`,
    );
  });

  it('says how to write a number given with a decimal comma, as Indonesian text writes it', () => {
    const text = fixtureText('minimal.json').replace('"months": 24', '"months": 24, "parameters": { "takeover_vendor": "0,9" }');
    const [issue] = issuesOf(text, 'm.json');
    expect(issue).toMatchObject({ code: 'wrong_type', path: ['parameters', 'takeover_vendor'], message: MESSAGES.wrong_type('0.9'), found: '"0,9"' });
    expect(issue!.message).toBe('Wrong type: numbers take no comma; write 0.9');
    // "1,500" may be an English thousands separator: both readings are offered.
    expect(decimalComma('1,500')).toBe('1.5 or 1500');
    expect(decimalComma('0,125')).toBe('0.125');
    expect(decimalComma('-2,5')).toBe('-2.5');
    // Anything else is an ordinary wrong type.
    for (const v of ['abc', '0.9', '1,2,3', ',5', 0.9]) expect(decimalComma(v)).toBeUndefined();
    expect(issuesOf(text.replace('"0,9"', '"high"'), 'm.json')[0]!.message).toBe('Wrong type');
  });

  it('reports an unknown field at the key itself, with a suggestion', () => {
    const issues = issuesOf(fixtureText('unknown-field.yaml'), 'unknown-field.yaml');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'unknown_field',
      line: 10,
      column: 3,
      path: ['network', 'rewier'],
      message: MESSAGES.unknown_field('rewier', 'rewire'),
    });
  });

  it('reports unknown top-level fields and unknown parameters', () => {
    const text = fixtureText('minimal.yaml') + 'parameters:\n  takeover_vendr: 0.3\nextra: 1\n';
    const issues = issuesOf(text, 'm.yaml');
    expect(issues.map((i) => [i.code, i.line, i.column, i.message])).toEqual([
      ['unknown_field', 19, 3, MESSAGES.unknown_field('takeover_vendr', 'takeover_vendor')],
      ['unknown_field', 20, 1, MESSAGES.unknown_field('extra', undefined)],
    ]);
  });

  it('returns every issue, not only the first', () => {
    const text = [
      'name: bad name',
      'start: 2015-13',
      'months: 1.5',
      'opds: { generate: { count: 3 } }',
      'innovations:',
      '  - id: a',
      '    owner: municipality',
      '    funding: apbd',
      '    relative_advantage: 2',
      '    compatibility: 0',
      '    complexity: 0',
      '    trialability: 0',
      '    observability: 0',
      '    launch: 2015-01',
      'network: { type: small-world, edges: [[a, b, c]] }',
    ].join('\n');
    expect(formatIssues(issuesOf(text, 'bad.yaml'))).toMatchInlineSnapshot(`
      "✗ bad.yaml:1:7 Badly formatted value → at name (expected a name usable as a folder name (letters, digits, _ . -), found "bad name")
      ✗ bad.yaml:2:8 There is no month 13: the month must be 01-12 → at start (expected a month as YYYY-MM, found "2015-13")
      ✗ bad.yaml:3:9 Not a whole number → at months (expected an integer in [1,1200], found 1.5)
      ✗ bad.yaml:7:12 Not one of the allowed values → at innovations[0].owner (expected one of "opd", "coordinator", "vendor", found "municipality")
      ✗ bad.yaml:9:25 Value out of range → at innovations[0].relative_advantage (expected a number in [0,1], found 2)
      ✗ bad.yaml:15:39 Too many items → at network.edges[0] (expected a list of 2 items, each an id of letters, digits, _ . -, found 3 items: ["a","b","c"])"
    `);
  });

  it('points a missing field at the mapping that lacks it', () => {
    const text = fixtureText('minimal.yaml').replace('    launch: 2015-01\n', '');
    const issues = issuesOf(text, 'm.yaml');
    expect(issues).toEqual([
      {
        code: 'missing_field',
        file: 'm.yaml',
        line: 9,
        column: 5,
        path: ['innovations', 0, 'launch'],
        message: MESSAGES.missing_field('launch'),
        expected: 'a month as YYYY-MM',
      },
    ]);
  });

  it('locates issues in JSON files too', () => {
    const text = fixtureText('minimal.json').replace('"months": 24', '"months": "24"');
    expect(issuesOf(text, 'm.json')[0]).toMatchObject({ code: 'wrong_type', line: 4, column: 13, found: '"24"' });
  });

  it('validates a plain input without locations', () => {
    const result = validateScenario({ name: 'x' }, 'cli');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.every((i) => i.line === undefined && i.file === 'cli')).toBe(true);
  });
});

describe('describeSchema', () => {
  it('says what a field accepts', () => {
    const shape = scenarioSchema.shape;
    expect(describeSchema(shape.months)).toBe('an integer in [1,1200]');
    expect(describeSchema(shape.start)).toBe('a month as YYYY-MM');
    expect(describeSchema(shape.decision)).toBe('one of "threshold", "bass"');
    expect(describeSchema(shape.innovations)).toBe('a list with at least 1 item');
    expect(describeSchema(shape.parameters.unwrap().shape.readopt_months!)).toBe('an integer >= 1 or "off" or null');
  });
});

describe('integers beyond 2^53', () => {
  // zod 4 reports such an integer twice (its safe-integer bound and the field's maximum): one line, saying the real maximum.
  const base = readFileSync(new URL('../../scenarios/sustained-opd-owned.yaml', import.meta.url), 'utf8');
  const lines = (text: string, file: string) => {
    const r = parseScenarioText(text, file);
    return r.ok ? [] : formatIssues(r.issues).split('\n');
  };

  it('seed and months: one line each, in YAML and JSON', () => {
    expect(base).toMatch(/^seed: 101$/m);
    const seed = lines(base.replace(/^seed: 101$/m, 'seed: 99999999999999999999999'), 'bigseed.yaml');
    expect(seed).toEqual([expect.stringMatching(/^✗ bigseed\.yaml:\d+:7 Value out of range → at seed \(expected an integer in \[0,4294967295\], found 1e\+23\)$/)]);
    expect(lines(base.replace(/^months: 108$/m, 'months: 9007199254740993'), 'bigmonths.yaml')).toHaveLength(1);
    const json = JSON.parse(JSON.stringify(parseOk(base)));
    expect(lines(JSON.stringify({ ...json, seed: 1 }).replace('"seed":1', '"seed":99999999999999999999999'), 'bigseed.json')).toHaveLength(1);
  });

  it('replications beyond 2^53 says the maximum, 100,000, checked after the schema', () => {
    const reps = lines(base.replace(/^replications: 200$/m, 'replications: 99999999999999999999'), 'bigreps.yaml');
    expect(reps).toEqual([expect.stringMatching(/^✗ bigreps\.yaml:\d+:15 Value out of range → at replications \(expected an integer in \[1,100000\], found 100000000000000000000\)$/)]);
    expect(describeSchema(scenarioSchema.shape.replications)).toBe('an integer in [1,100000]');
  });
});

function parseOk(text: string): unknown {
  const r = parseScenarioText(text, 's.yaml');
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.input;
}
