/**
 * A what-if's `--set`s are shown as code in the summary of the city reports
 * (run, compare, sweep, sensitivity) and in the national report's headline,
 * as the national comparison's report shows them: report.md writes each
 * `path = value` as a code span (as plain text it read
 * `national_regulations\[id=x\].money = true`), report.html in <code> with the
 * value HTML-escaped, in English and Indonesian.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { reportModel } from '../../src/report/report-model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { nationalReportModel } from '../../src/report/national-report.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder, type NationalFolderTables } from '../../src/store/national-tables.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

/** A value that is markup in both HTML and markdown, and would close a <code> of its own. */
const VALUE = '</code><script>x</script>*b* [y](http://e.example)';
const CITY = { 'parameters.takeover_vendor': 0.9, 'leaders[0].name': VALUE };
const NATIONAL = { 'national_regulations[id=a].money': true, 'national_regulations[id=a].name': VALUE };

/** The folder's rows as if its run had recorded these --sets. */
const withOverrides = (r: ResultSet, overrides: Record<string, unknown>): ResultSet => ({
  ...r,
  manifest: { ...r.manifest, raw: { ...(r.manifest.raw as Record<string, unknown>), overrides } },
});

/** The markdown summary's what-if paragraph. */
const whatIfLine = (md: string, start: string) => md.split('\n').find((l) => l.startsWith(start))!;

describe("the city reports' what-if sentence shows each --set as code", () => {
  for (const [kind, dir] of [
    ['run', RUN_DIR],
    ['compare', COMPARE_DIR],
    ['sweep', SWEEP_DIR],
    ['sensitivity', SENSITIVITY_DIR],
  ] as const) {
    it(`${kind}: report.md code spans (no \\[ \\]), report.html <code> with the value escaped; English and Indonesian`, async () => {
      const results = withOverrides(await fixture(dir), CITY);
      const en = reportModel(results, [], 'en');
      const md = whatIfLine(renderMarkdown(en, { image: 'svg' }), 'A what-if:');
      expect(md).toContain('(the file itself is not changed): ` parameters.takeover_vendor = 0.9 `; ` leaders[0].name = "</code><script>x</script>*b* [y](http://e.example)" `. Every figure');
      expect(md).not.toContain('\\[');
      const html = renderHtml(en, {});
      expect(html).toContain(
        '(the file itself is not changed): <code>parameters.takeover_vendor = 0.9</code>; <code>leaders[0].name = &quot;&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;*b* [y](http://e.example)&quot;</code>. Every figure',
      );
      expect(html).not.toMatch(/<script/i);
      const id = reportModel(results, [], 'id');
      const mdId = whatIfLine(renderMarkdown(id, { image: 'svg' }), 'Simulasi pengandaian:');
      expect(mdId).toContain('(berkas aslinya tidak diubah): ` parameters.takeover_vendor = 0,9 `; ` leaders[0].name = "</code><script>x</script>*b* [y](http://e.example)" `. Semua angka');
      expect(mdId).not.toContain('\\[');
      expect(renderHtml(id, {})).toContain('<code>parameters.takeover_vendor = 0,9</code>; <code>leaders[0].name = &quot;&lt;/code&gt;');
    });
  }

  it('a run without --set has no code in its summary', async () => {
    const model = reportModel(await fixture(RUN_DIR), [], 'en');
    expect(model.summaryCode ?? []).toEqual([]);
    expect(renderHtml(model, {}).split('<section id="summary"')[1]!.split('</section>')[0]).not.toContain('<code>');
  });
});

describe("the national report's headline shows each --set as code", () => {
  let tables: NationalFolderTables;
  beforeAll(async () => {
    assertBuilt();
    const r = await executeNationalRun({ file: join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), outRoot: tempDir('difusi-whatif-code-'), workers: 1, replications: 2, command: 'test' });
    // The same tables as if the run had had these --sets (they are only named in the headline).
    const read = await readNationalFolder(r.dir);
    tables = { ...read, manifest: { ...read.manifest, overrides: NATIONAL } };
  }, 60_000);

  it('report.md code spans (no \\[ \\]), report.html <code> with the value escaped; English and Indonesian', () => {
    const en = nationalReportModel({ tables, p14: '', charts: [] }, 'en');
    const md = whatIfLine(renderMarkdown(en, { image: 'svg' }), 'A what-if:');
    expect(md).toContain('(the file itself is not changed): ` national_regulations[id=a].money = true `; ` national_regulations[id=a].name = "</code><script>x</script>*b* [y](http://e.example)" `. Every figure');
    expect(md).not.toContain('\\[');
    const html = renderHtml(en, {});
    expect(html).toContain(
      '<code>national_regulations[id=a].money = true</code>; <code>national_regulations[id=a].name = &quot;&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;*b* [y](http://e.example)&quot;</code>. Every figure',
    );
    expect(html).not.toMatch(/<script/i);
    const id = nationalReportModel({ tables, p14: '', charts: [] }, 'id');
    const mdId = whatIfLine(renderMarkdown(id, { image: 'svg' }), 'Simulasi pengandaian:');
    expect(mdId).toContain('(berkas aslinya tidak diubah): ` national_regulations[id=a].money = true `; ` national_regulations[id=a].name = "</code><script>x</script>*b* [y](http://e.example)" `. Semua angka');
    expect(mdId).not.toContain('\\[');
  });
});
