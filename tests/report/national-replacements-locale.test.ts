/**
 * The replacement wave's services tied on their totals are ordered the same on every machine: by id in code-point
 * order. They were ordered with localeCompare and no locale, which follows the process's locale (LANG, LC_ALL): under
 * cs_CZ "ch-x" came after "h-x", under da_DK "aa-x" after "z-x", so the legend, the colours and which services were
 * drawn as "other services" changed with the machine that drew the chart (tester, forty-first session).
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { nationalCatalog } from '../../src/report/i18n/index.js';

const SPEC = pathToFileURL(join(ROOT, 'dist', 'src', 'report', 'specs', 'national-replacements.js')).href;
// Eight services with one replacement each, all tied: the order decides the first six colours and "other services".
const SCRIPT = `
import { nationalReplacementsSpec } from ${JSON.stringify(SPEC)};
const ids = ['z-x', 'h-x', 'ch-x', 'aa-x', 'a-x', 'b-x', 'i-x', 'c-x'];
const rows = ids.map((innovation) => ({ date: '2024-01', innovation, replacements: 1, integrations: 0 }));
process.stdout.write(JSON.stringify(nationalReplacementsSpec(rows, [], 2, 'en')));
`;

function specUnder(locale: string): string {
  const env = { ...process.env, LANG: locale, LC_ALL: locale };
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('the replacement wave under other locales', () => {
  it('orders tied services by id in code-point order, so en_US, cs_CZ and da_DK draw the same chart', () => {
    const en = specUnder('en_US.UTF-8');
    expect(specUnder('cs_CZ.UTF-8')).toBe(en);
    expect(specUnder('da_DK.UTF-8')).toBe(en);
    // Six services of their own (the seventh colour is "other services"), in code-point order: "a-x" < "aa-x" < "b-x" < ...
    const domain = en.match(/"domain":\[([^\]]*)\]/)![1];
    expect(domain).toBe(['a-x', 'aa-x', 'b-x', 'c-x', 'ch-x', 'h-x', nationalCatalog('en').chart.otherServices].map((d) => JSON.stringify(d)).join(','));
  });
});
