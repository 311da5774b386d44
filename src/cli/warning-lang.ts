/**
 * How a command words its scenario warnings (⚠ lines) for its --lang: under
 * `id` in Bahasa Indonesia (messages/warning-text-id.ts, loaded only then);
 * otherwise undefined, and the jobs word them in English as before.
 */
import type { WarningText } from '../messages/catalog.js';
import type { TerminalLang } from '../messages/terminal-lang.js';

export async function warningTextFor(lang: TerminalLang | undefined): Promise<{ warningText?: WarningText }> {
  return lang === 'id' ? { warningText: (await import('../messages/warning-text-id.js')).warningTextId } : {};
}
