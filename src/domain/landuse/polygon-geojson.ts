import { describeValue } from "../validation/input-issue.ts";
import { textProblem } from "../validation/user-text.ts";
import { formatPath } from "../validation/zod-issues.ts";

/** One position: x, y (longitude, latitude in WGS 84), optionally z. */
export type Position = readonly [number, number] | readonly [number, number, number];
/** A polygon: its outer ring, then its holes; each ring closed (first position = last). */
export type PolygonRings = readonly (readonly Position[])[];

/** A checked Polygon/MultiPolygon feature: its polygons and its properties. */
export interface PolygonFeature {
  readonly polygons: readonly PolygonRings[];
  readonly properties: Readonly<Record<string, unknown>>;
}

/** One problem of a GeoJSON document, at its path inside the document (keys and indices). */
export interface GeojsonIssue {
  readonly at: readonly (string | number)[];
  readonly message: string;
}

/**
 * Bounds on polygon GeoJSON (docs/input-bounds.md). Depth: the deepest member of a valid document
 * is a coordinate of a MultiPolygon feature of a collection (features[i].geometry.coordinates[p][r][v][k],
 * depth 8), so 32 leaves room for foreign members and properties while a document nested 200,000
 * deep is refused before anything walks it recursively. Vertices: a boundary digitised every metre
 * along a 100 km perimeter has 100,000, and burning polygons onto a map costs vertices × rows.
 */
export const GEOJSON_BOUNDS = {
  depth: 32,
  vertices: 100_000,
  features: 10_000,
  issues: 20,
} as const;

const GEOMETRY_TYPES = ["Polygon", "MultiPolygon"] as const;

/**
 * Checks a parsed GeoJSON document that should hold polygons — a FeatureCollection or Feature of
 * Polygon/MultiPolygon geometries, or such a geometry alone — completely, on arrival, without
 * recursion on the data: nesting depth, types, every ring (≥ 4 positions, closed), every position
 * (2 or 3 finite numbers; longitude/latitude when the document names no `crs`, RFC 7946), the
 * number of vertices and features, and text a database can store (no NUL) in every key and string.
 * Returns the features when there is no problem, else up to 20 problems with their paths
 * (`features[2].geometry.coordinates[0][3][1]`).
 */
export function checkPolygonGeojson(doc: unknown): {
  features: PolygonFeature[];
  issues: GeojsonIssue[];
} {
  const issues: GeojsonIssue[] = [];
  const add = (at: readonly (string | number)[], message: string) => {
    if (issues.length < GEOJSON_BOUNDS.issues) issues.push({ at, message });
  };
  // 1. Shape of the whole document, iteratively: depth and storable text, before any other walk.
  const deep = depthAndTextProblem(doc);
  if (deep) return { features: [], issues: [deep] };
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    return {
      features: [],
      issues: [
        {
          at: [],
          message: `must be a GeoJSON object (FeatureCollection, Feature, Polygon or MultiPolygon); got ${describeValue(doc)}`,
        },
      ],
    };
  const root = doc as Record<string, unknown>;
  const lonLat = root.crs === undefined;
  if (root.crs !== undefined) checkCrs(root.crs, add);
  // 2. The features.
  const type = root.type;
  let features: { value: unknown; at: (string | number)[] }[];
  if (type === "FeatureCollection") {
    if (!Array.isArray(root.features)) {
      add(["features"], `must be a list of features; got ${describeValue(root.features)}`);
      return { features: [], issues };
    }
    if (root.features.length === 0)
      add(["features"], "must hold at least one Polygon or MultiPolygon feature");
    if (root.features.length > GEOJSON_BOUNDS.features) {
      add(
        ["features"],
        `must hold at most ${GEOJSON_BOUNDS.features.toLocaleString("en-US")} features; got ${root.features.length.toLocaleString("en-US")}`,
      );
      return { features: [], issues };
    }
    features = root.features.map((value, i) => ({ value, at: ["features", i] }));
  } else if (type === "Feature") features = [{ value: root, at: [] }];
  else if (type === "Polygon" || type === "MultiPolygon")
    features = [{ value: { type: "Feature", geometry: root, properties: {} }, at: [] }];
  else {
    add(
      ["type"],
      `must be a FeatureCollection, Feature, Polygon or MultiPolygon (polygons are expected here); got ${typeof type === "string" ? type.slice(0, 60) : describeValue(type)}`,
    );
    return { features: [], issues };
  }
  const bare = type === "Polygon" || type === "MultiPolygon";
  const out: PolygonFeature[] = [];
  const vertices = { count: 0 };
  for (const { value, at } of features) {
    const f = checkFeature(value, at, bare, lonLat, vertices, add);
    if (f) out.push(f);
    if (vertices.count > GEOJSON_BOUNDS.vertices) {
      add(
        at.length ? at : ["coordinates"],
        `brings the number of vertices beyond ${GEOJSON_BOUNDS.vertices.toLocaleString("en-US")}, the most a boundary or zone file may hold; simplify the polygons (e.g. ogr2ogr -simplify)`,
      );
      break;
    }
  }
  return issues.length ? { features: [], issues } : { features: out, issues };
}

