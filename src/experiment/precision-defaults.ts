/**
 * The `--precision` rule's fixed numbers, in a module of their own so that
 * the command line can describe its options without loading the statistics
 * (start-up time of `difusi --help`, docs/PERFORMANCE.md).
 */

/** Fewest replications a precision run ends with (Law and Kelton's rule needs a few to estimate the variance). */
export const PRECISION_MINIMUM = 10;
/** Default ceiling on a precision run's replications. */
export const PRECISION_MAXIMUM = 10_000;
/** The outcome a precision rule watches unless told otherwise. */
export const DEFAULT_PRECISION_OUTCOME = 'live_share';
