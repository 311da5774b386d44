/**
 * `difusi validate` on a scenario whose leader is written as the shipped
 * files write leaders, a flow mapping, with a decimal comma
 * (`commitment: 0,8`): one line naming the file, line and column of the
 * number, the field and what to write; exit 2. It said `Unknown field "8"`.
 *
 * The installed command (bin/difusi.mjs, the bundle) stays a process
 * (runBin); tsc's output (dist/src/cli/program.js) runs in the test's own
 * process (runInProcess, tests/support/in-process.ts), which
 * tests/cli/in-process.test.ts shows gives what its process gives.
 */
import { describe, expect, it } from 'vitest';
import { cliTestFolder, refusedInOneLine, runBin } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { bekasiWithDecimalComma } from '../support/comma-file.js';

const tmp = cliTestFolder('difusi-comma-flow-');

const commaFile = () => bekasiWithDecimalComma(tmp(), 'kota.yaml');

describe('difusi validate: a decimal comma in a flow mapping', () => {
  it('one line with the place, the field and what to write (the installed command and tsc\'s output alike)', async () => {
    const { file, line, column } = commaFile();
    const expected = `✗ ${file}:${line}:${column} Numbers take no comma: commitment: 0,8 reads as commitment: 0 and a field "8"; write commitment: 0.8 → at leaders[0].commitment`;
    expect(refusedInOneLine(await runBin(['validate', file]))).toBe(expected);
    expect(refusedInOneLine(await runInProcess(['validate', file]))).toBe(expected);
  });
});
