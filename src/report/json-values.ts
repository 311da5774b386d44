/**
 * Reading values out of parsed JSON (a manifest, a scenario as resolved) whose shape is not checked by a schema:
 * an object is a plain mapping (not null, not an array), a string is read as '' when it is anything else.
 */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
