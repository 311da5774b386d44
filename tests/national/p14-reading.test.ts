/**
 * The terminal's P14 verdict ("OUTSIDE", "NOT wide enough", "outside the
 * bands") is followed by one plain line: what P14 and its bands are, and
 * what to conclude, as the report's summary says it (read the national
 * figures as exploratory what-ifs, not forecasts). p14.txt keeps its line
 * forms (report/p14-text.ts reads them back).
 *
 * `difusi national` runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads its stdout and folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureP14, p14Reading } from '../../src/validation/p14-national.js';
import { nationalEn } from '../../src/report/i18n/national-en.js';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

describe("P14's plain reading in the terminal", () => {
  it('says what P14 and its bands are, and what to conclude, for each verdict', () => {
    const both = p14Reading({ totalsPass: false, spreadPass: false });
    expect(both).toMatch(/^P14 compares these shares with Heeks \(2003: about 15 % of e-government projects succeed, 50 % partly fail, 35 % totally fail; the bands allow for the difference\)/);
    expect(both).toContain("This run does not reproduce it (neither Heeks' totals of successes and failures nor the spread between governments): read the national figures as exploratory what-ifs, not forecasts (docs/NATIONAL.md, P14).");
    expect(p14Reading({ totalsPass: true, spreadPass: false })).toContain('does not reproduce it (not the spread between governments): read the national figures as exploratory what-ifs, not forecasts');
    expect(p14Reading({ totalsPass: false, spreadPass: true })).toContain("does not reproduce it (not Heeks' totals of successes and failures): read");
    expect(p14Reading({ totalsPass: true, spreadPass: true })).toContain("This run reproduces it; the national figures are still what-ifs under the model's assumptions, not forecasts.");
    // One line, and the report's conclusion in the same words.
    for (const r of [both, p14Reading({ totalsPass: true, spreadPass: true })]) expect(r).not.toContain('\n');
    // A service line's "(outside the bands)" is not a verdict of P14: the reading says so.
    expect(both).toContain("The bands are a condition on the national total alone; a service's line says how it compares with them, for information.");
    expect(nationalEn.sumValidity(false, false)).toContain('read the national figures as exploratory what-ifs, not forecasts');
    // The bands the sentence speaks of are the verdict line's.
    const lines = measureP14({ pooled: [{ service: '(all)', counts: { success: 1, partial: 8, total_failure: 1, replaced: 0 } }], spread: [] }).lines;
    expect(lines[0]).toContain('(band 10-25 %)');
  });

  it("README's National scale says that P14 is not reproduced yet, and what that means", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const section = readme.slice(readme.indexOf('## National scale'), readme.indexOf('## Policy what-ifs'));
    expect(section).toContain('The Indonesian scenario does **not** reproduce P14 yet');
    expect(section).toContain("read the national figures as exploratory what-ifs under the model's assumptions, not as forecasts");
  });

  it('`difusi national` prints it right after the P14 lines; p14.txt is unchanged', async () => {
    assertBuilt();
    const out = tempDir('difusi-national-reading-');
    const r = await runInProcess(['national', FIXTURE, '-r', '2', '-w', '1', '-q', '--no-charts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const last = lines.reduce((at, l, i) => (l.startsWith('P14 national ') || l.startsWith('P14 spread: ') || l.startsWith('  ') ? i : at), -1);
    expect(last).toBeGreaterThan(0);
    expect(lines[last + 1]).toMatch(/^P14 compares these shares with Heeks \(2003: .*: read the national figures as exploratory what-ifs, not forecasts|This run reproduces it/);
    expect(lines[last + 2]).toBe('');
    const base = join(out, 'small-national');
    const [key] = readdirSync(base);
    const p14txt = readFileSync(join(base, key!, 'p14.txt'), 'utf8');
    expect(p14txt).not.toContain('P14 compares');
    expect(r.stdout).toContain(p14txt.trimEnd() + '\n' + lines[last + 1]);
  });
});
