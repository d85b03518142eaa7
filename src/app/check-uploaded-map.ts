import { codesNotInLegend, type Legend } from "../domain/landuse/legend.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import { openClassRaster } from "../raster/geotiff-source.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { describeGrid, gridDifferences, type RasterGrid } from "../raster/grid.ts";

/** Why an uploaded map was refused: the HTTP status (400 not a GeoTIFF, 422 a GeoTIFF that does not fit) and each problem. */
export class MapRejected extends Error {
  constructor(
    readonly status: 400 | 422,
    readonly code: "not-a-geotiff" | "map-does-not-fit",
    message: string,
    readonly details: InputIssue[],
  ) {
    super(message);
  }
}

/** What was learnt about an accepted map: its grid and the pixel count of each code. */
export interface CheckedMap {
  readonly grid: ReturnType<typeof describeGrid>;
  readonly rasterGrid: RasterGrid;
  readonly histogram: { code: number; pixels: number }[];
  readonly nodata: number | null;
  readonly warnings: readonly string[];
}

/**
 * Checks a map on arrival: it must be a classified GeoTIFF, on the grid of the area's other maps
 * (`sameGridAs`, when there are any) and use only the legend's codes (nodata aside). Every problem
 * is named; nothing is repaired.
 */
export async function checkUploadedMap(
  path: string,
  name: string,
  legend: Legend,
  sameGridAs: { year: number; grid: RasterGrid } | undefined,
): Promise<CheckedMap> {
  let raster;
  try {
    raster = await openClassRaster(path);
  } catch (e) {
    if (e instanceof RasterInputError)
      throw new MapRejected(400, "not-a-geotiff", `${name} was not accepted`, [
        { path: "file", message: e.message.replace(path, name) },
      ]);
    throw e;
  }
  try {
    const g = raster.grid;
    if (sameGridAs) {
      const diff = gridDifferences(sameGridAs.grid, g);
      if (diff.length)
        throw new MapRejected(
          422,
          "map-does-not-fit",
          `${name} is not on the grid of the area's other maps`,
          [
            {
              path: "file",
              message: `grid differs from the ${sameGridAs.year} map: ${diff.join("; ")}; warp it onto that grid first (gdalwarp -te … -tr …)`,
            },
          ],
        );
    }
    const counts = new Float64Array(raster.bits === 8 ? 256 : 65536);
    const step = Math.max(1, Math.floor(4_000_000 / g.width));
    for (let y = 0; y < g.height; y += step) {
      const rows = await raster.readRows(y, Math.min(g.height, y + step));
      for (let i = 0; i < rows.length; i++) counts[rows[i]!]!++;
    }
    const histogram = new Map<number, number>();
    counts.forEach((n, code) => {
      if (n > 0 && code !== raster.nodata) histogram.set(code, n);
    });
    const unknown = codesNotInLegend(legend, histogram);
    if (unknown.length)
      throw new MapRejected(
        422,
        "map-does-not-fit",
        `${name} has codes the area's legend does not know`,
        unknown.map((u) => ({
          path: "file",
          message: `code ${u.code} (${u.pixels.toLocaleString("en-US")} px) is not in the legend; add it to the legend or recode the map`,
        })),
      );
    return {
      grid: describeGrid(g),
      rasterGrid: g,
      histogram: [...histogram].map(([code, pixels]) => ({ code, pixels })),
      nodata: raster.nodata,
      warnings: raster.warnings,
    };
  } finally {
    await raster.close();
  }
}
