/**
 * Outcome and metric names as a reader says them: `sustained.smart-health`
 * becomes "Smart health sustained (probability)", `discontinuations.hazard`
 * "exits: everyday attrition (per replication)", `live_share` "services in use
 * (share of eligible agency-service pairs)". Unknown names are shown as
 * they are, so nothing is hidden.
 */
import type { Catalog } from './i18n/en.js';
import { label } from './i18n/index.js';

/** A service's display name: its scenario name, else its id. */
export type ServiceNames = ReadonlyMap<string, string>;

export function outcomeName(outcome: string, t: Catalog, services: ServiceNames = new Map()): string {
  const sustained = /^sustained\.(.+)$/.exec(outcome);
  if (sustained) return t.sustainedOf(services.get(sustained[1] as string) ?? (sustained[1] as string));
  const exits = /^(?:discontinuations\.|discontinued_)(.+)$/.exec(outcome);
  if (exits && exits[1] !== 'total') {
    const cause = exits[1] as string;
    const name = label(t.cause, cause);
    // Only the short head of a cause's name ("defunded", not its gloss in brackets).
    return t.exitsOf(name.replace(/\s*\(.*\)$/, ''));
  }
  return label(t.metric, outcome);
}
