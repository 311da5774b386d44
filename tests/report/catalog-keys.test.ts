/**
 * The report's catalogs hold only text the report shows: every key of the
 * city catalog (en.ts), of the national one (national-en.ts) and of the
 * national comparison's (national-compare-en.ts) is read
 * somewhere in src/ outside the catalogs, so a sentence a chart or table
 * stopped using cannot linger, translated and reviewed, but never printed.
 * And each language's catalog has exactly the English one's keys, at every
 * depth (a key added to one language only fails here even where the
 * compiler would not look, e.g. a vocabulary typed as a record).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { nationalEn } from '../../src/report/i18n/national-en.js';
import { nationalId } from '../../src/report/i18n/national-id.js';
import { nationalCompareEn } from '../../src/report/i18n/national-compare-en.js';
import { nationalCompareId } from '../../src/report/i18n/national-compare-id.js';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The source outside the catalogs (src/report/i18n/): where a key must be read to be shown. */
const code = sources(join(ROOT, 'src'))
  .filter((p) => !p.includes(join('src', 'report', 'i18n')))
  .map((p) => readFileSync(p, 'utf8'))
  .join('\n');

/** The keys of a catalog that no source file outside the catalogs names. */
function unusedKeys(catalog: object, source: string): string[] {
  return Object.keys(catalog).filter((k) => !new RegExp(`\\b${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(source));
}

/**
 * Maps from the English text of the CLI's lines to another language's
 * (p14.names: English has none, as its lines are already English): their
 * keys are English text, not catalog keys, so only the map itself is compared.
 */
const TRANSLATION_MAPS = new Set(['p14.names']);

/** Every key path of a catalog (nested vocabularies included), sorted. */
function paths(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o) || TRANSLATION_MAPS.has(prefix)) return [prefix];
  return Object.entries(o)
    .flatMap(([k, v]) => paths(v, prefix === '' ? k : `${prefix}.${k}`))
    .sort();
}

describe('report catalogs', () => {
  test('every key of the city catalog is read by the report', () => {
    expect(unusedKeys(en, code)).toEqual([]);
  });

  test('every key of the national catalog is read by the report', () => {
    expect(unusedKeys(nationalEn, code)).toEqual([]);
  });

  test("every key of the national comparison's catalog is read by its report", () => {
    expect(unusedKeys(nationalCompareEn, code)).toEqual([]);
  });

  test('the check sees a key nothing reads', () => {
    expect(unusedKeys({ lineMean: 1, neverPrintedAnywhere: 2 }, code)).toEqual(['neverPrintedAnywhere']);
  });

  test('English and Indonesian have the same keys, at every depth', () => {
    expect(paths(id)).toEqual(paths(en));
    expect(paths(nationalId)).toEqual(paths(nationalEn));
    expect(paths(nationalCompareId)).toEqual(paths(nationalCompareEn));
  });
});
