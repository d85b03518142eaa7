import { unzipSync } from "fflate";
import type { InputIssue } from "../domain/validation/input-issue.ts";

/** What a zipped Shapefile holds: its features as GeoJSON (in the file's CRS) and its .prj text. */
export interface ShapefileContent {
  readonly features: { type: "Feature"; geometry: unknown; properties: Record<string, unknown> }[];
  /** The .prj's WKT, or undefined without one. */
  readonly prj: string | undefined;
  readonly issues: InputIssue[];
}

/** Bounds on a zipped Shapefile (docs/input-bounds.md): entries and unzipped bytes. */
export const SHAPEFILE_BOUNDS = { entries: 64, unzippedBytes: 256 << 20, records: 10_000 } as const;

const POLYGON_TYPES = new Set([5, 15, 25]);
const SHAPE_NAMES: Readonly<Record<number, string>> = {
  0: "null",
  1: "Point",
  3: "PolyLine",
  5: "Polygon",
  8: "MultiPoint",
  11: "PointZ",
  13: "PolyLineZ",
  15: "PolygonZ",
  18: "MultiPointZ",
  21: "PointM",
  23: "PolyLineM",
  25: "PolygonM",
  28: "MultiPointM",
  31: "MultiPatch",
};

/**
 * Reads a zipped ESRI Shapefile of polygons: the one .shp with its .dbf (attributes), .prj (CRS,
 * WKT) and .cpg (the attributes' encoding; UTF-8 without one). Polygon, PolygonZ and PolygonM
 * records become GeoJSON Polygons or MultiPolygons: each clockwise ring starts a polygon, each
 * counter-clockwise ring is a hole of the polygon whose outer ring holds it. Every record that
 * cannot be read is a problem at `features[i]` (the record's index from 0); none is dropped.
 */
export function readZippedShapefile(bytes: Uint8Array): ShapefileContent {
  const issues: InputIssue[] = [];
  let entries: Record<string, Uint8Array>;
  let total = 0;
  let count = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        count++;
        total += f.originalSize;
        if (count > SHAPEFILE_BOUNDS.entries || total > SHAPEFILE_BOUNDS.unzippedBytes)
          throw new RangeError(
            `holds more than ${SHAPEFILE_BOUNDS.entries} files or ${SHAPEFILE_BOUNDS.unzippedBytes >> 20} MiB unzipped`,
          );
        return !f.name.endsWith("/") && !/(^|\/)__MACOSX\//.test(f.name);
      },
    });
  } catch (e) {
    return {
      features: [],
      prj: undefined,
      issues: [
        { path: "file", message: `is not a zip archive MineCarbon can read (${(e as Error).message})` },
      ],
    };
  }
  const byExt = (ext: string) => Object.keys(entries).filter((n) => n.toLowerCase().endsWith(ext));
  const shps = byExt(".shp");
  if (shps.length !== 1)
    return {
      features: [],
      prj: undefined,
      issues: [
        {
          path: "file",
          message:
            shps.length === 0
              ? `must hold a .shp file (with its .shx, .dbf and .prj); it holds ${Object.keys(entries).join(", ") || "nothing"}`
              : `must hold one Shapefile; it holds ${shps.length}: ${shps.join(", ")}`,
        },
      ],
    };
  const base = shps[0]!.slice(0, -4);
  const sibling = (ext: string) =>
    Object.keys(entries).find((n) => n.toLowerCase() === `${base}${ext}`.toLowerCase());
  const dbfName = sibling(".dbf");
  if (!dbfName)
    issues.push({
      path: "file",
      message: `must hold ${base}.dbf beside ${shps[0]}: the plots' attributes (their names) are in it`,
    });
  const prjName = sibling(".prj");
  const cpgName = sibling(".cpg");
  const prj = prjName ? new TextDecoder().decode(entries[prjName]).trim() : undefined;
  let encoding = "utf-8";
  if (cpgName) {
    const label = new TextDecoder().decode(entries[cpgName]).trim().toLowerCase();
    const known = {
      "936": "gbk",
      cp936: "gbk",
      gbk: "gbk",
      gb2312: "gbk",
      gb18030: "gb18030",
      "utf-8": "utf-8",
      utf8: "utf-8",
    } as Record<string, string>;
    encoding = known[label] ?? label;
    try {
      new TextDecoder(encoding);
    } catch {
      issues.push({
        path: "file",
        message: `${cpgName} names an encoding MineCarbon cannot read ("${label}"); use UTF-8 or GBK`,
      });
      encoding = "utf-8";
    }
  }
  const shapes = readShp(entries[shps[0]!]!, issues);
  const records = dbfName ? readDbf(entries[dbfName]!, encoding, issues) : [];
  if (dbfName && records.length !== shapes.length && issues.length === 0)
    issues.push({
      path: "file",
      message: `${shps[0]} has ${shapes.length} shapes but ${dbfName} has ${records.length} records; they must match one to one`,
    });
  const features = shapes.map((geometry, i) => ({
    type: "Feature" as const,
    geometry,
    properties: records[i] ?? {},
  }));
  return { features, prj, issues };
}

