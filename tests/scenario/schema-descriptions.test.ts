/**
 * Every field of the scenario JSON Schema says what it is (issue 12): a
 * newcomer writing a scenario in an editor sees the description on hover, so
 * a property without one is a gap in the documentation.
 */
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../src/scenario/schema.js';

type Node = Record<string, unknown>;

/** Paths of object properties (at any depth) that have no description. */
export function undescribedProperties(schema: unknown, path = ''): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Node;
  const out: string[] = [];
  const properties = node['properties'];
  if (properties !== null && typeof properties === 'object') {
    for (const [name, child] of Object.entries(properties as Node)) {
      const described = typeof (child as Node)['description'] === 'string' && ((child as Node)['description'] as string).trim().length > 0;
      if (!described) out.push(`${path}.${name}`);
      out.push(...undescribedProperties(child, `${path}.${name}`));
    }
  }
  for (const key of ['items', 'additionalProperties']) {
    if (node[key] !== null && typeof node[key] === 'object') out.push(...undescribedProperties(node[key], `${path}[]`));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    if (Array.isArray(node[key])) for (const child of node[key] as unknown[]) out.push(...undescribedProperties(child, path));
  }
  for (const key of ['$defs', 'definitions']) {
    if (node[key] !== null && typeof node[key] === 'object') {
      for (const [name, child] of Object.entries(node[key] as Node)) out.push(...undescribedProperties(child, `#${name}`));
    }
  }
  return out;
}

describe('scenario JSON Schema descriptions', () => {
  it('describes every property, at every depth', () => {
    expect(undescribedProperties(toJsonSchema())).toEqual([]);
  });

  it('the check itself finds an undescribed property (nested in an array of objects)', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'number', description: 'described' },
        list: { description: 'a list', type: 'array', items: { type: 'object', properties: { b: { type: 'string' } } } },
      },
    };
    expect(undescribedProperties(schema)).toEqual(['.list[].b']);
  });

  it('describes the fields a newcomer asked about, with their meaning', () => {
    const text = JSON.stringify(toJsonSchema());
    for (const word of ['strength', 'owner', 'funding', 'sponsor', 'commitment', 'relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability']) {
      expect(text).toContain(`"${word}"`);
    }
    const schema = toJsonSchema() as { properties: Record<string, Node> };
    const innovation = ((schema.properties['innovations'] as Node)['items'] as Node)['properties'] as Record<string, Node>;
    expect(String(innovation['owner']!['description'])).toMatch(/vendor/);
    expect(String(innovation['complexity']!['description'])).toMatch(/0.*1/);
  });
});
