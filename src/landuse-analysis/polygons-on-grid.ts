import proj4 from "proj4";
import {
  checkPolygonGeojson,
  GEOJSON_BOUNDS,
  geojsonInputIssues,
} from "../domain/landuse/polygon-geojson.ts";
import { edgesOfRings, type ZoneEdges } from "../domain/landuse/rasterize-polygons.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { proj4ForEpsg, type RasterCrs } from "../raster/crs.ts";
import type { RasterGrid } from "../raster/grid.ts";
import { declaredEpsg } from "../domain/landuse/polygon-geojson.ts";
import type { PolygonsInput } from "./analysis-input.ts";

/** Polygons on a raster grid: per feature its edges (pixel units) and zone name. */
export interface GridPolygons {
  /** The name the polygons were given by (a file, "the area's boundary"). */
  readonly source: string;
  readonly names: readonly string[];
  readonly features: readonly ZoneEdges[];
  /** The CRS the polygons were given in, and whether they were reprojected. */
  readonly sourceCrs: string;
  readonly reprojected: boolean;
}

/**
 * Puts the Polygon/MultiPolygon features of a GeoJSON value on `grid`: coordinates are reprojected
 * from its CRS (RFC 7946 WGS 84 longitude/latitude, or a legacy `crs` member naming an EPSG code) to
 * the raster's CRS with proj4, then to pixel units. Problems are bad input named by `p.name`.
 */
export function polygonsOnGrid(p: PolygonsInput, grid: RasterGrid): GridPolygons {
  // Checked whole first: types, rings, positions, depth, vertices (an error names the coordinate).
  const checked = checkPolygonGeojson(p.geojson);
  if (checked.issues.length) throw new InputError(p.name, geojsonInputIssues(checked.issues));
  const root = p.geojson as { crs?: { properties?: { name?: string } } };
  const issues: InputIssue[] = [];
  const epsg = declaredEpsg(root);
  if (Number.isNaN(epsg))
    issues.push({
      path: "crs",
      message: `names a CRS MineCarbon cannot read (${root.crs?.properties?.name}); use EPSG:nnnn or WGS 84`,
    });
  const from = epsg ?? 4326;
  const rasterCrs: RasterCrs = grid.crs;
  const same = rasterCrs.epsg === from;
  const fromDef = proj4ForEpsg(from);
  let transform: ((pt: readonly [number, number]) => [number, number]) | undefined;
  if (!same) {
    if (!fromDef)
      issues.push({
        path: "crs",
        message: `EPSG:${from} is not a CRS MineCarbon can reproject from; reproject the file to WGS 84 (ogr2ogr -t_srs EPSG:4326)`,
      });
    else if (!rasterCrs.proj4)
      issues.push({
        path: "crs",
        message: `the rasters' CRS (${rasterCrs.label}) has no definition to reproject to; give the polygons in that CRS with a matching crs member`,
      });
    else {
      const converter = proj4(fromDef, rasterCrs.proj4);
      transform = (pt) => converter.forward([pt[0], pt[1]]) as [number, number];
    }
  }
  if (issues.length) throw new InputError(p.name, issues);
  const names: string[] = [];
  const edges: ZoneEdges[] = [];
  checked.features.forEach((f, i) => {
    const rings: [number, number][][] = [];
    for (const poly of f.polygons)
      for (const ring of poly)
        rings.push(
          ring.map((pt) => {
            const [x, y] = transform ? transform([pt[0], pt[1]]) : [pt[0], pt[1]];
            return [(x - grid.originX) / grid.pixelWidth, (grid.originY - y) / grid.pixelHeight] as [
              number,
              number,
            ];
          }),
        );
    const nonFinite = rings.some((r) => r.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y)));
    if (nonFinite)
      issues.push({
        path: `features[${i}]`,
        message: `cannot be placed on the maps' grid (${rasterCrs.label}): a position reprojects to no finite point; check the crs member`,
      });
    edges.push(edgesOfRings(rings));
    const field = p.nameField;
    const raw = field ? f.properties[field] : (f.properties.name ?? f.properties.zone);
    if (field && (raw === undefined || raw === null || raw === ""))
      issues.push({ path: `features[${i}].properties.${field}`, message: "must name the zone" });
    names.push(raw === undefined || raw === null || raw === "" ? `zone ${i + 1}` : String(raw));
  });
  if (issues.length) throw new InputError(p.name, issues.slice(0, GEOJSON_BOUNDS.issues));
  return { source: p.name, names, features: edges, sourceCrs: `EPSG:${from}`, reprojected: !same };
}
