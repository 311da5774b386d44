/**
 * The services a ministry provides to every government run on national
 * platforms (SPSE, SP4N-LAPOR!, OSS, SIPD, SRIKANDI) and are integrated
 * through them from their launch: the generator gives each service with a
 * `platform` an `integrated_from` equal to its `launch`. So Perpres 82/2023
 * (`bans_standalone`), which promotes these shared applications, replaces
 * none of their instances, adopted at launch or after the ban, while a
 * standalone service of the same months is replaced (docs/MODEL.md 7.3,
 * 7.8). Without `integrated_from` every instance was standalone until a
 * learning loop integrated it, and the ban "replaced" thousands of them per
 * replication.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { discontinuance } from '../../src/model/discontinuance.js';
import { events } from '../../src/model/events.js';
import { adopt } from '../../src/model/instances.js';
import { CAUSE, INTEGRATION } from '../../src/model/world.js';
import { PLAIN, QUIET, STATE, at, opd, tick, world } from '../support/world.js';

const FILE = join(fileURLToPath(new URL('../../', import.meta.url)), 'scenarios', 'indonesia-2015-2025.yaml');

interface Service {
  id: string;
  platform?: string;
  launch: string;
  integrated_from?: string;
}

const scenario = parse(readFileSync(FILE, 'utf8')) as {
  start: string;
  months: number;
  platforms: { id: string }[];
  innovations: Service[];
  national_regulations: { id: string; from: string; bans_standalone?: boolean }[];
};
const onPlatform = scenario.innovations.filter((s) => s.platform !== undefined);

describe('national platform services in scenarios/indonesia-2015-2025.yaml', () => {
  it('each service with a platform is integrated through it from its launch', () => {
    expect(onPlatform.map((s) => s.id).sort()).toEqual(['complaints-lapor', 'e-budgeting-sipd', 'e-licensing', 'e-office-srikandi', 'e-procurement']);
    for (const s of onPlatform) expect(s.integrated_from, s.id).toBe(s.launch);
  });

  it('an instance of each, adopted at launch or after Perpres 82/2023, is not replaced by the ban; a standalone one is', () => {
    const ban = scenario.national_regulations.find((r) => r.bans_standalone === true)!;
    expect(ban.id).toBe('perpres-82-2023');
    // One city with two agencies: each platform service as the national file
    // gives it, and beside each a standalone twin launched the same month.
    const w = world({
      start: scenario.start,
      months: scenario.months,
      opds: { list: [opd('early'), opd('late')] },
      platforms: scenario.platforms.map((p) => ({ id: p.id, custodian: 'coordinator' })),
      regulations: [{ id: ban.id, from: ban.from, strength: 0.5, bans_standalone: true }],
      innovations: onPlatform.flatMap((s) => [
        { id: s.id, owner: 'opd' as const, funding: 'apbd' as const, platform: s.platform, launch: s.launch, ...(s.integrated_from === undefined ? {} : { integrated_from: s.integrated_from }), ...PLAIN },
        { id: `${s.id}-standalone`, owner: 'opd' as const, funding: 'apbd' as const, launch: s.launch, ...PLAIN },
      ]),
      // The ban replaces every standalone instance it reaches; nothing else ends one.
      parameters: { ...QUIET, ban_replacement: 1e9 },
    });
    const ids = w.model.innovations.map((inn) => inn.id);
    const banFrom = w.model.regulations[0]!.from;
    // Each early instance adopted in its service's launch month, each late one the month after the ban starts.
    for (let month = 1; month <= banFrom + 1; month++) {
      tick(w, month);
      events(w);
      w.model.innovations.forEach((inn, k) => {
        if (inn.launch === month) adopt(w, at(w, 'early', ids[k]!), false);
        if (month === banFrom + 1) adopt(w, at(w, 'late', ids[k]!), false);
      });
    }
    expect(w.banActive).toBe(true);
    discontinuance(w);
    for (const s of onPlatform) {
      for (const agency of ['early', 'late']) {
        const i = at(w, agency, s.id);
        expect(w.integrated[i], `${agency} ${s.id}`).toBe(INTEGRATION.platform);
        expect(w.state[i], `${agency} ${s.id}`).toBe(STATE.live);
        const twin = at(w, agency, `${s.id}-standalone`);
        expect(w.state[twin], `${agency} ${s.id}-standalone`).toBe(STATE.discontinued);
        expect(w.cause[twin], `${agency} ${s.id}-standalone`).toBe(CAUSE.replacement);
      }
    }
    expect(w.counters.discontinuedByCause[CAUSE.replacement]).toBe(2 * onPlatform.length);
  });
});
