/**
 * The identity of a scenario: sha256 (hex) of its canonical JSON (keys
 * sorted, via safe-stable-stringify) after validation. Formatting, comments,
 * key order and defaults written out or left implicit do not change it; any
 * change of meaning does. Manifests record it to tie results to a scenario.
 */
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { Scenario } from './schema.js';

/** Canonical JSON of a validated scenario (sorted keys, no whitespace). */
export function canonicalScenarioJson(scenario: Scenario): string {
  const text = stringify(scenario);
  if (text === undefined) throw new Error('scenario has no JSON form');
  return text;
}

/** sha256 hex digest of `canonicalScenarioJson(scenario)`. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalScenarioJson(scenario), 'utf8').digest('hex');
}
