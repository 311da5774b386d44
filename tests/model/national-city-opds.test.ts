/**
 * A government whose `city` block gives its own `opds` (docs/NATIONAL.md:
 * fields of the city block replace what the template gives), while
 * `template.coordinator` is true ("each government has a coordinating dinas,
 * id kominfo"): the coordinator is still the agency `kominfo`, now the one
 * of the city block's list, and a list without a `kominfo` is an error
 * reported at `template.coordinator`. And a national vendor or service
 * that is invalid in a government's city scenario is reported at its place
 * in the national file's `vendors` or `innovations`, by its national index
 * (a government's city scenario lists only the national entries that reach
 * it, so the two indices can differ).
 *
 * Kept under tests/model/ so the mutation test set runs it; set-up inside `it`.
 */
import { describe, expect, it } from 'vitest';
import { buildSmallNational, compileError, type Input } from './national-fixture.js';

const govs = (s: Input) => s['governments'] as Input[];

describe("a government's own agencies under template.coordinator", () => {
  it('its own list holding an unmarked kominfo: kominfo is its coordinator', () => {
    const m = buildSmallNational((s) => {
      // kab-b (index 2) lists its agencies itself; kominfo is not marked `coordinator: true` there.
      govs(s)[2]!['city'] = {
        opds: {
          list: [
            { id: 'bappeda', type: 'badan' },
            { id: 'kominfo', type: 'dinas' },
            { id: 'dukcapil', type: 'dinas' },
          ],
        },
      };
    });
    const g = m.governments.find((x) => x.id === 'kab-b')!;
    expect(g.model.opds.map((o) => o.id)).toEqual(['bappeda', 'kominfo', 'dukcapil']);
    expect(g.model.coordinator).toBe(1);
    // The other governments keep the template's kominfo as theirs.
    for (const x of m.governments) expect(x.model.opds[x.model.coordinator]?.id, x.id).toBe('kominfo');
  });

  it('its own list without kominfo: an unknown coordinating agency, reported at template.coordinator', () => {
    const e = compileError((s) => {
      govs(s)[2]!['city'] = { opds: { list: [{ id: 'bappeda', type: 'badan' }, { id: 'dukcapil', type: 'dinas' }] } };
    });
    expect(e.path).toEqual(['template', 'coordinator']);
    expect(e.message).toMatch(/^government "kab-b": Unknown OPD "kominfo"/);
  });
});

describe('a national service invalid in a city scenario', () => {
  it('is reported at its national index: innovations[2].owner for mandated-service owned by a coordinator no government has', () => {
    const e = compileError((s) => {
      (s['template'] as Input)['coordinator'] = false;
      (s['innovations'] as Input[])[2]!['owner'] = 'coordinator';
    });
    expect(e.path).toEqual(['innovations', 2, 'owner']);
    expect(e.message).toMatch(/^government "prov-a": /);
  });

  it('kota-c, without vendor-app: mandated-service is its second service but the national file\'s third', () => {
    const e = compileError((s) => {
      (s['template'] as Input)['coordinator'] = false;
      (s['innovations'] as Input[])[2]!['owner'] = 'coordinator';
      // Only kota-c offers it, and kota-c does not offer vendor-app (innovations[1]).
      (s['innovations'] as Input[])[2]!['governments'] = { ids: ['kota-c'] };
    });
    expect(e.path).toEqual(['innovations', 2, 'owner']);
    expect(e.message).toMatch(/^government "kota-c": /);
  });
});

describe('a national vendor invalid in a city scenario', () => {
  it('is reported at its national index: vendors[1].contract_end, the first (and only) vendor of each city scenario', () => {
    const e = compileError((s) => {
      // A vendor no service names comes first in the national list: no government's city scenario holds it.
      (s['vendors'] as Input[]).unshift({ id: 'idle', contract_end: '2020-01' });
      // cloudco's contract ends before the start, which the city validation refuses.
      (s['vendors'] as Input[])[1]!['contract_end'] = '2015-06';
    });
    expect(e.path).toEqual(['vendors', 1, 'contract_end']);
    expect(e.message).toMatch(/^government "prov-a": /);
  });
});