/** The issues as InputIssues with dotted paths under `prefix` (e.g. "boundary"). */
export function geojsonInputIssues(
  issues: readonly GeojsonIssue[],
  prefix: readonly (string | number)[] = [],
) {
  return issues.map((i) => ({ path: formatPath([...prefix, ...i.at]), message: i.message }));
}

type Add = (at: readonly (string | number)[], message: string) => void;

function checkFeature(
  value: unknown,
  at: (string | number)[],
  bare: boolean,
  lonLat: boolean,
  vertices: { count: number },
  add: Add,
): PolygonFeature | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    add(at, `must be a Feature with a Polygon or MultiPolygon geometry; got ${describeValue(value)}`);
    return undefined;
  }
  const f = value as Record<string, unknown>;
  if (f.type !== "Feature") {
    add([...at, "type"], `must be "Feature"; got ${describeValue(f.type)}`);
    return undefined;
  }
  const props = f.properties;
  if (props !== undefined && props !== null && (typeof props !== "object" || Array.isArray(props)))
    add([...at, "properties"], `must be an object or null; got ${describeValue(props)}`);
  // A bare geometry was wrapped: its paths are the document's own (coordinates[0][3][1]).
  const gAt = bare ? at : [...at, "geometry"];
  const g = f.geometry;
  if (g === null || typeof g !== "object" || Array.isArray(g)) {
    add(gAt, `must be a Polygon or MultiPolygon geometry; got ${describeValue(g)}`);
    return undefined;
  }
  const geometry = g as Record<string, unknown>;
  if (!(GEOMETRY_TYPES as readonly unknown[]).includes(geometry.type)) {
    add(
      [...gAt, "type"],
      `must be Polygon or MultiPolygon (polygons are expected here); got ${describeValue(geometry.type)}`,
    );
    return undefined;
  }
  const cAt = [...gAt, "coordinates"];
  const coords = geometry.coordinates;
  const polygons: PolygonRings[] = [];
  if (geometry.type === "Polygon") {
    const p = checkPolygon(coords, cAt, lonLat, vertices, add);
    if (p) polygons.push(p);
  } else if (!Array.isArray(coords) || coords.length === 0)
    add(cAt, `must be a non-empty list of polygons; got ${describeValue(coords)}`);
  else
    coords.forEach((c, i) => {
      const p = checkPolygon(c, [...cAt, i], lonLat, vertices, add);
      if (p) polygons.push(p);
    });
  const properties = (props && typeof props === "object" ? props : {}) as Record<string, unknown>;
  return polygons.length ? { polygons, properties } : undefined;
}

