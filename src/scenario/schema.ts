/**
 * The scenario file's shape (MODEL.md section 10), defined once.
 *
 * This zod schema is at the same time the TypeScript type (`Scenario`), the
 * runtime validation of every file, and the source of the committed JSON
 * Schema (`scenarios/schema/scenario.schema.json`, see `toJsonSchema`).
 * Field names are the model's vocabulary: extend them, never rename them.
 * Cross-references (ids, months inside the horizon) are checked in
 * `crossref.ts`, after this shape check.
 */
import { z } from 'zod';
import { PARAMETER_SPECS } from './parameters.js';

const monthString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month as YYYY-MM' })
  .describe('calendar month, YYYY-MM');

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'an id of letters, digits, _ . -' })
  .describe('identifier');

const unit = z.number().min(0).max(1);

export const OPD_TYPES = ['dinas', 'badan', 'kecamatan', 'secretariat', 'other'] as const;
export const CATEGORIES = ['innovator', 'early_adopter', 'early_majority', 'late_majority', 'laggard'] as const;
/**
 * Rogers' category bands in z-scores of theta, [lower, upper), in the order
 * of CATEGORIES (MODEL.md 2.3; Rogers 2003 ch. 7: mean -2 sd, -1 sd, mean, +1 sd).
 */
export const CATEGORY_Z_BANDS: readonly (readonly [number, number])[] = [
  [-Infinity, -2],
  [-2, -1],
  [-1, 0],
  [0, 1],
  [1, Infinity],
];

/**
 * Index into CATEGORIES of a z-score (lower = earlier adopter), by
 * CATEGORY_Z_BANDS. Used for thresholds (MODEL.md 2.3) and for realized
 * adoption months (Rogers' own mean-and-SD classification).
 */
export function categoryOfZ(z: number): number {
  const k = CATEGORY_Z_BANDS.findIndex(([lo, hi]) => z >= lo && z < hi);
  return k < 0 ? CATEGORY_Z_BANDS.length - 1 : k;
}
export const OWNERS = ['opd', 'coordinator', 'vendor'] as const;
export const FUNDINGS = ['apbd', 'pilot', 'national'] as const;
export const SPONSORS = ['leader', 'opd', 'none'] as const;
export const NETWORK_TYPES = ['complete', 'erdos-renyi', 'small-world', 'scale-free', 'hub', 'none'] as const;

const opdType = z.enum(OPD_TYPES);

const opdEntry = z
  .object({
    id,
    name: z.string().optional(),
    type: opdType.default('other'),
    theta: unit.optional().describe('adoption threshold (utility); drawn when absent'),
    category: z.enum(CATEGORIES).optional().describe('pins the Rogers category; theta is drawn inside its band'),
    capacity: unit.optional(),
    slack: unit.optional(),
    champion: z.boolean().optional(),
    reflexivity: unit.optional().describe('double-loop probability per trigger; defaults to parameter reflexivity'),
    coordinator: z.boolean().optional().describe('this OPD is the coordinating agency (the same as the top-level coordinator field)'),
  })
  .strict();

const opds = z
  .object({
    generate: z
      .object({
        count: z.number().int().min(0).max(10_000_000).describe('how many agencies to generate'),
        types: z
          .partialRecord(opdType, z.number().min(0))
          .optional()
          .describe('type mix as relative weights; default all "other"'),
        id_prefix: z
          .string()
          .regex(/^([A-Za-z0-9][A-Za-z0-9_.-]*)?$/, { message: 'an id prefix of letters, digits, _ . - (may be empty)' })
          .default('opd')
          .describe('generated ids are <id_prefix>1 .. <id_prefix><count>'),
      })
      .strict()
      .optional(),
    list: z.array(opdEntry).optional(),
  })
  .strict();

const networkGenerator = z
  .object({
    type: z.enum(NETWORK_TYPES),
    mean_degree: z.number().min(0).optional().describe('erdos-renyi: expected degree'),
    degree: z.number().int().min(0).optional().describe('small-world: even ring degree k'),
    rewire: unit.optional().describe('small-world: rewiring probability beta'),
    links: z.number().int().min(1).optional().describe('scale-free: links per new node m'),
  })
  .strict();

const network = z
  .object({
    type: z.enum(NETWORK_TYPES).default('complete'),
    mean_degree: z.number().min(0).optional(),
    degree: z.number().int().min(0).optional(),
    rewire: unit.optional(),
    links: z.number().int().min(1).optional(),
    hub: id.optional().describe('hub: the OPD linked to all (default: the coordinator)'),
    among: networkGenerator.optional().describe('hub: the generator among the other agencies'),
    edges: z.array(z.tuple([id, id])).optional().describe('explicit undirected edges, added to the generator'),
  })
  .strict();

const leader = z
  .object({
    id: id.optional().describe('identifier; MODEL.md gives leaders none, so the default is leader-<n> (1-based, in list order)'),
    name: z.string().optional(),
    from: monthString,
    commitment: unit.optional().describe('drawn Uniform(0,1) when absent'),
    to: monthString.optional().describe('last month in office; absent = until a successor takes office'),
    sponsors: z.array(id).default([]).describe('innovations this leader sponsors on taking office'),
    sponsored: z.array(id).optional().describe('the same as sponsors (MODEL.md: "sponsored innovations"); both lists count'),
  })
  .strict();

