/// <reference lib="dom" />
/**
 * The explorer's worker pool: one Web Worker per core (navigator.
 * hardwareConcurrency), started from the bundled worker code through a
 * blob: URL (works from file://). A job's replications are handed out in
 * small chunks to whichever worker is free; a new job supersedes the old one
 * (results of a superseded job are dropped as they arrive).
 */
import type { JobMessage, RepResult } from './engine.js';
import type { Scenario } from '../scenario/schema.js';

type WorkerReply = { type: 'rep'; result: RepResult } | { type: 'done'; job: number } | { type: 'error'; job: number; message: string };

export interface JobCallbacks {
  readonly onResult: (result: RepResult) => void;
  readonly onDone: () => void;
  readonly onError: (message: string) => void;
}

interface ActiveJob {
  readonly id: number;
  readonly scenario: Scenario;
  readonly detail: number;
  readonly queue: number[];
  readonly callbacks: JobCallbacks;
  outstanding: number;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly busy: boolean[] = [];
  private job: ActiveJob | null = null;
  private nextId = 1;
  readonly size: number;

  constructor(workerCode: string, size: number) {
    const url = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
    this.size = Math.max(1, size);
    for (let w = 0; w < this.size; w++) {
      const worker = new Worker(url);
      worker.onmessage = (event: MessageEvent<WorkerReply>) => this.reply(w, event.data);
      worker.onerror = (event) => this.job?.callbacks.onError(event.message);
      this.workers.push(worker);
      this.busy.push(false);
    }
  }

  /** Runs replications 0..replications-1 of `scenario`, superseding any running job. */
  run(scenario: Scenario, replications: number, detail: number, callbacks: JobCallbacks): void {
    const queue = Array.from({ length: replications }, (_, r) => r);
    this.job = { id: this.nextId++, scenario, detail, queue, callbacks, outstanding: replications };
    this.workers.forEach((_, w) => {
      if (!this.busy[w]) this.feed(w);
    });
  }

  /** Stops handing out the current job's replications. */
  cancel(): void {
    this.job = null;
  }

  private chunkSize(job: ActiveJob): number {
    // Small chunks keep every core busy to the end and the progress smooth.
    return Math.max(1, Math.min(8, Math.ceil(job.queue.length / (this.size * 4))));
  }

  private feed(w: number): void {
    const job = this.job;
    if (job === null || job.queue.length === 0) {
      this.busy[w] = false;
      return;
    }
    const indices = job.queue.splice(0, this.chunkSize(job));
    const message: JobMessage = { type: 'job', job: job.id, scenario: job.scenario, indices, detail: job.detail };
    this.busy[w] = true;
    this.workers[w]!.postMessage(message);
  }

  private reply(w: number, data: WorkerReply): void {
    const job = this.job;
    if (data.type === 'rep') {
      if (job !== null && data.result.job === job.id) {
        job.callbacks.onResult(data.result);
        job.outstanding--;
        if (job.outstanding === 0) {
          this.job = null;
          job.callbacks.onDone();
        }
      }
      return;
    }
    if (data.type === 'error' && job !== null && data.job === job.id) {
      this.job = null;
      job.callbacks.onError(data.message);
    }
    this.feed(w);
  }
}
