/**
 * Phases 2 and 3: awareness (agent-based Bass; MODEL.md 7.2) and the
 * threshold decision (MODEL.md 7.3).
 *
 * Peer counts are taken once, at the start of phase 2, and read by both
 * phases (synchronous update): an agency adopting this month does not change
 * what its peers see until next month.
 */
import { adopt, fundingOpen, startAfresh } from './instances.js';
import { candidateLists, newArrays, sortPrefix, type ArrayMaker } from './active.js';
import { Process } from './processes.js';
import type { StreamPrefix } from '../engine/random.js';
import { CAUSE, STATE, isLive, record, type World } from './world.js';

/**
 * Counts, for every instance, eligible peers that are live and that quit
 * disenchanted recently (a full rescan). A peer counts as disenchanted
 * (MODEL.md 7.3, `g`) from the month its instance ended in disenchantment
 * until `neg_wom_months` have passed or it adopts again: while it has no
 * live instance, whether still discontinued or aware again
 * (`readopt_months`). Its `cause` and `endedAt` stay until it adopts.
 */
export function countPeers(w: World): void {
  const { n, k, network } = w;
  const kept = peerCounts.get(w);
  if (kept !== undefined) kept.mirrored = false;
  const negMonths = w.model.params.neg_wom_months;
  if (network.complete) {
    countPeersComplete(w);
    return;
  }
  w.peerLive.fill(0);
  w.peerDisenchanted.fill(0);
  const { offsets, neighbors } = network;
  const { state, cause, endedAt, peerLive, peerDisenchanted } = w;
  const month = w.month;
  for (let o = 0; o < n; o++) {
    const base = o * k;
    for (let e = offsets[o]!; e < offsets[o + 1]!; e++) {
      const peerBase = neighbors[e]! * k;
      for (let j = 0; j < k; j++) {
        const pi = peerBase + j;
        const s = state[pi]!;
        if (isLive(s)) peerLive[base + j]!++;
        else if (cause[pi] === CAUSE.disenchantment && month - endedAt[pi]! <= negMonths) peerDisenchanted[base + j]!++;
      }
    }
  }
}

/** On a complete graph peer counts come from totals per innovation. */
function countPeersComplete(w: World): void {
  const { n, k } = w;
  const kept = peerCounts.get(w);
  if (kept !== undefined) kept.mirrored = false;
  const size = n * k;
  const negMonths = w.model.params.neg_wom_months;
  const { state, cause, endedAt, peerLive, peerDisenchanted } = w;
  const month = w.month;
  const live = new Int32Array(k);
  const dis = new Int32Array(k);
  // Read for instances that are not live only (countPeers: until it adopts again).
  const recent = (i: number) => (cause[i] === CAUSE.disenchantment && month - endedAt[i]! <= negMonths ? 1 : 0);
  for (let i = 0; i < size; i++) {
    const j = i % k;
    if (isLive(state[i]!)) live[j]!++;
    else dis[j]! += recent(i);
  }
  for (let i = 0; i < size; i++) {
    const j = i % k;
    const self = isLive(state[i]!) ? 1 : 0;
    peerLive[i] = live[j]! - self;
    peerDisenchanted[i] = dis[j]! - (self ? 0 : recent(i));
  }
}

/**
 * Peer counts kept between months: what each instance's peers looked like
 * at the last snapshot, and which instances those counts took as live or
 * recently disenchanted.
 */
interface PeerCounts {
  readonly live: Int32Array;
  readonly disenchanted: Int32Array;
  /** Bit 0: counted as live; bit 1: counted as recently disenchanted. */
  readonly counted: Uint8Array;
  /** The instances with `counted` not 0, ascending (`trackedCount` of them); `next` is the buffer of the next list. */
  tracked: Int32Array;
  trackedCount: number;
  next: Int32Array;
  /**
   * The world's `peerLive` and `peerDisenchanted` hold these counts (as the
   * last snapshot left them): the next snapshot updates both where counts
   * change instead of copying every pair's counts. Cleared by the full
   * rescans, which write the world's arrays themselves.
   */
  mirrored: boolean;
  /** Taken over from a finished replication's world (`carryPeerCounts`): the next snapshot is a full pass, as a world's first. */
  fresh: boolean;
}

const peerCounts = new WeakMap<World, PeerCounts>();

