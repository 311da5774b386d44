/**
 * Provinces of Indonesia's current map that did not exist when a national
 * scenario may start. The Indonesian scenario applies today's map from its
 * first month (scenarios/indonesia-2015-2025.md, "The current map, applied
 * from 2015"), so these provinces are simulated as governments, and their
 * regencies and cities counted under them, from 2015; a result folder does
 * not record when a province was formed, so the national report reads it
 * here, to say so beside the province results (docs/NATIONAL.md, "The
 * national report"). Matched by the province ids `difusi generate-national`
 * writes (tests/national/report-caveats.test.ts holds them to the shipped
 * scenario); a province of another id is not named, and nothing is claimed
 * about it.
 */

/** A province formed after the scenario may start: its id, the month its law was enacted (YYYY-MM), the province it was split from. */
export interface LaterProvince {
  readonly id: string;
  readonly formed: string;
  readonly from: string;
}

/** The provinces formed in 2022 (area codes 93-96 of idn-area-data). */
export const PROVINCES_FORMED_LATER: readonly LaterProvince[] = [
  // UU 14/2022, 15/2022 and 16/2022 (25 July 2022): split from Papua.
  { id: 'prov-papua-selatan', formed: '2022-07', from: 'prov-papua' },
  { id: 'prov-papua-tengah', formed: '2022-07', from: 'prov-papua' },
  { id: 'prov-papua-pegunungan', formed: '2022-07', from: 'prov-papua' },
  // UU 29/2022 (8 December 2022): split from Papua Barat.
  { id: 'prov-papua-barat-daya', formed: '2022-12', from: 'prov-papua-barat' },
];

/**
 * The provinces of `present` (province ids) formed after `start` (YYYY-MM; null when unknown:
 * then every listed one), in the list's order.
 */
export function formedAfterStart(present: ReadonlySet<string>, start: string | null): LaterProvince[] {
  return PROVINCES_FORMED_LATER.filter((p) => present.has(p.id) && (start === null || p.formed > start));
}
