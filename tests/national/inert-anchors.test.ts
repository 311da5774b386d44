/**
 * A mandate or programme that anchors a national service no government it
 * reaches is offered does nothing for that service (compile.ts drops the
 * anchor everywhere); `validate` warns (docs/NATIONAL.md, "Checks").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { inertAnchors } from '../../src/jobs/national-warnings.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
type Doc = Record<string, any>;
const warn = (edit: (d: Doc) => void): string[] => {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Doc;
  edit(doc);
  return inertAnchors(nationalSchema.parse(doc) as NationalScenario);
};
const mandate = (anchors: string[], governments?: Doc) => (d: Doc) =>
  void (d['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 1, anchors, ...(governments && { governments }) }]);

describe('a mandate that anchors a service where it is not offered', () => {
  it('the fixture and the Indonesian scenario as written give no such warning', () => {
    expect(warn(() => undefined)).toEqual([]);
    const indonesia = parse(readFileSync(fileURLToPath(new URL('../../scenarios/indonesia-2015-2025.yaml', import.meta.url)), 'utf8'));
    expect(inertAnchors(nationalSchema.parse(indonesia) as NationalScenario)).toEqual([]);
  });

  it('vendor-app is not offered in kota-c: a mandate for kota-c alone does nothing for it', () => {
    expect(warn(mandate(['vendor-app', 'e-office'], { ids: ['kota-c'] }))).toEqual([
      'national_regulations[0] "m": no government it reaches has "vendor-app" (the service\'s governments selector, or portfolio: false), so it does nothing for that service',
    ]);
    // Control: the same mandate reaching a government that offers it.
    expect(warn(mandate(['vendor-app'], { ids: ['kota-a'] }))).toEqual([]);
    expect(warn(mandate(['vendor-app'], { ids: ['kota-a', 'kota-c'] }))).toEqual([]);
  });

  it('a government with portfolio: false is offered no national service', () => {
    const edit = (d: Doc) => {
      mandate(['e-office'], { ids: ['kota-a'] })(d);
      (d['governments'] as Doc[]).find((g) => g['id'] === 'kota-a')!['portfolio'] = false;
    };
    expect(warn(edit)).toHaveLength(1);
    expect(warn(edit)[0]).toContain('"e-office"');
  });

  it('a selector that matches no government, with or without anchors', () => {
    const none = ['national_regulations[0] "m": its governments selector matches no government, so it does nothing'];
    expect(warn(mandate(['e-office'], { ids: ['kota-a'], types: ['province'] }))).toEqual(none);
    expect(warn(mandate([], { ids: ['kota-a'], types: ['province'] }))).toEqual(none);
  });

  it("a government's own service of that id counts: the anchor acts there (compile.ts keeps it)", () => {
    const edit = (d: Doc) => {
      mandate(['vendor-app'], { ids: ['kota-c'] })(d);
      const c = (d['governments'] as Doc[]).find((g) => g['id'] === 'kota-c')!;
      c['city'] = { innovations: [{ id: 'vendor-app', owner: 'opd', funding: 'apbd', launch: '2016-03' }] };
    };
    expect(warn(edit)).toEqual([]);
  });

  it("a programme whose cohorts' members are not offered its service", () => {
    const edit = (d: Doc) => {
      const p = (d['programmes'] as Doc[])[0]!;
      p['anchors'] = ['vendor-app'];
      p['cohorts'] = [{ id: 'only-c', from: '2017-01', members: ['kota-c'] }];
    };
    const empty = (d: Doc) => {
      (d['programmes'] as Doc[])[0]!['cohorts'] = [{ id: 'nobody', from: '2017-01', members: [] }];
      d['government_network'] = {};
    };
    expect(warn(empty)).toEqual(['programmes[0] "smart": its cohorts have no members, so it does nothing']);
    expect(warn(edit)).toEqual([
      'programmes[0] "smart": no government it reaches has "vendor-app" (the service\'s governments selector, or portfolio: false), so it does nothing for that service',
    ]);
  });
});
