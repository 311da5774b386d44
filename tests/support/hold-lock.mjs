// Preloaded (`node --import`) into a command line a test starts with
// startCli(args, { holdLock: true }): the process stops itself (SIGSTOP)
// right after it has written a result folder's lock file (`.<name>.lock`,
// created exclusively, flag 'wx': src/store/folder-lock.ts). It then holds
// the lock until the test kills it, however slowly or quickly the machine
// runs, so a test of what a second job sees cannot race the first job's end.
// Only the test's process is changed; the program is the built one.
import fs from 'node:fs';

const { openSync, closeSync } = fs;
const locks = new Set();

fs.openSync = function (file, flags, ...rest) {
  const fd = openSync.call(this, file, flags, ...rest);
  if (flags === 'wx' && String(file).endsWith('.lock')) locks.add(fd);
  return fd;
};

fs.closeSync = function (fd) {
  closeSync.call(this, fd);
  if (locks.delete(fd)) process.kill(process.pid, 'SIGSTOP');
};
