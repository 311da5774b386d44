/**
 * A national file is checked as city files are (docs/NATIONAL.md, "Checks"):
 * `difusi validate` and `difusi national --check` print the city warnings
 * of its governments (grouped: one line per warning, naming the
 * governments), warn about a province name that looks like a typo, a
 * government type with no template entry and `districts` on a province,
 * and report every problem of a government at the place in the national
 * file where it is written. Warnings never change the exit code.
 * The command lines run in the test's process (runInProcess), whose working
 * folder is the repository's, as a process's would be: fifteen checks of the
 * lines and exit codes, at no process start.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { provinceTypo, whichGovernments } from '../../src/jobs/national-warnings.js';
import { shared } from '../support/shared.js';

beforeAll(() => assertBuilt());

const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const TEXT = readFileSync(NATIONAL, 'utf8');
type Doc = Record<string, any>;

/** small-national.yaml changed by `edit`, written as JSON to a fresh folder. */
function edited(edit: (doc: Doc) => void): string {
  const doc = parse(TEXT) as Doc;
  edit(doc);
  const file = join(tempDir('difusi-national-warn-'), 'small-national.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** `difusi validate` of the fixture as it is: its own warnings checked first, then that the controls below give none of theirs. */
const plainValidate = shared(() => runInProcess(['validate', 'tests/national/fixtures/small-national.yaml']));

const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('⚠ '));
// small-national's vendor cloudco leaves in 2018-06, before vendor-app's pilot ends (2020-03), in the
// three governments that offer it (not kota-c): a real warning of the fixture itself.
const PILOT = '⚠ tests/national/fixtures/small-national.yaml: governments "prov-a", "kota-a", "kab-b": innovations[1] "vendor-app": its vendor "cloudco" leaves in 2018-06 (contract_end), before its pilot ends in 2020-03';

describe('difusi validate on a national file gives the city warnings', () => {
  it('each warning once, naming the governments that give it and the national entry; exit code 0', async () => {
    const r = await plainValidate();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ /);
    expect(warnings(r.stderr)).toHaveLength(1);
    expect(r.stderr.startsWith(PILOT)).toBe(true);
  });

  it('a what-if that makes one (takeover on a service that is no pilot): warned for all governments, as in a city file', async () => {
    const [validate, check] = await Promise.all([
      runInProcess(['validate', 'tests/national/fixtures/small-national.yaml', '--set', 'innovations[id=e-office].takeover=1']),
      runInProcess(['national', 'tests/national/fixtures/small-national.yaml', '--check', '--set', 'innovations[id=e-office].takeover=1']),
    ]);
    expect([validate.code, check.code]).toEqual([0, 0]);
    // Only the --set gives it: named by the --set, not by the file (jobs/national.ts nationalWarningPlace).
    const line = '⚠ command line --set innovations[id=e-office].takeover: all 4 governments: innovations[0] "e-office" sets takeover but is not pilot-funded (funding: apbd): there is no pilot end to take over';
    expect(warnings(validate.stderr)).toContain(line);
    expect(warnings(check.stderr)).toContain(line);
    expect(warnings(check.stderr)).toEqual(warnings(validate.stderr));
  });

  it('inconsistent parameters and a vendor owner with no vendor: warned for the governments that give them, exit code 0', async () => {
    const r = await runInProcess([
      'validate',
      'tests/national/fixtures/small-national.yaml',
      '--set',
      'parameters.u_fail=0.8',
      '--set',
      'innovations[id=e-office].owner=vendor',
    ]);
    expect(r.code).toBe(0);
    // Each given by one --set alone: named by it, not by the file.
    const file = '⚠ command line --set innovations[id=e-office].owner: ';
    expect(warnings(r.stderr)).toContainEqual(expect.stringMatching(/^⚠ command line --set parameters\.u_fail: all 4 governments: parameters\.u_fail \(0\.8\) is above parameters\.u_target \(0\.6\)/));
    // kota-c does not offer vendor-app, so no vendor is in its scenario: its e-office has none behind it.
    expect(warnings(r.stderr)).toContainEqual(expect.stringContaining(`${file}government "kota-c": innovations[0] "e-office": owner is vendor, but no vendor is behind it`));
  });

  it("a national service with owner: vendor and no vendor: warned, naming it and the vendor each government's lone vendor gives it", async () => {
    // prov-a, kota-a and kab-b are offered vendor-app, so cloudco is the one vendor of their city scenarios and
    // e-office silently took its contract end there (and no vendor in kota-c, which the city warning names).
    const [owned, named] = await Promise.all([
      runInProcess(['validate', 'tests/national/fixtures/small-national.yaml', '--set', 'innovations[id=e-office].owner=vendor']),
      runInProcess(['validate', 'tests/national/fixtures/small-national.yaml', '--set', 'innovations[id=e-office].owner=vendor', '--set', 'innovations[id=e-office].vendor=cloudco']),
    ]);
    expect([owned.code, named.code]).toEqual([0, 0]);
    // Given by the --set alone: named by it, not by the file.
    const file = '⚠ command line --set innovations[id=e-office].owner: ';
    expect(warnings(owned.stderr)).toContain(
      `${file}governments "prov-a", "kota-a", "kab-b": innovations[0] "e-office": owner is vendor but it names no vendor, so it takes the government's only vendor "cloudco" ` +
        `(and no vendor where a government has none or several): which vendor's exit (contract_end) acts on it depends on the vendors that reach each government ` +
        `(name its vendor with vendor: <id>)`,
    );
    expect(warnings(owned.stderr)).toContainEqual(expect.stringContaining(`${file}government "kota-c": innovations[0] "e-office": owner is vendor, but no vendor is behind it`));
    // (control) naming the vendor: neither warning.
    expect(named.stderr).not.toContain('no vendor');
  });

  it('(control) a contract that outlives the pilot: no warning, nothing on stderr', async () => {
    const r = await runInProcess(['validate', 'tests/national/fixtures/small-national.yaml', '--set', 'vendors[id=cloudco].contract_end=2021-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('many governments are counted, with the first few named', () => {
    expect(whichGovernments(['a'], 4)).toBe('government "a"');
    expect(whichGovernments(['a', 'b', 'c'], 4)).toBe('governments "a", "b", "c"');
    expect(whichGovernments(['a', 'b', 'c', 'd'], 4)).toBe('all 4 governments');
    expect(whichGovernments(['a', 'b', 'c', 'd', 'e'], 552)).toBe('5 governments ("a", "b", "c" and 2 more)');
  });
});

describe('a government\'s province that looks like a typo of a province government\'s id', () => {
  it('is warned with "did you mean" (exit code 0): kota-a in "prov-aa" beside the province government prov-a', async () => {
    const r = await runInProcess(['validate', NATIONAL, '--set', 'governments[id=kota-a].province=prov-aa']);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toContainEqual(expect.stringMatching(/: government "kota-a": province "prov-aa" is the id of no province government in this file \(did you mean "prov-a"\?\)/));
  });

  it('(control) a province whose government the file leaves out is not: kota-c in prov-c beside prov-a', async () => {
    const r = await plainValidate();
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('province "');
  });

  it('a typo differs inside a word; another province of the same pattern differs in a whole word', () => {
    expect(provinceTypo('prov-nus', ['prov-nusa'])).toBe('prov-nusa');
    expect(provinceTypo('prov-jawa-barta', ['prov-jawa-barat', 'prov-jawa-timur'])).toBe('prov-jawa-barat');
    expect(provinceTypo('prov-c', ['prov-a'])).toBeUndefined();
    expect(provinceTypo('prov-sulawesi-utara', ['prov-sulawesi-barat'])).toBeUndefined();
    expect(provinceTypo('prov-sulawesi-tenggara', ['prov-sulawesi-tengah'])).toBeUndefined();
    expect(provinceTypo('prov-2', ['prov-1'])).toBeUndefined();
    expect(provinceTypo('prov-papua-barat', ['prov-papua'])).toBeUndefined();
    // A word added or dropped at the end is another province, wherever the separator falls.
    expect(provinceTypo('prov-a-b', ['prov-a'])).toBeUndefined();
    expect(provinceTypo('prov-jawa-barat-x', ['prov-jawa-barat'])).toBeUndefined();
    expect(provinceTypo('prov-sulawesi-utara-x', ['prov-sulawesi-utara'])).toBeUndefined();
    // Ids are case-sensitive: a name that differs only in case is a typo.
    expect(provinceTypo('Prov-Jawa-Barat', ['prov-jawa-barat'])).toBe('prov-jawa-barat');
    expect(provinceTypo('PROV-A', ['prov-a', 'prov-b'])).toBe('prov-a');
  });
});

describe('the template', () => {
  it('a government type without its template.agencies entry is warned: its governments get only the coordinator and their kecamatan', async () => {
    const r = await runInProcess(['validate', NATIONAL, '--set', 'template.agencies.regency=null']);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toContainEqual(
      expect.stringMatching(/: template\.agencies has no "regency" entry: government "kab-b" \(regency, without city\.opds\) gets no agencies from the template, only the coordinator \(kominfo\) and one kecamatan agency per district/),
    );
    // (control) A regency with its own agencies needs no template entry.
    const own = await runInProcess(['validate', NATIONAL, '--set', 'template.agencies.regency=null', '--set', 'governments[id=kab-b].city={opds: {generate: {count: 5}, list: [{id: kominfo, type: dinas}]}}']);
    expect(own.code).toBe(0);
    expect(own.stderr).not.toContain('template.agencies');
  });

  it('districts on a province government is warned as ignored', async () => {
    const r = await runInProcess(['validate', NATIONAL, '--set', 'governments[id=prov-a].districts=3']);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toContainEqual(expect.stringMatching(/: government "prov-a": districts is set on a province government, which has no kecamatan agencies: it is ignored/));
    const plain = await plainValidate();
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('districts');
  });
});

describe('a government\'s problems are reported where they are written', () => {
  it('a mistyped parameter in a city block: its path and the line and column of its key', async () => {
    const text = TEXT.replace(
      '  - { id: kab-b, name: Kabupaten B, type: regency, province: prov-a, districts: 8, fiscal_capacity: 0.3 }',
      '  - id: kab-b\n    type: regency\n    province: prov-a\n    districts: 8\n    city:\n      parameters:\n        takeover_vendr: 0.5\n        takeover_vendor: 1.5',
    );
    expect(text).not.toBe(TEXT);
    const file = join(tempDir('difusi-national-where-'), 'typo.yaml');
    writeFileSync(file, text);
    const lines = text.split('\n');
    // Line and column of `needle`, plus `skip` characters.
    const at = (needle: string, skip = 0) => {
      const l = lines.findIndex((x) => x.includes(needle));
      return `${l + 1}:${lines[l]!.indexOf(needle) + 1 + skip}`;
    };
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // Both problems of the government, each at its own place, in the order of their lines (cli/errors.ts capped).
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^✗ ${file}:${at('takeover_vendr')} government "kab-b": Unknown field "takeover_vendr" \\(did you mean "takeover_vendor"\\?\\) → at governments\\[2\\]\\.city\\.parameters\\.takeover_vendr `)),
      expect.stringMatching(new RegExp(`^✗ ${file}:${at('takeover_vendor: 1.5', 'takeover_vendor: '.length)} government "kab-b": .* → at governments\\[2\\]\\.city\\.parameters\\.takeover_vendor`)),
    ]);
  });

  it('a problem of a national entry is placed on that entry, and one an override brings about names the override', async () => {
    const file = edited((d) => void ((d['innovations'] as Doc[])[0]!['initial_adopters'] = ['nobody']));
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:\d+:\d+ government "prov-a": Unknown OPD id or type "nobody" → at innovations\[0\]\.initial_adopters\[0\] /);
    // Removing the vendor breaks vendor-app's reference to it, which the override did not touch.
    const gone = await runInProcess(['validate', NATIONAL, '--set', 'vendors[id=cloudco]=null']);
    expect(gone.code).toBe(2);
    expect(gone.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^✗ override vendors\[id=cloudco\]: Unknown vendor "cloudco" → at innovations\[1\]\.vendor$/),
    ]);
  });
});
