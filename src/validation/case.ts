/**
 * The case's roles, mapped to the ids and months of the shipped scenarios:
 * the one place where a check learns which service is the agency-owned
 * success, which regulation is the inert one, and so on. A check looks its
 * ids up here and in the scenario; an id missing from the scenario makes
 * that check fail ("not in the scenario"), it is never skipped.
 */

/** Kota Bekasi 2015-2025 (scenarios/bekasi-2015-2025.yaml). */
export const BEKASI = {
  /** The platform launched with 17 of 43 agencies connected (2016-03). */
  platform: 'poc-integration',
  /** The city's 2018 target of full integration. */
  integrationTarget: '2018-12',
  /** The agency-owned service that continued (the thesis: smart health). */
  agencyOwnedSuccess: 'smart-health',
  /** The regulation without money (Perda 02/2020) and the end of its inert period. */
  inertRegulation: 'perda-02-2020',
  inertUntil: '2021-12',
  /** The budget refocusing of 2020 (index into budget_shocks). */
  budgetShock: 0,
  /** The leadership change after the mayor's arrest (2022-01). */
  leadershipChange: 'acting-mayor-tri-adhianto',
  /** The national ban on new standalone apps (2023-06). */
  ban: 'perpres-82-2023',
  /** Years of the index: before the shocks, the year of the record's low (SPBE index 2.94 in 2021, 2.78 in 2022), after consolidation (3.83 in 2024). */
  indexBefore: 2019,
  /**
   * P10a's "before" window: the twelve months after the vendors' exit and
   * the pilot ends (2019-03) and before the budget refocusing (2020-04), so
   * that no shock of the record falls inside it.
   */
  dipBefore: { from: '2019-04', to: '2020-03' },
  indexShock: 2022,
  indexAfter: 2024,
  /**
   * The record in Heeks' categories, the services with 48 months of history
   * (seven): smart health continued (success); the POC integration, SOROT
   * and CCTV ran about three years and ended with or after the pilot, the
   * parking trial ran 18 months, the Iconic menus were mostly empty five
   * months after launch, POT is not heard of after the pilot (partial
   * failures: sustainability or goal failures). Read another way, the
   * parking trial ("judged unsuited") and the emptied menus were abandoned
   * at once (total failures).
   */
  record: {
    services: 7,
    success: 1,
    readings: [
      { label: 'all six ended services partial', success: 1, partial: 6, total_failure: 0 },
      { label: 'parking trial and Iconic menus abandoned at once', success: 1, partial: 4, total_failure: 2 },
    ],
  },
  /** The Bekasi scenario's calibrated parameters (docs/ODD.md section 12), removed in the defaults pass. */
  calibrated: [
    'vision_init',
    'champion_rotation',
    'champion_emergence',
    'renew_anchored',
    'defund_discontinue',
    'takeover_vendor',
    'pilot_discontinue',
    'budget_open_min',
    'h0_other',
    'm_champion',
    'reflexivity',
  ],
} as const;

/** The stylized pair (scenarios/sustained-opd-owned.yaml, discontinued-vendor-pilot.yaml). */
export const STYLIZED = {
  agencyService: 'agency-service',
  vendorPilot: 'vendor-pilot',
  /** The vendor pilot's calibrated parameters (noted in its file), removed in the defaults pass. */
  vendorCalibrated: ['takeover_vendor', 'pilot_discontinue'],
} as const;

/**
 * The stylized pair's band, shared by P6b and P13b: the agency-owned service
 * sustained in at least `sustained` of replications, the vendor pilot
 * discontinued in at least `discontinued`. The project's reading of
 * "sustained" and "discontinued" for the pair, fixed with the first pattern
 * checks, not taken from a source; the 0.70 is also the target the
 * `takeover_vendor` calibration was set against (docs/ODD.md section 12).
 */
export const STYLIZED_BAND = { sustained: 0.8, discontinued: 0.7 } as const;

/** The null model (scenarios/validation/null-model.yaml): contagion switched off. */
export const CONTAGION_OFF = { 'parameters.bass_q': 0, 'parameters.w_peer': 0 } as const;

/** Services judged after "2-4 years": at the 4-year end of that range. */
export const ATTRITION_MONTHS = 48;
