/**
 * "About this scenario" on the explorer page, its pure pieces: the shipped
 * scenarios (and the one named on the command line) carry their Info pages
 * into the page; the description and Info page are picked in the page's
 * language by the twins' rule; a pasted text has no Info page; and no
 * description or Info page can put markup of its own on the page (the
 * rendered Info page holds only the renderer's own elements).
 * tests/explorer/page.test.ts checks the same in Chromium.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { infoPages, shippedScenarios, type EmbeddedScenario } from '../../src/store/explorer-write.js';
import { explorerHtml, writeExplorer } from '../../src/jobs/explore.js';
import { aboutScenario, INFO_MARKUP, markupAllowed, type MarkupElement } from '../../src/explorer/about.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { translate } from '../../src/explorer/i18n.js';

const scenario = (name: string) => {
  const r = parseScenarioText(readFileSync(`scenarios/${name}.yaml`, 'utf8'), `${name}.yaml`);
  if (!r.ok) throw new Error('invalid');
  return r.scenario as unknown as Record<string, unknown>;
};

/** The scenarios a written page embeds, read back from its JSON. */
function embedded(html: string): EmbeddedScenario[] {
  const json = /<script id="difusi-scenarios" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return JSON.parse(json) as EmbeddedScenario[];
}

/**
 * The elements of markup as markdownToHtml writes it (lower-case tags,
 * double-quoted attributes); null when a `<` or `>` is left that is not part
 * of such a tag (markup the tokenizer does not understand).
 */
