import { existsSync } from "node:fs";
import type { ValuationInput } from "../domain/landuse/carbon-valuation.ts";
import type { ZeroChangeRule } from "../domain/landuse/intensity-analysis.ts";
import { LEGEND_PRESETS, type Legend } from "../domain/landuse/legend.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import { readLegendFile } from "../io/read-legend-file.ts";
import { readPoolTable } from "../io/read-pool-table.ts";
import { readTextFile } from "../io/read-text-file.ts";
import type {
  DatedMap,
  LanduseAnalysisInput,
  PolygonsInput,
  Remedies,
  ZoningMode,
} from "./analysis-input.ts";

/** An analysis whose legend, pools, zoning rules and polygons are files (or a legend preset). */
export interface AnalysisFiles {
  readonly maps: readonly DatedMap[];
  /** A preset id (seed001, gbt21010, clcd, esa-worldcover) or a legend CSV; the pool table's names by default. */
  readonly legend?: string;
  /** An InVEST pool table (CSV). */
  readonly pools?: string;
  /** A zoning rule table (JSON) for the legend. */
  readonly rules?: string;
  readonly zoning?: ZoningMode;
  /** GeoJSON polygons to count inside. */
  readonly boundary?: string;
  /** GeoJSON polygons to count per zone; `zoneField` names each feature's zone. */
  readonly zones?: string;
  readonly zoneField?: string;
  readonly alignNearest?: boolean;
  readonly out: string;
  readonly workers?: number;
  readonly blockRows?: number;
  readonly zeroRule?: ZeroChangeRule;
  readonly deflateLevel?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly factors?: () => Promise<FactorTable>;
  readonly valuation?: ValuationInput;
  readonly remedies?: Partial<Remedies>;
}

/** The legend a `legend` argument names: a preset, or a legend CSV; else an error naming both. */
function legendOf(arg: string): { legend: Legend; ignored: string[] } {
  const preset = LEGEND_PRESETS[arg];
  if (preset) return { legend: preset, ignored: [] };
  if (!existsSync(arg))
    throw new InputError("landuse analyze", [
      {
        path: "legend",
        message: `"${arg}" is neither a preset (${Object.keys(LEGEND_PRESETS).join(", ")}) nor a legend CSV file`,
      },
    ]);
  return readLegendFile(arg);
}

/** A GeoJSON file as the analysis takes it: its value, named by the file. */
export function polygonsFile(path: string, nameField?: string): PolygonsInput {
  let geojson: unknown;
  try {
    geojson = JSON.parse(readTextFile(path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, [{ path: "", message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  return { name: path, geojson, ...(nameField ? { nameField } : {}) };
}

/**
 * Reads the files of an analysis into the values it takes; a problem in a file is bad input naming
 * the file, a missing legend one at `legend`.
 */
export async function analysisInputFromFiles(o: AnalysisFiles): Promise<LanduseAnalysisInput> {
  const poolFile = o.pools ? readPoolTable(o.pools) : undefined;
  const chosen = o.legend
    ? legendOf(o.legend)
    : poolFile?.legend
      ? { legend: poolFile.legend, ignored: [] }
      : undefined;
  if (!chosen)
    throw new InputError("landuse analyze", [
      {
        path: "legend",
        message: `is needed: a preset (${Object.keys(LEGEND_PRESETS).join(", ")}), a legend CSV, or a pool table with a LULC_name column`,
      },
    ]);
  const { legend, ignored } = chosen;
  const rules =
    o.rules && o.zoning !== "none" && o.zoning !== "data-driven"
      ? (await import("../io/read-zoning-rules.ts")).readZoningRules(o.rules, legend)
      : undefined;
  const { pools: _p, rules: _r, legend: _l, boundary, zones, zoneField, ...rest } = o;
  return {
    ...rest,
    legend,
    legendName: `legend ${legend.id}`,
    ...(poolFile ? { pools: poolFile.pools } : {}),
    ...(rules ? { rules } : {}),
    ...(boundary ? { boundary: polygonsFile(boundary) } : {}),
    ...(zones ? { zones: polygonsFile(zones, zoneField) } : {}),
    ...(ignored.length ? { inputWarnings: [`legend columns not used: ${ignored.join(", ")}`] } : {}),
  };
}
