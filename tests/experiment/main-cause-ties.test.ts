/**
 * The report's "main cause" column is the cause that is most often a
 * replication's main cause (outcomes.csv's main_cause). A tie between two
 * causes went alphabetically, while outcomes.csv breaks a replication's tie
 * in the order of CAUSES (defunded, vendor_exit, disenchantment, hazard,
 * leadership, replacement): the same rule now in both places.
 */
import { describe, expect, it } from 'vitest';
import { OutcomeTally } from '../../src/experiment/outcome-table.js';
import { CAUSES } from '../../src/model/vocabulary.js';

const tally = (causes: readonly (string | null)[]) => {
  const t = new OutcomeTally();
  for (const c of causes) t.add({ innovation: 's', outcome: 'discontinued', main_cause: c });
  return t;
};

describe('OutcomeTally.mainCause', () => {
  it('takes the most frequent main cause over the replications', () => {
    expect(tally(['replacement', 'hazard', 'replacement', null]).mainCause('s')).toBe('replacement');
    expect(tally([null, null]).mainCause('s')).toBeNull();
  });

  it('breaks a tie in the order outcomes.csv does, not alphabetically', () => {
    // Alphabetically disenchantment < vendor_exit and hazard < vendor_exit; CAUSES puts vendor_exit first.
    expect(tally(['disenchantment', 'vendor_exit']).mainCause('s')).toBe('vendor_exit');
    expect(tally(['hazard', 'vendor_exit', 'hazard', 'vendor_exit']).mainCause('s')).toBe('vendor_exit');
    // Every pair of causes, tied: the one listed first in CAUSES wins.
    for (let i = 0; i < CAUSES.length; i++) {
      for (let j = i + 1; j < CAUSES.length; j++) {
        expect(tally([CAUSES[j]!, CAUSES[i]!]).mainCause('s'), `${CAUSES[i]} vs ${CAUSES[j]}`).toBe(CAUSES[i]);
      }
    }
  });
});
