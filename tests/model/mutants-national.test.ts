/**
 * National behaviours a mutation test left unchecked (docs/NATIONAL.md,
 * "Checks" and "Programmes"):
 * - a warning about a programme's regulation in a government names the
 *   programme where the national file writes it (`programmes[1] "id"`),
 *   as one about a national regulation names `national_regulations[r]`;
 * - a government's city block holding a value nested deeper than the
 *   input limit (64 levels) is refused with the limit's issue, through the
 *   field-by-field validation of the governments, not a crash.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileNational } from '../../src/model/national/compile.js';
import { GovernmentValidator } from '../../src/model/national/validate-government.js';
import { NationalWarnings } from '../../src/jobs/national-warnings.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { SMALL_NATIONAL, type Input } from './national-fixture.js';

/** The warnings of the small fixture after `edit`, as `difusi validate` prints them (without the file name). */
function warnings(edit: (s: Input) => void): string[] {
  const input = parse(readFileSync(SMALL_NATIONAL, 'utf8')) as Input;
  edit(input);
  const s = nationalSchema.parse(input) as NationalScenario;
  const w = new NationalWarnings(s);
  compileNational(s, new GovernmentValidator(), w.onGovernment);
  return w.lines();
}

describe("a programme's regulation is named where the national file writes it", () => {
  it('a programme anchoring a service no agency of a member government may adopt: the warning names programmes[1] "kecamatan-push"', () => {
    const lines = warnings((s) => {
      // e-office for kecamatan only; kab-b without districts has none.
      (s['innovations'] as Input[])[0]!['eligible'] = ['kecamatan'];
      (s['governments'] as Input[])[2]!['districts'] = 0;
      (s['programmes'] as Input[]).push({
        id: 'kecamatan-push',
        cohorts: [{ id: 'push-2017', from: '2017-01', members: ['kab-b'] }],
        strength: 0.5,
        anchors: ['e-office'],
      });
    });
    const anchor = lines.filter((l) => l.includes('binds none of the agencies eligible'));
    expect(anchor).toEqual([
      'government "kab-b": programmes[1] "kecamatan-push" anchors "e-office", but its applies_to binds none of the agencies eligible for it: ' +
        'the anchor never acts (no pull, no protected budget line, no lower hazard; docs/MODEL.md 7.1)',
    ]);
  });
});

describe("a government's city block nested too deeply", () => {
  it('is refused with the nesting limit (64 levels) at the field, by the field-by-field validation as by the full one', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const input = { name: 'g', start: '2020-01', months: 12, opds: { generate: { count: 3 } }, innovations: deep };
    const r = new GovernmentValidator().validate(input, 'governments[0]');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((x) => [x.code, x.path[0], x.message])).toEqual([['too_deep', 'innovations', 'The data is nested too deeply (more than 64 levels)']]);
  });
});
