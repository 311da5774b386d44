// Preloaded (`node --import`) into a command line a test starts: every V8
// flag the program sets from inside (v8.setFlagsFromString, which
// process.getBuiltinModule('node:v8') hands out as the same object) is
// appended, one line each, to the file named by DIFUSI_TEST_V8_FLAGS, and
// then set as before. The flags leave no other trace a test can read
// (process.execArgv lists only the command line's). Only the test's
// process is changed; the program is the built one.
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';

const file = process.env['DIFUSI_TEST_V8_FLAGS'];
const set = v8.setFlagsFromString;
v8.setFlagsFromString = function (flags) {
  if (file !== undefined) appendFileSync(file, `${flags}\n`);
  return set.call(this, flags);
};
