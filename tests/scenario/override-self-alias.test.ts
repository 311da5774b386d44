/**
 * A --set value whose alias stands inside the value its anchor names
 * (`description=&a [*a]`) is refused naming the alias, where it said
 * "nested more than 64 levels" of a two-word value.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES, UserError } from '../../src/messages/catalog.js';
import { parseOverride } from '../../src/scenario/apply-overrides.js';

describe('a --set value that holds itself through an alias', () => {
  it('is refused naming the alias', () => {
    let error: unknown;
    try {
      parseOverride('description=&a [*a]');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const issue = (error as UserError).issues[0]!;
    expect(issue.message).toBe(MESSAGES.override_syntax('description=&a [*a]', 'the alias *a is inside the value its anchor &a names, so the value would hold itself'));
  });

  it('an alias of another anchor is still read', () => {
    expect(parseOverride('description=[&a x, *a]')).toEqual(['description', ['x', 'x']]);
  });
});
