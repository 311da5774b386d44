/**
 * The explorer's event list in Bahasa Indonesia, as an Indonesian planning
 * officer read it (IDTRIAL30 A10, A9): its brackets leaked English words
 * and raw ids (`pembelajaran dua putaran (ownership)`, `regulasi berlaku
 * (spbe-master-plan-2022)` where Bekasi gives a name_id, `guncangan anggaran
 * dimulai (0.7)`), its tooltips were the raw kinds, and a lapsed pilot read
 * like any pilot end. The English list is written as before. Pure functions,
 * no browser (event-list-id-page.test.ts looks at the page).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { eventKindKeys, eventKindText } from '../../src/explorer/i18n.js';
import { eventCauseText, eventText, eventTitle } from '../../src/explorer/event-text.js';
import { Aggregate } from '../../src/explorer/aggregate.js';
import { metricsOf, runJob } from '../../src/explorer/engine.js';
import { catalog } from '../../src/report/i18n/index.js';

const scenarioOf = (name: string): Scenario => {
  const r = parseScenarioText(readFileSync(`scenarios/${name}.yaml`, 'utf8'), `${name}.yaml`);
  if (!r.ok) throw new Error(`${name} invalid`);
  return r.scenario;
};
const bekasi = scenarioOf('bekasi-2015-2025');

/** The events of the first replications of `scenario`, as the page's "Look inside one run" gets them. */
function eventsOf(scenario: Scenario, replications: number) {
  const agg = new Aggregate(scenario, metricsOf(scenario), replications);
  runJob({ type: 'job', job: 1, scenario, indices: Array.from({ length: replications }, (_, r) => r), detail: replications }, (r) => agg.add(r));
  return agg.events();
}

/** The page's English line as app.ts wrote it before (session 30): the discontinuance cause in the report's words, anything else as recorded. */
function oldEnglishLine(e: { date: string; kind: string; cause: string | null }, agency: string): string {
  const names = catalog('en').cause as Readonly<Record<string, string>>;
  const cause = e.cause === null ? null : Object.hasOwn(names, e.cause) ? names[e.cause]!.replace(/\s*\(.*\)$/, '') : e.cause;
  return `${e.date} ${agency ? `${agency}: ` : ''}${eventKindText('en', e.kind)}${cause ? ` (${cause})` : ''}`;
}

