/**
 * `difusi odd`: the generated ODD protocol gives this scenario's counts, marks
 * the parameters it changes, and shows scenario strings as text, never as
 * markup (scenario files are data).
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts), whose working folder is the repository's, as
 * the process's was: the tests read its output and the file it writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oddProtocol } from '../../src/odd/protocol.js';
import { mdCell } from '../../src/odd/markdown.js';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { PARAMETER_SPECS } from '../../src/scenario/parameters.js';
import { fullInput } from '../scenario/helpers.js';
import { assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

function full(overrides: Record<string, unknown> = {}): Scenario {
  const r = validateWithOverrides(fullInput(), overrides, 'full.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

/** The row of a Markdown table whose first cell is `first`, split into cells. */
function row(markdown: string, first: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (line === undefined) throw new Error(`no row ${first}`);
  return splitRow(line);
}

/** Cells of a table row, honouring backslash-escaped pipes. */
function splitRow(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('oddProtocol (tests/fixtures/scenarios/full.yaml)', () => {
  // full.yaml: 6 generated agencies typed {dinas: 2, kecamatan: 1} by largest remainder (opd1-4 dinas,
  // opd5-6 kecamatan); listed: kominfo (dinas, new) and opd3 (badan, replaces a generated dinas).
  const text = oddProtocol(full());

  it('counts the entities of this scenario', () => {
    expect(row(text, 'agencies (OPD)').slice(0, 2)).toEqual(['agencies (OPD)', '7']);
    expect(row(text, 'agencies (OPD)')[2]).toMatch(/^4 dinas, 1 badan, 2 kecamatan; 6 generated, 2 listed; coordinator `kominfo`; 1 with a named champion/);
    expect(row(text, 'innovations (e-services)').slice(1)).toEqual(['3', '1 owned by an agency, 1 owned by the coordinator, 1 owned by the vendor; 1 pilot-funded']);
    expect(row(text, 'leaders')[1]).toBe('3');
    expect(row(text, 'regulations')[1]).toBe('2');
    expect(row(text, 'vendors')[1]).toBe('1');
    expect(row(text, 'platforms')[1]).toBe('2');
    expect(row(text, 'budget shocks')).toEqual(['budget shocks', '2', '2017-01 to 2017-12: B = 0.7; 2019-03 to 2019-06: B = 0.5']);
    expect(row(text, 'peer network')[2]).toBe('hub: the coordinator linked to every agency, small-world (degree 2, rewiring 0.1) among the others; 1 explicit edge; undirected');
    // e-office: dinas, badan and kominfo are eligible: 4 + 1 (kominfo is a dinas, counted once) = 5;
    // the other two are open to all 7: 5 + 7 + 7 instances.
    expect(row(text, 'service instances')[1]).toBe('19');
  });

  it('gives the schedule: pilot end and vendor contract end', () => {
    expect(text).toContain('| 2016-06 | pilot of `smart-city-app` ends (take-over, withdrawal or lapse) |');
    expect(text).toContain("| 2017-06 | vendor `acme`'s contract ends |");
    expect(text).toContain('| 2018-03 | leader `acting-mayor` takes office |');
  });

  it("shows a platform that shuts with its custodian vendor, in its row and in the schedule (model/events.ts: the vendor's exit shuts it)", () => {
    // acme-cloud is in acme's custody; without its active_until (2021-01, past the horizon) it has no end of its own.
    // acme's contract ends 2017-06.
    const own = oddProtocol(full({ 'platforms[1].active_until': null }));
    expect(own).toContain('| platform | `acme-cloud` | custodian `acme`; shuts with `acme` in 2017-06 |');
    // Right after the vendor's own row, in the month of its exit.
    expect(own).toContain("| 2017-06 | vendor `acme`'s contract ends |\n| 2017-06 | platform `acme-cloud` shuts with vendor `acme` |");
    // The coordinator's platform has no end.
    expect(own).toContain('| platform | `city-portal` | custodian the coordinator; no end date |');
  });

  it("a platform's own active_until before its vendor's exit is when it shuts; after it, the vendor's exit still shuts it first", () => {
    // As full.yaml has it: active until 2021-01, after acme's exit.
    expect(text).toContain('| platform | `acme-cloud` | custodian `acme`; active until 2021-01, but shuts with `acme` in 2017-06 |');
    expect(text).toContain('| 2017-06 | platform `acme-cloud` shuts with vendor `acme` |');
    const later = oddProtocol(full({ 'platforms[1].active_until': '2018-12' }));
    expect(later).toContain('| platform | `acme-cloud` | custodian `acme`; active until 2018-12, but shuts with `acme` in 2017-06 |');
    expect(later).not.toContain('| 2019-01 | platform `acme-cloud` shuts |');
    const earlier = oddProtocol(full({ 'platforms[1].active_until': '2016-12' }));
    expect(earlier).toContain('| platform | `acme-cloud` | custodian `acme`; active until 2016-12 |');
    expect(earlier).toContain('| 2017-01 | platform `acme-cloud` shuts |');
    expect(earlier).not.toContain('shuts with vendor');
    // A contract past the horizon (2019-12) would shut the platform then, outside the schedule.
    const past = oddProtocol(full({ 'platforms[1].active_until': null, 'vendors[0].contract_end': '2021-06' }));
    expect(past).toContain('| platform | `acme-cloud` | custodian `acme`; shuts with `acme` in 2021-06 (after the horizon) |');
    expect(past).not.toContain('shuts with vendor');
  });

  it('marks the parameters the scenario changes, with value, default, unit and source', () => {
    // full.yaml sets t_owner 0.25, t_users 0.05, and takeover_vendor 0.35 and
    // readopt_months null, which equal their defaults (so they are not changes).
    const changed = PARAMETER_SPECS.filter((s) => ['t_owner', 't_users'].includes(s.name));
    for (const spec of changed) {
      const cells = row(text, `\`${spec.name}\``);
      expect(cells[2]).toBe(String(spec.default));
      expect(cells[3]).toBe('changed');
      expect(cells[4]).toBe(mdCell(spec.unit));
    }
    expect(row(text, '`takeover_vendor`').slice(1, 4)).toEqual(['0.35', '0.35', '']);
    expect(row(text, '`readopt_months`').slice(1, 4)).toEqual(['off', 'off', '']);
    expect(row(text, '`bass_p`').slice(5)).toEqual(['7.2 awareness', 'literature: Sultan, Farley and Lehmann 1990 (mean innovation coefficient)']);
    expect(text).toContain('changes 2 parameters from the defaults');
    // Every parameter has a row.
    for (const spec of PARAMETER_SPECS) expect(text).toContain(`| \`${spec.name}\` |`);
  });

  it("shows an innovation's own takeover in bold, and otherwise the parameter that decides", () => {
    expect(row(text, '`smart-city-app`').at(-1)).toBe('takeover_vendor');
    expect(row(oddProtocol(full({ 'innovations[1].takeover': 0.8 })), '`smart-city-app`').at(-1)).toBe('**0.8**');
  });

  it("names in the sponsor column the leaders who list the innovation in their sponsors, beside its own sponsor field", () => {
    // smart-city-app: sponsor leader, and mayor-1 lists it; e-office: sponsor none and no leader lists it.
    expect(row(text, '`smart-city-app`')[7]).toBe('leader; also leader `mayor-1`');
    expect(row(text, '`e-office`')[7]).toBe('none');
    // The field alone says none, yet mayor-1 pulls its adoption from 2015-01 (model/events.ts).
    expect(row(oddProtocol(full({ 'innovations[1].sponsor': 'none' })), '`smart-city-app`')[7]).toBe('leader `mayor-1`');
    const two = oddProtocol(full({ 'innovations[1].sponsor': 'none', 'leaders[2].sponsors': ['smart-city-app'] }));
    expect(row(two, '`smart-city-app`')[7]).toBe('leaders `mayor-1`, `mayor-2`');
  });

  it("gives each leader's last month in office as the events phase runs it: before the successor, its own to, or the horizon", () => {
    // mayor-1 until acting-mayor (2018-03), acting-mayor until mayor-2 (2018-09), mayor-2 to the horizon (month 60, 2019-12).
    expect(row(text, '`mayor-1`')[3]).toBe('2018-02 (then `acting-mayor`)');
    expect(row(text, '`acting-mayor`')[3]).toBe('2018-08 (then `mayor-2`)');
    expect(row(text, '`mayor-2`')[3]).toBe('the horizon (2019-12)');
    // A `to` before the successor leaves the office vacant; a `to` inside the run ends the last term; one after it does not.
    const vacant = oddProtocol(full({ 'leaders[0].to': '2017-06', 'leaders[2].to': '2019-06' }));
    expect(row(vacant, '`mayor-1`')[3]).toBe('2017-06 (then vacant until `acting-mayor`)');
    expect(row(vacant, '`mayor-2`')[3]).toBe('2019-06 (then vacant)');
    expect(row(oddProtocol(full({ 'leaders[2].to': '2030-01' })), '`mayor-2`')[3]).toBe('the horizon (2019-12)');
    // A `to` after the successor's arrival: the successor ends the term.
    expect(row(oddProtocol(full({ 'leaders[0].to': '2019-01' })), '`mayor-1`')[3]).toBe('2018-02 (then `acting-mayor`)');
  });

  it('escapes Markdown and HTML in scenario strings', () => {
    const hostile = full({
      description: '<script>alert(1)</script> **bold** [link](http://evil.example) | pipe\n# heading',
      'innovations[0].name': 'E | office <img src=x onerror=alert(1)> _x_',
      'regulations[0].name': '`code` & [x](y)',
    });
    const out = oddProtocol(hostile);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toMatch(/(?<!\\)\[link\]\(/);
    expect(out).not.toMatch(/^# heading/m);
    expect(out).not.toMatch(/(?<!\\)\*\*bold/);
    // The innovation's row keeps its 12 columns despite the pipe in its name.
    const cells = row(out, '`e-office`');
    expect(cells).toHaveLength(12);
    expect(cells[1]).toBe('E \\| office &lt;img src=x onerror=alert(1)&gt; \\_x\\_');
  });
});

describe('difusi odd (CLI)', () => {
  it('writes the protocol to --out, whole, and prints nothing on stdout', async () => {
    assertBuilt();
    const dir = tempDir('difusi-odd-');
    const out = join(dir, 'sub', 'odd.md');
    const r = await runInProcess(['odd', 'tests/fixtures/scenarios/full.yaml', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# ODD protocol: full-example\n/);
    // The protocol is pasted into papers: no link, and no path of the machine that wrote it.
    expect(text).toContain('(docs/MODEL.md section 11)');
    expect(text).not.toMatch(/\]\(/);
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain('../');
    expect(text).toContain('scenario file `full.yaml`');
  });

  it('a bad scenario: one message, exit 2, no file', async () => {
    const dir = tempDir('difusi-odd-');
    const out = join(dir, 'odd.md');
    const r = await runInProcess(['odd', 'tests/fixtures/scenarios/wrong-type.yaml', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wrong-type\.yaml/);
    expect(existsSync(out)).toBe(false);
  });

  it('lists a budget shock before a launch of the same month, as the event phase sets the climate first', () => {
    // The launch adopters' budget lines depend on the month's climate (MODEL.md 3, 7.1).
    const text = oddProtocol(full({ 'innovations[id=e-office].launch': '2017-01' }));
    const shock = text.indexOf('| 2017-01 | budget climate B = 0.7 |');
    const launch = text.indexOf('| 2017-01 | launch of `e-office` |');
    expect(shock).toBeGreaterThan(-1);
    expect(launch).toBeGreaterThan(shock);
  });
});