/** Bytes of the kept peer counts of a world of `pairs` pairs (for an ArrayMaker's buffer). */
export function peerCountBytes(pairs: number): number {
  return pairs * (4 + 4 + 1 + 4 + 4);
}

/**
 * Makes a new world's kept peer counts with `make` (initWorld, which places
 * them next to the world's arrays), zeroed: its first snapshot is a full
 * pass, as when snapshotPeers makes them. None on a complete graph, whose
 * counts come from totals.
 */
export function newPeerCounts(w: World, make: ArrayMaker): void {
  if (w.network.complete || peerCounts.has(w)) return;
  peerCounts.set(w, makePeerCounts(w.n * w.k, make));
}

/** Zeroed peer counts of `size` pairs, marked fresh: the first snapshot that reads them is a full pass. */
function makePeerCounts(size: number, make: ArrayMaker): PeerCounts {
  return {
    live: make.i32(size),
    disenchanted: make.i32(size),
    counted: make.u8(size),
    tracked: make.i32(size),
    trackedCount: 0,
    next: make.i32(size),
    mirrored: false,
    fresh: true,
  };
}

/**
 * Hands the kept peer counts of `from`, a world nobody reads any more, to
 * `to`, a new world of the same size (init.ts initWorld), cleared as new
 * ones: `to`'s first snapshot is a full pass, as without them.
 */
export function carryPeerCounts(from: World, to: World): void {
  const kept = peerCounts.get(from);
  if (kept === undefined || kept.counted.length !== to.n * to.k) return;
  peerCounts.delete(from);
  kept.live.fill(0);
  kept.disenchanted.fill(0);
  kept.counted.fill(0);
  kept.tracked.fill(0);
  kept.next.fill(0);
  kept.trackedCount = 0;
  kept.mirrored = false;
  kept.fresh = true;
  peerCounts.set(to, kept);
}

/**
 * The peer counts of phases 2-3 (same values as `countPeers`), kept
 * incrementally: only the instances whose liveness or recent disenchantment
 * changed since the last snapshot have their neighbourhoods updated. Taken
 * once per month, at the start of phase 2, so every agency reads the same
 * snapshot.
 *
 * Which instances can have changed: those the last snapshot counted (a live
 * one may have ended, a disenchanted one's window may have closed or it may
 * have adopted again) and those adopted since (active.ts logs every adoption).
 * Nothing else: an instance becomes live only by adopt(), and recently
 * disenchanted only by discontinue() of a live one, which was counted or
 * adopted since. So the month costs the live and recently disenchanted
 * instances, not a pass over all pairs. The first snapshot of a world (and
 * one after more adoptions than the log holds) is a full pass.
 *
 * The same walk lists the live instances (active.ts), ascending, and returns
 * true (false on a complete graph, whose counts come from totals).
 */
