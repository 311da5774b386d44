/**
 * The explorer's own Indonesian words, as an Indonesian planning officer
 * read them (IDTRIAL30 A9, "0,25 dtk"): the pinned baseline was `acuan`,
 * where docs/GLOSSARY.id.md and the reports say skenario dasar (and acuan
 * is P14's reference band, pita acuan); the generic take-over levers said
 * `pilot` where the reports say `uji coba (pilot)`; the run's time was the
 * abbreviation `dtk`. English as before. Pure, no browser.
 */
import { describe, expect, test } from 'vitest';
import { catalogKeys, translate } from '../../src/explorer/i18n.js';

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
});
