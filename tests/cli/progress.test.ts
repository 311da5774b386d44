/**
 * Progress when stderr is not a terminal (a log file, a pipe): one plain
 * line every few seconds, never a bar, nothing for a run shorter than the
 * interval, a last line at the end.
 */
import { expect, test } from 'vitest';
import { lineProgress, progressLine } from '../../src/cli/progress.js';

test('a line every 5 s of a fake clock, the last at stop; no terminal control characters', () => {
  let now = 0;
  const lines: string[] = [];
  const p = lineProgress('run', (l) => lines.push(l), 5, () => now);
  for (let done = 1; done <= 20; done++) {
    now += 1.5; // a replication every 1.5 s
    p.update(done, 20);
  }
  p.stop();
  // 30 s: lines at 6, 12, 18, 24 and 30 s (each 5 s or more after the last), and the final one.
  expect(lines).toHaveLength(6);
  expect(lines[0]).toBe('run: 4/20 (20 %), 6 s elapsed, about 24 s left\n');
  expect(lines.at(-1)).toBe('run: 20/20 (100 %), 30 s elapsed\n');
  expect(lines.join('')).not.toMatch(/[\r\u001b]/);
});

test('a run shorter than the interval prints nothing', () => {
  let now = 0;
  const lines: string[] = [];
  const p = lineProgress('sweep', (l) => lines.push(l), 5, () => now);
  now = 2;
  p.update(10, 10);
  p.stop();
  expect(lines).toEqual([]);
});

test('progressLine', () => {
  expect(progressLine('compare', 0, 40, 3)).toBe('compare: 0/40 (0 %), 3 s elapsed');
});

test('under --lang id the lines are in Bahasa Indonesia (the label is the command name, as typed)', () => {
  let now = 0;
  const lines: string[] = [];
  const p = lineProgress('run', (l) => lines.push(l), 5, () => now, 'id');
  for (let done = 1; done <= 20; done++) {
    now += 1.5;
    p.update(done, 20);
  }
  p.stop();
  expect(lines[0]).toBe('run: 4/20 (20%), 6 detik berlalu, sekitar 24 detik lagi\n');
  expect(lines.at(-1)).toBe('run: 20/20 (100%), 30 detik berlalu\n');
  expect(lines.join('')).not.toMatch(/elapsed|left|about/);
  expect(progressLine('compare', 0, 40, 3, 'id')).toBe('compare: 0/40 (0%), 3 detik berlalu');
  expect(progressLine('compare', 0, 40, 3, 'en')).toBe('compare: 0/40 (0 %), 3 s elapsed');
});
