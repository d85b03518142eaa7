import type { ApiWarning } from "../contract/area.ts";
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
  readonly warnings: readonly ApiWarning[];
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
    warnings: [
      ...scan.warnings.map((w) => {
        const detail = w.replace(path, name);
        return { code: "mapReadWarning", params: { name, detail }, message: detail };
      }),
      ...legendCoverageWarnings(legend, histogram, name),
    ],
  };
}

/** A map whose pixels fall this much (or more) in one class is suspicious: 90 %. */
export const ONE_CLASS_SHARE = 0.9;
/** A map using less than this share of a legend's classes (of 4 or more) is suspicious: half. */
export const USED_CLASS_SHARE = 0.5;

/**
 * Warnings about how a map's codes cover its legend (the codes not in the legend are refused
 * before): legend classes with no pixel in the map; most of the map (≥ 90 %) in one class; fewer
 * than half of a legend of 4 or more classes used. A map coded in another legend (CLCD codes read
 * with seed 001's, say) usually shows one of these; a small area may show them legitimately, so
 * the map is kept and the warnings say what to check.
 */
export function legendCoverageWarnings(
  legend: Legend,
  histogram: ReadonlyMap<number, number>,
  name: string,
): ApiWarning[] {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0)
    return [
      {
        code: "mapAllNodata",
        params: { name },
        message: `${name} has no pixel with a class (all nodata); check its nodata value`,
      },
    ];
  const out: ApiWarning[] = [];
  const absent = legend.classes.filter((c) => !(histogram.get(c.code) ?? 0));
  const used = legend.classes.length - absent.length;
  if (legend.classes.length >= 4 && used < legend.classes.length * USED_CLASS_SHARE)
    out.push({
      code: "mapFewClassesUsed",
      params: { name, used, total: legend.classes.length },
      message: `${name} uses only ${used} of the legend's ${legend.classes.length} classes; check that it is coded in this legend`,
    });
  if (absent.length) {
    const classes = absent.map((c) => `${c.code} (${c.name})`).join(", ");
    out.push({
      code: "mapAbsentClasses",
      params: { name, classes },
      message: `legend classes with no pixel in ${name}: ${classes}`,
    });
  }
  const [topCode, topPixels] = [...histogram].sort((a, b) => b[1] - a[1])[0]!;
  const share = topPixels / total;
  if (histogram.size > 0 && share >= ONE_CLASS_SHARE) {
    const c = legend.classes.find((k) => k.code === topCode);
    const params = { name, share: (share * 100).toFixed(1), code: topCode, className: c?.name ?? "?" };
    out.push({
      code: "mapOneClass",
      params,
      message: `${params.share} % of ${name}'s pixels are of one class, ${topCode} (${params.className}); check that it is coded in this legend and its nodata value is set`,
    });
  }
  return out;
}
