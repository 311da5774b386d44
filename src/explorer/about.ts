/**
 * "About this scenario": what the page says of the chosen scenario, in the
 * page's language. Its description (`description_id` in Bahasa Indonesia when
 * the scenario gives a non-blank one, else `description`) and its Info page
 * (the Markdown file beside the scenario, `<name>.md`, or `<name>.id.md` in
 * Bahasa Indonesia where it exists), picked by the rule of the report and of
 * the scenario's names (scenario/twins.ts twinText).
 *
 * Scenario files are data: the description is shown as text (textContent),
 * the Info page is rendered by the report's markdownToHtml, which escapes
 * everything and follows no link; the page checks the markup it makes
 * against INFO_MARKUP before showing it (markupAllowed), and shows the
 * Markdown as plain text otherwise.
 *
 * Pure, no DOM and no node: module (tests/explorer/pure.test.ts).
 */
import { markdownToHtml } from '../report/html.js';
import { twinText } from '../scenario/twins.js';
import type { Language } from './i18n.js';

/** An embedded scenario's Info pages (store/explorer-write.ts EmbeddedScenario). */
export interface InfoPages {
  readonly info?: string;
  readonly info_id?: string;
}

/**
 * Where the scenario's Info page stands: `shown` in the page's language;
 * `english` the English one on a page in Bahasa Indonesia (the scenario has no
 * `.id.md`); `none` the scenario file has none; `pasted` the text came from the
 * box (pasted, dropped or edited), and no Info page comes with it.
 */
export type InfoState = 'shown' | 'english' | 'none' | 'pasted';

export interface About {
  /** The description in the page's language; '' when the scenario has none (or only a blank one). */
  readonly description: string;
  /** True when the description is the English one on a page in Bahasa Indonesia (no `description_id`): marked lang="en". */
  readonly descriptionEnglish: boolean;
  /** The Info page as markup (markdownToHtml: everything escaped); '' when none is shown. */
  readonly infoHtml: string;
  /** The Info page's Markdown as written ('' when none is shown): the plain-text fallback. */
  readonly infoMarkdown: string;
  readonly info: InfoState;
}

/** Info-page headings (`#`, `##`) become h3, h4: under the page's h1 title and h2 panels. */
const HEADING_SHIFT = 2;

const nonBlank = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== '';

/**
 * What "About this scenario" shows for `scenario` in `lang`. `source`: the
 * embedded scenario whose own text is loaded, with its Info pages; null for
 * text from the box that is no embedded scenario's text (it has no Info page).
 * @example aboutScenario({ description: 'A city', description_id: 'Sebuah kota' }, null, 'id').description // 'Sebuah kota'
 */
export function aboutScenario(scenario: Readonly<Record<string, unknown>>, source: InfoPages | null, lang: Language): About {
  const description = twinText(scenario, 'description', lang);
  const markdown = twinText({ info: source?.info, info_id: source?.info_id }, 'info', lang);
  const info: InfoState = source === null ? 'pasted' : !nonBlank(markdown) ? 'none' : lang === 'id' && !nonBlank(source.info_id) ? 'english' : 'shown';
  const shown = info === 'shown' || info === 'english' ? (markdown as string) : '';
  return {
    description: nonBlank(description) ? description.trim() : '',
    descriptionEnglish: lang === 'id' && nonBlank(description) && !nonBlank(scenario['description_id'] as string | undefined),
    infoHtml: shown === '' ? '' : markdownToHtml(shown, HEADING_SHIFT, { scopedHeaders: true }),
    infoMarkdown: shown,
    info,
  };
}

/**
 * The elements markdownToHtml makes, and the only `class` values it writes on
 * them. Nothing else may reach the page.
 */
export const INFO_MARKUP: Readonly<Record<string, readonly string[]>> = {
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  p: [], ul: [], ol: [], li: [], pre: [], code: [], strong: [], em: [],
  div: ['scroll'], table: [], thead: [], tbody: [], tr: [], th: ['num'], td: ['num'],
};

/**
 * The only `scope` values markdownToHtml writes (its scopedHeaders, as in
 * report.html): on a table's header cells (`col`) and its rows' first cells
 * (`row`), both `th`. No other element takes a `scope`.
 */
export const INFO_SCOPES: Readonly<Record<string, readonly string[]>> = { th: ['col', 'row'] };

/** An element as the check sees it (a DOM Element satisfies it). */
export interface MarkupElement {
  readonly tagName: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
}

/**
 * True when every element is one of INFO_MARKUP's, with no attribute but an
 * allowed `class` (INFO_MARKUP) or `scope` (INFO_SCOPES): the page's second
 * guard behind markdownToHtml's escaping.
 */
export function markupAllowed(elements: Iterable<MarkupElement>): boolean {
  for (const element of elements) {
    const tag = element.tagName.toLowerCase();
    const classes = Object.hasOwn(INFO_MARKUP, tag) ? INFO_MARKUP[tag] : undefined;
    if (classes === undefined) return false;
    const scopes = Object.hasOwn(INFO_SCOPES, tag) ? INFO_SCOPES[tag]! : [];
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes[i]!;
      const name = attribute.name.toLowerCase();
      const allowed = name === 'class' ? classes : name === 'scope' ? scopes : [];
      if (!allowed.includes(attribute.value)) return false;
    }
  }
  return true;
}
