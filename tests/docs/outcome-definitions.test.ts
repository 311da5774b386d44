/**
 * The short definitions of the outcomes a newcomer reads first (the README's
 * quick start, the glossary, the tutorial's section 1) say what the model
 * applies (src/model/observation.ts, docs/MODEL.md section 8): sustained
 * needs the end count at least half the peak AND a peak of at least
 * min(min_peak, eligible agencies); and the quick start explains every
 * column of the table `npm start` prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOutcomeTable } from '../../src/index.js';
import { PARAMETER_DEFAULTS } from '../../src/scenario/parameters.js';
import { ROOT } from '../support/cli.js';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8').replace(/\s+/g, ' ');
const README = read('README.md');
const quickStart = README.slice(README.indexOf('## Quick start'), README.indexOf('## Using it'));

describe('short definitions of the outcomes', () => {
  it('the README quick start names each column the first command prints, with what it means', () => {
    const header = formatOutcomeTable([]).split('\n')[0]!.trim().split(/\s{2,}/).slice(1);
    const columns = header.map((h) => h.replace(/ \(95% CI\)$/, ''));
    expect(columns).toEqual(['sustained', 'declining', 'discontinued', 'never']);
    for (const c of columns) expect(quickStart, `README quick start: column "${c}"`).toMatch(new RegExp(`- \\*\\*${c}\\*\\*: \\S`));
  });

  it('sustained includes the min_peak condition, with its default', () => {
    const minPeak = PARAMETER_DEFAULTS.min_peak;
    expect(minPeak).toBe(3);
    expect(quickStart).toContain(`its peak reached \`min_peak\` agencies (a parameter, ${minPeak} by default) or, if fewer agencies are eligible for it, all of them`);
    const glossary = read('docs/GLOSSARY.md');
    const row = /\| \*\*sustained\*\* \|[^|]*\|/.exec(glossary)?.[0] ?? '';
    expect(row).toContain(`its peak reached \`min_peak\` agencies (a parameter, ${minPeak} by default) or, if fewer agencies are eligible for it, all of them`);
    const tutorial = read('docs/TUTORIAL.md');
    expect(tutorial).toContain(`*sustained* (still running at the end, at least half as widely as at its peak by default (\`sustain_fraction\`), and its peak reached \`min_peak\` agencies: ${minPeak} by default, or all eligible ones if fewer)`);
    // The share of the peak is a parameter too, named where sustained is defined.
    expect(PARAMETER_DEFAULTS.sustain_fraction).toBe(0.5);
    expect(quickStart).toContain('at least half as many agencies as at its peak (`sustain_fraction`, a parameter, one half by default)');
  });
});
