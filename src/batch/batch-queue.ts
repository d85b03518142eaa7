import PgBoss from "pg-boss";
import type { Pool } from "pg";
import { z } from "zod";
import type { MineWindow } from "./mine-window.ts";

/**
 * The queue of a batch across machines: pg-boss 10 (PostgreSQL's SKIP LOCKED queue, in the
 * database the application already uses). One queue holds the jobs of every batch (each job a group
 * of mines × all years, its data naming the batch); a job that fails after its retries goes to the
 * dead-letter queue, which no worker takes. pg-boss keeps its tables in the schema `pgboss`, which
 * it creates on start when the role may (docs/batch.md says what to do when it may not).
 */
export const BATCH_QUEUE = "minecarbon-batch";
export const BATCH_DEAD_LETTERS = "minecarbon-batch-dead";
export const PGBOSS_SCHEMA = "pgboss";

/** How long a job may stay active before it is taken as lost and retried, and how often that is checked. */
export interface QueueTiming {
  /** A job active this long (its worker died or hangs) is failed and retried, s. */
  readonly leaseSeconds: number;
  /** How often expired jobs are looked for (pg-boss's maintenance), s. */
  readonly maintenanceSeconds: number;
  /** How often an idle worker asks for a job, s. */
  readonly pollSeconds: number;
}

const envSeconds = (name: string, fallback: number, min: number, max: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new RangeError(`${name} must be a number of seconds ${min} to ${max}; got "${raw}"`);
  return n;
};

/**
 * The queue's timing: by default a 15-minute lease (a job of a few dozen large mines over decades
 * takes minutes), maintenance every 30 s, polling every 2 s. Tests shorten them through
 * MINECARBON_QUEUE_LEASE_SECONDS, MINECARBON_QUEUE_MAINTENANCE_SECONDS, MINECARBON_QUEUE_POLL_SECONDS.
 */
export function queueTiming(leaseSeconds?: number): QueueTiming {
  return {
    leaseSeconds: leaseSeconds ?? envSeconds("MINECARBON_QUEUE_LEASE_SECONDS", 900, 1, 86_400),
    maintenanceSeconds: envSeconds("MINECARBON_QUEUE_MAINTENANCE_SECONDS", 30, 1, 3600),
    pollSeconds: envSeconds("MINECARBON_QUEUE_POLL_SECONDS", 2, 0.5, 600),
  };
}

/** One mine of a job: its id, the key it is recorded under, its pixels on the grid. */
const jobMineSchema = z.object({
  index: z.number().int().nonnegative(),
  id: z.string(),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  row0: z.number().int().nonnegative(),
  row1: z.number().int().nonnegative(),
  col0: z.number().int().nonnegative(),
  col1: z.number().int().nonnegative(),
  pixels: z.number().int().nonnegative(),
  crossesEdge: z.boolean(),
  spans: z.array(z.array(z.number().int())),
});
export const batchJobSchema = z.object({ batch: z.string(), mines: z.array(jobMineSchema).min(1) });
export type BatchJobData = z.infer<typeof batchJobSchema>;
export type JobMine = z.infer<typeof jobMineSchema>;

export const jobMine = (index: number, id: string, key: string, w: MineWindow): JobMine => ({
  index,
  id,
  key,
  row0: w.row0,
  row1: w.row1,
  col0: w.col0,
  col1: w.col1,
  pixels: w.pixels,
  crossesEdge: w.crossesEdge,
  spans: w.spans.map((s) => Array.from(s)),
});

export const windowOf = (m: JobMine): MineWindow => ({
  row0: m.row0,
  row1: m.row1,
  col0: m.col0,
  col1: m.col1,
  pixels: m.pixels,
  crossesEdge: m.crossesEdge,
  spans: m.spans.map((s) => Int32Array.from(s)),
});

/**
 * Starts pg-boss on `url` (creating its schema and the two queues when missing) with the timing's
 * maintenance, which fails and retries jobs whose lease ran out. Errors of its background loops go
 * to `onError`.
 */
export async function startQueue(
  url: string,
  timing: QueueTiming,
  onError: (e: Error) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: PGBOSS_SCHEMA,
    application_name: "minecarbon-batch",
    max: 4,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: timing.maintenanceSeconds,
    // Every job's state is kept a week after it ends, so that `batch status` can show dead letters.
    archiveCompletedAfterSeconds: 7 * 86_400,
    archiveFailedAfterSeconds: 7 * 86_400,
  });
  boss.on("error", onError);
  await boss.start();
  await boss.createQueue(BATCH_DEAD_LETTERS);
  await boss.createQueue(BATCH_QUEUE, { name: BATCH_QUEUE, deadLetter: BATCH_DEAD_LETTERS });
  return boss;
}

