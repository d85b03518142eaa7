import type { BlockPlan } from "../domain/landuse/count-block.ts";
import type { FeatureZones, ZoneEdges } from "../domain/landuse/rasterize-polygons.ts";
import type { RasterGrid } from "../raster/grid.ts";

/** A raster the engine writes, one tile row per block. */
export type OutputSpec =
  | {
      readonly kind: "zones";
      readonly path: string;
      readonly pair: readonly [number, number];
      /** Zone code (1..255) of each transition from·K + to. */
      readonly table: Uint8Array;
    }
  | {
      readonly kind: "carbon";
      readonly path: string;
      readonly date: number;
      readonly densityTCPerHa: Float64Array;
    }
  | {
      readonly kind: "carbon-change";
      readonly path: string;
      readonly pair: readonly [number, number];
      readonly densityTCPerHa: Float64Array;
    }
  | {
      /** Accumulated changes: per pixel, class changes between consecutive dates (255 not analysed). */
      readonly kind: "changes";
      readonly path: string;
    };

/**
 * Everything a worker needs to process blocks of rows; plain data, so it crosses to worker threads
 * by structured clone.
 */
export interface EnginePlan {
  /** One classified raster per date, in date order. */
  readonly paths: readonly string[];
  /** The grid results are on (the first date's). */
  readonly grid: RasterGrid;
  /** Dates whose grid differs and are resampled by nearest neighbour onto `grid`. */
  readonly align: readonly boolean[];
  /** Rows per block; a multiple of 16 (output tile height). */
  readonly blockRows: number;
  readonly counting: BlockPlan;
  /** Zone polygons in pixel coordinates; null: one zone. */
  readonly zones: FeatureZones | null;
  /** Boundary polygons in pixel coordinates; null: no boundary. */
  readonly boundary: readonly ZoneEdges[] | null;
  /** Pixel area (ha) per row of the grid. */
  readonly rowAreaHa: Float64Array;
  /** True when pixel areas differ by row (geographic grid): areas are summed row by row. */
  readonly areaVariesByRow: boolean;
  readonly outputs: readonly OutputSpec[];
  readonly tileWidth: number;
  /** Every n-th row and column go into the preview of each zones and changes output. */
  readonly previewStep: number;
  readonly deflateLevel: number;
}

/** Code used for pixels that fall outside a date's raster when it is aligned onto the grid. */
export const OUTSIDE_CODE = 0xffff;

/** Number of blocks in a plan. */
export const blockCount = (p: EnginePlan) => Math.ceil(p.grid.height / p.blockRows);
