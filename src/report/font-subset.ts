/**
 * The font a chart's PNG is drawn with: DejaVu Sans with the outlines of the
 * glyphs the chart cannot show left out, every other table as it was.
 *
 * resvg reads its fonts through fontdb, which reads the whole font file
 * again each time it shapes a run of text or outlines a glyph: a chart of
 * the report read DejaVuSans.ttf (757 KB) about two thousand times, some
 * 60-150 ms of CPU a chart in copying it. With the outlines of unused glyphs
 * left out the file is a fraction of that, and the PNG is the same bytes:
 *
 * - glyph ids do not change (a left-out glyph keeps its id, with an empty
 *   outline), so cmap, hmtx, kern, GSUB, GPOS and every other table are
 *   copied as they are: the same font is chosen, the same glyphs are shaped
 *   and placed, and each kept glyph has its very outline bytes (post's
 *   glyph names are kept too: a copy without them drew other PNGs);
 * - kept are: glyph 0, the glyphs the cmap gives to every character of the
 *   SVG (as written, NFC and NFD: the shaper composes and decomposes) and to
 *   ASCII and General Punctuation (the shaper's fallbacks for spaces and
 *   hyphens), then whatever any GSUB substitution can make of a kept glyph
 *   (its contexts ignored: a superset) and the components of kept composite
 *   glyphs, until nothing is added.
 *
 * Only text without right-to-left or complex scripts is drawn with a subset
 * (`subsetCharacters`); other text, or a font this module cannot read, is drawn
 * with the whole font, as before. Pure: bytes in, bytes out.
 */
import { cmapLookup, need, tables, type TableRecord } from './font-metrics.js';

/** Characters kept in every subset: ASCII, and General Punctuation (the shaper's fallbacks for spaces and hyphens). */
const ALWAYS: readonly (readonly [number, number])[] = [
  [0x00, 0x7f],
  [0x2000, 0x206f],
];

/**
 * Characters outside those a subset is drawn for: Latin, Greek, Cyrillic and
 * Armenian (below U+0590), Latin Extended Additional and Greek Extended
 * (U+1E00-U+1FFF), punctuation, symbols, arrows, mathematical operators and
 * shapes (U+2000-U+2BFF). Right-to-left and complex scripts (shaped with
 * fallbacks this module does not follow) are drawn with the whole font.
 */
const OTHER_SCRIPT = /[^\u0000-\u058f\u1e00-\u2bff]/u;
/** An ASCII character (the base a combining mark may compose with) and the characters other than ASCII after it. */
const NON_ASCII_RUN = /[\u0000-\u007f]?[^\u0000-\u007f]+/gu;
const NON_ASCII = /[^\u0000-\u007f]/gu;

/**
 * The characters other than ASCII an SVG's text can be shaped from: every
 * character of the file (markup included: a superset), numeric references
 * decoded, as written, NFC and NFD (the shaper composes and decomposes);
 * null when one of them is of a script a subset is not drawn for.
 * Normalised are only the runs of characters other than ASCII, each with
 * the ASCII character before it: ASCII is the same in every normal form and
 * composes with nothing before it, so these are the characters of the whole
 * file's NFC and NFD.
 */
export function subsetCharacters(svg: string): Set<number> | null {
  const decoded = svg.includes('&#')
    ? svg.replace(/&#x([0-9a-f]+);|&#([0-9]+);/gi, (ref, hex: string | undefined, dec: string | undefined) => {
        const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : ref;
      })
    : svg;
  const out = new Set<number>();
  for (const [run] of decoded.matchAll(NON_ASCII_RUN)) {
    for (const s of [run, run.normalize('NFC'), run.normalize('NFD')]) {
      if (OTHER_SCRIPT.test(s)) return null;
      for (const ch of s.match(NON_ASCII) ?? []) out.add(ch.codePointAt(0) as number);
    }
  }
  return out;
}

/** What tells one subset from another: its characters, in order (two sets of the same characters make the same subset). */
export function subsetKey(codePoints: ReadonlySet<number>): string {
  return [...codePoints].sort((a, b) => a - b).join(',');
}

