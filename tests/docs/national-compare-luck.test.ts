/**
 * docs/NATIONAL-COMPARE.md says what common random numbers remove in the
 * words the comparison's report uses (nationalCompareEn.sumArms): both runs
 * of a replication share the same luck, so their difference is not a
 * difference in luck between them, and the chance variation that remains is
 * what the intervals measure. Its intro said a difference was "the change's
 * effect and not other luck", which claims too much: a shared random stream
 * removes the luck the two runs share, not all chance variation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { nationalCompareEn } from '../../src/report/i18n/national-compare-en.js';

const DOC = readFileSync(join(ROOT, 'docs', 'NATIONAL-COMPARE.md'), 'utf8');
/** The doc's text up to its first section, on one line. */
const intro = DOC.split('\n## ')[0]!.replace(/\s+/g, ' ');

describe('docs/NATIONAL-COMPARE.md, what common random numbers remove', () => {
  it("the intro says it in the report's words, not 'the change's effect and not other luck'", () => {
    const report = nationalCompareEn.sumArms(4, '1', '95 %');
    const clause = 'both runs of a replication share the same luck, so their difference is not a difference in luck between them';
    expect(report).toContain(clause);
    expect(intro).toContain(clause);
    expect(intro).toContain('the chance variation that remains');
    expect(intro).toContain('is what each interval measures');
    expect(intro).not.toMatch(/not other luck|is the change's effect/);
  });
});
