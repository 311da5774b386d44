/**
 * `difusi validate` on a scenario whose leader is written as the shipped
 * files write leaders, a flow mapping, with a decimal comma
 * (`commitment: 0,8`): one line naming the file, line and column of the
 * number, the field and what to write; exit 2. It said `Unknown field "8"`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder, refusedInOneLine, runBin, runCli } from '../support/cli.js';

const tmp = cliTestFolder('difusi-comma-flow-');
const BEKASI = readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), 'utf8');

/** Bekasi with its first leader's commitment written `0,8`, and where that number starts. */
function commaFile(): { file: string; line: number; column: number } {
  const text = BEKASI.replace(/(from: 2015-01, commitment: )0\.8 \}/, '$10,8 }');
  expect(text).not.toBe(BEKASI);
  const file = join(tmp(), 'kota.yaml');
  writeFileSync(file, text);
  const at = text.indexOf('0,8 }');
  const before = text.slice(0, at);
  return { file, line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('difusi validate: a decimal comma in a flow mapping', () => {
  it('one line with the place, the field and what to write (the installed command and tsc\'s output alike)', async () => {
    const { file, line, column } = commaFile();
    const expected = `✗ ${file}:${line}:${column} Numbers take no comma: commitment: 0,8 reads as commitment: 0 and a field "8"; write commitment: 0.8 → at leaders[0].commitment`;
    expect(refusedInOneLine(await runBin(['validate', file]))).toBe(expected);
    expect(refusedInOneLine(await runCli(['validate', file]))).toBe(expected);
  });
});
