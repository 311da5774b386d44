/**
 * One tick, in the order of MODEL.md section 3. This is the only place the
 * phase order is written. Each phase reads the state the previous one left;
 * inside a phase every agent reads the same snapshot (peer counts are taken
 * once at the start of phase 2), so agent order never changes results.
 */
import { events, launches } from './events.js';
import { awareness, decision, snapshotPeers } from './diffusion.js';
import { bassStep } from './bass.js';
import { implementationUsageLearning } from './learning.js';
import { translationAndDiscontinuance } from './discontinuance.js';
import { rebuildLists } from './active.js';
import { resetCounters, type World } from './world.js';

export function step(w: World, month: number): void {
  w.month = month;
  // Phases called before the lists are rebuilt (events) do not use them.
  w.lists.inStep = false;
  w.lists.observable = false;
  resetCounters(w.counters);
  if (w.model.bass) {
    // Pure Bass mode (MODEL.md 7.2): awareness is adoption, nothing else happens
    // but the launch (with its initial adopters).
    launches(w);
    bassStep(w);
    return;
  }
  events(w); //          1. events (7.1)
  const listed = snapshotPeers(w); // peer shares f and g, for phases 2-3 (kept incrementally; countPeers is the full rescan)
  rebuildLists(w, listed, true); // who phases 2-8 have work for (active.ts; phase 2 lists its own candidates); kept current by adopt() until the end of the tick
  w.lists.inStep = true;
  awareness(w); //       2. awareness (7.2)
  decision(w); //        3. decision (7.3)
  implementationUsageLearning(w); // 4. implementation stages (7.4), 5. usage (7.5), 6. learning loops and vision (7.6)
  translationAndDiscontinuance(w); // 7. translation (7.7) and 8. discontinuance (7.8), one pass over the live instances
  w.lists.inStep = false;
  // Observation may read the lists (observation.ts tallyAfterStep), except in pure Bass mode, which keeps none.
  w.lists.observable = true;
  //                     9. observation: observe(), called by the engine loop
}
