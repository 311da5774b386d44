/**
 * docs/GLOSSARY.md defines the terms of national runs that README.md and
 * docs/OUTPUTS.md send a reader there for: each national term has a row
 * of its own, the national sustained share keeps the min_peak condition the
 * model applies, and an election cycle is not confused with the
 * governments on none (the national report counts them apart).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const GLOSSARY = readFileSync(join(ROOT, 'docs', 'GLOSSARY.md'), 'utf8');

/** The glossary's rows: term (bold, without the asterisks) to meaning. */
const rows = new Map([...GLOSSARY.matchAll(/^\| \*\*(.+?)\*\* \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!]));

describe('docs/GLOSSARY.md, national terms', () => {
  it('has a section of national terms pointing to docs/NATIONAL.md', () => {
    expect(GLOSSARY).toMatch(/^## National terms$/m);
    expect(GLOSSARY).toContain('[docs/NATIONAL.md](NATIONAL.md)');
  });

  it.each([
    'national scenario',
    'province, regency, city',
    'national service, national portfolio',
    'offered',
    'mandate (funded, unfunded)',
    'programme',
    'cohort',
    'pioneer, peers',
    'election cycle',
    'acting head',
    'shared vendor, national platform',
    'horizon',
    'sustained share (national)',
    'Heeks classes (national)',
    'P14',
    'Provinsi',
    'Pilkada, Pilkada serentak',
    'Pj. (penjabat)',
  ])('defines %s', (term) => {
    expect(rows.get(term), term).toBeDefined();
  });

  it("gives the sustained share the model's min_peak condition, and a launched-none government 0", () => {
    const def = rows.get('sustained share (national)')!;
    expect(def).toContain('its peak reached `min_peak` agencies, or all eligible ones if fewer');
    expect(def).toContain('0 for a government that launched none');
  });

  it('says that a mandate without money is inert where no national money exists, and where a service is offered', () => {
    expect(rows.get('mandate (funded, unfunded)')).toContain('elsewhere it is inert and launches nothing');
    expect(rows.get('offered')).toContain("`governments` selector names it and its `portfolio` is not false");
  });
});
