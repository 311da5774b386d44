/**
 * The Indonesian national report and its charts (charts.id/) name national
 * services, programmes, mandates and vendors by their Indonesian names
 * (`name_id` in the file, `names_id` in the manifest) and show the
 * Indonesian description (`description_id`), falling back to `name` and
 * `description`; the English report keeps the English ones. Names are
 * escaped as the rest of the scenario's text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';
import { escapeMarkdownText } from '../../src/report/markdown.js';
import { nationalSchema } from '../../src/scenario/national-schema.js';

beforeAll(() => assertBuilt());

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

const SERVICE = 'E-office service';
const SERVICE_ID = 'Perkantoran <b>elektronik</b> *satu*';
const PROGRAMME = 'Smart city programme';
const PROGRAMME_ID = 'Program kota cerdas <i>x</i>';
const VENDOR = 'Cloud vendor';
const VENDOR_ID = 'Penyedia awan';
const MANDATE = 'Ban on standalone apps';
const MANDATE_ID = 'Larangan aplikasi <script>x</script> berdiri sendiri';
const APP = 'Vendor app (English only)';

/** The fixture with names (and, unless `english`, Indonesian names) for each kind of national item. */
function fixture(english = false): string {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
  doc['description_id'] = 'Empat pemerintah daerah <u>uji</u>.';
  Object.assign(doc['innovations'][0], { name: SERVICE, name_id: SERVICE_ID });
  Object.assign(doc['innovations'][1], { name: APP });
  Object.assign(doc['programmes'][0], { name: PROGRAMME, name_id: PROGRAMME_ID });
  Object.assign(doc['vendors'][0], { name: VENDOR, name_id: VENDOR_ID });
  Object.assign(doc['elections'][0], { name: 'Pilkada 2018', name_id: 'Pilkada 2018 (id)' });
  doc['platforms'] = [{ id: 'p', name: 'Platform', name_id: 'Platform (id)', custodian: 'coordinator' }];
  doc['national_regulations'] = [{ id: 'no-standalone', name: MANDATE, name_id: MANDATE_ID, from: '2019-01', strength: 0.8, bans_standalone: true }];
  if (english) {
    delete doc['description_id'];
    for (const key of ['innovations', 'programmes', 'vendors', 'elections', 'platforms', 'national_regulations']) for (const x of doc[key]) delete x['name_id'];
  }
  const file = join(tempDir('difusi-nnames-id-'), 'named.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

describe('Indonesian names in the national report', () => {
  let dir: string;
  let plain: string;
  beforeAll(async () => {
    const r = await executeNationalRun({ file: fixture(), outRoot: tempDir('difusi-nnames-id-out-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'id' });
    dir = r.dir;
    // The same file without name_id and description_id: it runs, with the same results.
    plain = (await executeNationalRun({ file: fixture(true), outRoot: tempDir('difusi-nnames-id-plain-out-'), workers: 1, replications: 2, command: 'test', charts: false })).dir;
  });

  it('the schema takes name_id on every named national item and description_id; the manifest records them after ban_starts', () => {
    expect(() => nationalSchema.parse(parse(readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'), 'utf8')))).not.toThrow();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.names_id).toEqual({ services: { 'e-office': SERVICE_ID }, programmes: { smart: PROGRAMME_ID }, regulations: { 'no-standalone': MANDATE_ID }, vendors: { cloudco: VENDOR_ID }, elections: { c2018: 'Pilkada 2018 (id)' } });
    expect(Object.keys(manifest).slice(-9)).toEqual(['names', 'ban_starts', 'names_id', 'description_id', 'overrides', 'build', 'warnings', 'warnings_id', 'inert_entries']);
    // A name changes no result.
    for (const f of ['government_outcomes.csv', 'group_summary.csv', 'national_series.csv', 'p14.txt']) {
      expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(plain, f), 'utf8'));
    }
  });

  it('report.id.md shows the Indonesian names and description, escaped, and the English name where none is given; report.md the English ones', async () => {
    const id = readFileSync(join(dir, 'report.id.md'), 'utf8');
    const { md } = await renderNationalReport(dir, 'en');
    const { md: id2 } = await renderNationalReport(dir, 'id');
    expect(id2).toBe(id);
    expect(id).toContain(`- **layanan nasional**: ${escapeMarkdownText(SERVICE_ID)} \\[e-office\\], ${escapeMarkdownText(APP)} \\[vendor-app\\], mandated-service`);
    expect(md).toContain(`- **national services**: ${SERVICE} \\[e-office\\], ${escapeMarkdownText(APP)} \\[vendor-app\\], mandated-service`);
    expect(id).toContain(`### Kohort program: ${escapeMarkdownText(PROGRAMME_ID)}`);
    expect(md).toContain(`### Programme cohorts: ${PROGRAMME}`);
    expect(id).toContain(`| vendor (penyedia) | ${VENDOR_ID} | cloudco |`);
    expect(id).toContain(`| ${escapeMarkdownText(MANDATE_ID)} | no-standalone |`);
    expect(md).toContain(`| ${MANDATE} | no-standalone |`);
    expect(id).toContain(escapeMarkdownText('Empat pemerintah daerah <u>uji</u>.'));
    expect(md).toContain('Four local governments for the national tests.');
    expect(md).not.toContain('Empat pemerintah');
    for (const english of [SERVICE, PROGRAMME, VENDOR, MANDATE, 'Four local governments']) expect(id, english).not.toContain(english);
    for (const page of [id, readFileSync(join(dir, 'report.id.html'), 'utf8')]) {
      expect(page).not.toMatch(/<(b|i|u|script)>/);
    }
  });

  it('charts.id/ label the cohort panels and title, the replacement legend and the ban by the Indonesian names, escaped; charts/ by the English', () => {
    const cohortsId = readFileSync(join(dir, 'charts.id', 'national-cohorts-smart.svg'), 'utf8');
    const cohortsEn = readFileSync(join(dir, 'charts', 'national-cohorts-smart.svg'), 'utf8');
    expect(cohortsId).toContain('Program kota cerdas &lt;i&gt;x&lt;/i&gt;');
    expect(cohortsId).toContain('Perkantoran &lt;b&gt;elektronik&lt;/b&gt;');
    expect(cohortsId).not.toContain(SERVICE);
    expect(cohortsEn).toContain(PROGRAMME);
    expect(cohortsEn).toContain(SERVICE);
    expect(cohortsEn).not.toContain('Perkantoran');
    const wavesId = readFileSync(join(dir, 'charts.id', 'national-replacements.svg'), 'utf8');
    const wavesEn = readFileSync(join(dir, 'charts', 'national-replacements.svg'), 'utf8');
    expect(wavesId).toContain('Larangan aplikasi &lt;script&gt;x&lt;/script&gt; berdiri sendiri');
    expect(wavesId).not.toContain(MANDATE);
    expect(wavesEn).toContain(MANDATE);
    for (const svg of [cohortsId, wavesId]) expect(svg).not.toMatch(/<(b|i|script)>/);
  });
});
