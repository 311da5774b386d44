/**
 * The national level (docs/NATIONAL.md) on a four-government scenario
 * written from the docs: national money moves every government, an unfunded
 * mandate moves none, a vendor's exit strikes every government it serves,
 * a government's draws do not depend on the others, worker counts give the
 * same bytes, bad input is one placed line.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational, NationalCompileError, type NationalModel } from '../../src/model/national/compile.js';
import { initNational, nationalPhase, simulateNationalReplication, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { CAUSE, STATE, isLive } from '../../src/model/world.js';
import { monthIndex } from '../../src/scenario/calendar.js';
import { executeNationalMerge, executeNationalRun, loadNational } from '../../src/jobs/national.js';
import { UserError, formatIssues } from '../../src/messages/catalog.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const raw = () => parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
const build = (edit: (s: Record<string, unknown>) => void = () => undefined): NationalModel => {
  const input = raw();
  edit(input);
  return compileNational(nationalSchema.parse(input) as NationalScenario);
};
const REPS = [0, 1, 2, 3, 4, 5];

/** Per government, the agencies that ever adopted `service`, summed over REPS (via peak live counts). */
function everAdopters(model: NationalModel, service: string): number[] {
  const sums = model.governments.map(() => 0);
  for (const r of REPS) {
    const res = simulateNationalReplication(model, model.scenario.seed, r);
    res.outcomes.forEach((rows, gi) => {
      const row = rows.find((o) => o.innovation === service);
      if (row) sums[gi] += row.heeks_success + row.heeks_partial + row.heeks_failure + row.heeks_replaced;
    });
  }
  return sums;
}

const mandate = (money: boolean) => (s: Record<string, unknown>) => {
  s['national_regulations'] = [{ id: 'mandate', from: '2017-01', strength: 1, anchors: ['mandated-service'], money }];
};

describe('national mandates', () => {
  // Built on first use inside a test, not while the file is collected: code run
  // at collection time counts as "static" for mutation testing, which then
  // reruns every test for every mutant of the model.
  let cached: { model: NationalModel; adopters: number[] } | undefined;
  const baselineRun = () => (cached ??= { model: build(), adopters: everAdopters(build(), 'mandated-service') });

  it('a mandate with money moves every government', () => {
    const { model: baseline, adopters: base } = baselineRun();
    const funded = everAdopters(build(mandate(true)), 'mandated-service');
    baseline.governments.forEach((g, gi) => {
      expect(funded[gi], g.id).toBeGreaterThan(base[gi]! + 2);
    });
  });

  it('a mandate without money moves none: every government gives the same outcomes and series', () => {
    const { model: baseline } = baselineRun();
    const unfunded = build(mandate(false));
    for (const r of [0, 1]) {
      const a = simulateNationalReplication(baseline, 11, r);
      const b = simulateNationalReplication(unfunded, 11, r);
      expect(b.outcomes).toEqual(a.outcomes);
      expect(Array.from(b.series)).toEqual(Array.from(a.series));
    }
  });

  it('an unfunded mandate does count where national money arrives with a funded one', () => {
    const both = build((s) => {
      s['national_regulations'] = [
        { id: 'paper', from: '2017-01', strength: 1, anchors: ['mandated-service'], money: false },
        { id: 'money-only', from: '2017-01', strength: 0, anchors: ['mandated-service'], money: true },
      ];
    });
    const moneyOnly = build((s) => {
      s['national_regulations'] = [{ id: 'money-only', from: '2017-01', strength: 0, anchors: ['mandated-service'], money: true }];
    });
    const a = everAdopters(both, 'mandated-service').reduce((x, y) => x + y, 0);
    const b = everAdopters(moneyOnly, 'mandated-service').reduce((x, y) => x + y, 0);
    expect(a).toBeGreaterThan(b);
  });
});

