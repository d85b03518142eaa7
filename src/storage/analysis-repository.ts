import type { Kysely } from "kysely";
import { z } from "zod";
import {
  jobErrorSchema,
  landuseResultSchema,
  type LanduseResultRecord,
} from "../contract/analysis-record.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

export type AnalysisStatus = "queued" | "running" | "done" | "failed";

/** An analysis run as a job: its inputs, progress and result (or error). */
export interface Analysis {
  readonly id: string;
  readonly areaId: string;
  readonly kind: "landuse" | "budget" | "inventory";
  readonly status: AnalysisStatus;
  readonly percent: number;
  readonly params: unknown;
  readonly factorLibraryVersion: string | null;
  /** The land-use result, parsed against its declared schema; null until done or when not read. */
  readonly result: LanduseResultRecord | null;
  readonly error: z.output<typeof jobErrorSchema> | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
  /** Why the result is stale (a map it was computed from was replaced since), or null. */
  readonly staleReason: string | null;
}

/** Analyses and their state: queued → running (with percent) → done (result) or failed (error). */
export class AnalysisRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(a: { areaId: string; kind: Analysis["kind"]; params: unknown }): Promise<Analysis> {
    const r = await this.db
      .insertInto("analyses")
      .values({ area_id: a.areaId, kind: a.kind, params: JSON.stringify(a.params) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAnalysis(r);
  }

  /**
   * An analysis; its result (a few hundred kB of JSON for a real analysis) only when asked for,
   * since most callers want the state.
   */
  async get(id: string, o: { withResult?: boolean } = {}): Promise<Analysis | undefined> {
    const r = o.withResult
      ? await this.db.selectFrom("analyses").selectAll().where("id", "=", id).executeTakeFirst()
      : await this.db.selectFrom("analyses").select(WITHOUT_RESULT).where("id", "=", id).executeTakeFirst();
    return r ? toAnalysis({ result: null, ...r }) : undefined;
  }

  /** The analyses of an area, newest first, without their results. */
  async forArea(areaId: string): Promise<Analysis[]> {
    const rows = await this.db
      .selectFrom("analyses")
      .select(WITHOUT_RESULT)
      .where("area_id", "=", areaId)
      .orderBy("id", "desc")
      .execute();
    return rows.map((r) => toAnalysis({ result: null, ...r }));
  }

  /** Ids of the jobs not yet finished (queued or interrupted while running), oldest first. */
  async unfinished(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("analyses")
      .select("id")
      .where("status", "in", ["queued", "running"])
      .orderBy("id")
      .execute();
    return rows.map((r) => String(r.id));
  }

  /**
   * A job starts (or starts again, resumed after a restart): running at 0 %, and not stale — it reads
   * its area's inputs now, so a stale mark left from an earlier, interrupted run is cleared. A mark
   * made while it runs stays with its result.
   */
  async start(id: string): Promise<void> {
    await this.db
      .updateTable("analyses")
      .set({ status: "running", percent: 0, stale_reason: null })
      .where("id", "=", id)
      .where("status", "in", ["queued", "running"])
      .execute();
  }

  async progress(id: string, percent: number): Promise<void> {
    await this.db
      .updateTable("analyses")
      .set({ status: "running", percent: Math.max(0, Math.min(100, percent)) })
      .where("id", "=", id)
      .where("status", "in", ["queued", "running"])
      .execute();
  }

  async finish(id: string, result: unknown, factorLibraryVersion: string | null): Promise<void> {
    await this.db
      .updateTable("analyses")
      .set({
        status: "done",
        percent: 100,
        result: JSON.stringify(result),
        factor_library_version: factorLibraryVersion,
        finished_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
  }

  /**
   * Marks the land-use analyses of an area that read the map of `year` as stale, with the reason;
   * returns their ids. An analysis without a list of years read every map of its area.
   */
  async markStale(areaId: string, year: number, reason: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("analyses")
      .select(["id", "params"])
      .where("area_id", "=", areaId)
      .where("kind", "=", "landuse")
      .where("status", "in", ["running", "done"])
      .execute();
    const ids = rows
      .filter((r) => {
        const years = STORED_YEARS.safeParse(r.params).data?.years;
        return years === undefined || years.includes(year);
      })
      .map((r) => String(r.id));
    if (ids.length)
      await this.db.updateTable("analyses").set({ stale_reason: reason }).where("id", "in", ids).execute();
    return ids;
  }

  /** Marks every analysis of an area as stale, with the reason (its legend changed); returns their ids. */
  async markAreaStale(areaId: string, reason: string): Promise<string[]> {
    const rows = await this.db
      .updateTable("analyses")
      .set({ stale_reason: reason })
      .where("area_id", "=", areaId)
      // A queued job reads the area's inputs when it runs; one running or done has read them.
      .where("status", "in", ["running", "done"])
      .returning("id")
      .execute();
    return rows.map((r) => String(r.id));
  }

  async fail(id: string, error: { code: string; message: string; details?: unknown }): Promise<void> {
    await this.db
      .updateTable("analyses")
      .set({ status: "failed", error: JSON.stringify(error), finished_at: new Date() })
      .where("id", "=", id)
      .execute();
  }
}

/** The years an analysis's stored params name (all of its area's maps when none). */
const STORED_YEARS = z.looseObject({ years: z.array(z.number()).optional() });

const WITHOUT_RESULT = [
  "id",
  "area_id",
  "kind",
  "status",
  "percent",
  "params",
  "factor_library_version",
  "error",
  "created_at",
  "finished_at",
  "stale_reason",
] as const;

type Row = {
  id: string | number;
  area_id: string | number;
  kind: Analysis["kind"];
  status: AnalysisStatus;
  percent: number;
  params: unknown;
  factor_library_version: string | null;
  result: unknown;
  error: unknown;
  created_at: Date | string;
  finished_at: Date | string | null;
  stale_reason: string | null;
};

const toAnalysis = (r: Row): Analysis => {
  const where = (column: string) => ({ table: "analyses", id: String(r.id), column });
  return {
    id: String(r.id),
    areaId: String(r.area_id),
    kind: r.kind,
    status: r.status,
    percent: Number(r.percent),
    params: r.params,
    factorLibraryVersion: r.factor_library_version,
    // Only land-use analyses are run as jobs; a result of another kind would not be read here.
    result:
      r.result === null || r.result === undefined
        ? null
        : parseStored(landuseResultSchema, r.result, where("result")),
    error:
      r.error === null || r.error === undefined ? null : parseStored(jobErrorSchema, r.error, where("error")),
    createdAt: new Date(r.created_at),
    finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
    staleReason: r.stale_reason,
  };
};
