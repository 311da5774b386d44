/**
 * The few file operations result data goes through, with the checks a
 * partial write or read needs: a write loops until every byte is on disk,
 * a read fails unless it returned every byte asked for, and a record is
 * fsynced before the line that declares it complete.
 *
 * `storeFs` is the layer these functions call; tests replace its members
 * (short writes, ENOSPC, failing fsync) to show every outcome is either a
 * complete result or an error naming what to rerun (tests/store/faults.test.ts).
 */
import fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { UserError, makeIssue } from '../messages/catalog.js';

export interface StoreFs {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  fsyncSync(fd: number): void;
}

const real: StoreFs = {
  writeSync: (fd, buffer, offset, length, position) => fs.writeSync(fd, buffer, offset, length, position),
  readSync: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  fsyncSync: (fd) => fs.fsyncSync(fd),
};

/** The layer in use; tests swap members with `setStoreFs` and restore with `resetStoreFs`. */
export const storeFs: StoreFs = { ...real };

export function setStoreFs(layer: Partial<StoreFs>): void {
  Object.assign(storeFs, layer);
}

export function resetStoreFs(): void {
  Object.assign(storeFs, real);
}

/** Writes every byte of `bytes` at `position` (or the file position when null), looping over short writes. */
export function writeFully(fd: number, bytes: Uint8Array, position: number | null, file: string): void {
  let done = 0;
  let stalled = 0;
  while (done < bytes.length) {
    let n: number;
    try {
      n = storeFs.writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
    } catch (error) {
      throw writeError(error, file);
    }
    if (n <= 0) {
      // A write that makes no progress twice in a row will not make any.
      if (++stalled > 1) throw writeError(Object.assign(new Error('no progress'), { code: 'EIO' }), file);
      continue;
    }
    stalled = 0;
    done += n;
  }
}

/** Writes a whole string (UTF-8) at the file position. */
export function writeTextFully(fd: number, text: string, file: string): void {
  writeFully(fd, Buffer.from(text, 'utf8'), null, file);
}

/** Reads exactly `length` bytes at `position` into `into`; a short read is an error naming the file. */
export function readFully(fd: number, into: Uint8Array, position: number, file: string, whatToRerun: string): void {
  let done = 0;
  while (done < into.length) {
    const n = storeFs.readSync(fd, into, done, into.length - done, position + done);
    if (n <= 0) {
      throw UserError.of('data_damaged', [file, `it ends ${into.length - done} bytes before the data it declares`, whatToRerun], { file });
    }
    done += n;
  }
}

export function syncFd(fd: number, file: string): void {
  try {
    storeFs.fsyncSync(fd);
  } catch (error) {
    throw writeError(error, file);
  }
}

/** How to carry on after the disk is freed: with --resume where that continues what failed (`resumable`), else run again. */
export function rerunAdvice(resumable: boolean): string {
  return resumable ? 'run the same command with --resume' : 'run the same command again';
}

/**
 * A write the system refused (full disk, read-only folder, quota): one line naming the file, exit 2.
 *
 * Its advice after a full disk or a device error names --resume only where that continues what failed,
 * which depends on the command that ran, and the store writing the file does not know it. `resumable`
 * is what the writer knows: false for a whole file written at once (nothing to resume); undefined when
 * it is the command's to say, which `forCommand` applies where the command is known (cli/errors.ts
 * exitWith, from cli/program.ts). Until then it reads as for the library: with --resume. The setting is a
 * value of each failure, not of the process, so two jobs in one process (tests, the explorer, callers of
 * src/index.ts) never see each other's.
 */
export class WriteFailure extends UserError {
  constructor(
    readonly file: string,
    /** The system's code (ENOSPC...), not named `code`: code that reads an error's `code` takes it for a raw system error. */
    readonly systemCode: string,
    readonly resumable: boolean | undefined,
    /** What to do once the disk is freed, when the caller knows better than running a command again (`afterResults`). */
    readonly advice?: string,
  ) {
    super([makeIssue('write_failed', [file, systemCode, writeHint(systemCode, advice ?? rerunAdvice(resumable ?? true))], { file })]);
  }

