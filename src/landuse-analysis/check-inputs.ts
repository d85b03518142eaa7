import type { PoolTable } from "../domain/landuse/carbon-pools.ts";
import { MAX_CLASSES } from "../domain/landuse/count-block.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { OUTSIDE_CODE } from "../engine/engine-plan.ts";
import { openClassRaster, type ClassRaster } from "../raster/geotiff-source.ts";
import { gridDifferences, type RasterGrid } from "../raster/grid.ts";
import type { DatedMap } from "./analysis-input.ts";

/** The maps in date order; at least two, each year once (problems at `maps`). */
export function datedMaps(maps: readonly DatedMap[]): DatedMap[] {
  const issues: InputIssue[] = [];
  if (maps.length < 2)
    issues.push({ path: "maps", message: `needs at least two dates (year=path); got ${maps.length}` });
  const years = maps.map((m) => m.year);
  if (new Set(years).size !== years.length)
    issues.push({ path: "maps", message: `each year may appear once; got ${years.join(", ")}` });
  if (issues.length) throw new InputError("landuse analyze", issues);
  return [...maps].sort((a, b) => a.year - b.year);
}

/** The maps opened (headers only) and checked against each other and the legend. */
export interface CheckedMaps {
  readonly rasters: readonly ClassRaster[];
  /** The first map's grid, onto which everything counts. */
  readonly grid: RasterGrid;
  /** Per date: resampled onto the first grid by nearest neighbour. */
  readonly align: readonly boolean[];
  /** Per date: raster code → class index; nodata and outside → K; codes not in the legend → K + 1. */
  readonly luts: readonly Uint16Array[];
}

/**
 * Opens the maps and checks them: one grid (or, with `alignNearest`, one CRS), codes the maps can
 * hold, no more classes than the engine counts, no nodata value that is also a legend code.
 */
export async function checkMaps(
  maps: readonly DatedMap[],
  legend: Legend,
  o: { alignNearest: boolean; alignRemedy: string },
): Promise<CheckedMaps> {
  const rasters: ClassRaster[] = [];
  try {
    for (const m of maps) rasters.push(await openClassRaster(m.path));
  } finally {
    await Promise.all(rasters.map((r) => r.close()));
  }
  const grid = rasters[0]!.grid;
  const align = rasters.map(() => false);
  const gridProblems: InputIssue[] = [];
  rasters.forEach((r, d) => {
    if (d === 0) return;
    const diff = gridDifferences(grid, r.grid);
    if (!diff.length) return;
    const sameCrs = r.grid.crs.kind === grid.crs.kind && !diff.some((x) => x.startsWith("CRS"));
    if (!sameCrs || !o.alignNearest)
      gridProblems.push({
        path: `${maps[d]!.path} vs ${maps[0]!.path}`,
        message: `grids differ: ${diff.join("; ")}${
          sameCrs ? ` (${o.alignRemedy})` : " (reproject with gdalwarp onto the first map's grid first)"
        }`,
      });
    else align[d] = true;
  });
  if (gridProblems.length) throw new InputError("landuse analyze", gridProblems);
  const issues: InputIssue[] = [];
  if (legend.classes.some((c) => c.code > 255) && rasters.every((r) => r.bits === 8))
    issues.push({ path: "legend", message: "has codes above 255 but every map is 8-bit" });
  const k = legend.classes.length;
  if (k > MAX_CLASSES)
    issues.push({ path: "legend", message: `has ${k} classes; the engine counts at most ${MAX_CLASSES}` });
  const luts = rasters.map((r) => {
    const lut = new Uint16Array(65536).fill(k + 1);
    legend.classes.forEach((c, i) => (lut[c.code] = i));
    if (r.nodata !== null && r.nodata >= 0 && r.nodata < 65536) lut[r.nodata] = k;
    lut[OUTSIDE_CODE] = k;
    return lut;
  });
  for (const [d, r] of rasters.entries())
    if (r.nodata !== null && legend.classes.some((c) => c.code === r.nodata))
      issues.push({
        path: maps[d]!.path,
        message: `its nodata value ${r.nodata} is also a legend code; nodata wins, so that class would vanish — fix the legend or the nodata value`,
      });
  if (issues.length) throw new InputError("landuse analyze", issues);
  return { rasters, grid, align, luts };
}

/** Every legend class has densities in the pool table (0 where it holds no carbon). */
export function checkPoolsCoverLegend(pools: PoolTable, legend: Legend): void {
  const known = new Set(pools.classes.map((p) => p.code));
  const missing = legend.classes.filter((c) => !known.has(c.code));
  if (missing.length)
    throw new InputError(pools.source, [
      {
        path: "lucode",
        message: `has no densities for legend classes ${missing.map((c) => `${c.code} (${c.name})`).join(", ")}; add rows (0 where a class holds no carbon)`,
      },
    ]);
}
