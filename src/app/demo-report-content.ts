import { join } from "node:path";
import { readInputFile } from "../io/read-input-file.ts";
import { PROJECT_ROOT } from "../project-root.ts";

/**
 * The Yongning inventory (examples/yongning.yaml, seed 002) relabelled to `year`, its coal output
 * scaled by `coal` and every energy carrier's amount by `energy`. Invented activity data for the
 * demo's and the benchmarks' annual reports, shaped like a real mine's; methane and fugitive CO2
 * stay the paper's (a mine's gas does not follow its output year by year).
 */
export function scaledYongningInventory(
  year: number,
  scale: { readonly coal: number; readonly energy: number },
  mineName?: string,
): Record<string, unknown> {
  const doc = structuredClone(yongning()) as { mine: string; years: Record<string, unknown>[] };
  // The report's own mine, not Yongning's name, on every demo mine's inventory.
  if (mineName !== undefined) doc.mine = mineName;
  const y = doc.years[0]!;
  y.year = year;
  y.coalOutputT = Math.round((y.coalOutputT as number) * scale.coal);
  for (const e of y.energy as { amount: number }[]) e.amount = Number((e.amount * scale.energy).toFixed(4));
  doc.years = [y];
  return doc;
}

let cached: unknown;
const yongning = () => (cached ??= readInputFile(join(PROJECT_ROOT, "examples", "yongning.yaml")));