/** The shapes of a .shp: GeoJSON geometry per record (null where a problem was reported). */
function readShp(b: Uint8Array, issues: InputIssue[]): unknown[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.byteLength < 100 || v.getInt32(0, false) !== 9994) {
    issues.push({
      path: "file",
      message: "holds a .shp that is not a Shapefile (its header does not start with 9994)",
    });
    return [];
  }
  const out: unknown[] = [];
  let at = 100;
  while (at + 8 <= b.byteLength) {
    const i = out.length;
    if (i >= SHAPEFILE_BOUNDS.records) {
      issues.push({ path: "features", message: `must hold at most ${SHAPEFILE_BOUNDS.records} plots` });
      break;
    }
    const length = v.getInt32(at + 4, false) * 2;
    const start = at + 8;
    at = start + length;
    const fail = (message: string) => {
      issues.push({ path: `features[${i}]`, message });
      out.push(null);
    };
    if (length < 4 || at > b.byteLength) {
      fail(
        `record ${i + 1} runs past the end of the .shp (${length} bytes announced); the file is truncated`,
      );
      break;
    }
    const type = v.getInt32(start, true);
    if (type === 0) {
      fail(`has no geometry (a null shape): draw the plot's polygon or remove the record`);
      continue;
    }
    if (!POLYGON_TYPES.has(type)) {
      fail(`must be a Polygon; got a ${SHAPE_NAMES[type] ?? `shape of type ${type}`}`);
      continue;
    }
    if (length < 44) {
      fail("is a polygon record too short to hold its header; the file is corrupt");
      continue;
    }
    const parts = v.getInt32(start + 36, true);
    const points = v.getInt32(start + 40, true);
    const pointsAt = start + 44 + 4 * parts;
    if (parts < 1 || points < 4 || pointsAt + 16 * points > at) {
      fail(
        `has ${parts} rings and ${points} points, which its ${length} bytes cannot hold (or no ring); the file is corrupt`,
      );
      continue;
    }
    const rings: [number, number][][] = [];
    let ok = true;
    for (let p = 0; p < parts; p++) {
      const from = v.getInt32(start + 44 + 4 * p, true);
      const to = p + 1 < parts ? v.getInt32(start + 48 + 4 * p, true) : points;
      if (!(from >= 0 && to <= points && to - from >= 4)) {
        fail(`ring ${p} has ${to - from} points; a ring needs at least 4 (closed)`);
        ok = false;
        break;
      }
      const ring: [number, number][] = [];
      for (let k = from; k < to; k++)
        ring.push([v.getFloat64(pointsAt + 16 * k, true), v.getFloat64(pointsAt + 16 * k + 8, true)]);
      rings.push(ring);
    }
    if (ok) out.push(polygonsOfRings(rings));
  }
  return out;
}

/** Twice the signed area (positive: counter-clockwise with y up). */
const signedArea2 = (r: readonly [number, number][]) => {
  let s = 0;
  for (let k = 0; k + 1 < r.length; k++) s += r[k]![0] * r[k + 1]![1] - r[k + 1]![0] * r[k]![1];
  return s;
};

const inside = (pt: [number, number], ring: readonly [number, number][]) => {
  let c = false;
  for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
    const [xi, yi] = ring[k]!;
    const [xj, yj] = ring[j]!;
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
};

/** Shapefile rings to a GeoJSON Polygon or MultiPolygon (outer rings clockwise, holes counter-clockwise). */
function polygonsOfRings(rings: [number, number][][]): unknown {
  const polygons: [number, number][][][] = [];
  const holes: [number, number][][] = [];
  for (const r of rings) {
    // GeoJSON (RFC 7946) winds outer rings counter-clockwise, holes clockwise.
    if (signedArea2(r) <= 0) polygons.push([[...r].reverse()]);
    else holes.push(r);
  }
  for (const h of holes) {
    const owner = polygons.find((p) => inside(h[0]!, p[0]!)) ?? polygons.at(-1);
    // A lone counter-clockwise ring (written by a tool that ignores the winding rule) is an outer ring.
    if (owner) owner.push([...h].reverse());
    else polygons.push([h]);
  }
  return polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0] }
    : { type: "MultiPolygon", coordinates: polygons };
}

/** The records of a .dbf (dBASE III): field name → value; deleted records are kept as problems. */
function readDbf(b: Uint8Array, encoding: string, issues: InputIssue[]): Record<string, unknown>[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.byteLength < 32) {
    issues.push({ path: "file", message: "holds a .dbf too short to be one" });
    return [];
  }
  const count = v.getUint32(4, true);
  const headerLength = v.getUint16(8, true);
  const recordLength = v.getUint16(10, true);
  const decoder = new TextDecoder(encoding);
  const fields: { name: string; type: string; offset: number; length: number }[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && b[at] !== 0x0d; at += 32) {
    const nameBytes = b.subarray(at, at + 11);
    const end = nameBytes.indexOf(0);
    const name = new TextDecoder("latin1").decode(end >= 0 ? nameBytes.subarray(0, end) : nameBytes);
    const length = b[at + 16]!;
    fields.push({ name, type: String.fromCharCode(b[at + 11]!), offset, length });
    offset += length;
  }
  if (headerLength + count * recordLength > b.byteLength) {
    issues.push({ path: "file", message: `holds a .dbf that announces ${count} records but is truncated` });
    return [];
  }
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const at = headerLength + i * recordLength;
    if (b[at] === 0x2a)
      issues.push({
        path: `features[${i}]`,
        message: "is marked deleted in the .dbf; pack the Shapefile (remove deleted records) first",
      });
    const rec: Record<string, unknown> = {};
    for (const f of fields) {
      const raw = decoder
        .decode(b.subarray(at + f.offset, at + f.offset + f.length))
        .replace(/\0+$/, "")
        .trim();
      if (f.type === "N" || f.type === "F") rec[f.name] = raw === "" ? null : Number(raw);
      else if (f.type === "L")
        rec[f.name] = /^[YyTt]$/.test(raw) ? true : /^[NnFf]$/.test(raw) ? false : null;
      else rec[f.name] = raw;
    }
    out.push(rec);
  }
  return out;
}
