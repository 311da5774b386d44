/**
 * At most MAX_NETWORK_LINKS (10,000,000) peer links in one agency network,
 * as its generator's parameters give them. `degree`, `mean_degree` and
 * `links` were checked only against the number of agencies: `degree: 99998`
 * among 100,002 agencies passed validation, and the run failed after 14 s
 * with an internal error (RangeError: Set maximum size exceeded), leaving a
 * .partial folder; 20,000 agencies of degree 19,998 took 4.6 GB before V8
 * aborted. Each is now refused by validation (one line at the parameter,
 * exit 2), before anything is built: the tests validate only, nothing runs.
 * A complete network stores no links, so many agencies on one are accepted.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { MAX_NETWORK_LINKS } from '../../src/scenario/limits.js';
import { networkLinks } from '../../src/scenario/crossref.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { loadNational } from '../../src/jobs/national.js';
import { compileNational } from '../../src/model/national/compile.js';
import { readNationalFile } from '../../src/store/national-file.js';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { userError } from '../support/errors.js';

const folder = cliTestFolder('difusi-network-links-');
const SUSTAINED = readFileSync(join(ROOT, 'scenarios', 'sustained-opd-owned.yaml'), 'utf8');
const NATIONAL = readFileSync(fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url)), 'utf8');
const LIMIT = MAX_NETWORK_LINKS.toLocaleString('en-US');

/** sustained-opd-owned (2 listed agencies) with `count` generated ones and the network `network` (YAML lines), as the audit built them. */
const city = (count: number, network?: string) => {
  const text = SUSTAINED.replace('count: 18', `count: ${count}`);
  return network === undefined ? text : text.replace(/^network:\n  type: hub\n.*\n/m, `network:\n${network}\n`);
};
/** The issues of a scenario text, as [code, path, expected, found] (none when it is accepted). */
const issues = (text: string) => {
  const r = parseScenarioText(text, 'dense.yaml');
  return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.'), i.expected, i.found]);
};

describe('the peer links of a city network', () => {
  it('the limit is 10,000,000, below the 2^24 entries of a JavaScript Set', () => {
    expect(MAX_NETWORK_LINKS).toBe(10_000_000);
    expect(MAX_NETWORK_LINKS).toBeLessThan(2 ** 24);
  });

  it('a hub whose small world is too dense (the audit: 100,002 agencies of degree 99,998): refused at network.among.degree, naming the links', () => {
    const r = parseScenarioText(city(100_000, `  type: hub\n  among: { type: small-world, degree: 99998, rewire: 0.1 }`), 'dense.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path.join('.'), i.line, i.message, i.expected, i.found])).toEqual([
      ['network_too_many_links', 'network.among.degree', 24, MESSAGES.network_too_many_links('degree', '5,000,050,000', LIMIT), 'an even integer <= 196', '99998'],
    ]);
  });

  it('the largest degree the message names passes, the next even one is refused (100,001 links of the hub counted)', () => {
    const among = (degree: number) => city(100_000, `  type: hub\n  among: { type: small-world, degree: ${degree}, rewire: 0.1 }`);
    expect(issues(among(196))).toEqual([]);
    expect(issues(among(198))).toEqual([['network_too_many_links', 'network.among.degree', 'an even integer <= 196', '198']]);
  });

  it('20,000 agencies of degree 19,998 (the V8 abort): refused', () => {
    expect(issues(SUSTAINED.replace('count: 18', 'count: 20000').replace('degree: 4,', 'degree: 19998,'))).toEqual([
      ['network_too_many_links', 'network.among.degree', 'an even integer <= 996', '19998'],
    ]);
  });

  it('an Erdos-Renyi or scale-free network as dense: refused at mean_degree or links', () => {
    expect(issues(city(100_000, '  type: erdos-renyi\n  mean_degree: 99999'))).toEqual([['network_too_many_links', 'network.mean_degree', 'a number <= 199', '99999']]);
    // Its links fit; 100,002 agencies are too many for an Erdos-Renyi network's pair draws (erdos-renyi-cost.test.ts), which only then are said.
    expect(issues(city(100_000, '  type: erdos-renyi\n  mean_degree: 199')).map((i) => i[0])).toEqual(['network_too_many_pairs']);
    expect(issues(city(100_000, '  type: scale-free\n  links: 99999'))).toEqual([['network_too_many_links', 'network.links', 'an integer <= 100', '99999']]);
    expect(issues(city(100_000, '  type: scale-free\n  links: 100'))).toEqual([]);
    expect(issues(city(100_000, '  type: scale-free\n  links: 101'))).toEqual([['network_too_many_links', 'network.links', 'an integer <= 100', '101']]);
  });

  it('a parameter too large for the agencies gets that one problem, not this one too', () => {
    expect(issues(city(100_000, '  type: scale-free\n  links: 200000'))).toEqual([['network_too_dense', 'network.links', 'an integer < 100002', '200000']]);
  });

  it('a complete network stores no links: 100,002 agencies on one are accepted, and so is a hub with a complete "among"', () => {
    expect(issues(city(100_000, '  type: complete'))).toEqual([]);
    expect(issues(city(100_000, '  type: hub\n  among: { type: complete }'))).toEqual([]);
    const r = parseScenarioText(city(100_000, '  type: complete'), 'complete.yaml');
    expect(r.ok && networkLinks(r.scenario)).toBe(0);
  });

  it('the shipped city scenarios are accepted, with networks of at most 126 links (Bekasi)', () => {
    for (const name of ['bekasi-2015-2025', 'sustained-opd-owned', 'discontinued-vendor-pilot']) {
      const r = parseScenarioText(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), `${name}.yaml`);
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(networkLinks(r.scenario)).toBeLessThanOrEqual(126);
    }
  });
});

