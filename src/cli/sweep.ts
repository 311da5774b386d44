/**
 * `difusi sweep <experiment>`: a grid or Latin hypercube over scenario
 * fields, R replications per design point, into sweep.csv and
 * sweep_summary.csv; `--shard i/n` and `--merge` to spread it over machines.
 */
import { terminalSafe } from './errors.js';
import { checkOutRoot } from '../store/out-root.js';
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { reportAfter } from './report.js';
import type { DesignKind } from '../store/sweep-store.js';
import { executeDesignJob, findSweepShards, mergeSweepShards, sweepJob, type DesignRunResult } from '../jobs/sweep.js';
import type { DesignMethod } from '../experiment/spec.js';
import { commonRunOptions, optionError, overridesFrom, shardOption, shardOptions, workersOption, type CommonRunArgs, type ShardArgs } from './options.js';
import { progressBar } from './progress.js';

export interface DesignArgs extends CommonRunArgs, ShardArgs {
  experiment: string;
  merge: boolean;
  outcomes?: string[];
  method?: string;
}

/** The options of sweep and sensitivity. */
export function designBuilder(y: Argv<object>): Argv<DesignArgs> {
  return y
    .positional('experiment', { type: 'string', demandOption: true, describe: 'experiment file with a design (experiments/*.yaml)' })
    .options(commonRunOptions)
    .options(shardOptions('design runs'))
    .option('merge', { type: 'boolean', default: false, describe: 'merge the finished shards of this experiment (under --out) into its result folder' })
    .option('outcomes', { type: 'string', array: true, describe: "outcomes to record (default: the experiment's)" }) as unknown as Argv<DesignArgs>;
}

/** Shared handler of sweep and sensitivity. */
export async function runDesign(args: DesignArgs, kind: DesignKind, method?: DesignMethod): Promise<DesignRunResult | undefined> {
  checkOutRoot(args.out);
  const command = ['difusi', ...process.argv.slice(2)].join(' ');
  const set = overridesFrom({ ...(args.set !== undefined && { set: args.set }) });
  const job = sweepJob({
    experiment: args.experiment,
    kind,
    ...(method !== undefined && { method }),
    set,
    ...(args.seed !== undefined && { seed: args.seed }),
    ...(args.replications !== undefined && { replications: args.replications }),
    ...(args.outcomes !== undefined && { outcomes: args.outcomes }),
    outRoot: args.out,
    workers: 1,
    command,
    onWarning: (where, w) => process.stderr.write(terminalSafe(`⚠ ${where}: ${w}`) + '\n'),
  });
  if (args.merge) {
    if (args.shard !== undefined) throw optionError('--merge', 'no --shard (merge collects every shard)', args.shard);
    const dirs = findSweepShards(job, args.out, args['shard-count']);
    if (dirs.length === 0) throw optionError('--merge', `shard folders of this experiment under ${args.out}`, 'none');
    const dir = mergeSweepShards(dirs, args.out, command);
    process.stdout.write(`merged ${dirs.length} shards into ${dir}\n`);
    return undefined;
  }
  const shard = shardOption(args.shard, args['shard-count']);
  const bar = progressBar(kind, args.quiet);
  const result = await executeDesignJob(job, {
    outRoot: args.out,
    workers: workersOption(args.workers),
    ...(shard && { shard }),
    resume: args.resume,
    command,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.stop();
  const points = job.plan.rows.length;
  if (shard && shard.count > 1) {
    process.stdout.write(`shard ${shard.index}/${shard.count}: ${result.ran + result.resumed} of ${result.units} design runs in ${result.dir}\n`);
    process.stdout.write(`merge all shards with: difusi ${kind} ${args.experiment} --merge --out ${args.out}` + `  (shards in ${path.dirname(result.dir)})\n`);
    return undefined;
  }
  process.stdout.write(
    `${job.name}: ${job.plan.method} design, ${points} points x ${job.replications} replications = ${result.units} runs, seed ${job.seed}\n`,
  );
  return result;
}

export const sweepCommand: CommandModule<object, DesignArgs> = {
  command: 'sweep <experiment>',
  describe: 'Run a grid or Latin hypercube design over scenario fields: sweep.csv and sweep_summary.csv',
  builder: designBuilder,
  handler: async (args: ArgumentsCamelCase<DesignArgs>) => {
    const result = await runDesign(args, 'sweep');
    if (result === undefined) return;
    process.stdout.write(`results: ${result.dir}\n`);
    await reportAfter(result.dir, args.charts);
  },
};