const regulation = z
  .object({
    id: id.optional().describe('identifier; default regulation-<n> (1-based, in list order)'),
    name: z.string().optional(),
    from: monthString,
    to: monthString.optional().describe('last month in force; absent = until the horizon'),
    strength: unit,
    applies_to: z.array(z.string()).optional().describe('OPD ids or types; default all'),
    anchors: z.array(id).default([]).describe('innovation ids this regulation anchors'),
    requires_budget_line: z.boolean().default(false),
    bans_standalone: z.boolean().default(false),
  })
  .strict();

const budgetShock = z
  .object({
    from: monthString,
    to: monthString,
    factor: z.number().min(0),
    name: z.string().optional(),
  })
  .strict();

const vendor = z
  .object({
    id,
    name: z.string().optional(),
    contract_end: monthString.optional(),
  })
  .strict();

const platform = z
  .object({
    id,
    name: z.string().optional(),
    custodian: z.string().describe('a vendor id, "coordinator", or "vendor" for the only vendor listed'),
    active_until: monthString.optional(),
  })
  .strict();

const innovation = z
  .object({
    id,
    name: z.string().optional(),
    owner: z.enum(OWNERS),
    vendor: id.optional().describe('the vendor behind a vendor-owned service or a pilot'),
    funding: z.enum(FUNDINGS),
    pilot_months: z.number().int().min(1).optional(),
    platform: id.optional(),
    integrated_from: monthString.optional(),
    eligible: z.array(z.string()).optional().describe('OPD ids or types; default all'),
    sponsor: z.enum(SPONSORS).default('none'),
    relative_advantage: unit,
    compatibility: unit,
    complexity: unit,
    trialability: unit,
    observability: unit,
    launch: monthString,
    costly: z.boolean().default(false),
    initial_adopters: z
      .array(z.string())
      .optional()
      .describe('OPD ids or types that adopt at launch (the same as a top-level initial_adopters entry)'),
  })
  .strict();

const initialAdopters = z
  .object({
    innovation: id,
    opds: z.array(z.string()).optional().describe('OPD ids or types'),
    opd: z.string().optional().describe('one OPD id or type (instead of opds)'),
    state: z.enum(['live', 'routinized']).default('live'),
  })
  .strict();

/** A parameter value: a number, or null for parameters whose default is "off". */
type ParameterField =
  | z.ZodOptional<z.ZodNumber>
  | z.ZodOptional<z.ZodNullable<z.ZodUnion<readonly [z.ZodNumber, z.ZodLiteral<'off'>]>>>;

function parameterSchema() {
  const shape: Record<string, ParameterField> = {};
  for (const spec of PARAMETER_SPECS) {
    let n = spec.integer ? z.number().int() : z.number();
    if (spec.min !== undefined) n = n.min(spec.min);
    if (spec.max !== undefined) n = n.max(spec.max);
    const described = `${spec.unit}; ${spec.source}: ${spec.note}; default ${spec.default ?? 'off'}`;
    // A parameter that can be off takes null or "off" (MODEL.md writes "off").
    shape[spec.name] = (spec.default === null ? z.union([n, z.literal('off')]).nullable().optional() : n.optional()).describe(described);
  }
  return z.object(shape).strict();
}

export const scenarioSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'a name usable as a folder name (letters, digits, _ . -)' }),
    description: z.string().default(''),
    start: monthString,
    months: z.number().int().min(1).max(1200),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    replications: z.number().int().min(1).default(100),
    decision: z
      .enum(['threshold', 'bass'])
      .default('threshold')
      .describe('"bass": pure Bass mode, awareness is adoption (MODEL.md 7.2)'),
    coordinator: id.optional().describe('the coordinating OPD id'),
    opds,
    network: network.default({ type: 'complete' }),
    leaders: z.array(leader).default([]),
    regulations: z.array(regulation).default([]),
    budget_shocks: z.array(budgetShock).default([]),
    vendors: z.array(vendor).default([]),
    platforms: z.array(platform).default([]),
    innovations: z.array(innovation).min(1),
    initial_adopters: z.array(initialAdopters).default([]),
    parameters: parameterSchema().default({}),
  })
  .strict();

/** A scenario as written (optional fields may be absent). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario after validation, with defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type OpdSpec = z.output<typeof opdEntry>;
export type InnovationSpec = z.output<typeof innovation>;
export type RegulationSpec = z.output<typeof regulation>;
export type LeaderSpec = z.output<typeof leader>;
export type NetworkSpec = z.output<typeof network>;
export type NetworkGeneratorSpec = z.output<typeof networkGenerator>;
export type OpdType = (typeof OPD_TYPES)[number];
export type Category = (typeof CATEGORIES)[number];

/** The JSON Schema committed at scenarios/schema/scenario.schema.json. */
export function toJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://difusi.dev/schema/scenario.schema.json',
    title: 'difusi scenario',
    description: 'A difusi scenario file (MODEL.md section 10). Unknown fields are errors.',
  };
}

/**
 * The parts of a city scenario, for files that embed city specs (the
 * national file, national-schema.ts) so the two shapes cannot drift.
 */
export const CITY_PARTS = {
  monthString,
  id,
  opdEntry,
  opds,
  network,
  leader,
  regulation,
  budgetShock,
  vendor,
  platform,
  innovation,
  initialAdopters,
  parameters: parameterSchema,
} as const;
