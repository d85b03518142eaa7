import { dataDrivenZoning } from "../domain/landuse/data-driven-zoning.ts";
import { totalDensity, type PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { Legend, LegendClass } from "../domain/landuse/legend.ts";
import { SEED001_ZONING, zoneOf, type ZoningRules } from "../domain/landuse/zoning-rules.ts";
import { InputError } from "../domain/validation/input-issue.ts";
export { zoneColours } from "../presentation/zone-colours.ts";

/** How `landuse analyze` zones: a rule file, seed 001's rules when the legend fits, data-driven, or none. */
export interface ZoningChoice {
  readonly rules?: string;
  readonly zoning?: "rules" | "data-driven" | "none";
}

/** The zoning rules to apply, or undefined for none. */
export async function chooseZoning(
  o: ZoningChoice,
  legend: Legend,
  pools: PoolTable | undefined,
): Promise<ZoningRules | undefined> {
  if (o.zoning === "none") return undefined;
  if (o.zoning === "data-driven") {
    if (!pools)
      throw new InputError("--zoning data-driven", [
        { path: "", message: "needs a carbon-density table (--pools)" },
      ]);
    return dataDrivenZoning(legend, new Map(pools.classes.map((p) => [p.code, totalDensity(p)])));
  }
  if (o.rules) return (await import("../io/read-zoning-rules.ts")).readZoningRules(o.rules, legend);
  const keys = new Set(legend.classes.map((c) => c.key));
  const fits = SEED001_ZONING.rules.every((r) => [...r.from, ...r.to].every((c) => keys.has(c)));
  if (fits) return SEED001_ZONING;
  if (o.zoning === "rules")
    throw new InputError("--zoning rules", [
      {
        path: "",
        message: `seed 001's rules do not fit legend ${legend.id}; give a rule table with --rules`,
      },
    ]);
  if (pools) return dataDrivenZoning(legend, new Map(pools.classes.map((p) => [p.code, totalDensity(p)])));
  return undefined;
}

/** Zone code (1-based index into `zoneNames`) of every transition from·K + to. */
export function transitionZoneTable(
  rules: ZoningRules,
  legend: Legend,
  zoneNames: readonly string[],
): Uint8Array {
  const k = legend.classes.length;
  const table = new Uint8Array(k * k);
  legend.classes.forEach((a: LegendClass, i) =>
    legend.classes.forEach((b, j) => {
      table[i * k + j] = zoneNames.indexOf(zoneOf(rules, a.key, b.key)) + 1;
    }),
  );
  return table;
}
