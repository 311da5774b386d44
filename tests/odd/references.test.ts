/**
 * The References of `difusi odd`'s protocol list every work the protocol
 * cites, its parameter table included (the notes of
 * src/scenario/parameters.ts, printed in section 10). The list was once
 * written by hand and left out three sources the table cites (Parthasarathy
 * 1995, Rice and Rogers 1980, Rushintadevi 2023); it is now derived from
 * the notes, and each short entry has its full entry in docs/MODEL.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oddProtocol } from '../../src/odd/protocol.js';
import { citationKeys, parameterCitations, SHORT_REFERENCES } from '../../src/odd/references.js';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import { fullInput } from '../scenario/helpers.js';
import { ROOT } from '../support/cli.js';
import { missing, referenceEntries } from '../support/references.js';

function protocolReferences(): string {
  const r = validateWithOverrides(fullInput(), {}, 'full.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  const text = oddProtocol(r.scenario);
  return text.slice(text.indexOf('## References'));
}

describe("the ODD protocol's References", () => {
  it('name every work the parameter table cites', () => {
    const refs = protocolReferences();
    const cited = parameterCitations();
    for (const key of ['Parthasarathy 1995', 'Rice 1980', 'Rushintadevi 2023', 'Sultan 1990', 'Heeks eGov4Dev']) expect(cited).toContain(key);
    for (const key of cited) {
      expect(SHORT_REFERENCES[key], `no short reference for ${key}, cited by a parameter note`).toBeDefined();
      expect(refs, key).toContain(SHORT_REFERENCES[key]);
    }
    expect(refs).toContain('Parthasarathy, M. (1995)');
    expect(refs).toContain('Rice, R. E. and Rogers, E. M. (1980)');
    expect(refs).toContain('Rushintadevi, F. (2023) Governance of Smart City Innovation Diffusion Case Study');
  });

  it('every short entry has its full entry in docs/MODEL.md', () => {
    const entries = referenceEntries(readFileSync(join(ROOT, 'docs', 'MODEL.md'), 'utf8'));
    const keys = Object.keys(SHORT_REFERENCES).filter((k) => k !== 'Heeks eGov4Dev');
    expect(missing(keys, entries)).toEqual([]);
    expect(entries.some((e) => e.startsWith('- Heeks, R. (undated) eGov4Dev'))).toBe(true);
  });

  it('(control) a citation in a note is found, with its first author and year', () => {
    expect(citationKeys('re-invention: Rice and Rogers 1980; direction lit: Prins, Verhoef and Franses 2009; Heeks\' eGov4Dev page')).toEqual([
      'Heeks eGov4Dev',
      'Prins 2009',
      'Rice 1980',
    ]);
  });
});