export function snapshotPeers(w: World): boolean {
  const { n, k, network } = w;
  if (network.complete) {
    countPeersComplete(w);
    return false;
  }
  const size = n * k;
  const lists = w.lists;
  let kept = peerCounts.get(w);
  let full = lists.adoptedOverflow;
  if (kept === undefined) {
    kept = makePeerCounts(size, newArrays);
    peerCounts.set(w, kept);
  }
  // Cleared on every call, not only when set: a write that first runs after
  // this function was optimized (the next replication's first call) throws
  // its optimized code away.
  if (kept.fresh) full = true;
  kept.fresh = false;
  const negMonths = w.model.params.neg_wom_months;
  const { state, cause, endedAt } = w;
  const { offsets, neighbors } = network;
  const { live, disenchanted, counted } = kept;
  // The world's arrays, updated with the kept ones when they mirror them; else copied whole at the end.
  const mirrored = kept.mirrored;
  const worldLive = w.peerLive;
  const worldDisenchanted = w.peerDisenchanted;
  // An instance whose peer counts change is decided afresh in phase 3 (active.ts `decided`).
  const decided = lists.decided;
  const liveList = lists.live;
  const next = kept.next;
  let liveCount = 0;
  let nextCount = 0;
  const month = w.month;
  // The instances to visit, ascending: all of them (full), or the counted
  // ones merged with the adoptions since (sorted, each once).
  const tracked = kept.tracked;
  const t = full ? 0 : kept.trackedCount;
  const adopted = lists.adopted;
  const a = full ? 0 : lists.adoptedCount;
  if (a > 1) sortPrefix(adopted, a);
  let x = 0;
  let y = 0;
  let last = -1;
  for (let idx = 0; ; ) {
    let i: number;
    if (full) {
      if (idx >= size) break;
      i = idx++;
    } else {
      if (x >= t && y >= a) break;
      i = y >= a || (x < t && tracked[x]! <= adopted[y]!) ? tracked[x++]! : adopted[y++]!;
      if (i === last) continue;
      last = i;
    }
    // Its count now; the neighbourhood updated when it changed; listed when not 0.
    const s = state[i]!;
    // Whether it ended in disenchantment lately, for every instance (both
    // tests run, though only one that is not live needs them): a test that
    // first runs after this loop was optimized (the first instance to end
    // comes later) throws the optimized loop away.
    const disenchantedLately = (cause[i] === CAUSE.disenchantment ? 1 : 0) & (month - endedAt[i]! <= negMonths ? 1 : 0);
    let now = 0;
    if (isLive(s)) {
      now = 1;
      liveList[liveCount++] = i;
    } else if (disenchantedLately === 1) now = 2; // discontinued, or aware again: until it adopts (countPeers)
    if (now !== 0) next[nextCount++] = i;
    const before = counted[i]!;
    if (now === before) continue;
    const j = i % k;
    const o = (i - j) / k;
    const dLive = (now & 1) - (before & 1);
    const dDis = (now >> 1) - (before >> 1);
    counted[i] = now;
    for (let e = offsets[o]!; e < offsets[o + 1]!; e++) {
      const pi = neighbors[e]! * k + j;
      live[pi]! += dLive;
      disenchanted[pi]! += dDis;
      if (mirrored) {
        worldLive[pi]! += dLive;
        worldDisenchanted[pi]! += dDis;
      }
      decided[pi] = 0;
    }
  }
  kept.next = kept.tracked;
  kept.tracked = next;
  kept.trackedCount = nextCount;
  lists.adoptedCount = 0;
  lists.adoptedOverflow = false;
  lists.liveCount = liveCount;
  lists.pendingCount = 0;
  if (!mirrored) {
    w.peerLive.set(live);
    w.peerDisenchanted.set(disenchanted);
    kept.mirrored = true;
  }
  return true;
}

/** Peer share f (or g) of instance i: a count over its eligible peers. */
function share(count: number, peers: number): number {
  return peers > 0 ? count / peers : 0;
}

/**
 * Phase 2. P(aware) = 1 - (1 - p_m c)(1 - q_m f), with p_m = 1-(1-bass_p)^(1/12)
 * and q_m = bass_q / 12 (Rand and Rust 2011; Bass 1969); c is the launch
 * campaign boost, then 1 + V. In pure Bass mode awareness is adoption and c = 1.
 * Discontinued instances return to `aware` after `readopt_months` when set,
 * starting afresh (not owned, not re-invented: MODEL.md 2.1).
 */
export function awareness(w: World): void {
  // The prefix is hashed outside the loop's function, so that the
  // optimizer's inlining budget goes to its draw (discontinuance.ts).
  awarenessWith(w, w.streams.prefix(Process.Awareness, w.month));
}

/**
 * p_m for the last bass_p asked (awarenessWith): the same expression, a power
 * computed once per parameter value instead of every month. A NaN bass_p
 * never equals itself, so it is computed each time (NaN, as without this).
 */
const monthlyBassP = { bassP: NaN, pm: NaN };

function innovatorsMonthly(bassP: number): number {
  if (bassP !== monthlyBassP.bassP) {
    monthlyBassP.bassP = bassP;
    monthlyBassP.pm = 1 - Math.pow(1 - bassP, 1 / 12);
  }
  return monthlyBassP.pm;
}

