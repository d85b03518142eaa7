import { WORK_BOUNDS } from "../common/input-bounds.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { parseInventoryInput, type InventoryInput, type InventoryYearInput } from "../mine/inventory-spec.ts";
import { InputError, type InputIssue } from "../validation/input-issue.ts";
import { reclamationCapProblems } from "./check-scenario.ts";
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
    (y.methane.vamOxidised?.amounts.length ?? 0) +
    y.co2Fugitive.length +
    y.explosives.length +
    y.sinks.forest.length +
    y.sinks.ecosystems.length
  );
}

/**
 * Monte Carlo draws of a compiled pathway (compilePathway) per inventory row: a draw evaluates each
 * base-year row of each year in about 15 ns (bench/pathway-draws.ts), an inventory row takes 4–12 µs.
 */
export const DRAWS_PER_INVENTORY = 250;

/**
 * The work a pathway takes, in inventory rows computed: every projected year computes the
 * inventory once, once more per measure on activity data (its effect); with draws, three more (the
 * compiled model's inventories and the projection it is checked against) and 1/250 per draw. The
 * bounds on each count (years, measures, rows, draws) alone still allow hours in combination (1,000
 * rows × 50 measures × 300 years); this bounds the product (WORK_BOUNDS).
 */
export function pathwayWork(
  scenario: Scenario,
  baseYear: InventoryYearInput,
  draws: number,
): { rows: number; years: number; inventoriesPerYear: number; total: number } {
  const rows = inventoryRows(baseYear);
  const years = Math.max(0, scenario.endYear - baseYear.year + 1);
  const activity = scenario.measures.filter((m) => ACTIVITY_MEASURES.has(m.kind)).length;
  const inventoriesPerYear = 1 + activity + (draws > 0 ? 3 + draws / DRAWS_PER_INVENTORY : 0);
  return { rows, years, inventoriesPerYear, total: rows * years * inventoriesPerYear };
}

/**
 * The problem with a pathway whose work exceeds WORK_BOUNDS.pathwayRows, at the scenario's own field:
 * the draws when they are what makes it too large, else the measures; undefined when it fits. A
 * baseline that lacks the year is left to projectPathway, which names it.
 */
export function pathwayWorkProblem(
  scenario: Scenario,
  baseline: InventoryInput,
  draws: number,
): InputIssue | undefined {
  const wanted = scenario.baseline.year;
  const base = wanted === undefined ? baseline.years.at(-1) : baseline.years.find((y) => y.year === wanted);
  if (!base) return undefined;
  const w = pathwayWork(scenario, base, draws);
  const max = WORK_BOUNDS.pathwayRows;
  if (w.total <= max) return undefined;
  const fmt = (n: number) => n.toLocaleString("en-US");
  const how = `${fmt(w.rows)} rows of the base year × ${w.years} years × ${fmt(w.inventoriesPerYear)} inventories a year (1 + one per measure on activity data + 3 and 1/${DRAWS_PER_INVENTORY} per draw) = ${fmt(w.total)} rows, more than the ${fmt(max)} a pathway may take (about 20 s)`;
  const fixed = w.inventoriesPerYear - (draws > 0 ? draws / DRAWS_PER_INVENTORY : 0);
  const mostDraws = Math.floor((max / (w.rows * w.years) - fixed) * DRAWS_PER_INVENTORY);
  return draws > 0 && mostDraws >= 1
    ? {
        path: "uncertainty.draws",
        message: `(or --draws) must be ≤ ${fmt(mostDraws)} for this pathway: ${how}; got ${fmt(draws)}`,
      }
    : {
        path: "measures",
        message: `make the pathway too large to compute: ${how}; project fewer years, measures on activity data or draws`,
      };
}

/**
 * Refuses a pathway whose work is too large (pathwayWorkProblem), or that reclaims more land than
 * its baseline has (reclamationCapProblems), before anything is projected: the baseline's own
 * problems named in `baselineSource`, the scenario's in `scenarioSource`.
 */
export function checkPathwayWork(
  scenario: Scenario,
  baselineDoc: unknown,
  table: FactorTable,
  baselineSource: string,
  scenarioSource: string,
  draws: number,
): void {
  const baseline = parseInventoryInput(baselineDoc, baselineSource, table);
  const problems = pathwayProblems(scenario, baseline, draws);
  if (problems.length) throw new InputError(scenarioSource, problems);
}

/**
 * The scenario's own problems with a parsed baseline, at the scenario's fields: a pathway too large
 * to compute (then nothing else is checked), or reclamation of more land than the baseline has.
 */
export function pathwayProblems(scenario: Scenario, baseline: InventoryInput, draws: number): InputIssue[] {
  const problem = pathwayWorkProblem(scenario, baseline, draws);
  if (problem) return [problem];
  const wanted = scenario.baseline.year;
  const base = wanted === undefined ? baseline.years.at(-1) : baseline.years.find((y) => y.year === wanted);
  return base ? reclamationCapProblems(scenario, base) : [];
}
