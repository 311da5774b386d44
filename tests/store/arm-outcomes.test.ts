/**
 * A comparison pairs its arms on the outcome vectors filled while each arm's
 * folder is written (store/arm-outcomes.ts OutcomeVectors). They must be the
 * vectors the folder's files give when read back (what a resumed comparison
 * does for an arm finished earlier, and what a user recomputing compare.csv
 * from the arm folders gets): number for number, not merely close.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { OutcomeVectors, asWritten, readArmOutcomes } from '../../src/store/arm-outcomes.js';
import { prepareRun, runPrepared } from '../../src/jobs/run.js';
import { runScenario } from '../../src/jobs/in-memory.js';
import { outcomeFor } from '../../src/experiment/outcomes.js';
import { metricNames } from '../../src/model/observation.js';
import { fixture, tempRoot } from '../experiment/helpers.js';

const out = tempRoot('arm-outcomes');
afterAll(out.cleanup);

describe('outcome vectors of a run folder', () => {
  it('filled while writing equal those read back from the files, exactly', async () => {
    const run = prepareRun(fixture('pilot.yaml'), { replications: 12 });
    const { outcomes } = outcomeFor(run.source.scenario, ['live_share', 'mean_usage', 'sustained.*', 'discontinuations.*'], 'test', run.model);
    const ctx = { metrics: metricNames(run.model), innovations: run.model.innovations.map((i) => i.id) };
    const vectors = new OutcomeVectors(ctx, outcomes, 12, { asWritten: true });
    const result = await runPrepared(run, { outRoot: out.dir, workers: 2, command: 'test' }, vectors);
    const readBack = await readArmOutcomes(result.dir, outcomes);
    expect(vectors.values).toEqual(readBack);
    // Also without the model at hand (the innovations from the folder's manifest).
    expect(await readArmOutcomes(result.dir, outcomes, ctx.innovations)).toEqual(readBack);

    // Negative control: the same replications at full precision (a run in
    // memory) differ from the files in the last digits, so the check above
    // can tell a writer that forgot the 12-digit cells.
    const memory = await runScenario(run.source.scenario);
    const full = new OutcomeVectors(ctx, outcomes, 12, { asWritten: false });
    for (const r of memory.replications) full.add(r.replication, r.series, r.outcomes);
    expect(full.values).not.toEqual(readBack);
    const usage = outcomes.findIndex((o) => o.name === 'mean_usage'); // a mean: not exact in 12 digits
    expect(full.values[usage]).not.toEqual(readBack[usage]);
    full.values[usage]!.forEach((x, r) => expect(asWritten(x)).toBe(readBack[usage]![r]));
  });

  it('a cell as written reads back as 12 significant digits; an empty cell (NaN) as 0', () => {
    expect(asWritten(1 / 3)).toBe(0.333333333333);
    expect(asWritten(2)).toBe(2);
    expect(asWritten(Number.NaN)).toBe(0);
  });
});
