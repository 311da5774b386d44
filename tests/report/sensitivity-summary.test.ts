/**
 * The sensitivity part of the executive summary, on the Morris results of
 * the shipped Bekasi sensitivity analysis (-r 5): the factors are ranked by
 * mu*, never called influential or distinguishable from zero (mu* averages
 * absolute effects, so noise alone keeps it and its interval above 0),
 * factors whose printed mu* ties are not ranked against each other, and mu*
 * of a share is given in percentage points.
 */
import { describe, expect, test } from 'vitest';
import { runContext } from '../../src/report/charts.js';
import type { MorrisRow, ResultSet, SobolRow } from '../../src/report/rows.js';
import { sensitivitySummary } from '../../src/report/summary.js';
import { fixture, SENSITIVITY_DIR } from './helpers.js';

const MORRIS_CSV = `parameter,outcome,mu,mu_star,sigma,mu_star_conf
parameters.takeover_vendor,live_share,0.00927710843373,0.00975903614458,0.00622295603808,0.00315316998467
parameters.pilot_discontinue,live_share,-0.0103614457831,0.0103614457831,0.0160059181648,0.0101168286873
parameters.champion_rotation,live_share,-0.019156626506,0.019156626506,0.00518834469389,0.00302747648322
parameters.renew_other,live_share,0.00734939759036,0.00734939759036,0.00237253903418,0.00140088579717
parameters.leader_shock,live_share,-0.00385542168675,0.00385542168675,0.00195099723719,0.00117461886085
parameters.takeover_vendor,sustained_count,0,0,0,0
parameters.pilot_discontinue,sustained_count,-0.06,0.06,0.18973665961,0.116932623063
parameters.champion_rotation,sustained_count,-0.18,0.18,0.154919333848,0.100366644144
parameters.renew_other,sustained_count,-0.06,0.18,0.236643191324,0.0929860718833
parameters.leader_shock,sustained_count,-0.06,0.06,0.126491106407,0.0697464043422
parameters.takeover_vendor,routinized_share,0.0001,0.0002,0.0001,0.0003
parameters.champion_rotation,routinized_share,0.0001,0.0004,0.0001,0.0005
`;

function morrisRows(): MorrisRow[] {
  const [head, ...lines] = MORRIS_CSV.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((line) => {
    const c = Object.fromEntries(line.split(',').map((v, i) => [cols[i], v]));
    return { parameter: c['parameter']!, outcome: c['outcome']!, mu: Number(c['mu']), mu_star: Number(c['mu_star']), sigma: Number(c['sigma']), mu_star_conf: Number(c['mu_star_conf']) } as MorrisRow;
  });
}

async function summary(lang: 'en' | 'id'): Promise<string[]> {
  const base = await fixture(SENSITIVITY_DIR);
  const results: ResultSet = { ...base, morris: morrisRows(), sobol: [] };
  return sensitivitySummary(results, runContext(results, lang));
}

describe('sensitivity summary', () => {
  test('the factors are ranked, not tested: no factor is called influential or distinguishable from zero on its mu* interval (noise alone keeps mu* above 0)', async () => {
    for (const lang of ['en', 'id'] as const) {
      const text = (await summary(lang)).join('\n');
      expect(text).not.toMatch(/distinguishable|most influential|dapat dibedakan|paling berpengaruh/);
    }
    const count = (await summary('en')).find((s) => s.startsWith('For services sustained (count)'))!;
    expect(count).toMatch(/Morris screening ranks the factors; it does not test them/);
    expect(count).toMatch(/a factor is not shown to matter by its mu\* interval lying above 0/);
    const id = (await summary('id')).find((s) => s.startsWith('Untuk layanan bertahan (jumlah)'))!;
    expect(id).toMatch(/Penyaringan Morris mengurutkan faktor, tidak mengujinya/);
  });

  test('factors whose printed mu* ties are named as tied, not ranked; at most three groups', async () => {
    const text = await summary('en');
    const count = text.find((s) => s.startsWith('For services sustained (count)'))!;
    expect(count).toMatch(/largest first: champion_rotation \(mu\* 0\.18 ± 0\.10\) and renew_other \(mu\* 0\.18 ± 0\.09\), tied; leader_shock \(mu\* 0\.06 ± 0\.07\) and pilot_discontinue \(mu\* 0\.06 ± 0\.12\), tied; takeover_vendor \(mu\* 0\.00 ± 0\.00\)\./);
    const id = (await summary('id')).find((s) => s.startsWith('Untuk layanan bertahan (jumlah)'))!;
    expect(id).toMatch(/champion_rotation \(mu\* 0,18 ± 0,10\) dan renew_other \(mu\* 0,18 ± 0,09\), setara;/);
  });

  test('mu* of a share is in percentage points, with its interval', async () => {
    const text = await summary('en');
    const live = text.find((s) => s.startsWith('For services in use'))!;
    expect(live).toMatch(/mu\* \(in percentage points\)/);
    expect(live).toMatch(/champion_rotation \(mu\* 1\.9 ± 0\.3 pp\); pilot_discontinue \(mu\* 1\.0 ± 1\.0 pp\) and takeover_vendor \(mu\* 1\.0 ± 0\.3 pp\), tied; renew_other \(mu\* 0\.7 ± 0\.1 pp\)/);
  });
});

