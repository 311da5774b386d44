/**
 * A scenario warning that only an experiment's override gives (a variant's
 * or the experiment's `set:`, a `--set`) is named at the experiment line
 * that wrote the value, not at the base scenario's path: `compare` used to
 * print `⚠ <base.yaml> (arm v): ...` for a variant whose `set` emptied an
 * innovation's `eligible`, which the base file does not do, and `sweep` /
 * `sensitivity` `⚠ <base.yaml> (base of <experiment>)` for the
 * experiment's own `set`. A warning the base file as written gives is still
 * named at it (control).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeCompare } from '../../src/jobs/compare.js';
import { sweepJob } from '../../src/jobs/sweep.js';
import { SMALL_CITY, testFolder } from '../support/cli.js';

const folder = testFolder('difusi-warning-place-');

const NO_ELIGIBLE = 'innovations[0] "e-office": no agency is eligible for it';

/** Writes an experiment on the small city; returns its path. */
function experiment(name: string, body: string): string {
  const file = join(folder(), `${name}.yaml`);
  writeFileSync(file, `name: ${name}\nbase: ${SMALL_CITY}\n${body}`);
  return file;
}

/** The places of the warnings that start with `text`. */
const placesOf = (warnings: [string, string][], text: string) => warnings.filter(([, w]) => w.startsWith(text)).map(([where]) => where);

describe('warnings that an experiment override gives', () => {
  it("compare: a variant's set is named at its line of the experiment; --set at the command line", async () => {
    const file = experiment('variant', 'variants:\n  - name: v\n    set:\n      innovations[0].eligible: []\n');
    const warnings: [string, string][] = [];
    await executeCompare({
      experiment: file,
      replications: 1,
      set: { 'innovations[1].eligible': [] },
      outRoot: join(folder(), 'out'),
      workers: 1,
      command: 'test',
      onWarning: (where, w) => warnings.push([where, w]),
    });
    expect(placesOf(warnings, NO_ELIGIBLE)).toEqual([`${file}:6 (arm v)`]);
    expect(placesOf(warnings, 'innovations[1] "smart-app": no agency is eligible for it')).toEqual(['command line --set innovations[1].eligible (arm base)']);
    expect(warnings.map(([where]) => where).filter((w) => w.startsWith(SMALL_CITY))).toEqual([]);
  }, 60_000);

  it("sweep: the experiment's own set is named at its line", () => {
    const file = experiment('sweep', 'set:\n  innovations[0].eligible: []\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 1] }\n');
    const warnings: [string, string][] = [];
    sweepJob({ experiment: file, kind: 'sweep', replications: 1, onWarning: (where, w) => warnings.push([where, w]) });
    expect(placesOf(warnings, NO_ELIGIBLE)).toEqual([`${file}:4`]);
  });

  it('(control) a warning the base file as written gives is named at the base file', () => {
    const base = join(folder(), 'base.yaml');
    writeFileSync(base, readFileSync(SMALL_CITY, 'utf8').replace('    launch: 2018-01\n', '    launch: 2018-01\n    eligible: []\n'));
    const file = join(folder(), 'control.yaml');
    writeFileSync(file, `name: control\nbase: ${base}\nset:\n  parameters.takeover_vendor: 0.5\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.champion_rotation, values: [0, 0.1] }\n`);
    const warnings: [string, string][] = [];
    sweepJob({ experiment: file, kind: 'sweep', replications: 1, onWarning: (where, w) => warnings.push([where, w]) });
    expect(placesOf(warnings, NO_ELIGIBLE)).toEqual([`${base} (base of ${file})`]);
  });
});
