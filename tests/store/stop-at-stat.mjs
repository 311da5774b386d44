// Preloaded (`node --import`) into a command line by tests/store/stop-before-lock.test.ts: the process stops
// itself (SIGSTOP) the first time it looks at the file named by DIFUSI_TEST_STOP_AT_STAT (stat, before it is
// read), so that a signal sent then lands at a known point before the job takes its folder's lock, whatever
// the load. Only the test's process is changed; the program is the built one.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const target = process.env.DIFUSI_TEST_STOP_AT_STAT;
const { statSync } = fs;
let stopped = false;

fs.statSync = function (file, ...rest) {
  if (!stopped && String(file) === target) {
    stopped = true;
    process.kill(process.pid, 'SIGSTOP');
  }
  return statSync.call(this, file, ...rest);
};
// The modules that import statSync by name see this one too.
syncBuiltinESMExports();
