/**
 * Validation of chart specs against vega-lite's JSON Schema
 * (node_modules/vega-lite/build/vega-lite-schema.json, draft-07) with ajv.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

export interface SchemaCheck {
  readonly engine: 'ajv';
  /** Error messages ("path: message"); empty = valid. */
  validate(value: unknown): string[];
}

const require = createRequire(import.meta.url);

export function vegaLiteSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as Record<string, unknown>;
}

export async function schemaCheck(): Promise<SchemaCheck> {
  const validate = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false }).compile(vegaLiteSchema());
  return {
    engine: 'ajv',
    validate: (value) =>
      validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`),
  };
}
