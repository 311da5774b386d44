/**
 * README.id.md opens with "difusi **bukan** alat peramalan": what its figures
 * are (what-ifs under the model's assumptions, intervals of replication noise
 * only) and that the Indonesian scenario does not reproduce P14 yet. An
 * English reader met no such paragraph in README.md (s42 tester, finding 2):
 * it has the same paragraph at the same place, before the quick start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const flat = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\s+/g, ' ');

describe('README.md says that difusi is not a forecasting tool, as README.id.md does', () => {
  it('before its quick start, as the Indonesian one before "Mulai cepat"', () => {
    const id = flat('README.id.md');
    expect(id.indexOf('difusi **bukan** alat peramalan.')).toBeGreaterThan(0);
    expect(id.indexOf('difusi **bukan** alat peramalan.')).toBeLessThan(id.indexOf('## Mulai cepat'));
    const en = flat('README.md');
    const at = en.indexOf('difusi is **not** a forecasting tool.');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(en.indexOf('## Quick start'));
    const paragraph = en.slice(at, en.indexOf('## Quick start'));
    expect(paragraph).toContain("Its figures are exploratory what-ifs under the model's assumptions, not projections");
    expect(paragraph).toContain("the confidence intervals measure only the chance variation between replications, not the uncertainty of the model's parameters and assumptions");
    expect(paragraph).toContain('The Indonesian scenario does not yet reproduce P14');
    // Its links are the English glossary's, as the Indonesian paragraph's are the Indonesian one's.
    expect(paragraph).toContain('[glossary](docs/GLOSSARY.md)');
    expect(id.slice(id.indexOf('difusi **bukan** alat peramalan.'), id.indexOf('## Mulai cepat'))).toContain('(docs/GLOSSARY.id.md)');
  });
});
