// Preloaded (`node --import`) into a command line a test starts with
// startCli(args, { failWrite: name }) (name in DIFUSI_TEST_FAIL_WRITE): every
// write to a file of that name (its last path segment: `manifest.json`,
// `p14.txt`, `national-spread.svg`) fails as on a full disk (ENOSPC, an error
// shaped as Node's own, which names no file), whichever call writes it: a
// descriptor opened with fs.openSync and written with fs.writeSync (the
// store's writers, src/store/durable.ts), fs.writeFileSync, or the promise
// writeFile of node:fs/promises (a report's pages and charts,
// src/store/report-write.ts). Other files are
// written as usual, so a test can show the one line a failed write prints
// names that file. Only the test's process is changed; the program is the built one.
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const name = process.env.DIFUSI_TEST_FAIL_WRITE;
if (name === undefined || name === '' || name.includes('/')) throw new Error(`fail-write.mjs: DIFUSI_TEST_FAIL_WRITE must be a file name, found ${name}`);

const { openSync, closeSync, writeSync, writeFileSync } = fs;
const failing = new Set();
const full = (syscall) => Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { errno: -28, code: 'ENOSPC', syscall });
// A name starting with '*' fails every file whose name contains the rest: a temporary file named after its target
// (`patterns.md.writing-<pid>`, `.patterns.md.<pid>.tmp`), whose process id a test cannot know in advance.
const named = (file) => {
  if (typeof file === 'number') return false;
  const base = path.basename(String(file));
  return name.startsWith('*') ? base.includes(name.slice(1)) : base === name;
};

fs.openSync = function (file, ...rest) {
  const fd = openSync.call(this, file, ...rest);
  if (named(file)) failing.add(fd);
  return fd;
};

// A closed descriptor's number is given to the next file opened: forgotten here.
fs.closeSync = function (fd) {
  failing.delete(fd);
  return closeSync.call(this, fd);
};

fs.writeSync = function (fd, ...rest) {
  if (failing.has(fd)) throw full('write');
  return writeSync.call(this, fd, ...rest);
};

fs.writeFileSync = function (file, ...rest) {
  if (named(file) || failing.has(file)) throw full('write');
  return writeFileSync.call(this, file, ...rest);
};

// The promise API (report pages and charts): a module's `import { writeFile } from 'node:fs/promises'` reads the
// builtin's exports, which take the replaced function once synced (node:module syncBuiltinESMExports).
const { writeFile } = fs.promises;
fs.promises.writeFile = function (file, ...rest) {
  if (named(file)) return Promise.reject(full('write'));
  return writeFile.call(this, file, ...rest);
};
syncBuiltinESMExports();
