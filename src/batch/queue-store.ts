import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { journalEntrySchema, type JournalEntry } from "./mine-journal.ts";

/**
 * The tables of a batch counted across machines (migration 010_batch.sql): the batch with its plan,
 * and each counted mine's record keyed by (batch, mine, key). Plain SQL over a pg pool: src/batch
 * is an adapter under src/storage, and these two tables are its own (the CLI runs the migrations
 * through src/storage before it opens this).
 */

/** What every job of a batch needs besides its mines: the maps in year order and the cache size. */
export const batchPlanSchema = z.object({
  /** Absolute paths: every worker must reach the maps at these paths (shared storage). */
  paths: z.array(z.string()).min(2),
  /** Each map's size in bytes, which a worker checks before counting (a missing or other file is refused). */
  bytes: z.array(z.number().int().nonnegative()),
  years: z.array(z.number().int()).min(2),
  cacheMiB: z.number().int().positive(),
});
export type BatchPlan = z.infer<typeof batchPlanSchema>;

/** A batch as `batch status` shows it. */
export interface BatchRow {
  readonly id: string;
  readonly startedBy: string;
  readonly startedFrom: string;
  readonly createdAt: Date;
  readonly plan: BatchPlan;
  readonly mines: number;
  readonly jobs: number;
  readonly pixelYears: number;
  readonly finishedAt: Date | null;
}

export class QueueStore {
  constructor(readonly pool: Pool) {}

  /** Records a batch, or takes up the one of the same id (the same inputs) started before. */
  async saveBatch(b: {
    id: string;
    startedFrom: string;
    plan: BatchPlan;
    mines: number;
    jobs: number;
    pixelYears: number;
  }): Promise<void> {
    await this.pool.query(
      `INSERT INTO batches (id, started_from, plan, mines, jobs, pixels)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET jobs = batches.jobs + EXCLUDED.jobs, finished_at = NULL`,
      [b.id, b.startedFrom, JSON.stringify(b.plan), b.mines, b.jobs, b.pixelYears],
    );
  }

  async batch(id: string): Promise<BatchRow | undefined> {
    const r = await this.pool.query<{
      id: string;
      started_by: string;
      started_from: string;
      created_at: Date;
      plan: unknown;
      mines: number;
      jobs: number;
      pixels: number;
      finished_at: Date | null;
    }>(`SELECT * FROM batches WHERE id = $1`, [id]);
    const row = r.rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      startedBy: row.started_by,
      startedFrom: row.started_from,
      createdAt: row.created_at,
      plan: batchPlanSchema.parse(row.plan),
      mines: row.mines,
      jobs: row.jobs,
      pixelYears: row.pixels,
      finishedAt: row.finished_at,
    };
  }

  async finish(id: string): Promise<void> {
    await this.pool.query(`UPDATE batches SET finished_at = now() WHERE id = $1`, [id]);
  }

  /**
   * Writes the records of one job's mines in ONE transaction; a mine already recorded under the
   * same key (the job delivered twice, or retried after its worker died) is left as it is, so that
   * no row is doubled and no job leaves part of its rows. Returns the rows added.
   */
  async writeResults(
    batchId: string,
    jobId: string,
    worker: string,
    records: readonly (JournalEntry & { pixelYears: number })[],
  ): Promise<number> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const known = await client.query(`SELECT 1 FROM batches WHERE id = $1 FOR SHARE`, [batchId]);
      if (known.rowCount !== 1) throw new Error(`batch ${batchId} is not in the database (deleted?)`);
      let added = 0;
      for (const r of records) {
        const { pixelYears, ...record } = r;
        const res = await client.query(
          `INSERT INTO batch_mine_results (batch_id, mine_id, key, pixels, record, job_id, worker)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [batchId, r.id, r.key, pixelYears, JSON.stringify(record), jobId, worker],
        );
        added += res.rowCount ?? 0;
      }
      await client.query("COMMIT");
      return added;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** The (mine, key) pairs recorded for a batch, as "mine\u0000key". */
  async recordedKeys(batchId: string): Promise<Set<string>> {
    const r = await this.pool.query<{ mine_id: string; key: string }>(
      `SELECT mine_id, key FROM batch_mine_results WHERE batch_id = $1`,
      [batchId],
    );
    return new Set(r.rows.map((x) => `${x.mine_id}\u0000${x.key}`));
  }

  /** Mines recorded and their pixels × years. */
  async progress(batchId: string): Promise<{ mines: number; pixelYears: number }> {
    const r = await this.pool.query<{ mines: string; pixels: string | null }>(
      `SELECT count(*) AS mines, sum(pixels) AS pixels FROM batch_mine_results WHERE batch_id = $1`,
      [batchId],
    );
    return { mines: Number(r.rows[0]!.mines), pixelYears: Number(r.rows[0]!.pixels ?? 0) };
  }

  /** The records of these mines (id and key), by "mine\u0000key". */
  async records(
    batchId: string,
    mines: readonly { id: string; key: string }[],
  ): Promise<Map<string, JournalEntry>> {
    const r = await this.pool.query<{ mine_id: string; key: string; record: unknown }>(
      `SELECT r.mine_id, r.key, r.record FROM batch_mine_results r
       JOIN unnest($2::text[], $3::text[]) AS m(mine_id, key) ON m.mine_id = r.mine_id AND m.key = r.key
       WHERE r.batch_id = $1`,
      [batchId, mines.map((m) => m.id), mines.map((m) => m.key)],
    );
    return new Map(r.rows.map((x) => [`${x.mine_id}\u0000${x.key}`, journalEntrySchema.parse(x.record)]));
  }

  /** Which worker counted how many mines of the batch. */
  async byWorker(batchId: string): Promise<{ worker: string; mines: number }[]> {
    const r = await this.pool.query<{ worker: string; mines: string }>(
      `SELECT worker, count(*) AS mines FROM batch_mine_results WHERE batch_id = $1 GROUP BY worker ORDER BY worker`,
      [batchId],
    );
    return r.rows.map((x) => ({ worker: x.worker, mines: Number(x.mines) }));
  }
}
