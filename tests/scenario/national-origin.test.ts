/**
 * Where a problem of a government's city scenario is written in the national
 * file (src/scenario/national-origin.ts): the path a message names.
 */
import { describe, expect, it } from 'vitest';
import { governmentOrigin, type GovernmentSources } from '../../src/scenario/national-origin.js';

const sources = (city: Record<string, unknown>): GovernmentSources => ({
  index: 2,
  city,
  type: 'city',
  election: -1,
  innovations: [0, 3],
  vendors: [1],
  platforms: [],
  regulations: [['national_regulations', 0]],
  parameters: {},
});

describe('governmentOrigin', () => {
  it('places a national entry at its own index in the national list, and a city entry in the government\'s city block', () => {
    expect(governmentOrigin(sources({}), ['innovations', 1, 'launch'])).toEqual(['innovations', 3, 'launch']);
    expect(governmentOrigin(sources({ innovations: [{}] }), ['innovations', 2, 'launch'])).toEqual(['governments', 2, 'city', 'innovations', 0, 'launch']);
  });

  it('places a problem of a whole list in the list it came from, never at the bare government', () => {
    expect(governmentOrigin(sources({}), ['innovations'])).toEqual(['innovations']);
    expect(governmentOrigin(sources({}), ['vendors'])).toEqual(['vendors']);
    expect(governmentOrigin(sources({ innovations: [] }), ['innovations'])).toEqual(['governments', 2, 'city', 'innovations']);
  });
});
