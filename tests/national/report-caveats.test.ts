/**
 * What the national report says beside its figures so that a reader does
 * not draw a wrong conclusion from them (docs/NATIONAL.md, "The national
 * report" and "Comparing provinces"): a province is named as the highest or
 * lowest only from enough replications and when its interval stands clear
 * of every other's; the spread control's verdict stands beside the province
 * results; a province formed after the start says so; a service with no
 * success in any replication is explained, with the highest score a
 * coordinator-owned network can reach at the run's weights; the headline's
 * "sustained" and P14's "success" are told apart; the lowest governments'
 * programme membership and a government running its own services are
 * explained; the P14 table names its column and its "(local services)"
 * line; an interval of zero width is said in words. English and Indonesian.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder, type GovernmentOutcomeRow, type GovernmentSummaryRow, type GroupSummaryRow, type NationalFolderTables } from '../../src/store/national-tables.js';
import { nationalReportModel, RANK_MIN_REPLICATIONS } from '../../src/report/national-report.js';
import { PROVINCES_FORMED_LATER } from '../../src/report/national-map.js';
import { nationalId } from '../../src/report/i18n/national-id.js';
import type { ReportModel } from '../../src/report/report-model.js';

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'reading-caveats.yaml');

let tables: NationalFolderTables;
let p14 = '';
beforeAll(async () => {
  assertBuilt();
  const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-ncaveats-'), workers: 1, command: 'test' });
  tables = await readNationalFolder(r.dir);
  p14 = readFileSync(join(r.dir, 'p14.txt'), 'utf8');
});

const model = (t: NationalFolderTables, lang: 'en' | 'id' = 'en', text = p14): ReportModel => nationalReportModel({ tables: t, p14: text, charts: [] }, lang);
const note = (m: ReportModel, id: string) => m.tables.find((t) => t.id === id)!.note;

/** The fixture's tables with `replications` recorded and each province's mean share and interval set. */
function withProvinces(replications: number, shares: Record<string, [number, number, number]>): NationalFolderTables {
  const groupSummary: GroupSummaryRow[] = tables.groupSummary.map((g) =>
    g.kind === 'province' && shares[g.group] !== undefined
      ? { ...g, mean_sustained_share: shares[g.group]![0], mean_sustained_share_low: shares[g.group]![1], mean_sustained_share_high: shares[g.group]![2] }
      : g,
  );
  return { ...tables, manifest: { ...tables.manifest, replications }, groupSummary };
}

