import { join } from "node:path";
import { runScenario, type ScenarioResult } from "../../domain/pathway/run-scenario.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readScenarioFile } from "../../io/read-scenario.ts";
import { outputFolder } from "../../io/output-target.ts";
import { writeRows } from "../../io/write-csv.ts";

/** `minecarbon pathway`: projects each scenario to its end year; with --out, one CSV per scenario. */
export function runPathway(
  files: readonly string[],
  o: { factors?: string[]; out?: string; draws?: number; seed?: number },
): ScenarioResult[] {
  // The output folder is checked before the work, so that a bad --out costs nothing.
  const out = o.out === undefined ? undefined : outputFolder(o.out);
  const table = factorTable(o.factors ?? []);
  const results = files.map((f) => {
    const { scenario, baseline, baselinePath } = readScenarioFile(f, table);
    const uncertainty =
      o.draws !== undefined
        ? { draws: o.draws, seed: o.seed ?? scenario.uncertainty?.seed ?? 1 }
        : scenario.uncertainty;
    return runScenario(
      { ...scenario, ...(uncertainty ? { uncertainty } : {}) },
      baseline,
      table,
      baselinePath,
      f,
    );
  });
  if (out) {
    results.forEach((r, i) => {
      const rows = r.years.map((y) => ({
        year: y.year,
        coal_output_t: y.coalOutputT,
        energy_tCO2e: y.energyTCO2e,
        methane_tCO2e: y.methaneTCO2e,
        other_tCO2e: y.otherTCO2e,
        gross_tCO2e: y.grossTCO2e,
        sinks_tCO2e: y.sinksTCO2e,
        ccs_tCO2e: y.ccsTCO2e,
        offsets_tCO2e: y.offsetsTCO2e,
        net_tCO2e: y.netTCO2e,
        without_measures_tCO2e: y.withoutMeasuresTCO2e,
        ...Object.fromEntries(y.effects.map((e) => [`effect: ${e.measure}`, e.tCO2e])),
      }));
      writeRows(join(out, `pathway-${i + 1}.csv`), rows, Object.keys(rows[0] ?? {}));
    });
  }
  return results;
}
