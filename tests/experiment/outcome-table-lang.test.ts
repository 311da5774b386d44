/**
 * The terminal's outcome table under `--lang id` speaks the Indonesian
 * report's words (report/i18n/id.ts: layanan, bertahan, menurun,
 * dihentikan, tidak pernah diadopsi), with the same figures, in the same
 * columns, as the English table; English stays the default.
 */
import { describe, expect, it } from 'vitest';
import { formatOutcomeTable, outcomeTableNote, OutcomeTally } from '../../src/experiment/outcome-table.js';
import { id } from '../../src/report/i18n/id.js';

function shares() {
  const tally = new OutcomeTally();
  const outcomes = ['sustained', 'sustained', 'sustained', 'discontinued', 'declining', 'never_adopted', 'sustained', 'discontinued'];
  for (const outcome of outcomes) tally.add({ innovation: 'e-permit', outcome });
  for (const outcome of outcomes.slice().reverse()) tally.add({ innovation: 'lapor-app-with-a-long-id', outcome: outcome === 'sustained' ? 'discontinued' : outcome });
  return tally.shares();
}

const cells = (table: string) => table.split('\n').map((l) => l.trim().split(/\s{2,}/));

describe('the terminal outcome table in Bahasa Indonesia', () => {
  it('has the Indonesian report\'s column words, and the same rows and figures as the English table', () => {
    const en = formatOutcomeTable(shares());
    const idTable = formatOutcomeTable(shares(), 'id');
    expect(formatOutcomeTable(shares(), 'en')).toBe(en);
    const [enHead, , ...enRows] = cells(en);
    const [idHead, rule, ...idRows] = cells(idTable);
    expect(enHead).toEqual(['innovation', 'sustained (95% CI)', 'declining', 'discontinued (95% CI)', 'never']);
    expect(idHead).toEqual([
      'layanan',
      `${id.outcome.sustained} (IK 95%)`,
      id.outcome.declining,
      `${id.outcome.discontinued} (IK 95%)`,
      id.outcome.never_adopted,
    ]);
    // The same figures; each interval in the form of its language's report: (22%-78%), [22%; 78%].
    expect(idRows.map((r) => r.map((c) => c.replace(/\[(\d+%); (\d+%)\]/, '($1-$2)')))).toEqual(enRows);
    expect(enRows[0]).toEqual(['e-permit', '50% (22%-78%)', '13%', '25% (7%-59%)', '13%']);
    expect(idRows[0]).toEqual(['e-permit', '50% [22%; 78%]', '13%', '25% [7%; 59%]', '13%']);
    // Every column is as wide as its widest cell: the rule under the header matches it.
    expect(rule!.join('  ').length).toBe(idTable.split('\n')[0]!.trim().length);
  });

  it('the note under the table says, in each language, that each share is rounded on its own and what the interval is', () => {
    expect(outcomeTableNote()).toBe('Shares of the replications, each rounded on its own (a row can add up to anything from 99 % to 102 %); 95% CI: Wilson interval.');
    expect(outcomeTableNote('id')).toMatch(/^Proporsi replikasi, .*berkisar antara 99% dan 102%.*IK 95%: interval kepercayaan 95% \(Wilson\), ditulis \[bawah; atas\] seperti dalam laporan\.$/);
  });
});
