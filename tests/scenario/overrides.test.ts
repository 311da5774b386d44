import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues, MESSAGES } from '../../src/messages/catalog.js';
import { applyOverrides, parseOverride, parseOverridePath, validateWithOverrides } from '../../src/scenario/overrides.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import { fullInput } from './helpers.js';
import { userError } from '../support/errors.js';

/** Reads the value at a dotted path of plain data (test helper). */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let v: unknown = value;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}


describe('applyOverrides', () => {
  it('sets a field, creating missing mappings', () => {
    const input = fullInput();
    const out = applyOverrides(input, { 'parameters.takeover_vendor': 0.9, 'network.among.rewire': 0.3 });
    expect(at(out, 'parameters', 'takeover_vendor')).toBe(0.9);
    expect(at(out, 'network', 'among', 'rewire')).toBe(0.3);
    const bare = applyOverrides({ name: 'x' }, { 'parameters.bass_q': 0.5 });
    expect(bare).toEqual({ name: 'x', parameters: { bass_q: 0.5 } });
  });

  it('is pure: the input is not changed and values are copied', () => {
    const input = fullInput();
    const before = JSON.stringify(input);
    const shocks = [{ from: '2016-01', to: '2016-06', factor: 0.5 }];
    const out = applyOverrides(input, { budget_shocks: shocks, 'regulations[0].strength': 1 });
    expect(JSON.stringify(input)).toBe(before);
    expect(at(out, 'budget_shocks')).toEqual(shocks);
    expect(at(out, 'budget_shocks')).not.toBe(shocks);
  });

  it('selects array elements by index (0-based) and by id', () => {
    const out = applyOverrides(fullInput(), {
      'regulations[1].requires_budget_line': true,
      'regulations[id=perwal-01].strength': 0.9,
      'initial_adopters[innovation=e-office].state': 'live',
    });
    expect(at(out, 'regulations', 1, 'requires_budget_line')).toBe(true);
    expect(at(out, 'regulations', 0, 'strength')).toBe(0.9);
    expect(at(out, 'initial_adopters', 0, 'state')).toBe('live');
  });

  it('removes an array element (or a field) when the value is null', () => {
    const out = applyOverrides(fullInput(), { 'leaders[id=acting-mayor]': null, 'innovations[1].integrated_from': null });
    expect((at(out, 'leaders') as { id: string }[]).map((l) => l.id)).toEqual(['mayor-1', 'mayor-2']);
    expect(at(out, 'innovations', 1)).not.toHaveProperty('integrated_from');
    const result = validateWithOverrides(fullInput(), { 'leaders[id=acting-mayor]': null }, 'full.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.leaders.map((l) => l.id)).toEqual(['mayor-1', 'mayor-2']);
  });

  it('replaces a whole list', () => {
    const result = validateWithOverrides(fullInput(), { budget_shocks: [{ from: '2016-01', to: '2016-06', factor: 0.5 }] }, 'full.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.budget_shocks).toEqual([{ from: '2016-01', to: '2016-06', factor: 0.5 }]);
  });

  it('names the path of a missing element or id', () => {
    const byIndex = userError(() => applyOverrides(fullInput(), { 'regulations[5].strength': 1 }));
    expect(byIndex.issues).toEqual([
      {
        code: 'override_missing',
        file: 'override regulations[5].strength',
        path: ['regulations'],
        message: MESSAGES.override_missing('regulations[5]'),
        expected: 'an index in 0..1',
        found: '5',
      },
    ]);
    const byId = userError(() => applyOverrides(fullInput(), { 'leaders[id=acting-mayr]': null }));
    expect(formatIssues(byId.issues)).toMatchInlineSnapshot(
      `"✗ override leaders[id=acting-mayr]: Override path leaders[id=acting-mayr] names no existing element (did you mean "acting-mayor"?) → at leaders (expected one of "mayor-1", "acting-mayor", "mayor-2", found "acting-mayr")"`,
    );
    const through = userError(() => applyOverrides(fullInput(), { 'name.first': 'x' }));
    expect(through.issues[0]).toMatchObject({ code: 'override_not_container', message: MESSAGES.override_not_container('name.first', 'the value "full-example"') });
    const intoList = userError(() => applyOverrides({}, { 'leaders[0].from': '2015-01' }));
    expect(intoList.issues[0]).toMatchObject({ code: 'override_missing', message: MESSAGES.override_missing('leaders[0]') });
  });

  it('leaves unknown fields to re-validation, labelled with the override', () => {
    const result = validateWithOverrides(fullInput(), { 'parameters.takeover_vendr': 0.5, 'regulations[id=perwal-01].strength': 2 }, 'full.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(formatIssues(result.issues)).toMatchInlineSnapshot(`
        "✗ override regulations[id=perwal-01].strength: Value out of range → at regulations[0].strength (expected a number in [0,1], found 2)
        ✗ override parameters.takeover_vendr: Unknown field "takeover_vendr" (did you mean "takeover_vendor"?) → at parameters.takeover_vendr (expected one of "bass_p", "bass_q", "campaign_boost", "campaign_months", "theta_mean", "theta_sd", "capacity_mean", "capacity_sd", "champion_probability", "reflexivity", "champion_rotation", "champion_emergence", … (90 in all))"
      `);
    }
  });

  it('labels issues an override caused elsewhere with that override, keeping their field paths', () => {
    // Renaming e-office breaks the references to it, which the override did not touch.
    const result = validateWithOverrides(fullInput(), { 'innovations[0].id': 'e-office-2' }, 'full.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.file, i.line, i.path])).toEqual([
        ['override innovations[0].id', undefined, ['regulations', 0, 'anchors', 0]],
        ['override innovations[0].id', undefined, ['initial_adopters', 0, 'innovation']],
      ]);
    }
    // Among several overrides, the one that gives the issue on its own is named.
    const two = validateWithOverrides(fullInput(), { 'parameters.takeover_vendor': 0.5, 'innovations[0].id': 'e-office-2', seed: 3 }, 'full.yaml');
    expect(two.ok ? [] : two.issues.map((i) => i.file)).toEqual(['override innovations[0].id', 'override innovations[0].id']);
    // (control) A problem the input has without the overrides stays the file's.
    const input = fullInput() as { regulations: { anchors: string[] }[] };
    input.regulations[0]!.anchors = ['nowhere'];
    const own = validateWithOverrides(input, { 'parameters.takeover_vendor': 0.5 }, 'full.yaml');
    expect(own.ok ? [] : own.issues.map((i) => [i.file, i.path])).toEqual([['full.yaml', ['regulations', 0, 'anchors', 0]]]);
    const moved = validateWithOverrides(fullInput(), { 'leaders[0].from': '2031-01' }, 'full.yaml');
    expect(moved.ok ? [] : moved.issues.map((i) => [i.code, i.file])).toContainEqual(['month_outside_horizon', 'override leaders[0].from']);
  });
});

describe('parseOverride', () => {
  it('reads the value as YAML', () => {
    expect(parseOverride('parameters.takeover_vendor=0.9')).toEqual(['parameters.takeover_vendor', 0.9]);
    expect(parseOverride('regulations[id=perda-02-2020].requires_budget_line=true')).toEqual([
      'regulations[id=perda-02-2020].requires_budget_line',
      true,
    ]);
    expect(parseOverride('leaders[id=acting-mayor]=null')).toEqual(['leaders[id=acting-mayor]', null]);
    expect(parseOverride('innovations[0].eligible=[dinas, badan]')).toEqual(['innovations[0].eligible', ['dinas', 'badan']]);
    expect(parseOverride('budget_shocks=[{from: 2020-01, to: 2020-12, factor: 0.5}]')).toEqual([
      'budget_shocks',
      [{ from: '2020-01', to: '2020-12', factor: 0.5 }],
    ]);
    expect(parseOverride('leaders[2]={id: m, from: 2020-01}')).toEqual(['leaders[2]', { id: 'm', from: '2020-01' }]);
    expect(parseOverride('description=a=b')).toEqual(['description', 'a=b']);
    expect(parseOverride(' name = x ')).toEqual(['name', 'x']);
  });

  it('rejects malformed overrides', () => {
    expect(userError(() => parseOverride('parameters.bass_p')).issues[0]?.message).toBe(
      MESSAGES.override_syntax('parameters.bass_p', 'there is no "="'),
    );
    // An "=" swallowed by a "[" never closed: said so, not "there is no =" (a misleading line the escaping audit found).
    expect(userError(() => parseOverride('parameters.a[2Jx=1')).issues[0]?.message).toBe(
      MESSAGES.override_syntax('parameters.a[2Jx=1', 'a "[" is not closed before the "="'),
    );
    expect(userError(() => parseOverride('innovations[id=x')).issues[0]?.message).toBe(MESSAGES.override_syntax('innovations[id=x', 'a "[" is not closed before the "="'));
    expect(userError(() => parseOverride('name=')).issues[0]?.code).toBe('override_syntax');
    expect(userError(() => parseOverride('a..b=1')).issues[0]?.code).toBe('override_syntax');
    expect(userError(() => parseOverride('[0]=1')).issues[0]?.code).toBe('override_syntax');
    expect(userError(() => parseOverride('a[x]=1')).issues[0]?.code).toBe('override_syntax');
    expect(userError(() => parseOverride('a=[1')).issues[0]?.code).toBe('override_syntax');
  });

  it('parses paths into segments', () => {
    expect(parseOverridePath('regulations[id=perda-02-2020].to')).toEqual([
      { kind: 'key', key: 'regulations' },
      { kind: 'match', field: 'id', value: 'perda-02-2020' },
      { kind: 'key', key: 'to' },
    ]);
    expect(parseOverridePath('network.edges[0][1]')).toEqual([
      { kind: 'key', key: 'network' },
      { kind: 'key', key: 'edges' },
      { kind: 'index', index: 0 },
      { kind: 'index', index: 1 },
    ]);
  });
});

describe('overrides through YAML aliases', () => {
  // An alias (`*anc`) is read as the same object as its anchor; an override must change only the place it names.
  const plain = readFileSync(new URL('../../scenarios/sustained-opd-owned.yaml', import.meta.url), 'utf8');
  const line = '  - { id: service-regulation, from: 2016-01, strength: 0.5, anchors: [agency-service] }\n';
  const noAlias = plain.replace(line, `${line}  - { id: reg2, from: 2017-01, strength: 0.3, anchors: [agency-service] }\n`);
  const withAlias = plain.replace(
    line,
    '  - { id: service-regulation, from: 2016-01, strength: 0.5, anchors: &anc [agency-service] }\n  - { id: reg2, from: 2017-01, strength: 0.3, anchors: *anc }\n',
  );
  const hashWith = (text: string, overrides: Record<string, unknown>): string => {
    const read = parseScenarioText(text, 's.yaml');
    if (!read.ok) throw new Error(formatIssues(read.issues));
    const result = validateWithOverrides(read.input, overrides, 's.yaml');
    if (!result.ok) throw new Error(formatIssues(result.issues));
    return scenarioHash(result.scenario);
  };

  it('an aliased file and the same file written out give the same hash, with and without an override', () => {
    expect(withAlias).not.toBe(plain);
    expect(hashWith(withAlias, {})).toBe(hashWith(noAlias, {}));
    for (const overrides of [
      { 'regulations[0].anchors[0]': null },
      { 'regulations[0].anchors[0]': 'agency-service', 'regulations[1].anchors': [] },
      { 'regulations[id=reg2].anchors[0]': null },
    ]) {
      expect(hashWith(withAlias, overrides), JSON.stringify(overrides)).toBe(hashWith(noAlias, overrides));
    }
  });

  it('the other place keeps its value, and the input is not changed', () => {
    const read = parseScenarioText(withAlias, 's.yaml');
    if (!read.ok) throw new Error('valid');
    const before = JSON.stringify(read.input);
    const out = applyOverrides(read.input, { 'regulations[0].anchors[0]': null });
    expect(at(out, 'regulations', 0, 'anchors')).toEqual([]);
    expect(at(out, 'regulations', 1, 'anchors')).toEqual(['agency-service']);
    expect(JSON.stringify(read.input)).toBe(before);
  });
});
