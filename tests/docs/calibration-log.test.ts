/**
 * docs/ODD.md section 12 logs the calibration to the Bekasi case. Its table
 * must say what the Bekasi scenario actually runs with, wherever the value
 * lives (the scenario's parameters: block or the defaults), so the log
 * cannot drift from the numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParameters } from '../../src/scenario/crossref.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { PARAMETER_BY_NAME } from '../../src/scenario/parameters.js';
import { ROOT } from '../support/cli.js';

describe('docs/ODD.md calibration log', () => {
  it("each calibrated value in the table is the value the Bekasi scenario runs with", () => {
    const text = readFileSync(join(ROOT, 'docs', 'ODD.md'), 'utf8');
    const section = text.slice(text.indexOf('## 12.'));
    const rows = [...section.matchAll(/^\| ([a-zA-Z_]+) \| ([0-9.]+) \| ([0-9.]+) \|/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const bekasi = resolveParameters(readScenarioFile(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml')).scenario);
    for (const [, name, , calibrated] of rows) {
      expect(PARAMETER_BY_NAME.has(name!), `${name} is a parameter`).toBe(true);
      expect(bekasi[name!], name).toBe(Number(calibrated));
    }
  });
});
