import { totalDensity, type PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { BlockPlan } from "../domain/landuse/count-block.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { rowPixelAreas } from "../domain/landuse/pixel-area.ts";
import { UNCLASSIFIED, type ZoningRules } from "../domain/landuse/zoning-rules.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import type { EnginePlan, OutputSpec } from "../engine/engine-plan.ts";
import type { ClassRaster } from "../raster/geotiff-source.ts";
import type { DatedMap } from "./analysis-input.ts";
import type { CheckedMaps } from "./check-inputs.ts";
import { CHANGES_FILE } from "./output-names.ts";
import type { GridPolygons } from "./polygons-on-grid.ts";
import { transitionZoneTable } from "./zoning-choice.ts";
import { resolve } from "node:path";

/**
 * DEFLATE level of written rasters: 1, the fastest. On classified maps level 6 (GDAL's default)
 * makes files about half the size for four times the compression work; `deflateLevel: 6` asks for it.
 */
export const DEFAULT_DEFLATE_LEVEL = 1;

/** The zone of pixels outside every zone polygon (still counted in the whole-area tables). */
export const OUTSIDE_ZONES = "(outside the zones)";

/** A pair of dates (indices into the dated maps): consecutive ones, then first → last with 3+ dates. */
export type DatePair = readonly [number, number];

/** What the analysis will count and write, decided before any block is read. */
export interface AnalysisPlan {
  readonly maps: readonly DatedMap[];
  readonly pairs: readonly DatePair[];
  /** How many of `pairs` are consecutive (multistep); the one after them is the one-step pair. */
  readonly multistepCount: number;
  readonly rules: ZoningRules | undefined;
  /** Zone names of the rules with unclassified last (raster code = index + 1); empty without zoning. */
  readonly zoneNames: readonly string[];
  readonly zoneTable: Uint8Array | undefined;
  readonly boundary: GridPolygons | undefined;
  readonly zones: GridPolygons | undefined;
  /** Zones of the polygons, the outside last; ["all"] without them. */
  readonly zoneList: readonly string[];
  readonly rowAreaHa: Float64Array;
  readonly engine: EnginePlan;
}

/** `YYYY-YYYY` of a pair of dates, as output file names carry it. */
export const pairName = (maps: readonly DatedMap[], p: DatePair) => `${maps[p[0]]!.year}-${maps[p[1]]!.year}`;

/** Block height: a multiple of 16 (TIFF's tile rule); whole tiles or strips of the first map by default. */
export function chooseBlockRows(first: ClassRaster, asked: number | undefined): number {
  if (asked !== undefined) {
    if (!Number.isInteger(asked) || asked < 16 || asked % 16 !== 0)
      throw new InputError("landuse analyze", [
        { path: "blockRows", message: `must be a multiple of 16; got ${asked}` },
      ]);
    return asked;
  }
  // Tiled maps: one row of tiles per block, so that tiles go through whole (a multiple of 16 by TIFF's rule).
  if (first.tiled && first.blockHeight % 16 === 0) return first.blockHeight;
  // Striped maps: whole strips, at least 16 rows and about a million pixels per block.
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let rows = (first.blockHeight * 16) / gcd(first.blockHeight, 16);
  while (rows * first.grid.width < 1 << 20 && rows < first.grid.height) rows *= 2;
  return rows;
}

/** Plans the counting: date pairs, zoning, polygons, output rasters and the engine's blocks. */
export function planAnalysis(
  maps: readonly DatedMap[],
  legend: Legend,
  checked: CheckedMaps,
  o: {
    readonly rules: ZoningRules | undefined;
    readonly pools: PoolTable | undefined;
    readonly boundary: GridPolygons | undefined;
    readonly zones: GridPolygons | undefined;
    readonly blockRows: number | undefined;
    readonly deflateLevel: number | undefined;
  },
): AnalysisPlan {
  const { grid, rasters } = checked;
  const dates = maps.length;
  const multistep: DatePair[] = Array.from({ length: dates - 1 }, (_, i) => [i, i + 1]);
  const pairs: DatePair[] = dates > 2 ? [...multistep, [0, dates - 1]] : multistep;
  const { rules, pools, boundary, zones } = o;
  const zoneNames = rules ? [...rules.zones, UNCLASSIFIED] : [];
  const zoneTable = rules ? transitionZoneTable(rules, legend, zoneNames) : undefined;
  const zoneList = zones ? [...new Set(zones.names), OUTSIDE_ZONES] : ["all"];

  const outputs: OutputSpec[] = [];
  if (zoneTable)
    for (const p of pairs)
      outputs.push({ kind: "zones", path: `zones-${pairName(maps, p)}.tif`, pair: p, table: zoneTable });
  const densityByIndex = pools
    ? Float64Array.from(legend.classes, (c) => totalDensity(pools.classes.find((p) => p.code === c.code)!))
    : undefined;
  if (densityByIndex) {
    maps.forEach((m, d) =>
      outputs.push({ kind: "carbon", path: `carbon-${m.year}.tif`, date: d, densityTCPerHa: densityByIndex }),
    );
    for (const p of pairs)
      outputs.push({
        kind: "carbon-change",
        path: `carbon-change-${pairName(maps, p)}.tif`,
        pair: p,
        densityTCPerHa: densityByIndex,
      });
  }
  // Accumulated changes (OpenLand's acc_changes): class changes per pixel across all the dates.
  outputs.push({ kind: "changes", path: CHANGES_FILE });

  const rowAreaHa = rowPixelAreas(grid, grid.crs);
  // Output tiles as wide as the input's, so tiles can go from decoder to writer unchanged.
  const first = rasters[0]!;
  const tileWidth =
    first.tiled && first.blockWidth % 16 === 0 && first.blockWidth <= 1024 ? first.blockWidth : 256;
  const counting: BlockPlan = {
    classCount: legend.classes.length,
    luts: checked.luts,
    pairs,
    zoneCount: zoneList.length,
  };
  const engine: EnginePlan = {
    paths: maps.map((m) => resolve(m.path)),
    grid,
    align: checked.align,
    blockRows: chooseBlockRows(first, o.blockRows),
    counting,
    zones: zones
      ? {
          features: zones.features,
          zoneOf: zones.names.map((n) => zoneList.indexOf(n)),
          unzoned: zoneList.length - 1,
        }
      : null,
    boundary: boundary ? boundary.features : null,
    rowAreaHa,
    areaVariesByRow: grid.crs.kind === "geographic",
    outputs,
    tileWidth,
    previewStep: Math.max(1, Math.ceil(Math.max(grid.width, grid.height) / 1000)),
    deflateLevel: o.deflateLevel ?? DEFAULT_DEFLATE_LEVEL,
  };
  return {
    maps,
    pairs,
    multistepCount: multistep.length,
    rules,
    zoneNames,
    zoneTable,
    boundary,
    zones,
    zoneList,
    rowAreaHa,
    engine,
  };
}
