import type { LanduseSummary } from "../../landuse/analyze-landuse.ts";

const n = (v: number, d = 2) =>
  v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** A short text report of a land-use analysis: class areas per date, zones per period, carbon, files. */
export function formatLanduse(s: LanduseSummary, out: string): string {
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
  if (s.stockLostToMining)
    lines.push(
      "",
      `Stock lost to mining (seed 001 densities), ${years[0]}–${years.at(-1)}: ${n(s.stockLostToMining.totalLossTC, 1)} t C (${n(s.stockLostToMining.totalLossTCO2e, 1)} t CO2e)`,
    );
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  lines.push("", `Wrote to ${out}: ${s.outputs.join(", ")}`);
  return lines.join("\n");
}
