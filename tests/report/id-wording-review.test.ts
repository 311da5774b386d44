/**
 * The Indonesian wording a Bappeda planning officer found unclear in the
 * city report: the single-agency services, the what-if sentence (it read as
 * if the run rewrote the scenario file; the English twin said so too), and
 * "pilot" beside "uji coba" for the same thing: a text names it "uji coba
 * (pilot)" first and "uji coba" after.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { PARAM_NOTES_ID } from '../../src/report/i18n/param-notes-id.js';

/** Every string of a catalog (its vocabularies and lists too; not its sentences, which are functions). */
function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => strings(x, path === '' ? k : `${path}.${k}`));
  return [];
}

/** A text's pilots are uji coba: "pilot" only as the gloss "uji coba (pilot)", at most once, at the first "uji coba". */
function expectPilotGlossed(text: string, where: string): void {
  expect(text.replace(/uji coba \(pilot\)/g, ''), where).not.toMatch(/\bpilot\b/i);
  const glosses = text.match(/uji coba \(pilot\)/g)?.length ?? 0;
  expect(glosses, where).toBeLessThanOrEqual(1);
  if (glosses === 1) expect(text.indexOf('uji coba (pilot)'), where).toBe(text.indexOf('uji coba'));
}

const pilotEnd = (name: string) => ({ text: `akhir uji coba: ${name}`, named: [{ kind: 'pilot', name, factor: null }], more: 0 });

describe('Indonesian wording of the city report', () => {
  it('names the single-agency services as services only one agency can use', () => {
    expect(id.sumSingle('Layanan kesehatan cerdas (Dinas Kesehatan), Uji coba meteran parkir')).toBe(
      'Layanan yang hanya dapat dipakai satu perangkat daerah (hasilnya menunjukkan apakah perangkat daerah itu masih menjalankannya): Layanan kesehatan cerdas (Dinas Kesehatan), Uji coba meteran parkir.',
    );
  });

  it('says a what-if runs the scenario with changes and leaves the file as it is, in both languages', () => {
    expect(id.sumWhatIf('parameters.takeover_vendor = 0,9')).toBe(
      'Simulasi pengandaian: skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah): parameters.takeover_vendor = 0,9. Semua angka di bawah adalah hasil skenario dengan perubahan itu, bukan hasil berkas sebagaimana tertulis.',
    );
    const english = en.sumWhatIf('parameters.takeover_vendor = 0.9');
    expect(english).toBe(
      'A what-if: the scenario was run with the following changes (the file itself is not changed): parameters.takeover_vendor = 0.9. Every figure below is of the scenario with these changes, not of the file as written.',
    );
    expect(english).not.toMatch(/changed the scenario file/);
  });

  it('calls a pilot "uji coba (pilot)" where a text first names one and "uji coba" after, never the bare English word', () => {
    for (const [path, text] of strings(id)) expectPilotGlossed(text, path);
    for (const [note, text] of Object.entries(PARAM_NOTES_ID)) expectPilotGlossed(text, note);
    expect(id.cause['defunded']).toBe('tidak didanai (uji coba berakhir atau anggaran tidak diperpanjang)');
    expect(id.timelineKinds['pilot']).toBe('akhir uji coba');
    // Two clusters with pilot ends in one sentence: the first glossed, the second not.
    const sentence = id.sumClusters([id.sumCluster('2019-03', '51,4', pilotEnd('CCTV')), id.sumCluster('2016-09', '2', pilotEnd('Meteran parkir'))].join('; '));
    expect(sentence).toBe(
      'Penghentian paling banyak terjadi pada Maret 2019, rata-rata 51,4 per replikasi, bertepatan dengan berakhirnya uji coba (pilot) CCTV; September 2016, rata-rata 2 per replikasi, bertepatan dengan berakhirnya uji coba meteran parkir.',
    );
    expectPilotGlossed(sentence, 'sumClusters');
  });

  it('names a pilot whose name says it is one without a doubled "uji coba" (any case), and the other pilots with theirs', () => {
    const pilots = (...names: string[]) => ({ text: names.map((n) => `akhir uji coba: ${n}`).join(', '), named: names.map((name) => ({ kind: 'pilot', name, factor: null })), more: 0 });
    // Mid-sentence its first, generic word is in lower case (midSentence), and as the first pilot named it takes the gloss.
    const alone = id.sumClusters(id.sumCluster('2019-03', '51,4', pilots('Uji coba meteran parkir')));
    expect(alone).toBe('Penghentian paling banyak terjadi pada Maret 2019, rata-rata 51,4 per replikasi, bertepatan dengan berakhirnya uji coba (pilot) meteran parkir.');
    expect(alone).not.toMatch(/uji coba(\s+\(pilot\))?\s+uji coba/i);
    // "uji coba" again after such a name, so that the next name is not read as part of it; the gloss at the first of ours.
    const mixed = id.sumClusters(id.sumCluster('2019-03', '2', pilots('CCTV', 'UJI COBA e-parkir', 'Pilot SSP', 'Sensor', 'Integrasi')));
    expect(mixed).toBe(
      'Penghentian paling banyak terjadi pada Maret 2019, rata-rata 2 per replikasi, bertepatan dengan berakhirnya uji coba (pilot) CCTV, UJI COBA e-parkir, pilot SSP, uji coba Sensor dan Integrasi.',
    );
    // Names that only start like one are not: "Ujicoba" is, "Pilotase" is not.
    expect(id.sumCluster('2019-03', '2', pilots('Ujicoba parkir', 'Pilotase'))).toBe('Maret 2019, rata-rata 2 per replikasi, bertepatan dengan berakhirnya ujicoba parkir dan uji coba Pilotase');
    // English quotes the timeline label, kind and name apart ("pilot end: Pilot parking meters"): no phrase to double.
    expect(en.sumCluster('2019-03', '2', { text: 'pilot end: Pilot parking meters', named: [{ kind: 'pilot', name: 'Pilot parking meters', factor: null }], more: 0 })).toBe(
      '2019-03 (2 per replication, at pilot end: Pilot parking meters)',
    );
  });
});