/** Makes subsets of one TrueType font: `subset(codePoints)` is the font with the outlines only of the glyphs those characters can need. */
export interface FontSubsetter {
  subset(codePoints: ReadonlySet<number>): Uint8Array;
}

/** Glyph ids of a Coverage table (formats 1 and 2), in coverage order. */
function coverage(view: DataView, off: number): number[] {
  const format = view.getUint16(off);
  const out: number[] = [];
  if (format === 1) {
    const n = view.getUint16(off + 2);
    for (let i = 0; i < n; i++) out.push(view.getUint16(off + 4 + 2 * i));
  } else if (format === 2) {
    const n = view.getUint16(off + 2);
    for (let i = 0; i < n; i++) {
      const r = off + 4 + 6 * i;
      for (let g = view.getUint16(r); g <= view.getUint16(r + 2); g++) out.push(g);
    }
  } else throw new Error(`font: coverage format ${format}`);
  return out;
}

/**
 * Every glyph a GSUB substitution can put in place of a glyph, by input
 * glyph: single (1), multiple (2), alternate (3), ligature (4, keyed by its
 * first glyph), reverse chaining single (8), through extensions (7).
 * Contextual lookups (5, 6) substitute only by calling lookups of the list,
 * which are read here themselves.
 */
function substitutions(view: DataView, gsub: TableRecord | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (!gsub) return out;
  const add = (from: number, to: number): void => {
    const list = out.get(from);
    if (list) list.push(to);
    else out.set(from, [to]);
  };
  const u16 = (o: number): number => view.getUint16(o);
  const subtable = (type: number, off: number): void => {
    const format = u16(off);
    if (type === 7) {
      if (format !== 1) throw new Error(`font: extension format ${format}`);
      return subtable(u16(off + 2), off + view.getUint32(off + 4));
    }
    if (type === 5 || type === 6) return;
    const cov = coverage(view, off + u16(off + 2));
    if (type === 1 && format === 1) {
      const delta = view.getInt16(off + 4);
      for (const g of cov) add(g, (g + delta) & 0xffff);
    } else if (type === 1 && format === 2) {
      cov.forEach((g, i) => add(g, u16(off + 6 + 2 * i)));
    } else if ((type === 2 || type === 3) && format === 1) {
      cov.forEach((g, i) => {
        const seq = off + u16(off + 6 + 2 * i);
        for (let k = 0; k < u16(seq); k++) add(g, u16(seq + 2 + 2 * k));
      });
    } else if (type === 4 && format === 1) {
      cov.forEach((g, i) => {
        const set = off + u16(off + 6 + 2 * i);
        for (let k = 0; k < u16(set); k++) add(g, u16(set + u16(set + 2 + 2 * k)));
      });
    } else if (type === 8 && format === 1) {
      const backtrack = u16(off + 4);
      const lookahead = u16(off + 6 + 2 * backtrack);
      const subs = off + 8 + 2 * backtrack + 2 * lookahead;
      cov.forEach((g, i) => add(g, u16(subs + 2 + 2 * i)));
    } else throw new Error(`font: GSUB lookup type ${type} format ${format}`);
  };
  const lookups = gsub.offset + u16(gsub.offset + 8);
  for (let l = 0; l < u16(lookups); l++) {
    const lookup = lookups + u16(lookups + 2 + 2 * l);
    const type = u16(lookup);
    for (let s = 0; s < u16(lookup + 4); s++) subtable(type, lookup + u16(lookup + 6 + 2 * s));
  }
  return out;
}

const ALIGN = 4;
const padded = (n: number): number => (n + ALIGN - 1) & ~(ALIGN - 1);

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.byteLength & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  let last = 0;
  for (let i = whole; i < bytes.byteLength; i++) last |= (bytes[i] as number) << (24 - 8 * (i - whole));
  return (sum + last) >>> 0;
}

