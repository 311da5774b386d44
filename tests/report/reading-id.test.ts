/**
 * What an Indonesian reader meets in the city and comparison charts: an
 * interval written [a; b] (a comma is the decimal separator), the survival
 * chart's cut with a decimal comma, the Rogers chart's boundaries in
 * Indonesian and its share axis written "10 %" as the text writes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { runContext } from '../../src/report/charts.js';
import { renderSvg } from '../../src/report/render.js';
import type { ResultSet } from '../../src/report/rows.js';
import { forestData } from '../../src/report/specs/forest.js';
import { rogersSpec } from '../../src/report/specs/rogers.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { compared } from '../../src/report/report-model.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

let run: ResultSet;
let cmp: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
  cmp = await fixture(COMPARE_DIR);
});

/** The texts drawn in an SVG. */
const texts = (svg: string) => [...svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]!.trim()).filter((x) => x !== '');

describe('the forest plot', () => {
  it("writes an interval [a; b] in Indonesian and [a, b] in English", () => {
    const idText = forestData({ rows: cmp.compare, t: id }).map((r) => String(r['text']));
    const enText = forestData({ rows: cmp.compare }).map((r) => String(r['text']));
    expect(idText.length).toBeGreaterThan(0);
    for (const x of idText) expect(x).toMatch(/\[[^\],;]+(,\d+)?; [^\];]+\]/);
    for (const x of enText) expect(x).toMatch(/\[[^\],;]+, [^\];]+\]/);
    expect(idText.some((x) => /\d,\d/.test(x))).toBe(true);
  });
});

describe('the survival chart', () => {
  it('writes its cut with a decimal comma in Indonesian', () => {
    expect(id.survivalSub1(2.5)).toContain('sumbu dipotong pada 2,5,');
    expect(en.survivalSub1(2.5)).toContain('the axis is cut at 2.5,');
  });
});

describe('the Rogers chart', () => {
  it('names its boundaries in Indonesian and writes its shares "10 %", with a space as the text', async () => {
    const axis = runContext(run).axis;
    const idSvg = texts(await renderSvg(rogersSpec({ agents: run.agents, axis, t: id })));
    expect(idSvg).toContain('rata-rata');
    expect(idSvg.some((x) => /^rata-rata [−+] (2 )?sb$/.test(x))).toBe(true);
    expect(idSvg.filter((x) => /\bmean\b|\bsd\b/.test(x))).toEqual([]);
    expect(idSvg).toContain('0 %');
    expect(idSvg.filter((x) => /\d%/.test(x))).toEqual([]);
    const enSvg = texts(await renderSvg(rogersSpec({ agents: run.agents, axis })));
    expect(enSvg.some((x) => /^mean [−+] (2 )?sd$/.test(x))).toBe(true);
    expect(enSvg).toContain('0 %');
    // Its expected-share ticks are drawn vermillion, which the subtitle names as such.
    expect(id.rogersSub2).toContain('tanda jingga kemerahan');
    expect(en.rogersSub2).toContain('vermillion ticks');
  });
});

describe("a comparison's generated texts and columns in Indonesian", () => {
  const manifest = (file: string, description: string) => ({
    experiment: { name: 'x', file, description },
    arms: [
      { name: 'base', note: 'the base scenario', file: 'my.yaml', set: {} },
      { name: 'longer', note: 'longer-pilot.yaml', file: 'longer-pilot.yaml', set: {} },
    ],
    scenario: { name: 'my', resolved: {} },
  });

  it("words difusi's own base note and command-line description in the report's language; a user's text stays as written", () => {
    const generated = manifest('(command line)', 'my.yaml against longer-pilot.yaml');
    const idCompared = compared(generated, id)!;
    expect(idCompared.variants[0]!.note).toBe('skenario dasar');
    expect(idCompared.description).toBe('my.yaml dibandingkan dengan longer-pilot.yaml');
    const enCompared = compared(generated, en)!;
    expect(enCompared.variants[0]!.note).toBe('the base scenario');
    expect(enCompared.description).toBe('my.yaml against longer-pilot.yaml');
    // An experiment file's own description is the user's text, even when it reads alike.
    expect(compared(manifest('experiments/x.yaml', 'red against blue'), id)!.description).toBe('red against blue');
    expect(compared(manifest('experiments/x.yaml', 'red against blue'), id)!.variants[1]!.note).toBe('longer-pilot.yaml');
  });

  it('heads the variant name and the variant mean differently, and calls arms skenario, not lengan', () => {
    expect(id.col.variant).not.toBe(id.col.variantMean);
    expect(new Set([id.col.outcome, id.col.variant, id.col.base, id.col.variantMean, id.col.difference]).size).toBe(5);
    // The catalog's source, so that its sentences (functions) are read too.
    expect(readFileSync(join(ROOT, 'src', 'report', 'i18n', 'id.ts'), 'utf8')).not.toMatch(/\blengan/);
  });
});
