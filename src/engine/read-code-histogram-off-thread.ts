import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { CodeHistogram, CodeHistogramOptions } from "../raster/code-histogram.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { startWorkerThread } from "./worker-pool.ts";
import type { WorkerError } from "./worker-error.ts";

/**
 * At most this many maps are read at once; more wait their turn. One core is left to the event
 * loop and the analysis jobs; four are plenty for uploads, which arrive one by one from people.
 */
const MAX_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** A thread idle this long stops; the next check starts one again (a few hundred milliseconds). */
const IDLE_MS = 30_000;

interface Thread {
  readonly worker: Worker;
  dead: boolean;
  idleTimer?: NodeJS.Timeout;
}

const idle: Thread[] = [];
let busy = 0;
const queue: (() => void)[] = [];

async function acquire(): Promise<Thread> {
  while (busy >= MAX_THREADS) await new Promise<void>((r) => queue.push(r));
  busy++;
  let t = idle.pop();
  while (t?.dead) {
    clearTimeout(t.idleTimer);
    t = idle.pop();
  }
  if (t) {
    clearTimeout(t.idleTimer);
    t.worker.ref();
    return t;
  }
  const thread: Thread = { worker: startWorkerThread(), dead: false };
  // Until a task listens, a failing thread must not crash the server: it is marked and replaced.
  thread.worker.on("error", () => (thread.dead = true));
  thread.worker.on("exit", () => (thread.dead = true));
  return thread;
}

function release(t: Thread): void {
  busy--;
  if (!t.dead) {
    // An idle thread does not keep the process alive, and stops after a while.
    t.worker.unref();
    t.idleTimer = setTimeout(() => {
      idle.splice(idle.indexOf(t), 1);
      void t.worker.terminate();
    }, IDLE_MS).unref();
    idle.push(t);
  } else void t.worker.terminate();
  queue.shift()?.();
}

function run(t: Thread, path: string, options: CodeHistogramOptions): Promise<CodeHistogram> {
  return new Promise((resolve, reject) => {
    const done = () => {
      t.worker.off("message", onMessage);
      t.worker.off("error", onError);
      t.worker.off("exit", onExit);
    };
    const onMessage = (msg: { booted?: true; histogram?: CodeHistogram; error?: WorkerError }) => {
      if (msg.booted) return;
      done();
      if (msg.histogram) return resolve(msg.histogram);
      const e = msg.error!;
      if (e.code === "bad-input" || e.code === "too-large")
        return reject(new RasterInputError(e.message, e.reason));
      const internal = new Error(e.message);
      if (e.stack) internal.stack = e.stack;
      reject(internal);
    };
    const onError = (e: Error) => {
      done();
      t.dead = true;
      reject(e);
    };
    const onExit = (code: number) => {
      done();
      t.dead = true;
      reject(new Error(`the worker thread reading ${path} stopped with exit code ${code}`));
    };
    t.worker.on("message", onMessage);
    t.worker.on("error", onError);
    t.worker.on("exit", onExit);
    t.worker.postMessage({ histogram: { path, options } });
  });
}

/**
 * readCodeHistogram in a worker thread, so that reading and decoding a whole map (seconds for a
 * big one, and whatever a hostile file makes it cost) never blocks the server's event loop.
 * Threads start on demand and stop when idle; a RasterInputError comes back as one.
 */
export async function readCodeHistogramOffThread(
  path: string,
  options: CodeHistogramOptions = {},
): Promise<CodeHistogram> {
  const t = await acquire();
  try {
    return await run(t, path, options);
  } finally {
    release(t);
  }
}

/** How many maps are being read in worker threads right now (for tests and health reports). */
export const histogramsInProgress = (): number => busy;
