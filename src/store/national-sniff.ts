/**
 * Telling a national scenario file from a city one without loading the
 * national schema (start-up time of `difusi run` and `difusi validate`).
 */
import { readFileSync, statSync } from 'node:fs';
import { peekYaml } from '../scenario/yaml-once.js';
import { MAX_FILE_BYTES } from '../scenario/limits.js';

/** Is this parsed file a national scenario (it has a `governments` section)? */
export function isNationalFile(path: string): boolean {
  try {
    // Only a regular file of scenario size is looked into: a device or a huge
    // file is left to the scenario reader, which refuses it in one line.
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return false;
    const text = readFileSync(path, 'utf8');
    // A national file must name its `governments` section; a city file that
    // never says the word is spared a second parse of the whole document.
    if (!text.includes('governments')) return false;
    // Parsed as the reader will parse it, which then takes this document instead of parsing again (yaml-once.ts).
    const { doc } = peekYaml(text, /\.json$/i.test(path));
    const js: unknown = doc.toJS();
    return typeof js === 'object' && js !== null && 'governments' in js;
  } catch {
    return false;
  }
}

