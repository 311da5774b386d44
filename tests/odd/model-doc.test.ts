/**
 * docs/MODEL.md's parameter table is generated from src/scenario/parameters.ts
 * (the table the engine reads), so it never goes stale: this test fails when
 * it differs. `UPDATE_DOCS=1 npx vitest run tests/odd/model-doc.test.ts`
 * rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedSection, replaceGenerated } from '../../src/odd/markdown.js';
import { defaultParameterTable } from '../../src/odd/parameters.js';
import { PARAMETER_SPECS } from '../../src/scenario/parameters.js';

const MODEL_DOC = fileURLToPath(new URL('../../docs/MODEL.md', import.meta.url));

describe('docs/MODEL.md', () => {
  it('has the generated parameter table of src/scenario/parameters.ts between its markers', () => {
    const text = readFileSync(MODEL_DOC, 'utf8');
    const expected = defaultParameterTable();
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(MODEL_DOC, replaceGenerated(text, 'parameters', expected));
    const current = generatedSection(readFileSync(MODEL_DOC, 'utf8'), 'parameters');
    expect(current, 'docs/MODEL.md parameter table is stale: run UPDATE_DOCS=1 npx vitest run tests/odd/model-doc.test.ts').toBe(expected);
  });

  it('the generated table has one row per parameter with its default, unit and source', () => {
    const table = defaultParameterTable();
    for (const spec of PARAMETER_SPECS) {
      const line = table.split('\n').find((l) => l.startsWith(`| \`${spec.name}\` |`));
      expect(line, spec.name).toBeDefined();
      expect(line).toContain(`| ${spec.default === null ? 'off' : spec.default} |`);
      expect(line).toContain(spec.source === 'lit' ? '| literature: ' : '| assumption: ');
    }
  });

  it('defines every outcome, cause, state and stage the outputs use', () => {
    const text = readFileSync(MODEL_DOC, 'utf8');
    for (const word of ['`sustained`', '`declining`', '`discontinued`', '`never_adopted`']) expect(text).toContain(`| ${word} |`);
    for (const cause of ['defunded', 'vendor_exit', 'leadership', 'disenchantment', 'hazard', 'replacement']) expect(text).toContain(`| \`${cause}\` |`);
    for (const state of ['unaware', 'aware', 'live', 'routinized', 'discontinued']) expect(text).toContain(`| **${state}** |`);
    for (const stage of ['restructuring', 'clarifying', 'routinized']) expect(text).toContain(`**${stage}**`);
    for (const moment of ['problematization', 'interessement', 'enrolment', 'mobilization']) expect(text).toContain(`*${moment}*`);
  });

  it('the generator replaces only what lies between the markers', () => {
    const doc = 'before\n<!-- begin parameters -->\nold\n<!-- end parameters -->\nafter\n';
    expect(replaceGenerated(doc, 'parameters', 'new')).toBe('before\n<!-- begin parameters -->\nnew\n<!-- end parameters -->\nafter\n');
    expect(generatedSection(replaceGenerated(doc, 'parameters', 'a\nb'), 'parameters')).toBe('a\nb');
  });
});
