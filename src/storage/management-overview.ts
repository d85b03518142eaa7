import { sql, type Kysely } from "kysely";
import type { QueryScope } from "../domain/access/policy.ts";
import type { ReportState } from "../domain/manage/report-workflow.ts";
import type { Database } from "./schema.ts";
import { MINE_SCOPE } from "./mine-repository.ts";
import { scopeWhere } from "./scope-filter.ts";

/** One mine on the management overview: who and where, and what is open for the year. */
export interface MineOverviewRow {
  readonly mineId: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly organisationId: string;
  readonly organisationName: string | null;
  readonly organisationNameZh: string | null;
  readonly regionCode: string;
  readonly stage: string;
  /** The mining-right boundary's bounding box [west, south, east, north] in degrees, or null. */
  readonly bbox: readonly [number, number, number, number] | null;
  readonly report: { readonly id: string; readonly state: ReportState; readonly updatedAt: Date } | null;
  readonly openFlags: number;
  readonly flagKinds: readonly string[];
  readonly openNotices: number;
  readonly escalatedNotices: number;
  readonly earliestNoticeDeadline: Date | null;
}

/** A report that may be waiting for the asking actor (the route asks the policy which it may act on). */
export interface PendingReportRow {
  readonly id: string;
  readonly mineId: string;
  readonly year: number;
  readonly state: ReportState;
  readonly organisationId: string;
  readonly regionCode: string;
  readonly published: boolean;
  readonly verifierOrganisationId: string | null;
  readonly updatedAt: Date;
}

