import type { MineInventory } from "../../domain/mine/mine-inventory.ts";
import { fmt, pct } from "./number-format.ts";
import { textTable } from "./text-table.ts";
import { formatFactorsUsed, formatWarnings } from "./factors-used.ts";
import { formatUncertainty } from "./uncertainty-text.ts";

/** Text report of a mine inventory: every source, sink, the balance and intensities, per year. */
export function formatInventory(inv: MineInventory): string {
  const parts = [
    `Mine carbon inventory — ${inv.mine}${inv.location ? ` (${inv.location})` : ""}`,
    `GWP: ${inv.gwp.set} — ${inv.gwp.report}; CH4 = ${inv.gwp.ch4}, N2O = ${inv.gwp.n2o} t CO2e/t`,
    `Sink reading: ${inv.sinkReading.id} — ${inv.sinkReading.meaning}`,
    `Fuel combustion: ${inv.combustionMethod}`,
  ];
  for (const y of inv.years) {
    const t = y.totals;
    parts.push(
      "",
      `== ${y.year}: boundary ${fmt(y.boundaryAreaHa)} ha, coal output ${fmt(y.coalOutputT, 0)} t ==`,
      "Sources (t CO2e/yr):",
      textTable(
        ["component", "source", "tce", "t CO2e/yr", "share", "how"],
        y.sources.map((s) => [
          s.component,
          s.label,
          s.tce === undefined ? "–" : fmt(s.tce, 4),
          fmt(s.tCO2ePerYr, 3),
          pct(s.share),
          s.detail,
        ]),
      ),
      "",
      "Sinks:",
      textTable(
        ["kind", "sink", "ha", "stock t C", "t CO2e/yr counted", "how"],
        y.sinks.map((s) => [
          s.kind,
          s.label + (s.assumption ? " *" : ""),
          s.areaHa === undefined ? "–" : fmt(s.areaHa),
          s.stockTC === undefined ? "–" : fmt(s.stockTC),
          fmt(s.sinkTCO2ePerYr),
          s.detail,
        ]),
      ),
      ...y.sinks.filter((s) => s.assumption).map((s) => `  * ${s.label}: ${s.assumption}`),
      ...(y.gasVolumes.length
        ? [
            "",
            "Gas volumes and the conditions they are read at:",
            textTable(
              ["gas", "source", "m³", "read at", "kg/m³", "t", "at the other conditions", "kg/m³", "t"],
              y.gasVolumes.map((g) => [
                g.gas,
                `${g.source} (${g.given})`,
                fmt(g.volumeM3, 0),
                g.basis,
                fmt(g.densityKgPerM3, 4),
                fmt(g.massT, 3),
                g.other ? g.other.basis : "none shipped",
                g.other
                  ? `${fmt(g.other.densityKgPerM3, 4)}${g.other.densityStatus === "primary" ? "" : ` (${g.other.densityStatus})`}`
                  : "–",
                g.other ? fmt(g.other.massT, 3) : "–",
              ]),
            ),
          ]
        : []),
      "",
      `CCS can capture at most ${fmt(y.ccs.capturableTCO2, 3)} t CO2/yr this year${y.ccs.parts.length ? ` (${y.ccs.parts.map((p) => `${p.label}: ${fmt(p.tCO2, 3)}`).join("; ")})` : ""}. ${y.ccs.note}.`,
      "",
      textTable(
        ["balance (seed 002 Eq. 1, one year)", "value", "unit"],
        [
          ["energy use", fmt(t.energyTce, 4), "tce"],
          ["above-ground sources C_above", fmt(t.aboveGroundTCO2ePerYr, 3), "t CO2e/yr"],
          ["underground sources C_under", fmt(t.undergroundTCO2ePerYr, 3), "t CO2e/yr"],
          ["other sources (open pit, recovery, explosives)", fmt(t.otherTCO2ePerYr, 3), "t CO2e/yr"],
          ["gross emissions", fmt(t.grossEmissionTCO2ePerYr, 3), "t CO2e/yr"],
          ["sinks C_min", fmt(t.sinkTCO2ePerYr, 3), "t CO2e/yr"],
          ["CCS", fmt(t.ccsTCO2ePerYr, 3), "t CO2e/yr"],
          ["offsets sold C_S", fmt(t.offsetsSoldTCO2e, 3), "t CO2e"],
          ["offsets bought C_c", fmt(t.offsetsBoughtTCO2e, 3), "t CO2e"],
          ["balance", fmt(t.balanceTCO2ePerYr, 3), "t CO2e/yr"],
          ["neutral (balance ≤ 0)", t.neutral ? "yes" : "no", ""],
          ["gap to neutrality", fmt(t.gapTCO2ePerYr, 3), "t CO2e/yr"],
          ["gross intensity per tonne of coal", fmt(y.intensity.grossTCO2ePerTCoal, 5), "t CO2e/t"],
          ["balance intensity per tonne of coal", fmt(y.intensity.balanceTCO2ePerTCoal, 5), "t CO2e/t"],
          ["gross intensity per hectare", fmt(y.intensity.grossTCO2ePerHa, 3), "t CO2e/ha/yr"],
          ["balance intensity per hectare", fmt(y.intensity.balanceTCO2ePerHa, 3), "t CO2e/ha/yr"],
          ["energy per tonne of coal", fmt(y.intensity.energyTcePerTCoal, 6), "tce/t"],
        ],
      ),
    );
  }
  const b = inv.balance;
  parts.push(
    "",
    `Balance over ${b.years.join(", ")}: ${fmt(b.totalTCO2e, 3)} t CO2e — ${b.neutral ? "neutral" : `not neutral, gap ${fmt(b.gapTCO2e, 3)} t CO2e`}`,
  );
  if (inv.uncertainty) parts.push("", formatUncertainty(inv.uncertainty));
  if (inv.assumptions.length)
    parts.push("", "Assumptions of this input:", ...inv.assumptions.map((a) => `  - ${a}`));
  parts.push("", formatFactorsUsed(inv.factors));
  const w = formatWarnings(inv.warnings);
  if (w) parts.push("", w);
  return parts.join("\n");
}