describe('the provinces in the headline', () => {
  it(`names no highest or lowest province with fewer than ${RANK_MIN_REPLICATIONS} replications, even where the intervals are apart, and says the order is not stable`, () => {
    const t = withProvinces(3, { 'prov-a': [0.7, 0.68, 0.72], 'prov-papua-selatan': [0.3, 0.28, 0.32] });
    const summary = model(t).summary.join('\n');
    expect(summary).toContain(
      `Across the 2 provinces, the mean sustained share lies between 30.0 % and 70.0 %, but no province stands out: with 3 replications the order of the provinces is not stable (another run can put another province at either end), so this report names no highest or lowest province; it names one only from ${RANK_MIN_REPLICATIONS} replications on, and only when its interval lies clear of every other province's.`,
    );
    expect(summary).not.toContain('(Provinsi A)');
    expect(summary).not.toMatch(/Provinsi Papua Selatan/);
    expect(model(t, 'id').summary.join('\n')).toContain('dengan 3 replikasi urutan provinsi belum stabil');
  });

  it('names a province whose interval lies clear of every other, from enough replications', () => {
    const t = withProvinces(RANK_MIN_REPLICATIONS, { 'prov-a': [0.7, 0.68, 0.72], 'prov-papua-selatan': [0.3, 0.28, 0.32] });
    const summary = model(t).summary;
    expect(summary).toContain("Provinsi A sustains the highest mean share of the provinces (70.0 %; 95 % interval 68.0–72.0 %): its interval lies above every other province's.");
    expect(summary.some((s) => s.startsWith('Provinsi Papua Selatan sustains the lowest mean share of the provinces'))).toBe(true);
    // Named, Papua Selatan gets the current map's caveat in the headline too.
    expect(summary.some((s) => s.startsWith('Provinsi Papua Selatan was formed in 2022, but the scenario applies today\'s map from its first month'))).toBe(true);
    expect(summary.some((s) => s.startsWith('Across the'))).toBe(false);
  });

  it('names none from enough replications when the intervals overlap, and says how wide they are against the means', () => {
    const t = withProvinces(RANK_MIN_REPLICATIONS, { 'prov-a': [0.62, 0.6, 0.64], 'prov-papua-selatan': [0.61, 0.58, 0.66] });
    expect(model(t).summary).toContain(
      "Across the 2 provinces, the mean sustained share lies between 61.0 % and 62.0 %, but no province stands out: no province's interval lies clear of every other province's (the intervals are 6.0 points wide at the median, the means 1.0 points apart at most), so this report names no highest or lowest province.",
    );
  });

  it("states the spread control's verdict beside the province results, in the headline and under the table (both languages)", () => {
    const en = model(tables);
    expect(en.summary).toContain(nationalEnSpreadControl());
    expect(note(en, 'national-provinces')).toContain('found that spread not evidence that it comes from the governments\' differences');
    const id = model(tables, 'id');
    expect(id.summary).toContain(nationalId.spreadControl);
    expect(note(id, 'national-provinces')).toContain('bukan bukti bahwa ia berasal dari perbedaan antarpemerintah daerah');
  });

  it(`reads differences between provinces only from ${RANK_MIN_REPLICATIONS} replications on (the table's note and the terms)`, () => {
    const en = model(tables);
    expect(note(en, 'national-provinces')).toContain(`Read a difference between two provinces only where their intervals do not overlap, and only from ${RANK_MIN_REPLICATIONS} replications on`);
    expect(en.glossary.find(([term]) => term === 'comparing groups')![1]).toContain(`if the run has at least ${RANK_MIN_REPLICATIONS} replications`);
    expect(note(model(tables, 'id'), 'national-provinces')).toContain(
      `Perbedaan dua provinsi baru dapat dianggap nyata (bukan keragaman acak antarreplikasi) bila interval keduanya tidak beririsan, dan hanya mulai ${RANK_MIN_REPLICATIONS} replikasi`,
    );
  });
});

/** The English catalog's sentence (imported here, not retyped, so that the test follows its wording). */
function nationalEnSpreadControl(): string {
  return nationalReportModel({ tables, p14, charts: [] }, 'en').summary.find((s) => s.startsWith('Where the spread between governments comes from'))!;
}

