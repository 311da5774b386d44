/**
 * The report's languages: one catalog per language (`en.ts`, `id.ts`), the
 * same keys in each (the type `Catalog` makes a missing key a compile
 * error). English is the default.
 */
import { en, type Catalog } from './en.js';
import { id } from './id.js';
import { nationalEn, type NationalCatalog } from './national-en.js';
import { nationalId } from './national-id.js';

export type { Catalog };
export const LANGS = ['en', 'id'] as const;
export type Lang = (typeof LANGS)[number];

const CATALOGS: Readonly<Record<Lang, Catalog>> = { en, id };

export function catalog(lang: Lang = 'en'): Catalog {
  return CATALOGS[lang];
}

const NATIONAL_CATALOGS: Readonly<Record<Lang, NationalCatalog>> = { en: nationalEn, id: nationalId };

/** The national report's catalog (national-en.ts, national-id.ts): its text and its charts' words. */
export function nationalCatalog(lang: Lang = 'en'): NationalCatalog {
  return NATIONAL_CATALOGS[lang];
}

/** A label from one of a catalog's vocabularies, or the key itself when it has none. */
export function label(vocabulary: object, key: string): string {
  const v = (vocabulary as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : key;
}

/**
 * A number written for the catalog's language: the decimal separator
 * (`0.25` -> `0,25` in Indonesian) and the percent sign (`95 %` -> `95%` in
 * Indonesian, the catalog's `percentSign`); versions, dates and names are left alone.
 */
export function localNumber(t: Catalog, text: string): string {
  // A number on its own (not part of a version like 1.2.3 or a name like v1.2).
  const decimal = t.decimal === '.' ? text : text.replace(/(?<![\w.])(\d+)\.(\d+)(?![\w.])/g, `$1${t.decimal}$2`);
  // A percentage built as "<number> %" (format.ts and the summary write it so in every language).
  return t.percentSign === ' %' ? decimal : decimal.replace(/(\d) %(?![\p{L}\d])/gu, `$1${t.percentSign}`);
}

/**
 * A run's what-ifs (manifest.json `overrides`, path -> value) as the
 * reports name them: "path = value; ...", a number in the language's form,
 * any other value as JSON (a string in quotes). Null when there are none
 * (the field absent, not an object, or empty). The text is the user's:
 * the reports escape it as they escape every summary sentence.
 */
export function whatIfText(overrides: unknown, t: Catalog): string | null {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return null;
  const entries = Object.entries(overrides as Record<string, unknown>);
  if (entries.length === 0) return null;
  return entries.map(([path, v]) => `${path} = ${typeof v === 'number' ? localNumber(t, String(v)) : JSON.stringify(v)}`).join('; ');
}

/**
 * The name a comparison's arm is shown by: the base arm (always named `base`, a name no variant may
 * take) in the catalog's word (`dasar` in Indonesian, as the tables' headers say); a variant by its
 * own name. The name itself stays what folders (arms/base/) and CSVs hold. Should a variant be named
 * as the base is shown (`dasar`), the base keeps its name, so no two arms are shown alike.
 */
export function armLabel(name: string, arms: readonly string[], t: Catalog): string {
  return name === 'base' && !arms.includes(t.baseArm) ? t.baseArm : name;
}

export { reportFiles, type ReportFiles } from '../report-files.js';
