/**
 * One event of a run as the explorer's event list writes it ("Look inside
 * one run"): its date, its agency, its kind in words (i18n.ts), and what
 * events.csv records in its `cause` column, in brackets. Pure: no DOM; the
 * page shows the text with textContent (scenario names are data).
 *
 * The `cause` column holds different things per kind (model/events.ts,
 * learning.ts, instances.ts): a discontinuance cause, the change a learning
 * loop made (ownership, regulation, ...), `authority` on an adoption, the
 * actor that withdrew (betrayal: leader, champion, vendor:<id>,
 * platform:<id>), the id of a leader, regulation, vendor or platform, or the
 * budget climate B a shock sets (a number, 0.7). On the Indonesian page each
 * is written in Bahasa Indonesia: model words from GLOSSARY.id.md, names as
 * the Indonesian report names them (scenario/twins.ts: `name_id`, else
 * `name`, else the id), and B with a decimal comma; the button's tooltip
 * says which events.csv kind it is. The English page writes the event as it
 * did before (the discontinuance cause in the report's words, anything else
 * as recorded, the raw kind as tooltip).
 */
import { catalog } from '../report/i18n/index.js';
import { leaderId, regulationId } from '../scenario/crossref.js';
import type { Scenario } from '../scenario/schema.js';
import { twinText } from '../scenario/twins.js';
import { plain } from './format.js';
import { eventKindText, type Language } from './i18n.js';

/** The fields of an event (store/tables.ts EventRow) the list writes. */
export interface ShownEvent {
  readonly date: string;
  readonly kind: string;
  readonly cause: string | null;
}

/** The names of the scenario entries an event's cause may point to. */
type Named = Pick<Scenario, 'leaders' | 'regulations' | 'vendors' | 'platforms'>;

/** A discontinuance cause in `lang`: the report's name for it, without its gloss in brackets (anything else as given). */
function discontinuanceCause(cause: string, lang: Language): string {
  const names = catalog(lang).cause as Readonly<Record<string, string>>;
  return Object.hasOwn(names, cause) ? names[cause]!.replace(/\s*\(.*\)$/, '') : cause;
}

/**
 * The words of `cause` on the Indonesian page, per kind. Learning loops'
 * changes in GLOSSARY.id.md's words (putaran pembelajaran: kepemilikan,
 * integrasi, penemuan ulang, migrasi ke layanan penerus; regulasi,
 * koordinator sebagai titik lintas wajib, larangan aplikasi mandiri).
 */
const LOOP_CHANGES_ID: Readonly<Record<string, string>> = {
  ownership: 'kepemilikan',
  integration: 'integrasi',
  reinvention: 'penemuan ulang',
  replacement: 'migrasi ke layanan penerus',
  regulation: 'regulasi',
  obligatory_passage_point: 'koordinator sebagai titik lintas wajib',
  ban_standalone: 'larangan aplikasi mandiri',
};

/** Actors whose withdrawal (betrayal) events.csv names by a word (model/events.ts, instances.ts). */
const ACTORS_ID: Readonly<Record<string, string>> = {
  leader: 'kepala daerah',
  champion: 'penggerak',
};

/** Causes of events.csv recorded as a word on other kinds. */
const WORDS_ID: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  adoption: { authority: 'atas keputusan otoritas' },
  // A succession at leader_hazard, not a leader of the scenario's list.
  leadership_change: { random: 'tidak terjadwal' },
};

/** An entry's name in Bahasa Indonesia (name_id, else name, else its id), or the id when no entry has it. */
function nameOf<T extends { name?: string | undefined; name_id?: string | undefined }>(entries: readonly T[], idOf: (entry: T, index: number) => string, id: string): string {
  const index = entries.findIndex((entry, i) => idOf(entry, i) === id);
  return index < 0 ? id : twinText(entries[index]!, 'name', 'id') || id;
}

const ownId = (entry: { id: string }): string => entry.id;

/** The cause of an event in Bahasa Indonesia (see the file's comment). */
function causeId(kind: string, cause: string, scenario: Named): string {
  switch (kind) {
    case 'discontinuance':
      return discontinuanceCause(cause, 'id');
    case 'double_loop':
    case 'triple_loop':
      return LOOP_CHANGES_ID[cause] ?? cause;
    case 'leadership_change':
    case 'leader_vacancy':
      return WORDS_ID[kind]?.[cause] ?? nameOf(scenario.leaders, leaderId, cause);
    case 'regulation_start':
    case 'regulation_end':
      return nameOf(scenario.regulations, regulationId, cause);
    case 'vendor_exit':
      return nameOf(scenario.vendors, ownId, cause);
    case 'platform_end':
      return nameOf(scenario.platforms, ownId, cause);
    case 'budget_shock_start':
    case 'budget_shock_end': {
      // B is a product of shock factors (0.7 * 0.7 is 0.48999999999999994): twelve digits, then the comma.
      const b = Number(cause);
      return Number.isFinite(b) && cause.trim() !== '' ? `iklim anggaran ${plain(Number(b.toPrecision(12)), 'id')}` : cause;
    }
    case 'betrayal': {
      const colon = cause.indexOf(':');
      if (colon < 0) return ACTORS_ID[cause] ?? cause;
      const [type, id] = [cause.slice(0, colon), cause.slice(colon + 1)];
      if (type === 'vendor') return `vendor ${nameOf(scenario.vendors, ownId, id)}`;
      if (type === 'platform') return `platform ${nameOf(scenario.platforms, ownId, id)}`;
      return cause;
    }
    default:
      return WORDS_ID[kind]?.[cause] ?? cause;
  }
}

/** What an event's `cause` says, in `lang` (English: as the page wrote it before, see the file's comment). */
export function eventCauseText(kind: string, cause: string, scenario: Named, lang: Language): string {
  return lang === 'id' ? causeId(kind, cause, scenario) : discontinuanceCause(cause, 'en');
}

/** An event's line in the list: "2020-04 Dinas X: mengadopsi (atas keputusan otoritas)". */
export function eventText(event: ShownEvent, agency: string, scenario: Named, lang: Language): string {
  const cause = event.cause ? ` (${eventCauseText(event.kind, event.cause, scenario, lang)})` : '';
  return `${event.date} ${agency ? `${agency}: ` : ''}${eventKindText(lang, event.kind)}${cause}`;
}

/** An event's tooltip: its kind as events.csv writes it, said so in Bahasa Indonesia ("jenis di events.csv: champion_left"). */
export function eventTitle(kind: string, lang: Language): string {
  return lang === 'id' ? `jenis peristiwa di events.csv: ${kind}` : kind;
}