function elementsOf(html: string): MarkupElement[] | null {
  const elements: MarkupElement[] = [];
  const rest = html.replace(/<(\/?)([a-z][a-z0-9]*)((?:\s+[^\s=<>"']+="[^"<>]*")*)\s*>/g, (_m, close: string, tag: string, attrs: string) => {
    if (close === '') {
      const attributes = [...attrs.matchAll(/([^\s=<>"']+)="([^"<>]*)"/g)].map((a) => ({ name: a[1]!, value: a[2]! }));
      elements.push({ tagName: tag.toUpperCase(), attributes });
    }
    return '';
  });
  return /[<>]/.test(rest) ? null : elements;
}

describe('the page carries the Info pages', () => {
  test('each shipped scenario has its Info page and its Indonesian one; the written page embeds them', () => {
    const shipped = shippedScenarios();
    const byName = new Map(shipped.map((s) => [s.name, s]));
    expect(byName.get('bekasi-2015-2025')).toMatchObject({
      info: readFileSync('scenarios/bekasi-2015-2025.md', 'utf8'),
      info_id: readFileSync('scenarios/bekasi-2015-2025.id.md', 'utf8'),
    });
    // The stylized scenarios have Indonesian Info pages since the thirty-ninth session.
    for (const name of ['discontinued-vendor-pilot', 'sustained-opd-owned']) {
      expect(byName.get(name)!.info).toBe(readFileSync(`scenarios/${name}.md`, 'utf8'));
      expect(byName.get(name)!.info_id).toBe(readFileSync(`scenarios/${name}.id.md`, 'utf8'));
    }
    // No .id.md (or no .md): nothing added for it.
    expect(infoPages('# x', '')).toEqual({ info: '# x' });
    expect(Object.hasOwn(infoPages('', ''), 'info_id')).toBe(false);
    // An Info page holding "</script>" cannot close the element it is embedded in.
    const hostile = { name: 'x', file: 'x.yaml', text: 'name: x', info: '</script><script>alert(1)</script>' };
    const html = explorerHtml('<script id="difusi-scenarios" type="application/json">/*SCENARIOS*/</script>', [...shipped, hostile]);
    expect(embedded(html)).toEqual([...shipped, hostile]);
  });

  test('the scenario named on the command line brings the Info pages beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-about-'));
    const file = join(dir, 'my-city.yaml');
    writeFileSync(file, readFileSync('scenarios/sustained-opd-owned.yaml', 'utf8').replace(/^name: .*/m, 'name: my-city'));
    writeFileSync(join(dir, 'my-city.md'), '# My city\n\nWhere the numbers come from.\n');
    writeFileSync(join(dir, 'my-city.id.md'), '# Kota saya\n\nAsal angka-angkanya.\n');
    const { html } = writeExplorer({ scenario: file, outDir: join(dir, 'out') });
    expect(embedded(html)[0]).toMatchObject({ name: 'my-city', file: 'my-city.yaml', info: '# My city\n\nWhere the numbers come from.\n', info_id: '# Kota saya\n\nAsal angka-angkanya.\n' });
  });

  test("a user's copy of a shipped scenario is listed with its file name, so it does not look like the shipped one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-about-'));
    const file = join(dir, 'my-bekasi.yaml');
    // The shipped Bekasi file with one value changed: same scenario name, another text.
    writeFileSync(file, readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8').replace(/^seed: .*/m, 'seed: 5'));
    const list = embedded(writeExplorer({ scenario: file, outDir: join(dir, 'out') }).html);
    expect(list[0]).toMatchObject({ name: 'bekasi-2015-2025 (my-bekasi.yaml)', file: 'my-bekasi.yaml' });
    expect(list.filter((s) => s.name === 'bekasi-2015-2025')).toHaveLength(1);
    expect(new Set(list.map((s) => s.name)).size).toBe(list.length);
    // (control) the shipped file itself is listed once, under its own name; a scenario of another name keeps it.
    const own = embedded(writeExplorer({ scenario: 'scenarios/bekasi-2015-2025.yaml', outDir: join(dir, 'own') }).html);
    expect(own[0]!.name).toBe('bekasi-2015-2025');
    expect(own.filter((s) => s.name.startsWith('bekasi-2015-2025'))).toHaveLength(1);
  });

  test('an unchanged copy of a shipped scenario is listed with its file name, and the shipped one stays, with its Info page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-about-'));
    const file = join(dir, 'copy.yaml');
    // The same text: it once replaced the shipped entry (duplicates were removed by text), without its file name or Info page.
    writeFileSync(file, readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8'));
    const list = embedded(writeExplorer({ scenario: file, outDir: join(dir, 'out') }).html);
    expect(list[0]).toMatchObject({ name: 'bekasi-2015-2025 (copy.yaml)', file: 'copy.yaml' });
    expect(Object.hasOwn(list[0]!, 'info')).toBe(false);
    const shipped = list.filter((s) => s.file === 'scenarios/bekasi-2015-2025.yaml');
    expect(shipped).toHaveLength(1);
    expect(shipped[0]).toMatchObject({ name: 'bekasi-2015-2025', text: list[0]!.text });
    expect(shipped[0]!.info).toContain('Kota Bekasi smart-city e-services');
    expect(list).toHaveLength(shippedScenarios().length + 1);
  });
});

describe("the description and Info page in the page's language", () => {
  const bekasi = () => shippedScenarios().find((s) => s.name === 'bekasi-2015-2025')!;

  test('Bekasi: the description and Info page in English, their Indonesian twins in Bahasa Indonesia', () => {
    const s = scenario('bekasi-2015-2025');
    const en = aboutScenario(s, bekasi(), 'en');
    expect(en.description).toBe(String(s['description']).trim());
    expect(en.info).toBe('shown');
    expect(en.infoHtml).toContain('<h3>Kota Bekasi smart-city e-services, 2015-2025</h3>');
    expect(en.infoHtml).toContain('<h4>WHAT IS IT</h4>');
    const id = aboutScenario(s, bekasi(), 'id');
    expect(id.description).toBe(String(s['description_id']).trim());
    expect(id.description).toMatch(/^Layanan elektronik kota cerdas/);
    expect(id.info).toBe('shown');
    // Headings in sentence case (the Info page's own wording, changed on purpose from "APA INI").
    expect(id.infoHtml).toContain('<h4>Ringkasan</h4>');
    expect(id.infoHtml).not.toContain('APA INI');
    expect(id.infoHtml).not.toContain('WHAT IS IT');
  });

  test('an Indonesian twin that is missing, empty or blank stands for none (the twins rule); the English Info page is then said to be English only', () => {
    for (const twin of [undefined, '', '  \n ']) {
      const s = { description: 'A city.', ...(twin !== undefined && { description_id: twin }) };
      const source = { info: '# Info\n\nText.', ...(twin !== undefined && { info_id: twin }) };
      const about = aboutScenario(s, source, 'id');
      expect(about).toMatchObject({ description: 'A city.', info: 'english' });
      expect(about.infoHtml).toBe('<h3>Info</h3>\n<p>Text.</p>');
      expect(aboutScenario(s, source, 'en').info).toBe('shown');
    }
    // An English page never shows the twin.
    expect(aboutScenario({ description: 'A city.', description_id: 'Sebuah kota.' }, { info: 'x', info_id: 'y' }, 'en')).toMatchObject({ description: 'A city.', infoMarkdown: 'x' });
  });

  test('a pasted text has no Info page; a scenario without one, or without a description, says so', () => {
    const s = scenario('discontinued-vendor-pilot');
    expect(aboutScenario(s, null, 'en')).toEqual({ description: String(s['description']).trim(), descriptionEnglish: false, infoHtml: '', infoMarkdown: '', info: 'pasted' });
    expect(aboutScenario({ description: '' }, {}, 'en')).toEqual({ description: '', descriptionEnglish: false, infoHtml: '', infoMarkdown: '', info: 'none' });
    expect(aboutScenario({ description: ' ' }, { info: ' \n' }, 'id')).toEqual({ description: '', descriptionEnglish: false, infoHtml: '', infoMarkdown: '', info: 'none' });
    for (const lang of ['en', 'id'] as const) {
      for (const key of ['noDescription', 'infoNone', 'infoPasted', 'infoEnglish', 'about', 'aboutTitle'] as const) expect(translate(lang, key)).not.toBe('');
    }
  });
});

/** Markdown and text that would run code or load something if they reached the page as markup. */
const HOSTILE = [
  '<script>window.pwned = 1</script>',
  '<img src=x onerror="window.pwned = 2">',
  '<img src="x" onerror=window.pwned=3 />',
  '[click me](javascript:window.pwned=4)',
  '[**bold** click](JaVaScRiPt:alert(1))',
  '<a href="javascript:alert(1)">a link</a>',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe src="https://example.org"></iframe>',
  '<style>body { display: none }</style>',
  '<div class="scroll" onclick="alert(1)">x</div>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '`<script>alert(1)</script>`',
  '<!-- comment --><b onmouseover=alert(1)>b</b>',
  '&lt;script&gt; already escaped &amp;',
];

describe('nothing from a scenario file reaches the page as markup', () => {
  test('an Info page of hostile Markdown renders as text: only the renderer\'s own elements, no attribute but their class and a header cell\'s scope', () => {
    const lines = HOSTILE.flatMap((h) => [`# ${h}`, '', h, '', `- ${h}`, `1. *${h}*`, '', `| a ${h} | b |`, '|---|--:|', `| ${h} | ${h} |`, '', '```', h, '```', '', `[${h}](${h})`, '']);
    const about = aboutScenario({ description: HOSTILE.join(' ') }, { info: lines.join('\n') }, 'en');
    expect(about.info).toBe('shown');
    const elements = elementsOf(about.infoHtml);
    expect(elements).not.toBeNull();
    expect(elements!.length).toBeGreaterThan(50);
    expect(markupAllowed(elements!)).toBe(true);
    const tags = new Set(elements!.map((e) => e.tagName.toLowerCase()));
    for (const bad of ['script', 'img', 'a', 'svg', 'iframe', 'style', 'b']) expect(tags.has(bad)).toBe(false);
    // The hostile text is there, as text: escaped.
    expect(about.infoHtml).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(about.infoHtml).toContain('&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;');
    // A javascript: link is its text and target in words, never a link.
    expect(about.infoHtml).toContain('click me (javascript:window.pwned=4)');
    // No tag carries an attribute but class, and a table header cell's scope (markupAllowed above): no href, src or on... handler.
    expect(new Set(elements!.flatMap((e) => Array.from(e.attributes, (a) => a.name)))).toEqual(new Set(['class', 'scope']));
    for (const e of elements!) for (const a of Array.from(e.attributes)) if (a.name === 'scope') expect([e.tagName, a.value]).toEqual(['TH', expect.stringMatching(/^(col|row)$/)]);
    // The description is the text itself, for the page to show as text (textContent).
    expect(about.description).toBe(HOSTILE.join(' '));
  });

  test('any Info page renders to the renderer\'s own elements only (random texts of markup fragments)', () => {
    const piece = fc.constantFrom(...HOSTILE, '# ', '## ', '- ', '1. ', '|', '|---|', '\n', '\n\n', '```\n', '`', '*', '**', '_', '[', ']', '(', ')', '<', '>', '"', "'", '&', 'text ', 'onerror=', 'javascript:');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const about = aboutScenario({ description: '' }, { info: `x\n${pieces.join('')}` }, 'en');
        const elements = elementsOf(about.infoHtml);
        return elements !== null && markupAllowed(elements);
      }),
      { numRuns: 300 },
    );
  });

  test("the page's second guard refuses any element or attribute the renderer does not make", () => {
    const el = (tagName: string, attributes: Record<string, string> = {}): MarkupElement => ({ tagName, attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })) });
    expect(markupAllowed(Object.keys(INFO_MARKUP).map((tag) => el(tag.toUpperCase())))).toBe(true);
    expect(markupAllowed([el('DIV', { class: 'scroll' }), el('TD', { class: 'num' }), el('TH', { class: 'num' })])).toBe(true);
    for (const bad of [el('SCRIPT'), el('IMG', { src: 'x' }), el('A', { href: 'javascript:alert(1)' }), el('svg'), el('IFRAME'), el('STYLE'), el('P', { onclick: 'alert(1)' }), el('DIV', { class: 'x' }), el('P', { class: 'num' }), el('TD', { style: 'color: red' }), el('constructor'), el('__proto__')]) {
      expect(markupAllowed([el('P'), bad])).toBe(false);
    }
  });
});
