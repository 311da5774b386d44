/**
 * Initialization of one replication (MODEL.md section 5).
 *
 * Thresholds, capacity, slack and champions are drawn per agency from the
 * initialization streams keyed by the agency's id, so adding an agency does
 * not change the draws of the others.
 */
import type { CompiledModel } from './compile.js';
import { CAUSES, newCounters, type World } from './world.js';
import { buildNetwork } from './network.js';
import { newActiveLists } from './active.js';
import { Process } from './processes.js';
import type { Streams } from '../engine/random.js';
import { CATEGORIES, CATEGORY_Z_BANDS, categoryOfZ } from '../scenario/vocabulary.js';



/** Redraw limit for truncated normals; past it the draw is clamped (documented in ODD). */
const MAX_REDRAWS = 10_000;

/**
 * Normal(mean, sd) truncated to [lo, hi] by redrawing (MODEL.md 2.3, 5).
 * Draws are keyed (process, 0, opd key, 0, k) for k = 0, 1, ...
 */
export function truncatedNormal(
  streams: Streams,
  process: number,
  opdKey: number,
  mean: number,
  sd: number,
  lo: number,
  hi: number,
): number {
  if (sd <= 0) return Math.min(hi, Math.max(lo, mean));
  for (let k = 0; k < MAX_REDRAWS; k++) {
    const x = mean + sd * streams.normal(process, 0, opdKey, 0, k);
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(hi, Math.max(lo, mean));
}

export function initWorld(model: CompiledModel, streams: Streams, recordEvents: boolean): World {
  const n = model.opds.length;
  const k = model.innovations.length;
  const p = model.params;
  const size = n * k;

  const theta = new Float64Array(n);
  const category = new Uint8Array(n);
  const capacity = new Float64Array(n);
  const slack = new Float64Array(n);
  const champion = new Uint8Array(n);
  const reflexivity = new Float64Array(n);
  const thetaMean = p.theta_mean;
  const thetaSd = p.theta_sd;
  model.opds.forEach((o, i) => {
    if (o.theta !== undefined) theta[i] = o.theta;
    else if (o.category !== undefined) {
      const [zlo, zhi] = CATEGORY_Z_BANDS[CATEGORIES.indexOf(o.category)]!;
      const lo = Math.max(0, thetaMean + zlo * thetaSd);
      const hi = Math.min(1, thetaMean + zhi * thetaSd);
      // The band's upper end is open; nudge it so a draw on it stays in the band.
      theta[i] = truncatedNormal(streams, Process.Theta, o.key, thetaMean, thetaSd, lo, hi - 1e-12);
    } else theta[i] = truncatedNormal(streams, Process.Theta, o.key, thetaMean, thetaSd, 0, 1);
    category[i] = categoryOfZ(thetaSd > 0 ? (theta[i]! - thetaMean) / thetaSd : 0);
    capacity[i] =
      o.capacity ?? truncatedNormal(streams, Process.Capacity, o.key, p.capacity_mean, p.capacity_sd, 0, 1);
    slack[i] = o.slack ?? truncatedNormal(streams, Process.Slack, o.key, p.capacity_mean, p.capacity_sd, 0, 1);
    champion[i] = (o.champion ?? streams.uniform(Process.Champion, 0, o.key, 0) < p.champion_probability) ? 1 : 0;
    reflexivity[i] = o.reflexivity ?? p.reflexivity;
  });

  const ids = new Map(model.opds.map((o, i) => [o.id, i]));
  const network = buildNetwork(model.scenario.network, n, ids, model.coordinator, streams, Uint32Array.from(model.opds, (o) => o.key));

  const eligible = new Uint8Array(size);
  for (let o = 0; o < n; o++) for (let j = 0; j < k; j++) eligible[o * k + j] = model.innovations[j]!.eligible[o]!;
  const eligiblePeers = new Int32Array(size);
  for (let o = 0; o < n; o++) {
    for (let j = 0; j < k; j++) {
      const inn = model.innovations[j]!;
      if (network.complete) eligiblePeers[o * k + j] = inn.eligibleCount - inn.eligible[o]!;
      else {
        let c = 0;
        for (let e = network.offsets[o]!; e < network.offsets[o + 1]!; e++) c += inn.eligible[network.neighbors[e]!]!;
        eligiblePeers[o * k + j] = c;
      }
    }
  }

  const agencyOf = new Int32Array(size);
  const innovationOf = new Int32Array(size);
  for (let o = 0, i = 0; o < n; o++)
    for (let j = 0; j < k; j++, i++) {
      agencyOf[i] = o;
      innovationOf[i] = j;
    }

  const compatibility = new Float64Array(size);
  const complexity = new Float64Array(size);
  for (let o = 0; o < n; o++)
    for (let j = 0; j < k; j++) {
      compatibility[o * k + j] = model.innovations[j]!.co;
      complexity[o * k + j] = model.innovations[j]!.cx;
    }

  // In office in month 1: the last leader to take office by the start, unless
  // their term (`to`) ended before it.
  let startLeader = -1;
  model.leaders.forEach((l, idx) => {
    if (l.from <= 1) startLeader = l.to >= 1 ? idx : -1;
  });
  const first = startLeader >= 0 ? model.leaders[startLeader] : undefined;
  const commitment = first ? (first.commitment ?? streams.uniform(Process.LeaderCommitment, 0, 0, 0)) : 0;

  const w: World = {
    model,
    streams,
    network,
    n,
    k,
    month: 0,
    opdKeys: Float64Array.from(model.opds, (o) => o.key),
    innovationKeys: Float64Array.from(model.innovations, (inn) => inn.key),
    agencyOf,
    innovationOf,
    theta,
    category,
    capacity,
    slack,
    champion,
    reflexivity,
    firstAdoption: new Int32Array(n).fill(-1),
    eligiblePeers,
    eligible,
    state: new Uint8Array(size),
    stage: new Uint8Array(size),
    everAdopted: new Uint8Array(size),
    adoptedAt: new Int32Array(size).fill(-1),
    authority: new Uint8Array(size),
    line: new Uint8Array(size),
    lineOpened: new Int32Array(size).fill(-1),
    proposable: new Uint8Array(size),
    owned: new Uint8Array(size),
    integrated: new Uint8Array(size),
    reinvented: new Uint8Array(size),
    compatibility,
    complexity,
    usage: new Float64Array(size),
    effort: new Float64Array(size),
    gapMonths: new Int32Array(size),
    failMonths: new Int32Array(size),
    stableMonths: new Int32Array(size),
    translation: new Float64Array(size),
    cause: new Uint8Array(size),
    endedAt: new Int32Array(size).fill(-1),
    peerLive: new Int32Array(size),
    peerDisenchanted: new Int32Array(size),
    anchored: new Uint8Array(size),
    mandateFree: new Float64Array(size),
    mandateBudget: new Float64Array(size),
    withdrawn: new Uint8Array(k),
    takenOver: new Uint8Array(k),
    pilotOver: new Uint8Array(k),
    sponsored: new Uint8Array(k),
    peakLive: new Int32Array(k),
    endedByCause: new Int32Array(k * (CAUSES.length + 1)),
    lastEnded: new Int32Array(k).fill(-1),
    firstAdopted: new Int32Array(k).fill(-1),
    initialChampion: champion.slice(),
    platformActive: new Uint8Array(model.platforms.length).fill(1),
    vendorActive: new Uint8Array(model.vendors.length).fill(1),
    regulationActive: new Uint8Array(model.regulations.length),
    extraRegulations: [],
    leader: startLeader,
    // Leaders are listed but none is in office at month 1 (a term already over, or the first starts later).
    vacant: startLeader < 0 && model.leaders.length > 0,
    commitment,
    vision: p.vision_init,
    budget: 1,
    banActive: false,
    cityBan: false,
    failingRun: 0,
    triplePending: false,
    tripleDone: 0,
    obligatoryPassagePoint: false,
    counters: newCounters(),
    lists: newActiveLists(n, k),
    events: recordEvents ? [] : null,
  };

  if (first) for (const s of first.sponsors) w.sponsored[s] = 1;

  // Initial adopters adopt at their innovation's launch (events.ts).
  return w;
}
