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

describe('the same under --lang id', () => {
  it('is said in Bahasa Indonesia, the whole line', async () => {
    const { runInProcess } = await import('../support/in-process.js');
    const { SMALL_CITY } = await import('../support/cli.js');
    const r = await runInProcess(['validate', SMALL_CITY, '--set', 'description=&a [*a]', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('Jalur pengaturan "description=&a [*a]" tidak dapat dibaca: alias *a berada di dalam nilai yang dinamai anchor-nya &a, sehingga nilai itu akan memuat dirinya sendiri');
    expect(r.stderr).not.toMatch(/Cannot read|the alias/);
  });
});
