/**
 * Counting the YAML parses of the modules under test. In a test file:
 *
 *   vi.mock('yaml', async (importOriginal) => (await import('../support/yaml-count.js')).counting(await importOriginal()));
 *
 * then `yamlCalls.parseDocument` is the number of parseDocument calls since
 * it was last set to 0. This module does not import 'yaml' itself (it would
 * get the mock): it is handed the original.
 */
export const yamlCalls = { parseDocument: 0 };

export function counting<Y extends { parseDocument: (...args: never[]) => unknown }>(yaml: Y): Y {
  return {
    ...yaml,
    parseDocument: (...args: Parameters<Y['parseDocument']>) => {
      yamlCalls.parseDocument++;
      return yaml.parseDocument(...args);
    },
  };
}
