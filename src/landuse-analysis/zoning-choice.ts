import { dataDrivenZoning } from "../domain/landuse/data-driven-zoning.ts";
import { totalDensity, type PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { Legend, LegendClass } from "../domain/landuse/legend.ts";
import { SEED001_ZONING, zoneOf, type ZoningRules } from "../domain/landuse/zoning-rules.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import type { Remedies, ZoningMode } from "./analysis-input.ts";
export { zoneColours } from "../presentation/zone-colours.ts";

/** How the analysis zones: given rules, seed 001's rules when the legend fits, data-driven, or none. */
export interface ZoningChoice {
  readonly rules?: ZoningRules | undefined;
  readonly zoning?: ZoningMode | undefined;
}

/**
 * The zoning rules to apply, or undefined for none. Problems are at `zoning`; `legendName` says which
 * legend seed 001's rules do not fit, `remedies` what the user can do about it in their terms.
 */
export function chooseZoning(
  o: ZoningChoice,
  legend: Legend,
  pools: PoolTable | undefined,
  say: { readonly legendName: string; readonly remedies: Remedies },
): ZoningRules | undefined {
  if (o.zoning === "none") return undefined;
  const dataDriven = (p: PoolTable) =>
    dataDrivenZoning(legend, new Map(p.classes.map((c) => [c.code, totalDensity(c)])));
  if (o.zoning === "data-driven") {
    if (!pools)
      throw new InputError("landuse analyze", [
        {
          path: "zoning",
          message: `data-driven zoning needs carbon densities (${say.remedies.densities})`,
        },
      ]);
    return dataDriven(pools);
  }
  if (o.rules) return o.rules;
  const keys = new Set(legend.classes.map((c) => c.key));
  const fits = SEED001_ZONING.rules.every((r) => [...r.from, ...r.to].every((c) => keys.has(c)));
  if (fits) return SEED001_ZONING;
  if (o.zoning === "rules")
    throw new InputError("landuse analyze", [
      {
        path: "zoning",
        message: `seed 001's rules do not fit ${say.legendName}; ${say.remedies.zoningRules}`,
      },
    ]);
  if (pools) return dataDriven(pools);
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
