// The --precision stopping rule (experiment/precision.ts nextCheckpoint) on outcomes of known mean:
// the coverage of the final 95 % t interval once the rule stops, and how often the final mean's
// relative error exceeds the target X.
// Usage (after `npm run build`): node scripts/stats-checks/precision-coverage.mjs [trials=4000]
import seedrandom from 'seedrandom';
import { nextCheckpoint } from '../../dist/src/experiment/precision.js';
import { describe } from '../../dist/src/experiment/stats/index.js';

const rng = seedrandom('prec');
const normal = () => {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
};
function trial(gen, mu, X) {
  const v = [];
  let n = 0;
  let next;
  while ((next = nextCheckpoint([v], n, { target: X, minimum: 10, maximum: 10000 })) !== null) {
    while (v.length < next) v.push(gen());
    n = next;
  }
  const d = describe(v.slice(0, n));
  return { n, cover: d.ci_low <= mu && mu <= d.ci_high, relerr: Math.abs(d.mean - mu) / mu };
}
const cases = [
  ['normal, mean 1, SD 0.15, X = 0.05', () => 1 + 0.15 * normal(), 1, 0.05],
  ['normal, mean 1, SD 0.30, X = 0.10', () => 1 + 0.3 * normal(), 1, 0.1],
  ['lognormal(0, 1), X = 0.20', () => Math.exp(normal()), Math.exp(0.5), 0.2],
  ['share of 3 services sustained, p = 0.3 (binomial(3, 0.3) / 3), X = 0.25', () => ((rng() < 0.3) + (rng() < 0.3) + (rng() < 0.3)) / 3, 0.3, 0.25],
];
const T = Number(process.argv[2] ?? 4000);
for (const [name, gen, mu, X] of cases) {
  let c = 0;
  let e = 0;
  const ns = [];
  for (let t = 0; t < T; t++) {
    const r = trial(gen, mu, X);
    c += r.cover;
    e += r.relerr > X;
    ns.push(r.n);
  }
  ns.sort((a, b) => a - b);
  console.log(`${name}: final 95 % interval covers ${(100 * c / T).toFixed(1)} %, relative error > X ${(100 * e / T).toFixed(1)} %, replications median ${ns[T >> 1]}, min ${ns[0]}`);
}
