/**
 * The national scenario file's shape (docs/NATIONAL.md): many local
 * governments, each running the city model, with national actors above them.
 *
 * A national file is told apart from a city file by its `governments`
 * section. Each government becomes a city scenario in memory
 * (model/national/compile.ts): the template's agencies and services, its own
 * `city` block (any city-scenario field), its election cycle's heads, and
 * the national regulations, programmes, vendors and platforms that reach it.
 * That city scenario is then checked exactly as a city file is.
 */
import { z } from 'zod';
import { CITY_PARTS, OPD_TYPES } from './schema.js';
import { checkedAfterSchema, mappingExample } from './zod-issues.js';
import { MAX_REPLICATIONS } from './limits.js';

// `nameId`: the name in Bahasa Indonesia, beside `name` (the same field as in a city file).
const { monthString, id, freeText, nameId, network, budgetShock, vendor, platform, innovation } = CITY_PARTS;
const unit = z.number().min(0).max(1);

export const GOVERNMENT_TYPES = ['province', 'regency', 'city'] as const;
export type GovernmentType = (typeof GOVERNMENT_TYPES)[number];

/**
 * Which governments an actor reaches. All listed conditions must hold; an
 * absent condition holds for every government. `except` removes ids.
 */
const selector = z
  .object({
    ids: z.array(id).optional().describe('government ids'),
    types: z.array(z.enum(GOVERNMENT_TYPES)).optional().describe('province, regency, city'),
    provinces: z.array(id).optional().describe('province ids (a province government and its regencies and cities)'),
    cohorts: z.array(id).optional().describe('programme cohort ids: members of any of them'),
    except: z.array(id).optional().describe('government ids left out'),
  })
  .strict()
  // A list of ids is the natural thing to try (`governments: [kab-b, kota-d]`): the error says how it is written.
  .register(mappingExample, { example: '{ ids: [...] }' });

/** The agencies of a government of one type: counts by agency type; kecamatan from its districts. */
const agencyMix = z
  .partialRecord(z.enum(OPD_TYPES), z.number().int().min(0))
  .describe('agency counts by type; kecamatan agencies come from the government\'s `districts`');

// `name_id` is put last, where it was before city files had it: the parsed
// scenario's key order is part of its canonical JSON, so of its hash.
const nationalInnovation = innovation
  .omit({ name_id: true })
  .extend({
    name_id: nameId,
    governments: selector.optional().describe('the governments where this service exists (default all)'),
  })
  .strict();

const nationalVendor = vendor.omit({ name_id: true }).extend({ name_id: nameId }).strict();
const nationalPlatform = platform.omit({ name_id: true }).extend({ name_id: nameId }).strict();

const headTerm = z
  .object({
    from: monthString.describe('month the head takes office'),
    to: monthString.optional().describe('last month in office; absent = until the next head'),
    acting: z.boolean().default(false).describe('an appointed acting head (penjabat), not an elected one'),
    commitment: unit.optional().describe('drawn Uniform(0,1) when absent (city model)'),
  })
  .strict();

const electionCycle = z
  .object({
    id,
    name: freeText.optional(),
    name_id: nameId,
    heads: z
      .array(headTerm)
      .min(1)
      .describe('the succession of heads of every government on this cycle, in order of `from`, one a month (refused otherwise); the one in office at the start is the last to take office by then; none, the office vacant until the next head, if their `to` lies before the start or the first head takes office later'),
  })
  .strict();

const government = z
  .object({
    id,
    name: freeText.optional(),
    type: z.enum(GOVERNMENT_TYPES),
    province: id.describe('the province id (a province government names itself)'),
    districts: z.number().int().min(0).default(0).describe('kecamatan count: one kecamatan agency each (regencies and cities; ignored where `city.opds` gives the agencies)'),
    fiscal_capacity: unit.optional().describe('relative fiscal capacity in [0,1], when known; used by cohort selection `by: fiscal_capacity`'),
    election: id.optional().describe('election cycle id; absent = no scheduled heads (or the city block\'s leaders)'),
    city: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('city-scenario fields for this government (opds, leaders, innovations, ...), checked as a city file; replaces the template where it sets a field'),
    portfolio: z.boolean().default(true).describe('false: the national services are not offered here (a government with its own `city.innovations` only)'),
  })
  .strict();

const nationalRegulation = z
  .object({
    id,
    name: freeText.optional(),
    name_id: nameId,
    from: monthString,
    to: monthString.optional(),
    strength: unit,
    anchors: z.array(id).default([]).describe('national service ids this mandate anchors'),
    governments: selector.optional().describe('default all'),
    applies_to: z.array(z.string()).optional().describe('agency ids or types inside each government that the mandate binds; default all. Its anchors act only in the agencies it binds'),
    money: z
      .boolean()
      .default(false)
      .describe(
        'true: national money for the anchored services from `from` on (national budget line); false (default): an unfunded mandate, whose anchoring and push act only in a government where the service has national money while the mandate is in force (its funding is national, or a funded mandate or programme pays for it there): on a service paid from the city budget (apbd) or by a pilot, and by no national money, it does nothing (validate warns); a ban on standalone apps (bans_standalone) acts either way',
      ),
    bans_standalone: z
      .boolean()
      .default(false)
      .describe('true: a ban on standalone apps in every government it reaches (the city model\'s bans_standalone): live instances not integrated are replaced at the yearly rate ban_replacement; adoption goes on, and an instance left standalone is replaced in turn; default false'),
  })
  .strict();

