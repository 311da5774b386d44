/**
 * Bekasi as shipped with its first leader's commitment written `0,8` (a decimal comma) in its flow
 * mapping, for the tests of what validate says of it (tests/cli/decimal-comma-flow.test.ts,
 * tests/cli/validate-lang.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

/** Writes that file as `dir/name`; returns its path and where the `0,8` starts (line and column, from 1). */
export function bekasiWithDecimalComma(dir: string, name: string): { file: string; line: number; column: number } {
  const bekasi = readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), 'utf8');
  const text = bekasi.replace(/(from: 2015-01, commitment: )0\.8 \}/, '$10,8 }');
  expect(text).not.toBe(bekasi);
  const file = join(dir, name);
  writeFileSync(file, text);
  const at = text.indexOf('0,8 }');
  const before = text.slice(0, at);
  return { file, line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