describe('on the command line', () => {
  it('validate and run refuse the file in one line, exit 2, before any work: no result folder', async () => {
    const file = join(folder(), 'dense.yaml');
    writeFileSync(file, SUSTAINED.replace('count: 18', 'count: 100000').replace('degree: 4,', 'degree: 99998,'));
    const expected = `✗ ${file}:24:39 ${MESSAGES.network_too_many_links('degree', '5,000,050,000', LIMIT)} → at network.among.degree (expected an even integer <= 196, found 99998)`;
    expect(refusedInOneLine(await runInProcess(['validate', file]))).toBe(expected);
    const out = join(folder(), 'out1');
    expect(refusedInOneLine(await runInProcess(['run', file, '-r', '1', '-w', '1', '--no-charts', '--out', out]))).toBe(expected);
    expect(existsSync(out)).toBe(false);
  });

  it('a --set that makes the network too dense is refused naming the --set', async () => {
    const file = join(folder(), 'sustained.yaml');
    writeFileSync(file, SUSTAINED);
    const out = join(folder(), 'out2');
    const line = refusedInOneLine(
      await runInProcess(['run', file, '--set', 'opds.generate.count=100000', '--set', 'network={type: erdos-renyi, mean_degree: 99999}', '-r', '1', '--no-charts', '--out', out]),
    );
    expect(line).toBe(`✗ override network: ${MESSAGES.network_too_many_links('mean_degree', '5,000,049,999', LIMIT)} → at network.mean_degree (expected a number <= 199, found 99999)`);
    expect(existsSync(out)).toBe(false);
    const degree = refusedInOneLine(await runInProcess(['validate', file, '--set', 'opds.generate.count=100000', '--set', 'network.among.degree=300']));
    expect(degree).toMatch(/^✗ override network\.among\.degree: degree gives the network about 15,100,151 peer links, .* → at network\.among\.degree \(expected an even integer <= 196, found 300\)$/);
  });
});

describe("a national scenario's governments", () => {
  it("a government whose city network is too dense is refused at that government's field, as a city file's", () => {
    const file = join(folder(), 'national.yaml');
    writeFileSync(
      file,
      NATIONAL.replace(
        'districts: 4, fiscal_capacity: 0.9 }',
        'districts: 4, fiscal_capacity: 0.9, city: { opds: { generate: { count: 20000 }, list: [{ id: kominfo, type: dinas, coordinator: true }] }, network: { type: hub, among: { type: small-world, degree: 19998, rewire: 0.1 } } } }',
      ),
    );
    const [issue, ...rest] = userError(() => loadNational(file)).issues;
    expect(rest).toEqual([]);
    expect([issue!.code, issue!.path.join('.'), issue!.expected, issue!.found]).toEqual(['network_too_many_links', 'governments.3.city.network.among.degree', 'an even integer <= 998', '19998']);
    expect(issue!.message).toContain(MESSAGES.network_too_many_links('degree', '200,000,000', LIMIT));
  });

  it('all governments\' networks together, held at once by a replication: refused at the network of the one that passes the limit', () => {
    const file = join(folder(), 'national-together.yaml');
    const city = (g: string) =>
      `${g} city: { opds: { generate: { count: 20000 }, list: [{ id: kominfo, type: dinas, coordinator: true }] }, network: { type: hub, among: { type: small-world, degree: 600, rewire: 0.1 } } } }`;
    writeFileSync(file, NATIONAL.replace('districts: 8, fiscal_capacity: 0.3 }', city('districts: 8, fiscal_capacity: 0.3,')).replace('districts: 4, fiscal_capacity: 0.9 }', city('districts: 4, fiscal_capacity: 0.9,')));
    const [issue, ...rest] = userError(() => loadNational(file)).issues;
    expect(rest).toEqual([]);
    // Each government's 6,020,000 links pass alone; the two together do not (the others' networks are complete: none stored).
    // In the city file's shape: the message, then (after the place) what was found; it was "Invalid value: ... (found ...)".
    expect([issue!.code, issue!.path.join('.'), issue!.message, issue!.found]).toEqual([
      'too_many_links',
      'governments.3.city.network',
      MESSAGES.too_many_links(LIMIT),
      '12,040,000 links with government "kota-c"',
    ]);
  });

  it('the Indonesian national scenario is accepted: its networks have 71,967 links together', () => {
    const file = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');
    let links = 0;
    compileNational(readNationalFile(file).scenario, undefined, (_g, scenario) => (links += networkLinks(scenario)));
    expect(links).toBe(71_967);
  });
});
