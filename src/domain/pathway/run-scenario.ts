import {
  scenarioEconomics,
  type MeasureCost,
  type ScenarioEconomics,
} from "../economics/scenario-economics.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { pathwayBands, type PathwayBands } from "./pathway-uncertainty.ts";
import { projectPathway, type PathwayResult } from "./project-pathway.ts";
import type { Scenario } from "./scenario-spec.ts";

export type ScenarioResult = PathwayResult & {
  readonly economics: ScenarioEconomics | null;
  readonly bands: PathwayBands | null;
};

/** A scenario's pathway and, when it has an economics block, its costs (the CLI and the API share this). */
export function runScenario(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
): ScenarioResult {
  const pathway = projectPathway(scenario, baseline, table, source);
  const bands = scenario.uncertainty
    ? pathwayBands(scenario, baseline, table, source, scenario.uncertainty)
    : null;
  if (!scenario.economics) return { ...pathway, economics: null, bands };
  const costs = new Map<number, MeasureCost>();
  scenario.measures.forEach((m, i) => {
    if ("cost" in m && m.cost) costs.set(i, m.cost);
  });
  return { ...pathway, economics: scenarioEconomics(pathway, costs, scenario.economics, table), bands };
}