describe('shared vendors', () => {
  it("a vendor's exit ends its pilots in every government it served, and nowhere else", () => {
    // Governments launch the vendor's service at once (a high launch rate), so every one it serves has it live.
    const model = build((s) => {
      s['national_parameters'] = { gov_launch_base: 120 };
      // A strong vision and a low early hazard, so that every served government
      // still has the pilot live at the exit (the precondition of this test).
      s['parameters'] = { ...(s['parameters'] as object), vision_init: 0.8, h0_other: 0.06 };
    });
    const exit = monthIndex(model.scenario.start, '2018-06');
    let struckTotal = 0;
    for (const r of [0, 1, 2]) {
      const run = initNational(model, model.scenario.seed, r);
      // Instances of the vendor's service live and not owned by their agency just before the exit.
      const struck: number[][] = [];
      const liveBefore: number[] = [];
      for (let month = 1; month <= exit; month++) {
        if (month === exit) {
          run.worlds.forEach((w, gi) => {
            const j = model.governments[gi]!.model.innovations.findIndex((x) => x.id === 'vendor-app');
            struck[gi] = [];
            liveBefore[gi] = 0;
            for (let o = 0; j >= 0 && o < w.n; o++) {
              if (!isLive(w.state[o * w.k + j]!)) continue;
              liveBefore[gi]!++;
              // An agency that took the service over from the vendor keeps it (city model, vendor exit).
              if (!w.owned[o * w.k + j]) struck[gi]!.push(o * w.k + j);
            }
          });
        }
        nationalPhase(model, run, month);
        for (const w of run.worlds) step(w, month);
        tallyServices(model, run);
      }
      model.governments.forEach((g, gi) => {
        const w = run.worlds[gi]!;
        if (g.id === 'kota-c') {
          expect(g.model.innovations.findIndex((x) => x.id === 'vendor-app')).toBe(-1);
          return;
        }
        expect(liveBefore[gi], `${g.id} had the pilot live before the exit`).toBeGreaterThan(0);
        struckTotal += struck[gi]!.length;
        for (const i of struck[gi]!) {
          expect(w.state[i], g.id).toBe(STATE.discontinued);
          expect(w.cause[i], g.id).toBe(CAUSE.vendor_exit);
          expect(w.endedAt[i], g.id).toBe(exit);
        }
      });
    }
    expect(struckTotal).toBeGreaterThan(20);
  });
});

describe('governments are independent in their draws', () => {
  it('adding a government in another province leaves the others unchanged', () => {
    const before = build();
    const after = build((s) => {
      (s['governments'] as unknown[]).push({ id: 'kab-d', type: 'regency', province: 'prov-d', districts: 6 });
    });
    for (const r of [0, 3]) {
      const a = simulateNationalReplication(before, 11, r);
      const b = simulateNationalReplication(after, 11, r);
      expect(b.outcomes.slice(0, 4)).toEqual(a.outcomes);
    }
  });

  it('a government in the same province changes its peers (the network is real)', () => {
    const before = build();
    const after = build((s) => {
      (s['governments'] as unknown[]).push({ id: 'kab-e', type: 'regency', province: 'prov-a', districts: 6 });
    });
    expect(Array.from(after.governments[1]!.peers)).toContain(4);
    expect(Array.from(before.governments[1]!.peers)).not.toContain(4);
  });
});

describe('diffusion between governments', () => {
  /** Mean month in which governments launched `service` (the horizon + 1 when they did not). */
  function meanLaunch(model: NationalModel, service: string): number {
    let sum = 0;
    let count = 0;
    for (const r of REPS) {
      const run = initNational(model, 11, r);
      for (let month = 1; month <= model.months; month++) {
        nationalPhase(model, run, month);
        for (const w of run.worlds) step(w, month);
        tallyServices(model, run);
      }
      model.governments.forEach((g, gi) => {
        const j = g.model.innovations.findIndex((x) => x.id === service);
        if (j < 0) return;
        const at = run.worlds[gi]!.national!.launchedAt[j]!;
        sum += at < 0 ? model.months + 1 : at;
        count++;
      });
    }
    return sum / count;
  }

  it('imitation and competition make governments launch earlier than their own rate alone', () => {
    const alone = build((s) => {
      s['national_parameters'] = { gov_launch_base: 0.3, gov_imitation: 0, gov_competition: 0 };
    });
    const peers = build((s) => {
      s['national_parameters'] = { gov_launch_base: 0.3, gov_imitation: 3, gov_competition: 3 };
    });
    expect(meanLaunch(peers, 'e-office')).toBeLessThan(meanLaunch(alone, 'e-office') - 3);
  });

  it('agencies become aware of a national service only after their government launched it', () => {
    const model = build((s) => {
      s['national_parameters'] = { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0 };
    });
    const run = initNational(model, 11, 0);
    for (let month = 1; month <= 24; month++) {
      nationalPhase(model, run, month);
      for (const w of run.worlds) step(w, month);
    }
    for (const [gi, w] of run.worlds.entries()) {
      const j = model.governments[gi]!.model.innovations.findIndex((x) => x.id === 'e-office');
      expect(w.national!.launchedAt[j]).toBe(-1);
      for (let o = 0; o < w.n; o++) expect(w.state[o * w.k + j]).toBe(STATE.unaware);
    }
  });
});

