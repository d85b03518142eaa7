import type { LpSolution } from "./lp-model.ts";
import { near } from "./near.ts";
import type { StructureProblem } from "./structure-problem.ts";

/**
 * A class bound that holds at the optimum, with its shadow price: the reduced cost of the class's
 * area, i.e. how much the objective would gain per hectare the bound moved (e.g. what one more
 * hectare of forest's reclamation cap is worth, or what a floor costs).
 */
export interface BoundPrice {
  readonly key: string;
  readonly name: string;
  readonly bound: "min" | "max";
  readonly boundHa: number;
  /** d objective / d bound, in `shadowPriceUnit` (0 when degenerate). */
  readonly shadowPrice: number;
  readonly shadowPriceUnit: string;
}

/**
 * The shadow prices of the class bounds (minHa, including a floor of 0 ha, and maxHa) that hold at
 * the optimum, read from the solver's reduced costs. Rows are priced by their duals; a bound on a
 * variable is not a row, so without these its value would go unreported (issue 10, item 9).
 */
export function boundPrices(p: StructureProblem, sol: LpSolution, unit: string): BoundPrice[] {
  const out: BoundPrice[] = [];
  for (const c of p.classes) {
    const x = sol.values.get(c.key);
    if (x === undefined) continue;
    const d = sol.reducedCosts.get(c.key) ?? 0;
    const bound = near(x, c.maxHa) ? "max" : near(x, c.minHa) ? "min" : undefined;
    if (!bound) continue;
    out.push({
      key: c.key,
      name: c.name,
      bound,
      boundHa: bound === "max" ? c.maxHa : c.minHa,
      shadowPrice: d === 0 ? 0 : d,
      shadowPriceUnit: unit,
    });
  }
  return out;
}
