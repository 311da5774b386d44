/**
 * The national folder's outputs (docs/NATIONAL.md, "Outputs"): the tables
 * defined once and read back by their definitions, each file's checksum and
 * row count in the manifest (a tampered file is a user error, as for a city
 * folder), and the mandate's replacement wave: replacements and
 * integrations per month, counted against the instances themselves, in
 * national_series.csv and its chart.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { initNational, nationalPhase, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { CAUSE, isLive } from '../../src/model/world.js';
import { monthIndex } from '../../src/scenario/calendar.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { readNationalFolder, NATIONAL_SERIES } from '../../src/store/national-tables.js';
import { nationalReplacementsSpec } from '../../src/report/specs/national-replacements.js';
import { UserError } from '../../src/messages/catalog.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const BAN_FROM = '2019-01';
/** The fixture with a national ban on standalone applications from BAN_FROM (as Perpres 82/2023). */
const withBan = (ban: boolean): Record<string, unknown> => {
  const s = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  if (ban) {
    s['national_regulations'] = [
      { id: 'ban', name: 'Standalone ban', from: BAN_FROM, strength: 0.5, anchors: ['e-office'], bans_standalone: true, money: false },
    ];
    // A strong replacement pressure, so that the wave is large in four governments.
    s['parameters'] = { ...(s['parameters'] as object), ban_replacement: 1.5 };
  }
  return s;
};
const build = (s: Record<string, unknown>): NationalModel => compileNational(nationalSchema.parse(s) as NationalScenario);
const scenarioFile = (s: Record<string, unknown>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'difusi-national-out-'));
  const file = join(dir, 'small-national.yaml');
  writeFileSync(file, stringify(s));
  return file;
};

describe('national tables', () => {
  it('keep their columns, are read back by their definitions, and the manifest records each checksum and row count', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const r = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 3, command: 'test', detail: ['kota-c'] });
    const header = (f: string) => readFileSync(join(r.dir, f), 'utf8').split('\n')[0];
    // The columns as they were before the table definitions (an interface): same names, same order.
    expect(header('national_spread.csv')).toBe('replication,governments,sustain_most,sustain_none,mean_sustained_share,sd_sustained_share');
    // Their 95 % intervals are appended at the end (tests/national/intervals.test.ts), then the province's name (tests/national/province-names.test.ts).
    expect(header('group_summary.csv')).toBe(
      'group,kind,governments,mean_sustained_share,share_sustain_most,share_sustain_none,heeks_success,heeks_partial,heeks_total_failure,heeks_replaced' +
        ',mean_sustained_share_low,mean_sustained_share_high,share_sustain_most_low,share_sustain_most_high,share_sustain_none_low,share_sustain_none_high' +
        ',province_name',
    );
    expect(header('government_summary.csv')).toBe(
      'government,name,province,type,election_cycle,cohorts,agencies,services,replications,mean_sustained_share,share_sustain_most,share_sustain_none,heeks_success,heeks_partial,heeks_total_failure,heeks_replaced' +
        ',mean_sustained_share_low,mean_sustained_share_high,province_name',
    );
    expect(header('government_outcomes.csv')).toBe(
      'government,name,province,type,innovation,national,replications,share_sustained,share_declining,share_discontinued,share_never_adopted,' +
        'heeks_success,heeks_partial,heeks_total_failure,heeks_replaced,mean_peak_live,mean_live_end,mean_first_adoption_month,share_launched,' +
        'mean_discontinued_defunded,mean_discontinued_vendor_exit,mean_discontinued_disenchantment,mean_discontinued_hazard,mean_discontinued_leadership,mean_discontinued_replacement,province_name',
    );
    // The replacement wave's two columns are appended at the end.
    expect(header('national_series.csv')).toBe(
      'month,date,group,innovation,governments_offering,governments_live_share,governments_ever_share,mean_replacements,mean_integrations',
    );
    // A new file, written after the others: each government's share in each replication (the spread chart counts them).
    expect(header('government_shares.csv')).toBe('replication,government,sustained_share');
    const read = await readNationalFolder(r.dir);
    const manifest = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.checksums).sort()).toEqual(
      ['government_agents.csv', 'government_outcomes.csv', 'government_shares.csv', 'government_summary.csv', 'group_summary.csv', 'national_series.csv', 'national_spread.csv', 'p14.txt', 'national_replications.csv'].sort(),
    );
    // Files keep their place in the manifest's list; the new ones come after them.
    expect(manifest.files).toEqual([
      'government_outcomes.csv', 'government_summary.csv', 'group_summary.csv', 'national_spread.csv', 'national_series.csv', 'government_agents.csv', 'p14.txt', 'government_shares.csv', 'national_replications.csv', 'manifest.json',
    ]);
    // One row per (replication, government), replication by replication; each replication's mean is national_spread.csv's.
    expect(read.shares!.map((x) => `${x.replication}:${x.government}`)).toEqual([0, 1, 2].flatMap((rep) => ['prov-a', 'kota-a', 'kab-b', 'kota-c'].map((g) => `${rep}:${g}`)));
    for (const row of read.spread) {
      const mine = read.shares!.filter((x) => x.replication === row.replication).map((x) => x.sustained_share);
      expect(mine.reduce((a, b) => a + b, 0) / mine.length).toBeCloseTo(row.mean_sustained_share, 10);
      expect(mine.filter((x) => x === 0).length).toBeLessThanOrEqual(row.sustain_none);
    }
    expect(manifest.rows['government_outcomes.csv']).toBe(read.governmentOutcomes.length);
    expect(manifest.rows['national_series.csv']).toBe(read.series.length);
    expect(manifest.rows['government_agents.csv']).toBe(16);
    expect(read.spread.map((x) => x.replication)).toEqual([0, 1, 2]);
    expect(read.governmentSummary.map((g) => g.government)).toEqual(['prov-a', 'kota-a', 'kab-b', 'kota-c']);
    // Parsed rows are the tally's numbers (format and parse agree).
    const kotaA = read.governmentOutcomes.find((g) => g.government === 'kota-a' && g.innovation === 'e-office')!;
    expect(kotaA.national).toBe(true);
    expect(kotaA.share.sustained + kotaA.share.declining + kotaA.share.discontinued + kotaA.share.never_adopted).toBeCloseTo(kotaA.share_launched, 9);
    expect(read.agents.every((a) => a.government === 'kota-c')).toBe(true);
    expect(read.series.every((x) => x.mean_replacements !== null && x.mean_integrations !== null)).toBe(true);
  });

  it('a tampered, truncated or missing file is a user error naming it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const r = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 2, command: 'test' });
    await expect(readNationalFolder(r.dir)).resolves.toBeDefined();
    const series = join(r.dir, 'national_series.csv');
    const text = readFileSync(series, 'utf8');
    // One digit changed.
    const at = text.indexOf('\n2,') + 1;
    writeFileSync(series, text.slice(0, at) + '3' + text.slice(at + 1));
    await expect(readNationalFolder(r.dir)).rejects.toThrow(/national_series\.csv/);
    await expect(readNationalFolder(r.dir)).rejects.toThrow(UserError);
    // Truncated: the last line gone, and the checksum taken out of the manifest (a hand-made copy): the row count still catches it.
    writeFileSync(series, text.split('\n').slice(0, -2).join('\n') + '\n');
    const manifestFile = join(r.dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    delete manifest.checksums['national_series.csv'];
    writeFileSync(manifestFile, JSON.stringify(manifest));
    await expect(readNationalFolder(r.dir)).rejects.toThrow(/national_series\.csv.*rows/);
    // Restored, it reads again (the checks are not failing on everything).
    writeFileSync(series, text);
    await expect(readNationalFolder(r.dir)).resolves.toBeDefined();
    writeFileSync(join(r.dir, 'government_summary.csv'), 'government\n');
    await expect(readNationalFolder(r.dir)).rejects.toThrow(/government_summary\.csv/);
  });
});

