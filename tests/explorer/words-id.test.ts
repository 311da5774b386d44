/**
 * The explorer's own Indonesian words, as an Indonesian planning officer
 * read them (IDTRIAL30 A9, "0,25 dtk"): the pinned baseline was `acuan`,
 * where docs/GLOSSARY.id.md and the reports say skenario dasar (and acuan
 * is P14's reference band, pita acuan); the generic take-over levers said
 * `pilot` where the reports say `uji coba (pilot)`; the run's time was the
 * abbreviation `dtk`. English as before. Pure, no browser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { commonLevers } from '../../src/scenario/levers.js';
import { catalogKeys, translate } from '../../src/explorer/i18n.js';

const parsed = parseScenarioText(readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8'), 'bekasi-2015-2025.yaml');
if (!parsed.ok) throw new Error('bekasi invalid');
const bekasi = parsed.scenario;

describe('the page\'s other Indonesian words', () => {
  test('the pinned baseline is skenario dasar (dasar for short), never acuan', () => {
    const said = catalogKeys('id').map((key) => translate('id', key as never));
    expect(said.filter((x) => /acuan/i.test(x))).toEqual([]);
    expect(translate('id', 'baselinePinned', { levers: 'bekasi-2015-2025', seed: 7, reps: 8 })).toBe('Skenario dasar: bekasi-2015-2025 (seed 7, 8 replikasi)');
    expect(translate('id', 'baseline')).toBe('Dasar');
    expect(translate('id', 'pin')).toBe('Jadikan pengaturan ini skenario dasar');
    expect(translate('id', 'chartForestTitle')).toBe('Selisih peluang setiap layanan bertahan (sekarang − dasar)');
    expect(translate('id', 'diffTable', { date: 'Desember 2025' })).toContain('(sekarang − dasar, poin persentase, interval berpasangan 95%)');
  });

  test('seconds are written out (detik), not abbreviated (dtk)', () => {
    expect(translate('id', 'doneText', { total: 200, seconds: '0,25', workers: 2 })).toBe('Sebanyak 200 replikasi selesai dalam 0,25 detik dengan 2 proses paralel');
    expect(translate('id', 'progressText', { done: 3, total: 200, seconds: '0,25', workers: 2 })).toBe('Selesai 3 dari 200 replikasi (0,25 detik, 2 proses paralel)');
    expect(catalogKeys('id').map((key) => translate('id', key as never)).filter((x) => /\bdtk\b/.test(x))).toEqual([]);
  });

  test("the generic take-over levers say uji coba (pilot), the reports' word; English as before", () => {
    const levers = commonLevers(bekasi).filter((l) => l.path.startsWith('parameters.takeover_'));
    expect(levers.map((l) => l.label_id)).toEqual([
      'Pemerintah daerah mengambil alih uji coba (pilot) milik vendor (peluang)',
      'Pemerintah daerah mengambil alih uji coba (pilot) milik perangkat daerah (peluang)',
      'Pemerintah daerah mengambil alih uji coba (pilot) milik koordinator (peluang)',
    ]);
    expect(levers.map((l) => l.label)).toEqual([
      'City takes over a vendor-owned pilot (probability)',
      'City takes over an agency-owned pilot (probability)',
      'City takes over a coordinator-owned pilot (probability)',
    ]);
  });
});
