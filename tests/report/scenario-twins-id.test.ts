/**
 * A city scenario's Indonesian twins: `name_id` beside the `name` of its
 * services, leaders, regulations, budget shocks and vendors, `description_id`
 * beside its description, an Indonesian Info page (`<basename>.id.md`), and
 * in an experiment `description_id` and each variant's `note_id`. The
 * Indonesian report (run, compare, sweep, merge), its charts and its Info
 * section show them, escaped like any scenario text; without them, and in
 * English, the report shows the English as before.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CITY, cliTestFolder, resultFolder, runFolders } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { buildCharts } from '../../src/report/charts.js';
import { readResults } from '../../src/store/results-read.js';

const tmp = cliTestFolder('difusi-twins-id-');

/**
 * Runs a `difusi` command line in the test's process (runInProcess): the folders it writes are checked, nothing
 * only a process has; exit 0 expected.
 */
async function ok(args: readonly string[]): Promise<string> {
  const r = await runInProcess(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
/** report.html without its last section, the manifest as written (which keeps every text of the scenario). */
const page = (dir: string, file: string) => {
  const text = read(dir, file);
  return text.slice(0, text.indexOf('<section id="manifest"'));
};

/** The Indonesian twins the test scenario gives (markup in each, to be escaped), with the English name of each element. */
const TWINS = {
  service: ['Office suite', 'Kantor elektronik <i>KE</i>'],
  pilot: ['Smart app', 'Aplikasi cerdas <b>AC</b>'],
  leader: ['Second mayor', 'Wali kota kedua <u>WK</u>'],
  regulation: ['Mayoral regulation on e-office', 'Perwal kantor elektronik <s>PK</s>'],
  shock: ['Budget cut 2020', 'refocusing anggaran <q>RA</q>'],
  vendor: ['Acme Ltd', 'Mitra Acme <em>MA</em>'],
  description: ['Sixteen agencies, three e-services, every kind of event.', 'Enam belas perangkat daerah <code>EB</code>, tiga layanan.'],
} as const;

/** small-city.yaml with names and, when `twins`, their Indonesian twins and an Indonesian Info page; returns its path. */
function scenario(dir: string, twins: boolean): string {
  const s = parse(readFileSync(SMALL_CITY, 'utf8')) as Record<string, Record<string, unknown>[] & Record<string, unknown>>;
  const name = (o: Record<string, unknown>, [en, id]: readonly [string, string]) => {
    o['name'] = en;
    if (twins) o['name_id'] = id;
  };
  const byId = (list: Record<string, unknown>[], id: string) => list.find((x) => x['id'] === id)!;
  name(byId(s['innovations']!, 'e-office'), TWINS.service);
  name(byId(s['innovations']!, 'smart-app'), TWINS.pilot);
  name(byId(s['leaders']!, 'mayor-2'), TWINS.leader);
  name(byId(s['regulations']!, 'perwal-e-office'), TWINS.regulation);
  name(s['budget_shocks']![0]!, TWINS.shock);
  name(byId(s['vendors']!, 'acme'), TWINS.vendor);
  if (twins) (s as Record<string, unknown>)['description_id'] = TWINS.description[1];
  const file = join(dir, 'twins.yaml');
  writeFileSync(file, stringify(s));
  writeFileSync(join(dir, 'twins.md'), '# The English page\n\nWhat the city did.\n');
  if (twins) writeFileSync(join(dir, 'twins.id.md'), '# Halaman berbahasa Indonesia <script>x</script>\n\nApa yang dilakukan kota.\n');
  return file;
}

/** `text` as report.html shows it (every markup character escaped). */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** `text` as report.md shows it (`<` escaped: a `>` alone is plain text). */
const md = (text: string) => text.replace(/</g, '&lt;');
const ids = Object.values(TWINS).map(([, id]) => id);
const ens = Object.values(TWINS).map(([en]) => en);

let withTwins = '';
let without = '';
beforeAll(async () => {
  const dir = tmp();
  const other = join(dir, 'plain');
  mkdirSync(other);
  const file = scenario(dir, true);
  const plain = scenario(other, false);
  const out = join(dir, 'out');
  // --no-png in this file: the report's PNGs are not what this test is about (its charts are read as SVG).
  await ok(['run', file, '-r', '2', '-w', '1', '-q', '--lang', 'id', '--no-png', '--out', out]);
  withTwins = resultFolder(out, 'small-city');
  // --no-png: the English report is read as report.md and report.html; the charts the tests read are the Indonesian run's.
  await ok(['report', withTwins, '--lang', 'en', '--no-png']);
  const outPlain = join(dir, 'out-plain');
  await ok(['run', plain, '-r', '2', '-w', '1', '-q', '--lang', 'id', '--no-png', '--out', outPlain]);
  without = resultFolder(outPlain, 'small-city');
}, 600_000);

describe('a run in Bahasa Indonesia', () => {
  it('shows every twin, escaped, in report.id.html and report.id.md, and the Indonesian Info page', () => {
    const shown = page(withTwins, 'report.id.html');
    const text = read(withTwins, 'report.id.md');
    for (const id of ids) {
      expect(shown, id).toContain(html(id));
      expect(text, id).toContain(md(id));
    }
    // The timeline's labels: a leader, a regulation, a budget shock, a pilot end with its vendor, a contract end.
    expect(text).toContain(`kepala daerah: ${md(TWINS.leader[1])}`);
    expect(text).toContain(`regulasi: ${md(TWINS.regulation[1])}`);
    expect(text).toContain(`: ${md(TWINS.shock[1])}`);
    // The vendor after a dash (a vendor's own parentheses never nest in another pair).
    expect(text).toContain(`${md(TWINS.pilot[1])} – ${md(TWINS.vendor[1])}`);
    expect(shown).toContain(html('Halaman berbahasa Indonesia <script>x</script>'));
    expect(text).toContain(md('Halaman berbahasa Indonesia <script>x</script>'));
    expect(shown).not.toContain('The English page');
    expect(text).not.toContain('The English page');
    // No markup of a twin reaches either page as markup (the manifest included).
    const whole = read(withTwins, 'report.id.html');
    for (const tag of ['<i>KE', '<b>AC', '<u>WK', '<s>PK', '<q>RA', '<em>MA', '<code>EB', '<script>x']) {
      expect(whole).not.toContain(tag);
      expect(text).not.toContain(tag);
    }
    // In the report's own text, no English name is left (the manifest, shown as written, keeps both).
    for (const en of ens) {
      expect(shown, en).not.toContain(en);
      expect(text, en).not.toContain(en);
    }
  });

  it('draws the twins in its charts (legends and timeline)', async () => {
    const charts = buildCharts(await readResults(withTwins), 'id');
    const specs = JSON.stringify(charts.map((c) => c.spec));
    for (const id of [TWINS.service[1], TWINS.leader[1], TWINS.regulation[1]]) expect(specs).toContain(JSON.stringify(id).slice(1, -1));
    for (const en of [TWINS.service[0], TWINS.leader[0], TWINS.regulation[0]]) expect(specs).not.toContain(en);
    // The timeline drawn over the adoption chart: labels wrapped, markup escaped.
    const svg = read(withTwins, 'charts.id/adoption.svg');
    expect(svg).toContain('kepala daerah: Wali kota kedua');
    expect(svg).toContain('&lt;s&gt;PK&lt;/s&gt;');
    expect(svg).not.toContain('<s>PK');
  });

  it('records the Indonesian Info page in the manifest as scenario.info_id', () => {
    const manifest = JSON.parse(read(withTwins, 'manifest.json')) as { scenario: Record<string, unknown> };
    expect(manifest.scenario['info']).toContain('The English page');
    expect(manifest.scenario['info_id']).toContain('Halaman berbahasa Indonesia');
  });

  it('the English report of the same folder shows the English, as before', () => {
    const text = read(withTwins, 'report.md');
    const shown = page(withTwins, 'report.html');
    for (const en of ens) {
      expect(text, en).toContain(md(en));
      expect(shown, en).toContain(html(en));
    }
    for (const id of ids) {
      expect(text, id).not.toContain(md(id));
      expect(shown, id).not.toContain(html(id));
    }
    expect(shown).toContain('The English page');
    expect(shown).not.toContain('Halaman berbahasa Indonesia');
  });

  it('without twins shows the English names, description and Info page; the manifest has no info_id', () => {
    const text = read(without, 'report.id.md');
    const shown = page(without, 'report.id.html');
    for (const en of ens) {
      expect(text, en).toContain(md(en));
      expect(shown, en).toContain(html(en));
    }
    expect(text).toContain('The English page');
    expect(JSON.parse(read(without, 'manifest.json')).scenario).not.toHaveProperty('info_id');
  });
});

describe('experiments in Bahasa Indonesia', { timeout: 600_000 }, () => {
  it("a comparison shows the experiment's description_id and each variant's note_id, escaped; in English the English", async () => {
    const dir = tmp();
    scenario(dir, true);
    const exp = join(dir, 'what-if.yaml');
    writeFileSync(
      exp,
      stringify({
        name: 'what-if',
        description: 'What if the pilot were taken over?',
        description_id: 'Bagaimana jika uji coba diambil alih <b>DA</b>?',
        base: 'twins.yaml',
        variants: [{ name: 'takeover', note: 'every pilot taken over', note_id: 'setiap uji coba diambil alih <i>SA</i>', set: { 'parameters.takeover_vendor': 1 } }],
      }),
    );
    const out = join(dir, 'out');
    await ok(['compare', exp, '-r', '2', '-w', '1', '-q', '--lang', 'id', '--no-png', '--out', out]);
    const folder = resultFolder(out, 'what-if');
    const shown = page(folder, 'report.id.html');
    const text = read(folder, 'report.id.md');
    expect(shown).toContain(html('Bagaimana jika uji coba diambil alih <b>DA</b>?'));
    expect(shown).toContain(html('setiap uji coba diambil alih <i>SA</i>'));
    expect(text).toContain(md('setiap uji coba diambil alih <i>SA</i>'));
    // The base scenario's description and the compare table's services.
    expect(text).toContain(md(TWINS.description[1]));
    expect(text).toContain(md('kantor elektronik <i>KE</i>'));
    expect(shown).not.toContain('What if the pilot');
    expect(shown).not.toContain('every pilot taken over');
    const whole = read(folder, 'report.id.html');
    expect(whole).not.toContain('<b>DA');
    expect(whole).not.toContain('<i>SA');
    await ok(['report', folder, '--lang', 'en', '--no-png']); // report.md is read, not the charts
    const english = read(folder, 'report.md');
    expect(english).toContain('What if the pilot were taken over?');
    expect(english).toContain('every pilot taken over');
    expect(english).toContain(TWINS.service[0]);
    expect(english).not.toContain('diambil alih');
    expect(english).not.toContain(TWINS.service[1]);
  });

  it("a sweep shows the experiment's description_id under the summary", async () => {
    const dir = tmp();
    scenario(dir, true);
    const exp = join(dir, 'grid.yaml');
    writeFileSync(
      exp,
      stringify({
        name: 'grid',
        description: 'A small grid.',
        description_id: 'Kisi kecil <b>KK</b>.',
        base: 'twins.yaml',
        outcomes: ['live_share'],
        design: { method: 'grid', factors: [{ name: 'parameters.takeover_vendor', values: [0, 1] }] },
      }),
    );
    const out = join(dir, 'out');
    await ok(['sweep', exp, '-r', '1', '-w', '1', '-q', '--lang', 'id', '--no-png', '--out', out]);
    const text = read(resultFolder(out, 'grid'), 'report.id.md');
    expect(text).toContain(md('Kisi kecil <b>KK</b>.'));
    expect(text).not.toContain('A small grid.\n');
  });

  it('merged run shards keep the Indonesian Info page and the twins', async () => {
    const dir = tmp();
    const file = scenario(dir, true);
    const out = join(dir, 'out');
    for (let i = 0; i < 2; i++) await ok(['run', file, '-r', '2', '-w', '1', '-q', '--no-charts', '--shard', `${i}/2`, '--out', out]);
    await ok(['merge', ...runFolders(out, 'small-city').filter((d) => /\.shard-/.test(d)), '--out', out, '--no-charts']);
    const folder = resultFolder(out, 'small-city');
    const manifest = JSON.parse(read(folder, 'manifest.json')) as { scenario: Record<string, unknown> };
    expect(manifest.scenario['info_id']).toContain('Halaman berbahasa Indonesia');
  });
});
