import { createHash, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import { resolve } from "node:path";
import type { Pool } from "pg";
import { BatchProgress } from "./batch-progress.ts";
import {
  BATCH_DEAD_LETTERS,
  BATCH_QUEUE,
  deadLetters,
  jobMine,
  jobsLeft,
  jobStates,
  minesInFlight,
  startQueue,
  queueTiming,
  type BatchJobData,
  type DeadLetter,
} from "./batch-queue.ts";
import type { BatchSummary } from "./batch-summary.ts";
import { MineJournal } from "./mine-journal.ts";
import type { PlacedMine } from "./mine-polygons.ts";
import { QueueStore } from "./queue-store.ts";
import { finishBatch, placeOrder, prepareBatch, type BatchInput } from "./run-batch.ts";

/** What `minecarbon batch --queue` takes besides the batch's inputs. */
export interface QueueOptions {
  /** postgres://… of the database the workers reach too. */
  readonly databaseUrl: string;
  /** Mines per job (each job counts its mines over all years). */
  readonly groupSize: number;
  /** Retries of a failed job before it goes to the dead letters. */
  readonly retries: number;
  /** Seconds a job may stay active before it is taken as lost and retried (default: queueTiming). */
  readonly leaseSeconds?: number | undefined;
  /** How often progress is read from the database, ms. */
  readonly pollMs?: number;
}

/** The default mines per job: enough to share decoded blocks between neighbours, small enough to spread. */
export const DEFAULT_GROUP_SIZE = 16;

/** A batch that finished with dead letters: outputs were written for what succeeded. */
export class BatchIncomplete extends Error {
  constructor(
    readonly batchId: string,
    readonly deadLetters: readonly DeadLetter[],
  ) {
    super(
      `batch ${batchId}: ${deadLetters.length} job${deadLetters.length === 1 ? "" : "s"} failed after their retries, so their mines are not counted (the outputs hold the others):\n${deadLetters
        .map((d) => `  job ${d.job} (mines ${d.mines.join(", ")}): ${d.error}`)
        .join("\n")}\nSee them with: minecarbon batch status ${batchId}`,
    );
  }
}

/**
 * The id of a batch: the SHA-256 of every countable mine's key (engine, id, geometry, maps' years and
 * fingerprints) and the maps' paths, shortened. Starting the same batch again takes up the results
 * already recorded and the jobs still queued.
 */
export function batchIdOf(keys: readonly string[], paths: readonly string[]): string {
  return createHash("sha256")
    .update(JSON.stringify([keys, paths]))
    .digest("hex")
    .slice(0, 16);
}

/**
 * Counts a batch through the queue across machines: places the mines, records the batch, sends a
 * job for each group of neighbouring mines not yet recorded nor queued, and waits while workers
 * (`minecarbon worker`, anywhere) count them, showing progress; then writes the same outputs as
 * runBatch from the recorded results. It counts nothing itself. Dead letters: the outputs hold
 * the rest, and BatchIncomplete is thrown after writing them.
 */
export async function runQueuedBatch(o: BatchInput, q: QueueOptions): Promise<BatchSummary> {
  const p = await prepareBatch(o);
  const { placed, keys, years } = p;
  mkdirSync(o.out, { recursive: true });
  const countable = placed.filter(
    (m): m is PlacedMine & { window: NonNullable<PlacedMine["window"]> } => m.window !== undefined,
  );
  const batchId = batchIdOf(
    countable.map((m) => keys.get(m.index)!),
    o.maps.map((m) => resolve(m.path)),
  );
  const timing = queueTiming(q.leaseSeconds);
  const { default: pg } = await import("pg");
  const pool: Pool = new pg.Pool({ connectionString: q.databaseUrl, max: 3 });
  const store = new QueueStore(pool);
  const boss = await startQueue(q.databaseUrl, timing, (e) => o.tell?.(`queue: ${e.message}`));
  try {
    // Resume: mines recorded under their key, and mines in jobs still queued, are not sent again.
    const recorded = await store.recordedKeys(batchId).catch(() => new Set<string>());
    const inFlight = await minesInFlight(pool, batchId);
    const resumed = countable.filter((m) => recorded.has(`${m.id}\u0000${keys.get(m.index)!}`)).length;
    const toSend = countable
      .filter((m) => !recorded.has(`${m.id}\u0000${keys.get(m.index)!}`) && !inFlight.has(m.id))
      .map((m) => ({ m, z: placeOrder(p, m.window) }))
      .sort((a, b) => a.z - b.z || a.m.index - b.m.index)
      .map((x) => x.m);
    const groups: (typeof toSend)[] = [];
    for (let i = 0; i < toSend.length; i += q.groupSize) groups.push(toSend.slice(i, i + q.groupSize));
    const pixelYears = countable.reduce((s, m) => s + m.window.pixels * years.length, 0);
    await store.saveBatch({
      id: batchId,
      startedFrom: `${userInfo().username}@${hostname()}`,
      plan: {
        paths: o.maps.map((m) => resolve(m.path)),
        bytes: p.maps.map((m) => m.bytes),
        years,
        cacheMiB: o.cacheMiB ?? 256,
      },
      mines: countable.length,
      jobs: groups.length,
      pixelYears,
    });
    const jobs = groups.map((g) => ({
      id: randomUUID(),
      name: BATCH_QUEUE,
      data: {
        batch: batchId,
        mines: g.map((m) => jobMine(m.index, m.id, keys.get(m.index)!, m.window)),
      } satisfies BatchJobData,
      retryLimit: q.retries,
      expireInSeconds: timing.leaseSeconds,
      deadLetter: BATCH_DEAD_LETTERS,
    }));
    for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));
    o.tell?.(
      `batch ${batchId}: ${jobs.length} jobs of up to ${q.groupSize} mines queued${resumed ? `, ${resumed} mines already counted` : ""}${inFlight.size ? `, ${inFlight.size} mines in jobs queued before` : ""}; start workers with: minecarbon worker`,
    );
    // Wait, showing progress, until every mine is recorded or no job of the batch is left.
    const done0 = await store.progress(batchId);
    const bar = o.progress
      ? new BatchProgress(o.progress, countable.length - done0.mines, pixelYears - done0.pixelYears)
      : undefined;
    const tCount = performance.now();
    let now = done0;
    for (;;) {
      now = await store.progress(batchId);
      bar?.set(now.mines - done0.mines, now.pixelYears - done0.pixelYears);
      if (now.mines >= countable.length) break;
      if (jobsLeft(await jobStates(pool, batchId)) === 0) {
        now = await store.progress(batchId);
        break;
      }
      await new Promise((r) => setTimeout(r, q.pollMs ?? 500));
    }
    bar?.finish();
    const countSeconds = (performance.now() - tCount) / 1000;
    // Outputs from the recorded results, in the mines file's order, a page at a time.
    const dead = (await deadLetters(pool, batchId)).filter((d) => d.mines.length > 0);
    const failures = new Map<number, string>();
    // The results go through the local journal (DIR/.journal) so that the outputs are written one
    // mine at a time, as runBatch does, whatever the number of mines and years.
    const journal = new MineJournal(o.out);
    const entries = new Set<number>();
    for (let i = 0; i < countable.length; i += 500) {
      const page = countable.slice(i, i + 500);
      const got = await store.records(
        batchId,
        page.map((m) => ({ id: m.id, key: keys.get(m.index)! })),
      );
      for (const m of page) {
        const e = got.get(`${m.id}\u0000${keys.get(m.index)!}`);
        if (e) {
          journal.write(e);
          entries.add(m.index);
        }
      }
    }
    const missing = countable.filter((m) => !entries.has(m.index));
    const missingIds = new Set(missing.map((m) => m.id));
    const stillDead = dead.filter((d) => d.mines.some((id) => missingIds.has(id)));
    for (const m of missing) {
      const d = stillDead.find((x) => x.mines.includes(m.id));
      failures.set(
        m.index,
        d ? `job ${d.job} failed after ${d.retries} retries: ${d.error}` : "not counted (no job left for it)",
      );
    }
    const summary = finishBatch(
      p,
      (m) => (entries.has(m.index) ? journal.read(m.id, keys.get(m.index)!) : undefined),
      {
        counted: entries.size,
        resumed,
        pixelsCounted: now.pixelYears - done0.pixelYears,
        countSeconds,
        workers: 0,
        blockReads: 0,
        blockHits: 0,
        queue: { batchId, jobs: jobs.length, deadLetters: stillDead },
      },
      failures,
    );
    if (missing.length === 0) await store.finish(batchId);
    if (stillDead.length) throw Object.assign(new BatchIncomplete(batchId, stillDead), { summary });
    return summary;
  } finally {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    await pool.end();
  }
}
