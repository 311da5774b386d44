/**
 * Statistics for the experiment layer: summaries of replications, paired
 * (CRN) comparisons, the replication-count rule, designs for sweeps and
 * sensitivity analysis, and the sensitivity measures. All functions are
 * pure: no I/O, no clock, randomness only through an injected `rng`.
 *
 *   replications --> describe / wilson / RunningStats --> summary rows
 *   base, variant --> pairedDifference (+ bonferroniLevel) --> comparison rows
 *   outcome so far --> enoughReplications --> run more or stop
 *   parameter space --> factorialGrid | latinHypercube | morrisTrajectories | saltelliSample
 *                   --> rows --> (model runs) --> outputs --> morrisEffects | sobolIndices
 */
export { RunningStats, type RunningState } from './accumulator.js';
export { checkLevel, tCritical, zCritical } from './critical.js';
export { describe, tInterval, type Description, type Interval } from './describe.js';
export {
  checkFactors,
  factorialGrid,
  gridFactor,
  latinHypercube,
  morrisTrajectories,
  saltelliSample,
  type Design,
  type Factor,
  type GridFactor,
  type MorrisDesign,
  type MorrisTrajectory,
  type ParameterSpace,
  type SaltelliDesign,
  type SaltelliSequence,
  type UnitDesign,
} from './designs.js';
export {
  ISHIGAMI_A,
  ISHIGAMI_B,
  ishigami,
  ishigamiFactors,
  ishigamiIndices,
  type IshigamiIndices,
} from './ishigami.js';
export { sampleMoments, type Moments } from './moments.js';
export { normalQuantile } from './normal.js';
export {
  bonferroniLevel,
  newcombePaired,
  pairedDifference,
  pairedProportionDifference,
  pairedTable,
  unpairedReplicationRatio,
  type PairedComparison,
  type PairedProportionInterval,
  type PairedTable,
} from './paired.js';
export { enoughReplications, lawKeltonTarget, relativeHalfWidth } from './precision.js';
export { draw, permutation, uniformIndex, type Rng } from './random.js';
export {
  morrisEffects,
  sobolIndices,
  type MorrisEffect,
  type SobolIndex,
  type SobolOptions,
} from './sensitivity.js';
export { SOBOL_MAX_DIMENSION, directionNumbers, joeKuoTable, sobolSequence } from './sobol-sequence.js';
export { wilson, type ProportionInterval } from './wilson.js';
