import type { Kysely, Selectable } from "kysely";
import { storedLegendSchema, type StoredLegend } from "../contract/area.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** A mining area as stored: the unit an account is kept for (seed 002: the mining-field boundary). */
export interface MiningArea {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly crs: string | null;
  /** The legend (code → class) its maps use. */
  readonly legend: StoredLegend;
  /** The boundary as GeoJSON, or null. */
  readonly boundary: unknown;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface MiningAreaInput {
  readonly name: string;
  readonly nameZh?: string | null;
  readonly crs?: string | null;
  readonly legend: StoredLegend;
  readonly boundary?: unknown;
}

type Row = Selectable<Database["mining_areas"]>;

const toArea = (r: Row): MiningArea => ({
  id: String(r.id),
  name: r.name,
  nameZh: r.name_zh,
  crs: r.crs,
  legend: parseStored(storedLegendSchema, r.legend, {
    table: "mining_areas",
    id: String(r.id),
    column: "legend",
  }),
  boundary: r.boundary,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Mining areas: create, read, list, update, delete (maps, analyses and inventories go with them). */
export class MiningAreaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(a: MiningAreaInput): Promise<MiningArea> {
    const r = await this.db
      .insertInto("mining_areas")
      .values({
        name: a.name,
        name_zh: a.nameZh ?? null,
        crs: a.crs ?? null,
        legend: JSON.stringify(a.legend),
        boundary: a.boundary === undefined || a.boundary === null ? null : JSON.stringify(a.boundary),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toArea(r);
  }

  async get(id: string): Promise<MiningArea | undefined> {
    const r = await this.db.selectFrom("mining_areas").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toArea(r) : undefined;
  }

  async list(): Promise<MiningArea[]> {
    return (await this.db.selectFrom("mining_areas").selectAll().orderBy("id").execute()).map(toArea);
  }

  async update(id: string, a: Partial<MiningAreaInput>): Promise<MiningArea | undefined> {
    const r = await this.db
      .updateTable("mining_areas")
      .set({
        ...(a.name !== undefined ? { name: a.name } : {}),
        ...(a.nameZh !== undefined ? { name_zh: a.nameZh } : {}),
        ...(a.crs !== undefined ? { crs: a.crs } : {}),
        ...(a.legend !== undefined ? { legend: JSON.stringify(a.legend) } : {}),
        ...(a.boundary !== undefined
          ? { boundary: a.boundary === null ? null : JSON.stringify(a.boundary) }
          : {}),
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return r ? toArea(r) : undefined;
  }

  /** Deletes an area and everything stored for it; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("mining_areas").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
