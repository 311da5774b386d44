/**
 * An unknown outcome given with the command line's `--outcomes` is placed at
 * the command line (`✗ command line --outcomes ...`), not at the experiment
 * file, which names no such outcome; one named in the file's own `outcomes:`
 * stays the file's. compare names the arm. Exit code 2, nothing written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-outcomes-place-');

function experiment(dir: string, kind: 'compare' | 'sweep', outcomes?: string): string {
  const file = join(dir, `${kind}.yaml`);
  const own = outcomes === undefined ? '' : `outcomes: [${outcomes}]\n`;
  const body =
    kind === 'compare'
      ? `name: c\nbase: ${SMALL_CITY}\n${own}variants:\n  - name: v\n    set:\n      parameters.bass_p: 0.01\n`
      : `name: s\nbase: ${SMALL_CITY}\n${own}design:\n  method: grid\n  factors:\n    - { name: parameters.bass_p, values: [0.01, 0.02] }\n`;
  writeFileSync(file, body);
  return file;
}

describe('an unknown outcome', () => {
  it.each(['compare', 'sweep'] as const)('%s --outcomes: placed at the command line', async (kind) => {
    const dir = tmp();
    const out = join(dir, 'out');
    const line = refusedInOneLine(await runInProcess([kind, experiment(dir, kind), '--outcomes', 'nope', '-r', '2', '--out', out]));
    const arm = kind === 'compare' ? ' \\(arm base\\)' : '';
    expect(line).toMatch(new RegExp(`^✗ command line --outcomes${arm}: Unknown outcome "nope"`));
    expect(existsSync(out)).toBe(false);
  });

  it.each(['compare', 'sweep'] as const)("%s: one in the file's own outcomes: stays the file's", async (kind) => {
    const dir = tmp();
    const file = experiment(dir, kind, 'nope');
    const line = refusedInOneLine(await runInProcess([kind, file, '-r', '2', '--out', join(dir, 'out')]));
    expect(line.startsWith(`✗ ${file}`)).toBe(true);
    expect(line).toContain('Unknown outcome "nope"');
  });
});
