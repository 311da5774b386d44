/**
 * The Indonesian twins of a scenario's texts (MODEL.md section 10): `name_id`
 * beside `name` on innovations, leaders, regulations, budget shocks, vendors
 * and platforms, `description_id` beside the scenario's `description`. One
 * rule picks the text shown in a language, for the report (report/
 * scenario-facts.ts), the explorer's tables, charts and lever labels alike.
 *
 * Pure, no node: module: the explorer bundles it for the browser.
 */

/** The languages a scenario's texts come in: English, and Bahasa Indonesia through the `_id` twins. */
export type TwinLang = 'en' | 'id';

/**
 * `key`'s text of a scenario entry in `lang`: in Bahasa Indonesia its twin
 * `<key>_id` when that is a string and not empty or blank, else `key`'s own text
 * (when a string); null when there is neither.
 * @example twinText({ name: 'Parking meters', name_id: 'Parkir meter' }, 'name', 'id') // 'Parkir meter'
 * @example twinText({ name: 'Parking meters', name_id: '' }, 'name', 'id') // 'Parking meters'
 */
export function twinText(entry: Readonly<Record<string, unknown>>, key: string, lang: TwinLang): string | null {
  const twin = lang === 'id' ? entry[`${key}_id`] : undefined;
  // A twin of only spaces counts as missing, as an empty one does (report-model's localText trims too).
  if (typeof twin === 'string' && twin.trim() !== '') return twin;
  const own = entry[key];
  return typeof own === 'string' ? own : null;
}
