/**
 * The number and date format of the Indonesian report, as an Indonesian
 * reader expects it (PUEBI, BPS and government documents), with English
 * left as it was:
 *
 *   - the percent sign closed up: "95%", "22% [17%; 28%]" (English "95 %");
 *   - months named in sentences and chart notes ("hingga Desember 2025",
 *     "pada Maret 2019"), YYYY-MM kept in tables, one range style (s.d.);
 *   - no sentence starting with a numeral ("Sebanyak 8 layanan ...");
 *   - no decimal comma running into a list comma ("0,15, champion_rotation");
 *   - a name with its id as "name [id]", never "name (note) (id)".
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { bulan, id } from '../../src/report/i18n/id.js';
import { localNumber } from '../../src/report/i18n/index.js';
import { buildCharts } from '../../src/report/charts.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reportModel, type ReportModel } from '../../src/report/report-model.js';
import { nameWithId } from '../../src/report/national-names.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

const DIRS = { run: RUN_DIR, compare: COMPARE_DIR, sweep: SWEEP_DIR, sensitivity: SENSITIVITY_DIR } as const;
type Kind = keyof typeof DIRS;

/** The prose of a report model: summary paragraphs, table notes, chart captions and titles, glossary, the timeline's labels (not its dates). */
function prose(model: ReportModel): string[] {
  return [
    ...model.summary,
    ...model.tables.map((t) => t.note),
    ...model.charts.flatMap((c) => [c.title, c.caption]),
    ...model.glossary.map(([term, def]) => `${term}: ${def}`),
    ...model.timeline.map((e) => e.label),
  ];
}

/** Every string a chart draws (titles, subtitles, axis and legend titles, labels; with `keys`, only those), from its spec. */
function drawn(spec: unknown, keys: readonly string[] = ['text', 'subtitle', 'title', 'label']): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (keys.includes(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) if (k !== 'config' && k !== '$schema') walk(x, k);
  };
  walk(spec, '');
  return out;
}

const results = new Map<Kind, ResultSet>();
beforeAll(async () => {
  for (const [kind, dir] of Object.entries(DIRS)) results.set(kind as Kind, await fixture(dir));
});

function report(kind: Kind, lang: 'en' | 'id') {
  const r = results.get(kind)!;
  const charts = buildCharts(r, lang);
  const model = reportModel(r, charts, lang);
  return { model, charts, md: renderMarkdown(model), html: renderHtml(model, {}), texts: charts.flatMap((c) => drawn(c.spec)), titles: charts.flatMap((c) => drawn(c.spec, ['title', 'subtitle'])) };
}

describe('the percent sign', () => {
  test('closed up everywhere in an Indonesian report: text, tables, charts (no "95 %")', () => {
    for (const kind of Object.keys(DIRS) as Kind[]) {
      const { md, html, texts } = report(kind, 'id');
      expect(md, kind).not.toMatch(/\d[ \u00a0]%/u);
      expect(html, kind).not.toMatch(/\d(?: |\u00a0|&nbsp;)%/u);
      expect(texts.filter((x) => /\d[ \u00a0]%/u.test(x)), kind).toEqual([]);
      // And it is there: the summary's intervals and the table of outcomes or the comparison.
      expect(md, kind).toMatch(/\d%/);
    }
    const { md, model } = report('run', 'id');
    expect(md).toContain('interval kepercayaan 95%');
    // The outcomes table: "22% [17%; 28%]".
    expect(model.tables.find((t) => t.id === 'outcomes')!.rows.flat().some((c) => /^\d+% \[\d+%; \d+%\]$/.test(c))).toBe(true);
    // Rogers' share axis is formatted by vega: closed up in Indonesian, with a space in English.
    expect(JSON.stringify(report('run', 'id').charts.map((c) => c.spec))).toContain(`"labelExpr":"format(datum.value, '.0%')"`);
  });

  test('English keeps its space before % ("95 %")', () => {
    for (const kind of Object.keys(DIRS) as Kind[]) {
      const { md } = report(kind, 'en');
      expect(md, kind).toMatch(/\d %/);
      expect(md, kind).not.toMatch(/\d%/);
    }
    expect(localNumber(en, '95 % and 0.5')).toBe('95 % and 0.5');
    expect(localNumber(id, '95 % dan 0.5, +<0.1 %')).toBe('95% dan 0,5, +<0,1%');
  });
});

