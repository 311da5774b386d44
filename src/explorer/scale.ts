/**
 * What a lever's number means: its unit, from the parameter table
 * (scenario/parameters.ts) for `parameters.<name>`, and from the scenario
 * schema's field for the few other numbers a lever can set (a budget
 * shock's factor is a budget climate B; a leader's commitment lies on
 * [0,1]). Each unit is explained once, in both languages; nothing is
 * written per scenario. Pure.
 */
import { PARAMETER_SPECS } from '../scenario/parameters.js';
import type { Language } from './i18n.js';

/** Units of scenario fields a lever may set, as the schema describes them (scenario/schema.ts). */
const FIELD_UNITS: Readonly<Record<string, string>> = {
  factor: 'B',
  commitment: '[0,1]',
  strength: '[0,1]',
  pilot_months: 'months',
};

const SCALES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {
    B: 'budget climate: 1 is a normal year, 0.7 a refocusing year with 70 % of the budget',
    probability: 'a probability, from 0 (never) to 1 (always)',
    'probability per year': 'a probability per year, from 0 to 1',
    'probability per trigger': 'a probability each time it may happen, from 0 to 1',
    '[0,1]': 'on a scale from 0 (none) to 1 (full)',
    commitment: 'on a scale from 0 (none) to 1 (full)',
    fraction: 'a share, from 0 to 1',
    months: 'months',
    'per month': 'per month',
    'per year': 'per year',
    agencies: 'agencies',
  },
  id: {
    B: 'iklim anggaran: 1 berarti tahun normal, 0,7 tahun refocusing dengan 70% anggaran',
    probability: 'peluang, dari 0 (tidak pernah) sampai 1 (selalu)',
    'probability per year': 'peluang per tahun, dari 0 sampai 1',
    'probability per trigger': 'peluang setiap kali dapat terjadi, dari 0 sampai 1',
    '[0,1]': 'pada skala 0 (tidak ada) sampai 1 (penuh)',
    commitment: 'pada skala 0 (tidak ada) sampai 1 (penuh)',
    fraction: 'proporsi, dari 0 sampai 1',
    months: 'bulan',
    'per month': 'per bulan',
    'per year': 'per tahun',
    agencies: 'perangkat daerah',
  },
};

/** The unit of the number at a lever's path (a parameter's unit, or the schema field's), or null when none is known. */
function leverUnit(path: string): string | null {
  const parameter = /^parameters\.([a-z_0-9]+)$/.exec(path);
  if (parameter) return PARAMETER_SPECS.find((p) => p.name === parameter[1])?.unit ?? null;
  const field = /\.([a-z_]+)$/.exec(path)?.[1];
  return field !== undefined && Object.hasOwn(FIELD_UNITS, field) ? FIELD_UNITS[field]! : null;
}

/** What a slider's number means, in words, or '' when its unit is not known. */
export function leverScale(path: string, lang: Language): string {
  const unit = leverUnit(path);
  if (unit === null) return '';
  return Object.hasOwn(SCALES[lang], unit) ? SCALES[lang][unit]! : unit;
}

/** Units that have words (checked by the tests: both languages). */
export function scaleUnits(lang: Language): string[] {
  return Object.keys(SCALES[lang]);
}
