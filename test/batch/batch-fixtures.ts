import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";

/** Map x, y (EPSG:32650, m) of a point given in pixel units of writeCodeRaster's projected grid (30 m). */
export const at = (px: number, py: number): [number, number] => [500000 + 30 * px, 4400000 - 30 * py];

/** A closed rectangle ring in pixel units, as map coordinates. */
export const rect = (x0: number, y0: number, x1: number, y1: number) => [
  at(x0, y0),
  at(x1, y0),
  at(x1, y1),
  at(x0, y1),
  at(x0, y0),
];

/** A mine feature: id and Polygon rings, or MultiPolygon polygons. */
export const mine = (id: string | number | undefined, coordinates: unknown, type = "Polygon") => ({
  type: "Feature",
  properties: id === undefined ? {} : { mine_id: id },
  geometry: { type, coordinates },
});

/** Writes mines as GeoJSON in EPSG:32650 (the test rasters' CRS). */
export function writeMines(path: string, features: unknown[]): string {
  writeFileSync(
    path,
    JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "EPSG:32650" } },
      features,
    }),
  );
  return path;
}

/**
 * The two 10 × 10 maps of the hand-worked tests (30 m pixels, 0.09 ha each), legend seed001:
 * 2000: rows 0–4 arable (1), rows 5–9 forest (2); 2010: columns 0–4 arable (1), columns 5–9 open pit (7).
 */
export function writeHandMaps(dir: string, tile = 16): string[] {
  const a = Array.from({ length: 100 }, (_, i) => (Math.floor(i / 10) < 5 ? 1 : 2));
  const b = Array.from({ length: 100 }, (_, i) => (i % 10 < 5 ? 1 : 7));
  const pa = join(dir, "lc2000.tif");
  const pb = join(dir, "lc2010.tif");
  writeCodeRaster(pa, a, 10, 10, { tile });
  writeCodeRaster(pb, b, 10, 10, { tile });
  return [pa, pb];
}

/** Cells of one CSV line (RFC 4180 quotes; no line breaks inside cells in these outputs). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Reads a CSV written by the batch as records of text. */
export function readCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split("\n");
  const cols = cells(head!);
  return lines.map((l) => Object.fromEntries(cells(l).map((v, i) => [cols[i], v])));
}
