/**
 * What a city report's numbers are, said where a reader who pastes them into
 * a budget document meets them (s42 tester, findings 1, 2, 3 and 8):
 *
 * - The glossary's 95 % interval is where the MODEL's mean over very many
 *   replications lies: it measures only the chance variation between
 *   simulated histories, not the uncertainty of the parameters or of the
 *   model, and it is not the real city's value (it said "contains the true
 *   value", read as Bekasi's value). The summary's "range in brackets" says
 *   the same.
 * - Every city report (run, compare, sweep, sensitivity; report.md and
 *   report.html, English and Indonesian) opens its summary with what its
 *   numbers are: a simulation model's results under the scenario's assumptions
 *   and calibrated values (where they are listed), not a forecast and not a
 *   measurement of the city, with intervals of replication noise only. It
 *   opened with "8 services were simulated ... Likely to last". The national
 *   report says it whatever P14's verdict (it said "what-ifs, not forecasts"
 *   only in the sentence on P14, and nothing without a p14.txt); a P14 that
 *   fails is one more reason, in its own words.
 * - A comparison's relative change is withheld when the BASE's interval
 *   includes 0 (format.ts relativeWithheld): the terminal's legend and the
 *   reports' note said "its interval", read as the difference's, so every
 *   relative change shown was taken as a real one. Which values are withheld
 *   is unchanged.
 * - After the lists of services likely or unlikely to last, one sentence says
 *   what "sustained" is in this run (live at the horizon in at least the
 *   run's sustain_fraction of the agencies the service reached at its peak),
 *   that the threshold is the project's choice, and that a service unlikely
 *   to last may still be running below it (declining): "POT sustained in 6 %"
 *   was read as "POT survives in 6 % of cases" while it was live in 69 %.
 */
