import { readZippedShapefile } from "./read-plots-shapefile.ts";
import { textProblem } from "../domain/validation/user-text.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";

/** A plots file as read: a GeoJSON document in its own CRS, and how that CRS is named. */
export interface PlotsFile {
  readonly format: "geojson" | "shapefile";
  /** A FeatureCollection (or what the GeoJSON file held), in the file's CRS. */
  readonly doc: unknown;
  /** The CRS: an EPSG code (GeoJSON `crs`), the .prj's WKT, or WGS 84 when the file names none. */
  readonly crs: { readonly epsg: number } | { readonly wkt: string } | null;
  readonly issues: InputIssue[];
}

const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads an uploaded plots file: a zipped Shapefile (by its zip signature) or a GeoJSON document
 * (UTF-8 JSON). Returns what it holds without judging the polygons (plot-import.ts does).
 */
export function readPlotsFile(bytes: Uint8Array, fileName: string): PlotsFile {
  if (isZip(bytes)) {
    const s = readZippedShapefile(bytes);
    return {
      format: "shapefile",
      doc: { type: "FeatureCollection", features: s.features },
      crs: s.prj ? { wkt: s.prj } : null,
      issues: s.issues,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return geojsonProblem(
      `${fileName} is neither a zip archive (a zipped Shapefile) nor UTF-8 text (GeoJSON)`,
    );
  }
  const problem = textProblem(text);
  if (problem) return geojsonProblem(problem);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return geojsonProblem(
      `${fileName} is not JSON (${(e as Error).message.slice(0, 120)}); send GeoJSON, or a Shapefile zipped with its .shx, .dbf and .prj`,
    );
  }
  const name = (doc as { crs?: { properties?: { name?: unknown } } } | null)?.crs?.properties?.name;
  let crs: PlotsFile["crs"] = null;
  if (typeof name === "string") {
    const m = /EPSG:{1,2}(\d+)$/i.exec(name);
    crs = m ? { epsg: Number(m[1]) } : /CRS84$/i.test(name) ? null : { epsg: NaN };
  }
  return { format: "geojson", doc, crs, issues: [] };
}

function geojsonProblem(message: string): PlotsFile {
  return { format: "geojson", doc: null, crs: null, issues: [{ path: "file", message }] };
}
