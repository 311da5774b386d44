/**
 * The state of one replication, as a struct of typed arrays (STYLE habit 6).
 *
 * Agencies are indexed o = 0..N-1, innovations k = 0..K-1, and the service
 * instance of the pair (o, k) sits at i = o * K + k in every instance array.
 */
import type { CompiledModel } from './compile.js';
import type { Network } from './network.js';
import type { Streams } from '../engine/random.js';
import type { ActiveLists } from './active.js';

/** Service-instance states (MODEL.md 2.1). `Live` is implementation under way. */
export const STATE = { unaware: 0, aware: 1, live: 2, routinized: 3, discontinued: 4 } as const;
/** Implementation stages inside the organization (MODEL.md 2.2). */
export const STAGE = { none: 0, restructuring: 1, clarifying: 2, routinized: 3 } as const;
/**
 * How an instance is integrated: through its innovation's own platform (lost
 * when that platform shuts) or into the city's platform (a double-loop
 * change, the obligatory passage point, or an innovation with no platform).
 */
export const INTEGRATION = { none: 0, platform: 1, city: 2 } as const;
/** Budget lines. */
export const LINE = { none: 0, pilot: 1, apbd: 2, national: 3 } as const;
/** Discontinuance causes (MODEL.md 7.8), defined in vocabulary.ts. */
import { CAUSES, type Cause, type EventKind } from './vocabulary.js';
export { CAUSES, type Cause };
export const CAUSE: Record<Cause, number> = {
  defunded: 1,
  vendor_exit: 2,
  disenchantment: 3,
  hazard: 4,
  leadership: 5,
  replacement: 6,
};

/** An event row (events.csv); `opd`/`innovation` are indices or -1. */
export interface ModelEvent {
  readonly month: number;
  readonly kind: EventKind;
  readonly opd: number;
  readonly innovation: number;
  readonly loop: '' | 'single' | 'double' | 'triple';
  readonly cause: string;
}

/** Counters of the current month, reset at the start of each tick. */
export interface MonthCounters {
  newAdoptions: number;
  adoptionsByCategory: Int32Array; // 5
  discontinuedByCause: Int32Array; // index CAUSE value
  learningSingle: number;
  learningDouble: number;
  learningDoubleVision: number;
  learningTriple: number;
}

export interface World {
  readonly model: CompiledModel;
  readonly streams: Streams;
  readonly network: Network;
  readonly n: number;
  readonly k: number;
  month: number;
  /** Random-stream keys of the agencies and the innovations (model.opds[o].key, model.innovations[j].key), for the hot loops. */
  readonly opdKeys: Float64Array;
  readonly innovationKeys: Float64Array;
  /** Agency o and innovation j of instance i (i = o * k + j), without a division in the hot loops. */
  readonly agencyOf: Int32Array;
  readonly innovationOf: Int32Array;

  // Agencies
  readonly theta: Float64Array;
  readonly category: Uint8Array; // index into CATEGORIES
  readonly capacity: Float64Array;
  readonly slack: Float64Array;
  readonly champion: Uint8Array;
  readonly reflexivity: Float64Array;
  readonly firstAdoption: Int32Array; // month or -1
  /** Eligible peers of each instance (static). */
  readonly eligiblePeers: Int32Array;

  // Service instances (N * K)
  readonly eligible: Uint8Array;
  readonly state: Uint8Array;
  readonly stage: Uint8Array;
  readonly everAdopted: Uint8Array;
  readonly adoptedAt: Int32Array;
  readonly authority: Uint8Array;
  readonly line: Uint8Array;
  readonly lineOpened: Int32Array;
  /**
   * 1 when a city-funded instance has no line because its line was not
   * renewed or city funding was closed when it was adopted: it is proposed
   * again in each January's budget round (ODD 7.1). A line taken by betrayal
   * is not proposed again.
   */
  readonly proposable: Uint8Array;
  readonly owned: Uint8Array;
  /** 0 not integrated; INTEGRATION.platform through the innovation's own platform; INTEGRATION.city into the city's. */
  readonly integrated: Uint8Array;
  readonly reinvented: Uint8Array;
  readonly compatibility: Float64Array;
  readonly complexity: Float64Array;
  readonly usage: Float64Array;
  readonly effort: Float64Array;
  readonly gapMonths: Int32Array;
  readonly failMonths: Int32Array;
  readonly stableMonths: Int32Array;
  readonly translation: Float64Array;
  readonly cause: Uint8Array;
  readonly endedAt: Int32Array; // month of discontinuance or -1

