/**
 * The Indonesian README and ADAPTING say what the English ones say of a
 * bad file's lines: at most MAX_PROBLEM_LINES of them, then one counting
 * the rest (quoted as the command prints it under --lang id), the one line
 * a file that is no scenario at all gets, and that numbers in a scenario
 * file or a --set value are read as YAML 1.2 reads them (`seed: 0x10`
 * accepted, unlike `--seed 0x10`). README.id.md and docs/ADAPTING.id.md
 * lacked all of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moreProblemsId } from '../../src/messages/issue-text.js';
import { MAX_PROBLEM_LINES } from '../../src/scenario/limits.js';
import { ROOT } from '../support/cli.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\s+/g, ' ');

describe('the Indonesian docs on a bad file\'s lines and on numbers', () => {
  it('README.id.md: the cap, the line counting the rest as printed, the not-a-scenario line, YAML 1.2 numbers', () => {
    const readme = read('README.id.md');
    expect(readme).toContain(`setelah ${MAX_PROBLEM_LINES} kesalahan pertama, sisanya dihitung dalam satu baris`);
    // The counting line as `--lang id` prints it, up to its advice.
    const counted = /\(`(… dan [\d.]+ masalah lain)`\)/.exec(readme)?.[1];
    expect(counted).toBeDefined();
    expect(moreProblemsId(2985).startsWith(counted!)).toBe(true);
    expect(readme).toContain('bukan skenario difusi');
    expect(readme).toContain('`Isian tidak dikenal "Name" (maksud Anda "name"?)`');
    expect(readme).toMatch(/YAML 1\.2 membacanya: `seed: 0x10`, `seed: 1e2`, `seed: 0o12` dan `--set seed=0x10` diterima/);
    expect(readme).toMatch(/`--seed` hanya menerima angka desimal \(0 sampai 4\.294\.967\.295; `0x10`, `1e3` atau `\+16` ditolak\)/);
  });

  it('docs/ADAPTING.id.md: validate prints at most 20 problems, then a line counting the rest', () => {
    expect(read('docs/ADAPTING.id.md')).toContain(`paling banyak ${MAX_PROBLEM_LINES} kesalahan, lalu satu baris yang menghitung sisanya`);
  });
});
