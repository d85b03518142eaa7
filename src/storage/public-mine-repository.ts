import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** A public mine's head: names, region, enterprise and boundary (all public facts). */
export interface PublicMineHead {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly region: { readonly code: string; readonly name: string; readonly nameZh: string | null };
  readonly enterprise: { readonly name: string; readonly nameZh: string | null };
  readonly boundary: unknown;
}

/** A published annual report of a public mine, with its latest version's content. */
export interface PublishedReportRow {
  readonly id: string;
  readonly mineId: string;
  readonly year: number;
  readonly content: unknown;
}

/** A target in force of a public mine, as stored (targets.target without id and setBy). */
export interface PublicTargetRow {
  readonly id: string;
  readonly mineId: string;
  readonly setBy: "regulator" | "enterprise";
  readonly target: unknown;
}

const parseJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/**
 * What the public portal reads about mines. A mine is public when it has a published annual report
 * or lies in a published area (as FeedbackRepository.publicMine decides whom feedback may be about).
 * The public holds no grant on mines, so the routes run these reads as the system; each query here
 * therefore restricts itself to public rows: public mines, published reports, targets in force.
 */
export class PublicMineQueries {
  constructor(private readonly db: Kysely<Database>) {}

  /** The public mines (all, or the one of `id`), by id. */
  async mines(id?: string): Promise<PublicMineHead[]> {
    let q = this.db
      .selectFrom("mines")
      .innerJoin("organisations as o", "o.id", "mines.organisation_id")
      .leftJoin("regions as g", "g.code", "mines.region_code")
      .select([
        "mines.id",
        "mines.name",
        "mines.name_zh",
        "mines.region_code",
        "mines.mining_right_boundary",
        "o.name as org_name",
        "o.name_zh as org_name_zh",
        "g.name as region_name",
        "g.name_zh as region_name_zh",
      ])
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("annual_reports")
              .select("annual_reports.id")
              .whereRef("annual_reports.mine_id", "=", "mines.id")
              .where("annual_reports.state", "=", "published"),
          ),
          eb.exists(
            eb
              .selectFrom("area_mines")
              .innerJoin("mining_areas", "mining_areas.id", "area_mines.area_id")
              .select("area_mines.area_id")
              .whereRef("area_mines.mine_id", "=", "mines.id")
              .where("mining_areas.published", "=", true),
          ),
        ]),
      );
    if (id !== undefined) q = q.where("mines.id", "=", id);
    const rows = await q.orderBy("mines.id").execute();
    return rows.map((r) => ({
      id: String(r.id),
      name: r.name,
      nameZh: r.name_zh,
      region: { code: r.region_code, name: r.region_name ?? r.region_code, nameZh: r.region_name_zh ?? null },
      enterprise: { name: r.org_name, nameZh: r.org_name_zh },
      boundary: parseJson(r.mining_right_boundary) ?? null,
    }));
  }

  /** The published reports of the mines (each with its latest version's content), oldest year first. */
  async publishedReports(mineIds: readonly string[]): Promise<PublishedReportRow[]> {
    if (mineIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("annual_reports as r")
      .leftJoin("annual_report_versions as v", (j) =>
        j
          .onRef("v.report_id", "=", "r.id")
          .on(
            "v.number",
            "=",
            sql<number>`(select max(w.number) from annual_report_versions w where w.report_id = r.id)`,
          ),
      )
      .select(["r.id", "r.mine_id", "r.year", "v.content"])
      .where("r.mine_id", "in", [...mineIds])
      .where("r.state", "=", "published")
      .orderBy("r.year")
      .orderBy("r.id")
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      mineId: String(r.mine_id),
      year: r.year,
      content: parseJson(r.content) ?? null,
    }));
  }

  /** The targets in force of a mine (not withdrawn), by id. */
  async targets(mineId: string): Promise<PublicTargetRow[]> {
    const rows = await this.db
      .selectFrom("targets")
      .select(["id", "mine_id", "set_by", "target"])
      .where("mine_id", "=", mineId)
      .where("withdrawn_at", "is", null)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      mineId: String(r.mine_id),
      setBy: r.set_by,
      target: parseJson(r.target),
    }));
  }

  /**
   * The land use the latest analyses observed on the mine's plots (plots.observed), for the
   * evaluation's land-use figures only; the plots themselves are not answered.
   */
  async plotsObserved(mineId: string): Promise<unknown[]> {
    const rows = await this.db
      .selectFrom("plots")
      .select(["observed"])
      .where("mine_id", "=", mineId)
      .where("observed", "is not", null)
      .orderBy("id")
      .execute();
    return rows.map((r) => parseJson(r.observed));
  }
}