describe("the current map's caveat", () => {
  it('says under the province table that a province formed after the start is simulated from it, with the province it was split from', () => {
    expect(note(model(tables), 'national-provinces')).toContain(
      "Provinsi Papua Selatan was formed in 2022, but the scenario applies today's map from its first month: it is simulated as a government from the start, and its regencies and cities, part of prov-papua until then, are counted under it.",
    );
    expect(note(model(tables, 'id'), 'national-provinces')).toContain('Provinsi Papua Selatan dibentuk pada 2022, tetapi skenario menerapkan peta saat ini sejak bulan pertamanya');
  });

  it('says nothing of it for a run that starts after the province was formed', () => {
    const series = tables.series.map((r) => (r.month === 1 ? { ...r, date: '2023-01' } : r));
    expect(note(model({ ...tables, series }), 'national-provinces')).not.toContain('formed in');
  });

  it('names, under the government table, a province government formed after the start that the table shows', () => {
    expect(note(model(tables), 'national-governments')).toContain("Provinsi Papua Selatan was formed in 2022 but is simulated from the scenario's start (today's map applied throughout).");
  });

  it('knows the provinces the shipped scenario formed in 2022, by the ids it gives them', () => {
    const doc = parse(readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'), 'utf8')) as { governments: { id: string; type: string; election?: string }[] };
    const provinces = new Map(doc.governments.filter((g) => g.type === 'province').map((g) => [g.id, g.election]));
    // The generator puts the provinces formed in 2022 (area codes 93-96) on their own cycle.
    const onNewCycle = [...provinces].filter(([, e]) => e === 'new-2022').map(([id]) => id).sort();
    expect(PROVINCES_FORMED_LATER.map((p) => p.id).sort()).toEqual(onNewCycle);
    for (const p of PROVINCES_FORMED_LATER) expect(provinces.has(p.from), p.from).toBe(true);
  });
});

describe('a service with no success in any replication', () => {
  it('is named under the P14 table, with the highest score a coordinator-owned network reaches at the run\'s weights', () => {
    const text = note(model(tables), 'national-p14');
    // integration (coordinator-owned, no platform, no sponsor) never succeeds; e-office does in this run.
    expect(p14).toMatch(/^ {2}integration: success 0\.0 %/m);
    expect(p14).not.toMatch(/^ {2}e-office: success 0\.0 %/m);
    expect(text).toContain('None of the initiatives of integration was a success in any of the 3 replications.');
    expect(text).toContain(
      "at this run's weights a service owned by the coordinator, on no platform and sponsored by no leader scores at most budget 0.2 + regulation 0.15 + champion 0.15 + users 0.1 = 0.6, below 0.7, so none of its instances can routinize in any replication.",
    );
    expect(text).toContain('after 12 months in a row with a translation score of at least T_stable = 0.7 (docs/MODEL.md 7.4 and 7.7)');
    expect(note(model(tables, 'id'), 'national-p14')).toContain('anggaran 0,2 + regulasi 0,15 + penggerak (champion) 0,15 + pemakai 0,1 = 0,6, di bawah 0,7');
  });

  it("says the zero is not of that construction when the run's weights let such a network reach T_stable", () => {
    const t = { ...tables, manifest: { ...tables.manifest, parameters: { t_users: 0.3 } } };
    const text = note(model(t), 'national-p14');
    expect(text).toContain('even a service owned by the coordinator, on no platform and sponsored by no leader can reach it (budget 0.2 + regulation 0.15 + champion 0.15 + users 0.3 = 0.8)');
    expect(text).not.toContain('by construction');
  });

  it('is not said of a service with a success somewhere', () => {
    const governmentOutcomes: GovernmentOutcomeRow[] = tables.governmentOutcomes.map((r) => (r.innovation === 'integration' && r.government === 'kota-a' ? { ...r, heeks: { ...r.heeks, success: 1 / 3 } } : r));
    expect(note(model({ ...tables, governmentOutcomes }), 'national-p14')).not.toContain('None of the initiatives');
  });

  it('the shipped scenario codes SPBE integration and the village information system so (docs/NATIONAL.md, P14)', () => {
    const doc = parse(readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'), 'utf8')) as { innovations: Record<string, unknown>[] };
    for (const id of ['spbe-integration', 'village-information']) {
      const s = doc.innovations.find((x) => x['id'] === id)!;
      expect([s['owner'], s['platform'], s['sponsor']], id).toEqual(['coordinator', undefined, undefined]);
    }
  });
});

describe('sustained and success', () => {
  it('the headline tells them apart after P14\'s verdict, with the run\'s sustain_fraction and heeks_success_share (both languages)', () => {
    const en = model(tables).summary;
    const at = en.findIndex((s) => s.startsWith('P14\'s verdict'));
    expect(en[at + 1]).toBe(
      'The headline\'s "sustained" and P14\'s "success" answer different questions. A service is sustained when it is still live at the horizon in at least the share sustain_fraction = 0.5 of the agencies it reached at its peak; it is a success when it is sustained and, besides, at least the share heeks_success_share = 0.5 of its live instances are routinized and used at target. A change that makes a service already sustained settle into routine moves its successes a lot and the sustained shares little. Read the sustained share to ask whether services last, the success share to ask whether they become routine.',
    );
    const id = model({ ...tables, manifest: { ...tables.manifest, parameters: { sustain_fraction: 0.4 } } }, 'id').summary.join('\n');
    expect(id).toContain('"Bertahan" pada ringkasan ini dan "berhasil" pada P14 menjawab pertanyaan yang berbeda.');
    expect(id).toContain('sedikitnya proporsi sustain_fraction = 0,4 dari jumlah perangkat daerah');
  });
});

describe('a government that runs services of its own', () => {
  it('is explained under the government table: offered no national service, its share is of its own (both languages)', () => {
    expect(note(model(tables), 'national-governments')).toContain(
      "Kota Own is offered no national service: it runs its own city scenario (its city block in the scenario file, 2 services of its own), so its share is of those services and not comparable with the others'.",
    );
    expect(note(model(tables, 'id'), 'national-governments')).toContain('Kota Own tidak ditawari layanan nasional: pemerintah daerah ini menjalankan skenario kotanya sendiri');
  });

  it("explains the P14 table's (local services) line: whose services, how many, in how many replications", () => {
    expect(p14).toMatch(/^ {2}\(local services\): .* of 6 /m);
    expect(note(model(tables), 'national-p14')).toContain(
      'The line "(local services)" pools the services governments run of their own (from their city blocks), not the national ones: here Kota Own\'s 2 services in each of 3 replications, 6 outcomes less any replaced',
    );
  });
});

describe('the P14 table', () => {
  it('names its column for what it holds, not after the file', () => {
    const en = model(tables).tables.find((t) => t.id === 'national-p14')!;
    expect(en.columns).toEqual(['P14 measurement (the lines of p14.txt)']);
    expect(model(tables, 'id').tables.find((t) => t.id === 'national-p14')!.columns).toEqual(['pengukuran P14 (baris-baris p14.txt)']);
  });
});

describe('an interval of zero width', () => {
  it('is said in words in the headline and in the tables (both languages)', () => {
    const groupSummary = tables.groupSummary.map((g) => (g.kind === 'all' ? { ...g, share_sustain_none: 0, share_sustain_none_low: 0, share_sustain_none_high: 0 } : g));
    const en = model({ ...tables, groupSummary });
    expect(en.summary.join('\n')).toContain('and 0.0 (0.0 % in every replication) sustain none.');
    expect(en.tables.find((t) => t.id === 'national-types')!.rows[0]!.at(-1)).toBe('same in every replication');
    const id = model({ ...tables, groupSummary }, 'id');
    expect(id.summary.join('\n')).toContain('dan tidak ada pemerintah daerah (0,0% di setiap replikasi) yang tidak mempertahankan satu pun layanannya.');
    expect(id.tables.find((t) => t.id === 'national-types')!.rows[0]!.at(-1)).toBe('sama di setiap replikasi');
  });
});

describe('the lowest governments, mostly programme members', () => {
  /**
   * 30 governments: the fixture's outcome rows as a template, a service every government is offered and sustains
   * in 60 % of its launches, and a pilot only the 10 members of programme "prog" are offered and never sustain.
   */
  function cohortTables(): NationalFolderTables {
    const template = tables.governmentOutcomes.find((r) => r.national)!;
    const summaryTemplate = tables.governmentSummary[0]!;
    const ids = Array.from({ length: 30 }, (_, i) => `kab-${String(i).padStart(2, '0')}`);
    const member = (i: number) => i < 10;
    const governmentSummary: GovernmentSummaryRow[] = ids.map((id, i) => ({
      ...summaryTemplate,
      government: id,
      name: `Kabupaten ${i}`,
      province: 'prov-a',
      type: 'regency',
      cohorts: member(i) ? 'prog-2017' : null,
      // The members below every other government.
      mean_sustained_share: member(i) ? 0.3 + i / 100 : 0.6 + i / 100,
      mean_sustained_share_low: null,
      mean_sustained_share_high: null,
    }));
    const row = (government: string, innovation: string, sustained: number): GovernmentOutcomeRow => ({
      ...template,
      government,
      innovation,
      national: true,
      share_launched: 1,
      share: { ...template.share, sustained },
    });
    const governmentOutcomes = ids.flatMap((id, i) => [row(id, 'common', 0.6), ...(member(i) ? [row(id, 'pilot', 0)] : [])]);
    const manifest = {
      ...tables.manifest,
      // Enough replications for the table of extremes (the report lists no ends below RANK_MIN_REPLICATIONS).
      replications: RANK_MIN_REPLICATIONS,
      services: ['common', 'pilot'],
      cohorts: [{ id: 'prog-2017', programme: 'prog', members: ids.slice(0, 10), from: '2017-01' }],
      names: { services: { pilot: 'Vendor pilot' }, programmes: { prog: 'Programme P' }, regulations: {}, vendors: {}, elections: {} },
    };
    return { ...tables, manifest, governmentSummary, governmentOutcomes };
  }

  it('says how many of the lowest rows are members, and what only the members are offered (both languages)', () => {
    const text = note(model(cohortTables()), 'national-governments');
    expect(text).toContain('10 of the 10 lowest are members of a cohort of Programme P, against 10 of the 30 governments in all.');
    expect(text).toContain('Only the members are offered Vendor pilot [pilot], which is sustained in 0.0 % of its launches (each government and replication)');
    expect(text).toContain(
      "Of all their national services the members sustain 30.0 % and the other governments 60.0 %; of the others alone, 60.0 % and 60.0 % (pooled over launches and replications): the members' lower shares come mostly from the services only they are offered, so do not read these rows as the programme harming its members.",
    );
    // Not "10 dari 10 ...": the sentence follows another, and none starts with a numeral (docs/OUTPUTS.md).
    expect(note(model(cohortTables(), 'id'), 'national-governments')).toContain('Dari 10 pemerintah daerah terendah, 10 adalah anggota kohort Programme P');
  });

  it('no sentence of the Indonesian report starts with a numeral', () => {
    for (const m of [model(tables, 'id'), model(cohortTables(), 'id')]) {
      const prose = [...m.summary, ...m.tables.map((t) => t.note), ...m.charts.flatMap((c) => [c.title, c.caption]), ...m.glossary.map(([term, def]) => `${term}: ${def}`)];
      const starts = prose.flatMap((p) => p.split(/(?<=[.!?])\s+/)).filter((s) => /^\d/.test(s));
      expect(starts).toEqual([]);
    }
  });

  it('says nothing of the programme when the lowest rows are not mostly members', () => {
    const t = cohortTables();
    const governmentSummary = t.governmentSummary.map((g) => ({ ...g, mean_sustained_share: g.cohorts === null ? 0.3 : 0.6 }));
    expect(note(model({ ...t, governmentSummary }), 'national-governments')).not.toContain('lowest are members');
  });
});

describe('the Indonesian wording', () => {
  it('says pemerintah daerah for the governments, and the reviewed sentences, in every sentence of the report', () => {
    const id = model(tables, 'id');
    const all = [...id.summary, ...id.tables.map((t) => t.note), ...id.glossary.flat()].join('\n');
    expect(all).not.toMatch(/pemerintahan/);
    expect(all).not.toMatch(/derau|bertumpang tindih|prakiraan|eksploratif|blok city milik|blok kota/);
    expect(all).toContain('Simulasi ini mencakup 5 pemerintah daerah');
    expect(id.summary.join('\n')).toMatch(/Rata-rata, setiap pemerintah daerah mempertahankan \d+,\d% \([^)]*\) layanan yang diluncurkannya\./);
    expect(all).toContain('angka nasional ini hendaknya dibaca sebagai simulasi pengandaian, bukan proyeksi.');
    expect(all).toContain('blok city (skenario kota) milik');
  });
});
