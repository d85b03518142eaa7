import { WORK_BOUNDS } from "../common/input-bounds.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { parseInventoryInput, type InventoryYearInput } from "../mine/inventory-spec.ts";
import { InputError } from "../validation/input-issue.ts";
import type { Scenario } from "./scenario-spec.ts";

/** Measures that change a year's activity data: each costs one more inventory a year (for its effect). */
const ACTIVITY_MEASURES: ReadonlySet<string> = new Set([
  "energy-saving",
  "clean-electricity",
  "methane-use",
  "vam-oxidation",
]);

/** The rows of one inventory year (its sources and sinks), plus a fixed cost for checking and totals. */
export function inventoryRows(y: InventoryYearInput): number {
  return (
    WORK_BOUNDS.rowsPerInventory +
    y.energy.length +
    y.residential.length +
    y.transport.length +
    y.agricultural.energy.length +
    y.agricultural.inputs.length +
    y.methane.underground.length +
    y.methane.utilised.length +
    (y.methane.flared?.amounts.length ?? 0) +
    y.co2Fugitive.length +
    y.explosives.length +
    y.sinks.forest.length +
    y.sinks.ecosystems.length
  );
}

/**
 * The work a pathway takes, in inventory rows computed: every projected year computes the
 * inventory once, once more per measure on activity data (its effect), and twice per Monte Carlo
 * draw. The bounds on each count (years, measures, rows, draws) alone still allow hours in
 * combination (1,000 rows × 50 measures × 300 years); this bounds the product (WORK_BOUNDS).
 */
export function pathwayWork(
  scenario: Scenario,
  baseYear: InventoryYearInput,
  draws: number,
): { rows: number; years: number; inventoriesPerYear: number; total: number } {
  const rows = inventoryRows(baseYear);
  const years = Math.max(0, scenario.endYear - baseYear.year + 1);
  const activity = scenario.measures.filter((m) => ACTIVITY_MEASURES.has(m.kind)).length;
  const inventoriesPerYear = 1 + activity + 2 * draws;
  return { rows, years, inventoriesPerYear, total: rows * years * inventoriesPerYear };
}

/**
 * Refuses a pathway whose work exceeds WORK_BOUNDS.pathwayRows before anything is projected, naming
 * the draws when they are what makes it too large, else the measures. A baseline that is no
 * inventory or lacks the year is left to projectPathway, which names its problems.
 */
export function checkPathwayWork(
  scenario: Scenario,
  baselineDoc: unknown,
  table: FactorTable,
  source: string,
  draws: number,
): void {
  const baseline = parseInventoryInput(baselineDoc, source, table);
  const wanted = scenario.baseline.year;
  const base = wanted === undefined ? baseline.years.at(-1) : baseline.years.find((y) => y.year === wanted);
  if (!base) return;
  const w = pathwayWork(scenario, base, draws);
  const max = WORK_BOUNDS.pathwayRows;
  if (w.total <= max) return;
  const fmt = (n: number) => n.toLocaleString("en-US");
  const how = `${fmt(w.rows)} rows of the base year × ${w.years} years × ${fmt(w.inventoriesPerYear)} inventories a year (1 + one per measure on activity data + 2 per draw) = ${fmt(w.total)} rows, more than the ${fmt(max)} a pathway may take (about 30 s)`;
  const mostDraws = Math.floor((max / (w.rows * w.years) - (w.inventoriesPerYear - 2 * draws)) / 2);
  throw new InputError(source, [
    draws > 0 && mostDraws >= 1
      ? {
          path: "uncertainty.draws",
          message: `(or --draws) must be ≤ ${fmt(mostDraws)} for this pathway: ${how}; got ${fmt(draws)}`,
        }
      : {
          path: "measures",
          message: `make the pathway too large to compute: ${how}; project fewer years, measures on activity data or draws`,
        },
  ]);
}
