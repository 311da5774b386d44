/**
 * Session 39's tester read the national report of a two-replication run:
 * (1) its table of the 10 highest and 10 lowest governments ranked 552
 * governments from 2 replications (Kota Pangkal Pinang 85.7 %, interval
 * 0.0–100.0 %), while the province section of the same page names no
 * province below RANK_MIN_REPLICATIONS; (2) `difusi national` warned that
 * two mandates and the smart-city programme's strength do nothing in the
 * scenario, and the report never said so (it listed both as mandates in
 * "Names and ids"); (6) "Names and ids" listed a programme's three cohorts
 * under one identical name. Now the ends are listed only from
 * RANK_MIN_REPLICATIONS replications (the headline says why and how many),
 * the run records its warnings in manifest.json (English and Indonesian)
 * and the report passes them on, and a cohort is named with the month it
 * joins. English and Indonesian.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder, type NationalFolderTables } from '../../src/store/national-tables.js';
import { inertEntries, nationalReportModel, RANK_MIN_REPLICATIONS } from '../../src/report/national-report.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'unfunded-mandate.yaml');
let tables: NationalFolderTables;
beforeAll(async () => {
  assertBuilt();
  // No onWarning: the run records its warnings in the manifest all the same (a report is written from the folder).
  const r = await executeNationalRun({ file: FIXTURE, outRoot: tempDir('difusi-nwarn-'), workers: 1, replications: 2, command: 'test' });
  tables = await readNationalFolder(r.dir);
});

const model = (t: NationalFolderTables, lang: 'en' | 'id' = 'en') => nationalReportModel({ tables: t, p14: '', charts: [] }, lang);
/** 25 governments (more than the 20 the table of ends shows), in a folder of `replications`. */
function many(replications: number): NationalFolderTables {
  const governmentSummary = Array.from({ length: 25 }, (_, i) => ({ ...tables.governmentSummary[i % tables.governmentSummary.length]!, government: `g${i}`, name: `G ${i}`, mean_sustained_share: 1 - i / 50 }));
  return { ...tables, manifest: { ...tables.manifest, replications }, governmentSummary };
}

describe('the governments at both ends', () => {
  it(`are not listed below ${RANK_MIN_REPLICATIONS} replications: the headline says why and from how many (both languages)`, () => {
    const en = model(many(2));
    expect(en.tables.some((t) => t.id === 'national-governments')).toBe(false);
    const said = en.summary.find((s) => s.startsWith('This report does not list the 10 governments with the highest'))!;
    expect(said).toContain("with 2 replications a government's mean rests on 2 draws");
    expect(said).toContain(`It lists them only from ${RANK_MIN_REPLICATIONS} replications on, as it names a province (run again with -r ${RANK_MIN_REPLICATIONS} or more); government_summary.csv holds every government's mean and interval.`);
    const id = model(many(2), 'id');
    expect(id.tables.some((t) => t.id === 'national-governments')).toBe(false);
    expect(id.summary.some((s) => s.startsWith('Laporan ini tidak mendaftar 10 pemerintah daerah') && s.includes(`baru mendaftarnya mulai ${RANK_MIN_REPLICATIONS} replikasi`))).toBe(true);
  });

  it(`are listed from ${RANK_MIN_REPLICATIONS} replications on, and every government is listed when all fit in the table`, () => {
    const en = model(many(RANK_MIN_REPLICATIONS));
    expect(en.tables.find((t) => t.id === 'national-governments')!.rows).toHaveLength(20);
    expect(en.summary.some((s) => s.startsWith('This report does not list'))).toBe(false);
    // The fixture's few governments: all of them, not ends, so listed at 2 replications.
    expect(model(tables).tables.find((t) => t.id === 'national-governments')!.rows).toHaveLength(tables.governmentSummary.length);
  });
});

