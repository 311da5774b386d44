/**
 * A national scenario pasted or dropped into the explorer's page is listed
 * as one problem saying it is national, which the explorer does not open,
 * and the command that runs it, in English and on the Indonesian page in
 * Indonesian. It listed the city schema's problems instead: "Missing
 * required field opds" and one "Unknown field" per national section,
 * `governments` twice (the section, and a national innovation's own
 * `governments` filter), with no word of what the file is.
 *
 * The page lists one item per issue of parseSource, its text
 * issueText(issue, lang) (app.ts showIssues), and runs nothing while there
 * is one; this checks those issues and texts without a browser, as
 * issue-text.test.ts does.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/explorer/setting.js';
import { issueText } from '../../src/explorer/issue-text.js';

const SMALL = readFileSync('tests/national/fixtures/small-national.yaml', 'utf8');

/** The page's problem list for a text under a file name, in each language. */
const listed = (text: string, file: string) => {
  const r = parseSource(text, file);
  if (r.ok) throw new Error('accepted');
  return { en: r.issues.map((i) => issueText(i, 'en')), id: r.issues.map((i) => issueText(i, 'id')) };
};

describe('a national scenario given to the page', () => {
  it('pasted: one problem, national, not opened by the explorer, difusi national named; in Indonesian on the Indonesian page', () => {
    expect(listed(SMALL, 'pasted.yaml')).toEqual({
      en: ["pasted.yaml A national scenario (it has governments): the explorer takes city scenarios only; run it with difusi national pasted.yaml"],
      id: ['pasted.yaml Ini skenario nasional (memuat governments): explorer hanya menerima skenario kota; jalankan dengan difusi national pasted.yaml'],
    });
  });

  it('dropped, by its own name: the shipped national scenario, a JSON copy, a file saved with a byte order mark', () => {
    const shipped = listed(readFileSync('scenarios/indonesia-2015-2025.yaml', 'utf8'), 'indonesia-2015-2025.yaml');
    expect(shipped.en).toHaveLength(1);
    expect(shipped.en[0]).toMatch(/^indonesia-2015-2025\.yaml A national scenario \(it has governments\): .* run it with difusi national indonesia-2015-2025\.yaml$/);
    expect(shipped.id[0]).toMatch(/^indonesia-2015-2025\.yaml Ini skenario nasional .* jalankan dengan difusi national indonesia-2015-2025\.yaml$/);
    const json = listed(JSON.stringify(parse(SMALL), null, 2), 'small.json');
    expect(json.en).toEqual([expect.stringMatching(/^small\.json A national scenario .* difusi national small\.json$/)]);
    expect(listed(`\uFEFF${SMALL}`, 'small.yaml').en).toEqual([expect.stringMatching(/^small\.yaml A national scenario /)]);
  });

  it('a city file with a stray top-level governments is national as the command line tells it; another unknown field is listed once, at its line (control)', () => {
    const bekasi = readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8');
    const { en, id } = listed(bekasi.replace(/^seed: (\d+)$/m, 'seed: $1\ngovernments: []'), 'pasted.yaml');
    // `difusi run` calls it national too (store/national-sniff.ts: any mapping with governments).
    expect(en).toEqual([expect.stringMatching(/^pasted\.yaml A national scenario /)]);
    expect(id).toHaveLength(1);
    const stray = listed(bekasi.replace(/^seed: (\d+)$/m, 'seed: $1\nsede: 4'), 'pasted.yaml');
    expect(stray.en).toEqual([expect.stringMatching(/^pasted\.yaml:\d+:1 Unknown field "sede" → at sede /)]);
    expect(stray.id).toEqual([expect.stringMatching(/^pasted\.yaml:\d+:1 Isian tidak dikenal "sede" → di sede /)]);
  });
});
