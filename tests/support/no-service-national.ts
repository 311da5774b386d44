/**
 * A small national scenario of two regencies, kab-a and kab-b, and one
 * national service, svc-a, whose selector by default reaches kab-a only: so
 * kab-b is offered no service unless its own entry gives it one. For the
 * tests of that refusal (tests/national/government-no-service.test.ts) and
 * of its line under --lang id (tests/cli/refusals-lang-id-41.test.ts); kab-b
 * is on line 13, the line the refusal names.
 */

/** The file's text: `kabB` is appended to kab-b's entry (`, portfolio: false`), `selector` to svc-a's (by default: kab-a only). */
export function noServiceNational(kabB: string, selector = ', governments: { ids: [kab-a] }'): string {
  return `name: no-service
start: 2016-01
months: 24
seed: 3
replications: 1
template:
  agencies: { regency: { dinas: 3 } }
  network: { type: complete }
innovations:
  - { id: svc-a, owner: opd, funding: apbd, launch: 2016-03, relative_advantage: 0.9, compatibility: 0.9, complexity: 0.1, trialability: 0.9, observability: 0.9${selector} }
governments:
  - { id: kab-a, type: regency, province: p1, districts: 1 }
  - { id: kab-b, type: regency, province: p1, districts: 1${kabB} }
`;
}
