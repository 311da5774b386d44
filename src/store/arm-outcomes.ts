/**
 * The outcome vector of every replication of a run folder, read back from
 * its outcomes.csv and timeseries.csv (docs/OUTPUTS.md), streaming, so a
 * folder of any size is read in flat memory beyond the vectors themselves.
 *
 *   outcomes.csv   --> each replication's innovation outcomes
 *   timeseries.csv --> horizon row and totals over months, per replication
 *   --OutcomeExtractor--> values[k][r]
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { compile } from '../model/compile.js';
import { OutcomeExtractor, type OutcomeSpec } from '../experiment/outcomes.js';
import type { Scenario } from '../scenario/schema.js';
import { parseManifest } from './results-read.js';
import { OUTCOMES_TABLE, TIMESERIES } from './tables.js';

// The cells this reader needs, by position (outcomes.csv and timeseries.csv
// hold numbers and ids only, never quoted cells).
const OUTCOME_CELLS = ['replication', 'innovation', 'outcome'].map((c) => OUTCOMES_TABLE.columns.indexOf(c));
const SERIES_FIRST_METRIC = TIMESERIES.fixed.length;

async function* lines(file: string): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of rl) if (line !== '') yield line;
}

/** values[k][r]: outcome k of replication r of the run folder `dir`. */
export async function readArmOutcomes(dir: string, outcomes: readonly OutcomeSpec[]): Promise<Float64Array[]> {
  const manifest = parseManifest(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'), dir);
  const R = manifest.replications ?? 0;
  // Written by this tool from a checked scenario (jobs/run.ts).
  const scenario = manifest.scenario.resolved as Scenario;
  const innovations = compile(scenario).innovations.map((i) => i.id);
  const innovationIndex = new Map(innovations.map((id, j) => [id, j]));
  const K = innovations.length;

  // outcomes.csv: replication,innovation,outcome,...
  const outcomeOf: string[] = new Array<string>(R * K).fill('never_adopted');
  let header = true;
  for await (const line of lines(path.join(dir, OUTCOMES_TABLE.file))) {
    if (header) {
      header = false;
      continue;
    }
    const cells = line.split(',');
    const [r, innovation, outcome] = OUTCOME_CELLS.map((i) => cells[i]);
    const j = innovationIndex.get(innovation!);
    if (j !== undefined) outcomeOf[Number(r) * K + j] = outcome!;
  }

  // timeseries.csv: replication,month,date,<metrics>
  let extractor: OutcomeExtractor | undefined;
  let M = 0;
  const values = outcomes.map(() => new Float64Array(R));
  let totals = new Float64Array(0);
  let horizon = new Float64Array(0);
  let current = -1;
  let lastMonth = 0;
  const flush = () => {
    if (current < 0 || extractor === undefined) return;
    const v = extractor.extract({ horizon, totals, innovationOutcomes: outcomeOf.slice(current * K, (current + 1) * K) });
    for (let k = 0; k < v.length; k++) values[k]![current] = v[k]!;
  };
  for await (const line of lines(path.join(dir, TIMESERIES.file))) {
    const cells = line.split(',');
    if (extractor === undefined) {
      const metrics = cells.slice(SERIES_FIRST_METRIC);
      M = metrics.length;
      extractor = new OutcomeExtractor({ metrics, innovations }, outcomes);
      totals = new Float64Array(M);
      horizon = new Float64Array(M);
      continue;
    }
    const r = Number(cells[0]);
    const month = Number(cells[1]);
    if (r !== current) {
      flush();
      current = r;
      totals.fill(0);
      lastMonth = 0;
    }
    for (let j = 0; j < M; j++) {
      const x = Number(cells[SERIES_FIRST_METRIC + j]);
      totals[j]! += x;
      if (month > lastMonth) horizon[j] = x;
    }
    lastMonth = month;
  }
  flush();
  return values;
}
