// difusi as a library: the example of docs/API.md. Run it from a project
// that has difusi installed (`node api.mjs`), or from a clone after
// `npm run build` (`node examples/api.mjs`). It prints a few lines and
// exits 0; any error exits 1.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  compareScenarios,
  compile,
  formatIssues,
  readScenario,
  runScenario,
  simulate,
  sweepScenario,
  validateScenario,
} from 'difusi';

// Where the installed package keeps its shipped scenarios and experiments.
const packageDir = dirname(createRequire(import.meta.url).resolve('difusi/package.json'));

// 1. Build a scenario as an object and validate it: problems come back as data.
const city = {
  name: 'my-city',
  start: '2020-01',
  months: 36,
  seed: 42,
  replications: 20,
  opds: { generate: { count: 12 } },
  innovations: [
    {
      id: 'e-permit',
      owner: 'opd',
      funding: 'apbd',
      launch: '2020-01',
      relative_advantage: 0.7,
      compatibility: 0.6,
      complexity: 0.4,
      trialability: 0.5,
      observability: 0.6,
    },
  ],
};
const bad = validateScenario({ ...city, months: 'three years' }, 'my-city');
if (bad.ok) throw new Error('a text for months should not validate');
console.log(`invalid input, as data: ${bad.issues[0].code} at ${bad.issues[0].path.join('.')}`);
console.log(formatIssues(bad.issues));

const checked = validateScenario(city, 'my-city');
if (!checked.ok) throw new Error(formatIssues(checked.issues));
const scenario = checked.scenario; // every default filled in

// 2. Compile the model and simulate one replication.
const model = compile(scenario);
const one = simulate(scenario, 0);
console.log(`${model.opds.length} agencies; replication 0: e-permit ${one.outcomes[0].outcome}`);

// 3. An ensemble: every replication, with the rows of summary.csv and outcomes.csv.
const run = await runScenario(scenario, { replications: 20 });
const share = run.shares.find((s) => s.innovation === 'e-permit');
const live = run.summary.filter((r) => r.metric === 'live_share').at(-1);
console.log(`sustained in ${(100 * share.shares.sustained.p).toFixed(0)} % of ${run.replications.length} runs; live share at the end ${live.mean.toFixed(3)}`);
if (run.replications[0].outcomes[0].outcome !== one.outcomes[0].outcome) throw new Error('replication 0 differs from simulate()');

// 4. Compare a what-if with common random numbers.
const better = validateScenario({ ...city, innovations: [{ ...city.innovations[0], relative_advantage: 0.95 }] }, 'better');
if (!better.ok) throw new Error(formatIssues(better.issues));
const compared = await compareScenarios(scenario, [{ name: 'more-advantage', scenario: better.scenario }], { outcomes: ['sustained.*', 'live_share'] });
for (const row of compared.rows) console.log(`${row.outcome}: ${row.variant} - base = ${row.diff_mean.toFixed(3)} (${row.diff_ci_low.toFixed(3)} to ${row.diff_ci_high.toFixed(3)})`);

// 5. A sweep from an experiment file shipped with the package, read from a shipped scenario.
const shipped = readScenario(join(packageDir, 'scenarios', 'sustained-opd-owned.yaml'));
console.log(`shipped scenario ${shipped.scenario.name}: ${shipped.scenario.innovations.length} innovation(s)`);
const sweep = await sweepScenario(join(packageDir, 'experiments', 'bekasi-sweep.yaml'), { replications: 2, outcomes: ['live_share'] });
console.log(`sweep ${sweep.name}: ${sweep.points.length} points, live share ${Math.min(...sweep.points.map((p) => p.values.live_share_mean)).toFixed(3)} to ${Math.max(...sweep.points.map((p) => p.values.live_share_mean)).toFixed(3)}`);
console.log('ok');
