import { statSync } from "node:fs";
import { hostname } from "node:os";
import type { Pool } from "pg";
import { BatchCounter } from "./batch-counter.ts";
import { BATCH_QUEUE, batchJobSchema, queueTiming, startQueue, windowOf } from "./batch-queue.ts";
import { QueueStore, type BatchPlan } from "./queue-store.ts";
import { mineRecord } from "./run-batch.ts";

/** What `minecarbon worker` takes. */
export interface WorkerOptions {
  readonly databaseUrl: string;
  /** Tells each job as it starts and ends, and errors (stderr). */
  readonly log: (line: string) => void;
  /** Resolves when the worker is to stop (SIGINT/SIGTERM). */
  readonly stopped: Promise<void>;
}

/** Counters kept open between jobs: the maps of the last batches stay open and their blocks cached. */
const KEEP_COUNTERS = 2;

/**
 * Runs batch jobs until `stopped`: takes one job at a time from the queue, counts its mines over
 * every year of its batch's maps (paths read from the batch's plan: they must be reachable here),
 * and writes their records in one transaction; pg-boss then completes the job. When stopped, the
 * current job is finished (within its lease) or, failing that, given back to be retried; then the
 * worker exits. Returns the jobs done.
 */
export async function runQueueWorker(o: WorkerOptions): Promise<number> {
  const timing = queueTiming();
  const name = `${hostname()}:${process.pid}`;
  const { default: pg } = await import("pg");
  const pool: Pool = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
  const store = new QueueStore(pool);
  const counters = new Map<string, Promise<BatchCounter>>();
  const boss = await startQueue(o.databaseUrl, timing, (e) => o.log(`queue: ${e.message}`));
  let done = 0;
  const counterOf = (batchId: string, plan: BatchPlan) => {
    let c = counters.get(batchId);
    if (!c) {
      plan.paths.forEach((path, i) => {
        const bytes = statSync(path).size;
        if (bytes !== plan.bytes[i])
          throw new Error(
            `${path} has ${bytes} bytes on ${hostname()}, where batch ${batchId} was started with ${plan.bytes[i]}: not the same map`,
          );
      });
      c = BatchCounter.open({ paths: plan.paths, cacheBytes: plan.cacheMiB * 2 ** 20 });
      c.catch(() => counters.delete(batchId));
      counters.set(batchId, c);
      while (counters.size > KEEP_COUNTERS) {
        const [oldest, closing] = counters.entries().next().value!;
        counters.delete(oldest);
        void closing.then((x) => x.close()).catch(() => undefined);
      }
    }
    return c;
  };
  try {
    await boss.work(
      BATCH_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: timing.pollSeconds, includeMetadata: true },
      async ([job]) => {
        const data = batchJobSchema.parse(job!.data);
        o.log(
          `job ${job!.id} active: batch ${data.batch}, ${data.mines.length} mines (${data.mines[0]!.id} … ${data.mines.at(-1)!.id}), attempt ${job!.retryCount + 1}`,
        );
        try {
          const batch = await store.batch(data.batch);
          if (!batch) throw new Error(`batch ${data.batch} is not in the database (deleted?)`);
          const counter = await counterOf(batch.id, batch.plan);
          const records = [];
          for (const m of data.mines) {
            const window = windowOf(m);
            const r = await counter.count({ index: m.index, id: m.id, window });
            records.push({
              ...mineRecord({ id: m.id, window }, m.key, counter.rowAreaHa, r),
              pixelYears: m.pixels * batch.plan.years.length,
            });
          }
          const added = await store.writeResults(batch.id, job!.id, name, records);
          done++;
          o.log(
            `job ${job!.id} done: ${added} of ${records.length} mines recorded${added < records.length ? " (the others were already: a repeated delivery)" : ""}`,
          );
        } catch (e) {
          o.log(
            `job ${job!.id} failed (attempt ${job!.retryCount + 1} of ${job!.retryLimit + 1}): ${(e as Error).message}`,
          );
          throw e;
        }
      },
    );
    o.log(`worker ${name} waiting for jobs (lease ${timing.leaseSeconds} s)`);
    await o.stopped;
    o.log(`worker ${name} stopping: finishing the current job`);
  } finally {
    // Graceful: waits for the job in hand up to its lease, then fails it so that it is retried.
    await boss.stop({ graceful: true, wait: true, timeout: timing.leaseSeconds * 1000 });
    await Promise.all([...counters.values()].map((c) => c.then((x) => x.close()).catch(() => undefined)));
    await pool.end();
  }
  return done;
}