describe("the mandate's replacement wave", () => {
  it('counts, per government and month, the instances replaced and the live standalone instances integrated', () => {
    const model = build(withBan(true));
    let replacedTotal = 0;
    let integratedTotal = 0;
    for (const r of [0, 1]) {
      const run = initNational(model, 11, r);
      // The test's own record of each instance at the last month's end: live, and integrated.
      const liveBefore = run.worlds.map((w) => new Uint8Array(w.n * w.k));
      const integratedBefore = run.worlds.map((w) => new Uint8Array(w.n * w.k));
      for (let month = 1; month <= model.months; month++) {
        nationalPhase(model, run, month);
        for (const w of run.worlds) step(w, month);
        tallyServices(model, run);
        run.worlds.forEach((w, gi) => {
          const g = model.governments[gi]!;
          for (let s = 0; s < model.services.length; s++) {
            const j = g.serviceIndex[s]!;
            if (j < 0) continue;
            let replaced = 0;
            let integrated = 0;
            for (let o = 0; o < w.n; o++) {
              const i = o * w.k + j;
              if (w.cause[i] === CAUSE.replacement && w.endedAt[i] === month) replaced++;
              const live = isLive(w.state[i]!) && w.eligible[i] === 1;
              if (live && w.integrated[i] && liveBefore[gi]![i] && !integratedBefore[gi]![i]) integrated++;
            }
            expect(run.replaced[gi * model.services.length + s], `${g.id} ${model.services[s]} month ${month}`).toBe(replaced);
            expect(run.integrated[gi * model.services.length + s], `${g.id} ${model.services[s]} month ${month}`).toBe(integrated);
            replacedTotal += replaced;
            integratedTotal += integrated;
          }
          for (let i = 0; i < w.n * w.k; i++) {
            liveBefore[gi]![i] = isLive(w.state[i]!) && w.eligible[i] === 1 ? 1 : 0;
            integratedBefore[gi]![i] = w.integrated[i] ? 1 : 0;
          }
        });
      }
    }
    // Not vacuous: both happen in this scenario.
    expect(replacedTotal).toBeGreaterThan(20);
    expect(integratedTotal).toBeGreaterThan(5);
  });

  it('national_series.csv shows the wave from the ban on, sums to the outcomes, and the chart marks the ban', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const R = 4;
    const ban = await executeNationalRun({ file: scenarioFile(withBan(true)), outRoot: join(out, 'ban'), workers: 1, replications: R, command: 'test', charts: true, report: 'id' });
    const none = await executeNationalRun({ file: scenarioFile(withBan(false)), outRoot: join(out, 'none'), workers: 1, replications: R, command: 'test' });
    const a = await readNationalFolder(ban.dir);
    const b = await readNationalFolder(none.dir);
    const from = monthIndex(ban.scenario.start, BAN_FROM);
    const total = (rows: typeof a.series, pick: (m: number) => boolean) =>
      rows.filter((x) => x.group === 'all' && pick(x.month)).reduce((s, x) => s + x.mean_replacements!, 0);
    // Before the ban the two runs are the same month by month; from it on, the ban replaces.
    const before = (rows: typeof a.series) => rows.filter((x) => x.month < from).map((x) => NATIONAL_SERIES.format(x).join(','));
    expect(before(a.series)).toEqual(before(b.series));
    expect(total(a.series, (m) => m >= from)).toBeGreaterThan(total(b.series, (m) => m >= from) + 5);
    // The first months of the ban replace more than any month before it.
    const month = (rows: typeof a.series, m: number) => total(rows, (x) => x === m);
    const peakBefore = Math.max(...Array.from({ length: from - 1 }, (_, i) => month(a.series, i + 1)));
    expect(month(a.series, from)).toBeGreaterThan(peakBefore);
    // Per service, the months' replacements add up to the replacements in government_outcomes.csv (counted by the city model).
    for (const service of ['e-office', 'mandated-service']) {
      const fromSeries = a.series.filter((x) => x.group === 'all' && x.innovation === service).reduce((s, x) => s + x.mean_replacements!, 0);
      const fromOutcomes = a.governmentOutcomes
        .filter((g) => g.innovation === service)
        .reduce((s, g) => s + g.mean_discontinued.replacement, 0);
      expect(fromSeries, service).toBeCloseTo(fromOutcomes, 9);
    }
    // The chart: written next to the other national charts, the ban's start marked.
    const svg = join(ban.dir, 'charts', 'national-replacements.svg');
    expect(existsSync(svg)).toBe(true);
    expect(readFileSync(svg, 'utf8')).toContain('Standalone ban');
    const spec = JSON.stringify(nationalReplacementsSpec([], [{ id: 'ban', name: 'Standalone ban', date: BAN_FROM }], R));
    expect(spec).toContain(`"${BAN_FROM}-01"`);
    expect(spec).toContain('"rule"');
    // With a ban the report and its charts, in both languages, speak of the ban's wave, not of its absence
    // (tests/national/report.test.ts: without one).
    expect(readFileSync(svg, 'utf8')).toContain('dashed: a ban starts');
    // Before a ban starts the bars are agencies' double-loop replacements: the subtitle says so, not "under a ban" alone.
    expect(readFileSync(svg, 'utf8')).toMatch(/bars: replaced \(from a ban.s start mostly under it; before it, by an agency.s double loop\)/);
    expect(readFileSync(join(ban.dir, 'charts.id', 'national-replacements.svg'), 'utf8')).toContain('putus-putus: larangan mulai berlaku');
    const md = readFileSync(join(ban.dir, 'report.id.md'), 'utf8');
    expect(md).toContain('dimigrasikan per bulan (sejak larangan aplikasi mandiri berlaku, terutama karena larangan itu; sebelumnya, dan di sampingnya, karena pembelajaran dua putaran perangkat daerah)');
    expect(md).not.toContain('sehingga tidak ada gelombang migrasi');
    // The event is a migration (dimigrasikan); "diganti" is only the Heeks class.
    expect(md).toContain('### Gelombang migrasi');
    expect(md).not.toMatch(/penggantian/i);
    const waveId = readFileSync(join(ban.dir, 'charts.id', 'national-replacements.svg'), 'utf8');
    expect(waveId).toContain('Gelombang migrasi: aplikasi mandiri yang dimigrasikan dan diintegrasikan, per bulan');
    expect(waveId).toContain('batang: dimigrasikan ke layanan penerus (sejak larangan berlaku terutama karenanya; sebelumnya karena pembelajaran dua putaran)');
    expect(waveId).not.toMatch(/penggantian|>diganti</i);
  });
});