  // Per-month snapshots (phase 2): peer shares f and g, live adopting peers.
  readonly peerLive: Int32Array;
  readonly peerDisenchanted: Int32Array;

  // Regulation anchors, recomputed when regulations change.
  readonly anchored: Uint8Array; // any active applicable anchoring regulation
  readonly mandateFree: Float64Array; // strongest strength, no budget line required
  readonly mandateBudget: Float64Array; // strongest strength among those requiring a line

  // Innovations
  readonly withdrawn: Uint8Array;
  readonly takenOver: Uint8Array;
  readonly pilotOver: Uint8Array;
  readonly sponsored: Uint8Array; // by the current leader
  readonly peakLive: Int32Array;
  /** Discontinuations per innovation and cause: index k * (CAUSES.length + 1) + cause. */
  readonly endedByCause: Int32Array;
  readonly lastEnded: Int32Array; // month of the innovation's last discontinuance, or -1
  readonly firstAdopted: Int32Array; // month of the innovation's first adoption, or -1
  readonly initialChampion: Uint8Array;

  // Non-human actors
  readonly platformActive: Uint8Array;
  readonly vendorActive: Uint8Array;
  readonly regulationActive: Uint8Array;
  /** Regulations enacted by the triple loop (appended at run time). */
  readonly extraRegulations: { strength: number; anchors: Uint8Array }[];

  // City
  leader: number; // index into model.leaders, or -1 for none / a random successor
  /** The office is vacant (a term ended before the successor's `from`): nobody can sponsor. */
  vacant: boolean;
  commitment: number;
  vision: number;
  budget: number;
  /** A ban on standalone apps binds some agency (`banned`). */
  banActive: boolean;
  cityBan: boolean; // the triple loop's own ban on standalone apps
  /** Per agency: 1 while a ban on standalone apps binds it (a regulation's `applies_to`, or the city's own ban: every agency). */
  readonly banned: Uint8Array;
  failingRun: number; // consecutive months with failing share > F_star
  triplePending: boolean;
  tripleDone: number; // how many of the three rule changes are done
  obligatoryPassagePoint: boolean;

  /**
   * What the national level feeds into this government's city model each
   * month (docs/NATIONAL.md); absent for a city scenario, which then runs
   * exactly as before.
   */
  national?: NationalInputs;

  readonly counters: MonthCounters;
  /** The instances each phase has work for (active.ts). */
  readonly lists: ActiveLists;
  /** Event rows, when recorded (the first replications only). */
  readonly events: ModelEvent[] | null;
}

/** Per innovation of one government: pulls from peer governments and national money. */
export interface NationalInputs {
  /**
   * Month this government launched the service (its campaign starts then),
   * or -1 while it has not: agencies cannot become aware before.
   */
  readonly launchedAt: Int32Array;
  /** Extra utility in the decision (learning from and competing with peer governments). */
  readonly utility: Float64Array;
  /** 1 once national money for the service has arrived in this government. */
  readonly money: Uint8Array;
}

export function newCounters(): MonthCounters {
  return {
    newAdoptions: 0,
    adoptionsByCategory: new Int32Array(5),
    discontinuedByCause: new Int32Array(CAUSES.length + 1),
    learningSingle: 0,
    learningDouble: 0,
    learningDoubleVision: 0,
    learningTriple: 0,
  };
}

export function resetCounters(c: MonthCounters): void {
  c.newAdoptions = 0;
  // Loops, not fill(): these arrays hold a handful of entries, and fill() is a
  // call into the runtime that costs more than the stores (once per government
  // and month in a national replication).
  const byCategory = c.adoptionsByCategory;
  for (let x = 0; x < byCategory.length; x++) byCategory[x] = 0;
  const byCause = c.discontinuedByCause;
  for (let x = 0; x < byCause.length; x++) byCause[x] = 0;
  c.learningSingle = 0;
  c.learningDouble = 0;
  c.learningDoubleVision = 0;
  c.learningTriple = 0;
}

export function record(
  w: World,
  kind: EventKind,
  opd = -1,
  innovation = -1,
  cause = '',
  loop: ModelEvent['loop'] = '',
): void {
  w.events?.push({ month: w.month, kind, opd, innovation, loop, cause });
}

/**
 * True while the instance is implemented or routinized (a state code, an
 * integer). One comparison, not two joined by `||`: the optimizer compiles
 * a second comparison that has not run yet (no routinized instance so far
 * in the thread) as a jump back to unoptimized code, and the function that
 * inlined it is compiled again once the first instance routinizes.
 */
export function isLive(state: number): boolean {
  return (state - STATE.live) >>> 0 <= STATE.routinized - STATE.live;
}
