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

/** Why a stored result could not be read, as answered beside it. */
const resultProblemSchema = z
  .string()
  .nullable()
  .meta({ description: "why the stored result could not be read (row and path), or null" });

/**
 * An inventory as the area's list answers it: the summary, and with `?withResult=true` its computed
 * result too (for charts of every mine and year in one request).
 */
export const inventoryListItemSchema = inventorySummarySchema.extend({
  result: mineInventorySchema.nullable().optional().meta({
    description: "the computed result (null when not computed or unreadable); only with withResult=true",
  }),
  resultProblem: resultProblemSchema.optional(),
});
export type InventoryListItem = z.infer<typeof inventoryListItemSchema>;

/** A stored inventory with its input document and computed result. */
export const inventoryRecordSchema = inventorySummarySchema
  .extend({
    input: inventorySchema.describe(
      "the mine-inventory document of the year, as read (defaults filled in): the body of POST /api/areas/{id}/inventories cut to this year",
    ),
    result: mineInventorySchema.nullable(),
    resultProblem: resultProblemSchema,
  })
  .meta({ id: "Inventory" });
export type InventoryRecord = z.infer<typeof inventoryRecordSchema>;
