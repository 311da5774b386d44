/**
 * The national report's headline (IDTRIAL30 A7, and the Indonesian wording of B): the counts by type
 * say how many of the regencies and cities are administrative (Kabupaten/Kota Administrasi, DKI
 * Jakarta's, not autonomous), so "kabupaten: 416" is not read against the description's "415 kabupaten
 * ... dan 6 kota/kabupaten administrasi"; counted from the governments' names in government_summary.csv.
 * And when no government sustains none in any replication, the Indonesian says so in words, not
 * "dan 0,0 (0,0% di setiap replikasi) tidak mempertahankan satu pun".
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';

beforeAll(() => assertBuilt());

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** The small national file with its regency and one city named as DKI Jakarta's administrative ones are (or as written). */
function file(administrative: boolean): string {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
  if (administrative) {
    for (const g of doc['governments']) {
      if (g.id === 'kab-b') g.name = 'Kabupaten Administrasi Kepulauan B';
      if (g.id === 'kota-c') g.name = 'Kota Administrasi C Pusat';
    }
  }
  const out = join(tempDir('difusi-nheadline-'), 'headline.yaml');
  writeFileSync(out, stringify(doc));
  return out;
}

/** The headline's first paragraph (the counts by type) and the spread sentence. */
function headline(md: string): string {
  return md.split('\n').filter((l) => /pemerintah daerah \(|local governments \(|Pada akhir periode|At the horizon/.test(l)).join('\n');
}

describe('the national headline', () => {
  let adm: string;
  let plain: string;
  beforeAll(async () => {
    adm = (await executeNationalRun({ file: file(true), outRoot: tempDir('difusi-nheadline-out-'), workers: 1, replications: 2, command: 'test', charts: false })).dir;
    plain = (await executeNationalRun({ file: file(false), outRoot: tempDir('difusi-nheadline-plain-'), workers: 1, replications: 2, command: 'test', charts: false })).dir;
  });

  it('says how many regencies and cities are administrative, in both languages', async () => {
    const id = (await renderNationalReport(adm, 'id', { draw: false })).md;
    expect(headline(id)).toContain('4 pemerintah daerah (provinsi: 1; kabupaten: 1, termasuk 1 kabupaten administrasi; kota: 2, termasuk 1 kota administrasi)');
    const en = (await renderNationalReport(adm, 'en', { draw: false })).md;
    expect(headline(en)).toContain('4 local governments (province governments: 1; regencies: 1, of which 1 administrative; cities: 2, of which 1 administrative)');
  });

  it('without administrative ones, the counts as before', async () => {
    const id = (await renderNationalReport(plain, 'id', { draw: false })).md;
    expect(headline(id)).toContain('4 pemerintah daerah (provinsi: 1, kabupaten: 1, kota: 2)');
    const en = (await renderNationalReport(plain, 'en', { draw: false })).md;
    expect(headline(en)).toContain('4 local governments (province governments: 1, regencies: 1, cities: 2)');
  });

  it('no government sustaining none, in any replication: said in words in Indonesian; English as before', async () => {
    // The run's folder with its all-governments row set to none sustaining none in every replication.
    const copy = join(tempDir('difusi-nheadline-none-'), 'run');
    cpSync(plain, copy, { recursive: true });
    const csv = readFileSync(join(copy, 'group_summary.csv'), 'utf8').split('\n');
    const cols = csv[0]!.split(',');
    const at = (name: string) => cols.indexOf(name);
    csv[csv.findIndex((l) => l.startsWith('all,'))] = csv
      .find((l) => l.startsWith('all,'))!
      .split(',')
      .map((v, i) => ([at('share_sustain_none'), at('share_sustain_none_low'), at('share_sustain_none_high')].includes(i) ? '0' : v))
      .join(',');
    const text = csv.join('\n');
    writeFileSync(join(copy, 'group_summary.csv'), text);
    // The folder's manifest holds each file's checksum: the edited table's, updated as a rerun would write it.
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    manifest.checksums['group_summary.csv'] = createHash('sha256').update(text).digest('hex');
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const id = headline((await renderNationalReport(copy, 'id', { draw: false })).md);
    expect(id).toContain('layanan yang diluncurkannya, dan tidak ada pemerintah daerah (0,0% di setiap replikasi) yang tidak mempertahankan satu pun layanannya.');
    expect(id).not.toMatch(/dan 0,0 \(/);
    const en = headline((await renderNationalReport(copy, 'en', { draw: false })).md);
    expect(en).toContain('and 0.0 (0.0 % in every replication) sustain none.');
    // A government that sustains none keeps its count.
    expect(headline((await renderNationalReport(plain, 'id', { draw: false })).md)).toContain('dan 1,0 (25,0% di setiap replikasi) tidak mempertahankan satu pun.');
  });
});
