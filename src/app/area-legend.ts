import { writeFileSync } from "node:fs";
import { LEGEND_PRESETS, type Legend } from "../domain/landuse/legend.ts";
import type { StoredLegendClass } from "../presentation/legend-class.ts";

/** The legend as a mining area stores it: a preset id or its own classes. */
export type StoredLegend = { preset: string } | { classes: StoredLegendClass[] };

/** The Legend a stored legend stands for (an unknown preset is an error naming the known ones). */
export function areaLegend(stored: unknown): Legend {
  const s = stored as StoredLegend;
  if ("preset" in s) {
    const p = LEGEND_PRESETS[s.preset];
    if (!p)
      throw new Error(
        `legend preset "${s.preset}" is unknown; known: ${Object.keys(LEGEND_PRESETS).join(", ")}`,
      );
    return p;
  }
  return {
    id: "area",
    description: "the mining area's own legend",
    classes: s.classes.map((c) => ({ ...c, key: c.key ?? c.name.toLowerCase().replace(/\s+/g, "-") })),
  };
}

/** The argument analyzeLanduse takes for a stored legend: the preset id, or a CSV written to `csvPath`. */
export function legendArgument(stored: unknown, csvPath: string): string {
  const s = stored as StoredLegend;
  if ("preset" in s) return s.preset;
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = ["code,name,name_zh,key,group,colour"];
  for (const c of areaLegend(stored).classes)
    lines.push([c.code, q(c.name), q(c.nameZh ?? ""), q(c.key), q(c.group ?? ""), c.colour ?? ""].join(","));
  writeFileSync(csvPath, `${lines.join("\n")}\n`);
  return csvPath;
}
