/**
 * Named random streams: one id per stochastic process of MODEL.md.
 *
 * A draw's key is (replication seed, process, month, OPD, innovation, k), so
 * each process has its own stream. Values are part of the reproducibility
 * contract: changing one changes every result of that process.
 */
export const Process = {
  // Initialization (month 0)
  Theta: 1,
  Capacity: 2,
  Slack: 3,
  Champion: 4,
  OpdType: 5,
  Network: 6,
  LeaderCommitment: 7,
  // 7.1 Events
  LeaderHazard: 10,
  SponsorCarry: 11,
  BudgetRenewal: 12,
  BudgetDefund: 13,
  PilotTakeover: 14,
  PilotDiscontinue: 15,
  VendorExit: 16,
  ChampionRotation: 17,
  ChampionEmergence: 18,
  Betrayal: 19,
  LeaderShock: 20,
  BudgetProposal: 21,
  // 7.2-7.4
  Awareness: 30,
  DecisionNoise: 31,
  StageAdvance: 32,
  Reinvention: 33,
  /** Pure Bass mode: one Exp(1) threshold per (agency, innovation, episode); the month key holds the episode. */
  AwarenessClock: 34,
  // 7.6 Learning
  DoubleLoop: 40,
  TripleLoop: 41,
  // 7.8 Discontinuance
  Hazard: 50,
  BanReplacement: 51,
  // National level (docs/NATIONAL.md)
  GovernmentLaunch: 60,
} as const;
