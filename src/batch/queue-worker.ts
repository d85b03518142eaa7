import { statSync } from "node:fs";
import { hostname } from "node:os";
import type { Pool } from "pg";
import type PgBoss from "pg-boss";
import { BatchCounter } from "./batch-counter.ts";
import { BATCH_QUEUE, batchJobSchema, queueTiming, startQueue, windowOf } from "./batch-queue.ts";
import { QueueStore, type BatchPlan } from "./queue-store.ts";
import { mineRecord } from "./run-batch.ts";

/** What `minecarbon worker` takes. */
export interface WorkerOptions {
  readonly databaseUrl: string;
  /** Tells each job as it starts and ends, and errors (stderr). */
  readonly log: (line: string) => void;
  /** Resolves when the worker is to stop (SIGINT/SIGTERM): after the job in hand. */
  readonly stopped: Promise<void>;
  /** Resolves when it is to stop at once (a second signal): the job in hand is given back. */
  readonly forced?: Promise<void>;
}

/** Counters kept open between jobs: the maps of the last batches stay open and their blocks cached. */
const KEEP_COUNTERS = 2;

/**
 * Runs batch jobs until `stopped`: takes one job at a time from the queue, counts its mines over
 * every year of its batch's maps (paths read from the batch's plan: they must be reachable here),
 * and writes their records in one transaction; pg-boss then completes the job. When stopped, the
 * current job is finished; then the
 * worker exits (a second signal gives it back to be retried at once). Returns the jobs done.
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
  const handle = async (job: PgBoss.JobWithMetadata<unknown>): Promise<void> => {
    const data = batchJobSchema.parse(job.data);
    o.log(
      `job ${job.id} active: batch ${data.batch}, ${data.mines.length} mines (${data.mines[0]!.id} … ${data.mines.at(-1)!.id}), attempt ${job.retryCount + 1}`,
    );
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
    const added = await store.writeResults(batch.id, job.id, name, records);
    o.log(
      `job ${job.id} done: ${added} of ${records.length} mines recorded${added < records.length ? " (the others were already: a repeated delivery)" : ""}`,
    );
  };
  let stopping = false;
  let wake: (() => void) | undefined;
  void o.stopped.then(() => {
    stopping = true;
    o.log(`worker ${name} stopping: finishing the job in hand`);
    wake?.();
  });
  let inHand: string | undefined;
  // A second signal gives the job in hand back to the queue (failed now, retried elsewhere).
  void o.forced?.then(async () => {
    if (inHand) {
      o.log(`job ${inHand} given back to be retried`);
      await boss.fail(BATCH_QUEUE, inHand, { message: `worker ${name} was stopped during the job` });
    }
    process.exit(1);
  });
  try {
    o.log(`worker ${name} waiting for jobs`);
    // One job at a time, the next fetched as soon as one ends (pg-boss's work() would wait its
    // polling interval after each job); idle, it asks again every pollSeconds.
    while (!stopping) {
      const [job] = await boss.fetch<unknown>(BATCH_QUEUE, { batchSize: 1, includeMetadata: true });
      if (!job) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, timing.pollSeconds * 1000);
        });
        continue;
      }
      inHand = job.id;
      try {
        await handle(job);
        await boss.complete(BATCH_QUEUE, job.id);
        done++;
      } catch (e) {
        o.log(
          `job ${job.id} failed (attempt ${job.retryCount + 1} of ${job.retryLimit + 1}): ${(e as Error).message}`,
        );
        await boss.fail(BATCH_QUEUE, job.id, e as object);
      }
      inHand = undefined;
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
    await Promise.all([...counters.values()].map((c) => c.then((x) => x.close()).catch(() => undefined)));
    await pool.end();
  }
  return done;
}