function checkPolygon(
  value: unknown,
  at: (string | number)[],
  lonLat: boolean,
  vertices: { count: number },
  add: Add,
): PolygonRings | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    add(at, `must be a non-empty list of rings (the outer ring, then holes); got ${describeValue(value)}`);
    return undefined;
  }
  const rings: Position[][] = [];
  let ok = true;
  value.forEach((ring: unknown, r) => {
    const rAt = [...at, r];
    if (!Array.isArray(ring) || ring.length < 4) {
      add(
        rAt,
        `must be a ring of at least 4 positions (closed: the last equals the first); got ${describeValue(ring)}`,
      );
      ok = false;
      return;
    }
    vertices.count += ring.length;
    if (vertices.count > GEOJSON_BOUNDS.vertices) {
      ok = false;
      return;
    }
    const positions: Position[] = [];
    ring.forEach((p: unknown, v) => {
      const pos = checkPosition(p, [...rAt, v], lonLat, add);
      if (pos) positions.push(pos);
      else ok = false;
    });
    if (positions.length === ring.length) {
      const a = positions[0]!;
      const b = positions[positions.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) {
        add(
          [...rAt, ring.length - 1],
          `must close the ring: the last position must equal the first (${describeValue(a)}); got ${describeValue(b)}`,
        );
        ok = false;
      }
    }
    rings.push(positions);
  });
  return ok ? rings : undefined;
}

function checkPosition(
  value: unknown,
  at: (string | number)[],
  lonLat: boolean,
  add: Add,
): Position | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    add(at, `must be a position [x, y] or [x, y, z]; got ${describeValue(value)}`);
    return undefined;
  }
  let ok = true;
  value.forEach((n: unknown, k) => {
    if (typeof n !== "number") {
      add([...at, k], `must be a number; got ${describeValue(n)}`);
      ok = false;
    } else if (!Number.isFinite(n)) {
      add([...at, k], "must be a finite number; got a number beyond ±1.8e308 (it reads as infinity)");
      ok = false;
    }
  });
  if (!ok) return undefined;
  const [x, y] = value as number[];
  if (lonLat && (Math.abs(x!) > 180 || Math.abs(y!) > 90)) {
    add(
      at,
      `must be longitude, latitude (|x| ≤ 180, |y| ≤ 90): GeoJSON without a crs member is WGS 84 (RFC 7946); got ${describeValue(value)}`,
    );
    return undefined;
  }
  return value as unknown as Position;
}

function checkCrs(crs: unknown, add: Add): void {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== "string" || name.length === 0 || name.length > 200)
    add(["crs"], `must be {"type": "name", "properties": {"name": "EPSG:nnnn"}}; got ${describeValue(crs)}`);
}

/**
 * The first place where the document nests deeper than GEOJSON_BOUNDS.depth, or holds a key or
 * string a database cannot store; walked with an explicit stack, never by recursion.
 */
function depthAndTextProblem(doc: unknown): GeojsonIssue | undefined {
  const stack: { value: unknown; at: (string | number)[] }[] = [{ value: doc, at: [] }];
  while (stack.length) {
    const { value, at } = stack.pop()!;
    if (typeof value === "string") {
      const p = textProblem(value);
      if (p) return { at, message: `${p}; got ${describeValue(value)}` };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (at.length >= GEOJSON_BOUNDS.depth)
      return {
        at: at.slice(0, 8),
        message: `nests deeper than ${GEOJSON_BOUNDS.depth} levels, which no Polygon or MultiPolygon GeoJSON needs (coordinates are 4 levels deep)`,
      };
    if (Array.isArray(value))
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], at: [...at, i] });
    else
      for (const [k, v] of Object.entries(value)) {
        const p = textProblem(k);
        if (p) return { at, message: `has a member name that ${p}; got ${describeValue(k)}` };
        stack.push({ value: v, at: [...at, k] });
      }
  }
  return undefined;
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
