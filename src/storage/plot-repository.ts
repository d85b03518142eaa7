import type { Kysely, Selectable } from "kysely";
import {
  observedLandUseSchema,
  type ObservedLandUse,
  type PlotRecord,
  type PlotStage,
} from "../contract/plot.ts";
import { isRowId } from "./access-input.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** A plot of a mine, as stored. */
export interface Plot {
  readonly id: string;
  readonly mineId: string;
  readonly name: string;
  /** GeoJSON Polygon or MultiPolygon in EPSG:4326. */
  readonly geometry: unknown;
  readonly areaHa: number;
  readonly declaredRole: string | null;
  readonly stage: PlotStage;
  readonly ruleId: string | null;
  readonly observed: ObservedLandUse | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PlotInput {
  readonly name: string;
  readonly geometry: unknown;
  readonly areaHa: number;
  readonly declaredRole?: string | null;
  readonly stage?: PlotStage;
}

export const plotJson = (p: Plot): PlotRecord => ({
  id: p.id,
  mineId: p.mineId,
  name: p.name,
  geometry: p.geometry,
  areaHa: p.areaHa,
  declaredRole: p.declaredRole,
  stage: p.stage,
  ruleId: p.ruleId,
  observed: p.observed,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

const toPlot = (r: Selectable<Database["plots"]>): Plot => ({
  id: String(r.id),
  mineId: String(r.mine_id),
  name: r.name,
  geometry: r.geometry,
  areaHa: Number(r.area_ha),
  declaredRole: r.declared_role,
  stage: r.stage,
  ruleId: r.rule_id === null ? null : String(r.rule_id),
  observed:
    r.observed === null
      ? null
      : parseStored(observedLandUseSchema, r.observed, {
          table: "plots",
          id: String(r.id),
          column: "observed",
        }),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/**
 * The plots of mines (issue 13): polygons in WGS 84 with the enterprise's declared land use and
 * stage, the regulator's control rule, and what the latest land-use analysis sees in them. Read
 * with their mine (row-level security: the mine's readers); written in mine-record:write.
 */
export class PlotRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<Plot | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.db.selectFrom("plots").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toPlot(r) : undefined;
  }

  /** A mine's plots by id. */
  async forMine(mineId: string): Promise<Plot[]> {
    if (!isRowId(mineId)) return [];
    const rows = await this.db
      .selectFrom("plots")
      .selectAll()
      .where("mine_id", "=", mineId)
      .orderBy("id")
      .execute();
    return rows.map(toPlot);
  }

  /** Adds plots to a mine, in order; with `replace`, the mine's plots are deleted first (returns how many). */
  async addAll(
    mineId: string,
    plots: readonly PlotInput[],
    o: { replace?: boolean } = {},
  ): Promise<{ plots: Plot[]; replaced: number }> {
    let replaced = 0;
    if (o.replace) {
      const r = await this.db.deleteFrom("plots").where("mine_id", "=", mineId).executeTakeFirst();
      replaced = Number(r.numDeletedRows);
    }
    if (plots.length === 0) return { plots: [], replaced };
    const rows = await this.db
      .insertInto("plots")
      .values(
        plots.map((p) => ({
          mine_id: mineId,
          name: p.name,
          geometry: JSON.stringify(p.geometry),
          area_ha: p.areaHa,
          declared_role: p.declaredRole ?? null,
          stage: p.stage ?? "mining",
        })),
      )
      .returningAll()
      .execute();
    return { plots: rows.map(toPlot).sort((a, b) => Number(a.id) - Number(b.id)), replaced };
  }

  async update(
    id: string,
    change: { name?: string; declaredRole?: string | null; stage?: PlotStage; ruleId?: string | null },
  ): Promise<Plot | undefined> {
    const r = await this.db
      .updateTable("plots")
      .set({
        updated_at: new Date(),
        ...(change.name !== undefined ? { name: change.name.trim() } : {}),
        ...(change.declaredRole !== undefined ? { declared_role: change.declaredRole } : {}),
        ...(change.stage !== undefined ? { stage: change.stage } : {}),
        ...(change.ruleId !== undefined ? { rule_id: change.ruleId } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return r ? toPlot(r) : undefined;
  }

  /** A plot's new polygon and area (a re-import): what the map saw of the old one is cleared. */
  async reshape(id: string, geometry: unknown, areaHa: number): Promise<Plot | undefined> {
    const r = await this.db
      .updateTable("plots")
      .set({ geometry: JSON.stringify(geometry), area_ha: areaHa, observed: null, updated_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return r ? toPlot(r) : undefined;
  }

  /** Stores what the map sees in each plot (null clears it). */
  async setObserved(id: string, observed: ObservedLandUse | null): Promise<Plot | undefined> {
    const r = await this.db
      .updateTable("plots")
      .set({ observed: observed === null ? null : JSON.stringify(observed), updated_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return r ? toPlot(r) : undefined;
  }

  /**
   * What refers to the plot and keeps it from being deleted: the reclamation plan's item and the
   * supervision flags about it (a flag's subject is the plot's id as text).
   */
  async referrers(id: string): Promise<{ planItems: number; flags: number }> {
    const items = await this.db
      .selectFrom("reclamation_plan_items")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("plot_id", "=", id)
      .executeTakeFirstOrThrow();
    const flags = await this.db
      .selectFrom("flags")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("subject_kind", "=", "plot")
      .where("subject_id", "=", id)
      .executeTakeFirstOrThrow();
    return { planItems: Number(items.n), flags: Number(flags.n) };
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("plots").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