describe("Sobol' summary: only factors above the noise floor and 0.05", () => {
  // The reviewer's case (a sensitivity analysis of discontinued-vendor-pilot.yaml, N = 64, R = 10): levers[0].max is
  // ignored by the model, so its indices are 0; the old sentence called it one "explaining most of the variance".
  const sobolRows = (floor: number | null): SobolRow[] => [
    { parameter: 'parameters.takeover_vendor', outcome: 'live_share', S1: 0.961287391765, S1_low: 0.72348299582, S1_high: 1.23745281012, ST: 0.950445328524, ST_low: 0.75076731947, ST_high: 1.19550846384, noise_floor: floor },
    { parameter: 'levers[0].max', outcome: 'live_share', S1: 0, S1_low: 0, S1_high: 0, ST: 0, ST_low: 0, ST_high: 0, noise_floor: floor },
    // At the floor: a factor whose ST is replication noise.
    { parameter: 'parameters.champion_rotation', outcome: 'live_share', S1: 0.01, S1_low: -0.2, S1_high: 0.3, ST: 0.36, ST_low: 0.2, ST_high: 0.5, noise_floor: floor },
  ];
  async function sobolSummary(lang: 'en' | 'id', rows: SobolRow[]): Promise<string> {
    const base = await fixture(SENSITIVITY_DIR);
    const results: ResultSet = { ...base, morris: [], sobol: rows };
    return sensitivitySummary(results, runContext(results, lang)).join('\n');
  }

  test('an ignored factor (total index 0) is not named; nor is one whose interval does not clear the floor', async () => {
    for (const floor of [0.375, null]) {
      const en = await sobolSummary('en', sobolRows(floor));
      expect(en).not.toMatch(/explaining most of the variance/);
      expect(en).not.toMatch(/levers\[0\]\.max/);
      expect(en).toMatch(/takeover_vendor \(total index 0\.95\)/);
      if (floor !== null) {
        expect(en).toMatch(/whose interval lies above the noise floor 0\.375 \(the share of the variance that replication noise gives\) are, largest first: takeover_vendor \(total index 0\.95\)\./);
        expect(en).not.toMatch(/champion_rotation/);
      }
      const id = await sobolSummary('id', sobolRows(floor));
      expect(id).not.toMatch(/paling menjelaskan variasi/);
      expect(id).not.toMatch(/levers\[0\]\.max/);
      expect(id).toMatch(/indeks total minimal 0,05/);
    }
  });

  test('with one replication per point no factor is named: the noise floor cannot be estimated (not a test against 0)', async () => {
    const base = await fixture(SENSITIVITY_DIR);
    const results: ResultSet = { ...base, manifest: { ...base.manifest, replications: 1 }, morris: [], sobol: sobolRows(null) };
    const en = sensitivitySummary(results, runContext(results, 'en')).join('\n');
    expect(en).toMatch(/no factor is named: with one replication per design point .* cannot be estimated/);
    expect(en).not.toMatch(/takeover_vendor/);
    const id = sensitivitySummary(results, runContext(results, 'id')).join('\n');
    expect(id).toMatch(/tidak ada faktor yang disebut: dengan satu replikasi per titik desain/);
  });

  test('when no factor clears, the sentence says so', async () => {
    const rows = sobolRows(0.375).slice(1);
    expect(await sobolSummary('en', rows)).toMatch(/no factor has a total index of at least 0\.05 whose interval lies above the noise floor 0\.375 /);
    expect(await sobolSummary('id', rows)).toMatch(/tidak ada faktor dengan indeks total minimal 0,05/);
  });
});

