/**
 * The outcome vector of every replication of a run, values[k][r] (outcome k
 * of replication r): what a comparison pairs across its arms.
 *
 *   OutcomeVectors   filled while a run's results are stored: by
 *                    writeRunFolder as it writes timeseries.csv (a file run,
 *                    `asWritten`), or from replications held in memory
 *   readArmOutcomes  read back from a finished run folder's outcomes.csv and
 *                    timeseries.csv, streaming (only where the run happened
 *                    in an earlier process: a resumed comparison)
 *
 * A file run's vectors are computed from its metrics as timeseries.csv holds
 * them (12 significant digits, store/csv-format.ts), so that compare.csv is
 * a function of the arm folders' files: the vectors filled while writing
 * equal those read back, number for number.
 */
import { compile } from '../model/compile.js';
import { OutcomeExtractor, type OutcomeContext, type OutcomeSpec } from '../experiment/outcomes.js';
import type { Scenario } from '../scenario/schema.js';
import { formatNumber } from './csv-format.js';
import { streamCsv } from './csv-read.js';
import { readManifest } from './results-read.js';
import { OUTCOMES_TABLE, TIMESERIES } from './tables.js';

/** A number as a CSV cell holds it, read back (an empty cell, NaN or infinity, reads as 0). */
export function asWritten(x: number): number {
  return Number(formatNumber(x));
}

/** An innovation's outcome in one replication, as outcomes.csv has it. */
interface InnovationOutcome {
  readonly innovation: string;
  readonly outcome: string;
}

/** Collects the outcome vectors of a run's replications (any order), keyed by replication. */
export class OutcomeVectors {
  /** values[k][r]: outcome k of replication r. */
  readonly values: Float64Array[];
  private readonly extractor: OutcomeExtractor;
  private readonly innovationIndex: Map<string, number>;
  private scratch = new Float64Array(0);

  /**
   * `asWritten`: take each metric as timeseries.csv holds it (a file run),
   * not at full precision (a run in memory).
   */
  constructor(
    ctx: OutcomeContext,
    outcomes: readonly OutcomeSpec[],
    readonly replications: number,
    private readonly options: { readonly asWritten: boolean },
  ) {
    this.extractor = new OutcomeExtractor(ctx, outcomes);
    this.innovationIndex = new Map(ctx.innovations.map((id, j) => [id, j]));
    this.values = outcomes.map(() => new Float64Array(replications));
  }

  /** Replication r: its series (months x metrics, month-major) and its innovations' outcomes. */
  add(r: number, series: ArrayLike<number>, outcomes: readonly InnovationOutcome[]): void {
    if (r < 0 || r >= this.replications) return;
    let s = series;
    if (this.options.asWritten) {
      if (this.scratch.length !== series.length) this.scratch = new Float64Array(series.length);
      for (let i = 0; i < series.length; i++) this.scratch[i] = asWritten(series[i]!);
      s = this.scratch;
    }
    const months = series.length / this.extractor.ctx.metrics.length;
    const v = this.extractor.fromSeries(s, months, this.innovationOutcomes(outcomes));
    for (let k = 0; k < v.length; k++) this.values[k]![r] = v[k]!;
  }

  /** The innovations' outcomes in model order (an innovation without a row: never adopted). */
  private innovationOutcomes(rows: readonly InnovationOutcome[]): string[] {
    const out = new Array<string>(this.innovationIndex.size).fill('never_adopted');
    for (const row of rows) {
      const j = this.innovationIndex.get(row.innovation);
      if (j !== undefined) out[j] = row.outcome;
    }
    return out;
  }
}

/**
 * values[k][r]: outcome k of replication r of the finished run folder `dir`,
 * read through the result files' reader (store/csv-read.ts), in flat memory
 * beyond the vectors. `innovations`: the model's innovation ids in order,
 * when the caller has the model compiled (else compiled from the manifest).
 */
export async function readArmOutcomes(dir: string, outcomes: readonly OutcomeSpec[], innovations?: readonly string[]): Promise<Float64Array[]> {
  const manifest = await readManifest(dir);
  const R = manifest.replications ?? 0;
  // Written by this tool from a checked scenario (jobs/run.ts).
  const ids = innovations ?? compile(manifest.scenario.resolved as Scenario).innovations.map((i) => i.id);

  const outcomeOf = new Map<number, InnovationOutcome[]>();
  await streamCsv(dir, OUTCOMES_TABLE.file, OUTCOMES_TABLE.required, (c) => {
    const r = c.int('replication');
    let rows = outcomeOf.get(r);
    if (rows === undefined) outcomeOf.set(r, (rows = []));
    rows.push({ innovation: c.str('innovation'), outcome: c.str('outcome') });
  });

  // timeseries.csv: replication,month,date,<metrics>, replication by replication.
  let vectors: OutcomeVectors | undefined;
  let metrics: string[] = [];
  let series = new Float64Array(0);
  let current = -1;
  let months = 0;
  const flush = () => {
    if (current >= 0 && vectors !== undefined) vectors.add(current, series.subarray(0, months * metrics.length), outcomeOf.get(current) ?? []);
  };
  await streamCsv(dir, TIMESERIES.file, TIMESERIES.fixed, (c) => {
    if (vectors === undefined) {
      metrics = c.columns().slice(TIMESERIES.fixed.length);
      // Months are counted as the rows arrive; the buffer grows as needed.
      vectors = new OutcomeVectors({ metrics, innovations: ids }, outcomes, R, { asWritten: false });
    }
    const r = c.int('replication');
    if (r !== current) {
      flush();
      current = r;
      months = 0;
    }
    const M = metrics.length;
    if ((months + 1) * M > series.length) {
      const grown = new Float64Array(Math.max(M, 2 * series.length, (months + 1) * M));
      grown.set(series);
      series = grown;
    }
    // An empty cell reads as 0, as asWritten() has it.
    for (let j = 0; j < M; j++) series[months * M + j] = c.optNum(metrics[j]!) ?? 0;
    months++;
  });
  flush();
  return vectors?.values ?? outcomes.map(() => new Float64Array(R));
}
