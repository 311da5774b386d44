/**
 * The Bekasi Info page in Bahasa Indonesia (scenarios/bekasi-2015-2025.id.md)
 * is a translation of the English one (scenarios/bekasi-2015-2025.md), which
 * tests/docs/info-figures.test.ts checks against the program. So that the two
 * cannot drift apart, every figure the English page quotes must be quoted by
 * the Indonesian page in the same place, and no other: the numbers and dates
 * of each section (each table row on its own), its inline code (commands,
 * parameter names, ids, file names), its link targets and its code blocks
 * (comments aside, which are translated). The one intended difference, the
 * decimal comma of Indonesian prose (0,8 for 0.8), is normalised; code keeps
 * its decimal point in both. The Indonesian report of the scenario shows the
 * Indonesian page, the English report the English one.
 *
 * Each command line runs in the test's own process (runInProcess, on the
 * built code a process runs), since only what it prints and writes is
 * checked, without a process's start-up to pay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder, resultFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const EN = readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.md'), 'utf8');
const ID = readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.id.md'), 'utf8');

/** What one part of a page quotes: sorted, so that a translation may reorder a sentence. */
interface Figures {
  numbers: string[];
  code: string[];
  links: string[];
}

/** The months as Indonesian prose names them. */
const ID_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthNamed = (months: readonly string[]) => new RegExp(`\\b(${months.join('|')}) (\\d{4})\\b`, 'g');

/** A month (2016-03) as one token; any other number, a decimal with a point, on its own. */
const NUMBER = /\d{4}-\d{2}(?!\d)|\d+(?:\.\d+)?/g;

/**
 * The figures of a page, part by part: the text before the first `## `
 * heading, then each section, with each table row as a part of its own;
 * and its code blocks without comments. In `id`, prose must write decimals
 * with a comma (normalised here to a point); in `en`, with a point.
 */
