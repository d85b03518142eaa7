import type { StructureResult } from "../../domain/optimize/optimize-structure.ts";
import type { FactorOverride, FactorUse } from "../../domain/factor/factor.ts";
import { formatFactorsUsed } from "./factors-used.ts";
import { textTable } from "./text-table.ts";

// Results are finite (optimizeStructure checks); a side without a bound is null and left out.
const n = (v: number, d = 2) =>
  v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** The result of `minecarbon optimize` as text: the structure, the criteria, binding constraints. */
export function formatOptimize(
  r: StructureResult & {
    assumptions: string[];
    factors?: { libraryVersion: string; used: readonly FactorUse[]; overrides: readonly FactorOverride[] };
  },
): string {
  const out: string[] = [r.problem, ""];
  if (r.status === "infeasible") {
    out.push("INFEASIBLE: " + r.conflict.explanation);
    for (const c of r.conflict.constraints)
      out.push(
        `  - ${c.name}: ${c.lowerHa === null ? "" : `${n(c.lowerHa)} ≤ `}…${c.upperHa === null ? "" : ` ≤ ${n(c.upperHa)}`} ha`,
      );
  } else if (r.status !== "optimal") out.push(`The solver stopped: ${r.statusText}`);
  else {
    out.push(
      textTable(
        ["class", "current ha", "optimal ha", "change ha", "at bound"],
        r.classes.map((c) => [c.name, n(c.currentHa), n(c.optimalHa), n(c.changeHa), c.atBound ?? ""]),
      ),
      "",
      textTable(
        ["criterion", "current", "optimal", "change", "unit"],
        r.criteria.map((c) => [
          c.criterion === "carbon" ? "net sink" : "economic value",
          n(c.current),
          n(c.optimal),
          n(c.change),
          c.unit,
        ]),
      ),
      "",
      ...(r.criteria[0]?.criterion === "carbon"
        ? [
            "Net sink in parts (t C/yr):",
            textTable(
              ["part", "current", "optimal"],
              [
                [
                  "area × coefficients",
                  n(r.carbonParts.current.landCoefficients),
                  n(r.carbonParts.optimal.landCoefficients),
                ],
                [
                  "energy use held (fixed coal output)",
                  n(r.carbonParts.current.energyHeld),
                  n(r.carbonParts.optimal.energyHeld),
                ],
                [
                  "soil change on conversion",
                  n(r.carbonParts.current.soilChange),
                  n(r.carbonParts.optimal.soilChange),
                ],
              ],
            ),
            "",
          ]
        : []),
      "Binding constraints (shadow price: gain of the objective per ha the bound moves):",
      ...r.binding.map(
        (b) =>
          `  - ${b.name}: ${n(b.activityHa)} ha, shadow price ${n(b.shadowPrice, 4)} ${b.shadowPriceUnit}`,
      ),
      "",
      "Class bounds that hold (shadow price: gain of the objective per ha the bound moves):",
      ...(r.boundPrices.length
        ? r.boundPrices.map(
            (b) =>
              `  - ${b.name} ${b.bound === "max" ? "≤" : "≥"} ${n(b.boundHa)} ha: shadow price ${n(b.shadowPrice, 4)} ${b.shadowPriceUnit}`,
          )
        : ["  (none)"]),
    );
    if (r.fuzzy)
      out.push(
        "",
        `Fuzzy max–min (Zimmermann): λ = ${n(r.fuzzy.lambda, 4)}`,
        ...r.fuzzy.goals.map((g) => `  - ${g.name}: ${n(g.achieved)} within [${n(g.worst)}, ${n(g.best)}]`),
      );
  }
  if (r.notes.length) out.push("", "Notes:", ...r.notes.map((a) => `  - ${a}`));
  if (r.assumptions.length) out.push("", "Assumptions:", ...r.assumptions.map((a) => `  - ${a}`));
  if (r.factors) out.push("", formatFactorsUsed(r.factors));
  return out.join("\n");
}