/**
 * Installs pg-boss's schema and the batch queues on `ownerUrl` (run under the migrations' lock, so
 * that workers starting together do not race to create them) and, with `appRole`, lets that role
 * use them without creating anything: for an application role that may not create schemas
 * (docs/batch.md; `ownerUrl` is then MINECARBON_MIGRATION_URL's). Idempotent.
 */
export async function installQueue(ownerUrl: string, appRole?: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: PGBOSS_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    await boss.createQueue(BATCH_DEAD_LETTERS);
    await boss.createQueue(BATCH_QUEUE, { name: BATCH_QUEUE, deadLetter: BATCH_DEAD_LETTERS });
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  if (appRole === undefined) return;
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const role = (await c.query<{ r: string }>("SELECT quote_ident($1) AS r", [appRole])).rows[0]!.r;
    for (const grant of [
      `GRANT USAGE ON SCHEMA ${PGBOSS_SCHEMA} TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${PGBOSS_SCHEMA} TO ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${PGBOSS_SCHEMA} TO ${role}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${PGBOSS_SCHEMA} TO ${role}`,
    ])
      await c.query(grant);
  } finally {
    await c.end();
  }
}

/** Counts of a batch's jobs by pg-boss state (created, retry, active, completed, cancelled, failed). */
export async function jobStates(pool: Pool, batchId: string): Promise<Record<string, number>> {
  const r = await pool.query<{ state: string; n: string }>(
    `SELECT state::text AS state, count(*) AS n FROM ${PGBOSS_SCHEMA}.job
     WHERE name = $1 AND data->>'batch' = $2 GROUP BY state`,
    [BATCH_QUEUE, batchId],
  );
  return Object.fromEntries(r.rows.map((x) => [x.state, Number(x.n)]));
}

/** Jobs of a batch that pg-boss still holds: waiting, to be retried, or active. */
export const jobsLeft = (s: Record<string, number>) => (s.created ?? 0) + (s.retry ?? 0) + (s.active ?? 0);

/** The mine ids of a batch's jobs that are still waiting, to be retried or active. */
export async function minesInFlight(pool: Pool, batchId: string): Promise<Set<string>> {
  const r = await pool.query<{ id: string }>(
    `SELECT jsonb_array_elements(data->'mines')->>'id' AS id FROM ${PGBOSS_SCHEMA}.job
     WHERE name = $1 AND data->>'batch' = $2 AND state IN ('created', 'retry', 'active')`,
    [BATCH_QUEUE, batchId],
  );
  return new Set(r.rows.map((x) => x.id));
}

/** A job of the batch that failed after its retries, with its mines and last error. */
export interface DeadLetter {
  readonly job: string;
  readonly mines: string[];
  readonly error: string;
  readonly retries: number;
}

const errorText = (output: unknown): string => {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  if (typeof o?.message === "string") return o.message;
  if (typeof o?.value?.message === "string") return o.value.message;
  if (typeof o?.value === "string") return o.value;
  return output === null || output === undefined ? "(no error recorded)" : JSON.stringify(output);
};

/** The batch's jobs that failed after their retries (in the queue or already archived), oldest first. */
export async function deadLetters(pool: Pool, batchId: string): Promise<DeadLetter[]> {
  const r = await pool.query<{ id: string; data: unknown; output: unknown; retry_count: number }>(
    `SELECT id, data, output, retry_count, completed_on FROM ${PGBOSS_SCHEMA}.job
       WHERE name = $1 AND data->>'batch' = $2 AND state = 'failed'
     UNION ALL
     SELECT id, data, output, retry_count, completed_on FROM ${PGBOSS_SCHEMA}.archive
       WHERE name = $1 AND data->>'batch' = $2 AND state = 'failed'
     ORDER BY completed_on, id`,
    [BATCH_QUEUE, batchId],
  );
  return r.rows.map((x) => ({
    job: x.id,
    mines: batchJobSchema.parse(x.data).mines.map((m) => m.id),
    error: errorText(x.output),
    retries: x.retry_count,
  }));
}
