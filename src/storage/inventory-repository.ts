import type { Kysely, Selectable } from "kysely";
import { inventorySchema, type InventoryInput } from "../domain/mine/inventory-spec.ts";
import { mineInventorySchema, type MineInventoryRecord } from "../contract/mine-inventory.ts";
import { parseStored, StoredRowInvalid } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** A mine's activity data for one year (the inventory file's content) and its computed result. */
export interface StoredInventory {
  readonly id: string;
  readonly areaId: string;
  readonly mine: string;
  readonly year: number;
  /** The mine-inventory document of the year (one year), parsed against its spec. */
  readonly input: InventoryInput;
  /** The computed result, parsed against its schema; null when not computed or when it does not parse. */
  readonly result: MineInventoryRecord | null;
  /**
   * Why a stored result could not be read (the row id and the path that does not fit, e.g. a
   * figure stored as null before inputs were bounded), or null. Shown, never dropped silently.
   */
  readonly resultProblem: string | null;
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

function toInventory(r: Selectable<Database["inventories"]>): StoredInventory {
  const id = String(r.id);
  let result: MineInventoryRecord | null = null;
  let resultProblem: string | null = null;
  if (r.result !== null && r.result !== undefined) {
    try {
      result = parseStored(mineInventorySchema, r.result, { table: "inventories", id, column: "result" });
    } catch (e) {
      if (!(e instanceof StoredRowInvalid)) throw e;
      resultProblem = e.message;
    }
  }
  return {
    id,
    areaId: String(r.area_id),
    mine: r.mine,
    year: r.year,
    input: parseStored(inventorySchema, r.input, { table: "inventories", id, column: "input" }),
    result,
    resultProblem,
    updatedAt: new Date(r.updated_at),
  };
}
