import type { ObservedLandUse } from "../../contract/plot.ts";
import type { Legend } from "../../domain/landuse/legend.ts";
import { rowPixelAreas } from "../../domain/landuse/pixel-area.ts";
import { rowSpans, type ZoneEdges } from "../../domain/landuse/rasterize-polygons.ts";
import { polygonsOnGrid } from "../../landuse-analysis/polygons-on-grid.ts";
import { openClassRaster, type ClassRaster } from "../../raster/geotiff-source.ts";
import { gridDifferences, type RasterGrid } from "../../raster/grid.ts";
import { ha } from "../../units/index.ts";
import type { Analysis } from "../../storage/analysis-repository.ts";
import type { StoredMap } from "../../storage/landuse-map-repository.ts";
import type { MiningArea } from "../../storage/mining-area-repository.ts";
import type { Plot } from "../../storage/plot-repository.ts";
import { areaLegend } from "../area-legend.ts";

/** What the maps show of one plot, before it is stored (ObservedLandUse without its source). */
export type PlotView = Pick<ObservedLandUse, "roleAreaHa" | "transitionsHa" | "outsideMapHa">;

/** The role a pixel's code stands for: its legend class's role (key), "unclassified" for a code outside the legend. */
const roleOf = (legend: Legend) => {
  const byCode = new Map(legend.classes.map((c) => [c.code, c.key || `code ${c.code}`]));
  return (code: number) => byCode.get(code) ?? "unclassified";
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * What two maps of the same grid (`from`, then `to`) show inside each plot, as the land-use
 * analysis counts: a pixel belongs to a plot when its centre lies inside it (the analysis's
 * zones, `rowSpans`), and counts with its row's area (`rowPixelAreas`: one area on a projected
 * grid, the ellipsoid's on a geographic one). The plot's WGS 84 polygon is put on the grid with
 * `polygonsOnGrid` (proj4 to the maps' CRS). Per plot: the area of each role in the `to` map and
 * the transitions between the maps (persistence included); pixels on nodata in either map, and
 * the plot's area beyond the maps' extent, are `outsideMapHa`.
 */
export async function plotsOnMaps(
  from: StoredMap,
  to: StoredMap,
  legend: Legend,
  plots: readonly Pick<Plot, "id" | "name" | "geometry" | "areaHa">[],
): Promise<Map<string, PlotView>> {
  const a = await openClassRaster(from.path);
  let b: ClassRaster | undefined;
  try {
    b = await openClassRaster(to.path);
    const differ = gridDifferences(a.grid, b.grid);
    if (differ.length)
      throw new Error(`the ${from.year} and ${to.year} maps are on different grids (${differ.join("; ")})`);
    const out = new Map<string, PlotView>();
    for (const p of plots) out.set(p.id, await onePlot(a, b, legend, p));
    return out;
  } finally {
    await a.close();
    await b?.close();
  }
}

async function onePlot(
  a: ClassRaster,
  b: ClassRaster,
  legend: Legend,
  p: Pick<Plot, "id" | "name" | "geometry" | "areaHa">,
): Promise<PlotView> {
  const grid: RasterGrid = a.grid;
  const on = polygonsOnGrid(
    { name: `plot "${p.name}"`, geojson: { type: "Feature", geometry: p.geometry, properties: {} } },
    grid,
  );
  const edges: ZoneEdges = on.features[0]!;
  const rowArea = rowPixelAreas(grid, grid.crs);
  const role = roleOf(legend);
  let minY = Infinity;
  let maxY = -Infinity;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let e = 0; e < edges.length; e += 2) {
    minX = Math.min(minX, edges[e]!);
    maxX = Math.max(maxX, edges[e]!);
    minY = Math.min(minY, edges[e + 1]!);
    maxY = Math.max(maxY, edges[e + 1]!);
  }
  const roleAreaHa: Record<string, number> = {};
  const transitions = new Map<string, number>();
  let outside = 0;
  let counted = 0;
  const y0 = Math.max(0, Math.floor(minY));
  const y1 = Math.min(grid.height, Math.ceil(maxY));
  if (y1 > y0) {
    const [ra, rb] = [await a.readRows(y0, y1), await b.readRows(y0, y1)];
    for (let r = y0; r < y1; r++) {
      const area = rowArea[r]!;
      const base = (r - y0) * grid.width;
      for (const [s, e] of rowSpans(edges, r, grid.width))
        for (let c = s; c < e; c++) {
          const ca = ra[base + c]!;
          const cb = rb[base + c]!;
          counted += area;
          if (ca === a.nodata || cb === b.nodata) {
            outside += area;
            continue;
          }
          const [fr, tr] = [role(ca), role(cb)];
          roleAreaHa[tr] = (roleAreaHa[tr] ?? 0) + area;
          const k = `${fr}\u0000${tr}`;
          transitions.set(k, (transitions.get(k) ?? 0) + area);
        }
    }
  }
  // The plot reaches past the maps' edge: what lies beyond was not seen.
  const beyond = minX < 0 || minY < 0 || maxX > grid.width || maxY > grid.height;
  if (beyond) outside += Math.max(0, p.areaHa - counted);
  return {
    roleAreaHa: Object.fromEntries(Object.entries(roleAreaHa).map(([k, v]) => [k, round(v)])),
    transitionsHa: [...transitions]
      .map(([k, v]) => {
        const [fromRole, toRole] = k.split("\u0000") as [string, string];
        return { fromRole, toRole, areaHa: round(v) };
      })
      .sort((x, y) => x.fromRole.localeCompare(y.fromRole) || x.toRole.localeCompare(y.toRole)),
    outsideMapHa: round(ha(outside)),
  };
}

/** The two maps an analysis compares last: its years (all its area's maps when none), the last two. */
export function lastTwoMaps(
  analysis: Analysis,
  maps: readonly StoredMap[],
): [StoredMap, StoredMap] | undefined {
  const years = (analysis.params as { years?: unknown } | null)?.years;
  const used = Array.isArray(years) ? maps.filter((m) => years.includes(m.year)) : [...maps];
  used.sort((x, y) => x.year - y.year);
  return used.length >= 2 ? [used[used.length - 2]!, used[used.length - 1]!] : undefined;
}

/** The legend of an area, to read its maps' codes as roles. */
export const legendOf = (area: MiningArea): Legend => areaLegend(area.legend);
