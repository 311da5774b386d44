/**
 * The pattern report (docs/VALIDATION.md) as a regression test: every
 * pattern that passes in the committed report must still pass here. The case
 * scenarios run at the report's own 200 replications (same seeds, so the same
 * numbers); only the 2,000-agency Bass check runs fewer replications.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureShippedPatterns } from '../../src/jobs/patterns.js';

const REPORT = path.join(import.meta.dirname, '..', '..', 'docs', 'VALIDATION.md');

function passingInReport(): string[] {
  const text = fs.readFileSync(REPORT, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('| P') && line.trimEnd().endsWith('| pass |'))
    .map((line) => line.split('|')[1]!.trim());
}

describe('pattern report', () => {
  it('keeps every pattern that held in docs/VALIDATION.md', { timeout: 300_000 }, async () => {
    const held = passingInReport();
    expect(held.length).toBeGreaterThanOrEqual(12);
    const rows = await measureShippedPatterns({ replications: 200, bassReplications: 8, workers: 2 });
    const ids = rows.map((r) => r.id);
    // Every pattern P1-P13 is listed, measured or not.
    for (let p = 1; p <= 13; p++) expect(ids.some((id) => id === `P${p}` || id.startsWith(`P${p}`) && /^P\d+[a-z]$/.test(id))).toBe(true);
    const broken = rows.filter((r) => held.includes(r.id) && r.pass !== true).map((r) => `${r.id}: ${r.measured}`);
    expect(broken).toEqual([]);
  });
});
