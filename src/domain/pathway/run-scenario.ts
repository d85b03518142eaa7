import {
  scenarioEconomics,
  type MeasureCost,
  type ScenarioEconomics,
} from "../economics/scenario-economics.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { projectPathway, type PathwayResult } from "./project-pathway.ts";
import type { Scenario } from "./scenario-spec.ts";

export type ScenarioResult = PathwayResult & { readonly economics: ScenarioEconomics | null };

/** A scenario's pathway and, when it has an economics block, its costs (the CLI and the API share this). */
export function runScenario(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
): ScenarioResult {
  const pathway = projectPathway(scenario, baseline, table, source);
  if (!scenario.economics) return { ...pathway, economics: null };
  const costs = new Map<number, MeasureCost>();
  scenario.measures.forEach((m, i) => {
    if ("cost" in m && m.cost) costs.set(i, m.cost);
  });
  return { ...pathway, economics: scenarioEconomics(pathway, costs, scenario.economics, table) };
}
