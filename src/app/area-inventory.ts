import { z } from "zod";
import { parseInventoryInput } from "../domain/mine/inventory-spec.ts";
import { mineInventory, type MineInventory } from "../domain/mine/mine-inventory.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { factorTable } from "../factors/load-factor-library.ts";

const RAW_DOCUMENT = z.looseObject({ years: z.array(z.looseObject({ year: z.unknown() })) });

/** One mine-year of an inventory document: the document cut to that year, and its computed result. */
export interface InventoryYear {
  readonly mine: string;
  readonly year: number;
  readonly input: Record<string, unknown>;
  readonly result: MineInventory;
}

/**
 * Checks an inventory document (the `mine-inventory` file format as JSON) and computes it year by
 * year, as stored: one row per mine and year. Problems are reported with the document's own paths
 * (`years[0].energy[1].amount`), all at once.
 */
export function inventoryYears(doc: unknown, source: string): InventoryYear[] {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    throw new InputError(source, [{ path: "", message: "must be a mine-inventory document (an object)" }]);
  const table = factorTable();
  const checked = parseInventoryInput(doc, source, table);
  // The document as sent (checked above): each stored row keeps its own year's part unchanged.
  const raw = RAW_DOCUMENT.parse(doc);
  const rawYears = raw.years;
  return checked.years.map((y) => {
    const input = { ...raw, years: [rawYears.find((r) => r.year === y.year)] };
    const one = parseInventoryInput(input, source, table);
    return { mine: checked.mine, year: y.year, input, result: mineInventory(one, table.fresh(), source) };
  });
}
