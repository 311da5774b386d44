/**
 * The array schedulers' index variables a test sets in this process's environment (cli/options.ts
 * shardOption reads them), restored after each test of the file that calls useSchedulerEnv().
 */
import { afterEach } from 'vitest';

export const SCHEDULER_VARS = ['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

/** Restores the variables as they were before the file's tests, after each test. */
export function useSchedulerEnv(): void {
  const saved = Object.fromEntries(SCHEDULER_VARS.map((v) => [v, process.env[v]]));
  afterEach(() => {
    for (const v of SCHEDULER_VARS) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
  });
}

/** Sets exactly these scheduler variables in this process's environment. */
export function schedulerEnv(env: Partial<Record<(typeof SCHEDULER_VARS)[number], string>>): void {
  for (const v of SCHEDULER_VARS) delete process.env[v];
  Object.assign(process.env, env);
}
