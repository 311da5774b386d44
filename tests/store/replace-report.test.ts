/**
 * Replacing a result folder by a rerun of the same data keeps a report in
 * place: the old report is copied into the new folder before the swap, so a
 * job killed while it draws the new report leaves a folder with a complete
 * report (of the same data), never one whose report is silently gone.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceDir } from '../../src/store/run-folder.js';
import { tempDir } from '../support/cli.js';

let tmp = '';
beforeAll(() => {
  tmp = tempDir('difusi-replace-report-');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(dir: string, sum: string, report: boolean): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.csv'), `data ${sum}\n`);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ files: ['summary.csv', 'manifest.json'], checksums: { 'summary.csv': sum } }));
  if (report) {
    writeFileSync(join(dir, 'report.html'), 'old report\n');
    writeFileSync(join(dir, 'report.md'), 'old report\n');
    mkdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, 'charts', 'adoption.svg'), '<svg/>\n');
  }
}

describe('replaceDir and the report', () => {
  it('a rerun of the same data has the old report until its own replaces it', () => {
    const to = join(tmp, 'same', 'key');
    const from = join(tmp, 'same', '.key.writing-1');
    folder(to, 'aaa', true);
    folder(from, 'aaa', false);
    replaceDir(from, to);
    expect(readFileSync(join(to, 'report.html'), 'utf8')).toBe('old report\n');
    expect(existsSync(join(to, 'report.md'))).toBe(true);
    expect(existsSync(join(to, 'charts', 'adoption.svg'))).toBe(true);
    expect(existsSync(from)).toBe(false);
  });

  it('other data does not get the old report', () => {
    const to = join(tmp, 'other', 'key');
    const from = join(tmp, 'other', '.key.writing-1');
    folder(to, 'aaa', true);
    folder(from, 'bbb', false);
    replaceDir(from, to);
    expect(readFileSync(join(to, 'summary.csv'), 'utf8')).toBe('data bbb\n');
    expect(existsSync(join(to, 'report.html'))).toBe(false);
    expect(existsSync(join(to, 'charts'))).toBe(false);
  });
});
