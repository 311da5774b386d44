// Coverage and width of difusi's Sobol' bootstrap intervals on the Ishigami function, through the
// command's own path (buildDesign + sensitivityRows: centred outputs, bootstrap percentile intervals).
// Usage (after `npm run build`): node scripts/stats-checks/sobol-coverage.mjs [N=1024] [seeds=40] [resamples=200] [sobol|random]
// Prints per index: the true value, the mean estimate, the SD of the estimates over the design seeds,
// the mean interval width, 3.92 x that SD (the width a 95 % interval should have), and how many of the
// seeds' intervals hold the true value.
import { buildDesign, sensitivityRows } from '../../dist/src/experiment/design.js';
import { ishigami, ishigamiIndices } from '../../dist/src/experiment/stats/index.js';

const known = ishigamiIndices();
const N = Number(process.argv[2] ?? 1024);
const seeds = Number(process.argv[3] ?? 40);
const B = Number(process.argv[4] ?? 200);
const sequence = process.argv[5] ?? 'sobol';
const factors = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -Math.PI, max: Math.PI, integer: false }));
const cover = { S1: [0, 0, 0], ST: [0, 0, 0] };
const width = { S1: [0, 0, 0], ST: [0, 0, 0] };
const est = { S1: [[], [], []], ST: [[], [], []] };
for (let s = 1; s <= seeds; s++) {
  const plan = buildDesign({ method: 'sobol', samples: N, bootstrap: B, factors, ...(sequence === 'random' && { sequence }) }, s);
  const y = Float64Array.from(plan.rows.map((x) => ishigami(x)));
  sensitivityRows(plan, ['y'], [y], s).forEach((r, i) => {
    for (const k of ['S1', 'ST']) {
      const t = known[k][i];
      if (r[`${k}_low`] <= t && t <= r[`${k}_high`]) cover[k][i]++;
      width[k][i] += (r[`${k}_high`] - r[`${k}_low`]) / seeds;
      est[k][i].push(r[k]);
    }
  });
}
const meanSd = (a) => {
  const m = a.reduce((x, y) => x + y, 0) / a.length;
  return [m, Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1))];
};
console.log(`sequence ${sequence}, N = ${N}, ${seeds} design seeds, ${B} resamples`);
for (const k of ['S1', 'ST']) {
  for (let i = 0; i < 3; i++) {
    const [m, sd] = meanSd(est[k][i]);
    console.log(
      `${k} x${i + 1}: true ${known[k][i].toFixed(4)}, mean ${m.toFixed(4)}, SD ${sd.toFixed(4)}, mean width ${width[k][i].toFixed(4)}, ` +
        `3.92 SD ${(3.92 * sd).toFixed(4)} (width / 3.92 SD ${(width[k][i] / (3.92 * sd)).toFixed(1)}), coverage ${cover[k][i]}/${seeds}`,
    );
  }
}
