/**
 * The explorer's check for a national scenario (explorer/setting.ts
 * nationalScenarioIssue): a text the page is given is national exactly when
 * the command line would call the file national (store/national-sniff.ts,
 * which refuses it for every city command, cli/national-hint.ts), and then
 * the page lists one problem, not the city schema's. The scenario reader
 * (scenario/parse.ts), whose lines the command line prints, is not changed:
 * it still gives the city schema's problems for a national text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { nationalScenarioIssue, parseSource } from '../../src/explorer/setting.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { formatIssues, MESSAGES } from '../../src/messages/catalog.js';
import { isNationalFile } from '../../src/store/national-sniff.js';

const SMALL = 'tests/national/fixtures/small-national.yaml';
const BEKASI = readFileSync('scenarios/bekasi-2015-2025.yaml', 'utf8');

const lines = (text: string, file: string): string[] => {
  const r = parseSource(text, file);
  if (r.ok) throw new Error('expected issues');
  return formatIssues(r.issues).split('\n');
};
const nationalLine = (file: string): string => `✗ ${file} ${MESSAGES.national_not_city(file)}`;

describe("the explorer's check for a national scenario", () => {
  it('one line: it is national, the explorer takes city scenarios, difusi national runs it', () => {
    const issue = nationalScenarioIssue(readFileSync(SMALL, 'utf8'), SMALL);
    expect(issue).toMatchObject({ code: 'national_not_city', file: SMALL });
    expect(formatIssues([issue!])).toBe(
      `✗ ${SMALL} A national scenario (it has governments): the explorer takes city scenarios only; run it with difusi national ${SMALL}`,
    );
    expect(lines(readFileSync(SMALL, 'utf8'), SMALL)).toEqual([nationalLine(SMALL)]);
  });

  it('the shipped national scenario too, and as JSON', () => {
    const file = 'scenarios/indonesia-2015-2025.yaml';
    expect(lines(readFileSync(file, 'utf8'), file)).toEqual([nationalLine(file)]);
    expect(lines(JSON.stringify(parse(readFileSync(SMALL, 'utf8'))), 'n.json')).toEqual([nationalLine('n.json')]);
  });

  it('a national file whose every `governments` is spelled with escapes (a double-quoted YAML key, a JSON key) is told national too', () => {
    const yamlText = readFileSync(SMALL, 'utf8')
      .split('\n')
      .map((line) => line.replace(/^(\s*)governments:/, '$1"gov\\u0065rnments":').replace(/governments/g, 'govts'))
      .join('\n');
    expect(yamlText).not.toContain('governments');
    expect(lines(yamlText, 'e.yaml')).toEqual([nationalLine('e.yaml')]);
    const json = JSON.stringify(parse(readFileSync(SMALL, 'utf8'))).replace(/"governments"/g, '"gov\\u0065rnments"').replace(/governments/g, 'govts');
    expect(json).not.toContain('governments');
    expect(lines(json, 'e.json')).toEqual([nationalLine('e.json')]);
  });

  it('a broken national file is still told national (governments empty or not a list), national before experiment, as the command line tells it', () => {
    const text = readFileSync(SMALL, 'utf8');
    expect(lines(text.replace(/^governments:[\s\S]*?(?=^\S)/m, 'governments: []\n'), 'b.yaml')).toEqual([nationalLine('b.yaml')]);
    expect(lines(text.replace(/^governments:[\s\S]*?(?=^\S)/m, 'governments: 3\n'), 'b.yaml')).toEqual([nationalLine('b.yaml')]);
    // The command line checks national first (cli/national-hint.ts refuseNationalExperiment).
    expect(lines(`${text}\nbase: x.yaml\nvariants: []\n`, 'b.yaml')).toEqual([nationalLine('b.yaml')]);
  });

  it('not national: a city scenario keeps its own problems, one per field and place, an innovation\'s governments among them (control)', () => {
    expect(nationalScenarioIssue(BEKASI, 'c.yaml')).toBeUndefined();
    const stray = lines(BEKASI.replace(/^seed: (\d+)$/m, 'seed: $1\nfoo: 1'), 'c.yaml');
    expect(stray).toHaveLength(1);
    expect(stray[0]).toMatch(/^✗ c\.yaml:\d+:1 Unknown field "foo" → at foo \(/);
    // `governments` below the top (a national innovation's field) in a city file: the unknown field at its place.
    const inner = lines(BEKASI.replace(/^(innovations:\n {2}- id: [^\n]+\n)/m, '$1    governments: { except: [x] }\n'), 'c.yaml');
    expect(inner).toHaveLength(1);
    expect(inner[0]).toMatch(/^✗ c\.yaml:\d+:5 Unknown field "governments" → at innovations\[0\]\.governments \(/);
    // A text that does not read as data keeps its syntax error; a list is no scenario of either kind.
    expect(lines('governments: [\n', 'x.yaml')[0]).toContain('YAML syntax error');
    expect(nationalScenarioIssue('- governments: 1\n', 'x.yaml')).toBeUndefined();
  });

  it("told national exactly when the command line's sniff tells it (every shipped and fixture scenario file)", () => {
    const files = ['scenarios', 'scenarios/validation', 'tests/national/fixtures'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(5);
    const told = files.map((file) => {
      const r = parseSource(readFileSync(file, 'utf8'), file);
      return { file, sniff: isNationalFile(file), page: !r.ok && r.issues.length === 1 && r.issues[0]!.code === 'national_not_city' };
    });
    expect(told.filter((t) => t.sniff !== t.page)).toEqual([]);
    expect(told.filter((t) => t.sniff).map((t) => t.file)).toContain('scenarios/indonesia-2015-2025.yaml');
  });

  it("the scenario reader, whose lines the command line prints, still gives the city schema's problems (the command line is unchanged)", () => {
    const r = parseScenarioText(readFileSync(SMALL, 'utf8'), SMALL);
    if (r.ok) throw new Error('accepted');
    expect(r.issues.map((i) => i.code)).toContain('missing_field');
    expect(r.issues.some((i) => i.code === 'national_not_city')).toBe(false);
  });
});
