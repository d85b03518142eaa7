/**
 * Polygons burned onto a grid by pixel centre: a pixel belongs to a polygon when its centre lies
 * inside (even–odd rule, so holes work). Coordinates are in pixel units: x = column, y = row, with
 * pixel (c, r) centred at (c + 0.5, r + 0.5). Works row by row, so a block of rows needs no more
 * memory than the block.
 */

/** The edges of one zone's polygons (all rings), flattened: x0, y0, x1, y1, … */
export type ZoneEdges = Float64Array;

/** Edges of rings given as [x, y] pixel coordinates (each ring closed or not). */
export function edgesOfRings(rings: readonly (readonly (readonly [number, number])[])[]): ZoneEdges {
  const out: number[] = [];
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % n]!;
      if (a[1] !== b[1]) out.push(a[0], a[1], b[0], b[1]);
    }
  }
  return Float64Array.from(out);
}

/** Columns [start, end) of one row whose centres are inside the zone. */
export function rowSpans(edges: ZoneEdges, row: number, width: number): [number, number][] {
  const y = row + 0.5;
  const xs: number[] = [];
  for (let e = 0; e < edges.length; e += 4) {
    const y0 = edges[e + 1]!;
    const y1 = edges[e + 3]!;
    if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) {
      const x0 = edges[e]!;
      const x1 = edges[e + 2]!;
      xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
    }
  }
  xs.sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < xs.length; i += 2) {
    // Column c is inside when xs[i] ≤ c + 0.5 < xs[i+1].
    const start = Math.max(0, Math.ceil(xs[i]! - 0.5));
    const end = Math.min(width, Math.ceil(xs[i + 1]! - 0.5));
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/** Polygons to burn: one edge set per feature and the zone each feature belongs to. */
export interface FeatureZones {
  readonly features: readonly ZoneEdges[];
  readonly zoneOf: readonly number[];
  /** Zone index of pixels outside every feature. */
  readonly unzoned: number;
}

/**
 * Zone index per pixel for rows y0..y0+rows: the zone of the first feature (in order) that holds
 * the pixel centre, `unzoned` outside every feature. With `boundary`, pixels outside every boundary
 * feature are 0xffff (not counted), and `zones` null means zone 0 inside the boundary. Returns the
 * number of pixels inside features of two different zones (counted in the first).
 */
export function rasterizeZones(
  zones: FeatureZones | null,
  boundary: readonly ZoneEdges[] | null,
  width: number,
  y0: number,
  rows: number,
  out: Uint16Array,
  unzoned = 0xffff,
): number {
  out.fill(zones ? unzoned : 0);
  let overlap = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    zones?.features.forEach((edges, f) => {
      const z = zones.zoneOf[f]!;
      for (const [s, e] of rowSpans(edges, y0 + r, width))
        for (let c = s; c < e; c++) {
          const cur = out[base + c]!;
          if (cur === unzoned) out[base + c] = z;
          else if (cur !== z) overlap++;
        }
    });
    if (boundary) {
      const inside = new Uint8Array(width);
      for (const edges of boundary) for (const [s, e] of rowSpans(edges, y0 + r, width)) inside.fill(1, s, e);
      for (let c = 0; c < width; c++) if (!inside[c]) out[base + c] = 0xffff;
    }
  }
  return overlap;
}
