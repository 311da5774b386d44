/**
 * Text widths from a TrueType font's advance widths, so that vega lays out
 * labels, legends and titles with the metrics of the font resvg will draw
 * them in (no canvas package, no system fonts).
 *
 * Reads the `head` (unitsPerEm), `hhea` (numberOfHMetrics), `hmtx`
 * (advances) and `cmap` (format 4 or 12) tables. Kerning is ignored, so
 * widths are within a few percent of the shaped text.
 * Pure: a function of the font bytes.
 */

export interface FontMetrics {
  /** Width in px of `text` at `fontSize` px. */
  width(text: string, fontSize: number): number;
}

export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

export function tables(view: DataView): Map<string, TableRecord> {
  const numTables = view.getUint16(4);
  const out = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const r = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(r), view.getUint8(r + 1), view.getUint8(r + 2), view.getUint8(r + 3));
    out.set(tag, { offset: view.getUint32(r + 8), length: view.getUint32(r + 12) });
  }
  return out;
}

/** The table `tag` of a font's directory; throws when the font has none. */
export function need(t: Map<string, TableRecord>, tag: string): TableRecord {
  const r = t.get(tag);
  if (!r) throw new Error(`font: table "${tag}" missing`);
  return r;
}

/** Builds a code point -> glyph id lookup from the best Unicode cmap subtable. */
export function cmapLookup(view: DataView, cmap: TableRecord): (cp: number) => number {
  const n = view.getUint16(cmap.offset + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < n; i++) {
    const r = cmap.offset + 4 + 8 * i;
    const platform = view.getUint16(r);
    const encoding = view.getUint16(r + 2);
    const sub = cmap.offset + view.getUint32(r + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && format12 < 0) format12 = sub;
    if (format === 4 && format4 < 0) format4 = sub;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = format12 + 16 + 12 * mid;
        const start = view.getUint32(g);
        const end = view.getUint32(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return view.getUint32(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (format4 >= 0) {
    const segX2 = view.getUint16(format4 + 6);
    const ends = format4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segX2; s += 2) {
        if (view.getUint16(ends + s) < cp) continue;
        const start = view.getUint16(starts + s);
        if (cp < start) return 0;
        const delta = view.getInt16(deltas + s);
        const range = view.getUint16(ranges + s);
        if (range === 0) return (cp + delta) & 0xffff;
        const glyph = view.getUint16(ranges + s + range + 2 * (cp - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('font: no Unicode cmap (format 4 or 12)');
}

/** Parses a TrueType font's horizontal metrics. */
export function fontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = tables(view);
  const unitsPerEm = view.getUint16(need(t, 'head').offset + 18);
  const numberOfHMetrics = view.getUint16(need(t, 'hhea').offset + 34);
  const hmtx = need(t, 'hmtx').offset;
  const glyphOf = cmapLookup(view, need(t, 'cmap'));
  const cache = new Map<number, number>();
  const advance = (cp: number): number => {
    let a = cache.get(cp);
    if (a === undefined) {
      const g = Math.min(glyphOf(cp), numberOfHMetrics - 1);
      a = view.getUint16(hmtx + 4 * g) / unitsPerEm;
      cache.set(cp, a);
    }
    return a;
  };
  return {
    width(text: string, fontSize: number): number {
      let em = 0;
      for (const ch of text) em += advance(ch.codePointAt(0) as number);
      return em * fontSize;
    },
  };
}
