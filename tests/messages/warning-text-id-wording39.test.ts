/**
 * Wording of the Indonesian warnings found by an Indonesian-speaking reader
 * (thirty-ninth session): the glossary's words (akhir periode simulasi for
 * the horizon, mata anggaran for a budget line, explorer and tuas for the
 * page and its levers, pengkhianatan glossed as Callon's term) and a clause
 * that reads as a sentence.
 */
import { describe, expect, it } from 'vitest';
import { WARNINGS, warning, type WarningCode } from '../../src/messages/catalog.js';
import { WARNINGS_ID, warningTextId } from '../../src/messages/warning-text-id.js';

const id = (code: WarningCode, ...args: readonly unknown[]) => (WARNINGS_ID[code] as (...a: readonly unknown[]) => string)(...args);

describe('Indonesian warnings: the glossary\'s words', () => {
  it('a head after the horizon: akhir periode simulasi, and the typo clause as a sentence', () => {
    const text = warningTextId(warning('head_after_horizon', 'elections[0] "pilkada-2017"', [2], '2027-02', '2025-12'));
    expect(text).toBe(
      'elections[0] "pilkada-2017": heads[2] menjabat mulai 2027-02, sesudah akhir periode simulasi (2025-12), sehingga tidak mengubah apa pun dalam simulasi ini ' +
        '(kalender yang dipakai bersama simulasi yang lebih panjang boleh mencantumkannya; bila tanggal itu dimaksudkan berada dalam periode simulasi, berarti ada salah ketik)',
    );
  });

  it('no Indonesian warning says "horizon" where the glossary says akhir periode simulasi', () => {
    const samples: [WarningCode, unknown[]][] = [
      ['head_after_horizon', ['c', [1, 2], '2027-02', '2025-12']],
      ['takeover_after_horizon', ['i', '2026-09', '2025-12']],
      ['vendor_leaves_mid_pilot', ['i', 'qlue', '2025-06', '2026-09']],
    ];
    for (const [code, args] of samples) expect(id(code, ...args)).not.toMatch(/horizon/i);
  });

  it('a lever that names nothing: the explorer and its tuas, not penjelajah', () => {
    const text = id('lever_names_no_value', 0, 'parameters.nothing');
    expect(text).toBe('levers[0] (path parameters.nothing) tidak menunjuk nilai apa pun dalam skenario ini: explorer tidak menampilkannya (tuas hanya dipakai di explorer; tidak ada hasil yang berubah)');
    for (const code of Object.keys(WARNINGS) as WarningCode[]) expect(String(WARNINGS_ID[code]), code).not.toContain('penjelajah');
  });

  it('a budget line is a mata anggaran, never a pos anggaran', () => {
    expect(id('budget_factor_beyond_effect', 0, '2020-04..2020-12', 70, 62.5)).toContain('(perpanjangan mata anggaran, kemajuan tahap');
    for (const code of Object.keys(WARNINGS) as WarningCode[]) expect(String(WARNINGS_ID[code]), code).not.toContain('pos anggaran');
  });

  it('pengkhianatan is glossed as Callon\'s term', () => {
    expect(id('vendor_leaves_before_pilot_end', 'i', 'qlue', '2018-06', '2019-01')).toContain('hilang karena pengkhianatan (istilah Callon);');
  });
});
