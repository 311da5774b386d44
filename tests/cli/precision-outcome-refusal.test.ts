/**
 * An unknown `--precision-outcome` is labelled as every issue placed at one
 * option is ("✗ command line --out: ...", "✗ command line --replications:
 * ..."): "✗ command line --precision-outcome: Unknown outcome ..."
 * (the callers, jobs/precision.ts and jobs/compare.ts, place it at
 * `command line --precision-outcome`). It was "✗ --precision-outcome
 * Unknown outcome ...", the option's name standing where a file's does, run
 * into the message with no colon. compare names the arm in which the outcome
 * is unknown. Exit code 2, nothing written.
 *
 * The commands run in the test's own process (runInProcess,
 * tests/support/in-process.ts): the tests read their code, output and what
 * they write, which need no process of their own.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, makeIssue, MESSAGES } from '../../src/messages/catalog.js';
import { SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-precision-outcome-');

describe('an issue placed at an option', () => {
  it('is labelled as the command line\'s, as `command line --out` is, a remark in parentheses kept', () => {
    const at = (file: string) => formatIssues([makeIssue('unknown_outcome', ['nope'], { file }, { expected: 'one of "live_share"' })]);
    expect(at('command line --precision-outcome')).toBe(`✗ command line --precision-outcome: ${MESSAGES.unknown_outcome('nope')} (expected one of "live_share")`);
    expect(at('command line --precision-outcome (arm base)')).toBe(`✗ command line --precision-outcome (arm base): ${MESSAGES.unknown_outcome('nope')} (expected one of "live_share")`);
    // A file keeps its own place (controls): a path, a file with an arm, a file with a line.
    expect(at('a.yaml (arm base)')).toBe(`✗ a.yaml (arm base) ${MESSAGES.unknown_outcome('nope')} (expected one of "live_share")`);
    expect(formatIssues([makeIssue('unknown_outcome', ['nope'], { file: 'a.yaml', line: 3 })])).toBe(`✗ a.yaml:3:1 ${MESSAGES.unknown_outcome('nope')}`);
  });
});

describe('--precision-outcome naming no outcome', () => {
  it('run: one line, "command line --precision-outcome:", exit 2, nothing written', async () => {
    const out = join(tmp(), 'run');
    const line = refusedInOneLine(await runInProcess(['run', SMALL_CITY, '--precision', '0.5', '--precision-outcome', 'nope', '--out', out]));
    expect(line).toMatch(/^✗ command line --precision-outcome: Unknown outcome "nope" \(expected one of "sustained\.\*", .*\)$/);
    expect(existsSync(out)).toBe(false);
  });

  it('compare: the same, naming the arm where the outcome is unknown', async () => {
    const dir = tmp();
    const file = join(dir, 'no-pilot.yaml');
    // The variant removes smart-app: sustained.smart-app is an outcome of the base arm only (--outcomes: the default
    // sustained.* would name it in the base arm, refused before --precision is read).
    writeFileSync(file, `name: no-pilot\nbase: ${SMALL_CITY}\nvariants:\n  - name: no-pilot\n    set:\n      "innovations[id=smart-app]": null\n      "leaders[id=mayor-1].sponsors": []\n`);
    const out = join(dir, 'compare');
    const line = refusedInOneLine(await runInProcess(['compare', file, '--outcomes', 'live_share', '--precision', '0.5', '--precision-outcome', 'sustained.smart-app', '--out', out]));
    expect(line).toMatch(/^✗ command line --precision-outcome \(arm no-pilot\): Unknown outcome "sustained\.smart-app" \(expected one of .*\)$/);
    expect(existsSync(out)).toBe(false);
  });
});
