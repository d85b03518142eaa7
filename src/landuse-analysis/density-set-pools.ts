import { DENSITY_SETS } from "../domain/budget/density-sets.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { csvCell } from "../io/write-csv.ts";

/**
 * An InVEST pool table (t C/ha) for a legend from one of the shipped density sets: soil → c_soil,
 * vegetation → c_above, c_below = c_dead = 0. Classes the set does not define get 0 in every pool
 * and are listed in `assumptions`, so that the table never hides what it left out. Every row
 * names its factors in a `source` column.
 */
export function poolTableFromDensitySet(
  legend: Legend,
  setId: string,
  table: FactorTable,
): { csv: string; assumptions: string[]; source: string } {
  const set = Object.hasOwn(DENSITY_SETS, setId) ? DENSITY_SETS[setId] : undefined;
  if (!set)
    throw new InputError("densitySet", [
      { path: "", message: `"${setId}" is unknown; known: ${Object.keys(DENSITY_SETS).join(", ")}` },
    ]);
  const lines = ["lucode,LULC_name,c_above,c_below,c_soil,c_dead,source"];
  const missing: string[] = [];
  for (const c of legend.classes) {
    const d = set.classes[c.key];
    const val = (id: string | 0 | undefined) =>
      id === undefined || id === 0 ? 0 : table.value(id, "t C/ha").value;
    if (!d) missing.push(c.key);
    const source = d
      ? [d.soil, d.vegetation].filter((x) => x !== 0).join(" + ") || `0 by the set's definition (${set.id})`
      : `not in ${set.id}: 0 assumed`;
    lines.push([c.code, c.name, val(d?.vegetation), 0, val(d?.soil), 0, source].map(csvCell).join(","));
  }
  return {
    csv: `${lines.join("\n")}\n`,
    source: `${set.id}: ${set.description}`,
    assumptions: missing.length
      ? [
          `${set.id} gives no density for ${missing.join(", ")}; they are counted as 0 t C/ha, so changes to and from them are not in the carbon change`,
        ]
      : [],
  };
}
