import type { Kysely, Selectable } from "kysely";
import type { Database } from "./schema.ts";

/** A mine's activity data for one year (the inventory file's content) and its computed result. */
export interface StoredInventory {
  readonly id: string;
  readonly areaId: string;
  readonly mine: string;
  readonly year: number;
  readonly input: unknown;
  readonly result: unknown;
  readonly updatedAt: Date;
}

/** Inventories per mine and year; saving again replaces the year's data and result. */
export class InventoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async save(i: {
    areaId: string;
    mine: string;
    year: number;
    input: unknown;
    result?: unknown;
  }): Promise<StoredInventory> {
    const result = i.result === undefined ? null : JSON.stringify(i.result);
    const r = await this.db
      .insertInto("inventories")
      .values({ area_id: i.areaId, mine: i.mine, year: i.year, input: JSON.stringify(i.input), result })
      .onConflict((oc) =>
        oc
          .columns(["area_id", "mine", "year"])
          .doUpdateSet({ input: JSON.stringify(i.input), result, updated_at: new Date() }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toInventory(r);
  }

  async get(id: string): Promise<StoredInventory | undefined> {
    const r = await this.db.selectFrom("inventories").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toInventory(r) : undefined;
  }

  /** Stores a recomputed result for an inventory whose input is unchanged. */
  async setResult(id: string, result: unknown): Promise<void> {
    await this.db
      .updateTable("inventories")
      .set({ result: JSON.stringify(result), updated_at: new Date() })
      .where("id", "=", id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("inventories").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async forArea(areaId: string): Promise<StoredInventory[]> {
    const rows = await this.db
      .selectFrom("inventories")
      .selectAll()
      .where("area_id", "=", areaId)
      .orderBy("mine")
      .orderBy("year")
      .execute();
    return rows.map(toInventory);
  }
}

const toInventory = (r: Selectable<Database["inventories"]>): StoredInventory => ({
  id: String(r.id),
  areaId: String(r.area_id),
  mine: r.mine,
  year: r.year,
  input: r.input,
  result: r.result,
  updatedAt: new Date(r.updated_at),
});