describe('months', () => {
  test('named in Indonesian sentences', () => {
    expect(bulan('2025-12')).toBe('Desember 2025');
    expect(bulan('2019-03')).toBe('Maret 2019');
    expect(bulan('2020-04')).toBe('April 2020');
    // Not a month: as given.
    expect(bulan('132')).toBe('132');
    expect(bulan('2020-13')).toBe('2020-13');
    expect(id.eventWindow('2020-04', '2021-12')).toBe('April 2020 s.d. Desember 2021');
    expect(id.sumRunIntro(8, 200, '2025-12')).toMatch(/^Sebanyak 8 layanan disimulasikan dalam 200 replikasi hingga Desember 2025\./);
    // Commas, not parentheses, since the events' names may have their own (reworded on purpose).
    expect(id.sumCluster('2019-03', '51.4', null)).toBe('Maret 2019, rata-rata 51.4 per replikasi');
    expect(id.horizonNote(132, '2025-12')).toMatch(/^Bulan ke-132 \(Desember 2025\);/);
    // English as it was.
    expect(en.eventWindow('2020-04', '2021-12')).toBe('2020-04 to 2021-12');
    expect(en.horizonNote(132, '2025-12')).toMatch(/^Month 132;/);
  });

  test('no YYYY-MM inside the prose of an Indonesian report; the tables keep YYYY-MM, ranges with s.d.', () => {
    for (const kind of Object.keys(DIRS) as Kind[]) {
      const { model } = report(kind, 'id');
      // The timeline's labels may name a regulation "Perda 02/2020"; no YYYY-MM month.
      expect(prose(model).filter((x) => /\b(19|20)\d\d-[01]\d\b/.test(x)), kind).toEqual([]);
    }
    const { model, md } = report('run', 'id');
    // summary[0] is what the numbers are (sumModelCaveat); the run's first sentence follows it.
    expect(model.summary[1]).toMatch(/hingga (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}\./);
    // The horizon table's date column stays ISO.
    expect(model.tables.find((t) => t.id === 'horizon')!.rows.every((r) => /^\d{4}-\d{2}$/.test(r[1]!))).toBe(true);
    // A budget window in the timeline table: "2020-04 s.d. 2021-12", months "64 s.d. 84".
    const windows = md.split('\n').filter((l) => /^\| \d{4}-\d{2} s\.d\. \d{4}-\d{2} \| \d+ s\.d\. \d+ \|/.test(l));
    expect(windows.length).toBeGreaterThan(0);
    expect(md).not.toMatch(/\d{4}-\d{2} – \d{4}-\d{2}/);
    // English keeps its dash.
    expect(report('run', 'en').md).toMatch(/\| \d{4}-\d{2} – \d{4}-\d{2} \| \d+–\d+ \|/);
  });
});

describe('sentences and lists', () => {
  test('no Indonesian sentence starts with a numeral (the scenario\'s own description aside)', () => {
    for (const kind of Object.keys(DIRS) as Kind[]) {
      const { model, titles } = report(kind, 'id');
      const starts = [...prose(model), ...titles].flatMap((p) => p.split(/(?<=[.!?])\s+/)).filter((s) => /^\d/.test(s));
      expect(starts, kind).toEqual([]);
    }
    expect(id.sweepNoteFirst(60, 95)).toBe('Hanya 60 titik pertama dari 95 yang ditampilkan; semuanya ada di sweep_summary.csv.');
    expect(id.rogersHistSubPooled(1234, 10, '21,0', '13,7', 5)).toMatch(/^Sebanyak 1\.234 adopsi pertama digabung dari 10 replikasi; rata-rata gabungan 21,0 bulan; simpangan baku 13,7 bulan; lebar kelas 5 bulan$/);
    expect(id.rogersSharesSub(43, 10, 12)).toBe('Dari 43 perangkat daerah × 10 replikasi, 12 tidak pernah mengadopsi');
  });

  test('no decimal comma runs into a list comma ("0,15, champion_rotation")', () => {
    for (const kind of Object.keys(DIRS) as Kind[]) {
      const { model, texts } = report(kind, 'id');
      expect([...prose(model), ...texts].filter((x) => /\d,\d+, /.test(x)), kind).toEqual([]);
    }
    // The sweep's design points: "pada a = 0,15; b = 0,2".
    const sweep = report('sweep', 'id').model.summary.join(' ');
    expect(sweep).toMatch(/\(pada [a-z_]+ = [\d,]+; [a-z_]+ = [\d,]+\)/);
    expect(report('sweep', 'en').model.summary.join(' ')).toMatch(/\(at [a-z_]+ = [\d.]+, [a-z_]+ = [\d.]+\)/);
  });
});

