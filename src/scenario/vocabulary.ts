/**
 * The scenario's fixed vocabulary (agency types, Rogers' adopter
 * categories, owners, fundings, sponsors, network types), without zod:
 * src/scenario/schema.ts builds the validator from these lists, and the
 * model's modules import them from here so that a worker thread running
 * replications does not load the schema validator.
 */
export const OPD_TYPES = ['dinas', 'badan', 'kecamatan', 'secretariat', 'other'] as const;
export const CATEGORIES = ['innovator', 'early_adopter', 'early_majority', 'late_majority', 'laggard'] as const;
/**
 * Rogers' category bands in z-scores of theta, [lower, upper), in the order
 * of CATEGORIES (MODEL.md 2.3; Rogers 2003 ch. 7: mean -2 sd, -1 sd, mean, +1 sd).
 */
export const CATEGORY_Z_BANDS: readonly (readonly [number, number])[] = [
  [-Infinity, -2],
  [-2, -1],
  [-1, 0],
  [0, 1],
  [1, Infinity],
];

/**
 * Index into CATEGORIES of a z-score (lower = earlier adopter), by
 * CATEGORY_Z_BANDS. Used for thresholds (MODEL.md 2.3) and for realized
 * adoption months (Rogers' own mean-and-SD classification).
 */
export function categoryOfZ(z: number): number {
  const k = CATEGORY_Z_BANDS.findIndex(([lo, hi]) => z >= lo && z < hi);
  return k < 0 ? CATEGORY_Z_BANDS.length - 1 : k;
}
export const OWNERS = ['opd', 'coordinator', 'vendor'] as const;
export const FUNDINGS = ['apbd', 'pilot', 'national'] as const;
export const SPONSORS = ['leader', 'opd', 'none'] as const;
export const NETWORK_TYPES = ['complete', 'erdos-renyi', 'small-world', 'scale-free', 'hub', 'none'] as const;
