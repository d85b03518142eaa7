import type { ScenarioEconomics } from "../../domain/economics/scenario-economics.ts";
import type { PathwayBands } from "../../domain/pathway/pathway-uncertainty.ts";
import type { PathwayResult } from "../../domain/pathway/project-pathway.ts";
import { textTable } from "./text-table.ts";
import { formatSpan } from "./uncertainty-text.ts";

const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 });

/** Pathways as text: the scenarios side by side, then each one's milestone years and measure effects. */
export function formatPathways(
  results: readonly (PathwayResult & { economics?: ScenarioEconomics | null; bands?: PathwayBands | null })[],
): string {
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
    const b = r.bands;
    if (b)
      out.push(
        "",
        `Uncertainty band of the net, ${b.interval} (IPCC Approach 2: ${b.draws} draws, seed ${b.seed}; ${b.sampling}):`,
        textTable(
          ["year", "P2.5 net", "P50 net", "P97.5 net", "central net"],
          b.years
            .filter((y) => y.year % 5 === 0 || y.year === r.baseYear)
            .map((y) => [
              String(y.year),
              n(y.p2_5),
              n(y.p50),
              n(y.p97_5),
              n(r.years.find((x) => x.year === y.year)?.netTCO2e ?? Number.NaN),
            ]),
        ),
        ...(b.years.every((y) => y.p2_5 === y.p97_5)
          ? ["(Nothing this scenario's baseline uses has a range, so the band is a single line.)"]
          : []),
        `Drawn: ${b.inputs.length} inputs of the baseline year (${b.inputs
          .map((i) => `${i.label} ${formatSpan(i)}`)
          .join("; ")}).`,
        b.neutralYear
          ? `Neutral by the end year in ${(b.neutralByEndShare * 100).toFixed(0)}% of draws; neutrality year P2.5/P50/P97.5: ${b.neutralYear.p2_5}/${b.neutralYear.p50}/${b.neutralYear.p97_5}`
          : "Not neutral by the end year in any draw.",
        ...b.warnings.map((w) => `  ! ${w}`),
      );
    const e = r.economics;
    if (e) {
      out.push(
        "",
        `Marginal abatement cost curve (discount rate ${(e.discountRate * 100).toFixed(1)}%; CNY/t CO2e):`,
        textTable(
          ["measure", "t CO2e/yr", "CNY/t", "vs offsets"],
          e.mac.map((m) => [
            m.measure,
            n(m.abatementTCO2ePerYr),
            m.costCNYPerTCO2e.toFixed(1),
            m.cheaperThanOffsets ? "cheaper" : "dearer",
          ]),
        ),
        ...e.notAbating.map(
          (m) =>
            `  ${m.measure} abates nothing on average (${n(m.abatementTCO2ePerYr)} t CO2e/yr) for ${n(m.annualCostCNY)} CNY/yr: no cost per tonne`,
        ),
        `Carbon price from ${e.prices.carbon.startCNYPerTCO2e} CNY/t (${e.prices.carbon.source}); offsets from ${e.prices.offset.startCNYPerTCO2e} CNY/t (${e.prices.offset.source})`,
        `Net present cost of the measures: ${n(e.netPresentCost.measuresOnlyCNY)} CNY`,
        ...(["low", "central", "high"] as const).map((c) => {
          const x = e.netPresentCost.withCarbonPrice[c];
          return `  with the ${c} carbon price: ${n(x.withMeasuresCNY)} CNY with measures, ${n(x.withoutMeasuresCNY)} CNY without (saving ${n(x.savingCNY)})`;
        }),
        ...(e.netPresentCost.withCarbonTax
          ? [
              `  with a carbon tax of ${e.netPresentCost.withCarbonTax.rateCNYPerTCO2e} CNY/t: ${n(e.netPresentCost.withCarbonTax.withMeasuresCNY)} CNY with measures, ${n(e.netPresentCost.withCarbonTax.withoutMeasuresCNY)} without`,
            ]
          : []),
        e.offsetsLastResort.holds
          ? "Bought offsets are the last resort here: every own measure costs less per tonne (seed 002)."
          : `Bought offsets are NOT the last resort here: dearer per tonne than offsets: ${e.offsetsLastResort.dearerThanOffsets.join("; ") || "no own measure is costed"}.`,
      );
    }
    out.push("", "Assumptions:", ...r.assumptions.map((a) => `  - ${a}`));
  }
  return out.join("\n");
}
