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
  it('the fixture as written gives no such warning', () => {
    expect(warn(() => undefined)).toEqual([]);
  });

  it('vendor-app is not offered in kota-c: a mandate for kota-c alone does nothing for it', () => {
    expect(warn(mandate(['vendor-app', 'e-office'], { ids: ['kota-c'] }))).toEqual([
      'national_regulations[0] "m": no government it reaches is offered "vendor-app" (the service\'s governments selector, or portfolio: false), so it does nothing for that service',
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

  it('a selector that matches no government', () => {
    expect(warn(mandate(['e-office'], { ids: ['kota-a'], types: ['province'] }))).toEqual([
      'national_regulations[0] "m": its governments selector matches no government, so it does nothing',
    ]);
  });

  it("a programme whose cohorts' members are not offered its service", () => {
    const edit = (d: Doc) => {
      const p = (d['programmes'] as Doc[])[0]!;
      p['anchors'] = ['vendor-app'];
      p['cohorts'] = [{ id: 'only-c', from: '2017-01', members: ['kota-c'] }];
    };
    expect(warn(edit)).toEqual([
      'programmes[0] "' + (parse(readFileSync(FIXTURE, 'utf8')) as Doc)['programmes'][0]['id'] + '": no government it reaches is offered "vendor-app" (the service\'s governments selector, or portfolio: false), so it does nothing for that service',
    ]);
  });
});
