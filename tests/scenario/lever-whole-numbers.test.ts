/**
 * A slider on a whole-number field (an innovation's pilot_months, months, a
 * parameter in months) with a min, max or step that is not whole used to be
 * accepted: from `min: 1.5` the explorer offered 1.5, 2.5, ..., each refused
 * by the scenario check when tried. It is refused in one line at that field,
 * naming the file, the field and its range, as a bound outside the range is
 * (`lever_outside_range`); `difusi validate` exits 2 and writes nothing.
 * The command runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads its code and stderr only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { MESSAGES } from '../../src/messages/catalog.js';
import { cliTestFolder, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

/** The shipped vendor-pilot scenario (its pilot has pilot_months) without its levers; `withLever` gives it one. */
const PILOT = readFileSync(join(ROOT, 'scenarios', 'discontinued-vendor-pilot.yaml'), 'utf8');
const BASE = PILOT.replace(/^levers:\n(?: {2}.*\n)+/m, '');
const withLever = (lever: string) => `${BASE}levers:\n  - ${lever}\n`;
const folder = cliTestFolder('difusi-lever-whole-');

describe('a slider on a whole-number field', () => {
  it('is refused at its min, max or step when that is not whole, in one line naming the field and its range', () => {
    const cases: [string, string, 'min' | 'max' | 'step', number, string, string][] = [
      ['innovations[0].pilot_months', 'min: 1.5, max: 24', 'min', 1.5, 'innovations[0].pilot_months', 'an integer >= 1'],
      ['innovations[0].pilot_months', 'min: 1, max: 24.5', 'max', 24.5, 'innovations[0].pilot_months', 'an integer >= 1'],
      ['months', 'min: 12, max: 240, step: 0.5', 'step', 0.5, 'months', 'an integer in [1,1200]'],
      ['parameters.gap_months', 'min: 1.5, max: 24', 'min', 1.5, 'gap_months', 'an integer >= 1'],
      // Through a list entry the scenario does not have (a warning alone): checked against the schema all the same.
      ['innovations[9].pilot_months', 'min: 2, max: 12, step: 1.5', 'step', 1.5, 'innovations[9].pilot_months', 'an integer >= 1'],
    ];
    for (const [path, bounds, field, value, name, accepts] of cases) {
      const text = withLever(`{ path: "${path}", label: x, kind: slider, ${bounds} }`);
      const r = parseScenarioText(text, 'x.yaml');
      expect(r.ok, `${path} ${bounds}`).toBe(false);
      if (r.ok) continue;
      expect(r.issues, path).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'lever_not_whole', path: ['levers', 0, field], file: 'x.yaml', line: text.split('\n').length - 1, found: String(value) });
      expect(r.issues[0]!.message).toBe(MESSAGES.lever_not_whole(field, value, name, accepts));
      expect(r.issues[0]!.message).toBe(`The lever's ${field} ${value} is not a whole number, and ${name} takes ${accepts}: the explorer would offer a value the scenario check refuses`);
    }
  });

  it('is accepted with whole bounds and step, and a field that takes any number takes fractions as before', () => {
    for (const lever of [
      '{ path: "innovations[0].pilot_months", label: x, kind: slider, min: 2, max: 24, step: 2 }',
      '{ path: "innovations[0].pilot_months", label: x, kind: slider, min: 2.0, max: 24 }',
      '{ path: "leaders[id=second-mayor].commitment", label: x, kind: slider, min: 0.25, max: 0.75, step: 0.05 }',
      '{ path: parameters.takeover_vendor, label: x, kind: slider, min: 0.5, max: 1, step: 0.1 }',
    ]) {
      const r = parseScenarioText(withLever(lever), 'x.yaml');
      expect(r.ok, lever).toBe(true);
    }
  });

  it('difusi validate: one ✗ line naming the file, line and field, exit 2', async () => {
    const file = join(folder(), 'half-month.yaml');
    writeFileSync(file, withLever('{ path: "innovations[0].pilot_months", label: x, kind: slider, min: 1.5, max: 24 }'));
    const r = await runInProcess(['validate', file]);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^✗ ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ The lever's min 1\\.5 is not a whole number, and innovations\\[0\\]\\.pilot_months takes an integer >= 1: .* → at levers\\[0\\]\\.min \\(expected a whole number \\(an integer >= 1\\), found 1\\.5\\)$`));
  }, 60_000);
});