describe('the event list in Bahasa Indonesia', () => {
  test("a learning loop's change in the glossary's words, not English", () => {
    const id = (kind: string, cause: string) => eventText({ date: '2020-01', kind, cause }, '', bekasi, 'id');
    expect(id('double_loop', 'ownership')).toBe('2020-01 pembelajaran dua putaran (kepemilikan)');
    expect(id('double_loop', 'integration')).toBe('2020-01 pembelajaran dua putaran (integrasi)');
    expect(id('double_loop', 'reinvention')).toBe('2020-01 pembelajaran dua putaran (penemuan ulang)');
    expect(id('double_loop', 'replacement')).toBe('2020-01 pembelajaran dua putaran (migrasi ke layanan penerus)');
    expect(id('triple_loop', 'regulation')).toBe('2020-01 pembelajaran tiga putaran (regulasi)');
    expect(id('triple_loop', 'obligatory_passage_point')).toBe('2020-01 pembelajaran tiga putaran (koordinator sebagai titik lintas wajib)');
    expect(id('triple_loop', 'ban_standalone')).toBe('2020-01 pembelajaran tiga putaran (larangan aplikasi mandiri)');
    expect(eventText({ date: '2016-03', kind: 'adoption', cause: 'authority' }, 'Dinas Kesehatan', bekasi, 'id')).toBe('2016-03 Dinas Kesehatan: mengadopsi (atas keputusan otoritas)');
    // A discontinuance cause keeps the report's name, without its gloss.
    expect(id('discontinuance', 'defunded')).toBe('2020-01 berhenti memakai layanan (tidak didanai)');
  });

  test("leaders, regulations, vendors and platforms by the Indonesian report's name: name_id, else name, else the id", () => {
    const id = (kind: string, cause: string, scenario: Scenario = bekasi) => eventCauseText(kind, cause, scenario, 'id');
    expect(id('regulation_start', 'spbe-master-plan-2022')).toBe('Rencana induk Sistem Pemerintahan Berbasis Elektronik (SPBE)');
    expect(id('regulation_end', 'perwal-110-2016')).toBe('Perwal 110/2016 (dewan kota cerdas)');
    expect(id('leadership_change', 'acting-mayor-tri-adhianto')).toBe('Plt. Wali Kota Tri Adhianto (setelah penangkapan)');
    expect(id('leader_vacancy', 'mayor-rahmat-effendi')).toBe('Wali Kota Rahmat Effendi');
    expect(id('leadership_change', 'random')).toBe('tidak terjadwal');
    expect(id('vendor_exit', 'parking-partner')).toBe('Mitra swasta meteran parkir');
    expect(id('platform_end', 'ssp')).toBe('Smart system platform (SSP) / Patriot Operation Center');
    expect(id('betrayal', 'vendor:parking-partner')).toBe('vendor Mitra swasta meteran parkir');
    expect(id('betrayal', 'platform:city-platform')).toBe('platform Platform integrasi kota (Diskominfostandi)');
    expect(id('betrayal', 'leader')).toBe('kepala daerah');
    expect(id('betrayal', 'champion')).toBe('penggerak');
    // No name_id: the name; a blank one counts as missing (scenario/twins.ts); no name: the id.
    const plain: Scenario = {
      ...bekasi,
      leaders: [{ ...bekasi.leaders[0]!, id: undefined, name: 'First mayor', name_id: undefined }, { ...bekasi.leaders[1]!, id: undefined, name: undefined, name_id: undefined }],
      regulations: [{ ...bekasi.regulations[0]!, name_id: '  ' }, { ...bekasi.regulations[1]!, id: undefined, name: undefined, name_id: undefined }],
      vendors: [{ id: 'vendor-app', name: 'App vendor' }, { id: 'bare-vendor' }],
    };
    // Unnamed leaders and regulations have the ids the model gives them (leader-<n>, regulation-<n>).
    expect(id('leadership_change', 'leader-1', plain)).toBe('First mayor');
    expect(id('leadership_change', 'leader-2', plain)).toBe('leader-2');
    expect(id('regulation_start', 'perwal-110-2016', plain)).toBe('Perwal 110/2016 (smart-city council)');
    expect(id('regulation_start', 'regulation-2', plain)).toBe('regulation-2');
    expect(id('vendor_exit', 'vendor-app', plain)).toBe('App vendor');
    expect(id('vendor_exit', 'bare-vendor', plain)).toBe('bare-vendor');
    // An id the scenario does not list is shown as recorded.
    expect(id('vendor_exit', 'gone', plain)).toBe('gone');
  });

  test("a budget shock's climate B with a decimal comma, without floating-point noise", () => {
    expect(eventText({ date: '2020-04', kind: 'budget_shock_start', cause: '0.7' }, '', bekasi, 'id')).toBe('2020-04 guncangan anggaran dimulai (iklim anggaran 0,7)');
    expect(eventCauseText('budget_shock_start', String(0.7 * 0.7), bekasi, 'id')).toBe('iklim anggaran 0,49');
    expect(eventCauseText('budget_shock_end', '1', bekasi, 'id')).toBe('iklim anggaran 1');
  });

  test('a tooltip in words that names the kind events.csv records; the English tooltip is the kind', () => {
    expect(eventTitle('champion_left', 'id')).toBe('jenis peristiwa di events.csv: champion_left');
    expect(eventTitle('champion_left', 'en')).toBe('champion_left');
  });

  test('a lapsed pilot reads as the glossary\'s "dibiarkan berakhir", unlike any other pilot end', () => {
    expect(eventKindText('id', 'pilot_lapsed')).toBe('uji coba (pilot) dibiarkan berakhir');
    const words = eventKindKeys('id').map((k) => eventKindText('id', k));
    expect(new Set(words).size).toBe(words.length);
  });

  test.each(['bekasi-2015-2025', 'discontinued-vendor-pilot', 'sustained-opd-owned'])('every event of %s: no English bracket, no raw id where a name is given, no decimal point', (name) => {
    const scenario = scenarioOf(name);
    const events = eventsOf(scenario, 6);
    expect(events.length).toBeGreaterThan(50);
    const named = new Map<string, string>();
    for (const list of [scenario.leaders, scenario.regulations, scenario.vendors, scenario.platforms]) {
      for (const e of list as readonly { id?: string; name?: string; name_id?: string }[]) if (e.id && (e.name_id || e.name)) named.set(e.id, e.name_id || e.name!);
    }
    // What events.csv records in English (the bracket; "penggerak (champion)" is the glossary's own word for the kind).
    const english = /^(ownership|integration|reinvention|replacement|regulation|obligatory_passage_point|ban_standalone|authority|random|leader|champion|vendor:.*|platform:.*)$/;
    for (const e of events) {
      const text = eventText(e, '', scenario, 'id');
      if (e.cause !== null) expect(eventCauseText(e.kind, e.cause, scenario, 'id'), text).not.toMatch(english);
      expect(text, text).not.toMatch(/\d\.\d/);
      for (const [id, shown] of named) if (text.includes(`(${id})`)) expect.fail(`${text}: ${id} where the scenario names it ${shown}`);
    }
    // The kinds this checks include those the trial saw.
    const kinds = new Set(events.map((e) => e.kind));
    if (name === 'bekasi-2015-2025') for (const k of ['double_loop', 'regulation_start', 'budget_shock_start', 'leadership_change']) expect(kinds, k).toContain(k);
  });

  test.each(['bekasi-2015-2025', 'discontinued-vendor-pilot'])('the English list of %s is written as before', (name) => {
    const scenario = scenarioOf(name);
    for (const e of eventsOf(scenario, 3)) {
      expect(eventText(e, 'Some agency', scenario, 'en')).toBe(oldEnglishLine(e, 'Some agency'));
      expect(eventText(e, '', scenario, 'en')).toBe(oldEnglishLine(e, ''));
      expect(eventTitle(e.kind, 'en')).toBe(e.kind);
    }
  });
});