/** Reads a TrueType font (glyf outlines) once; throws on anything it does not read. */
export function fontSubsetter(bytes: Uint8Array): FontSubsetter {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x00010000) throw new Error('font: not a TrueType font');
  const t = tables(view);
  const numGlyphs = view.getUint16(need(t, 'maxp').offset + 4);
  const shortLoca = view.getInt16(need(t, 'head').offset + 50) === 0;
  const loca = need(t, 'loca');
  const glyf = need(t, 'glyf');
  const starts = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++) starts[g] = shortLoca ? 2 * view.getUint16(loca.offset + 2 * g) : view.getUint32(loca.offset + 4 * g);
  const glyphOf = cmapLookup(view, need(t, 'cmap'));
  const subs = substitutions(view, t.get('GSUB'));

  /** Components of a composite glyph. */
  const components = (g: number): number[] => {
    const start = starts[g] as number;
    if ((starts[g + 1] as number) - start < 10 || view.getInt16(glyf.offset + start) >= 0) return [];
    const out: number[] = [];
    let p = glyf.offset + start + 10;
    for (;;) {
      const flags = view.getUint16(p);
      out.push(view.getUint16(p + 2));
      p += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      if (!(flags & 0x0020)) return out;
    }
  };

  const always: number[] = [];
  for (const [lo, hi] of ALWAYS) for (let cp = lo; cp <= hi; cp++) always.push(glyphOf(cp));

  const kept = (codePoints: ReadonlySet<number>): Set<number> => {
    const keep = new Set<number>([0]);
    const todo: number[] = [0];
    const visit = (g: number): void => {
      if (g < numGlyphs && !keep.has(g)) {
        keep.add(g);
        todo.push(g);
      }
    };
    for (const cp of codePoints) visit(glyphOf(cp));
    for (const g of always) visit(g);
    while (todo.length > 0) {
      const g = todo.pop() as number;
      for (const s of subs.get(g) ?? []) visit(s);
      for (const c of components(g)) visit(c);
    }
    return keep;
  };

  /** Subsets made, by their characters (a report's charts mostly have the same). */
  const made = new Map<string, Uint8Array>();
  const subset = (codePoints: ReadonlySet<number>): Uint8Array => {
    const key = subsetKey(codePoints);
    let font = made.get(key);
    if (font === undefined) made.set(key, (font = build(kept(codePoints))));
    return font;
  };

  const build = (keep: ReadonlySet<number>): Uint8Array => {
    // glyf: the kept glyphs' bytes, the others empty; loca in the font's own format.
    let size = 0;
    for (const g of keep) size += (starts[g + 1] as number) - (starts[g] as number);
    const newGlyf = new Uint8Array(size);
    const newLoca = new Uint8Array(shortLoca ? 2 * (numGlyphs + 1) : 4 * (numGlyphs + 1));
    const locaView = new DataView(newLoca.buffer);
    let at = 0;
    for (let g = 0; g <= numGlyphs; g++) {
      if (shortLoca) locaView.setUint16(2 * g, at / 2);
      else locaView.setUint32(4 * g, at);
      if (g < numGlyphs && keep.has(g)) {
        const from = starts[g] as number;
        const to = starts[g + 1] as number;
        newGlyf.set(bytes.subarray(glyf.offset + from, glyf.offset + to), at);
        at += to - from;
      }
    }
    const records = [...t.entries()];
    const data = new Map(records.map(([tag, r]) => [tag, tag === 'glyf' ? newGlyf : tag === 'loca' ? newLoca : bytes.subarray(r.offset, r.offset + r.length)]));
    const header = 12 + 16 * records.length;
    let total = header;
    for (const d of data.values()) total += padded(d.byteLength);
    const out = new Uint8Array(total);
    out.set(bytes.subarray(0, 12));
    const outView = new DataView(out.buffer);
    let offset = header;
    records.forEach(([tag], i) => {
      const d = data.get(tag) as Uint8Array;
      const r = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[r + k] = tag.charCodeAt(k);
      outView.setUint32(r + 4, tag === 'glyf' || tag === 'loca' ? checksum(d) : view.getUint32(12 + 16 * i + 4));
      outView.setUint32(r + 8, offset);
      outView.setUint32(r + 12, d.byteLength);
      out.set(d, offset);
      offset += padded(d.byteLength);
    });
    return out;
  };
  return { subset };
}
