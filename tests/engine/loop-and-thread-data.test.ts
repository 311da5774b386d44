/**
 * The step loop (src/engine/loop.ts): ticks 1..months in order, each observed
 * right after its step into row month - 1 of a month-major series; and the
 * data a run hands every worker thread (src/engine/batch.ts threadData),
 * which a thread not started by engine/thread.js does not have.
 */
import { describe, expect, it } from 'vitest';
import { runLoop } from '../../src/engine/loop.js';
import { setThreadData, threadData } from '../../src/engine/batch.js';

describe('runLoop', () => {
  it('steps months 1..months in order, observing each after its step, row m - 1 for month m', () => {
    const calls: string[] = [];
    let state = 0;
    const series = runLoop({
      months: 4,
      metricCount: 3,
      step: (month) => {
        calls.push(`step ${month}`);
        state = month * 10;
      },
      observe: (month, row) => {
        calls.push(`observe ${month}`);
        expect(row.length).toBe(3);
        row[0] = month;
        row[1] = state; // the state the step of this month left
        row[2] = -month;
      },
    });
    expect(calls).toEqual(['step 1', 'observe 1', 'step 2', 'observe 2', 'step 3', 'observe 3', 'step 4', 'observe 4']);
    expect(Array.from(series)).toEqual([1, 10, -1, 2, 20, -2, 3, 30, -3, 4, 40, -4]);
  });

  it('with observeAt, each month is observed into the whole series at row m - 1, and observe is not called', () => {
    const calls: string[] = [];
    const series = runLoop({
      months: 3,
      metricCount: 2,
      step: (month) => calls.push(`step ${month}`),
      observe: () => calls.push('observe'),
      observeAt: (month, whole, at) => {
        calls.push(`observeAt ${month} ${at}`);
        expect(whole.length).toBe(6);
        whole[at] = month;
        whole[at + 1] = -month;
      },
    });
    expect(calls).toEqual(['step 1', 'observeAt 1 0', 'step 2', 'observeAt 2 2', 'step 3', 'observeAt 3 4']);
    expect(Array.from(series)).toEqual([1, -1, 2, -2, 3, -3]);
  });

  it('a model of zero months is never stepped and gives an empty series', () => {
    let steps = 0;
    const series = runLoop({ months: 0, metricCount: 2, step: () => steps++, observe: () => steps++ });
    expect(steps).toBe(0);
    expect(series.length).toBe(0);
  });
});

describe('threadData', () => {
  it('refuses before engine/thread.js set it, then hands back exactly what was set', () => {
    expect(() => threadData()).toThrow('threadData: this thread was not started by engine/thread.js');
    const data = { seed: 7, names: ['a'] };
    setThreadData(data);
    expect(threadData()).toBe(data);
    setThreadData(undefined);
    expect(threadData()).toBeUndefined();
  });
});
