/**
 * At most MAX_PAIR_DRAWS (200,000,000) pair draws for the Erdos-Renyi
 * networks of a replication. network.ts erdosRenyi draws every pair of its
 * agencies, keyed by their ids (common random numbers): n * (n - 1) / 2
 * draws, about 45 ns each, in every replication. A city of 1,000,000
 * agencies with `network: { type: erdos-renyi, mean_degree: 4 }` (2
 * million links, within MAX_NETWORK_LINKS) passed validation and the run
 * would have drawn for some 6 hours. Such a network is now refused by
 * validation (one line at its type, exit 2, naming the agencies and the
 * most that fit), before anything is built: the tests validate only (the
 * sizes just past the limit passed validation before; the refusal is what
 * is asserted, not the hang).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { MAX_PAIR_DRAWS } from '../../src/scenario/limits.js';
import { maxErdosRenyiAgencies, networkPairDraws } from '../../src/scenario/crossref.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { loadNational } from '../../src/jobs/national.js';
import { compileNational } from '../../src/model/national/compile.js';
import { readNationalFile } from '../../src/store/national-file.js';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { userError } from '../support/errors.js';

const folder = cliTestFolder('difusi-erdos-renyi-cost-');
const SUSTAINED = readFileSync(join(ROOT, 'scenarios', 'sustained-opd-owned.yaml'), 'utf8');
const NATIONAL = readFileSync(fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url)), 'utf8');
const message = (agencies: string) => MESSAGES.network_too_many_pairs(agencies, '20,000', '200,000,000');

/** sustained-opd-owned (2 listed agencies) with `count` generated ones and the network `network` (YAML lines). */
const city = (count: number, network: string) => SUSTAINED.replace('count: 18', `count: ${count}`).replace(/^network:\n  type: hub\n.*\n/m, `network:\n${network}\n`);
/** The issues of a scenario text, as [code, path, line, expected, found] (none when it is accepted). */
const issues = (text: string) => {
  const r = parseScenarioText(text, 'er.yaml');
  return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.'), i.line, i.expected, i.found]);
};
const ER = '  type: erdos-renyi\n  mean_degree: 4';

describe('the pair draws of a city network', () => {
  it('the limit is 200,000,000 pair draws: 20,000 agencies', () => {
    expect(MAX_PAIR_DRAWS).toBe(200_000_000);
    expect(maxErdosRenyiAgencies()).toBe(20_000);
    expect((20_000 * 19_999) / 2).toBeLessThanOrEqual(MAX_PAIR_DRAWS);
    expect((20_001 * 20_000) / 2).toBeGreaterThan(MAX_PAIR_DRAWS);
  });

  it('20,000 agencies on an Erdos-Renyi network pass; 20,001 are refused at network.type, naming them and the most that fit', () => {
    expect(issues(city(19_998, ER))).toEqual([]);
    expect(issues(city(19_999, ER))).toEqual([['network_too_many_pairs', 'network.type', 23, 'small-world or scale-free, or erdos-renyi among at most 20,000 agencies', '"erdos-renyi" among 20,001 agencies']]);
    const r = parseScenarioText(city(19_999, ER), 'er.yaml');
    expect(!r.ok && r.issues[0]!.message).toBe(message('20,001'));
  });

  it('the audit: 1,000,000 agencies of mean degree 4 (2 million links, within the link limit) are refused', () => {
    expect(issues(city(999_998, ER))).toEqual([['network_too_many_pairs', 'network.type', 23, 'small-world or scale-free, or erdos-renyi among at most 20,000 agencies', '"erdos-renyi" among 1,000,000 agencies']]);
  });

  it("a hub's Erdos-Renyi network draws among the other agencies: refused at network.among.type past 20,000 of them", () => {
    const hub = (count: number) => city(count, '  type: hub\n  among: { type: erdos-renyi, mean_degree: 4 }');
    expect(issues(hub(19_999))).toEqual([]);
    expect(issues(hub(20_000))).toEqual([['network_too_many_pairs', 'network.among.type', 24, 'small-world or scale-free, or erdos-renyi among at most 20,000 agencies', '"erdos-renyi" among 20,001 agencies']]);
  });

  it('small-world and scale-free networks of as many agencies pass (they cost in proportion to their links); one problem per network', () => {
    expect(issues(city(99_998, '  type: small-world\n  degree: 4\n  rewire: 0.1'))).toEqual([]);
    expect(issues(city(99_998, '  type: scale-free\n  links: 2'))).toEqual([]);
    // Too many links as well: the link limit is said, not this one too.
    expect(issues(city(99_998, '  type: erdos-renyi\n  mean_degree: 99999')).map((i) => i[0])).toEqual(['network_too_many_links']);
  });

  it('the shipped city scenarios are accepted and draw no pairs', () => {
    for (const name of ['bekasi-2015-2025', 'sustained-opd-owned', 'discontinued-vendor-pilot']) {
      const r = parseScenarioText(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), `${name}.yaml`);
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(networkPairDraws(r.scenario)).toBe(0);
    }
  });
});

