import {
  scenarioEconomics,
  type MeasureCost,
  type ScenarioEconomics,
} from "../economics/scenario-economics.ts";
import type { FactorUse } from "../factor/factor.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { assertFiniteResult } from "../validation/finite-result.ts";
import { parseInventoryInput } from "../mine/inventory-spec.ts";
import { mineInventory } from "../mine/mine-inventory.ts";
import { pathwayBands, type PathwayBands } from "./pathway-uncertainty.ts";
import { checkPathwayWork } from "./pathway-work.ts";
import { projectPathway, SOIL_TRANSITION_FACTOR, type PathwayResult } from "./project-pathway.ts";
import type { Scenario } from "./scenario-spec.ts";

export type ScenarioResult = PathwayResult & {
  readonly economics: ScenarioEconomics | null;
  readonly bands: PathwayBands | null;
  /** Every factor the pathway used (base and end year inventories, prices), with its source. */
  readonly factorsUsed: readonly FactorUse[];
};

/** A scenario's pathway and, when it has an economics block, its costs (the CLI and the API share this). */
export function runScenario(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
  /** Where the scenario itself came from (its file), to name its own fields; the baseline's by default. */
  scenarioSource: string = source,
): ScenarioResult {
  checkPathwayWork(scenario, baseline, table, source, scenarioSource, scenario.uncertainty?.draws ?? 0);
  const inputs = new Map<number, Record<string, unknown>>();
  const pathway = projectPathway(scenario, baseline, table, source, {
    onInput: (year, input) => inputs.set(year, input),
  });
  // The factors of the base year and of the end year (with every measure in force) cover what the
  // pathway used; the prices come from the table the economics read.
  const used = new Map<string, FactorUse>();
  for (const year of [pathway.baseYear, scenario.endYear]) {
    const input = inputs.get(year);
    if (!input) continue;
    const t = table.fresh();
    const doc = { ...(baseline as Record<string, unknown>), years: [input] };
    for (const f of mineInventory(parseInventoryInput(doc, source, t), t, source, { uncertainty: false })
      .factors.used)
      used.set(f.id, f);
  }
  // The soil regain's default period comes from the library too.
  if (scenario.measures.some((m) => m.kind === "reclamation" && m.soilYears === undefined)) {
    const t = table.fresh();
    t.value(SOIL_TRANSITION_FACTOR, "yr");
    for (const f of t.used()) used.set(f.id, f);
  }
  const bands = scenario.uncertainty
    ? pathwayBands(scenario, baseline, table, source, scenario.uncertainty)
    : null;
  let economics: ScenarioEconomics | null = null;
  if (scenario.economics) {
    const costs = new Map<number, MeasureCost>();
    scenario.measures.forEach((m, i) => {
      if ("cost" in m && m.cost) costs.set(i, m.cost);
    });
    const priced = table.fresh();
    economics = scenarioEconomics(pathway, costs, scenario.economics, priced);
    for (const f of priced.used()) used.set(f.id, f);
  }
  return assertFiniteResult<ScenarioResult>(
    {
      ...pathway,
      economics,
      bands,
      factorsUsed: [...used.values()].sort((a, b) => a.id.localeCompare(b.id)),
    },
    source,
    `check the sizes of the measures of scenario "${scenario.name}" (hectaresPerYear, maxStockTCPerHa, offsets, costs, prices and their growth) and the baseline's largest amounts`,
  );
}
