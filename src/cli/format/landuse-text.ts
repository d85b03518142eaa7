import type { LanduseResult } from "../../contract/landuse-result.ts";

const n = (v: number, d = 2) =>
  v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/**
 * A short text report of a land-use analysis: class areas per date, intensities, change components,
 * accumulated changes, zones per period, carbon stocks, their change and its value, files.
 */
export function formatLanduse(s: LanduseResult, out: string): string {
  const years = [...new Set(s.classes.map((r) => r.year))];
  const codes = [...new Set(s.classes.map((r) => r.code))];
  const name = (code: number) => s.classes.find((r) => r.code === code)!.class;
  const width = Math.max(10, ...codes.map((c) => name(c).length));
  const lines = [
    `Land-use change, ${years.join(", ")} — ${s.grid.width}×${s.grid.height} px, ${s.grid.crs}`,
    `Analysed ${s.pixels.analysed.toLocaleString("en-US")} px; legend ${s.legend.id}`,
    "",
    `Class areas (ha)`,
    `${"class".padEnd(width)} ${years.map((y) => String(y).padStart(14)).join("")}`,
    ...codes.map(
      (c) =>
        `${name(c).padEnd(width)} ${years
          .map((y) => n(s.classes.find((r) => r.year === y && r.code === c)?.area_ha ?? 0).padStart(14))
          .join("")}`,
    ),
    "",
    "Interval intensity (% of area per year)",
    ...s.intensityInterval.map(
      (r) =>
        `  ${r.from_year}–${r.to_year}: change ${n(r.percent_change)}%, St ${n(r.St_percent_per_year, 3)} vs U ${n(r.U_percent_per_year, 3)} → ${r.pace}`,
    ),
  ];
  lines.push(
    "",
    "Change components (Pontius): ha, and % of the area",
    `${"interval".padEnd(22)}${["total change", "quantity", "exchange", "shift"].map((h) => h.padStart(21)).join("")}`,
    ...s.componentsOverall.map(
      (r) =>
        `${`${r.from_year}–${r.to_year}${r.kind === "onestep" ? " (whole)" : ""}`.padEnd(22)}${[
          [r.total_change_ha, r.total_change_percent],
          [r.quantity_ha, r.quantity_percent],
          [r.exchange_ha, r.exchange_percent],
          [r.shift_ha, r.shift_percent],
        ]
          .map(([ha, pct]) => `${n(ha!, 1)} (${n(pct!, 1)}%)`.padStart(21))
          .join("")}`,
    ),
    "",
    `Accumulated changes ${years[0]}–${years.at(-1)} (class changes per pixel between consecutive dates)`,
    ...s.accumulatedChanges.map(
      (r) =>
        `  ${String(r.changes).padStart(3)}: ${n(r.area_ha).padStart(16)} ha ${n(r.percent, 1).padStart(6)}%`,
    ),
  );
  if (s.zonesByPeriod.length) {
    lines.push("", `Carbon-sink zones (${s.zoning!.id}), share of the area (%)`);
    const periods = [...new Set(s.zonesByPeriod.map((r) => `${r.from_year}–${r.to_year}`))];
    lines.push(`${"zone".padEnd(26)}${periods.map((p) => p.padStart(12)).join("")}`);
    for (const z of s.zoning!.zones)
      lines.push(
        `${z.padEnd(26)}${periods
          .map((p) =>
            n(
              s.zonesByPeriod.find((r) => `${r.from_year}–${r.to_year}` === p && r.zone === z)!.share,
              1,
            ).padStart(12),
          )
          .join("")}`,
      );
  }
  if (s.carbon.length) {
    lines.push("", "Carbon stock (t C)");
    for (const y of years)
      lines.push(`  ${y}: ${n(s.carbon.find((r) => r.year === y && r.pool === "total")!.total_tC, 1)}`);
  }
  if (s.carbonChange.length) {
    lines.push(
      "",
      "Storage change (t C; + stored, − lost) and as CO2 (t CO2e; + removed, − emitted)",
      `${"interval".padEnd(22)}${["above", "below", "soil", "dead", "total", "t CO2e", "t C/yr"].map((h) => h.padStart(15)).join("")}`,
    );
    const intervals = [...new Set(s.carbonChange.map((r) => `${r.kind} ${r.from_year} ${r.to_year}`))];
    for (const key of intervals) {
      const rows = s.carbonChange.filter((r) => `${r.kind} ${r.from_year} ${r.to_year}` === key);
      const total = rows.find((r) => r.pool === "total")!;
      lines.push(
        `${`${total.from_year}–${total.to_year}${total.kind === "onestep" ? " (whole)" : ""}`.padEnd(22)}${[
          ...["above", "below", "soil", "dead", "total"].map(
            (p) => rows.find((r) => r.pool === p)!.change_tC,
          ),
          total.change_tCO2e,
          total.change_tC_per_yr,
        ]
          .map((v) => n(v, 1).padStart(15))
          .join("")}`,
      );
    }
  }
  if (s.valuation) {
    const v = s.valuation;
    lines.push(
      "",
      `Value of the storage change (InVEST): ${n(v.carbonPriceCNYPerTCO2e)} CNY/t CO2e in ${v.priceYear} (${v.priceSource}), price change ${n(v.priceChangePerYear * 100, 2)} %/yr, discount rate ${n(v.discountRatePerYear * 100, 2)} %/yr`,
      ...s.carbonValue.map(
        (r) =>
          `  ${`${r.from_year}–${r.to_year}${r.kind === "onestep" ? " (whole)" : ""}`.padEnd(20)} ${n(r.npv_at_interval_start_CNY, 0).padStart(18)} CNY in ${r.from_year}, ${n(r.npv_CNY, 0).padStart(18)} CNY in ${v.presentValueYear}`,
      ),
    );
  }
  if (s.stockLostToMining)
    lines.push(
      "",
      `Stock lost to mining (seed 001 densities), ${years[0]}–${years.at(-1)}: ${n(s.stockLostToMining.totalLossTC, 1)} t C (${n(s.stockLostToMining.totalLossTCO2e, 1)} t CO2e)`,
    );
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  lines.push("", `Wrote to ${out}: ${s.outputs.join(", ")}`);
  return lines.join("\n");
}
