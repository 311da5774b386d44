/**
 * Outcome and metric names as a reader says them: `sustained.smart-health`
 * becomes "Smart health sustained (probability)", `discontinuations.hazard`
 * "exits: everyday attrition (per replication)", `live_share` "services in use
 * (share of eligible agency-service pairs)". Unknown names are shown as
 * they are, so nothing is hidden.
 */
import type { Catalog } from './i18n/en.js';
import { label } from './i18n/index.js';
import { nameAndId } from './format.js';

/** A service's display name: its scenario name, else its id. */
export type ServiceNames = ReadonlyMap<string, string>;

/**
 * The names as a chart shows them on their own (a legend entry, a panel
 * title): a name that two services share gets its id after it, as the
 * tables write it ("Smart health [smart-health]", brackets because a name
 * may hold parentheses of its own), so that no two entries read alike.
 * A name given to one service stays as it is; a service without a name
 * keeps its id.
 */
export function distinctNames(names: ServiceNames): Map<string, string> {
  const uses = new Map<string, number>();
  for (const name of names.values()) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map([...names].map(([id, name]) => [id, (uses.get(name) ?? 0) > 1 && name !== id ? nameAndId(name, id) : name]));
}

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
