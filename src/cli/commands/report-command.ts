import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../domain/validation/input-issue.ts";
import { runInventory } from "./inventory-command.ts";
import { runScenario } from "../../domain/pathway/run-scenario.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readScenarioFile } from "../../io/read-scenario.ts";
import { readLanduseReportInput, type LanduseResultForReport } from "../../report/landuse-report-input.ts";
import { reportModel } from "../../report/report-model.ts";
import { reportT } from "../../presentation/i18n/index.ts";
import { writeReport } from "../../report/write-report.ts";
import type { MineInventory } from "../../domain/mine/mine-inventory.ts";

/**
 * `minecarbon report`: a report of an analysis output folder (summary.json and the rasters beside
 * it) and/or of inventory files, written as HTML or PDF.
 */
export async function runReport(
  inputs: readonly string[],
  o: { format: "html" | "pdf"; lang: "en" | "zh"; title?: string; out: string; scenario?: string[] },
) {
  let landuse: { result: LanduseResultForReport; dir: string } | undefined;
  const inventories: MineInventory[] = [];
  const sections: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) throw new InputError(input, [{ path: "", message: "no such file or folder" }]);
    if (statSync(input).isDirectory()) {
      const summary = join(input, "summary.json");
      if (!existsSync(summary))
        throw new InputError(input, [
          {
            path: "",
            message:
              "is a folder without summary.json; give the --out folder of `minecarbon landuse analyze`",
          },
        ]);
      if (landuse)
        throw new InputError(input, [
          { path: "", message: "one analysis folder per report; this is the second" },
        ]);
      landuse = { result: readLanduseReportInput(summary), dir: input };
      sections.push(`land-use analysis ${input}`);
    } else {
      // An inventory file: all of its years and their balance, as `minecarbon inventory` computes them.
      const inv = runInventory(input, {});
      inventories.push(inv);
      sections.push(`inventory ${input} (${inv.years.map((y) => y.year).join(", ")})`);
    }
  }
  const title = o.title ?? reportT(o.lang)("defaultTitle");
  const table = factorTable();
  const pathways = (o.scenario ?? []).map((f) => {
    const { scenario, baseline, baselinePath } = readScenarioFile(f, table);
    sections.push(`pathway ${f}`);
    return runScenario(scenario, baseline, table, baselinePath);
  });
  const model = await reportModel({
    pathways,
    lang: o.lang,
    title,
    subject: inputs.join(", "),
    ...(landuse ? { landuse } : {}),
    inventories,
  });
  await writeReport(model, o.format, o.out);
  return { out: o.out, format: o.format, bytes: statSync(o.out).size, sections };
}
