import type { Kysely, Selectable } from "kysely";
import { mapGridSchema } from "../contract/landuse-map.ts";
import type { z } from "zod";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** A map's grid as stored: describeGrid's numbers, with the nodata value (and the code histogram). */
export type StoredGrid = z.output<typeof mapGridSchema>;

/** A land-use map of one year of a mining area: the file kept on disk, with what was checked on arrival. */
export interface StoredMap {
  readonly id: string;
  readonly areaId: string;
  readonly year: number;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly grid: StoredGrid;
  readonly createdAt: Date;
}

export type StoredMapInput = Omit<StoredMap, "id" | "createdAt">;

/** The maps of mining areas, one per area and year. */
export class LanduseMapRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a map (replacing the area's map of that year) in one statement. */
  async put(m: StoredMapInput): Promise<StoredMap> {
    const r = await this.db
      .insertInto("landuse_maps")
      .values({
        area_id: m.areaId,
        year: m.year,
        path: m.path,
        sha256: m.sha256,
        bytes: m.bytes,
        grid: JSON.stringify(m.grid),
      })
      .onConflict((oc) =>
        oc.columns(["area_id", "year"]).doUpdateSet({
          path: m.path,
          sha256: m.sha256,
          bytes: m.bytes,
          grid: JSON.stringify(m.grid),
          created_at: new Date(),
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStoredMap(r);
  }

  /** The maps of an area by year. */
  async forArea(areaId: string): Promise<StoredMap[]> {
    const rows = await this.db
      .selectFrom("landuse_maps")
      .selectAll()
      .where("area_id", "=", areaId)
      .orderBy("year")
      .execute();
    return rows.map(toStoredMap);
  }
}

const toStoredMap = (r: Selectable<Database["landuse_maps"]>): StoredMap => ({
  id: String(r.id),
  areaId: String(r.area_id),
  year: r.year,
  path: r.path,
  sha256: r.sha256,
  bytes: Number(r.bytes),
  grid: parseStored(mapGridSchema, r.grid, { table: "landuse_maps", id: String(r.id), column: "grid" }),
  createdAt: new Date(r.created_at),
});
