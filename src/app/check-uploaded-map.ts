import { codesNotInLegend, type Legend } from "../domain/landuse/legend.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import { readCodeHistogramOffThread } from "../engine/read-code-histogram-off-thread.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { describeGrid, type RasterGrid } from "../raster/grid.ts";

/**
 * Why an uploaded map was refused: the HTTP status (400 not a readable GeoTIFF, 413 more pixels
 * than the server accepts, 422 a GeoTIFF that does not fit) and each problem.
 */
export class MapRejected extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    readonly code: "not-a-geotiff" | "too-large" | "map-does-not-fit",
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
 * Checks a map on arrival: it must be a classified GeoTIFF that is whole (every block present and
 * decoding to its size), at most `maxPixels` pixels, on the grid of the area's other maps
 * (`sameGridAs`, when there are any) and use only the legend's codes (nodata aside). The file is
 * read in a worker thread, so a big or hostile map never stalls the server. Every problem is
 * named; nothing is repaired.
 */
export async function checkUploadedMap(
  path: string,
  name: string,
  legend: Legend,
  sameGridAs: { year: number; grid: RasterGrid } | undefined,
  o: { maxPixels?: number } = {},
): Promise<CheckedMap> {
  let scan;
  try {
    scan = await readCodeHistogramOffThread(path, {
      ...(o.maxPixels !== undefined ? { maxPixels: o.maxPixels } : {}),
      ...(sameGridAs ? { sameGridAs: sameGridAs.grid } : {}),
    });
  } catch (e) {
    if (e instanceof RasterInputError) {
      const details = [{ path: "file", message: e.message.replace(path, name) }];
      throw e.reason === "too-large"
        ? new MapRejected(413, "too-large", `${name} has more pixels than this server accepts`, details)
        : new MapRejected(400, "not-a-geotiff", `${name} was not accepted`, details);
    }
    throw e;
  }
  if (sameGridAs && scan.gridDifferences.length)
    throw new MapRejected(422, "map-does-not-fit", `${name} is not on the grid of the area's other maps`, [
      {
        path: "file",
        message: `grid differs from the ${sameGridAs.year} map: ${scan.gridDifferences.join("; ")}; warp it onto that grid first (gdalwarp -te … -tr …)`,
      },
    ]);
  const histogram = new Map<number, number>();
  scan.counts!.forEach((n, code) => {
    if (n > 0 && code !== scan.nodata) histogram.set(code, n);
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
    grid: describeGrid(scan.grid),
    rasterGrid: scan.grid,
    histogram: [...histogram].map(([code, pixels]) => ({ code, pixels })),
    nodata: scan.nodata,
    warnings: scan.warnings.map((w) => w.replace(path, name)),
  };
}
