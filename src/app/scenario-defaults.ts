import type { MineInventoryRecord } from "../contract/mine-inventory.ts";
import type { ScenarioDefaults } from "../contract/scenario-defaults.ts";
import type { StoredInventory } from "../storage/inventory-repository.ts";
import { PLANNING_ECONOMICS, startingMeasure } from "../domain/pathway/planning-defaults.ts";
import type { Measure } from "../domain/pathway/scenario-spec.ts";

type MeasureKind = Measure["kind"];

/**
 * The measure kinds a mine's inventory year gives something to act on: energy saving where energy
 * is used; clean electricity where electricity is bought (a source whose factors are electricity's);
 * methane use and ventilation-air oxidation where underground methane is liberated; reclamation
 * where the boundary holds land; CCS where there is point-source CO2; offsets always. A measure left
 * out would change nothing in the pathway.
 */
export function applicableMeasures(y: MineInventoryRecord["years"][number]): MeasureKind[] {
  const out: MeasureKind[] = [];
  if (y.totals.energyTce > 0) out.push("energy-saving");
  if (y.sources.some((s) => s.tCO2ePerYr > 0 && s.factorIds.some((f) => /electric/i.test(f))))
    out.push("clean-electricity");
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
 * a planner starts from, and the market prices and discount rate (planning assumptions).
 */
export function scenarioDefaults(inventories: readonly StoredInventory[]): ScenarioDefaults {
  const latest = new Map<string, StoredInventory>();
  for (const i of inventories)
    if (i.result && (latest.get(i.mine)?.year ?? -Infinity) < i.year) latest.set(i.mine, i);
  return {
    economics: PLANNING_ECONOMICS,
    mines: [...latest.values()].flatMap((i) => {
      const y = i.result?.years[0];
      return y
        ? [
            {
              mine: i.mine,
              inventoryId: i.id,
              baseYear: y.year,
              coalOutputT: y.coalOutputT,
              grossEmissionTCO2ePerYr: y.totals.grossEmissionTCO2ePerYr,
              measures: applicableMeasures(y),
              startingMeasures: applicableMeasures(y).map((k) => startingMeasure(k, y.year)),
            },
          ]
        : [];
    }),
  };
}