  /** This failure as a command that takes --resume (`resumes`), or one that does not, tells it. */
  forCommand(resumes: boolean): WriteFailure {
    return this.resumable !== undefined || resumes ? this : new WriteFailure(this.file, this.systemCode, false);
  }

  /**
   * This failure of a report written after a job's results (run, merge, compare...): the results folder is
   * complete, so what is left to do is its report alone (`command`, `difusi report <folder>`), not the whole
   * job again, which "run the same command again" would start.
   */
  afterResults(command: string): WriteFailure {
    return new WriteFailure(this.file, this.systemCode, false, `write the report with: ${command}`);
  }
}

/**
 * A write failure the user can act on (full disk, read-only folder, quota) as a WriteFailure; any other error as it is.
 * `resumable`: whether what failed can be continued with --resume, when the writer knows (WriteFailure).
 */
export function writeError(error: unknown, file: string, resumable?: boolean): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EFBIG', 'ENAMETOOLONG', 'ENOTDIR', 'EISDIR'].includes(code)) {
    return new WriteFailure(file, code, resumable);
  }
  return error;
}

/** The failure's advice for its system code; `then`: what to do once the disk is freed or the device checked. */
function writeHint(code: string, then: string): string {
  switch (code) {
    case 'ENOSPC':
      return `the disk is full: free space, then ${then}`;
    case 'EDQUOT':
      return `the disk quota is exhausted: free space, then ${then}`;
    case 'EFBIG':
      return 'the file is too large for this file system';
    case 'EROFS':
      return 'the folder is read-only: choose another --out';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write there: choose another --out';
    case 'EIO':
      return `the device reported an error: check it, then ${then}`;
    case 'EISDIR':
      return 'a folder is in the way: move it, or choose another --out';
    default:
      return '';
  }
}

/** A short hex checksum (the first 64 bits of SHA-256) of byte chunks. */
export function checksum(...chunks: (Uint8Array | string)[]): string {
  const h = createHash('sha256');
  for (const c of chunks) h.update(c);
  return h.digest('hex').slice(0, 16);
}

/** SHA-256 (hex) of a whole file, streamed in 1 MB chunks. */
export function fileSha256(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/** Writes a small file completely and fsyncs it (metadata files of a part). */
export function writeFileDurably(file: string, text: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'w');
  } catch (error) {
    throw writeError(error, file);
  }
  try {
    writeTextFully(fd, text, file);
    syncFd(fd, file);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a whole file or nothing: beside its place under a temporary name, then renamed into it, so on
 * failure nothing is left but the old file (odd --out, generate-national --out, the explorer page). `shown` is the path
 * as the user gave it, for the message.
 */
export function writeWholeFile(file: string, text: string, shown = file): void {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    // A whole file is written again from the start: there is nothing to --resume.
    throw writeError(error, shown, false);
  }
}

/** The refusals of a report's write that are said as a WriteFailure naming the file: want of room or a device error. */
const ROOM_OR_DEVICE = ['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG'];

/**
 * Writes a report's page or chart (city, national, national comparison). A write the system refuses for want
 * of room or a device error (full disk, quota, I/O error) is one line naming the file, as every store write's
 * is (WriteFailure), whose advice (free space, then run again: a report is written whole each time and has
 * nothing to --resume) is `report`'s; a city command that draws it after writing its results (run, merge,
 * compare, sweep, sensitivity) advises `difusi report <folder>` instead (WriteFailure.afterResults, from
 * cli/report.ts reportAfter); a refusal of another kind (no permission) is rethrown as it is, for the
 * caller's own line, without WriteFailure's "choose another --out", which `report` lacks.
 */
export async function writeReportFile(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (e) {
    throw ROOM_OR_DEVICE.includes((e as NodeJS.ErrnoException).code ?? '') ? writeError(e, file, false) : e;
  }
}

