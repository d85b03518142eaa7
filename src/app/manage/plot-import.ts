import proj4 from "proj4";
import { checkPolygonGeojson, geojsonInputIssues } from "../../domain/landuse/polygon-geojson.ts";
import { InputError, type InputIssue } from "../../domain/validation/input-issue.ts";
import { textProblem } from "../../domain/validation/user-text.ts";
import { readPlotsFile } from "../../io/read-plots.ts";
import { proj4ForEpsg } from "../../raster/crs.ts";
import { geometryAreaHa } from "./plot-geometry.ts";

const WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

/** A plot read from a file: its name, polygon in WGS 84 and area on the ellipsoid. */
export interface ImportedPlot {
  readonly name: string;
  readonly geometry: { type: "Polygon" | "MultiPolygon"; coordinates: number[][][] | number[][][][] };
  readonly areaHa: number;
}

/**
 * The plots of an uploaded file — GeoJSON (RFC 7946 WGS 84, or a legacy `crs` member naming an
 * EPSG code) or a zipped Shapefile (its .prj's WKT) — reprojected to EPSG:4326 with proj4, each
 * named by the property `nameField`, measured on the WGS 84 ellipsoid. Every problem is named by
 * the feature's index and field (`features[3].properties.name`); nothing is dropped: one bad
 * feature refuses the file (InputError, at most 20 problems listed).
 */
export function importPlots(
  bytes: Uint8Array,
  fileName: string,
  nameField = "name",
): { plots: ImportedPlot[]; sourceCrs: string; format: "geojson" | "shapefile" } {
  const file = readPlotsFile(bytes, fileName);
  const fail = (issues: readonly InputIssue[]): never => {
    throw new InputError(fileName, issues.slice(0, 20));
  };
  if (file.issues.length) fail(file.issues);
  // The CRS: what converts the file's coordinates to WGS 84 longitude/latitude.
  let convert: ((p: [number, number]) => [number, number]) | undefined;
  let sourceCrs = "EPSG:4326";
  const crs = file.crs;
  if (crs && "epsg" in crs) {
    sourceCrs = `EPSG:${crs.epsg}`;
    const def = Number.isNaN(crs.epsg) ? undefined : proj4ForEpsg(crs.epsg);
    if (!def)
      fail([
        {
          path: "crs",
          message: `names a CRS MineCarbon cannot reproject from (${Number.isNaN(crs.epsg) ? "not EPSG:nnnn" : sourceCrs}); reproject the file to WGS 84 (ogr2ogr -t_srs EPSG:4326)`,
        },
      ]);
    if (crs.epsg !== 4326) {
      const c = proj4(def!, WGS84);
      convert = (p) => c.forward(p) as [number, number];
    }
  } else if (crs && "wkt" in crs) {
    sourceCrs = crs.wkt.slice(0, 80);
    try {
      const c = proj4(crs.wkt, WGS84);
      convert = (p) => c.forward(p) as [number, number];
      c.forward([0, 0]);
    } catch {
      fail([
        {
          path: "file",
          message: `holds a .prj MineCarbon cannot read (${crs.wkt.slice(0, 80)}…); export the Shapefile in WGS 84 or a CRS named by EPSG code`,
        },
      ]);
    }
  }
  // The polygons, in the file's CRS: a crs member (even a made-up one) skips the longitude/latitude check.
  const doc =
    convert && file.format === "shapefile"
      ? { ...(file.doc as object), crs: { type: "name", properties: { name: "the Shapefile's .prj" } } }
      : file.doc;
  const checked = checkPolygonGeojson(doc);
  if (checked.issues.length) fail(geojsonInputIssues(checked.issues));
  const issues: InputIssue[] = [];
  const seen = new Map<string, number>();
  const plots: ImportedPlot[] = [];
  checked.features.forEach((f, i) => {
    const at = `features[${i}]`;
    const rings = f.polygons.map((poly) =>
      poly.map((ring) =>
        ring.map((pt) => {
          const [x, y] = convert ? convert([pt[0], pt[1]]) : [pt[0], pt[1]];
          return [x, y];
        }),
      ),
    );
    const bad = rings.flat(2).find(([x, y]) => !(Math.abs(x!) <= 180 && Math.abs(y!) <= 90));
    if (bad) {
      issues.push({
        path: `${at}.geometry`,
        message: `does not reproject to longitude, latitude (${sourceCrs} → EPSG:4326 gives ${bad.join(", ")}); check the file's CRS`,
      });
      return;
    }
    const raw = f.properties[nameField];
    const name = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
    if (name === "") {
      issues.push({
        path: `${at}.properties.${nameField}`,
        message: `must name the plot (the name field is "${nameField}"; choose another with the nameField form field); got ${raw === undefined ? "nothing" : JSON.stringify(raw)}`,
      });
      return;
    }
    const problem = textProblem(name);
    if (name.length > 200 || problem) {
      issues.push({
        path: `${at}.properties.${nameField}`,
        message: problem ?? "must be at most 200 characters long",
      });
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      issues.push({
        path: `${at}.properties.${nameField}`,
        message: `names "${name}", as features[${first}] does; each plot needs its own name`,
      });
      return;
    }
    seen.set(name, i);
    const geometry =
      rings.length === 1
        ? { type: "Polygon" as const, coordinates: rings[0]! }
        : { type: "MultiPolygon" as const, coordinates: rings };
    const areaHa = geometryAreaHa(geometry);
    if (!(areaHa > 0)) {
      issues.push({ path: `${at}.geometry`, message: "has no area (its rings enclose nothing)" });
      return;
    }
    plots.push({ name, geometry, areaHa });
  });
  if (issues.length) fail(issues);
  return { plots, sourceCrs, format: file.format };
}
