/**
 * Progress on stderr (results go to files and stdout, diagnostics to
 * stderr): a bar with time left when stderr is a terminal; when it is not
 * (a log file, a pipe, a scheduler's output) one plain line every few
 * seconds, so a long run is never silent; nothing with --quiet.
 */
import cliProgress from 'cli-progress';
import type { TerminalLang } from '../messages/terminal-lang.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Seconds between two progress lines when stderr is not a terminal. */
export const LINE_INTERVAL_SECONDS = 5;

/**
 * "run: 40/200 (20 %), 12 s elapsed, about 48 s left"; under --lang id (`lang`)
 * "run: 40/200 (20%), 12 detik berlalu, sekitar 48 detik lagi" (the label is the command's name, in either language).
 */
export function progressLine(label: string, done: number, total: number, elapsedSeconds: number, lang: TerminalLang = 'en'): string {
  const share = total > 0 ? done / total : 0;
  const leftSeconds = done > 0 && done < total ? Math.round((elapsedSeconds * (total - done)) / done) : undefined;
  if (lang === 'id') {
    const left = leftSeconds === undefined ? '' : `, sekitar ${leftSeconds} detik lagi`;
    return `${label}: ${done}/${total} (${Math.floor(100 * share)}%), ${Math.round(elapsedSeconds)} detik berlalu${left}`;
  }
  const left = leftSeconds === undefined ? '' : `, about ${leftSeconds} s left`;
  return `${label}: ${done}/${total} (${Math.floor(100 * share)} %), ${Math.round(elapsedSeconds)} s elapsed${left}`;
}

/**
 * Plain progress lines to `write`, at most one per `intervalSeconds`
 * (the first after one interval, so short runs print nothing), and a last
 * line at stop when any was printed. `now` returns seconds.
 */
export function lineProgress(
  label: string,
  write: (line: string) => void,
  intervalSeconds = LINE_INTERVAL_SECONDS,
  now: () => number = () => performance.now() / 1000,
  lang: TerminalLang = 'en',
): Progress {
  const started = now();
  let last = started;
  let printed = false;
  let state = { done: 0, total: 0 };
  return {
    update(done, total) {
      state = { done, total };
      const t = now();
      if (t - last < intervalSeconds) return;
      last = t;
      printed = true;
      write(progressLine(label, done, total, t - started, lang) + '\n');
    },
    stop() {
      if (printed && state.done !== 0) write(progressLine(label, state.done, state.total, now() - started, lang) + '\n');
    },
  };
}

/** Progress of the command `label` on stderr, in the command's --lang (`lang`): a bar on a terminal, else lines (lineProgress); nothing when `quiet`. */
export function progressBar(label: string, quiet: boolean, lang: TerminalLang = 'en'): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (!process.stderr.isTTY) return lineProgress(label, (line) => process.stderr.write(line), LINE_INTERVAL_SECONDS, undefined, lang);
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        lang === 'id'
          ? `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} berlalu, sisa {eta_formatted}`
          : `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
