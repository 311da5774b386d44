/**
 * An experiment file given where a scenario goes (`difusi validate`, `run`)
 * gets one line naming the command that runs it, instead of one error per
 * scenario field it lacks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { formatIssues } from '../../src/messages/catalog.js';

const issues = (text: string, file = 'e.yaml') => {
  const r = parseScenarioText(text, file);
  if (r.ok) throw new Error('expected issues');
  return formatIssues(r.issues).split('\n');
};

describe('an experiment file where a scenario goes', () => {
  it.each([
    ['experiments/bekasi-pilot-takeover.yaml', 'compare'],
    ['experiments/bekasi-sweep.yaml', 'sweep'],
    ['experiments/bekasi-sensitivity.yaml', 'sensitivity'],
  ])('%s: one line naming difusi %s', (file, command) => {
    expect(issues(readFileSync(file, 'utf8'), file)).toEqual([
      `✗ ${file} An experiment file (it has base and no opds), not a scenario; run it with difusi ${command} ${file}`,
    ]);
  });

  it('a Latin hypercube design is a sweep; JSON files too', () => {
    expect(issues('{"base": "s.yaml", "design": {"method": "lhs"}}', 'e.json')[0]).toContain('difusi sweep e.json');
  });

  it('a scenario with a stray base field keeps its own errors (control)', () => {
    const text = readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8') + '\nbase: x.yaml\nvariants: []\n';
    const lines = issues(text);
    expect(lines.map((l) => /Unknown field "(\w+)"/.exec(l)?.[1])).toEqual(['base', 'variants']);
  });

  it('a file with base but neither variants nor design keeps the schema errors', () => {
    expect(issues('base: s.yaml\n').length).toBeGreaterThan(1);
  });
});