describe('Morris summary with a noise floor: only factors whose mu* interval lies above it', () => {
  // live_share (a share: pp); floor 0.004 = 0.4 pp for every factor.
  const rows = (floor: number): MorrisRow[] => [
    // Well above: 1.9 ± 0.3 pp.
    { parameter: 'parameters.champion_rotation', outcome: 'live_share', mu: -0.019, mu_star: 0.019, sigma: 0.005, mu_star_conf: 0.003, noise_floor: floor },
    // mu* 0.7 pp is above 0.4 pp, but its interval (0.7 ± 0.5) reaches below it: not named.
    { parameter: 'parameters.renew_other', outcome: 'live_share', mu: 0.007, mu_star: 0.007, sigma: 0.002, mu_star_conf: 0.005, noise_floor: floor },
    // At the floor: a factor whose mu* is replication noise.
    { parameter: 'parameters.leader_shock', outcome: 'live_share', mu: 0.0001, mu_star: 0.0039, sigma: 0.004, mu_star_conf: 0.001, noise_floor: floor },
  ];
  async function morrisSummary(lang: 'en' | 'id', morris: MorrisRow[]): Promise<string> {
    const base = await fixture(SENSITIVITY_DIR);
    const results: ResultSet = { ...base, morris, sobol: [] };
    return sensitivitySummary(results, runContext(results, lang)).join('\n');
  }

  test('a factor at or below the floor is not named, nor one whose interval reaches below it; the floor is given in the unit of mu*', async () => {
    const en = await morrisSummary('en', rows(0.004));
    expect(en).toMatch(
      /^For services in use .*, the factors whose Morris mu\* \(in percentage points\) interval lies above their own noise floor \(the mu\* that replication noise alone gives a factor without effect, measured on the factor's own steps\) are, largest first: champion_rotation \(mu\* 1\.9 ± 0\.3 pp; floor 0\.4 pp\)\.$/,
    );
    expect(en).not.toMatch(/leader_shock|renew_other/);
    const id = await morrisSummary('id', rows(0.004));
    // Reworded on purpose (the noise floor is now defined once, before the first such sentence).
    expect(id).toMatch(/, faktor yang interval mu\*-nya \(dalam poin persentase\) berada di atas batas deraunya, dari yang terbesar: champion_rotation \(mu\* 1,9 ± 0,3 pp; batas derau 0,4 pp\)\.$/);
    expect(id).not.toMatch(/leader_shock|renew_other/);
  });

  test('when no factor clears the floor, the sentence says so; without a floor (one replication, older folders) the ranking stays', async () => {
    expect(await morrisSummary('en', rows(0.03))).toMatch(/no factor has a Morris mu\* whose interval lies above its noise floor \(3\.0 pp: /);
    expect(await morrisSummary('id', rows(0.03))).toMatch(/tidak ada faktor yang interval mu\*-nya berada di atas batas deraunya \(batas derau setiap faktor: 3,0 pp\)\.$/);
    const none = await morrisSummary('en', rows(Number.NaN));
    expect(none).toMatch(/the largest Morris mu\* \(in percentage points\), largest first: champion_rotation .*leader_shock/);
  });

  test('factors with different floors (rounded integer steps): the range', async () => {
    const mixed = rows(0.004).map((r, i) => ({ ...r, noise_floor: i === 2 ? 0.002 : 0.004 }));
    // leader_shock (3.9 ± 1 > 2) now clears its own floor.
    expect(await morrisSummary('en', mixed)).toMatch(/above their own noise floor .* largest first: champion_rotation \(mu\* 1\.9 ± 0\.3 pp; floor 0\.4 pp\); leader_shock \(mu\* 0\.4 ± 0\.1 pp; floor 0\.2 pp\)\.$/);
    // None clears: the range of the floors, in words in Bahasa Indonesia.
    const high = mixed.map((r, i) => ({ ...r, noise_floor: i === 2 ? 0.02 : 0.03 }));
    expect(await morrisSummary('en', high)).toMatch(/above its noise floor \(2\.0–3\.0 pp: /);
    expect(await morrisSummary('id', high)).toMatch(/\(batas derau per faktor: 2,0 pp sampai 3,0 pp\)\.$/);
  });

  test('Bahasa Indonesia defines the noise floor once, in the first paragraph that tests against it; English in each, as before', async () => {
    // Three outcomes, each tested against its floor (the shipped sensitivity report's case).
    const three: MorrisRow[] = ['live_share', 'routinized_share', 'sustained_count'].flatMap((outcome) =>
      rows(0.004).map((r) => ({ ...r, outcome })),
    );
    const id = (await morrisSummary('id', three)).split('\n');
    expect(id).toHaveLength(3);
    const definition = 'Batas derau suatu faktor adalah mu* Morris yang muncul dari derau replikasi saja bila faktor itu tidak berpengaruh';
    expect(id[0]!.startsWith(definition)).toBe(true);
    expect(id.join('\n').split(definition).length - 1).toBe(1);
    expect(id.join('\n')).not.toContain('yang dihasilkan derau replikasi saja');
    for (const paragraph of id.slice(1)) expect(paragraph).toMatch(/^Untuk /);
    const en = (await morrisSummary('en', three)).split('\n');
    for (const paragraph of en) expect(paragraph).toContain("(the mu* that replication noise alone gives a factor without effect, measured on the factor's own steps)");
  });

  test('what is named follows the printed numbers: a factor printed 1.0 ± 0.1 pp is not named above a floor printed 1.0 pp', async () => {
    // mu* 1.04 pp, interval 0.06 pp (printed 1.0 ± 0.1), floor 0.97 pp (printed 1.0): unrounded, 1.04 - 0.06 > 0.97.
    const close: MorrisRow[] = [{ parameter: 'parameters.renew_other', outcome: 'live_share', mu: 0.0104, mu_star: 0.0104, sigma: 0.002, mu_star_conf: 0.0006, noise_floor: 0.0097 }];
    expect(await morrisSummary('en', close)).toMatch(/no factor has a Morris mu\* whose interval lies above its noise floor/);
  });

  test('names three groups and says how many more factors clear their floor, so the list does not read as all of them', async () => {
    const five: MorrisRow[] = [0.05, 0.04, 0.03, 0.02, 0.015].map((m, i) => ({ parameter: `parameters.f${i}`, outcome: 'live_share', mu: m, mu_star: m, sigma: 0.001, mu_star_conf: 0.001, noise_floor: 0.001 }));
    const en = await morrisSummary('en', five);
    expect(en).toMatch(/largest first: f0 .*; f1 .*; f2 \(mu\* 3\.0 ± 0\.1 pp; floor 0\.1 pp\); and 2 more factors above their floor \(the table gives them\)\.$/);
    expect(await morrisSummary('id', five)).toMatch(/; serta 2 faktor lain di atas batas deraunya \(lihat tabel\)\.$/);
    expect(await morrisSummary('en', five.slice(0, 3))).not.toContain('more factor');
  });

  test('without an interval of mu* (bootstrap: 0) nothing is tested against the floor: the ranking sentence', async () => {
    // About half of the factors without effect have a mu* above their floor, its expected value.
    const bare = rows(0.004).map((r) => ({ ...r, mu_star_conf: Number.NaN }));
    const en = await morrisSummary('en', bare);
    expect(en).toMatch(/the largest Morris mu\* \(in percentage points\), largest first: champion_rotation \(mu\* 1\.9 pp\)/);
    expect(en).not.toContain('noise floor');
  });
});
