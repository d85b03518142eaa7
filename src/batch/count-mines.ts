import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../project-root.ts";
import { BatchCounter, type CounterPlan, type MineJob } from "./batch-counter.ts";
import type { MineCounts } from "./mine-counts.ts";

/** One mine's counts as they arrive, with the cache statistics of the thread that counted it. */
export interface MineResult {
  readonly index: number;
  readonly counts: MineCounts;
  readonly seconds: number;
}

/**
 * The worker's entry: next to the bundled CLI when it was bundled with it, else the sources through
 * a bootstrap that registers the TypeScript loader (tests, and a bundle built without it).
 */
function workerUrl(): URL {
  if (!import.meta.url.endsWith(".ts")) {
    const bundled = new URL("./batch-worker.mjs", import.meta.url);
    // Only a worker bundled with this very build (not one left by an older build) is used.
    if (existsSync(bundled) && statSync(bundled).mtimeMs >= statSync(new URL(import.meta.url)).mtimeMs - 5000)
      return bundled;
  }
  return pathToFileURL(join(PROJECT_ROOT, "src", "batch", "batch-worker-bootstrap.mjs"));
}

/**
 * Counts `jobs` (sorted by place, so that neighbours share blocks) in this thread (`workers` ≤ 1) or
 * in `workers` threads, each taking the next run of neighbouring mines when it is free. Each mine's
 * counts depend on the mine and the maps only, so they do not depend on `workers`.
 * Returns the blocks read and served from the caches.
 */
export async function countMines(
  jobs: readonly MineJob[],
  plan: CounterPlan,
  workers: number,
  onResult: (r: MineResult) => void,
): Promise<{ blockReads: number; blockHits: number }> {
  if (jobs.length === 0) return { blockReads: 0, blockHits: 0 };
  if (workers <= 1) {
    const c = await BatchCounter.open(plan);
    try {
      for (const job of jobs) onResult({ index: job.index, ...(await c.count(job)) });
      return { blockReads: c.cache.reads, blockHits: c.cache.hits };
    } finally {
      await c.close();
    }
  }
  const n = Math.min(workers, jobs.length);
  // Runs small enough to balance the threads, large enough that neighbours share a cache.
  const run = Math.max(1, Math.min(32, Math.ceil(jobs.length / (n * 8))));
  let next = 0;
  const stats = Array.from({ length: n }, () => ({ reads: 0, hits: 0 }));
  const threads = Array.from({ length: n }, () => new Worker(workerUrl(), { workerData: {} }));
  try {
    await Promise.all(
      threads.map(
        (w, t) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              const chunk = jobs.slice(next, next + run);
              next += chunk.length;
              w.postMessage({ mines: chunk });
            };
            w.on("error", reject);
            w.on("exit", (code) => {
              if (code !== 0) reject(new Error(`batch worker ${t + 1} stopped (exit code ${code})`));
            });
            w.on("message", (m: Record<string, unknown>) => {
              if ("error" in m) {
                const e = m.error as { message: string; code?: string };
                reject(Object.assign(new Error(e.message), e.code ? { code: e.code } : {}));
              } else if ("ready" in m) give();
              else if ("chunkDone" in m) give();
              else if ("result" in m) {
                const r = m.result as MineResult & { blockReads: number; blockHits: number };
                stats[t] = { reads: r.blockReads, hits: r.blockHits };
                onResult({ index: r.index, counts: r.counts, seconds: r.seconds });
              }
            });
            w.postMessage({ plan });
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return {
    blockReads: stats.reduce((s, x) => s + x.reads, 0),
    blockHits: stats.reduce((s, x) => s + x.hits, 0),
  };
}
