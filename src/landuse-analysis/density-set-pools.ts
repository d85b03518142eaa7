import { DENSITY_SETS } from "../domain/budget/density-sets.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import type { ClassPools, PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { csvCell } from "../io/write-csv.ts";

/**
 * An InVEST pool table (t C/ha) for a legend from one of the shipped density sets: soil → c_soil,
 * vegetation → c_above, c_below = c_dead = 0. Classes the set does not define get 0 in every pool
 * and are listed in `assumptions`, so that the table never hides what it left out. `pools` is the
 * table the analysis takes; `csv` the same as a file to keep with the outputs, every row naming its
 * factors in a `source` column.
 */
export function poolTableFromDensitySet(
  legend: Legend,
  setId: string,
  table: FactorTable,
): { pools: PoolTable; csv: string; assumptions: string[]; source: string } {
  const set = Object.hasOwn(DENSITY_SETS, setId) ? DENSITY_SETS[setId] : undefined;
  if (!set)
    throw new InputError("densitySet", [
      { path: "", message: `"${setId}" is unknown; known: ${Object.keys(DENSITY_SETS).join(", ")}` },
    ]);
  const lines = ["lucode,LULC_name,c_above,c_below,c_soil,c_dead,source"];
  const missing: string[] = [];
  const classes: ClassPools[] = [];
  for (const c of legend.classes) {
    const d = set.classes[c.key];
    const val = (id: string | 0 | undefined) =>
      id === undefined || id === 0 ? 0 : table.value(id, "t C/ha").value;
    if (!d) missing.push(c.key);
    const source = d
      ? [d.soil, d.vegetation].filter((x) => x !== 0).join(" + ") || `0 by the set's definition (${set.id})`
      : `not in ${set.id}: 0 assumed`;
    const [vegetation, soil] = [val(d?.vegetation), val(d?.soil)];
    classes.push({
      code: c.code,
      aboveTCPerHa: vegetation,
      belowTCPerHa: 0,
      soilTCPerHa: soil,
      deadTCPerHa: 0,
    });
    lines.push([c.code, c.name, vegetation, 0, soil, 0, source].map(csvCell).join(","));
  }
  const described = `${set.id}: ${set.description}`;
  return {
    pools: { source: described, classes },
    csv: `${lines.join("\n")}\n`,
    source: described,
    assumptions: missing.length
      ? [
          `${set.id} gives no density for ${missing.join(", ")}; they are counted as 0 t C/ha, so changes to and from them are not in the carbon change`,
        ]
      : [],
  };
}
