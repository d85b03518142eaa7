import { z } from "zod";
import { inventorySchema } from "../domain/mine/inventory-spec.ts";
import { mineInventorySchema } from "./mine-inventory.ts";

/** The year's totals shown in lists (the first year's `totals` of the result). */
const totalsSchema = mineInventorySchema.shape.years.element.shape.totals;

/** A stored inventory (one mine-year) as listed. Version 1. */
export const inventorySummarySchema = z.object({
  id: z.string(),
  areaId: z.string(),
  mine: z.string(),
  year: z.number().int(),
  updatedAt: z.string(),
  totals: totalsSchema.nullable(),
});

/** A stored inventory with its input document and computed result. */
export const inventoryRecordSchema = inventorySummarySchema
  .extend({
    input: inventorySchema.describe(
      "the mine-inventory document of the year, as read (defaults filled in): the body of POST /api/areas/{id}/inventories cut to this year",
    ),
    result: mineInventorySchema.nullable(),
    resultProblem: z
      .string()
      .nullable()
      .meta({ description: "why the stored result could not be read (row and path), or null" }),
  })
  .meta({ id: "Inventory" });
export type InventoryRecord = z.infer<typeof inventoryRecordSchema>;
