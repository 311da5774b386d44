/**
 * The city report's Indonesian wording, as an Indonesian-speaking reviewer
 * read it (thirty-ninth session): the forest chart's exits by cause named the
 * exit twice ("penghentian karena ditinggalkan", "karena dimigrasikan"); one
 * service was "Sebanyak 1 layanan"; the key measures' interval was "(t)";
 * the peak exits' sentence wrote the generic first word of a service's name
 * with a capital mid-sentence. English as before.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { outcomeName } from '../../src/report/outcome-names.js';

describe('Indonesian report wording (thirty-ninth session)', () => {
  it('exits by cause name the cause by what it is, as the English does', () => {
    expect(outcomeName('discontinuations.hazard', id)).toBe('penghentian karena risiko dasar (per replikasi)');
    expect(outcomeName('discontinuations.replacement', id)).toBe('penghentian karena migrasi (per replikasi)');
    expect(outcomeName('discontinuations.defunded', id)).toBe('penghentian karena tidak didanai (per replikasi)');
    expect(outcomeName('discontinuations.hazard', en)).toBe('exits: everyday attrition (per replication)');
    expect(outcomeName('discontinuations.replacement', en)).toBe('exits: replacement (per replication)');
  });

  it('one service is "Satu layanan", more are counted', () => {
    expect(id.sumRunIntro(1, 200, '2025-12')).toMatch(/^Satu layanan disimulasikan dalam 200 replikasi hingga Desember 2025\. /);
    expect(id.sumRunIntro(8, 200, '2025-12')).toMatch(/^Sebanyak 8 layanan disimulasikan dalam 200 replikasi hingga Desember 2025\. /);
  });

  it('the key measures\' interval names Student\'s t', () => {
    expect(id.horizonNote(132, '2025-12')).toContain('Interval: interval kepercayaan 95% (t Student) untuk rata-rata');
  });

  it('the peak exits\' sentence writes a service\'s generic first word in lower case, proper names as written', () => {
    const pilots = (...names: string[]) => ({ text: '', named: names.map((name) => ({ kind: 'pilot', name, factor: null })), more: 0 });
    expect(id.sumClusters(id.sumCluster('2019-03', '51,4', pilots('CCTV dan sensor lingkungan', 'Integrasi ke platform POC/SSP', 'Aplikasi pelaporan warga POT (Pemkot)', 'Bekasi Iconic')))).toBe(
      'Penghentian paling banyak terjadi pada Maret 2019, rata-rata 51,4 per replikasi, bertepatan dengan berakhirnya uji coba (pilot) CCTV dan sensor lingkungan, ' +
        'integrasi ke platform POC/SSP, aplikasi pelaporan warga POT (Pemkot) dan Bekasi Iconic.',
    );
    // A regulation, a vendor and a head keep their names (Perwal is a name).
    const named = { text: '', named: [{ kind: 'regulation', name: 'Perwal SPBE governance', factor: null }, { kind: 'contract', name: 'Vendor telekomunikasi', factor: null }], more: 0 };
    expect(id.sumCluster('2022-07', '1,3', named)).toContain('berlakunya Perwal SPBE governance serta berakhirnya kontrak Vendor telekomunikasi');
  });
});
