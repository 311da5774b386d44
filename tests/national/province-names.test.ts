/**
 * The province's name beside its id (docs/NATIONAL.md, "Outputs"):
 * `province_name` appended as the last column of government_outcomes.csv,
 * government_summary.csv and group_summary.csv (the earlier columns keep
 * their names and order), the name of the province's government as the
 * scenario gives it, empty where the scenario has none (never made up),
 * quoted in the CSV as any text cell and escaped in the report; a folder
 * written before the column reads it as unknown.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as toCsv } from 'csv-stringify/sync';
import { parse, stringify } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder } from '../../src/store/national-tables.js';

beforeAll(() => assertBuilt());

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
/** A province name with a CSV separator and quote, HTML and Markdown specials. */
const NAME = 'Provinsi "A", <b>Barat</b> | *x*';

/** The headers as they were before the column: pinned here, so a moved or renamed column fails. */
const BEFORE: Record<string, string> = {
  'government_outcomes.csv':
    'government,name,province,type,innovation,national,replications,share_sustained,share_declining,share_discontinued,share_never_adopted,' +
    'heeks_success,heeks_partial,heeks_total_failure,heeks_replaced,mean_peak_live,mean_live_end,mean_first_adoption_month,share_launched,' +
    'mean_discontinued_defunded,mean_discontinued_vendor_exit,mean_discontinued_disenchantment,mean_discontinued_hazard,mean_discontinued_leadership,mean_discontinued_replacement',
  'government_summary.csv':
    'government,name,province,type,election_cycle,cohorts,agencies,services,replications,mean_sustained_share,share_sustain_most,share_sustain_none,' +
    'heeks_success,heeks_partial,heeks_total_failure,heeks_replaced,mean_sustained_share_low,mean_sustained_share_high',
  'group_summary.csv':
    'group,kind,governments,mean_sustained_share,share_sustain_most,share_sustain_none,heeks_success,heeks_partial,heeks_total_failure,heeks_replaced,' +
    'mean_sustained_share_low,mean_sustained_share_high,share_sustain_most_low,share_sustain_most_high,share_sustain_none_low,share_sustain_none_high',
};

async function run(): Promise<string> {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
  doc['governments'][0]['name'] = NAME; // prov-a's government; prov-c has none
  const file = join(tempDir('difusi-nprov-'), 'names.yaml');
  writeFileSync(file, stringify(doc));
  const r = await executeNationalRun({ file, outRoot: tempDir('difusi-nprov-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'en' });
  return r.dir;
}

const records = (file: string): Record<string, string>[] => parseCsv(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

describe('province_name', () => {
  it('is appended last to the three tables that name a province, quoted as any text cell, empty where the scenario names none', async () => {
    const dir = await run();
    for (const [file, before] of Object.entries(BEFORE)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.split('\n')[0], file).toBe(`${before},province_name`);
      // RFC 4180: the quote doubled, the cell quoted; one more cell than before on every row.
      expect(text, file).toContain(',"Provinsi ""A"", <b>Barat</b> | *x*"\n');
    }
    const outcomes = records(join(dir, 'government_outcomes.csv'));
    const summary = records(join(dir, 'government_summary.csv'));
    for (const rows of [outcomes, summary]) {
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r['province_name'], r['government']).toBe(r['province'] === 'prov-a' ? NAME : '');
    }
    const groups = records(join(dir, 'group_summary.csv'));
    expect(Object.fromEntries(groups.map((g) => [`${g['kind']}:${g['group']}`, g['province_name']]))).toEqual({
      'all:all': '',
      'type:province': '',
      'type:city': '',
      'type:regency': '',
      'province:prov-a': NAME,
      'province:prov-c': '',
    });
    // Read back by the table definitions.
    const read = await readNationalFolder(dir);
    expect(read.governmentSummary.map((g) => g.province_name)).toEqual([NAME, NAME, NAME, null]);
    expect(read.groupSummary.find((g) => g.group === 'prov-a')!.province_name).toBe(NAME);
    expect(new Set(read.governmentOutcomes.map((g) => g.province_name))).toEqual(new Set([NAME, null]));
    // Shown in the report only through its escaping renderers.
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(html).not.toContain('<b>Barat');
    expect(html).toContain('Provinsi &quot;A&quot;, &lt;b&gt;Barat&lt;/b&gt; | *x*');
    expect(md).not.toContain('<b>Barat');
    expect(md).toContain('\\*x\\*');
  });

  it('a folder written before the column reads as unknown', async () => {
    const dir = await run();
    const manifestFile = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    for (const f of Object.keys(BEFORE)) {
      const keep = BEFORE[f]!.split(',').length;
      const rows = parseCsv(readFileSync(join(dir, f), 'utf8')) as string[][];
      const text = toCsv(rows.map((r) => r.slice(0, keep)));
      writeFileSync(join(dir, f), text);
      manifest.checksums[f] = createHash('sha256').update(text).digest('hex');
    }
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const read = await readNationalFolder(dir);
    expect(read.governmentSummary.every((g) => g.province_name === null)).toBe(true);
    expect(read.groupSummary.every((g) => g.province_name === null)).toBe(true);
    expect(read.governmentOutcomes.every((g) => g.province_name === null)).toBe(true);
  });
});
