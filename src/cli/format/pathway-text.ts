import type { PathwayResult } from "../../domain/pathway/project-pathway.ts";
import { textTable } from "./text-table.ts";

const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 });

/** Pathways as text: the scenarios side by side, then each one's milestone years and measure effects. */
export function formatPathways(results: readonly PathwayResult[]): string {
  const out: string[] = [];
  const at = (r: PathwayResult, y: number) => r.years.find((x) => x.year === y);
  out.push(
    "Scenarios side by side (t CO2e/yr; net = gross − sinks − CCS − offsets):",
    textTable(
      [
        "scenario",
        "peak year",
        "neutral year",
        "net base year",
        "net 2030",
        "net 2050",
        "net end",
        "gap at end",
      ],
      results.map((r) => [
        r.scenario,
        String(r.peakYear),
        r.neutralYear === null ? `not by ${r.years[r.years.length - 1]!.year}` : String(r.neutralYear),
        n(r.years[0]!.netTCO2e),
        at(r, 2030) ? n(at(r, 2030)!.netTCO2e) : "",
        at(r, 2050) ? n(at(r, 2050)!.netTCO2e) : "",
        n(r.years[r.years.length - 1]!.netTCO2e),
        r.gapAtEndTCO2e === null ? "" : n(r.gapAtEndTCO2e),
      ]),
    ),
  );
  for (const r of results) {
    out.push("", `${r.scenario} (base year ${r.baseYear})`);
    const shown = r.years.filter(
      (y) => y.year === r.baseYear || y.year % 5 === 0 || y.year === r.neutralYear,
    );
    out.push(
      textTable(
        ["year", "coal t", "energy", "methane", "other", "gross", "sinks", "CCS", "offsets", "net"],
        shown.map((y) => [
          String(y.year),
          n(y.coalOutputT),
          n(y.energyTCO2e),
          n(y.methaneTCO2e),
          n(y.otherTCO2e),
          n(y.grossTCO2e),
          n(y.sinksTCO2e),
          n(y.ccsTCO2e),
          n(y.offsetsTCO2e),
          n(y.netTCO2e),
        ]),
      ),
    );
    const endYear = r.years[r.years.length - 1]!;
    if (endYear.effects.length)
      out.push(
        "",
        `Effect of each measure in ${endYear.year} (t CO2e/yr off the net):`,
        ...endYear.effects.map((e) => `  ${e.measure}: ${n(e.tCO2e)}`),
      );
    if (r.periods.length)
      out.push(
        "",
        "Periods:",
        ...r.periods.map(
          (p) =>
            `  ${p.label} ${p.from}–${p.to}: cumulative net ${n(p.cumulativeNetTCO2e)} t CO2e, mean ${n(p.meanNetTCO2e)} t CO2e/yr`,
        ),
      );
    out.push("", "Assumptions:", ...r.assumptions.map((a) => `  - ${a}`));
  }
  return out.join("\n");
}
