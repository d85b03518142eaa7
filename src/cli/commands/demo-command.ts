import { PROJECT_ROOT } from "../../project-root.ts";
import { join } from "node:path";
import { runBudget } from "./budget-command.ts";
import { runInventory } from "./inventory-command.ts";
import { formatBudget } from "../format/budget-text.ts";
import { formatInventory } from "../format/inventory-text.ts";
import { formatLanduse } from "../format/landuse-text.ts";
import { analyzeLanduse } from "../../landuse-analysis/analyze-landuse.ts";
import { writeDemoData } from "../../demo/write-demo-data.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { progressBar } from "./landuse-command.ts";

/** The shipped examples folder. */
export const EXAMPLES_DIR = join(PROJECT_ROOT, "examples");

/** The examples the demo runs, in order, with the command that runs each. */
export const DEMO_EXAMPLES = [
  {
    file: "yongning.yaml",
    command: "inventory",
    title: "Yongning underground mine inventory and neutrality balance (seed 002)",
  },
  {
    file: "pingshuo-stock-loss.yaml",
    command: "budget",
    title: "Pingshuo stock loss on land taken by mining, 1986–2018 (seed 001)",
  },
  {
    file: "pingshuo-2018-budget.yaml",
    command: "budget",
    title: "Pingshuo 2018 land-use carbon budget with seed 000 Table 1 coefficients",
  },
] as const;

/** Runs every shipped example and returns the results (`minecarbon demo`). */
export function runDemo(): { title: string; command: string; file: string; result: unknown; text: string }[] {
  return DEMO_EXAMPLES.map((ex) => {
    const path = join(EXAMPLES_DIR, ex.file);
    if (ex.command === "inventory") {
      const result = runInventory(path, {});
      return { ...ex, file: path, result, text: formatInventory(result) };
    }
    const result = runBudget(path, {});
    return { ...ex, file: path, result, text: formatBudget(result) };
  });
}

/**
 * The land-use part of the demo: generates the SYNTHETIC Pingshuo-like maps into `dir/data` and
 * analyses them with seed 001's legend and zoning, per mine field, into `dir/landuse`.
 */
export async function runLanduseDemo(dir: string) {
  const data = writeDemoData(join(dir, "data"));
  const out = join(dir, "landuse");
  const onProgress = progressBar("demo landuse");
  const result = await analyzeLanduse({
    maps: data.maps,
    legend: "seed001",
    zones: data.zones,
    out,
    factors: async () => factorTable(),
    ...(onProgress ? { onProgress } : {}),
  });
  const args = [
    ...data.maps.map((m) => `--map ${m.year}=${m.path}`),
    "--legend seed001",
    `--zones ${data.zones}`,
    `--out ${out}`,
  ].join(" ");
  return {
    title:
      "SYNTHETIC Pingshuo-like mining area, 1986–2018: land-use change and carbon-sink zoning (seed 001 legend and rules)",
    command: `landuse analyze ${args}`,
    file: "",
    result,
    text: formatLanduse(result, out),
  };
}