export function pageFigures(page: string, lang: 'en' | 'id'): { parts: Figures[]; blocks: string[]; badDecimals: string[] } {
  const blocks: string[] = [];
  const comments: string[] = [];
  // Code blocks: commands compared as written; their comments are prose (translated).
  const prose = page.replace(/^```[^\n]*\n([\s\S]*?)^```$/gm, (_all, body: string) => {
    const lines = body.split('\n').map((line) => {
      const m = /\s+#\s.*$/.exec(line);
      if (m !== null) comments.push(m[0]);
      return (m === null ? line : line.slice(0, m.index)).trimEnd();
    });
    blocks.push(lines.join('\n'));
    return `${comments.splice(0).join(' ')}\n`;
  });
  const units: string[] = [];
  for (const section of prose.split(/^(?=## )/m)) {
    const rest: string[] = [];
    for (const line of section.split('\n')) (line.startsWith('|') && !/^\|[-|]+\|$/.test(line) ? units : rest).push(line);
    units.push(rest.join('\n'));
  }
  const badDecimals: string[] = [];
  const parts = units.map((unit) => {
    const code = [...unit.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).sort();
    const links = [...unit.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).sort();
    let text = unit.replace(/`[^`]+`/g, ' ').replace(/\]\([^)\s]+\)/g, '] ');
    const wrong = lang === 'id' ? /\d\.\d/g : /\d,\d/g;
    for (const m of text.matchAll(wrong)) badDecimals.push(text.slice(Math.max(0, m.index - 20), m.index + 20));
    if (lang === 'id') text = text.replace(/(\d),(?=\d)/g, '$1.');
    // A month named in prose (Maret 2019, as the Indonesian reports write it; March 2019) is the month 2019-03 that tables write.
    const months = lang === 'id' ? ID_MONTHS : EN_MONTHS;
    text = text.replace(monthNamed(months), (_m, month: string, year: string) => `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}`);
    const numbers = [...text.matchAll(NUMBER)].map((m) => m[0]).sort();
    return { numbers, code, links };
  });
  return { parts, blocks, badDecimals };
}

describe('scenarios/bekasi-2015-2025.id.md', () => {
  it('quotes the same figures, dates, ids, commands and links as the English page, part by part', () => {
    const en = pageFigures(EN, 'en');
    const id = pageFigures(ID, 'id');
    expect(en.badDecimals, 'a decimal comma in the English page').toEqual([]);
    expect(id.badDecimals, 'a decimal point in the Indonesian prose (Indonesian writes 0,8)').toEqual([]);
    // Every part has something to compare, and the page quotes the figures the other tests check.
    expect(en.parts.length).toBeGreaterThan(20);
    expect(en.parts.flatMap((p) => p.numbers)).toEqual(expect.arrayContaining(['29', '200', '71', '116', '2016-03', '2.94', '0.8']));
    expect(id.parts).toEqual(en.parts);
    expect(id.blocks).toEqual(en.blocks);
  });

  it('(control) a figure changed in one page alone is found', () => {
    const en = pageFigures(EN, 'en');
    const changed = (page: string, from: string, to: string, lang: 'en' | 'id') => {
      expect(page, from).toContain(from);
      return pageFigures(page.replace(from, to), lang);
    };
    // A percentage, a decimal (comma in Indonesian), a month, a table row's year, an id, a command's number.
    expect(changed(ID, '29%', '30%', 'id').parts).not.toEqual(en.parts);
    expect(changed(ID, 'komitmen 0,8', 'komitmen 0,9', 'id').parts).not.toEqual(en.parts);
    expect(changed(ID, 'Maret 2019', 'April 2019', 'id').parts).not.toEqual(en.parts);
    expect(changed(ID, 'Maret 2019', 'Maret 2018', 'id').parts).not.toEqual(en.parts);
    expect(changed(ID, '2,78 (2022)', '2,78 (2021)', 'id').parts).not.toEqual(en.parts);
    expect(changed(ID, 'champion_rotation=0', 'champion_rotation=1', 'id').parts).not.toEqual(en.parts);
    expect(changed(ID, '-r 50', '-r 40', 'id').blocks).not.toEqual(en.blocks);
    expect(changed(EN, '116 of', '117 of', 'en').parts).not.toEqual(pageFigures(ID, 'id').parts);
    // A decimal point in Indonesian prose is refused, not read as a decimal comma.
    expect(changed(ID, 'komitmen 0,8', 'komitmen 0.8', 'id').badDecimals).not.toEqual([]);
    // A translated comment in a code block is prose: its number still counts, its words do not.
    expect(changed(ID, '200 replikasi, dengan', '100 replikasi, dengan', 'id').parts).not.toEqual(en.parts);
  });
});

describe('the Bekasi reports show the Info page in their language', () => {
  const tmp = cliTestFolder('difusi-bekasi-info-id-');
  let dir = '';
  beforeAll(async () => {
    const out = join(tmp(), 'out');
    // One replication: the tests read the Info sections and the manifest's pages, which no replication count changes.
    // The run draws no report (--no-charts): both reports are written by difusi report --no-png, as the tests read the
    // pages' Info sections, not the charts (drawing the PNGs is about a third of a report's time).
    const r = await runInProcess(['run', join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), '-r', '1', '-w', '1', '-q', '--no-charts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    dir = resultFolder(out, 'bekasi-2015-2025');
    const id = await runInProcess(['report', dir, '--lang', 'id', '--no-png']);
    expect(id.code, id.stderr).toBe(0);
    const en = await runInProcess(['report', dir, '--lang', 'en', '--no-png']);
    expect(en.code, en.stderr).toBe(0);
  }, 600_000);

  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  /** The report's Info section: from its heading to the next section. */
  const infoOfMd = (md: string, heading: string) => {
    const start = md.indexOf(`## ${heading}`);
    expect(start, heading).toBeGreaterThan(-1);
    const end = md.indexOf('\n## ', start + 3);
    return md.slice(start, end === -1 ? undefined : end).replace(/\s+/g, ' ');
  };
  const infoOfHtml = (html: string) => (/<section id="info">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '').replace(/\s+/g, ' ');

  it('report.id.md and report.id.html show the Indonesian page, not the English one', () => {
    const md = infoOfMd(read('report.id.md'), 'Informasi skenario');
    const html = infoOfHtml(read('report.id.html'));
    for (const text of [md, html]) {
      expect(text).toContain('Layanan elektronik kota cerdas Kota Bekasi, 2015-2025');
      expect(text).toContain('Yang tidak dicatat sumber');
      expect(text).toContain('bertahan dalam 29% dari 200');
      expect(text).not.toContain('smart-city e-services');
      expect(text).not.toContain('Where the record is silent');
    }
  });

  it('report.md and report.html show the English page, not the Indonesian one', () => {
    const md = infoOfMd(read('report.md'), 'Scenario info');
    const html = infoOfHtml(read('report.html'));
    for (const text of [md, html]) {
      expect(text).toContain('Kota Bekasi smart-city e-services, 2015-2025');
      expect(text).toContain('Where the record is silent');
      expect(text).not.toContain('Yang tidak dicatat sumber');
    }
  });

  it('manifest.json keeps both pages as written: info and info_id', () => {
    const manifest = JSON.parse(read('manifest.json')) as { scenario: { info: string; info_id?: string } };
    expect(manifest.scenario.info).toBe(EN);
    expect(manifest.scenario.info_id).toBe(ID);
  });
});
