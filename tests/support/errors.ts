import { UserError } from '../../src/messages/catalog.js';

/** The UserError a call throws (fails the test when it throws nothing or something else). */
export function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}