function awarenessWith(w: World, draws: StreamPrefix): void {
  const p = w.model.params;
  const { n, k, state, endedAt, eligible, peerLive, eligiblePeers, streams } = w;
  const month = w.month;
  const bass = w.model.bass;
  const readoptMonths = w.model.readoptMonths;
  const opdKeys = w.opdKeys;
  const pm = innovatorsMonthly(p.bass_p);
  const qm = p.bass_q / 12;
  const campaignMonths = p.campaign_months;
  // Per innovation, the agencies that are unaware and eligible, aware or
  // (with re-adoption on) discontinued are its candidates (active.ts): they are
  // listed here, on the way, in agency order, for observation; and those left
  // aware for phase 3. An agency's state is read before this phase changes it,
  // so the lists are those a pass at the start of the phase would make.
  const lists = w.lists;
  const { candidates, candidateCount, aware, awareCount, awareListed, decided } = lists;
  const readopt = Number.isFinite(readoptMonths);
  // Inside a tick, the agencies left aware are listed for phase 3 on the way.
  const listAware = lists.inStep;
  const { innovationKeys, withdrawn } = w;
  const innovations = w.model.innovations;
  const national = w.national;
  for (let j = 0; j < k; j++) {
    const inn = innovations[j]!;
    if (month < inn.launch || withdrawn[j]) continue;
    // In a national scenario a national service reaches agencies once their government launched it (docs/NATIONAL.md).
    if (national !== undefined && national.launchedAt[j]! < 0) continue;
    const launchedAt = national !== undefined ? national.launchedAt[j]! : inn.launch;
    const c = bass ? 1 : month - launchedAt < campaignMonths ? p.campaign_boost : 1 + w.vision;
    const pc = Math.min(1, pm * c);
    // The probability of an agency none of whose peers is live (f = 0), the same expression.
    const alone = 1 - (1 - pc) * (1 - Math.min(1, qm * 0));
    const innKey = innovationKeys[j]!;
    let a = j * n;
    let cand = j * n;
    for (let o = 0, i = j; o < n; o++, i += k) {
      const s = state[i]!;
      if (s === STATE.aware) {
        candidates[cand++] = o;
        aware[a++] = o;
        continue;
      }
      if (s === STATE.discontinued) {
        if (!readopt) continue;
        candidates[cand++] = o;
        if (month - endedAt[i]! >= readoptMonths) {
          state[i] = STATE.aware;
          decided[i] = 0;
          // A re-adoption is a new decision (MODEL.md 2.1): it is decided on
          // the innovation's own attributes, not on what the old instance
          // re-invented or owned. Reset here, not at discontinuance, so the
          // outputs of the month it ended still show the old instance.
          startAfresh(w, i, inn);
          record(w, 'readoption_possible', o, j);
          aware[a++] = o;
        }
        continue;
      }
      if (s !== STATE.unaware || !eligible[i]) continue;
      candidates[cand++] = o;
      const live = peerLive[i]!;
      const prob = live === 0 ? alone : 1 - (1 - pc) * (1 - Math.min(1, qm * share(live, eligiblePeers[i]!)));
      if (streams.belowAfter(draws, opdKeys[o]!, innKey, prob)) {
        if (bass) adopt(w, i, false);
        else {
          state[i] = STATE.aware;
          decided[i] = 0;
          aware[a++] = o;
        }
      }
    }
    candidateCount[j] = cand - j * n;
    if (listAware) {
      awareCount[j] = a - j * n;
      awareListed[j] = 1;
    }
  }
}

/**
 * Phase 3. Utility of the perceived attributes, peers, authority, capacity
 * and cost against the agency's threshold theta (Granovetter 1978; Valente
 * 1996). Complex contagion for costly innovations (Centola and Macy 2007).
 */
