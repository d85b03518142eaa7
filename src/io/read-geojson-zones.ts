import proj4 from "proj4";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import {
  checkPolygonGeojson,
  GEOJSON_BOUNDS,
  geojsonInputIssues,
} from "../domain/landuse/polygon-geojson.ts";
import { edgesOfRings, type ZoneEdges } from "../domain/landuse/rasterize-polygons.ts";
import { proj4ForEpsg, type RasterCrs } from "../raster/crs.ts";
import type { RasterGrid } from "../raster/grid.ts";
import { readTextFile } from "./read-text-file.ts";

/** Polygons of a GeoJSON file on a raster grid: per feature its edges (pixel units) and name. */
export interface GridPolygons {
  readonly path: string;
  readonly names: readonly string[];
  readonly features: readonly ZoneEdges[];
  /** The CRS the file was read in, and whether it was reprojected. */
  readonly sourceCrs: string;
  readonly reprojected: boolean;
}

/**
 * The EPSG code a GeoJSON file's legacy `crs` member names (`EPSG:n`, `urn:ogc:def:crs:EPSG::n`,
 * CRS84 → 4326); undefined without one (RFC 7946: WGS 84), NaN for a name MineCarbon cannot read.
 */
export function declaredEpsg(doc: { crs?: { properties?: { name?: string } } }): number | undefined {
  const name = doc.crs?.properties?.name;
  if (!name) return undefined;
  const m = /EPSG:{1,2}(\d+)$/i.exec(name) ?? /CRS84$/i.exec(name);
  if (!m) return NaN;
  return m[1] ? Number(m[1]) : 4326;
}

/**
 * Reads Polygon/MultiPolygon features and puts them on `grid`: coordinates are reprojected from the
 * file's CRS (RFC 7946 WGS 84 longitude/latitude, or a legacy `crs` member naming an EPSG code) to
 * the raster's CRS with proj4, then to pixel units.
 */
export function readGeojsonPolygons(path: string, grid: RasterGrid, nameField?: string): GridPolygons {
  const text = readTextFile(path);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(path, [{ path: "", message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  // Checked whole first: types, rings, positions, depth, vertices (an error names the coordinate).
  const checked = checkPolygonGeojson(doc);
  if (checked.issues.length) throw new InputError(path, geojsonInputIssues(checked.issues));
  const root = doc as { crs?: { properties?: { name?: string } } };
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
  let transform: ((p: readonly [number, number]) => [number, number]) | undefined;
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
      transform = (p) => converter.forward([p[0], p[1]]) as [number, number];
    }
  }
  if (issues.length) throw new InputError(path, issues);
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
    const raw = nameField ? f.properties[nameField] : (f.properties.name ?? f.properties.zone);
    if (nameField && (raw === undefined || raw === null || raw === ""))
      issues.push({ path: `features[${i}].properties.${nameField}`, message: "must name the zone" });
    names.push(raw === undefined || raw === null || raw === "" ? `zone ${i + 1}` : String(raw));
  });
  if (issues.length) throw new InputError(path, issues.slice(0, GEOJSON_BOUNDS.issues));
  return { path, names, features: edges, sourceCrs: `EPSG:${from}`, reprojected: !same };
}
