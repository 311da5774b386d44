/**
 * Counting the YAML parses of the modules under test. In a test file:
 *
 *   vi.mock('yaml', async (importOriginal) => (await import('../support/yaml-count.js')).counting(await importOriginal()));
 *
 * then `yamlCalls.parseDocument` is the number of parseDocument calls since
 * it was last set to 0. This module does not import 'yaml' itself (it would
 * get the mock): it is handed the original.
 */
// One counter per process, on globalThis: a test file resets the module registry
// (vi.resetModules, needed because the suite does not isolate files), after
// which the mock's factory imports this module afresh; both copies must count
// into the same object.
const shared = globalThis as { difusiYamlCalls?: { parseDocument: number } };
export const yamlCalls = (shared.difusiYamlCalls ??= { parseDocument: 0 });

export function counting<Y extends { parseDocument: (...args: never[]) => unknown }>(yaml: Y): Y {
  return {
    ...yaml,
    parseDocument: (...args: Parameters<Y['parseDocument']>) => {
      yamlCalls.parseDocument++;
      return yaml.parseDocument(...args);
    },
  };
}
