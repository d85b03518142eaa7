import { z } from "zod";
import type { MineInventoryRecord } from "../contract/mine-inventory.ts";
import type { ScenarioDefaults } from "../contract/scenario-defaults.ts";
import type { StoredInventory } from "../storage/inventory-repository.ts";
import {
  PLANNING_ECONOMICS,
  PLANNING_END_YEAR,
  startingMeasure,
} from "../domain/pathway/planning-defaults.ts";
import type { Measure } from "../domain/pathway/scenario-spec.ts";

type MeasureKind = Measure["kind"];

/**
 * The part of a stored inventory's input (the mine's document with its one year, as sent and checked
 * when saved) that says which energy carriers the mine uses in production: what the clean-electricity
 * measure acts on (src/domain/pathway/project-pathway.ts replaces part of the production energy's
 * electricity). Other fields pass through unread.
 */
const productionEnergy = z.looseObject({
  years: z.array(
    z.looseObject({
      year: z.number(),
      energy: z.array(z.looseObject({ carrier: z.string(), amount: z.number() })).optional(),
    }),
  ),
});

/** True when the stored input's year buys electricity for production (an amount above 0). */
export function buysElectricity(input: unknown, year: number): boolean {
  const doc = productionEnergy.safeParse(input);
  if (!doc.success) return false;
  const y = doc.data.years.find((k) => k.year === year);
  return (y?.energy ?? []).some((u) => u.carrier === "electricity" && u.amount > 0);
}

/**
 * The measure kinds a mine's inventory year gives something to act on: energy saving where energy
 * is used; clean electricity where electricity is bought for production (the input's energy
 * carriers: the computed year holds emissions by source, not carriers); methane use and
 * ventilation-air oxidation where underground methane is liberated; reclamation where the boundary
 * holds land; CCS where there is point-source CO2; offsets always. A measure left out would change
 * nothing in the pathway.
 */
export function applicableMeasures(y: MineInventoryRecord["years"][number], input: unknown): MeasureKind[] {
  const out: MeasureKind[] = [];
  if (y.totals.energyTce > 0) out.push("energy-saving");
  if (buysElectricity(input, y.year)) out.push("clean-electricity");
  if (y.methane.undergroundLiberatedTCH4 > 0) out.push("methane-use", "vam-oxidation");
  if (y.boundaryAreaHa > 0) out.push("reclamation");
  // CCS only where there is point-source CO2 to capture; bought offsets act on any balance.
  if (y.ccs.capturableTCO2 > 0) out.push("ccs");
  out.push("offsets");
  return out;
}

/**
 * Where a pathway of each mine of an area starts: its latest inventory year with a result (its
 * year, coal output and gross emissions), the measures that apply to its sources and the levels
 * a planner starts from (none starting after the plan's end year, PLANNING_END_YEAR, answered as
 * `endYear`), and the market prices and discount rate (planning assumptions).
 */
export function scenarioDefaults(inventories: readonly StoredInventory[]): ScenarioDefaults {
  const latest = new Map<string, StoredInventory>();
  for (const i of inventories)
    if (i.result && (latest.get(i.mine)?.year ?? -Infinity) < i.year) latest.set(i.mine, i);
  return {
    economics: PLANNING_ECONOMICS,
    endYear: PLANNING_END_YEAR,
    mines: [...latest.values()].flatMap((i) => {
      const y = i.result?.years[0];
      if (!y) return [];
      const measures = applicableMeasures(y, i.input);
      return [
        {
          mine: i.mine,
          inventoryId: i.id,
          baseYear: y.year,
          coalOutputT: y.coalOutputT,
          grossEmissionTCO2ePerYr: y.totals.grossEmissionTCO2ePerYr,
          measures,
          startingMeasures: measures.map((k) => startingMeasure(k, y.year, PLANNING_END_YEAR)),
        },
      ];
    }),
  };
}
