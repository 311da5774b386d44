/**
 * A replication's record (records.jsonl: one line of JSON for its outcomes,
 * agents and events) longer than V8's longest string. A city of 1,000,000
 * agencies over 108 months with `-r 1 --no-charts` ran 2.5 minutes, then
 * ended in an internal error (RangeError: Invalid string length, in
 * JSON.stringify of part-store.ts recordLine), exit 1, leaving its .partial
 * folder. Such a record cannot be read back either (a line is made one
 * string, then JSON.parse), so it is refused: one line naming the
 * replication and `--detail 0`, a user error (exit 2), and closing the part
 * removes it. Lines that fit are written as before, byte for byte, and read
 * back a chunk at a time, so a records file past 2 GiB (one read's most) or
 * a line longer than a chunk is read whole.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGES, UserError } from '../../src/messages/catalog.js';
import { MAX_RECORD_CHARS } from '../../src/scenario/limits.js';
import { checksum } from '../../src/store/durable.js';
import { eachLine, PartAccess, PartWriter, readPart, recordLine, type PartRecord } from '../../src/store/part-store.js';
import { toolVersion } from '../../src/store/version.js';
import { testPartMeta } from '../support/part-meta.js';

const root = mkdtempSync(join(tmpdir(), 'difusi-record-too-long-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const meta = testPartMeta({ tool_version: toolVersion(), detail_replications: 1 });
const series = (r: number) => new Float64Array([r, r + 0.5]);
/** A replication result whose events hold `count` events of cause `cause`. */
const result = (r: number, cause: string, count: number) =>
  ({
    replication: r,
    series: series(r),
    outcomes: [{ innovation: 'x', outcome: 'sustained' }],
    agents: [{ opd: 'a-1', type: 'dinas', theta: 0.5, category: 'early majority', capacity: 0.7, champion: 0, first_adoption_month: 3, realized_category: null }],
    events: Array.from({ length: count }, (_, i) => ({ month: 1 + (i % 12), kind: 'adopt', opd: 'a-1', innovation: 'x', loop: null, cause })),
  }) as never;

describe('a record line', () => {
  it('is the JSON, a tab, the checksum of the series bytes and the JSON, a newline: as before', () => {
    const record: PartRecord = { r: 3, offset: 16, outcomes: [], agents: null, events: [{ month: 1, kind: 'adopt', opd: 'dinas-ä', innovation: 'x', loop: null, cause: 'peer "q"' } as never] };
    const bytes = new Uint8Array(series(3).buffer);
    const json = JSON.stringify(record);
    expect(recordLine(record, bytes, 'f.yaml')).toBe(`${json}\t${checksum(bytes, json)}\n`);
  });

  it("longer than V8's longest string: refused as a user error naming the replication and --detail 0; closing the part removes it", () => {
    const dir = join(root, 'big');
    const w = PartWriter.open(dir, meta, false);
    w.append(result(0, 'small', 2));
    // 33 events of 16 Mi characters each: about 554 million characters of JSON.
    const long = 'c'.repeat(2 ** 24);
    let error: unknown;
    try {
      w.append(result(1, long, 33));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const issue = (error as UserError).issues[0]!;
    expect([issue.code, issue.file, issue.message]).toEqual(['record_too_long', 'f', MESSAGES.record_too_long(1, '536,870,888')]);
    expect(issue.message).toContain('--detail 0');
    expect(MAX_RECORD_CHARS).toBe(2 ** 29 - 24);
    w.close();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('a record line at the limit', () => {
  /** A record whose JSON is exactly `length` characters long (one event's cause padded). */
  const recordOf = (length: number): PartRecord => {
    const event = (cause: string) => ({ month: 1, kind: 'adopt', opd: 'a', innovation: 'x', loop: null, cause }) as never;
    const bare = JSON.stringify({ r: 1, offset: 0, outcomes: [], agents: null, events: [event('')] }).length;
    return { r: 1, offset: 0, outcomes: [], agents: null, events: [event('c'.repeat(length - bare))] };
  };
  const bytes = new Uint8Array(series(1).buffer);

  it('the longest JSON that fits makes a line of exactly the limit (JSON, tab, 16-character checksum, newline); one more is refused', () => {
    // At a small limit (the arithmetic is the same; a line of V8's longest string takes seconds and gigabytes).
    const line = recordLine(recordOf(1_000 - 18), bytes, 'f.yaml', 1_000);
    expect(line.length).toBe(1_000);
    expect(line.endsWith('\n')).toBe(true);
    expect(() => recordLine(recordOf(1_000 - 17), bytes, 'f.yaml', 1_000)).toThrow(UserError);
    // Multi-byte characters count as the bytes a reader reads back: 'ä' is two.
    const wide = recordOf(1_000 - 18);
    (wide.events![0] as { cause: string }).cause = `ä${(wide.events![0] as { cause: string }).cause.slice(1)}`;
    expect(() => recordLine(wide, bytes, 'f.yaml', 1_000)).toThrow(UserError);
  });

  it('at the real limit, one character more than fits is refused as a user error, not a RangeError while the line is built', () => {
    // The check counted 17 characters after the JSON, not 18: this JSON passed it and building the line threw.
    expect(() => recordLine(recordOf(MAX_RECORD_CHARS - 17), bytes, 'f.yaml')).toThrow(UserError);
  });
});

describe('reading records back a chunk at a time', () => {
  it('a line longer than a read chunk (16 MiB), between short ones: every record read whole, the lines as written', () => {
    const dir = join(root, 'long-line');
    const w = PartWriter.open(dir, meta, false);
    const long = 'd'.repeat(1 << 20);
    w.append(result(0, 'short', 1));
    w.append(result(1, long, 18)); // about 19 MB of JSON: crosses a chunk boundary
    w.append(result(2, 'short', 3));
    w.close();
    const file = join(dir, 'records.jsonl');
    const whole = readFileSync(file);
    const lines: string[] = [];
    expect(eachLine(file, (bytes, start) => {
      expect(whole.subarray(start, start + bytes.length).equals(bytes)).toBe(true);
      lines.push(bytes.toString('utf8'));
    })).toBe(0);
    expect(lines.join('\n') + '\n').toBe(whole.toString('utf8'));
    const part = readPart(dir);
    expect([...part.lines.keys()]).toEqual([0, 1, 2]);
    const access = new PartAccess();
    try {
      for (const r of [0, 1, 2]) access.verify(part, r);
      const events = access.record(part, 1).events!;
      expect(events).toHaveLength(18);
      expect(events[17]!.cause).toBe(long);
    } finally {
      access.close();
    }
  });

  it('a resumed part keeps its records and drops a line cut short', () => {
    const dir = join(root, 'resume');
    const w = PartWriter.open(dir, meta, false);
    w.append(result(0, 'd'.repeat(1 << 20), 17));
    w.append(result(1, 'short', 1));
    w.close();
    const file = join(dir, 'records.jsonl');
    const before = readFileSync(file);
    // A crash in the middle of a third line.
    const cut = Buffer.concat([before, Buffer.from('{"r":2,"offset":32,"outc')]);
    writeFileSync(file, cut);
    const again = PartWriter.open(dir, meta, true);
    expect([...again.done].sort()).toEqual([0, 1]);
    again.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
