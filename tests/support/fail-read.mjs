// Preloaded (`node --import`) into a command line a test starts with
// startCli(args, { failRead: file }) (an absolute path, in DIFUSI_TEST_FAIL_READ):
// every read of that one file fails as for a file this user may not read
// (EACCES, an error shaped as Node's own), whichever call reads it:
// fs.readFileSync, fs.openSync for reading (then fs.readSync, as
// src/store/durable.ts fileSha256 reads), or the promise readFile and open
// of node:fs/promises. `stat` still finds it a regular file. Tests run as
// root, whom permission bits do not stop; this is the file as another user
// meets it. Only the test's process is changed; the program is the built one.
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const target = process.env.DIFUSI_TEST_FAIL_READ;
if (target === undefined || !path.isAbsolute(target)) throw new Error(`fail-read.mjs: DIFUSI_TEST_FAIL_READ must be an absolute path, found ${target}`);

const denied = (syscall, file) => Object.assign(new Error(`EACCES: permission denied, ${syscall} '${file}'`), { errno: -13, code: 'EACCES', syscall, path: String(file) });
const named = (file) => (typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file)) && path.resolve(String(file instanceof URL ? file.pathname : file)) === target;
const reading = (flags) => flags === undefined || flags === 'r' || flags === fs.constants.O_RDONLY;

const { openSync, readFileSync } = fs;
fs.openSync = function (file, flags, ...rest) {
  if (named(file) && reading(flags)) throw denied('open', file);
  return openSync.call(this, file, flags, ...rest);
};
fs.readFileSync = function (file, ...rest) {
  if (named(file)) throw denied('open', file);
  return readFileSync.call(this, file, ...rest);
};
const { readFile, open } = fs.promises;
fs.promises.readFile = function (file, ...rest) {
  if (named(file)) return Promise.reject(denied('open', file));
  return readFile.call(this, file, ...rest);
};
fs.promises.open = function (file, flags, ...rest) {
  if (named(file) && reading(flags)) return Promise.reject(denied('open', file));
  return open.call(this, file, flags, ...rest);
};
syncBuiltinESMExports();
