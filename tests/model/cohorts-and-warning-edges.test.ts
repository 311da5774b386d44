/**
 * Edges that the mutation samples found unpinned:
 *  - a government listed twice in one cohort's members is one member, and
 *    one listed in an earlier cohort of the same programme is not taken
 *    again (docs/NATIONAL.md, programmes: "among eligible governments not
 *    already in an earlier cohort");
 *  - a cohort id used twice is an error at the second one's path;
 *  - the costly-without-seed warning (MODEL.md 7.3) at complex_k exactly 1:
 *    an agency adopts a costly service only when min(1, its eligible peers)
 *    peers are live, so without a seed nobody with a peer can go first.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NationalCompileError, compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { validScenarioWith } from '../scenario/helpers.js';

const FIXTURE = fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url));
type Input = Record<string, unknown>;
const build = (edit: (s: Input) => void): NationalModel => {
  const input = parse(readFileSync(FIXTURE, 'utf8')) as Input;
  edit(input);
  return compileNational(nationalSchema.parse(input) as NationalScenario);
};
const ids = (m: NationalModel, list: readonly number[]) => list.map((g) => m.governments[g]!.id);

describe('cohort members (docs/NATIONAL.md, programmes)', () => {
  it('a government listed twice in one cohort is one member; one in an earlier cohort is not taken again', () => {
    const m = build((s) => {
      s['programmes'] = [
        {
          id: 'p',
          cohorts: [
            { id: 'c1', from: '2017-01', members: ['kota-a', 'kab-b', 'kota-a'] },
            { id: 'c2', from: '2018-01', members: ['kab-b', 'kota-c', 'kota-c'] },
          ],
        },
      ];
      s['government_network'] = { same_province: true };
    });
    expect(ids(m, m.cohorts[0]!.members)).toEqual(['kota-a', 'kab-b']);
    expect(ids(m, m.cohorts[1]!.members)).toEqual(['kota-c']);
    // Each government names each cohort it is in once.
    expect(m.governments.find((g) => g.id === 'kota-a')!.cohorts).toEqual(['c1']);
    expect(m.governments.find((g) => g.id === 'kab-b')!.cohorts).toEqual(['c1']);
    expect(m.governments.find((g) => g.id === 'kota-c')!.cohorts).toEqual(['c2']);
  });

  it('a cohort id used twice (even across programmes) is an error at the second one, naming the id', () => {
    let err: unknown;
    try {
      build((s) => {
        s['programmes'] = [
          { id: 'p', cohorts: [{ id: 'c1', from: '2017-01', members: ['kota-a'] }] },
          { id: 'q', cohorts: [{ id: 'c0', from: '2017-01', members: ['kab-b'] }, { id: 'c1', from: '2018-01', members: ['kota-c'] }] },
        ];
        s['government_network'] = { same_province: true };
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NationalCompileError);
    const e = err as NationalCompileError;
    expect([e.path, e.message]).toEqual([['programmes', 1, 'cohorts', 1, 'id'], 'duplicate cohort id "c1"']);
  });
});

describe('the costly-without-seed warning at complex_k 1 (MODEL.md 7.3)', () => {
  function warningsWith(overrides: Record<string, unknown>): string[] {
    return scenarioWarnings(validScenarioWith(overrides));
  }

  it('complex_k 1: one live peer is needed, so an unseeded costly service is warned (with the value)', () => {
    const w = warningsWith({ 'parameters.complex_k': 1 });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^innovations\[1\] "smart-city-app" is costly but no eligible agency adopts it at launch/);
    expect(w[0]).toContain('complex_k = 1');
  });
});
