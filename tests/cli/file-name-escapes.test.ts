/**
 * A file name holding control characters (an escape sequence) at the start
 * of a problem's line: written with \u escapes, as the rest of the line and
 * the --out refusals write them (`v\u001b[2Jz.yaml`). It was printed with
 * the sequence removed (`vz.yaml`, a file that does not exist) at the start
 * of the line and as `v\u001b[2Jz` later in the same line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapedName, formatIssues, makeIssue } from '../../src/messages/catalog.js';
import { tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

describe('a file name with control characters in a problem line', () => {
  it('formatIssues writes it escaped', () => {
    expect(escapedName('v\u001b[2Jz\n\u202e.yaml')).toBe('v\\u001b[2Jz\\n\\u202e.yaml');
    expect(formatIssues([makeIssue('empty_file', [], { file: 'd/v\u001b[2Jz.yaml' })])).toBe('✗ d/v\\u001b[2Jz.yaml The file is empty');
  });

  it('difusi validate prints it once, escaped, where the line starts', async () => {
    const dir = tempDir('difusi-escname-');
    const file = join(dir, 'v\u001b[2Jz.yaml');
    writeFileSync(file, 'name: [\n');
    const r = await runInProcess(['validate', file]);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`✗ ${dir}/v\\u001b[2Jz.yaml:`)).toBe(true);
  });
});
