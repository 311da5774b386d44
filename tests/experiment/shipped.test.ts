import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentArms, loadArm, readExperimentFile } from '../../src/store/experiment-file.js';
import { outcomeFor } from '../../src/jobs/precision.js';
import { sweepJob } from '../../src/jobs/sweep.js';
import { DEFAULT_OUTCOMES } from '../../src/experiment/outcomes.js';
import { ROOT } from '../support/cli.js';

const DIR = join(ROOT, 'experiments');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('shipped experiments', () => {
  it('are there: five what-ifs, a sweep and a sensitivity analysis', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of files) {
    it(`${name}: every arm and design point is a valid scenario, with a note`, () => {
      const exp = readExperimentFile(join(DIR, name));
      expect(exp.spec.description.length).toBeGreaterThan(80);
      expect(exp.spec.name).toBe(name.replace(/\.yaml$/, ''));
      const { arms } = experimentArms(exp, {});
      for (const arm of arms) {
        const file = loadArm(exp, arm);
        outcomeFor(file.scenario, exp.spec.outcomes ?? DEFAULT_OUTCOMES, name);
        if (arm.name !== 'base') expect(arm.note.length, `${name} ${arm.name}`).toBeGreaterThan(10);
      }
      if (exp.spec.design !== undefined) {
        const kind = exp.spec.design.method === 'grid' || exp.spec.design.method === 'lhs' ? 'sweep' : 'sensitivity';
        const job = sweepJob({ experiment: join(DIR, name), kind, outRoot: 'unused', workers: 1, command: 'test' });
        expect(job.plan.rows.length).toBeGreaterThan(1);
      } else {
        expect(arms.length).toBeGreaterThanOrEqual(2);
      }
    });
  }
});
