/**
 * An election cycle's head who takes office after the horizon changes
 * nothing in the run (the compiler keeps the heads up to the horizon):
 * allowed, as docs/NATIONAL.md ("Election calendars") has a cycle be a
 * calendar a file may share with longer runs, but warned about, where
 * validate, national --check, national and national-compare said nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { warningText, warning } from '../../src/messages/catalog.js';
import { warningTextId } from '../../src/messages/warning-text-id.js';
import { nationalSchema } from '../../src/scenario/national-schema.js';
import { fileWarnings } from '../../src/jobs/national-warnings.js';
import { ROOT, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const BASE = join(ROOT, 'tests', 'fixtures', 'newcomer', 'nusantara-base.yaml');

function withHead(from: string): Record<string, any> {
  const doc = parse(readFileSync(BASE, 'utf8')) as Record<string, any>;
  doc['elections'][0]['heads'][1] = { from, commitment: 0.5 };
  return doc;
}

describe('a head taking office after the horizon', () => {
  const line = warningText(warning('head_after_horizon', 'elections[0] "cycle"', [1], '2041-01', '2023-12'));

  it('is named in one warning line (and not for a head inside the horizon)', () => {
    expect(fileWarnings(nationalSchema.parse(withHead('2041-01')))).toContain(line);
    expect(line).toBe(
      'elections[0] "cycle": heads[1] takes office from 2041-01, after the horizon (2023-12), so it changes nothing in this run (a calendar shared with longer runs may list it; a date meant inside the horizon is mistyped)',
    );
    expect(fileWarnings(nationalSchema.parse(withHead('2023-12'))).filter((w) => w.includes('after the horizon'))).toEqual([]);
    const two = withHead('2041-01');
    two['elections'][0]['heads'].push({ from: '2046-01' });
    expect(fileWarnings(nationalSchema.parse(two))).toContain(warningText(warning('head_after_horizon', 'elections[0] "cycle"', [1, 2], '2041-01', '2023-12')));
  });

  it('validate and national --check say it, exit 0; in Bahasa Indonesia under --lang id', async () => {
    const dir = tempDir('difusi-late-head-');
    const file = join(dir, 'late.yaml');
    writeFileSync(file, stringify(withHead('2041-01')));
    for (const args of [['validate', file], ['national', file, '--check']]) {
      const r = await runInProcess(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`⚠ ${file}: ${line}`);
    }
    const id = await runInProcess(['validate', file, '--lang', 'id']);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stderr).toContain(warningTextId(warning('head_after_horizon', 'elections[0] "cycle"', [1], '2041-01', '2023-12')));
    expect(id.stderr).toContain('sesudah akhir periode simulasi (2023-12)');
  });
});
