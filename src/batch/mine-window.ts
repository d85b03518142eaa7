import { rowSpans, type ZoneEdges } from "../domain/landuse/rasterize-polygons.ts";

/**
 * A mine's pixels on the rasters' grid by GDAL's rule (all_touched=false): pixel (c, r) belongs to
 * the mine when its centre (c + 0.5, r + 0.5) lies inside the polygon (even–odd, so holes and the
 * parts of a multipolygon work). Kept as spans of columns per row of the window, never as a mask of
 * the whole raster.
 */
export interface MineWindow {
  /** Rows [row0, row1) and columns [col0, col1) of the grid that hold the mine's pixels. */
  readonly row0: number;
  readonly row1: number;
  readonly col0: number;
  readonly col1: number;
  /** Per row of the window (row0 + i): start, end column pairs (grid columns, end exclusive), flattened. */
  readonly spans: readonly Int32Array[];
  /** Pixels inside the mine on the grid. */
  readonly pixels: number;
  /** Whether the polygon reaches beyond the grid (only its part inside is counted). */
  readonly crossesEdge: boolean;
}

/** Bounding box of edges in pixel units: [minX, minY, maxX, maxY]. */
export function edgesBox(edges: ZoneEdges): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < edges.length; i += 2) {
    const x = edges[i]!;
    const y = edges[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** The union of sorted, disjoint span lists (start, end pairs) of one row. */
function unionSpans(lists: readonly [number, number][][]): [number, number][] {
  if (lists.length === 1) return lists[0]!;
  const all = lists.flat().sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of all) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The window of a mine on a grid of `width` × `height` pixels, from the edges of each of its
 * polygons (pixel units, x = column, y = row): a pixel centre inside any polygon (even–odd within a
 * polygon, so its holes are left out) belongs to the mine, as GDAL burns a multipolygon part by
 * part. Undefined when no pixel centre of the grid lies inside.
 */
export function mineWindow(
  parts: readonly ZoneEdges[],
  width: number,
  height: number,
): MineWindow | undefined {
  const boxes = parts.map(edgesBox);
  const minX = Math.min(...boxes.map((b) => b[0]));
  const minY = Math.min(...boxes.map((b) => b[1]));
  const maxX = Math.max(...boxes.map((b) => b[2]));
  const maxY = Math.max(...boxes.map((b) => b[3]));
  const crossesEdge = minX < 0 || minY < 0 || maxX > width || maxY > height;
  // Rows whose centre y = r + 0.5 can fall in [minY, maxY].
  const r0 = Math.max(0, Math.ceil(minY - 0.5));
  const r1 = Math.min(height, Math.ceil(maxY - 0.5) + 1);
  if (!(r1 > r0)) return undefined;
  const spans: Int32Array[] = [];
  let pixels = 0;
  let c0 = Infinity;
  let c1 = -Infinity;
  let first = -1;
  let last = -1;
  for (let r = r0; r < r1; r++) {
    const row = unionSpans(
      parts
        .filter((_, i) => boxes[i]![1] <= r + 0.5 && r + 0.5 <= boxes[i]![3])
        .map((e) => rowSpans(e, r, width)),
    );
    const flat = new Int32Array(row.length * 2);
    row.forEach(([s, e], i) => {
      flat[2 * i] = s;
      flat[2 * i + 1] = e;
      pixels += e - s;
      if (s < c0) c0 = s;
      if (e > c1) c1 = e;
    });
    if (row.length) {
      if (first < 0) first = r;
      last = r;
    }
    spans.push(flat);
  }
  if (pixels === 0) return undefined;
  return {
    row0: first,
    row1: last + 1,
    col0: c0,
    col1: c1,
    spans: spans.slice(first - r0, last + 1 - r0),
    pixels,
    crossesEdge,
  };
}
