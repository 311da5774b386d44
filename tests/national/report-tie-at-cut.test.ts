/**
 * The national report lists the 10 governments with the highest and the 10
 * with the lowest mean sustained share. When the cut at an end falls inside
 * a tie (an independent recomputation found places 10-12 at one value, and
 * 9 governments at exactly 50 % with 7 of them listed), the list read as
 * "the 10 highest" although which of the tied were listed followed their
 * ids: the note under the table now says how many more share the value at
 * the cut. English and Indonesian.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder, type GovernmentSummaryRow, type NationalFolderTables } from '../../src/store/national-tables.js';
import { nationalReportModel, RANK_MIN_REPLICATIONS } from '../../src/report/national-report.js';

let tables: NationalFolderTables;
beforeAll(async () => {
  assertBuilt();
  const r = await executeNationalRun({ file: join(ROOT, 'tests', 'national', 'fixtures', 'reading-caveats.yaml'), outRoot: tempDir('difusi-ntie-'), workers: 1, command: 'test' });
  tables = await readNationalFolder(r.dir);
});

/** 25 governments with the given mean sustained shares, in rank order (ids g00, g01, ...). */
function withShares(shares: readonly number[]): NationalFolderTables {
  const base = tables.governmentSummary[0]!;
  const governmentSummary: GovernmentSummaryRow[] = shares.map((s, i) => ({ ...base, government: `g${String(i).padStart(2, '0')}`, name: `Gov ${i}`, mean_sustained_share: s }));
  // Enough replications for the table of extremes (the report lists no ends below RANK_MIN_REPLICATIONS).
  return { ...tables, manifest: { ...tables.manifest, replications: RANK_MIN_REPLICATIONS }, governmentSummary };
}
const note = (t: NationalFolderTables, lang: 'en' | 'id') => nationalReportModel({ tables: t, p14: '', charts: [] }, lang).tables.find((x) => x.id === 'national-governments')!.note;

describe('the governments table says when its cut falls inside a tie', () => {
  // Ranks 0-8 at 0.9, 9-11 at 0.8 (the 10th listed, 2 more not), 12-13 at 0.6, 14-24 at 0.5 (the first of the lowest listed at rank 15, 1 more not).
  const shares = [...Array(9).fill(0.9), 0.8, 0.8, 0.8, 0.6, 0.6, ...Array(11).fill(0.5)];

  it('names how many more share the value at each cut', () => {
    const en = note(withShares(shares), 'en');
    expect(en).toContain('The cut of the highest falls inside a tie: 2 more governments have the same mean sustained share (80.0 %) as the listed government next to the cut and are not listed');
    expect(en).toContain('The cut of the lowest falls inside a tie: 1 more government has the same mean sustained share (50.0 %) as the listed government next to the cut and is not listed');
    const id = note(withShares(shares), 'id');
    expect(id).toContain('Batas daftar tertinggi jatuh di tengah nilai yang sama: 2 pemerintah daerah lain mempunyai rata-rata proporsi bertahan yang sama (80,0%)');
    expect(id).toContain('Batas daftar terendah jatuh di tengah nilai yang sama: 1 pemerintah daerah lain');
  });

  it('says nothing when no cut falls inside a tie, or when every government is listed', () => {
    const distinct = shares.map((_, i) => 1 - i / 100);
    expect(note(withShares(distinct), 'en')).not.toContain('falls inside a tie');
    expect(note(withShares(Array(20).fill(0.5)), 'en')).not.toContain('falls inside a tie');
  });
});
