/** A minimal part description for store tests that write parts by hand (src/store/part-store.ts PartMeta). */
import { PART_FORMAT, type PartMeta } from '../../src/store/part-store.js';

export function testPartMeta(fields: Partial<PartMeta> = {}): PartMeta {
  return {
    format: PART_FORMAT,
    tool_version: 'test',
    scenario_name: 's',
    scenario_hash: 'h',
    seed: 1,
    replications: 100,
    detail_replications: 0,
    shard: { index: 0, count: 1 },
    months: 2,
    metrics: ['a'],
    start: '2020-01',
    scenario: {},
    scenario_file: 'f',
    info: '',
    ...fields,
  };
}
