// Preloaded (`node --import`) into a run a test starts with
// startCli(args, { stopAtRecord: k }) (k in DIFUSI_TEST_STOP_AT_RECORD): the
// process stops itself (SIGSTOP) right after its part's records.jsonl has
// received its k-th line, in the middle of the replication loop, however
// slowly or quickly the machine runs. A test can then signal a run that is
// certainly mid-way, instead of polling for the lines and racing the run's end.
//
// The part store writes records.jsonl in batches, when FLUSH_MS (250 ms) of
// Date.now() have passed since its last write (src/store/part-store.ts): on a
// fast machine a short run could finish before any batch. So once the k-th
// replication's series data is written, this process's Date.now() is moved an
// hour on, and the same replication's append writes the pending lines at once:
// k lines, as after any batch on a slow machine. Only the test's process is
// changed (nothing it writes records the clock); the program is the built one.
import fs from 'node:fs';

const stopAt = Number(process.env.DIFUSI_TEST_STOP_AT_RECORD);
if (!Number.isInteger(stopAt) || stopAt < 1) throw new Error(`stop-mid-run.mjs: DIFUSI_TEST_STOP_AT_RECORD must be a whole number >= 1, found ${process.env.DIFUSI_TEST_STOP_AT_RECORD}`);

const { openSync, closeSync, writeSync } = fs;
const series = new Set();
const records = new Set();
let replications = 0;
let lines = 0;
let stopped = false;

fs.openSync = function (file, ...rest) {
  const fd = openSync.call(this, file, ...rest);
  const name = String(file);
  if (name.endsWith('/series.bin')) series.add(fd);
  if (name.endsWith('/records.jsonl')) records.add(fd);
  return fd;
};

// A closed descriptor's number is given to the next file opened: forgotten here.
fs.closeSync = function (fd) {
  series.delete(fd);
  records.delete(fd);
  return closeSync.call(this, fd);
};

fs.writeSync = function (fd, buffer, offset, ...rest) {
  const n = writeSync.call(this, fd, buffer, offset, ...rest);
  if (stopped) return n;
  // One replication's series data: durable.ts writeFully starts each at offset 0 (a short write continues at its end).
  if (series.has(fd) && offset === 0 && ++replications === stopAt) {
    const now = Date.now;
    Date.now = () => now() + 3_600_000;
  }
  if (records.has(fd) && typeof buffer !== 'string') {
    const from = typeof offset === 'number' ? offset : 0;
    for (let i = from; i < from + n; i++) if (buffer[i] === 0x0a) lines++;
    if (lines >= stopAt) {
      stopped = true;
      process.kill(process.pid, 'SIGSTOP');
    }
  }
  return n;
};
