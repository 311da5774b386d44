/**
 * `--shard-count n` takes this job's shard index from the scheduler's array index variable (SLURM_ARRAY_TASK_ID,
 * JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX). Two of them set to different values (a Slurm environment passed
 * into a Kubernetes pod, a leftover export) cannot tell which shard this job is: one line naming both variables and
 * their values, exit 2, nothing written. Before, Slurm's silently won. Two that agree are one index.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_CITY, refusedInOneLine, runCli, testFolder } from '../support/cli.js';
import { shardOption } from '../../src/cli/options.js';
import { UserError } from '../../src/messages/catalog.js';
import { schedulerEnv, useSchedulerEnv } from '../support/scheduler-env.js';

const folder = testFolder('difusi-scheduler-index-');
useSchedulerEnv();

describe('two scheduler index variables', () => {
  it('that disagree: one line naming both, exit 2, no folder (a process, with the variables in its environment)', async () => {
    schedulerEnv({ SLURM_ARRAY_TASK_ID: '0', JOB_COMPLETION_INDEX: '1' });
    const out = join(folder(), 'out');
    const r = await runCli(['run', SMALL_CITY, '-r', '4', '--shard-count', '2', '-q', '--no-charts', '--out', out]);
    const line = refusedInOneLine(r);
    expect(line).toContain('SLURM_ARRAY_TASK_ID=0, JOB_COMPLETION_INDEX=1');
    expect(line).toContain('the scheduler variables disagree');
    expect(existsSync(out)).toBe(false);
  });

  it('that disagree, any two of the three: refused', () => {
    for (const env of [{ JOB_COMPLETION_INDEX: '2', AWS_BATCH_JOB_ARRAY_INDEX: '0' }, { SLURM_ARRAY_TASK_ID: '1', AWS_BATCH_JOB_ARRAY_INDEX: '2' }]) {
      schedulerEnv(env);
      expect(() => shardOption(undefined, 3), JSON.stringify(env)).toThrow(UserError);
    }
  });

  it('(control) that agree, or one alone: that index', () => {
    schedulerEnv({ SLURM_ARRAY_TASK_ID: '1', JOB_COMPLETION_INDEX: '1' });
    expect(shardOption(undefined, 2)).toEqual({ index: 1, count: 2 });
    schedulerEnv({ JOB_COMPLETION_INDEX: '1' });
    expect(shardOption(undefined, 2)).toEqual({ index: 1, count: 2 });
    // --shard i/n given: the environment is not read.
    schedulerEnv({ SLURM_ARRAY_TASK_ID: '0', JOB_COMPLETION_INDEX: '1' });
    expect(shardOption('1/2', undefined)).toEqual({ index: 1, count: 2 });
  });
});