const cohortSelection = z
  .object({
    count: z.number().int().min(0).describe('how many further governments to select, among those no cohort of the programme lists (fewer if fewer are left: validate warns)'),
    types: z.array(z.enum(GOVERNMENT_TYPES)).optional().describe('eligible types (default regency and city)'),
    by: z
      .enum(['fiscal_capacity', 'lottery'])
      .default('lottery')
      .describe('fiscal_capacity: highest first (governments without it last); lottery: a fixed pseudo-random order keyed by programme, cohort and government id'),
  })
  .strict();

const cohort = z
  .object({
    id,
    from: monthString.describe('month the cohort joins (before the start: members from month 1)'),
    members: z.array(id).default([]).describe('governments known to be in this cohort'),
    select: cohortSelection.optional().describe('further members chosen by a rule (documented assumption)'),
  })
  .strict();

const programme = z
  .object({
    id,
    name: freeText.optional(),
    name_id: nameId,
    cohorts: z.array(cohort).min(1),
    strength: unit
      .default(0)
      .describe(
        'strength of the programme\'s regulation in member governments (0: none). Without money (money: false) the regulation acts only where the anchored service has national money (its funding is national, or a funded mandate or programme pays for it there): on a service paid from the city budget (apbd) or by a pilot, and by no national money, the strength does nothing (validate warns)',
      ),
    anchors: z.array(id).default([]).describe('national services the programme anchors'),
    money: z
      .boolean()
      .default(false)
      .describe('national money for the anchored services in member governments, from the month they join (whatever the strength); false (default): none, so the strength acts only where the service has national money otherwise'),
    vision: unit.optional().describe('a member government\'s vision V is raised to at least this on joining'),
  })
  .strict();

const governmentNetwork = z
  .object({
    same_province: z.boolean().default(true).describe('link governments of the same province (and the province government)'),
    pioneers: selector.optional().describe('governments every other government watches (links to pioneers)'),
  })
  .strict();

/** Inter-government diffusion weights (docs/NATIONAL.md: sources per parameter). */
export const NATIONAL_PARAMETER_DEFAULTS = { gov_launch_base: 0.15, gov_imitation: 1, gov_competition: 0.5, gov_learning: 0.1 } as const;
const nationalParameters = z
  .object({
    gov_launch_base: z.number().min(0).default(NATIONAL_PARAMETER_DEFAULTS.gov_launch_base).describe('per year: rate at which a government launches an available national service on its own (internal determinants; Berry and Berry 1990); knob'),
    gov_imitation: z.number().min(0).default(NATIONAL_PARAMETER_DEFAULTS.gov_imitation).describe('per year, times the share of peer governments (same province, pioneers) with the service live: launch rate from imitation (Walker 1969; Shipan and Volden 2008); knob'),
    gov_competition: z.number().min(0).default(NATIONAL_PARAMETER_DEFAULTS.gov_competition).describe('per year, times the share of same-province governments with the service live: launch rate from competition among neighbours (Berry and Berry 1990); knob'),
    gov_learning: z.number().min(0).default(NATIONAL_PARAMETER_DEFAULTS.gov_learning).describe('utility in each agency\'s decision, times the share of peer governments where the service is routinized (learning from success; Shipan and Volden 2008); knob'),
  })
  .strict();

export const nationalSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'a name usable as a folder name (letters, digits, _ . -)' }),
    description: z.string().default(''),
    description_id: z.string().optional().describe('the description in Bahasa Indonesia, shown by the Indonesian report instead of description (default: description)'),
    start: monthString,
    months: z.number().int().min(1).max(1200),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    // At most MAX_REPLICATIONS, as a city file's: checked after the schema (store/national-file.ts), in the city check's words.
    replications: z.number().int().min(1).register(checkedAfterSchema, { maximum: MAX_REPLICATIONS }).default(20),
    parameters: CITY_PARTS.parameters().default({}).describe('city-model parameters for every government (a government\'s city block may override)'),
    national_parameters: nationalParameters.default({ ...NATIONAL_PARAMETER_DEFAULTS }),
    template: z
      .object({
        agencies: z.partialRecord(z.enum(GOVERNMENT_TYPES), agencyMix).default({}),
        coordinator: z.boolean().default(true).describe('each government has a coordinating agency: a dinas with id kominfo (agency ids are per government), counted among its dinas'),
        network: network.default({ type: 'complete' }),
        budget_shocks: z.array(budgetShock).default([]),
      })
      .strict()
      .default({ agencies: {}, coordinator: true, network: { type: 'complete' }, budget_shocks: [] }),
    vendors: z.array(nationalVendor).default([]).describe('vendors serving many governments: a contract end strikes every government it serves'),
    platforms: z.array(nationalPlatform).default([]).describe('national platforms; custodian is a vendor id or "coordinator" ("vendor", the only vendor, is refused: each government would have its own)'),
    innovations: z.array(nationalInnovation).default([]).describe('the national portfolio of services'),
    elections: z.array(electionCycle).default([]),
    governments: z.array(government).min(1),
    national_regulations: z.array(nationalRegulation).default([]),
    programmes: z.array(programme).default([]),
    government_network: governmentNetwork.default({ same_province: true }),
  })
  .strict();

export type NationalScenario = z.output<typeof nationalSchema>;
export type GovernmentSpec = z.output<typeof government>;
export type GovernmentSelector = z.output<typeof selector>;
export type NationalRegulationSpec = z.output<typeof nationalRegulation>;
export type ProgrammeSpec = z.output<typeof programme>;

/** The JSON Schema of national files (scenarios/schema/national.schema.json). */
export function toNationalJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(nationalSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://difusi.dev/schema/national.schema.json',
    title: 'difusi national scenario',
    description: 'A difusi national scenario: many local governments, each running the city model (docs/NATIONAL.md). Unknown fields are errors.',
  };
}