import { describe, expect, it } from 'vitest';
import { reportModel } from '../../src/report/report-model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { nationalEn } from '../../src/report/i18n/national-en.js';
import { nationalId } from '../../src/report/i18n/national-id.js';
import type { ResultSet } from '../../src/report/rows.js';
import { formatCompareTable } from '../../src/experiment/compare.js';
import { en as enCatalog } from '../../src/report/i18n/en.js';
import { id as idCatalog } from '../../src/report/i18n/id.js';
import { COMPARE_DIR, fixture, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

const KINDS = [
  ['run', RUN_DIR],
  ['compare', COMPARE_DIR],
  ['sweep', SWEEP_DIR],
  ['sensitivity', SENSITIVITY_DIR],
] as const;
const LANGS = ['en', 'id'] as const;

/** A report's markdown and HTML text (no charts). */
async function texts(dir: string, lang: 'en' | 'id', change: (r: ResultSet) => ResultSet = (r) => r) {
  const model = reportModel(change(await fixture(dir)), [], lang);
  return { model, md: renderMarkdown(model, { image: 'svg' }), html: renderHtml(model, {}) };
}

describe("the glossary's 95 % interval is the model's, not the city's", () => {
  for (const [kind, dir] of KINDS) {
    for (const lang of LANGS) {
      it(`${kind}, ${lang}`, async () => {
        const { model, md, html } = await texts(dir, lang);
        const entry = model.glossary.find(([term]) => term === (lang === 'en' ? '95 % interval' : 'interval kepercayaan 95%'));
        expect(entry, 'the glossary defines the interval').toBeDefined();
        const def = entry![1];
        for (const text of [def, md, html]) {
          expect(text).not.toMatch(/true value|nilai sebenarnya/i);
        }
        if (lang === 'en') {
          expect(def).toContain("the model's mean over very many replications (same scenario and parameters)");
          expect(def).toContain('only the chance variation between simulated histories, not the uncertainty of the calibrated or assumed parameters or of the model itself');
          expect(def).toContain("it is not the real city's value");
          expect(def).toContain('It narrows with more replications.');
        } else {
          expect(def).toContain('rata-rata model dari sangat banyak replikasi (dengan skenario dan parameter yang sama)');
          expect(def).toContain('hanya mengukur keragaman acak antarreplikasi, bukan ketidakpastian parameter yang dikalibrasi atau diasumsikan maupun ketidakpastian model itu sendiri');
          expect(def).toContain('bukan nilai sesungguhnya di daerah itu');
          expect(def).toContain('menyempit bila replikasi ditambah');
        }
        expect(md).toContain(def.slice(0, 40));
      });
    }
  }

  it("the run summary's range in brackets says the same, in both languages", async () => {
    const en = (await texts(RUN_DIR, 'en')).model.summary.join('\n');
    expect(en).toContain("the range in brackets is the 95 % (Wilson) interval of the model's share: it reflects only the chance variation between replications and narrows with more of them.");
    const id = (await texts(RUN_DIR, 'id')).model.summary.join('\n');
    expect(id).toContain('rentang dalam kurung adalah interval kepercayaan 95% (Wilson) untuk proporsi model: interval ini hanya mencerminkan keragaman acak antarreplikasi dan menyempit bila replikasi ditambah.');
  });
});

/** The first paragraph of a report's summary: report.md's after its heading, report.html's first <p> in it, as plain text. */
function firstParagraph(md: string, html: string, heading: string): { md: string; html: string } {
  const lines = md.split('\n');
  const at = lines.indexOf(`## ${heading}`);
  const section = html.slice(html.indexOf('<section id="summary"'));
  const p = /<p>(.*?)<\/p>/s.exec(section)![1]!;
  const plain = p
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');
  return { md: lines[at + 2]!, html: plain };
}

const CAVEAT = {
  en: (info: boolean) =>
    `These are results of a simulation model, not a forecast and not a measurement of the city: simulated histories under the scenario's assumptions and calibrated parameter values (listed under ${info ? 'Scenario info and ' : ''}Parameters below, and in docs/ODD.md, section 12). The intervals reflect only the randomness between replications.`,
  id: (info: boolean) =>
    `Angka-angka ini adalah hasil model simulasi, bukan ramalan dan bukan hasil pengukuran atas daerah itu: riwayat simulasi di bawah asumsi skenario dan nilai parameter yang dikalibrasi (tercantum pada bagian ${info ? 'Informasi skenario dan ' : ''}Parameter di bawah, serta dalam docs/ODD.md, bagian 12). Interval hanya mencerminkan keragaman acak antarreplikasi.`,
};

describe('every city report opens its summary with what its numbers are', () => {
  for (const [kind, dir] of KINDS) {
    for (const lang of LANGS) {
      it(`${kind}, ${lang}: report.md and report.html, first paragraph`, async () => {
        const { model, md, html } = await texts(dir, lang);
        const info = model.info.trim() !== '';
        expect(model.summary[0]).toBe(CAVEAT[lang](info));
        const first = firstParagraph(md, html, model.t.summary);
        expect(first.md).toBe(CAVEAT[lang](info));
        expect(first.html).toBe(CAVEAT[lang](info));
        // The sections it points to are there, under these names.
        if (info) expect(md).toContain(`## ${model.t.scenarioInfo}`);
        expect(model.t.parametersHeading.startsWith(lang === 'en' ? 'Parameters' : 'Parameter')).toBe(true);
      });
    }
  }

  it('names the Info section only where the report has one, and comes right after a what-if sentence (which the reports say first: tests/cli/run-what-if.test.ts)', async () => {
    const bare = (r: ResultSet): ResultSet => ({ ...r, manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, info: '', info_id: '' } } });
    for (const lang of LANGS) expect((await texts(RUN_DIR, lang, bare)).model.summary[0]).toBe(CAVEAT[lang](false));
    const withInfo = (r: ResultSet): ResultSet => ({ ...r, manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, info: '# Info\n\nText.' } } });
    expect((await texts(RUN_DIR, 'en', withInfo)).model.summary[0]).toBe(CAVEAT.en(true));
    const whatIf = (r: ResultSet): ResultSet => ({ ...r, manifest: { ...r.manifest, raw: { ...(r.manifest.raw as Record<string, unknown>), overrides: { 'parameters.takeover_vendor': 0.9 } } } });
    const summary = (await texts(COMPARE_DIR, 'en', whatIf)).model.summary;
    expect(summary[0]).toMatch(/^A what-if:/);
    expect(summary[1]).toMatch(/^These are results of a simulation model/);
  });
});