describe('on the command line', () => {
  it('validate and run refuse the file in one line at the network type, exit 2, before any work: no result folder', async () => {
    const file = join(folder(), 'er.yaml');
    writeFileSync(file, city(99_998, ER));
    const expected = `✗ ${file}:23:9 ${message('100,000')} → at network.type (expected small-world or scale-free, or erdos-renyi among at most 20,000 agencies, found "erdos-renyi" among 100,000 agencies)`;
    expect(refusedInOneLine(await runInProcess(['validate', file]))).toBe(expected);
    const out = join(folder(), 'out1');
    expect(refusedInOneLine(await runInProcess(['run', file, '-r', '1', '-w', '1', '--no-charts', '--out', out]))).toBe(expected);
    expect(existsSync(out)).toBe(false);
  });

  it('under --lang id the whole line is in Bahasa Indonesia (what is expected and what was found too)', async () => {
    // Their English "expected" and "found" kept the Indonesian message from the command line (an English line).
    const file = join(folder(), 'er-id.yaml');
    writeFileSync(file, city(99_998, ER));
    const line = refusedInOneLine(await runInProcess(['validate', file, '--lang', 'id']));
    expect(line).toBe(
      `✗ ${file}:23:9 Jaringan Erdos-Renyi mengundi setiap pasangan dari 100.000 perangkat daerahnya; paling banyak 20.000 perangkat daerah yang muat (200.000.000 undian pasangan, sekitar 10 detik pada setiap replikasi, batas pengaman waktu); jaringan small-world atau scale-free berbiaya sebanding dengan jumlah tautannya → di network.type (seharusnya small-world atau scale-free, atau erdos-renyi di antara paling banyak 20.000 perangkat daerah, ditemukan "erdos-renyi" di antara 100.000 perangkat daerah)`,
    );
  });

  it('a --set that makes the network an Erdos-Renyi one of too many agencies is refused naming the --set', async () => {
    const file = join(folder(), 'sustained.yaml');
    writeFileSync(file, SUSTAINED);
    const out = join(folder(), 'out2');
    const line = refusedInOneLine(await runInProcess(['run', file, '--set', 'opds.generate.count=30000', '--set', 'network={type: erdos-renyi, mean_degree: 4}', '-r', '1', '--no-charts', '--out', out]));
    expect(line).toBe(`✗ override network: ${message('30,002')} → at network.type (expected small-world or scale-free, or erdos-renyi among at most 20,000 agencies, found "erdos-renyi" among 30,002 agencies)`);
    expect(existsSync(out)).toBe(false);
    const among = refusedInOneLine(await runInProcess(['validate', file, '--set', 'opds.generate.count=30000', '--set', 'network.among.type=erdos-renyi', '--set', 'network.among.mean_degree=4']));
    expect(among).toBe(`✗ override network.among.type: ${message('30,001')} → at network.among.type (expected small-world or scale-free, or erdos-renyi among at most 20,000 agencies, found "erdos-renyi" among 30,001 agencies)`);
  });
});

describe("a national scenario's governments", () => {
  const cityOf = (count: number) => `city: { opds: { generate: { count: ${count} }, list: [{ id: kominfo, type: dinas, coordinator: true }] }, network: { type: erdos-renyi, mean_degree: 4 } } }`;

  it("a government whose Erdos-Renyi network has too many agencies is refused at that government's network type, as a city file's", () => {
    const file = join(folder(), 'national.yaml');
    writeFileSync(file, NATIONAL.replace('districts: 4, fiscal_capacity: 0.9 }', `districts: 4, fiscal_capacity: 0.9, ${cityOf(20_000)}`));
    const [issue, ...rest] = userError(() => loadNational(file)).issues;
    expect(rest).toEqual([]);
    expect([issue!.code, issue!.path.join('.'), issue!.found]).toEqual(['network_too_many_pairs', 'governments.3.city.network.type', '"erdos-renyi" among 20,001 agencies']);
    expect(issue!.message).toContain(message('20,001'));
  });

  it("all governments' Erdos-Renyi networks together, built in every replication: refused at the network of the one that passes the limit", () => {
    const file = join(folder(), 'national-together.yaml');
    writeFileSync(
      file,
      NATIONAL.replace('districts: 8, fiscal_capacity: 0.3 }', `districts: 8, fiscal_capacity: 0.3, ${cityOf(14_999)}`).replace('districts: 4, fiscal_capacity: 0.9 }', `districts: 4, fiscal_capacity: 0.9, ${cityOf(14_999)}`),
    );
    const [issue, ...rest] = userError(() => loadNational(file)).issues;
    expect(rest).toEqual([]);
    // Each government's 112,492,500 pair draws pass alone; the two together do not (the others' networks are complete: no draws).
    // In the shape of the link and agency totals: the message, its place and what was found apart (no "Invalid value:").
    expect([issue!.code, issue!.path.join('.'), issue!.message, issue!.found]).toEqual([
      'too_many_pairs',
      'governments.3.city.network',
      MESSAGES.too_many_pairs('200,000,000', '20,000'),
      '224,985,000 pair draws with government "kota-c"',
    ]);
  });

  it('the Indonesian national scenario is accepted: its networks draw no pairs', () => {
    const file = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');
    let pairs = 0;
    let governments = 0;
    compileNational(readNationalFile(file).scenario, undefined, (_g, scenario) => {
      pairs += networkPairDraws(scenario);
      governments++;
    });
    expect(governments).toBe(552);
    expect(pairs).toBe(0);
  });
});
