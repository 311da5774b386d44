/**
 * Where a field of a government's city scenario comes from in the national
 * file (docs/NATIONAL.md): model/national/compile.ts builds each
 * government's city scenario from the template, the national lists, the
 * government's election cycle and its own `city` block, and validates it as
 * a city file. A problem found there is reported at the place the user
 * wrote: `governments[3].city.parameters.takeover_vendr`, not the city
 * scenario's `parameters.takeover_vendr` hung under the government.
 *
 *     city path ──governmentOrigin(sources)──> national path ──locate──> line:column
 */

type Path = (string | number)[];

/** What one government's city scenario was built from (compile.ts fills it in as it builds). */
export interface GovernmentSources {
  /** The government's index in `governments`. */
  readonly index: number;
  /** Its `city` block (empty when it has none). */
  readonly city: Readonly<Record<string, unknown>>;
  /** Its type, which picks `template.agencies.<type>`. */
  readonly type: string;
  /** The index in `elections` of its cycle, or -1. */
  readonly election: number;
  /** Indices in the national `innovations`, `vendors` and `platforms` of the national entries, in the order they come before the city block's own. */
  readonly innovations: readonly number[];
  readonly vendors: readonly number[];
  readonly platforms: readonly number[];
  /** The national-file element each regulation after the city block's own comes from: `['national_regulations', r]` or `['programmes', p]`. */
  readonly regulations: readonly Path[];
  /** The national file's `parameters` (every government's). */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** Fields a national regulation passes on to its city regulation under the same name (compile.ts). */
const REGULATION_FIELDS: ReadonlySet<string> = new Set(['name', 'from', 'to', 'strength', 'applies_to', 'bans_standalone']);

/** The national-file path of a path into a government's city scenario. */
export function governmentOrigin(src: GovernmentSources, path: Path): Path {
  const gov: Path = ['governments', src.index];
  const inCity = (...rest: Path): Path => [...gov, 'city', ...rest];
  const cityList = (key: string) => (Array.isArray(src.city[key]) ? (src.city[key] as unknown[]).length : 0);
  const [head, i, ...rest] = path;
  if (head === undefined) return gov;
  switch (head) {
    case 'innovations':
    case 'vendors':
    case 'platforms': {
      // The national entries first, then the city block's own (compile.ts).
      const national = src[head];
      // The whole list: the city block's when it has one, else the national file's (where the entries came from).
      if (typeof i !== 'number') return head in src.city ? inCity(head) : [head];
      if (i < national.length) return [head, national[i]!, ...rest];
      return inCity(head, i - national.length, ...rest);
    }
    case 'regulations': {
      // The city block's own first, then those of national regulations and programmes.
      const own = cityList('regulations');
      if (typeof i !== 'number') return 'regulations' in src.city ? inCity('regulations') : gov;
      if (i < own) return inCity('regulations', i, ...rest);
      const from = src.regulations[i - own];
      if (from === undefined) return gov;
      const field = rest[0];
      if (from[0] === 'national_regulations' && typeof field === 'string' && REGULATION_FIELDS.has(field)) return [...from, ...rest];
      // Anchors are those of the government's services only (other indices); programme fields have other names.
      return field === 'anchors' || field === 'strength' ? [...from, field] : [...from];
    }
    case 'parameters': {
      const own = (src.city['parameters'] ?? {}) as Record<string, unknown>;
      if (typeof i === 'string' && Object.hasOwn(own, i)) return inCity('parameters', i, ...rest);
      if (typeof i === 'string' && Object.hasOwn(src.parameters, i)) return ['parameters', i, ...rest];
      return 'parameters' in src.city ? inCity('parameters') : ['parameters'];
    }
    default:
      break;
  }
  if (head in src.city) return inCity(...path);
  // Fields the template or the election cycle supplies when the city block does not.
  switch (head) {
    case 'opds':
      // The template's one listed agency is the coordinator (Diskominfo); the rest is its mix for the type.
      return i === 'list' ? ['template', 'coordinator'] : ['template', 'agencies', src.type];
    case 'coordinator':
      return ['template', 'coordinator'];
    case 'network':
    case 'budget_shocks':
      return ['template', ...path];
    case 'leaders':
      return src.election >= 0 ? ['elections', src.election, 'heads'] : [...gov, 'election'];
    default:
      return gov;
  }
}