describe("the run's scenario warnings", () => {
  it('are recorded in manifest.json in English and Indonesian', () => {
    const en = tables.manifest['warnings'] as string[];
    const id = tables.manifest['warnings_id'] as string[];
    expect(en.some((w) => /^national_regulations\[0\] "[^"]+": money is false, .*, so it does nothing:/.test(w))).toBe(true);
    expect(id).toHaveLength(en.length);
    expect(id.some((w) => w.includes('money bernilai false') && w.includes('tidak berdampak apa pun'))).toBe(true);
  });

  it('are said in the headline, listed in their own table, and marked beside the mandate in the names table (both languages)', () => {
    const en = model(tables);
    const mandate = Object.values((tables.manifest['names'] as { regulations: Record<string, string> }).regulations)[0]!;
    expect(en.summary.some((s) => s.startsWith('Before the run, difusi national warned of') && s.includes(`${mandate} is a mandate of the scenario but does nothing in this run`))).toBe(true);
    const table = en.tables.find((t) => t.id === 'national-warnings')!;
    expect(table.title).toBe('Scenario warnings');
    expect(table.rows.map((r) => r[0])).toEqual(tables.manifest['warnings']);
    const names = en.tables.find((t) => t.id === 'national-names')!;
    expect(names.rows.find((r) => r[0] === 'national regulation (mandate)')![1]).toBe(`${mandate} (does nothing in this run: see the scenario warnings)`);
    const id = model(tables, 'id');
    expect(id.summary.some((s) => s.startsWith('Sebelum simulasi, difusi national memberi') && s.includes('tidak berdampak apa pun dalam simulasi ini'))).toBe(true);
    expect(id.tables.find((t) => t.id === 'national-warnings')!.rows.map((r) => r[0])).toEqual(tables.manifest['warnings_id']);
  });

  it("a programme's strength that does nothing is said as such: joining still launches its services", () => {
    const line = 'programmes[0] "prog": strength is 0.3 but money is false, and no member government has national money for "x" while it is a member (funding: national, or a funded mandate or programme there), so the strength does nothing: ...';
    const inert_entries = [{ code: 'unfunded_programme_inert', kind: 'programme', id: 'prog', services: ['x'] }];
    const t = { ...tables, manifest: { ...tables.manifest, warnings: [line], warnings_id: [line], inert_entries, cohorts: [{ id: 'prog-2018', programme: 'prog', members: [], from: '2018-05' }], names: { ...(tables.manifest['names'] as object), programmes: { prog: 'Programme P' } } } };
    const en = model(t);
    expect(en.summary.some((s) => s.includes("the strength of Programme P's regulation does nothing (joining still launches the services)"))).toBe(true);
    const rows = en.tables.find((x) => x.id === 'national-names')!.rows;
    expect(rows.find((r) => r[0] === 'programme')![1]).toBe("Programme P (its regulation's strength does nothing in this run, joining still launches the services: see the scenario warnings)");
  });

  it('are escaped as every scenario string is, and a folder that records none says nothing of them', async () => {
    const t = { ...tables, manifest: { ...tables.manifest, warnings: ['innovations[0] "<script>x</script>": odd'], warnings_id: ['innovations[0] "<script>x</script>": aneh'] } };
    const html = renderHtml(model(t), {});
    expect(html).not.toContain('<script>x</script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(renderMarkdown(model(t))).not.toContain('<script>x</script>');
    const { warnings: _w, warnings_id: _i, ...older } = tables.manifest;
    const m = model({ ...tables, manifest: older });
    expect(m.tables.some((x) => x.id === 'national-warnings')).toBe(false);
    expect(m.summary.some((s) => s.includes('warned'))).toBe(false);
  });
});

describe('the names table', () => {
  it("names each cohort with the month it joins, so that a programme's cohorts are told apart (both languages)", () => {
    const cohorts = ['2017-05', '2018-05'].map((from, i) => ({ id: `c${i}`, programme: 'prog', members: [], from }));
    const t = { ...tables, manifest: { ...tables.manifest, cohorts, names: { ...(tables.manifest['names'] as object), programmes: { prog: 'Programme P' } } } };
    const rows = (lang: 'en' | 'id', kind: string) => model(t, lang).tables.find((x) => x.id === 'national-names')!.rows.filter((r) => r[0] === kind).map((r) => r[1]);
    expect(rows('en', 'programme cohort')).toEqual(['Programme P, cohort joining 2017-05', 'Programme P, cohort joining 2018-05']);
    expect(rows('id', 'kohort program')).toEqual(['Programme P, kohort yang bergabung 2017-05', 'Programme P, kohort yang bergabung 2018-05']);
  });
});

describe('the provinces chart', () => {
  it('tells the types apart by dash as well as colour, explains the line at 0.5, and orders its panels as the province table', async () => {
    const { nationalProvincesSpec } = await import('../../src/report/specs/national-provinces.js');
    // Province codes in the table's order, names not alphabetical.
    const names = new Map([['31', 'Provinsi DKI Jakarta'], ['11', 'Provinsi Aceh'], ['94', 'Provinsi Papua']]);
    const rows = [...names.keys()].flatMap((p) => [
      { government: p, province: p, type: 'province', sustainedShare: 0.5 },
      { government: `${p}.01`, province: p, type: 'regency', sustainedShare: 0.25 },
      { government: `${p}.71`, province: p, type: 'city', sustainedShare: 0.75 },
    ]);
    const spec = nationalProvincesSpec(rows, names, 2) as unknown as { facet: { sort: string[]; header: { labelFontSize: number } }; spec: { encoding: Record<string, { scale: { range: unknown[] } }> }; title: { subtitle: string[] } };
    expect(spec.facet.sort).toEqual(['DKI Jakarta', 'Aceh', 'Papua']);
    expect(spec.facet.header.labelFontSize).toBeGreaterThanOrEqual(11);
    expect(new Set(spec.spec.encoding['strokeDash']!.scale.range.map((d) => JSON.stringify(d))).size).toBe(3);
    expect(spec.title.subtitle.join(' ')).toContain('grey line at 0.5: half of its launched services sustained');
    const id = nationalProvincesSpec(rows, names, 2, 'id') as unknown as { title: { subtitle: string[] } };
    expect(id.title.subtitle.join(' ')).toContain('garis abu-abu pada 0,5');
  });
});

describe('the inert mandates and programmes (manifest.json inert_entries)', () => {
  const said = (t: NationalFolderTables) => model(t).summary.some((s) => s.startsWith('Before the run, difusi national warned of') && s.includes('is a mandate of the scenario but does nothing in this run'));

  it('are recorded as data after warnings_id: code, kind, id and the services each does nothing for', () => {
    expect(Object.keys(tables.manifest).slice(-3)).toEqual(['warnings', 'warnings_id', 'inert_entries']);
    expect(tables.manifest['inert_entries']).toEqual([{ code: 'unfunded_mandate_inert', kind: 'regulation', id: 'permit-mandate', services: ['e-permit'] }]);
  });

  it("are read from the entries, not the wording: a warning reworded changes nothing the report finds", () => {
    expect(said(tables)).toBe(true);
    const reword = (w: string) => w.replace('so it does nothing', 'which is why it has no effect').replace(/^national_regulations\[0\]/, 'mandate #1');
    const reworded = (tables.manifest['warnings'] as string[]).map(reword);
    expect(reworded).not.toEqual(tables.manifest['warnings']);
    const t = { ...tables, manifest: { ...tables.manifest, warnings: reworded, warnings_id: reworded } };
    expect(inertEntries(t.manifest)).toEqual([{ kind: 'regulation', id: 'permit-mandate', partly: false }]);
    expect(said(t)).toBe(true);
    // A partly_ code is a mandate that acts for some other service.
    const partly = [{ code: 'unfunded_mandate_partly_inert', kind: 'regulation', id: 'permit-mandate', services: ['e-permit'] }];
    expect(inertEntries({ ...t.manifest, inert_entries: partly })).toEqual([{ kind: 'regulation', id: 'permit-mandate', partly: true }]);
    // Entries say none: none, whatever the lines say.
    expect(inertEntries({ ...tables.manifest, inert_entries: [] })).toEqual([]);
  });

  it('are read from the English lines in a folder written before the entries were recorded', () => {
    const { inert_entries: _e, ...older } = tables.manifest;
    expect(inertEntries(older)).toEqual([{ kind: 'regulation', id: 'permit-mandate', partly: false }]);
    expect(said({ ...tables, manifest: older })).toBe(true);
  });
});