describe('scenario syntax', () => {
  it('election cycles give each government its heads; cohorts select by fiscal capacity', () => {
    const model = build();
    const kotaA = model.governments[1]!;
    expect(kotaA.model.leaders.map((l) => [l.id, l.from])).toEqual([
      ['c2018-head-1', monthIndex('2016-01', '2013-09')],
      ['c2018-head-2', monthIndex('2016-01', '2018-09')],
    ]);
    expect(model.governments[2]!.model.leaders).toEqual([]);
    // kota-a listed; one more by fiscal capacity among regencies and cities: kota-c (0.9) over kab-b (0.3).
    expect(model.cohorts[0]!.members.map((g) => model.governments[g]!.id)).toEqual(['kota-a', 'kota-c']);
    // kecamatan agencies from districts; the coordinator is one of the dinas.
    expect(kotaA.model.opds.filter((o) => o.type === 'kecamatan')).toHaveLength(5);
    expect(kotaA.model.opds.filter((o) => o.type === 'dinas')).toHaveLength(8);
    expect(kotaA.model.opds[kotaA.model.coordinator]!.id).toBe('kominfo');
  });

  it('a bad reference is one clear issue naming file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const bad = join(dir, 'bad.yaml');
    const text = readFileSync(FIXTURE, 'utf8').replace('members: [kota-a]', 'members: [kota-zz]');
    writeFileSync(bad, text);
    try {
      loadNational(bad);
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const msg = formatIssues((error as UserError).issues);
      expect(msg).toContain('bad.yaml');
      expect(msg).toContain('kota-zz');
      expect((error as UserError).issues[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('kota-zz')) + 1);
    }
  });

  it('unknown ids in selectors, anchors and cohorts are errors, not silent no-ops', () => {
    expect(() => build((s) => void (s['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 1, anchors: ['no-such-service'] }]))).toThrow(/no-such-service/);
    expect(() =>
      build((s) => void (s['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 1, governments: { except: ['kota-zz'] } }])),
    ).toThrow(/kota-zz/);
    expect(() => build((s) => void (s['government_network'] = { pioneers: { cohorts: ['nope'] } }))).toThrow(/nope/);
  });

  it("a national service's unknown vendor is named at the national entry, with the vendor it most likely meant", () => {
    // A government's city scenario holds only the vendors its services use, so
    // a check left to it said that no vendor was defined at all.
    const typo = (s: Record<string, unknown>) => {
      const services = s['innovations'] as Record<string, unknown>[];
      services.find((x) => x['vendor'] === 'cloudco')!['vendor'] = 'cloudcoo';
    };
    expect(() => build(typo)).toThrow('Unknown vendor "cloudcoo" (did you mean "cloudco"?)');
    expect(() => build(typo)).not.toThrow(/none is defined/);
    expect(() =>
      build((s) => void (s['national_regulations'] = [{ id: 'm', from: '2017-01', strength: 1, governments: { ids: ['kota-aa'] } }])),
    ).toThrow('Unknown government "kota-aa" (did you mean "kota-a"?)');
    // A cohort member too.
    expect(() =>
      build((s) => void ((s['programmes'] as Record<string, any>[])[0]!['cohorts'][0]['members'] = ['kota-aa'])),
    ).toThrow('Unknown government "kota-aa" (did you mean "kota-a"?)');
    // A city entry that is not a mapping is the city check's error (placed), not a crash.
    for (const list of ['vendors', 'innovations', 'platforms']) {
      expect(() => build((s) => void ((s['governments'] as Record<string, unknown>[])[1]!['city'] = { [list]: [null] })), list).toThrow(
        new RegExp(`kota-a.*Wrong type`),
      );
      try {
        build((s) => void ((s['governments'] as Record<string, unknown>[])[1]!['city'] = { [list]: [null] }));
      } catch (e) {
        expect(e, list).toBeInstanceOf(NationalCompileError);
        expect((e as NationalCompileError).path, list).toEqual(['governments', 1, 'city', list, 0]);
      }
    }
  });

  it('a city block may not set the national calendar or seed', () => {
    expect(() =>
      build((s) => {
        (s['governments'] as Record<string, unknown>[])[1]!['city'] = { months: 12 };
      }),
    ).toThrow(/"months" is set for the whole national scenario/);
  });

  it('a government whose city block is invalid is reported under governments[i]', () => {
    expect(() =>
      build((s) => {
        (s['governments'] as Record<string, unknown>[])[3]!['city'] = { regulations: [{ from: '2017-01', strength: 2 }] };
      }),
    ).toThrow(/kota-c/);
  });
});

describe('national run folder', () => {
  it('is the same bytes on 1 and 2 workers', async () => {
    const out1 = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const out2 = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const a = await executeNationalRun({ file: FIXTURE, outRoot: out1, workers: 1, replications: 4, command: 'test' });
    const b = await executeNationalRun({ file: FIXTURE, outRoot: out2, workers: 2, replications: 4, command: 'test' });
    const files = readdirSync(a.dir).filter((f) => f.endsWith('.csv') || f.endsWith('.txt')).sort();
    expect(files).toEqual(['government_outcomes.csv', 'government_shares.csv', 'government_summary.csv', 'group_summary.csv', 'national_replications.csv', 'national_series.csv', 'national_spread.csv', 'p14.txt']);
    for (const f of files) expect(readFileSync(join(b.dir, f), 'utf8'), f).toBe(readFileSync(join(a.dir, f), 'utf8'));
    const outcomes = readFileSync(join(a.dir, 'government_outcomes.csv'), 'utf8').trim().split('\n');
    expect(outcomes).toHaveLength(1 + 3 + 3 + 3 + 2);
    // The vendor's exit shows in every government it served, and in none other.
    const header = outcomes[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    for (const line of outcomes.slice(1)) {
      const cells = line.split(',');
      const exits = Number(cells[col('mean_discontinued_vendor_exit')]);
      if (cells[col('innovation')] === 'vendor-app') expect(exits, cells[0]).toBeGreaterThan(0);
      else expect(exits, `${cells[0]} ${cells[col('innovation')]}`).toBe(0);
    }
  });

  it('shards merged give the same table bytes as one run; missing or duplicate shards are user errors', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const one = await executeNationalRun({ file: FIXTURE, outRoot: join(out, 'one'), workers: 1, replications: 5, command: 'test' });
    const parts: string[] = [];
    for (const index of [0, 1, 2]) {
      const r = await executeNationalRun({ file: FIXTURE, outRoot: join(out, 'parts'), workers: 1, replications: 5, command: 'test', shard: { index, count: 3 } });
      parts.push(r.dir);
    }
    const merged = await executeNationalMerge(parts, join(out, 'merged'), 'test', false);
    const files = readdirSync(one.dir).filter((f) => f.endsWith('.csv') || f.endsWith('.txt')).sort();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(readFileSync(join(merged.dir, f), 'utf8'), f).toBe(readFileSync(join(one.dir, f), 'utf8'));
    await expect(executeNationalMerge(parts.slice(0, 2), join(out, 'm2'), 'test', false)).rejects.toThrow(UserError);
    await expect(executeNationalMerge([...parts, parts[0]!], join(out, 'm3'), 'test', false)).rejects.toThrow(UserError);
  });

  it('--detail writes the agents of the chosen governments only; an unknown id is a user error', async () => {
    const out = mkdtempSync(join(tmpdir(), 'difusi-national-'));
    const r = await executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 2, command: 'test', detail: ['kota-c'] });
    const rows = readFileSync(join(r.dir, 'government_agents.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('replication,government,opd,type,theta,category,capacity,champion,first_adoption_month,realized_category');
    expect(rows.slice(1).every((l) => l.startsWith('0,kota-c,'))).toBe(true);
    expect(rows).toHaveLength(1 + 16);
    await expect(executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 1, command: 'test', detail: ['nowhere'] })).rejects.toThrow(UserError);
    // A typo is answered with the government it most likely meant.
    await expect(executeNationalRun({ file: FIXTURE, outRoot: out, workers: 1, replications: 1, command: 'test', detail: ['kota-aa'] })).rejects.toThrow(
      'Unknown government "kota-aa" for --detail (did you mean "kota-a"?)',
    );
  });
});

