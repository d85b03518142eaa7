import { createHash } from "node:crypto";
import { InputError } from "../domain/validation/input-issue.ts";
import { polygonsOnGrid } from "../landuse-analysis/polygons-on-grid.ts";
import type { RasterGrid } from "../raster/grid.ts";
import { edgesBox, mineWindow, type MineWindow } from "./mine-window.ts";

/** The most mines one batch takes (a national set of coal mines is a few thousand). */
export const MAX_MINES = 100_000;

/** One mine of the mines file, placed on the rasters' grid, or the reason it cannot be counted. */
export type PlacedMine =
  | {
      readonly index: number;
      readonly id: string;
      /** SHA-256 of the feature's geometry and the file's CRS: what its counts depend on besides the maps. */
      readonly geometryHash: string;
      readonly window: MineWindow;
      readonly failure?: undefined;
    }
  | {
      readonly index: number;
      readonly id: string;
      readonly geometryHash?: undefined;
      readonly window?: undefined;
      readonly failure: string;
    };

const problemText = (e: unknown): string =>
  e instanceof InputError
    ? e.issues
        .slice(0, 3)
        .map((i) => (i.path ? `${i.path.replace(/^features\[0\]\.?/, "")}: ${i.message}` : i.message))
        .join("; ")
    : (e as Error).message;

/**
 * The mines of a GeoJSON document (a FeatureCollection of Polygon/MultiPolygon features with an id
 * property), each put on `grid` on its own: a feature that is invalid, has no id or a repeated one,
 * or covers no pixel centre of the rasters is returned with the reason, and the others are counted.
 * Problems of the document itself (not a FeatureCollection, too many features) are an InputError.
 */
export function placeMines(source: string, doc: unknown, idField: string, grid: RasterGrid): PlacedMine[] {
  const root = doc as { type?: unknown; features?: unknown; crs?: unknown } | null;
  if (!root || typeof root !== "object" || root.type !== "FeatureCollection" || !Array.isArray(root.features))
    throw new InputError(source, [
      { path: "", message: "must be a GeoJSON FeatureCollection of mine polygons (Polygon or MultiPolygon)" },
    ]);
  const features = root.features as unknown[];
  if (features.length === 0)
    throw new InputError(source, [{ path: "features", message: "must hold at least one mine" }]);
  if (features.length > MAX_MINES)
    throw new InputError(source, [
      {
        path: "features",
        message: `must hold at most ${MAX_MINES.toLocaleString("en-US")} mines; got ${features.length.toLocaleString("en-US")} (split the batch)`,
      },
    ]);
  const seen = new Map<string, number>();
  return features.map((f, index): PlacedMine => {
    const props = (f as { properties?: Record<string, unknown> } | null)?.properties;
    const raw = props && typeof props === "object" ? props[idField] : undefined;
    const hasId =
      (typeof raw === "string" && raw.trim() !== "") || (typeof raw === "number" && Number.isFinite(raw));
    const id = hasId ? String(raw).trim() : `#${index + 1}`;
    if (!hasId) return { index, id, failure: `feature ${index + 1} has no ${idField} (a text or a number)` };
    const first = seen.get(id);
    if (first !== undefined)
      return {
        index,
        id,
        failure: `its ${idField} repeats feature ${first + 1}'s; each mine needs its own id`,
      };
    seen.set(id, index);
    // A multipolygon's parts are placed one by one: a pixel in any part is the mine's (GDAL's
    // reading), where one even–odd pass over all rings would leave out where two parts overlap.
    const geometry = (f as { geometry?: unknown }).geometry;
    const g = geometry as { type?: unknown; coordinates?: unknown } | null;
    const parts =
      g && g.type === "MultiPolygon" && Array.isArray(g.coordinates) && g.coordinates.length > 1
        ? g.coordinates.map((coordinates) => ({
            type: "Feature",
            properties: {},
            geometry: { type: "Polygon", coordinates },
          }))
        : [f];
    const doc = {
      type: "FeatureCollection",
      ...(root.crs !== undefined ? { crs: root.crs } : {}),
      features: parts,
    };
    let edges: readonly Float64Array[];
    try {
      edges = polygonsOnGrid({ name: `${source}, mine ${id}`, geojson: doc }, grid).features;
    } catch (e) {
      return { index, id, failure: `invalid polygon: ${problemText(e)}` };
    }
    const window = mineWindow(edges, grid.width, grid.height);
    if (!window) {
      const outside = edges.every((e) => edgesOutside(e, grid.width, grid.height));
      return {
        index,
        id,
        failure: outside
          ? "lies outside the rasters: no pixel of the maps is inside the polygon"
          : "covers no pixel centre of the maps (smaller than a pixel, or a thin sliver)",
      };
    }
    const geometryHash = createHash("sha256")
      .update(JSON.stringify([root.crs ?? null, geometry]))
      .digest("hex");
    return { index, id, geometryHash, window };
  });
}

function edgesOutside(edges: Float64Array, width: number, height: number): boolean {
  const [minX, minY, maxX, maxY] = edgesBox(edges);
  return maxX <= 0 || maxY <= 0 || minX >= width || minY >= height;
}
