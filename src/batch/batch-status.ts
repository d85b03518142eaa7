import type { Pool } from "pg";
import { deadLetters, jobStates, type DeadLetter } from "./batch-queue.ts";
import { QueueStore } from "./queue-store.ts";

/** What `minecarbon batch status ID` shows (and prints with --json). */
export interface BatchStatus {
  readonly id: string;
  readonly startedBy: string;
  readonly startedFrom: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly years: number[];
  readonly maps: string[];
  /** Countable mines of the batch, and those recorded. */
  readonly mines: { readonly total: number; readonly counted: number };
  /** Pixels × years of the countable mines, and of those recorded. */
  readonly pixelYears: { readonly total: number; readonly counted: number };
  /** The batch's jobs by pg-boss state (created, retry, active, completed, failed, …). */
  readonly jobs: Record<string, number>;
  /** Which worker (host:pid) recorded how many mines. */
  readonly workers: { worker: string; mines: number }[];
  /** Jobs that failed after their retries, with their mines and last error. */
  readonly deadLetters: DeadLetter[];
}

/** The state of batch `id`; undefined when the database has no such batch (or this role may not see it). */
export async function batchStatus(databaseUrl: string, id: string): Promise<BatchStatus | undefined> {
  const { default: pg } = await import("pg");
  const pool: Pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const store = new QueueStore(pool);
    const b = await store.batch(id);
    if (!b) return undefined;
    const [progress, jobs, workers, dead] = await Promise.all([
      store.progress(id),
      jobStates(pool, id).catch(() => ({})),
      store.byWorker(id),
      deadLetters(pool, id).catch(() => []),
    ]);
    return {
      id: b.id,
      startedBy: b.startedBy,
      startedFrom: b.startedFrom,
      createdAt: b.createdAt.toISOString(),
      finishedAt: b.finishedAt?.toISOString() ?? null,
      years: b.plan.years,
      maps: b.plan.paths,
      mines: { total: b.mines, counted: progress.mines },
      pixelYears: { total: b.pixelYears, counted: progress.pixelYears },
      jobs,
      workers,
      deadLetters: dead,
    };
  } finally {
    await pool.end();
  }
}

/** The status as lines for a person. */
export function statusLines(s: BatchStatus): string[] {
  const jobs = Object.entries(s.jobs)
    .map(([state, n]) => `${n} ${state}`)
    .join(", ");
  return [
    `batch ${s.id}, started ${s.createdAt} by ${s.startedBy} (${s.startedFrom})${s.finishedAt ? `, finished ${s.finishedAt}` : ""}`,
    `${s.years.length} years (${s.years[0]}–${s.years.at(-1)}), maps ${s.maps[0]} …`,
    `mines counted: ${s.mines.counted} of ${s.mines.total} (${s.mines.total ? ((100 * s.pixelYears.counted) / Math.max(1, s.pixelYears.total)).toFixed(1) : "0"} % of the pixel-years)`,
    `jobs: ${jobs || "none in the queue (archived or deleted)"}`,
    ...(s.workers.length ? [`workers: ${s.workers.map((w) => `${w.worker} ${w.mines}`).join(", ")}`] : []),
    ...(s.deadLetters.length
      ? [
          `dead letters (${s.deadLetters.length}):`,
          ...s.deadLetters.map(
            (d) => `  job ${d.job} after ${d.retries} retries, mines ${d.mines.join(", ")}: ${d.error}`,
          ),
        ]
      : ["dead letters: none"]),
  ];
}
