import { parseInventoryInput } from "../../domain/mine/inventory-spec.ts";
import { mineInventory, type MineInventory } from "../../domain/mine/mine-inventory.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readInputFile } from "../../io/read-input-file.ts";

export interface InventoryOptions {
  gwp?: string;
  sinkReading?: string;
  factors?: string[];
  draws?: number;
  seed?: number;
}

/** Reads, checks and computes an inventory file (`minecarbon inventory`); --gwp and --sink-reading win over the file. */
export function runInventory(file: string, options: InventoryOptions): MineInventory {
  const table = factorTable(options.factors ?? []);
  const raw = readInputFile(file) as Record<string, unknown>;
  const doc = {
    ...raw,
    ...(options.gwp ? { gwp: options.gwp } : {}),
    ...(options.sinkReading ? { sinkReading: options.sinkReading } : {}),
  };
  return mineInventory(parseInventoryInput(doc, file, table), table, file, {
    uncertainty: {
      ...(options.draws !== undefined ? { draws: options.draws } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    },
  });
}
