import type { Kysely, Selectable } from "kysely";
import type { Database } from "./schema.ts";

/** A generated report file, of an analysis or of an inventory. */
export interface StoredReport {
  readonly id: string;
  readonly analysisId: string | null;
  readonly inventoryId: string | null;
  readonly format: "html" | "pdf";
  readonly path: string;
  readonly createdAt: Date;
}

/** Reports: recorded once their file is complete on disk. */
export class ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(r: Omit<StoredReport, "id" | "createdAt">): Promise<StoredReport> {
    const row = await this.db
      .insertInto("reports")
      .values({ analysis_id: r.analysisId, inventory_id: r.inventoryId, format: r.format, path: r.path })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReport(row);
  }

  /** The files of every report of an area (of its analyses and its inventories). */
  async pathsForArea(areaId: string): Promise<string[]> {
    const rows = await this.ofArea(areaId).select("reports.path").execute();
    return rows.map((r) => r.path);
  }

  /** The ids of every report of an area (of its analyses and its inventories). */
  async idsForArea(areaId: string): Promise<string[]> {
    const rows = await this.ofArea(areaId).select("reports.id").execute();
    return rows.map((r) => String(r.id));
  }

  /** The reports of an area: those of its analyses and those of its inventories. */
  private ofArea(areaId: string) {
    return this.db
      .selectFrom("reports")
      .leftJoin("analyses", "analyses.id", "reports.analysis_id")
      .leftJoin("inventories", "inventories.id", "reports.inventory_id")
      .where((eb) => eb.or([eb("analyses.area_id", "=", areaId), eb("inventories.area_id", "=", areaId)]));
  }

  async get(id: string): Promise<StoredReport | undefined> {
    const row = await this.db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toReport(row) : undefined;
  }
}

const toReport = (r: Selectable<Database["reports"]>): StoredReport => ({
  id: String(r.id),
  analysisId: r.analysis_id === null ? null : String(r.analysis_id),
  inventoryId: r.inventory_id === null ? null : String(r.inventory_id),
  format: r.format,
  path: r.path,
  createdAt: new Date(r.created_at),
});
