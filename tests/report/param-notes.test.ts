/**
 * The note column of the parameter table in Bahasa Indonesia: every note
 * of PARAMETER_SPECS (English, shared with the docs, the JSON Schema and
 * `difusi odd`) has an Indonesian text keyed by the English one, so a
 * note changed in English is named here until it is translated again; the
 * English report keeps the English notes, the Indonesian one (city and
 * national) shows the Indonesian ones.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARAMETER_SPECS } from '../../src/scenario/parameters.js';
import { PARAM_NOTES_ID } from '../../src/report/i18n/param-notes-id.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';

beforeAll(() => assertBuilt());

/** The cells of the parameter table's row of `name` in report.html. */
function row(html: string, name: string): string[] {
  const m = new RegExp(`<tr[^>]*><td><code>${name}</code></td>(.*?)</tr>`).exec(html);
  if (m === null) throw new Error(`no parameter row ${name}`);
  return [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((x) => x[1]!);
}

describe('parameter notes', () => {
  it('every note has an Indonesian text, and no text is left for a note that no longer exists', () => {
    const notes = new Set(PARAMETER_SPECS.map((s) => s.note));
    expect([...notes].filter((n) => !(n in PARAM_NOTES_ID))).toEqual([]);
    expect(Object.keys(PARAM_NOTES_ID).filter((n) => !notes.has(n))).toEqual([]);
    for (const n of notes) {
      expect(PARAM_NOTES_ID[n]!.trim(), n).not.toBe('');
      expect(PARAM_NOTES_ID[n], n).not.toBe(n);
    }
  });

  it('in Indonesian, a calibrated value in a note has a decimal comma', () => {
    const calibrated = PARAMETER_SPECS.filter((s) => /calibrates \d\.\d+/.test(s.note));
    expect(calibrated.length).toBeGreaterThan(5);
    for (const s of calibrated) {
      const value = /calibrates (\d\.\d+)/.exec(s.note)![1]!;
      expect(id.paramNote(s.note), s.name).toContain(`dikalibrasi menjadi ${value.replace('.', ',')}`);
    }
  });

  it('a note says "the end of the run" as the reports do, not "the horizon" (a report reader meets no horizon), in both languages', () => {
    for (const s of PARAMETER_SPECS) {
      expect(s.note, s.name).not.toMatch(/horizon/i);
      expect(PARAM_NOTES_ID[s.note], s.name).not.toMatch(/horizon|cakrawala/i);
    }
    const sustain = PARAMETER_SPECS.find((s) => s.name === 'sustain_fraction')!;
    expect(sustain.note).toContain('must keep live at the end of the run to count as sustained');
    expect(id.paramNote(sustain.note)).toContain('harus tetap aktif pada akhir periode simulasi agar layanan disebut bertahan');
  });

  it('English keeps its notes; a note without a translation shows in English rather than blank', () => {
    for (const s of PARAMETER_SPECS) expect(en.paramNote(s.note)).toBe(s.note);
    expect(id.paramNote('a note not yet translated')).toBe('a note not yet translated');
  });

  it('the report.html of a national folder shows the notes in its language', async () => {
    const r = await executeNationalRun({
      file: join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'),
      outRoot: tempDir('difusi-notes-'),
      workers: 1,
      replications: 1,
      command: 'test',
    });
    const english = (await renderNationalReport(r.dir, 'en')).html;
    const indonesian = (await renderNationalReport(r.dir, 'id')).html;
    expect(row(english, 'bass_p').at(-1)).toBe('Sultan, Farley and Lehmann 1990 (mean innovation coefficient)');
    expect(row(indonesian, 'bass_p').at(-1)).toBe('Sultan, Farley dan Lehmann 1990 (rata-rata koefisien inovasi)');
    for (const s of PARAMETER_SPECS) {
      // Every row, as written (no note holds a character the HTML escapes).
      expect(row(indonesian, s.name).at(-1), s.name).toBe(PARAM_NOTES_ID[s.note]);
    }
  });
});
