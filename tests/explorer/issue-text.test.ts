/**
 * The problems the explorer lists, in the page's language: on the
 * Indonesian page the line's framing ("→ di", "seharusnya", "ditemukan") and
 * the common messages are Indonesian (it showed the command line's English
 * alone); on the English page the line is the command line's, unchanged.
 * A message is translated only when its English is what the catalog makes
 * of the arguments read back from it, so a scenario name that holds the
 * pattern's words is never misquoted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues, makeIssue, MESSAGES, type IssueCode, type ScenarioIssue } from '../../src/messages/catalog.js';
import { parseSource, readPageSetting } from '../../src/explorer/setting.js';
import { expectedId, issueText, messageId } from '../../src/explorer/issue-text.js';

const BEKASI = readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8');
const issuesOf = (text: string): ScenarioIssue[] => {
  const r = parseSource(text, 'pasted.yaml');
  if (r.ok) throw new Error('accepted');
  return r.issues;
};
/** English words of the framing and of the common messages, none of which may be left on the Indonesian line. */
const ENGLISH = /→ at |\(expected |, found |\bWrong type\b|\bMissing required\b|\bUnknown field\b|\bNot a whole number\b|\bout of range\b|\blies outside\b|\bInvalid value\b|\ba number\b|\ban integer\b/;

describe('the problems in Bahasa Indonesia', () => {
  it('frames a problem of the text in Indonesian, with the message, the field and what it takes', () => {
    const [months] = issuesOf(BEKASI.replace('months: 132', 'months: many'));
    const line = BEKASI.split('\n').findIndex((l) => l === 'months: 132') + 1;
    expect(issueText(months!, 'en')).toBe(`pasted.yaml:${line}:9 Wrong type → at months (expected an integer in [1,1200], found "many")`);
    expect(issueText(months!, 'id')).toBe(`pasted.yaml:${line}:9 Jenis nilai salah → di months (seharusnya bilangan bulat dalam [1,1200], ditemukan "many")`);
    // The decimal comma an Indonesian writer types: how to write it, in Indonesian.
    const [comma] = issuesOf(BEKASI.replace(/strength: 0\.(\d+)/, 'strength: 1,5'));
    expect(issueText(comma!, 'id')).toMatch(/^pasted\.yaml:\d+:\d+ Jenis nilai salah: angka ditulis dengan titik desimal, bukan koma; tulis 1\.5 → di regulations\[\d+\]\.strength \(seharusnya angka dalam \[0,1\], ditemukan "1,5"\)$/);
  });

  it('says the common problems in Indonesian, with no English framing or message left', () => {
    const texts = [
      BEKASI.replace('months: 132', 'months: many'),
      BEKASI.replace('months: 132', 'months: 13.5'),
      BEKASI.replace('months: 132', 'months: 0'),
      BEKASI.replace(/^start: .*$/m, 'start: 2015-13'),
      BEKASI.replace(/^seed: (\d+)$/m, 'seed: $1\nsede: 4'),
      BEKASI.replace(/^name: .*\n/m, ''),
      BEKASI.replace(/strength: 0\.(\d+)/, 'strength: 2'),
      `${BEKASI.replace(/^levers:[\s\S]*?(?=^\S)/m, '')}\nlevers:\n  - { path: parameters.takeover_vendor, label: x, kind: slider, min: 0, max: 1.5 }\n`,
    ];
    for (const text of texts) {
      for (const issue of issuesOf(text)) {
        const id = issueText(issue, 'id');
        expect(id, issue.message).not.toMatch(ENGLISH);
        expect(id.startsWith('pasted.yaml:'), id).toBe(true);
      }
    }
    // The page's own fields.
    const page = readPageSetting('', '0');
    if (page.ok) throw new Error('accepted');
    expect(page.issues.map((i) => issueText(i, 'id'))).toEqual([
      'explorer Nilai tidak valid untuk seed → di seed (seharusnya bilangan bulat dari 0 sampai 4294967295, ditemukan (kosong))',
      'explorer Nilai tidak valid untuk replications → di replications (seharusnya bilangan bulat dari 1 sampai 100000, ditemukan 0)',
    ]);
  });

  it('translates a message only when the catalog gives back its exact English from the arguments read from it', () => {
    const samples: [IssueCode, unknown[]][] = [
      ['missing_field', ['launch']],
      ['unknown_field', ['sede', 'seed']],
      ['unknown_field', ['a "quoted" (did you mean "x"?) name']],
      ['unknown_reference', ['OPD', 'dinas-x', 'dinas-kominfo']],
      ['month_order', ['from', 'to']],
      ['lever_same_field', ['regulations[0].strength', 1, 'regulations[id=perda].strength']],
      ['lever_outside_range', ['max', 2, 'regulations[id=perda].strength', 'a number in [0,1]']],
      ['lever_not_whole', ['min', 1.5, 'innovations[0].pilot_months', 'an integer >= 1']],
      ['budget_shocks_overlap', [2]],
      ['month_outside_horizon', ['from']],
    ];
    for (const [code, args] of samples) {
      const message = (MESSAGES[code] as (...a: unknown[]) => string)(...args);
      const id = messageId({ code, message });
      expect(id, message).not.toBe(message);
      // Every argument is in the Indonesian message as the English shows it (quoted or not; a range in Indonesian).
      for (const a of args) {
        const shown = message.includes(JSON.stringify(a)) ? JSON.stringify(a) : expectedId(String(a));
        expect(id.includes(shown), `${message} / ${id}: ${shown}`).toBe(true);
      }
    }
    expect(messageId({ code: 'month_order', message: MESSAGES.month_order('a', 'b') })).toBe('"b" lebih awal daripada "a"');
    // A message that is not what the catalog makes (another code's text under this code): left in English.
    expect(messageId({ code: 'missing_field', message: 'Missing required field launch' })).toBe('Missing required field launch');
    expect(messageId({ code: 'out_of_range', message: 'Something else' })).toBe('Something else');
    // A code with no Indonesian text: English.
    const other = makeIssue('network_degree_odd', [], { file: 'x.yaml', line: 3, column: 1, path: ['network', 'k'] });
    expect(issueText(other, 'id')).toBe(`x.yaml:3:1 ${MESSAGES.network_degree_odd()} → di network.k`);
  });

  it('writes the common forms of what a field takes in Indonesian, and leaves others as written', () => {
    expect(expectedId('a number in (0,1]')).toBe('angka dalam (0,1]');
    expect(expectedId('an integer >= 1')).toBe('bilangan bulat >= 1');
    expect(expectedId('a month as YYYY-MM or null')).toBe('bulan dalam bentuk YYYY-MM atau null');
    expect(expectedId('one of "hub", "erdos-renyi", … (12 in all)')).toBe('salah satu dari "hub", "erdos-renyi", … (semuanya 12)');
    expect(expectedId('a list with at least 1 item')).toBe('daftar berisi sedikitnya 1 butir');
    expect(expectedId('a path to true or false')).toBe('jalur ke true atau false');
    expect(expectedId('min < max')).toBe('min < max');
  });

  it('keeps the English page the command line\'s line, and the scenario\'s own strings as written (the page shows them as text)', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const [issue] = issuesOf(BEKASI.replace(/^seed: (\d+)$/m, `seed: $1\n${JSON.stringify(hostile)}: 4`));
    expect(issueText(issue!, 'en')).toBe(formatIssues([issue!]).replace(/^✗ /, ''));
    expect(issueText(issue!, 'id')).toContain(`Kolom tidak dikenal ${JSON.stringify(hostile)}`);
  });
});
