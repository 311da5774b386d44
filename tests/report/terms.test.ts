/**
 * Terms the report defines or uses, checked against what the code does and
 * against each other: the glossary's "declining" is the model's rule
 * (src/model/observation.ts: not sustained because below half the peak, or
 * because the peak never reached min_peak agencies); "replication noise" is
 * defined once, in the glossary of a report that draws the sweep heat map,
 * as the heat map computes it, and the summary does not use another one;
 * the Indonesian report names the learning loops and failing usage one way
 * everywhere ("pembelajaran satu/dua/tiga putaran", "bermasalah"; "gagal"
 * only in Heeks' classes).
 */
import { describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { PARAM_NOTES_ID } from '../../src/report/i18n/param-notes-id.js';
import { glossaryFor } from '../../src/report/report-model.js';
import { fixture, SWEEP_DIR, RUN_DIR } from './helpers.js';

describe('glossary: declining', () => {
  test('says the min_peak rule as the model applies it (both languages)', () => {
    const [, enText] = en.glossaryTerms.declining;
    // The share of the peak is the parameter sustain_fraction (observation.ts), one half by default.
    expect(enText).toMatch(/fewer than the share sustain_fraction of the agencies it reached at its peak \(one half by default\), or its peak never reached min_peak agencies/);
    expect(en.glossaryTerms.sustained[1]).toMatch(/peak reached min_peak agencies/);
    const [, idText] = id.glossaryTerms.declining;
    expect(idText).toMatch(/kurang dari proporsi sustain_fraction .*\(bawaan separuh\), atau puncaknya tidak pernah mencapai min_peak perangkat daerah/);
  });
});

describe('replication noise', () => {
  test('defined in the glossary of a report with the sweep heat map, not of a run report', async () => {
    const sweep = await fixture(SWEEP_DIR);
    const charts = buildCharts(sweep);
    expect(charts.some((c) => c.name === 'heatmap')).toBe(true);
    const terms = glossaryFor(sweep, charts, en).map(([term]) => term);
    expect(terms).toContain('replication noise (±)');
    expect(glossaryFor(sweep, buildCharts(sweep, 'id'), id).map(([term]) => term)).toContain('derau replikasi (±)');
    const run = await fixture(RUN_DIR);
    expect(glossaryFor(run, buildCharts(run), en).map(([term]) => term)).not.toContain('replication noise (±)');
    // The definition is the heat map's: the mean of the points' half-widths.
    expect(en.glossaryTerms.noise[1]).toMatch(/the mean, over the design points, of the half-width of each point's 95 % interval/);
  });

  test('the summary does not speak of another replication noise', () => {
    const untested = en.sumSweepUntested('x', '1', 'a', '2', 'b');
    expect(untested).not.toMatch(/noise/);
    expect(id.sumSweepUntested('x', '1', 'a', '2', 'b')).not.toMatch(/derau/);
  });
});

describe('Indonesian terms', () => {
  const notes = Object.values(PARAM_NOTES_ID);
  test('learning loops: "pembelajaran satu / dua / tiga putaran" everywhere', () => {
    for (const text of [...notes, ...Object.values(id.loop), id.glossaryTerms.learning[1]]) {
      expect(text, text).not.toMatch(/putaran (tunggal|ganda|rangkap)/);
    }
    expect(notes.filter((n) => /putaran/.test(n)).every((n) => /pembelajaran (satu|dua|tiga) putaran/.test(n))).toBe(true);
  });

  test('failing usage is "bermasalah"; "gagal" only in the Heeks classes', () => {
    const texts = [...notes, id.glossaryTerms.failing[1]];
    // Heeks' class names: partial and total failure, and the sustainability failure a partial one can be.
    for (const text of texts) expect(text.replace(/gagal (sebagian|total|keberlanjutan)/g, ''), text).not.toMatch(/gagal/);
    expect(PARAM_NOTES_ID['failing usage']).toBe('pemakaian yang dianggap bermasalah');
  });

  test('realized category and histogram bins', () => {
    expect(id.realizedCategory).toBe('kategori aktual');
    // The chart's subtitle and axis (rogersHistSubPooled, axisAdoptersPerRep): bins are "selang".
    expect(id.rogersHistSubPooled(10, 2, '1', '2', 5)).toMatch(/lebar kelas 5 bulan/);
    expect(id.axisAdoptersPerRep[0]).toBe('adopsi pertama per kelas');
  });
});
