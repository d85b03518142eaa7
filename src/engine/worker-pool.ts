import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * The worker's entry: next to this module in the bundled CLI (bin/minecarbon.mjs builds it), or a
 * bootstrap that registers the TypeScript loader when running from the sources (tests).
 */
const WORKER_URL = import.meta.url.endsWith(".ts")
  ? new URL("./worker-bootstrap.mjs", import.meta.url)
  : new URL("./analysis-worker.mjs", import.meta.url);

/** Starts one worker thread running analysis-worker (blocks of a plan, or a map's code histogram). */
export function startWorkerThread(): Worker {
  // tsx, which loads the TypeScript in the thread, reads workerData and needs it to be an object.
  return new Worker(WORKER_URL, { workerData: {} });
}

/**
 * Worker threads started ahead of the work: loading the TypeScript modules takes a few hundred
 * milliseconds per thread, which then overlaps with opening and checking the inputs.
 */
export class WorkerPool {
  readonly workers: Worker[];
  private closed = false;

  constructor(count: number = availableParallelism()) {
    this.workers = Array.from({ length: Math.max(0, count) }, startWorkerThread);
    // Until a run listens, a worker's failure must not crash the process; the run sees it.
    for (const w of this.workers) w.on("error", () => undefined);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