describe('the national report says it whatever P14 says', () => {
  const EN = "These are results of a simulation model, not a forecast and not a measurement of the governments: simulated histories under the scenario's assumptions and calibrated parameter values (listed in the parameter tables below, in docs/NATIONAL.md, and in docs/ODD.md, section 12), whose intervals reflect only the randomness between replications; read the national figures as exploratory what-ifs, not forecasts.";
  const ID =
    'Angka-angka ini adalah hasil model simulasi, bukan ramalan dan bukan hasil pengukuran atas pemerintah daerah: riwayat simulasi di bawah asumsi skenario dan nilai parameter yang dikalibrasi (tercantum dalam tabel parameter di bawah, dalam docs/NATIONAL.md, dan dalam docs/ODD.md, bagian 12), yang intervalnya hanya mencerminkan keragaman acak antarreplikasi; angka nasional ini hendaknya dibaca sebagai simulasi pengandaian, bukan proyeksi.';

  it('with no P14 verdict, and when P14 holds', () => {
    expect(nationalEn.sumValidity(null, null)).toBe(EN);
    expect(nationalId.sumValidity(null, null)).toBe(ID);
    expect(nationalEn.sumValidity(true, true)).toBe(`${EN} In this run the model reproduces P14 (Heeks' totals and a wide spread between governments), which does not make its figures forecasts.`);
    expect(nationalId.sumValidity(true, true)).toBe(`${ID} Dalam simulasi ini model mereproduksi P14 (total Heeks dan sebaran yang lebar antarpemerintah daerah), tetapi hal itu tidak menjadikan angka-angkanya proyeksi.`);
  });

  it("with P14 failing as one more reason, in the P14 sentence's words", () => {
    expect(nationalEn.sumValidity(false, false)).toBe(`${EN} In addition, in this run the model does not reproduce P14 (neither Heeks' totals of successes and failures nor the spread between governments; see the P14 table).`);
    expect(nationalEn.sumValidity(true, false)).toBe(`${EN} In addition, in this run the model does not reproduce P14 (the spread between governments; see the P14 table).`);
    expect(nationalId.sumValidity(false, true)).toBe(`${ID} Selain itu, dalam simulasi ini model tidak mereproduksi P14 (total keberhasilan dan kegagalan menurut Heeks; lihat tabel P14).`);
  });
});

describe("a withheld relative change is said to be the base's interval's doing", () => {
  /** A count whose base interval includes 0 while the difference's excludes it: withheld for the base, not the difference. */
  const ROW = {
    outcome: 'discontinuations.total',
    variant: 'mandate',
    n: 50,
    base_mean: 3,
    base_ci_low: -1,
    base_ci_high: 7,
    variant_mean: 5,
    variant_ci_low: 4,
    variant_ci_high: 6,
    diff_mean: 2,
    diff_ci_low: 1,
    diff_ci_high: 3,
    relative_change: 2 / 3,
    correlation: 0.5,
    level: 0.95,
    unpaired_ratio: 2,
  };

  it("the terminal's legend, English and Indonesian", () => {
    const en = formatCompareTable([ROW]);
    const row = en.split('\n').find((l) => l.startsWith('discontinuations.total '))!;
    // Still withheld ("-"), though the difference's interval excludes 0 (*).
    expect(row).toMatch(/\* +- +3\.000 /);
    const legend = en.split('\n').find((l) => l.startsWith('relative -:'))!;
    expect(legend).toContain("or when the base's interval includes 0 (compare.csv keeps it).");
    expect(legend).not.toMatch(/whose interval|its interval/);
    const id = formatCompareTable([ROW], new Map(), 'id').split('\n').find((l) => l.startsWith('perubahan relatif -:'))!;
    expect(id).toContain('atau bila interval nilai dasar memuat 0 (compare.csv tetap memuatnya).');
    expect(id).not.toContain('intervalnya memuat 0');
  });

  it("the reports' note under the comparison table, English and Indonesian", async () => {
    expect(enCatalog.compareNote).toContain("(a count), or when the base's interval includes 0, where a small difference would read as a large relative one");
    expect(enCatalog.compareNote).not.toContain('or its interval includes 0');
    expect(idCatalog.compareNote).toContain('(hitungan), atau bila interval nilai dasar memuat 0, karena di situ');
    expect(idCatalog.compareNote).not.toContain('atau intervalnya memuat 0');
    for (const lang of LANGS) {
      const { model, md } = await texts(COMPARE_DIR, lang);
      const note = model.tables.find((t) => t.title === model.t.compareTitle)!.note;
      expect(note).toBe(model.t.compareNote);
      expect(md).toContain(lang === 'en' ? "or when the base's interval includes 0" : 'atau bila interval nilai dasar memuat 0');
    }
  });
});

