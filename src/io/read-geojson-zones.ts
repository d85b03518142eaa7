import { readFileSync } from "node:fs";
import proj4 from "proj4";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { edgesOfRings, type ZoneEdges } from "../domain/landuse/rasterize-polygons.ts";
import { proj4ForEpsg, type RasterCrs } from "../raster/crs.ts";
import type { RasterGrid } from "../raster/grid.ts";

/** Polygons of a GeoJSON file on a raster grid: per feature its edges (pixel units) and name. */
export interface GridPolygons {
  readonly path: string;
  readonly names: readonly string[];
  readonly features: readonly ZoneEdges[];
  /** The CRS the file was read in, and whether it was reprojected. */
  readonly sourceCrs: string;
  readonly reprojected: boolean;
}

type Ring = [number, number][];

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
  let doc: {
    type?: string;
    features?: {
      geometry?: { type?: string; coordinates?: unknown };
      properties?: Record<string, unknown>;
    }[];
    crs?: { properties?: { name?: string } };
  };
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(path, [
      {
        path: "",
        message: code === "ENOENT" ? "no such file" : `is not valid JSON: ${(e as Error).message}`,
      },
    ]);
  }
  const features =
    doc.type === "FeatureCollection"
      ? (doc.features ?? [])
      : doc.type === "Feature"
        ? [doc as never]
        : doc.type === "Polygon" || doc.type === "MultiPolygon"
          ? [{ geometry: doc as never, properties: {} }]
          : undefined;
  if (!features)
    throw new InputError(path, [
      { path: "type", message: `must be a FeatureCollection, Feature or Polygon; got ${doc.type}` },
    ]);
  const issues: InputIssue[] = [];
  const epsg = declaredEpsg(doc);
  if (Number.isNaN(epsg))
    issues.push({
      path: "crs",
      message: `names a CRS MineCarbon cannot read (${doc.crs?.properties?.name}); use EPSG:nnnn or WGS 84`,
    });
  const from = epsg ?? 4326;
  const rasterCrs: RasterCrs = grid.crs;
  const same = rasterCrs.epsg === from;
  const fromDef = proj4ForEpsg(from);
  let transform: ((p: [number, number]) => [number, number]) | undefined;
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
      transform = (p) => converter.forward(p) as [number, number];
    }
  }
  const names: string[] = [];
  const edges: ZoneEdges[] = [];
  features.forEach((f, i) => {
    const g = f.geometry;
    const polygons: Ring[][] =
      g?.type === "Polygon"
        ? [g.coordinates as Ring[]]
        : g?.type === "MultiPolygon"
          ? (g.coordinates as Ring[][])
          : [];
    if (!polygons.length) {
      issues.push({
        path: `features[${i}].geometry`,
        message: `must be a Polygon or MultiPolygon; got ${g?.type ?? "none"}`,
      });
      return;
    }
    const rings: [number, number][][] = [];
    for (const poly of polygons)
      for (const ring of poly) {
        rings.push(
          ring.map((pt) => {
            if (!Array.isArray(pt) || !Number.isFinite(pt[0]) || !Number.isFinite(pt[1]))
              issues.push({
                path: `features[${i}]`,
                message: `has a coordinate that is not [x, y]: ${JSON.stringify(pt)}`,
              });
            if (epsg === undefined && (Math.abs(pt[0]) > 180 || Math.abs(pt[1]) > 90))
              issues.push({
                path: `features[${i}]`,
                message: `coordinate ${JSON.stringify(pt)} is not longitude/latitude; GeoJSON without a crs member must be WGS 84 (RFC 7946)`,
              });
            const [x, y] = transform ? transform([pt[0], pt[1]]) : [pt[0], pt[1]];
            return [(x - grid.originX) / grid.pixelWidth, (grid.originY - y) / grid.pixelHeight] as [
              number,
              number,
            ];
          }),
        );
      }
    edges.push(edgesOfRings(rings));
    const raw = nameField ? f.properties?.[nameField] : (f.properties?.name ?? f.properties?.zone);
    if (nameField && (raw === undefined || raw === null || raw === ""))
      issues.push({ path: `features[${i}].properties.${nameField}`, message: "must name the zone" });
    names.push(raw === undefined || raw === null || raw === "" ? `zone ${i + 1}` : String(raw));
  });
  if (features.length === 0) issues.push({ path: "features", message: "holds no polygons" });
  if (issues.length) throw new InputError(path, issues.slice(0, 20));
  return { path, names, features: edges, sourceCrs: `EPSG:${from}`, reprojected: !same };
}
