/**
 * A chart's PNG is drawn with subsets of DejaVu Sans (src/report/font-subset.ts:
 * resvg reads its font file again for every glyph, and a subset is a third
 * of the file). The PNG must be the very bytes the whole font files draw:
 * checked for every chart of a run's report, and for text that needs what a
 * subset keeps besides the characters written (a composite glyph's parts,
 * a glyph only the shaper's substitutions reach, characters composed or
 * decomposed by the shaper, numeric references), in regular and bold.
 * Text of a script a subset is not made for is drawn with the whole files.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { fontSubsetter, subsetCharacters } from '../../src/report/font-subset.js';
import { FONT } from '../../src/report/palette.js';
import { fontFiles, pngFonts, renderPng, renderPngAsync, renderSvg } from '../../src/report/render.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR } from './helpers.js';

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});

/** The PNG as drawn before subsets: the package's whole font files. */
function wholePng(svg: string, scale = 2): Buffer {
  const files = fontFiles();
  const resvg = new Resvg(svg, {
    font: { fontFiles: [files.regular, files.bold], loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  return resvg.render().asPng();
}

/** An SVG of lines of text, each in regular and in bold. */
function textSvg(lines: readonly string[]): string {
  const texts = lines.flatMap((line, i) => [
    `<text x="4" y="${24 + 44 * i}" font-family="${FONT}" font-size="16">${line}</text>`,
    `<text x="4" y="${44 + 44 * i}" font-family="${FONT}" font-size="16" font-weight="bold">${line}</text>`,
  ]);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="${44 * lines.length + 10}">${texts.join('')}</svg>`;
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

describe('PNGs drawn with font subsets', () => {
  test('every chart of a run report: the same PNG bytes as with the whole font files, drawn with subsets', async () => {
    for (const chart of buildCharts(run)) {
      const svg = await renderSvg(chart.spec);
      const fonts = pngFonts(svg);
      expect(fonts.subset, chart.name).toBe(true);
      fonts.release();
      expect(same(await renderPngAsync(svg), wholePng(svg)), chart.name).toBe(true);
    }
  });

  test('text that needs more than its own characters: the same bytes as with the whole files', () => {
    const lines = [
      // Precomposed letters built of parts (composite glyphs), and letters the shaper composes from a mark.
      'café naïve Ångström e\u0301 a\u0308 o\u0302\u0323 ệ',
      // i with a mark above: the shaper puts the dotless i (a glyph of its own) in place of i.
      'i\u0301 j\u0301 i\u0308 ı ȷ',
      // Greek, Cyrillic, Armenian, arrows, operators, shapes; references and entities.
      'μ σ Δ Привет Ելք → ↑ ≥ ± × · – — … &#x2212; &#8805; &amp; &lt;',
      // Ligature candidates, spaces and hyphens the shaper may replace.
      'fi ffl fl \u2009thin\u00a0nbsp\u2011hyphen\u2010x',
    ];
    const svg = textSvg(lines);
    const fonts = pngFonts(svg);
    expect(fonts.subset).toBe(true);
    fonts.release();
    expect(same(renderPng(svg), wholePng(svg))).toBe(true);
    expect(same(renderPng(svg, { scale: 1 }), wholePng(svg, 1))).toBe(true);
  });

  test('text of a script a subset is not made for (Arabic, Chinese) is drawn with the whole files, same bytes', () => {
    for (const line of ['مرحبا بالعالم', '数字政府 Bekasi', 'שלום']) {
      const svg = textSvg([line]);
      expect(subsetCharacters(svg), line).toBeNull();
      const fonts = pngFonts(svg);
      expect(fonts.subset, line).toBe(false);
      expect(fonts.files).toEqual([fontFiles().regular, fontFiles().bold]);
      expect(same(renderPng(svg), wholePng(svg)), line).toBe(true);
    }
  });

  test('a subset is a fraction of the font file and keeps the glyph ids: the same number of glyphs, the same tables', () => {
    const whole = readFileSync(fontFiles().regular);
    const subset = fontSubsetter(whole).subset(subsetCharacters(textSvg(['café −']))!);
    expect(subset.byteLength).toBeLessThan(whole.byteLength / 2);
    const tags = (b: Uint8Array): string[] => {
      const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
      return Array.from({ length: v.getUint16(4) }, (_, i) => Buffer.from(b.subarray(12 + 16 * i, 16 + 16 * i)).toString('latin1'));
    };
    expect(tags(subset)).toEqual(tags(whole));
    const glyphs = (b: Uint8Array): number => {
      const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const maxp = tags(b).indexOf('maxp');
      return v.getUint16(v.getUint32(12 + 16 * maxp + 8) + 4);
    };
    expect(glyphs(subset)).toBe(glyphs(whole));
  });

  test('a folder of subsets removed under the process: that PNG is drawn with the whole files, the next ones with subsets again', () => {
    const svg = textSvg(['folder removed']);
    const first = pngFonts(svg);
    expect(first.subset).toBe(true);
    first.release();
    rmSync(dirname(first.files[0]), { recursive: true, force: true });
    const whole = pngFonts(svg);
    expect(whole.subset).toBe(false);
    whole.release();
    const again = pngFonts(svg);
    expect(again.subset).toBe(true);
    again.release();
    expect(same(renderPng(svg), wholePng(svg))).toBe(true);
  });

  test('the subsets written for a PNG are removed once it is drawn', async () => {
    const svg = textSvg(['removed after drawing']);
    // This process's folder of subsets: other processes (the suite's other fork, another run on the
    // machine) draw PNGs into folders of their own at the same time, so only this one is looked at.
    const probe = pngFonts(svg);
    expect(probe.subset).toBe(true);
    const dir = dirname(probe.files[0]);
    expect(readdirSync(dir)).not.toEqual([]);
    probe.release();
    await renderPngAsync(svg);
    renderPng(svg);
    expect(readdirSync(dir)).toEqual([]);
  });
});
