// The noise floor of Sobol' indices: Ishigami(x1, x2, x3) plus noise, x4 without effect on the mean, R
// replications per design point, through foldDesign + sensitivityRows (the command's own path).
// Noise: SD `own` independent per (point, replication), plus SD `shared` common to replication r of
// every point (what common random numbers share; it cancels in every index).
// Usage (after `npm run build`): node scripts/stats-checks/sobol-noise.mjs [R=20] [own=3] [shared=0]
import seedrandom from 'seedrandom';
import { buildDesign, sensitivityRows } from '../../dist/src/experiment/design.js';
import { foldDesign } from '../../dist/src/experiment/sweep.js';
import { ishigami, ishigamiIndices } from '../../dist/src/experiment/stats/index.js';

const R = Number(process.argv[2] ?? 20);
const own = Number(process.argv[3] ?? 3);
const shared = Number(process.argv[4] ?? 0);
const rng = seedrandom('noise');
const normal = () => {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
};
const factors = ['x1', 'x2', 'x3', 'x4'].map((name) => ({ name, min: -Math.PI, max: Math.PI, integer: false }));
const V = ishigamiIndices().variance;
for (const N of [256, 1024, 4096]) {
  const plan = buildDesign({ method: 'sobol', samples: N, bootstrap: 200, factors }, 11);
  const common = Array.from({ length: R }, () => shared * normal());
  const y = plan.rows.map((x) => Array.from({ length: R }, (_, r) => ishigami(x) + common[r] + own * normal()));
  const { means, noise } = foldDesign(plan.rows.length, R, [{ name: 'y', kind: 'metric' }], (u, out) => {
    out[0] = y[Math.floor(u / R)][u % R];
  });
  const rows = sensitivityRows(plan, ['y'], means, 11, noise);
  console.log(`R = ${R}, N = ${N}: noise floor ${rows[0].noise_floor.toFixed(3)}; ` + rows.map((r) => `${r.parameter} ST ${r.ST.toFixed(3)} [${r.ST_low.toFixed(3)}, ${r.ST_high.toFixed(3)}]`).join('; '));
}
console.log(`expected floor (own^2 / R) / (${V.toFixed(3)} + own^2 / R) = ${((own ** 2 / R) / (V + own ** 2 / R)).toFixed(3)}; true ST 0.558, 0.442, 0.244, 0`);