describe('a name with its id', () => {
  test('"name [id]" in both languages, never two pairs of parentheses', () => {
    expect(nameWithId({ 'e-procurement': 'Layanan Pengadaan Secara Elektronik (LPSE)' }, 'e-procurement')).toBe('Layanan Pengadaan Secara Elektronik (LPSE) [e-procurement]');
    expect(nameWithId({}, 'e-procurement')).toBe('e-procurement');
    for (const lang of ['en', 'id'] as const) {
      const { model } = report('run', lang);
      const services = model.tables.find((t) => t.id === 'outcomes')!.rows.map((r) => r[0]!);
      expect(services.some((s) => /^.+ \[[a-z0-9_-]+\]$/.test(s)), lang).toBe(true);
      expect(services.filter((s) => /\) \(/.test(s)), lang).toEqual([]);
      // A pilot's vendor after a dash: a vendor's own parentheses never nest in another pair.
      expect(model.timeline.map((e) => e.label).filter((l) => /\([^()]*\(/.test(l)), lang).toEqual([]);
    }
  });
});

describe('decimals in a column of a report table (both languages)', () => {
  /** The decimals a printed cell shows ("0,060" 3, "[0,600; 0,600]" 3 and 3, "101,0" 1, "–" none). */
  const decimals = (cell: string) => [...cell.matchAll(/\d+[.,](\d+)/g)].map((m) => m[1]!.length);
  const columnOf = (rows: readonly (readonly string[])[], i: number) => rows.map((r) => r[i]!).filter((c) => c !== '–');
  const oneWidth = (cells: readonly string[]) => new Set(cells.flatMap(decimals));

  test('the horizon table: every value with 3 decimals, trailing zeros kept (0,600; [0,600; 0,600])', () => {
    for (const lang of ['en', 'id'] as const) {
      const table = report('run', lang).model.tables.find((t) => t.id === 'horizon')!;
      for (const i of [2, 3, 4]) {
        const cells = columnOf(table.rows, i);
        expect([...oneWidth(cells)], `${lang} ${table.columns[i]}`).toEqual([3]);
        // Each value has its decimals: no bare "0" or "1" beside "0,583".
        expect(cells.filter((c) => /(^|[[\s;,])[01](?=$|[\];,\s])/.test(c.replace(/\d+[.,]\d+/g, 'x'))), lang).toEqual([]);
      }
    }
  });

  test('the sweep table: each outcome column with one number of decimals; design factors as given', () => {
    for (const kind of ['sweep'] as const) {
      for (const lang of ['en', 'id'] as const) {
        const table = report(kind, lang).model.tables.find((t) => t.id === 'sweep')!;
        const factors = results.get(kind)!.sweep!.parameters.length;
        for (let i = 2 + factors; i < table.columns.length; i++) {
          const cells = columnOf(table.rows, i);
          expect(oneWidth(cells).size, `${kind} ${lang} ${table.columns[i]}`).toBe(1);
          expect(cells.every((c) => /[.,]/.test(c)), `${kind} ${lang} ${table.columns[i]}`).toBe(true);
        }
      }
    }
  });

  test('the Morris table: one number of decimals within each outcome; the comparison\'s correlations alike', () => {
    for (const lang of ['en', 'id'] as const) {
      const morris = report('sensitivity', lang).model.tables.find((t) => t.id === 'morris')!;
      for (const outcome of new Set(morris.rows.map((r) => r[0]!))) {
        const rows = morris.rows.filter((r) => r[0] === outcome);
        const cells = morris.columns.slice(2).flatMap((_, i) => columnOf(rows, 2 + i));
        expect(oneWidth(cells).size, `${lang} ${outcome}`).toBe(1);
        // A negative value takes the minus sign, as every other number of the report.
        expect(cells.filter((c) => c.startsWith('-')), lang).toEqual([]);
      }
      const compare = report('compare', lang).model.tables.find((t) => t.id === 'compare')!;
      const correlations = columnOf(compare.rows, compare.columns.indexOf(lang === 'en' ? en.col.correlation : id.col.correlation));
      expect(correlations.length).toBeGreaterThan(0);
      expect([...oneWidth(correlations)], lang).toEqual([3]);
    }
  });
});