describe('the run summary says what "sustained" is, with the run\'s sustain_fraction', () => {
  /** The run fixture with sustain_fraction set in its resolved scenario (undefined: as recorded, the default). */
  const withFraction = (f: number | undefined) => (r: ResultSet): ResultSet => {
    if (f === undefined) return r;
    const scenario = r.manifest.scenario as unknown as { resolved: Record<string, unknown> };
    const resolved = { ...scenario.resolved, parameters: { ...(scenario.resolved['parameters'] as object), sustain_fraction: f } };
    return { ...r, manifest: { ...r.manifest, scenario: { ...r.manifest.scenario, resolved } as typeof r.manifest.scenario } };
  };

  it('after the lists, before the exits and the per-service sentence; English and Indonesian, md and html', async () => {
    for (const lang of LANGS) {
      const { model, md, html } = await texts(RUN_DIR, lang);
      const at = model.summary.findIndex((p) => p.startsWith(lang === 'en' ? '"Sustained" means' : '"Bertahan" berarti'));
      expect(at, 'the sentence is there').toBeGreaterThan(0);
      // The lists come before it (the fixture's services cannot be told yet), the per-service sentence after it.
      expect(model.summary[at - 1]).toMatch(lang === 'en' ? /^Cannot tell yet/ : /^Belum dapat dipastikan/);
      expect(model.summary.indexOf(model.t.sumPerService)).toBeGreaterThan(at);
      const sentence = model.summary[at]!;
      expect(sentence).toBe(
        lang === 'en'
          ? '"Sustained" means live at the horizon in at least half of the agencies the service reached at its peak, a threshold this project chose (the parameter sustain_fraction = 0.5); a service that is not sustained may still be running below that line (the "declining" column of the Outcomes per service table).'
          : '"Bertahan" berarti pada akhir periode simulasi masih aktif di sedikitnya separuh dari jumlah perangkat daerah yang dicapai layanan itu pada puncaknya, batas yang dipilih proyek ini (parameter sustain_fraction = 0,5); layanan yang tidak bertahan bisa saja masih berjalan di bawah batas itu (kolom "menurun" pada tabel Hasil per layanan).',
      );
      expect(md).toContain(sentence);
      expect(html).toContain(sentence.replace(/"/g, '&quot;').slice(0, 60));
      // The column and the table it names are the report's.
      expect(model.t.outcome.declining).toBe(lang === 'en' ? 'declining' : 'menurun');
      expect(model.t.outcomesTitle).toBe(lang === 'en' ? 'Outcomes per service' : 'Hasil per layanan');
    }
  });

  it("prints the run's own value when it is not one half", async () => {
    const en = (await texts(RUN_DIR, 'en', withFraction(0.6))).model.summary.join('\n');
    expect(en).toContain('"Sustained" means live at the horizon in at least 60 % of the agencies the service reached at its peak, a threshold this project chose (the parameter sustain_fraction = 0.6);');
    const id = (await texts(RUN_DIR, 'id', withFraction(0.25))).model.summary.join('\n');
    expect(id).toContain('masih aktif di sedikitnya 25% dari jumlah perangkat daerah yang dicapai layanan itu pada puncaknya, batas yang dipilih proyek ini (parameter sustain_fraction = 0,25);');
  });

  it('names the services unlikely to last when the summary lists some', () => {
    expect(enCatalog.sumSustainedMeans('0.5', '50 %', true, true)).toContain('; a service unlikely to last may still be running below that line (the "declining" column');
    expect(idCatalog.sumSustainedMeans('0,5', '50%', true, true)).toContain('; layanan yang lebih mungkin tidak bertahan bisa saja masih berjalan di bawah batas itu (kolom "menurun"');
  });

  it('is not said in a report without a run\'s outcomes (sweep, sensitivity)', async () => {
    for (const dir of [SWEEP_DIR, SENSITIVITY_DIR]) {
      const { model } = await texts(dir, 'en');
      if (model.tables.some((t) => t.title === model.t.outcomesTitle)) continue;
      expect(model.summary.some((p) => p.startsWith('"Sustained" means'))).toBe(false);
    }
  });
});
