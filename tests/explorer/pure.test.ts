/**
 * The explorer's pure pieces: the browser SHA-256 equals node:crypto (so the
 * page shows manifest.json's scenario hash), levers are checked at
 * validation, the message catalog is complete in both languages, the page
 * template escapes embedded scenarios, and --serve answers on loopback only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import { commonLevers, resolveLevers } from '../../src/scenario/levers.js';
import { scenarioHashPure, sha256Hex } from '../../src/explorer/sha256.js';
import { catalogKeys, eventKindKeys, translate } from '../../src/explorer/i18n.js';
import { explorerHtml } from '../../src/jobs/explore.js';
import { loopbackHost, servePage } from '../../src/store/explorer-write.js';
import { connect } from 'node:net';
import { fixed, monthInWords, percent, plain, proseInterval, signed, signedPoints, tableInterval, withPercent } from '../../src/explorer/format.js';
import { catalog } from '../../src/report/i18n/index.js';
import { placeWrappedLabels, timelineLane, timeX } from '../../src/report/specs/common.js';
import { adoptionChart, estimate, fitToWidth, forestChart, laidOut, serviceNames, survivalChart, timelineOf } from '../../src/explorer/charts.js';
import { Aggregate } from '../../src/explorer/aggregate.js';
import { metricsOf, runJob } from '../../src/explorer/engine.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { leverScale, scaleUnits } from '../../src/explorer/scale.js';
import { agencyText, agencyTypeLabel } from '../../src/explorer/network.js';

const SCENARIOS = ['bekasi-2015-2025', 'discontinued-vendor-pilot', 'sustained-opd-owned'];
const read = (name: string) => readFileSync(`scenarios/${name}.yaml`, 'utf8');

describe('sha256 without node:crypto', () => {
  test('equals node:crypto on any text, including the block-boundary lengths', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'é'.repeat(n % 3) + 'x'.repeat(n);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === createHash('sha256').update(text, 'utf8').digest('hex')));
  });

  test.each(SCENARIOS)('the scenario hash of %s is the one difusi run writes', (name) => {
    const r = parseScenarioText(read(name), `${name}.yaml`);
    if (!r.ok) throw new Error('invalid');
    expect(scenarioHashPure(r.scenario)).toBe(scenarioHash(r.scenario));
  });
});

describe('levers', () => {
  test.each(SCENARIOS)('%s declares levers that resolve to its own values', (name) => {
    const r = parseScenarioText(read(name), `${name}.yaml`);
    if (!r.ok) throw new Error('invalid');
    const levers = resolveLevers(r.scenario);
    expect(levers.length).toBeGreaterThanOrEqual(4);
    expect(levers).toHaveLength(r.scenario.levers!.length);
  });

  test('Bekasi: take-over probability, Perda budget line, leadership change, refocusing factor', () => {
    const r = parseScenarioText(read('bekasi-2015-2025'), 'b.yaml');
    if (!r.ok) throw new Error('invalid');
    const byPath = new Map(resolveLevers(r.scenario).map((l) => [l.path, l]));
    expect(byPath.get('parameters.takeover_vendor')).toMatchObject({ kind: 'slider', value: 0.15, min: 0, max: 1 });
    expect(byPath.get('regulations[id=perda-02-2020].requires_budget_line')).toMatchObject({ kind: 'switch', value: true });
    expect(byPath.get('leaders[id=acting-mayor-tri-adhianto].from')).toMatchObject({ kind: 'month', value: '2022-01' });
    expect(byPath.get('budget_shocks[0].factor')).toMatchObject({ kind: 'slider', value: 0.7 });
  });

  test('wrong levers are errors at their line: missing path, wrong kind, empty range, bad syntax', () => {
    const base = read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '');
    const cases: [string, string, (string | number)[]][] = [
      ['{ path: parameters.no_such_parameter, label: x, kind: slider }', 'lever_path_missing', ['levers', 0, 'path']],
      ['{ path: "regulations[0].strenght", label: x, kind: slider }', 'lever_path_missing', ['levers', 0, 'path']],
      ['{ path: "leaders[id=first-mayor].from", label: x, kind: slider }', 'lever_kind_mismatch', ['levers', 0, 'kind']],
      ['{ path: "regulations[0].requires_budget_line", label: x, kind: month }', 'lever_kind_mismatch', ['levers', 0, 'kind']],
      ['{ path: parameters.takeover_vendor, label: x, kind: slider, min: 0.5, max: 0.5 }', 'lever_range', ['levers', 0, 'max']],
      ['{ path: "regulations[", label: x, kind: switch }', 'override_syntax', ['levers', 0, 'path']],
    ];
    for (const [lever, code, path] of cases) {
      const text = `${base}levers:\n  - ${lever}\n`;
      const r = parseScenarioText(text, 'x.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.issues[0]).toMatchObject({ code, path, file: 'x.yaml', line: text.split('\n').length - 1 });
    }
  });

  test('a slider may turn on a parameter that is off; whole-number parameters step by 1', () => {
    const text = `${read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '')}levers:\n  - { path: parameters.readopt_months, label: x, kind: slider, min: 1, max: 60 }\n`;
    const r = parseScenarioText(text, 'x.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
    expect(resolveLevers(r.scenario)[0]).toMatchObject({ value: null, min: 1, max: 60, step: 1 });
  });

  test('a slider on a share with an open lower bound (sustain_fraction, in (0, 1]) starts a step above 0, a value the scenario check accepts', () => {
    const text = `${read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '')}levers:\n  - { path: parameters.sustain_fraction, label: x, kind: slider }\n`;
    const r = parseScenarioText(text, 'x.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
    const lever = resolveLevers(r.scenario)[0]!;
    expect(lever).toMatchObject({ min: 0.01, max: 1, step: 0.01 });
    const at = validateWithOverrides(r.input, { 'parameters.sustain_fraction': lever.min }, 'x.yaml');
    expect(at.ok).toBe(true);
    expect(validateWithOverrides(r.input, { 'parameters.sustain_fraction': 0 }, 'x.yaml').ok).toBe(false);
  });

  test("a slider's explicit min or max outside its parameter's range is refused at that field, in one line (min: 0 on a share in (0, 1])", () => {
    const base = read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '');
    const cases: [string, string, string][] = [
      ['{ path: parameters.sustain_fraction, label: x, kind: slider, min: 0, max: 1 }', 'min', "The lever's min 0 lies outside the range of sustain_fraction, a number in (0,1]:"],
      ['{ path: parameters.heeks_success_share, label: x, kind: slider, min: 0, max: 1 }', 'min', "The lever's min 0 lies outside the range of heeks_success_share, a number in (0,1]:"],
      ['{ path: parameters.takeover_vendor, label: x, kind: slider, min: -0.5, max: 1 }', 'min', "The lever's min -0.5 lies outside the range of takeover_vendor, a number in [0,1]:"],
      ['{ path: parameters.takeover_vendor, label: x, kind: slider, min: 0, max: 1.5 }', 'max', "The lever's max 1.5 lies outside the range of takeover_vendor, a number in [0,1]:"],
    ];
    for (const [lever, field, message] of cases) {
      const text = `${base}levers:\n  - ${lever}\n`;
      const r = parseScenarioText(text, 'x.yaml');
      expect(r.ok, lever).toBe(false);
      if (r.ok) continue;
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'lever_outside_parameter', path: ['levers', 0, field], file: 'x.yaml', line: text.split('\n').length - 1 });
      expect(r.issues[0]!.message).toContain(message);
    }
    // At the bounds themselves (a closed one) and inside an open one: accepted.
    for (const lever of ['{ path: parameters.takeover_vendor, label: x, kind: slider, min: 0, max: 1 }', '{ path: parameters.sustain_fraction, label: x, kind: slider, min: 0.05, max: 1 }']) {
      const r = parseScenarioText(`${base}levers:\n  - ${lever}\n`, 'x.yaml');
      expect(r.ok, lever).toBe(true);
    }
  });

  test("a lever's range is written as the scenario check writes the same field's range when it refuses a value (one form: zod-issues describeRange), a half-open one included", () => {
    const base = read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '');
    const cases: [string, string, number][] = [
      ['sustain_fraction', 'min: 0, max: 1', 0],
      ['takeover_vendor', 'min: 0, max: 1.5', 1.5],
      ['gap_months', 'min: 0, max: 24', 0],
    ];
    for (const [parameter, bounds, refused] of cases) {
      const r = parseScenarioText(`${base}levers:\n  - { path: parameters.${parameter}, label: x, kind: slider, ${bounds} }\n`, 'x.yaml');
      if (r.ok) throw new Error(`${parameter}: accepted`);
      const plain = parseScenarioText(base, 'x.yaml');
      if (!plain.ok) throw new Error('invalid');
      const check = validateWithOverrides(plain.input, { [`parameters.${parameter}`]: refused }, 'x.yaml');
      if (check.ok) throw new Error(`${parameter} = ${refused}: accepted`);
      const expected = check.issues[0]!.expected!;
      expect(r.issues[0]!.expected, parameter).toBe(expected);
      expect(r.issues[0]!.message).toContain(`lies outside the range of ${parameter}, ${expected}:`);
    }
    const gap = parseScenarioText(`${base}levers:\n  - { path: parameters.gap_months, label: x, kind: slider, min: 0, max: 24 }\n`, 'x.yaml');
    expect(gap.ok ? '' : gap.issues[0]!.expected).toBe('an integer >= 1');
  });

  test("a slider on a field that is no parameter is range-checked from the scenario schema too: an explicit min or max outside it is refused at that field, in one line", () => {
    const base = read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '');
    const plain = parseScenarioText(base, 'x.yaml');
    if (!plain.ok) throw new Error('invalid');
    const cases: [string, string, 'min' | 'max', number, string][] = [
      ['regulations[id=service-regulation].strength', 'min: 0, max: 2', 'max', 2, 'a number in [0,1]'],
      ['innovations[0].relative_advantage', 'min: -0.1, max: 1', 'min', -0.1, 'a number in [0,1]'],
      ['leaders[id=second-mayor].commitment', 'min: 0, max: 1.5', 'max', 1.5, 'a number in [0,1]'],
      ['budget_shocks[0].factor', 'min: -0.5, max: 1', 'min', -0.5, 'a number >= 0'],
      ['months', 'min: 0, max: 120', 'min', 0, 'an integer in [1,1200]'],
    ];
    for (const [path, bounds, field, value, accepts] of cases) {
      const text = `${base}levers:\n  - { path: "${path}", label: x, kind: slider, ${bounds} }\n`;
      const r = parseScenarioText(text, 'x.yaml');
      expect(r.ok, path).toBe(false);
      if (r.ok) continue;
      expect(r.issues, path).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'lever_outside_range', path: ['levers', 0, field], file: 'x.yaml', line: text.split('\n').length - 1, expected: accepts, found: String(value) });
      expect(r.issues[0]!.message).toBe(`The lever's ${field} ${value} lies outside the range of ${path}, ${accepts}: the explorer would offer a value the scenario check refuses`);
      // What a --set of that value is told the field accepts.
      const check = validateWithOverrides(plain.input, { [path]: value }, 'x.yaml');
      expect(check.ok ? '' : check.issues[0]!.expected, path).toBe(accepts);
    }
    // A lever through a list entry the scenario does not have (a warning, not an error) is range-checked all the same.
    const missing = parseScenarioText(`${base}levers:\n  - { path: "leaders[5].commitment", label: x, kind: slider, min: 0, max: 2 }\n`, 'x.yaml');
    expect(missing.ok ? [] : missing.issues.map((i) => [i.code, i.expected])).toEqual([['lever_outside_range', 'a number in [0,1]']]);
    // Inside the range, or beyond a bound the field does not have: accepted.
    for (const lever of ['{ path: "budget_shocks[0].factor", label: x, kind: slider, min: 0, max: 3 }', '{ path: "regulations[0].strength", label: x, kind: slider, min: 0, max: 1 }', '{ path: months, label: x, kind: slider, min: 12, max: 240 }']) {
      const r = parseScenarioText(`${base}levers:\n  - ${lever}\n`, 'x.yaml');
      expect(r.ok, lever).toBe(true);
    }
  });

  test('two levers on one field, each by its own path form (or the same path twice), are refused at the second lever\'s path, naming the first', () => {
    const base = read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '');
    const cases: [string, string, string, string][] = [
      ['regulations[0].strength', 'regulations[id=service-regulation].strength', 'slider', ''],
      ['leaders[id=second-mayor].from', 'leaders[ 1 ].from', 'month', ''],
      ['parameters.takeover_vendor', 'parameters.takeover_vendor', 'slider', ', min: 0, max: 0.5'],
      // Through a list entry the scenario does not have (a warning alone): the path as written one way.
      ['leaders[5].commitment', 'leaders[ 5 ].commitment', 'slider', ''],
    ];
    for (const [first, second, kind, more] of cases) {
      const text = `${base}levers:\n  - { path: "${first}", label: a, kind: ${kind} }\n  - { path: "${second}", label: b, kind: ${kind}${more} }\n`;
      const r = parseScenarioText(text, 'x.yaml');
      expect(r.ok, second).toBe(false);
      if (r.ok) continue;
      expect(r.issues, second).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'lever_same_field', path: ['levers', 1, 'path'], file: 'x.yaml', line: text.split('\n').length - 1 });
      expect(r.issues[0]!.message).toBe(`Lever path ${JSON.stringify(second)} names the same field as levers[0] (${JSON.stringify(first)}): two controls would set one value (keep one of the two)`);
    }
    // Two fields of one element, and one field of two elements: accepted.
    for (const [first, second] of [['regulations[0].strength', 'regulations[0].requires_budget_line'], ['leaders[0].from', 'leaders[1].from']]) {
      const kind = (path: string) => (path.endsWith('from') ? 'month' : path.endsWith('line') ? 'switch' : 'slider');
      const r = parseScenarioText(`${base}levers:\n  - { path: "${first}", label: a, kind: ${kind(first!)} }\n  - { path: "${second}", label: b, kind: ${kind(second!)} }\n`, 'x.yaml');
      expect(r.ok, `${first} ${second}: ${r.ok ? '' : r.issues[0]!.message}`).toBe(true);
    }
  });

  test("a slider on a field that is no parameter takes its default min, max and step from the field's range in the scenario schema: every value it offers is one the scenario check accepts", () => {
    const base = read('discontinued-vendor-pilot').replace(/levers:[\s\S]*$/, '');
    const text = `${base}levers:\n  - { path: "innovations[id=vendor-pilot].pilot_months", label: x, kind: slider, max: 72 }\n  - { path: months, label: x, kind: slider }\n  - { path: "leaders[id=second-mayor].commitment", label: x, kind: slider }\n`;
    const r = parseScenarioText(text, 'x.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
    const [pilot, months, commitment] = resolveLevers(r.scenario);
    // pilot_months is a whole number >= 1: the slider starts at 1 and steps by 1 (it offered 0, 0.72, ...).
    expect(pilot).toMatchObject({ min: 1, max: 72, step: 1 });
    expect(months).toMatchObject({ min: 1, max: 1200, step: 1 });
    // A field in [0,1] keeps the default it had.
    expect(commitment).toMatchObject({ min: 0, max: 1, step: 0.01 });
    // (months' own range; a horizon too short for the file's dates is the cross-check's, as for any --set.)
    for (const value of [pilot!.min, pilot!.min + pilot!.step, pilot!.max]) {
      expect(validateWithOverrides(r.input, { [pilot!.path]: value }, 'x.yaml').ok, `pilot_months = ${value}`).toBe(true);
    }
  });

  test('an override that removes what a lever names is no error: the lever is left out', () => {
    const r = parseScenarioText(read('bekasi-2015-2025'), 'b.yaml');
    if (!r.ok) throw new Error('invalid');
    // As experiments/bekasi-no-leadership-change.yaml does.
    const v = validateWithOverrides(r.input, { 'leaders[id=acting-mayor-tri-adhianto]': null, 'budget_shocks': [] }, 'b.yaml');
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const paths = resolveLevers(v.scenario).map((l) => l.path);
    expect(paths).not.toContain('leaders[id=acting-mayor-tri-adhianto].from');
    expect(paths).not.toContain('budget_shocks[0].factor');
    expect(paths).toContain('parameters.takeover_vendor');
  });

  test('a scenario without levers gets the common knobs, all resolvable', () => {
    const r = parseScenarioText(read('sustained-opd-owned').replace(/levers:[\s\S]*$/, ''), 'x.yaml');
    if (!r.ok) throw new Error('invalid');
    expect(r.scenario.levers).toBeUndefined();
    const common = commonLevers(r.scenario);
    expect(common.map((l) => l.path)).toContain('parameters.takeover_vendor');
    expect(common.map((l) => l.path)).toContain('budget_shocks[0].factor');
    expect(resolveLevers(r.scenario, common)).toHaveLength(common.length);
  });

  test('a scenario without levers keeps its hash (the section adds no default)', () => {
    const text = read('sustained-opd-owned').replace(/levers:[\s\S]*$/, '');
    const r = parseScenarioText(text, 'x.yaml');
    if (!r.ok) throw new Error('invalid');
    expect(JSON.stringify(r.scenario)).not.toContain('levers');
  });
});

describe('numbers on the page', () => {
  test('the decimal separator is the one the charts use (report catalog): a comma in Bahasa Indonesia', () => {
    for (const lang of ['en', 'id'] as const) {
      expect(fixed(0.95, 2, lang)).toBe(`0${catalog(lang).decimal}95`);
      expect(percent(0.125, lang)).toBe(`12${catalog(lang).decimal}5`);
      expect(plain(0.15, lang)).toBe(`0${catalog(lang).decimal}15`);
    }
    expect(plain(20230601, 'id')).toBe('20230601');
  });

  test('a difference of exactly zero is 0, never ±0.0; others keep their sign', () => {
    expect(signed(0, 1, 'en')).toBe('0');
    expect(signed(-0, 1, 'id')).toBe('0');
    expect(signed(12.5, 1, 'id')).toBe('+12,5');
    expect(signed(-3, 1, 'en')).toBe('−3.0');
    // Tiny but not zero: the sign says which way.
    expect(signed(0.01, 1, 'en')).toBe('+0.0');
  });
});

describe('Bahasa Indonesia follows the Indonesian report (docs/OUTPUTS.md)', () => {
  /** Every Indonesian text of the page's own catalogs: messages and the lever scales. */
  const texts = () => [...catalogKeys('id').map((key) => translate('id', key as never)), ...scaleUnits('id').map((unit) => SCALE_SAMPLES[unit] ?? unit).map((path) => leverScale(path, 'id'))];
  const SCALE_SAMPLES: Record<string, string> = { B: 'parameters.budget_open_min' };

  test('the percent sign closed up: no "95 %" and no "{cur} %" in any message or lever scale', () => {
    expect(texts().filter((x) => /(\d|\})\s%/.test(x))).toEqual([]);
    expect(translate('id', 'inWordsUp', { service: 'S', cur: '15,0', base: '2,5', diff: '+12,5', lo: '+0,5', hi: '+26,4' })).toBe(
      'S: bertahan pada 15,0% replikasi, dibandingkan 2,5% pada skenario dasar (selisih +12,5 poin persentase; interval 95% +0,5 hingga +26,4).',
    );
    expect(leverScale('parameters.budget_open_min', 'id')).toContain('dengan 70% anggaran');
  });

  test('no sentence starts with a numeral, and no decimal comma runs into a list comma', () => {
    // A number put in at a sentence's start, or a number (a decimal one, in Indonesian) right before a comma.
    const NUMBERS = 'done|total|count|cur|base|diff|lo|hi|n|seconds|workers|reps|seed|minPeak|peakShare';
    expect(texts().filter((x) => new RegExp(`(^|[.!?]\\s+)(\\d|\\{(${NUMBERS})\\})`).test(x))).toEqual([]);
    expect(texts().filter((x) => new RegExp(`\\{(cur|base|diff|lo|hi|seconds|minPeak|peakShare)\\},`).test(x))).toEqual([]);
    expect(translate('id', 'doneText', { total: 200, seconds: '12,34', workers: 2 })).toBe('Sebanyak 200 replikasi selesai dalam 12,34 detik dengan 2 proses paralel');
    expect(translate('id', 'totalUp', { date: 'Desember 2025', cur: '3,45', base: '2,90', diff: '+0,55', lo: '+0,20', hi: '+0,90' })).toBe(
      'Layanan yang bertahan pada Desember 2025: rata-rata 3,45 layanan, dibandingkan 2,90 layanan pada skenario dasar (selisih +0,55; interval 95% +0,20 hingga +0,90).',
    );
  });

  test("percentages, intervals and months: the report's forms in Bahasa Indonesia, English as before", () => {
    expect(withPercent('12,5', 'id')).toBe('12,5%');
    expect(withPercent('12.5', 'en')).toBe('12.5\u00a0%');
    expect(withPercent('12.5', 'en', ' ')).toBe('12.5 %');
    expect(tableInterval('−1,4', '+11,4', 'id', 'unused')).toBe('[−1,4; +11,4]');
    expect(tableInterval('−1.4', '+11.4', 'en', '(−1.4 … +11.4)')).toBe('(−1.4 … +11.4)');
    expect(proseInterval('−1,42', '−0,70', 'id')).toBe('−1,42 hingga −0,70');
    expect(proseInterval('−1.42', '−0.70', 'en')).toBe('−1.42 … −0.70');
    expect(monthInWords('2025-12', 'id')).toBe('Desember 2025');
    expect(monthInWords('2015-01', 'id')).toBe('Januari 2015');
    expect(monthInWords('2025-12', 'en')).toBe('2025-12');
    expect(translate('id', 'adoptionDescription', { from: monthInWords('2015-01', 'id'), to: monthInWords('2025-12', 'id'), n: 8, values: 'x' })).toBe(
      'Grafik adopsi, Januari 2015 s.d. Desember 2025, rata-rata 8 replikasi. Jumlah perangkat daerah tempat setiap layanan aktif pada Desember 2025: x.',
    );
  });
});

