/** Generated scenarios of the benchmarks. */

const ATTRS = { relative_advantage: 0.7, compatibility: 0.6, complexity: 0.4, trialability: 0.5, observability: 0.6 };

/** One city of national size: 24,000 agencies, 10 innovations, 132 months (2015-01 to 2025-12). */
export function nationalFlatScenario(replications: number): Record<string, unknown> {
  const owners = ['opd', 'coordinator', 'vendor'] as const;
  const innovations = Array.from({ length: 10 }, (_, x) => {
    const owner = owners[x % 3]!;
    const launch = `${2015 + Math.floor(x / 2)}-${String(1 + ((x * 5) % 12)).padStart(2, '0')}`;
    return {
      id: `s${x}`,
      owner,
      funding: owner === 'vendor' ? 'pilot' : x % 4 === 1 ? 'national' : 'apbd',
      ...(owner === 'vendor' && { vendor: 'v', pilot_months: 24 }),
      ...(x % 5 === 0 && { sponsor: 'leader' }),
      ...(x === 7 && { costly: true }),
      launch,
      ...ATTRS,
    };
  });
  return {
    name: 'bench-national-flat',
    start: '2015-01',
    months: 132,
    replications,
    seed: 7,
    coordinator: 'opd1',
    opds: { generate: { count: 24_000, types: { dinas: 8, badan: 3, kecamatan: 13, secretariat: 1 } } },
    network: { type: 'hub', among: { type: 'small-world', degree: 10, rewire: 0.1 } },
    leaders: [
      { id: 'first', from: '2015-01', commitment: 0.6 },
      { id: 'second', from: '2018-09' },
      { id: 'third', from: '2023-09' },
    ],
    regulations: [{ id: 'reg', from: '2019-01', strength: 0.5, anchors: ['s0', 's3'] }],
    budget_shocks: [{ from: '2020-04', to: '2021-12', factor: 0.7 }],
    vendors: [{ id: 'v', contract_end: '2022-12' }],
    innovations,
  };
}

