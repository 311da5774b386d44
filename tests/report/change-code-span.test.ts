/**
 * A comparison's changes (`--set` paths and values) in report.md's "What is
 * compared" list: each a code span whose fence is longer than any run of
 * backticks in it (CommonMark), as the headline shows the same change (a
 * change without one keeps its plain single-backtick span). A
 * backtick used to be shown as ' there (`description=a'b`), another value
 * than the one the run was given.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reportModel, type ReportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture } from './helpers.js';

let model: ReportModel;
beforeAll(async () => {
  const cmp: ResultSet = await fixture(COMPARE_DIR);
  model = reportModel(cmp, [], 'en');
});

describe("a change holding backticks in report.md's list of changes", () => {
  test('is shown as given, in a longer fence', () => {
    expect(model.compared).not.toBeNull();
    const changes = ['description=a`b', 'name=x``y', 'seed=7'];
    const md = renderMarkdown({ ...model, compared: { ...model.compared!, variants: [{ name: 'v', note: '', changes }] } });
    expect(md).toContain('  - `` description=a`b ``\n');
    expect(md).toContain('  - ``` name=x``y ```\n');
    // A change with no backtick keeps the plain span it always had.
    expect(md).toContain('  - `seed=7`\n');
    expect(md).not.toContain("a'b");
  });
});