export function decision(w: World): void {
  if (w.model.bass) return;
  const p = w.model.params;
  const { n, k, state, eligiblePeers, peerLive, peerDisenchanted, mandateFree, mandateBudget, compatibility, complexity, capacity, slack } = w;
  const noiseSd = p.decision_noise;
  const costPressure = p.w_cost * (1 - Math.min(w.budget, 1));
  const complexK = p.complex_k;
  const wMand = p.w_mand;
  const wLead = p.w_lead;
  const wCo = p.w_co;
  const wCx = p.w_cx;
  const wPeer = p.w_peer;
  const wNeg = p.w_neg;
  const wCap = p.w_cap;
  // Phase 2 listed those it left aware (active.ts); otherwise the candidates.
  const lists = candidateLists(w);
  const { awareListed, decided, decisionKey, decisionKeyed, decisionBase, decisionAuthority } = lists;
  // Inside a tick, with no noise and peer counts kept by snapshotPeers (which
  // clears `decided` where they change), an aware agency whose last decision
  // gave no adoption and whose inputs, its own and its innovation's, are all
  // unchanged would decide the same again: it is not evaluated (active.ts).
  const memo = lists.inStep && noiseSd === 0 && !w.network.complete;
  const mark = memo ? 1 : 0;
  for (let j = 0; j < k; j++) {
    const inn = w.model.innovations[j]!;
    if (w.month < inn.launch || w.withdrawn[j]) continue;
    const fromAware = lists.inStep && awareListed[j] === 1;
    const candidates = fromAware ? lists.aware : lists.candidates;
    const count = fromAware ? lists.awareCount[j]! : lists.candidateCount[j]!;
    // Nobody to decide (the rest of this iteration only reads).
    if (count === 0) continue;
    const open = fundingOpen(w, j);
    const leaderPull = w.sponsored[j] ? w.commitment : 0;
    // Compatibility and complexity are per instance (re-invention changes them).
    const attributes = p.w_ra * inn.ra + p.w_tr * inn.tr + p.w_ob * inn.ob;
    const costly = inn.costly;
    // Learning from and competing with peer governments (national scenarios only; 0 in a city).
    const governmentPull = w.national ? w.national.utility[j]! : 0;
    // The innovation's month-level inputs, against those of its last decision.
    let unchanged = false;
    // Only the government pull changed: a remembered agency's utility without the pull is unchanged.
    let pullOnly = false;
    if (memo) {
      const at = j * 5;
      const open1 = open ? 1 : 0;
      const version = lists.anchorsVersion;
      const others =
        decisionKeyed[j] === 1 &&
        decisionKey[at] === open1 &&
        decisionKey[at + 1] === leaderPull &&
        decisionKey[at + 2] === costPressure &&
        decisionKey[at + 4] === version;
      unchanged = others && decisionKey[at + 3] === governmentPull;
      pullOnly = others && !unchanged;
      decisionKey[at] = open1;
      decisionKey[at + 1] = leaderPull;
      decisionKey[at + 2] = costPressure;
      decisionKey[at + 3] = governmentPull;
      decisionKey[at + 4] = version;
    }
    decisionKeyed[j] = mark;
    for (let x = j * n, end = x + count; x < end; x++) {
      const o = candidates[x]!;
      const i = o * k + j;
      if (state[i] !== STATE.aware) continue;
      if (unchanged && decided[i] === 1) continue;
      const peers = eligiblePeers[i]!;
      if (costly && peerLive[i]! < Math.min(complexK, peers)) {
        decided[i] = mark;
        continue;
      }
      // The utility before the government pull, and the authority part:
      // remembered from the agency's last decision when only the pull
      // changed since (every other input is unchanged: its own, or it would
      // not be `decided`, and its innovation's, by the key), else computed.
      let beforePull: number;
      let authorityPart: number;
      if (pullOnly && decided[i] === 1) {
        beforePull = decisionBase[i]!;
        authorityPart = decisionAuthority[i]!;
      } else {
        const f = share(peerLive[i]!, peers);
        const g = share(peerDisenchanted[i]!, peers);
        const mandate = Math.max(mandateFree[i]!, open ? mandateBudget[i]! : 0);
        authorityPart = wMand * mandate + wLead * leaderPull;
        beforePull =
          attributes +
          wCo * compatibility[i]! -
          wCx * complexity[i]! +
          wPeer * f -
          wNeg * g +
          wCap * ((capacity[o]! + slack[o]!) / 2) -
          (costly ? costPressure : 0);
        if (memo) {
          decisionBase[i] = beforePull;
          decisionAuthority[i] = authorityPart;
        }
      }
      // The same sum as written out in one expression (left to right, the pull last).
      const base = beforePull + governmentPull;
      const noise = noiseSd > 0 ? noiseSd * w.streams.normal(Process.DecisionNoise, w.month, w.opdKeys[o]!, inn.key) : 0;
      const theta = w.theta[o]!;
      if (base + authorityPart + noise < theta) {
        decided[i] = mark;
        continue;
      }
      // Authority adoption (2.4): the mandate or the leader pushed it over the
      // threshold; it would not have happened without them (same noise).
      adopt(w, i, authorityPart > 0 && base + noise < theta);
    }
  }
}