/** The bounding box of a GeoJSON geometry's positions, or null when it has none. */
export function geojsonBbox(g: unknown): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const walk = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    if (v.length >= 2 && typeof v[0] === "number" && typeof v[1] === "number") {
      w = Math.min(w, v[0]);
      e = Math.max(e, v[0]);
      s = Math.min(s, v[1]);
      n = Math.max(n, v[1]);
      return;
    }
    for (const x of v) walk(x);
  };
  const root = g as { coordinates?: unknown; geometry?: { coordinates?: unknown } } | null;
  walk(root?.coordinates ?? root?.geometry?.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/**
 * The management overview's reads (issue 13), a fixed number of queries whatever the number of
 * mines: the mines `mineScope` lets the actor see with their year's report, open flags and open
 * notices; the reports not yet final that `reportScope` lets it read.
 */
export class ManagementOverviewQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async mines(mineScope: QueryScope, year: number): Promise<MineOverviewRow[]> {
    const mines = await this.db
      .selectFrom("mines")
      .leftJoin("organisations", "organisations.id", "mines.organisation_id")
      .select([
        "mines.id",
        "mines.name",
        "mines.name_zh",
        "mines.organisation_id",
        "mines.region_code",
        "mines.stage",
        "mines.mining_right_boundary",
        "organisations.name as organisation_name",
        "organisations.name_zh as organisation_name_zh",
      ])
      .where(scopeWhere(mineScope, MINE_SCOPE))
      .orderBy("mines.id")
      .execute();
    if (mines.length === 0) return [];
    const ids = mines.map((m) => String(m.id));
    // The lists of ids are passed as one array parameter: 10⁴ mines stay one statement.
    const idList = sql`any(${sql.val(ids)}::bigint[])`;
    const [reports, flags, notices] = await Promise.all([
      this.db
        .selectFrom("annual_reports")
        .select(["id", "mine_id", "state", "updated_at"])
        .where("year", "=", year)
        .where(sql<boolean>`mine_id = ${idList}`)
        .execute(),
      this.db
        .selectFrom("flags")
        .select([
          "mine_id",
          sql<string>`count(*)`.as("n"),
          sql<string[]>`array_agg(distinct kind)`.as("kinds"),
        ])
        .where("status", "=", "open")
        .where(sql<boolean>`mine_id = ${idList}`)
        .groupBy("mine_id")
        .execute(),
      this.db
        .selectFrom("notices")
        .select([
          "mine_id",
          sql<string>`count(*) filter (where state in ('open', 'responded'))`.as("open"),
          sql<string>`count(*) filter (where state = 'escalated')`.as("escalated"),
          // As text: a date column's JavaScript value depends on the driver and the process's time zone.
          sql<
            string | null
          >`to_char(min(deadline) filter (where state in ('open', 'responded')), 'YYYY-MM-DD')`.as(
            "earliest",
          ),
        ])
        .where(sql<boolean>`mine_id = ${idList}`)
        .groupBy("mine_id")
        .execute(),
    ]);
    const reportOf = new Map(reports.map((r) => [String(r.mine_id), r]));
    const flagsOf = new Map(flags.map((f) => [String(f.mine_id), f]));
    const noticesOf = new Map(notices.map((n) => [String(n.mine_id), n]));
    return mines.map((m) => {
      const id = String(m.id);
      const r = reportOf.get(id);
      const f = flagsOf.get(id);
      const n = noticesOf.get(id);
      return {
        mineId: id,
        name: m.name,
        nameZh: m.name_zh,
        organisationId: String(m.organisation_id),
        organisationName: m.organisation_name ?? null,
        organisationNameZh: m.organisation_name_zh ?? null,
        regionCode: m.region_code,
        stage: m.stage,
        bbox: geojsonBbox(m.mining_right_boundary),
        report: r ? { id: String(r.id), state: r.state, updatedAt: new Date(r.updated_at) } : null,
        openFlags: Number(f?.n ?? 0),
        flagKinds: [...(f?.kinds ?? [])].sort(),
        openNotices: Number(n?.open ?? 0),
        escalatedNotices: Number(n?.escalated ?? 0),
        // A date column: the end of that day in China Standard Time is when the deadline passes.
        earliestNoticeDeadline: n?.earliest ? endOfDayCst(n.earliest) : null,
      };
    });
  }

  /**
   * The reports in `states` (those the actor could move on: the route says which) that `scope`
   * (annual-report.read) lets the actor read, oldest change first. Filtered by state here, so that
   * reports the actor may read but not act on (a regulator's view of drafts) never crowd the limit.
   */
  async pendingReports(
    scope: QueryScope,
    states: readonly ReportState[],
    limit: number,
  ): Promise<PendingReportRow[]> {
    if (states.length === 0) return [];
    const rows = await this.db
      .selectFrom("annual_reports")
      .select([
        "id",
        "mine_id",
        "year",
        "state",
        "organisation_id",
        "region_code",
        "published",
        "verifier_organisation_id",
        "updated_at",
      ])
      .where("state", "in", states)
      .where(
        scopeWhere(scope, {
          organisation: "annual_reports.organisation_id",
          region: "annual_reports.region_code",
          published: "annual_reports.published",
          assignedVia: (ids) => sql<boolean>`annual_reports.verifier_organisation_id in (${sql.join(ids)})`,
        }),
      )
      .orderBy("updated_at")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      mineId: String(r.mine_id),
      year: r.year,
      state: r.state,
      organisationId: String(r.organisation_id),
      regionCode: r.region_code,
      published: r.published,
      verifierOrganisationId: r.verifier_organisation_id === null ? null : String(r.verifier_organisation_id),
      updatedAt: new Date(r.updated_at),
    }));
  }

  /** Public feedback not yet answered that `scope` (feedback.read) lets the actor read. */
  async feedbackAwaiting(scope: QueryScope): Promise<number> {
    const r = await this.db
      .selectFrom("feedback")
      .select(sql<string>`count(*)`.as("n"))
      .where("status", "=", "received")
      .where(scopeWhere(scope, { organisation: "feedback.organisation_id", region: "feedback.region_code" }))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

/** The end of a calendar day "YYYY-MM-DD" in China Standard Time (UTC+8). */
function endOfDayCst(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 23 - 8, 59, 59));
}