describe('page', () => {
  test('every message has an English and a Bahasa Indonesia text with the same placeholders', () => {
    expect(catalogKeys('id').sort()).toEqual(catalogKeys('en').sort());
    for (const key of catalogKeys('en')) {
      const holes = (lang: 'en' | 'id') => [...translate(lang, key as never).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes('id')).toEqual(holes('en'));
    }
  });

  test('one replication, one worker: singular in English ("1 replications" nowhere), the same word in Bahasa Indonesia', () => {
    expect(translate('en', 'doneText', { total: 1, seconds: '0.12', workers: 1 })).toBe('1 replication in 0.12 s on 1 worker');
    expect(translate('en', 'doneText', { total: 200, seconds: '12.34', workers: 2 })).toBe('200 replications in 12.34 s on 2 workers');
    expect(translate('en', 'progressText', { done: 0, total: 1, seconds: '0.01', workers: 2 })).toBe('0 of 1 replication (0.01 s, 2 workers)');
    expect(translate('en', 'outcomeCount', { total: 1 })).toBe('(1 replication)');
    expect(translate('en', 'outcomeCount', { total: 8 })).toBe('(8 replications)');
    expect(translate('en', 'baselinePinned', { levers: 'x', seed: 42, reps: 1 })).toBe('Baseline: x (seed 42, 1 replication)');
    expect(translate('id', 'outcomeCount', { total: 1 })).toBe('(1 replikasi)');
    expect(translate('id', 'doneText', { total: 1, seconds: '0,12', workers: 1 })).toBe('Sebanyak 1 replikasi selesai dalam 0,12 detik dengan 1 proses paralel');
    // Every message with every number 1: no "1 replications", "1 workers" (nor a choice left unfilled).
    const ones = new Proxy({}, { has: () => true, get: () => 1 }) as Record<string, number>;
    for (const lang of ['en', 'id'] as const) {
      const said = catalogKeys(lang).map((key) => translate(lang, key as never, ones));
      expect(said.filter((x) => /\b1 (replications|workers|replikasis)\b|\{\w+\|/.test(x)), lang).toEqual([]);
    }
  });

  test('every event kind the model records has words in both languages', () => {
    const recorded = new Set<string>();
    for (const file of readdirSync('src/model').filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(`src/model/${file}`, 'utf8').matchAll(/record\(\s*w,\s*(?:'([a-z_]+)'|active \? '([a-z_]+)' : '([a-z_]+)'|b < w\.budget \? '([a-z_]+)' : '([a-z_]+)')/g)) {
        for (const k of m.slice(1)) if (k) recorded.add(k);
      }
    }
    expect(recorded.size).toBeGreaterThan(15);
    expect([...recorded].filter((k) => !eventKindKeys('en').includes(k))).toEqual([]);
    expect(eventKindKeys('id').sort()).toEqual(eventKindKeys('en').sort());
  });

  test('embedded scenario text cannot close the script element', () => {
    const html = explorerHtml('<script id="difusi-scenarios" type="application/json">/*SCENARIOS*/</script>', [
      { name: '</script><script>alert(1)</script>', file: 'x.yaml', text: 'name: "</SCRIPT>"\u2028' },
    ]);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    const json = html.slice(html.indexOf('>') + 1, html.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual([{ name: '</script><script>alert(1)</script>', file: 'x.yaml', text: 'name: "</SCRIPT>"\u2028' }]);
  });

  test('--serve answers on 127.0.0.1 only, the page at / and nothing else', async () => {
    const { server, url } = await servePage('<p>hi</p>', 0);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const address = server.address();
      expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
      expect(await (await fetch(url)).text()).toBe('<p>hi</p>');
      expect((await fetch(`${url}../etc/passwd`)).status).toBe(404);
      expect((await fetch(`${url}x`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

/** The status line's code of a raw HTTP/1.1 request to 127.0.0.1:`port` (`host`: its Host header; undefined: none, as HTTP/1.0 allows). */
function rawStatus(port: number, host: string | undefined, path = '/'): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/${host === undefined ? '1.0' : '1.1'}\r\n${host === undefined ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? NaN)));
    socket.on('error', reject);
  });
}

describe('--serve answers only requests that name the loopback address (no DNS rebinding)', () => {
  test('Host 127.0.0.1, localhost or [::1] with the port: the page; any other Host, another port, or none: 403', async () => {
    const { server, url } = await servePage('<p>hi</p>', 0);
    try {
      const port = Number(new URL(url).port);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) expect(await rawStatus(port, host), host).toBe(200);
      for (const host of ['evil.com', `evil.com:${port}`, `localhost.evil.com:${port}`, `127.0.0.1.nip.io:${port}`, `127.0.0.1:${port + 1}`, 'localhost', '127.0.0.1', '']) {
        expect(await rawStatus(port, host), host).toBe(403);
      }
      expect(await rawStatus(port, undefined)).toBe(403);
      // Not the page's path either: the Host is checked first, so a rebinding page learns nothing from 404s.
      expect(await rawStatus(port, 'evil.com', '/x')).toBe(403);
      expect(await rawStatus(port, `localhost:${port}`, '/x')).toBe(404);
    } finally {
      server.close();
    }
  });

  test('loopbackHost: without a port only at port 80', () => {
    expect(loopbackHost('localhost', 80)).toBe(true);
    expect(loopbackHost('localhost', 8080)).toBe(false);
    expect(loopbackHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(loopbackHost('127.0.0.1:08080', 8080)).toBe(true);
    expect(loopbackHost(undefined, 8080)).toBe(false);
  });
});

describe("the page's seed and replications fields", () => {
  test("a scenario's own replications, 1 included (difusi run accepts it; validation/rogers-categories.yaml ships with 1), run on the page; 0 is a problem", async () => {
    const { readPageSetting } = await import('../../src/explorer/setting.js');
    expect(readPageSetting('7', '1')).toEqual({ ok: true, seed: 7, replications: 1 });
    const shipped = readFileSync('scenarios/validation/rogers-categories.yaml', 'utf8').match(/^replications: (\d+)$/m)?.[1];
    expect(readPageSetting('7', shipped!).ok).toBe(true);
    expect(readPageSetting('7', '0').ok).toBe(false);
  });
});

describe('charts laid out for a container', () => {
  test('a timeline label that must end at its rule, over an earlier tick, is placed (the search used never to end)', () => {
    // No room to the right (overflow 0, as the explorer lays a narrow panel out): the second label is right-aligned over the first tick.
    const placed = placeWrappedLabels([{ x: 40, lines: ['first'] }, { x: 260, lines: ['a label as long as the panel is wide'] }], 270, 10, 0);
    expect(placed).toHaveLength(2);
    expect(placed[1]!.align).toBe('right');
  });

  test('timeline labels are wrapped to half the panel: none runs past a narrow panel', () => {
    const axis = { kind: 'date' as const, start: '2015-01', months: 132, width: 200 };
    const events = [{ kind: 'leader' as const, label: 'leader: Appointed acting mayor of the city', date: '2017-05', month: 29, endMonth: null }];
    const lane = timelineLane(events as never, axis) as unknown as { layer: { data: { values: { line: string }[] } }[] };
    const lines = lane.layer.slice(1).flatMap((l) => l.data.values.map((v) => v.line));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length * 0.62 * 10).toBeLessThanOrEqual(100);
  });

  test('a time axis laid out for a container ends its ticks at the horizon: no "2026" tick on a run to 2025-12, none whose label runs past the plot', () => {
    const iso = (x: number) => new Date(x).toISOString().slice(0, 7);
    /** The ticks of the x encoding. */
    const ticks = (axis: Parameters<typeof timeX>[0]) => (timeX(axis).axis as { values?: number[] }).values?.map(iso);
    const years = Array.from({ length: 11 }, (_, i) => `${2015 + i}-01`);
    for (const width of [250, 700]) expect(ticks({ kind: 'date', start: '2015-01', months: 132, width }), String(width)).toEqual(years);
    // A horizon in June: "2025" 5 months from the plot's edge fits a wide plot, not a narrow one (its label would be cut).
    expect(ticks({ kind: 'date', start: '2015-01', months: 126, width: 700 })).toEqual(years);
    expect(ticks({ kind: 'date', start: '2015-01', months: 126, width: 150 })).toEqual(years.slice(0, -1));
    // A short run: every 3 months from January, up to its last month.
    expect(ticks({ kind: 'date', start: '2024-02', months: 23, width: 700 })).toEqual(['2024-04', '2024-07', '2024-10', '2025-01', '2025-04', '2025-07', '2025-10']);
    // The report's axis (no container width) ends at the horizon too, but keeps a last label that would
    // reach past the plot (its chart grows to hold it): "2025" on a run to 2025-06.
    expect(ticks({ kind: 'date', start: '2015-01', months: 132 })).toEqual(years);
    expect(ticks({ kind: 'date', start: '2015-01', months: 126 })).toEqual(years);
  });

  test('fitToWidth wraps titles to the container and puts legends under a narrow plot', () => {
    const spec = { title: { text: 'A title that is much longer than the narrow phone container is wide', subtitle: ['x '.repeat(80)] }, config: { legend: { orient: 'right' } }, vconcat: [] } as never;
    const fitted = fitToWidth(spec, 300, 200) as unknown as { title: { text: string[]; subtitle: string[] }; config: { legend: { orient: string } } };
    expect(fitted.title.text.length).toBeGreaterThan(1);
    for (const line of fitted.title.text) expect(line.length * 0.62 * 15).toBeLessThanOrEqual(300);
    expect(fitted.config.legend.orient).toBe('bottom');
  });

  test('the forest plot of percentage points says so on its axes, once, in both languages (not "per replication")', () => {
    const row = { outcome: 'sustained.pot', variant: 'current', n: 8, base_mean: 0.5, base_ci_low: 0.4, base_ci_high: 0.6, variant_mean: 0.6, variant_ci_low: 0.5, variant_ci_high: 0.7, diff_mean: 0.1, diff_ci_low: 0.05, diff_ci_high: 0.15, relative_change: 0.2, correlation: 0.5, level: 0.95 };
    for (const [lang, unit] of [['en', 'percentage points'], ['id', 'poin persentase']] as const) {
      for (const width of [undefined, 300, 700]) {
        const json = JSON.stringify(forestChart([row] as never, () => 'POT app', lang, width));
        const titles = [...json.matchAll(/"title":("(?:[^"\\]|\\.)*"|\[[^\]]*\])/g)].map((m) => [JSON.parse(m[1]!)].flat().join(' ')).filter((x) => x.includes('POT app'));
        expect(titles.length).toBeGreaterThan(0);
        for (const title of titles) {
          expect(title).not.toContain(catalog(lang).perReplication);
          expect(title.split(unit).length - 1).toBe(1);
        }
      }
    }
    // A name with brackets of its own meets no second pair in Bahasa Indonesia (the unit goes inside the title's brackets).
    const json = JSON.stringify(forestChart([row] as never, () => 'Layanan kesehatan cerdas (Dinas Kesehatan)', 'id', 700));
    const titles = [...json.matchAll(/"title":("(?:[^"\\]|\\.)*"|\[[^\]]*\])/g)].map((m) => [JSON.parse(m[1]!)].flat().join(' ')).filter((x) => x.includes('Dinas'));
    // Changed on purpose: the page's words (sekarang − dasar, as its table), not the report's pengandaian − dasar.
    expect([...new Set(titles)]).toEqual(['Layanan kesehatan cerdas (Dinas Kesehatan): sekarang − dasar (poin persentase, interval 95%)']);
  });

  test("the forest plot's title and axes say what the page's table says (current − baseline, sekarang − dasar), not the report's variant − base", () => {
    const row = { outcome: 'sustained.pot', variant: 'current', n: 8, base_mean: 0.5, base_ci_low: 0.4, base_ci_high: 0.6, variant_mean: 0.6, variant_ci_low: 0.5, variant_ci_high: 0.7, diff_mean: 0.1, diff_ci_low: 0.05, diff_ci_high: 0.15, relative_change: 0.2, correlation: 0.5, level: 0.95 };
    const texts = (lang: 'en' | 'id') =>
      [...JSON.stringify(forestChart([row] as never, () => 'POT app', lang, 700)).matchAll(/"(?:title|text)":("(?:[^"\\]|\\.)*"|\[[^\]]*\])/g)].map((m) => [JSON.parse(m[1]!)].flat().join(' '));
    const id = texts('id');
    expect(id).toContain('Selisih peluang setiap layanan bertahan (sekarang − dasar)');
    expect(id).toContain('POT app: sekarang − dasar (poin persentase, interval 95%)');
    // The baseline is the glossary's (skenario) dasar, the page's variant is "sekarang": no pengandaian.
    expect(id.filter((x) => /pengandaian/.test(x))).toEqual([]);
    expect(id.some((x) => x.includes(translate('id', 'diffTable').match(/\((sekarang − dasar)/)![1]!))).toBe(true);
    // English too (changed on purpose: the report's "variant − base" are words the page never defines; its table
    // says Baseline and Current, its caption "current − baseline").
    const en = texts('en');
    expect(en).toContain('Difference in the chance that each service is sustained (current − baseline)');
    expect(en).toContain('POT app (percentage points): current − baseline (95 % interval)');
    expect(en.filter((x) => /variant|\bbase\b|what-if/.test(x))).toEqual([]);
    expect(en.some((x) => x.includes(translate('en', 'diffTable').match(/\((current − baseline)/)![1]!))).toBe(true);
  });

  test("the forest plot's numbers have the comparison table's decimals (one, signed), in both languages", () => {
    // A wide interval: by the report's own rule (two significant digits of the half-width) these printed whole points.
    const row = { outcome: 'sustained.pot', variant: 'current', n: 8, base_mean: 0.5, base_ci_low: 0.4, base_ci_high: 0.6, variant_mean: 0.623, variant_ci_low: 0.5, variant_ci_high: 0.7, diff_mean: 0.123, diff_ci_low: -0.02, diff_ci_high: 0.266, relative_change: 0.246, correlation: 0.5, level: 0.95 };
    const numbers = (lang: 'en' | 'id') => [...JSON.stringify(forestChart([row] as never, () => 'POT app', lang, 700)).matchAll(/"text":"([^"]*\[[^"]*)"/g)].map((m) => m[1]!);
    // The table's cells: signed(100 x) with one decimal (app.ts renderComparison).
    expect(numbers('en')).toEqual([`${signedPoints(12.3, 'en')} [${signedPoints(-2, 'en')}, ${signedPoints(26.6, 'en')}]  (+25 %)`]);
    expect(numbers('en')[0]).toMatch(/^\+12\.3 \[−2\.0, \+26\.6\]/);
    expect(numbers('id')[0]).toMatch(/^\+12,3 \[−2,0; \+26,6\]/);
  });

  test('laidOut wraps legend names onto lines inside the label limit (no name cut), and sizes a legend beside a wide plot before drawing', () => {
    const r = parseScenarioText(read('bekasi-2015-2025'), 'bekasi.yaml');
    if (!r.ok) throw new Error('invalid');
    const names = r.scenario.innovations.map((i) => i.name);
    const expr = names.reduce((e, name, i) => `datum.label === ${JSON.stringify(`s${i}`)} ? ${JSON.stringify(name)} : ${e}`, 'datum.label');
    const spec = { config: {}, layer: [{ encoding: { color: { field: 'series', type: 'nominal', title: 'service', legend: { labelExpr: expr } } } }] } as never;
    type Out = { config: { legend: { orient?: string; labelLimit: number } }; layer: { encoding: { color: { legend: { labelExpr: string; labelLimit: number } } } }[] };
    for (const [width, plot] of [[332, 257], [762, 389], [892, 511]] as const) {
      const { spec: out, legendWidth } = laidOut(spec, width, plot);
      const legend = (out as unknown as Out).layer[0]!.encoding.color.legend;
      // Every name is in the expression, whole or as its lines.
      const shown = [...legend.labelExpr.matchAll(/\? ("(?:[^"\\]|\\.)*"|\[[^\]]*\]) :/g)].map((m) => JSON.parse(m[1]!) as string | string[]);
      expect(shown.map((x) => (Array.isArray(x) ? x.join(' ') : x))).toEqual([...names].reverse());
      for (const line of shown.flat()) expect(estimate(line, 11)).toBeLessThanOrEqual(legend.labelLimit);
      if (width < 640) {
        expect((out as unknown as Out).config.legend.orient).toBe('bottom');
        expect(legendWidth).toBe(0);
        // Under the plot, where it starts at the plot's left edge: no wider than the plot.
        expect(legend.labelLimit + Math.sqrt(120) + 4).toBeLessThanOrEqual(plot);
      } else {
        expect(legendWidth).toBeGreaterThan(100);
        expect(legendWidth).toBeLessThanOrEqual(18 + Math.sqrt(120) + 4 + legend.labelLimit);
      }
    }
  });
});

describe('what a lever number means', () => {
  test('units from the parameter table and the schema, in both languages', () => {
    expect(leverScale('parameters.budget_open_min', 'en')).toBe('budget climate: 1 is a normal year, 0.7 a refocusing year with 70 % of the budget');
    expect(leverScale('budget_shocks[0].factor', 'en')).toContain('1 is a normal year');
    expect(leverScale('leaders[id=acting-mayor-tri-adhianto].commitment', 'en')).toBe('on a scale from 0 (none) to 1 (full)');
    expect(leverScale('parameters.takeover_vendor', 'en')).toBe('a probability, from 0 (never) to 1 (always)');
    expect(leverScale('parameters.campaign_months', 'id')).toBe('bulan');
    expect(leverScale('regulations[id=x].requires_budget_line', 'en')).toBe('');
    expect(scaleUnits('id').sort()).toEqual(scaleUnits('en').sort());
  });

  test('every slider of the shipped scenarios and of the common levers says what its number means', () => {
    for (const source of readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('indonesia'))) {
      const parsed = parseScenarioText(readFileSync(`scenarios/${source}`, 'utf8'), source);
      if (!parsed.ok) continue;
      const declared = parsed.scenario.levers ?? [];
      const levers = resolveLevers(parsed.scenario, declared.length > 0 ? declared : commonLevers(parsed.scenario));
      const unexplained = levers.filter((x) => x.kind === 'slider' && leverScale(x.path, 'en') === '').map((x) => `${source}: ${x.path}`);
      expect(unexplained).toEqual([]);
    }
  });
});

describe('the explorer defines and names outcomes as the report does', () => {
  test('sustained includes the min_peak and sustain_fraction rules with the scenario values, in both languages', () => {
    for (const lang of ['en', 'id'] as const) {
      const text = translate(lang, 'outcomeDefs', { date: '2025-12', minPeak: 5, peakShare: '25 %' });
      expect(text, lang).toMatch(/min_peak/);
      expect(text, lang).toMatch(/sustain_fraction/);
      expect(text.match(/\b5\b/g)?.length, lang).toBe(2); // the rule of sustained and the one of declining
      expect(text.match(/25 %/g)?.length, lang).toBe(2); // the same two rules
      expect(text, lang).not.toMatch(/\{\w+\}/);
    }
  });

  test("the explorer's word for sustained is the report's (Bahasa Indonesia: bertahan)", () => {
    for (const lang of ['en', 'id'] as const) {
      expect(translate(lang, 'sustained').toLowerCase(), lang).toBe(catalog(lang).outcome.sustained.toLowerCase());
      expect(translate(lang, 'outcomeDefs', { date: '2025-12', minPeak: 3 }).toLowerCase().startsWith(catalog(lang).outcome.sustained.toLowerCase()), lang).toBe(true);
    }
  });
});

describe("the scenario's names in the page's language (its Indonesian twins, name_id)", () => {
  /** A scenario with twins: the service's full of markup, the new mayor's, and the vendor's empty (so its English name stands). */
  const twinned = (): Scenario => {
    const text = read('discontinued-vendor-pilot')
      .replace('  - { id: second-mayor, from: 2020-01, commitment: 0.4 }', '  - { id: second-mayor, name: Second mayor, name_id: Wali kota kedua, from: 2020-01, commitment: 0.4 }')
      // The shipped file names its vendor and service in Bahasa Indonesia too (since the thirty-ninth session): replaced here.
      .replace('  - { id: vendor, name: Pilot vendor, name_id: Vendor uji coba, contract_end: 2019-01 }', '  - { id: vendor, name: Pilot vendor, name_id: "", contract_end: 2019-01 }')
      .replace('    name_id: Layanan uji coba yang dipimpin vendor\n', '    name_id: "<b>Layanan</b> pilot </script>vendor"\n');
    const r = parseScenarioText(text, 'twins.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.scenario;
  };
  const TWIN = '<b>Layanan</b> pilot </script>vendor';

  test('tables and legends name a service by its twin in Bahasa Indonesia and by its name in English; timeline labels likewise, an empty twin standing for none', () => {
    const scenario = twinned();
    // The charts the page draws: legends (and survival cells) and timeline rules in the page's language.
    const agg = new Aggregate(scenario, metricsOf(scenario), 2);
    runJob({ type: 'job', job: 1, scenario, indices: [0, 1], detail: 2 }, (r) => agg.add(r));
    for (const chart of [adoptionChart, survivalChart]) {
      const en = JSON.stringify(chart(agg, 'en'));
      const id = JSON.stringify(chart(agg, 'id'));
      expect(en).toContain('Vendor-led pilot service');
      expect(en).toContain('Second mayor');
      expect(en).not.toContain('Wali kota kedua');
      expect(id).toContain(JSON.stringify(TWIN).slice(1, -1));
      expect(id).toContain('Wali kota kedua');
      expect(id).not.toContain('Vendor-led pilot service');
    }
    // The names the tables, the comparison's words and the forest plot use, and the timeline's labels.
    expect(serviceNames(scenario, 'en').get('vendor-pilot')).toBe('Vendor-led pilot service');
    expect(serviceNames(scenario, 'id').get('vendor-pilot')).toBe(TWIN);
    const labels = (lang: 'en' | 'id') => timelineOf(scenario, lang).map((e) => e.label);
    expect(labels('en')).toContain(`${catalog('en').timelineKinds.leader}: Second mayor`);
    expect(labels('en')).toContain(`${catalog('en').timelineKinds.pilot}: Vendor-led pilot service – Pilot vendor`);
    expect(labels('id')).toContain(`${catalog('id').timelineKinds.leader}: Wali kota kedua`);
    // The vendor's name_id is empty: its English name, as the report writes it.
    expect(labels('id')).toContain(`${catalog('id').timelineKinds.pilot}: ${TWIN} – Pilot vendor`);
    expect(labels('id').join()).not.toContain('Second mayor');
  });

  test("the common knobs name a budget shock by its twin in the Indonesian label", () => {
    const r = parseScenarioText(read('sustained-opd-owned').replace(/levers:[\s\S]*$/, ''), 'x.yaml');
    if (!r.ok) throw new Error('invalid');
    const shock = { ...r.scenario.budget_shocks[0]!, name: 'Refocusing', name_id: 'Refocusing anggaran' };
    const scenario = { ...r.scenario, budget_shocks: [shock] };
    const lever = commonLevers(scenario).find((l) => l.path === 'budget_shocks[0].factor')!;
    expect(lever.label).toBe('Budget factor during Refocusing');
    expect(lever.label_id).toBe('Faktor anggaran selama Refocusing anggaran');
    expect(commonLevers({ ...scenario, budget_shocks: [{ ...shock, name_id: '' }] }).find((l) => l.path === 'budget_shocks[0].factor')!.label_id).toBe('Faktor anggaran selama Refocusing');
  });
});

describe("the network's agency labels", () => {
  test('name the agency type in the page\'s language: secretariat and other in Bahasa Indonesia too', () => {
    const net = { opds: [{ id: 'setda', name: 'Sekretariat Daerah', type: 'secretariat', coordinator: false }, { id: 'x', name: '', type: 'other', coordinator: false }, { id: 'dinkes', name: 'Dinas Kesehatan', type: 'dinas', coordinator: false }], edges: [] } as unknown as Parameters<typeof agencyText>[0];
    const label = () => 'aktif';
    const id = (i: number) => agencyText(net, i, 'live' as never, label, 'koordinator', (type) => agencyTypeLabel('id', type));
    expect(id(0)).toBe('Sekretariat Daerah (sekretariat): aktif');
    expect(id(1)).toBe('x (lainnya): aktif');
    expect(id(2)).toBe('Dinas Kesehatan (dinas): aktif');
    expect(agencyText(net, 0, 'live' as never, () => 'live', 'coordinator', (type) => agencyTypeLabel('en', type))).toBe('Sekretariat Daerah (secretariat): live');
  });
});
