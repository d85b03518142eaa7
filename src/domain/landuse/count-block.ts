/**
 * The pixel kernel of the land-change engine: for one block of rows of every date, map codes to
 * class indices, keep the pixels valid at every date (and inside the boundary), and count the
 * transitions of each date pair per zone. Pure and allocation-light, so that it runs in worker
 * threads over a stream of blocks; the caller adds the block results up.
 */

/** What the kernel needs to know, the same for every block. */
export interface BlockPlan {
  /** Number of legend classes K. */
  readonly classCount: number;
  /** Per date: raw code → class index (0..K−1), K for nodata, K+1 for a code not in the legend. */
  readonly luts: readonly Uint16Array[];
  /** Date pairs to count, as indices into the dates. */
  readonly pairs: readonly (readonly [number, number])[];
  /** Number of zones Z (1 when there are none: the whole valid area is zone 0). */
  readonly zoneCount: number;
}

/** The counts of one block. */
export interface BlockCounts {
  /** pairs × Z × K × K pixel counts: [p][z][from][to]. */
  readonly pixels: Float64Array;
  /** Same shape, areas in ha when row areas were given (geographic grids); else empty. */
  readonly areaHa: Float64Array;
  /** Per date: codes not in the legend → pixels. */
  readonly unknownCodes: Map<number, number>[];
  /** Per date: nodata pixels inside the boundary. */
  readonly nodataPixels: Float64Array;
  /** Pixels inside the boundary left out because some (not every) date is nodata or unknown. */
  excludedPixels: number;
  /** Pixels inside the boundary that are nodata at every date (outside the mapped area). */
  emptyPixels: number;
  /** Pixels outside the boundary (0 without one). */
  outsidePixels: number;
  /** Pixels inside more than one zone (counted in the first). */
  overlapPixels: number;
}

export function emptyBlockCounts(plan: BlockPlan, dates: number, withArea: boolean): BlockCounts {
  const k = plan.classCount;
  const size = plan.pairs.length * plan.zoneCount * k * k;
  return {
    pixels: new Float64Array(size),
    areaHa: new Float64Array(withArea ? size : 0),
    unknownCodes: Array.from({ length: dates }, () => new Map<number, number>()),
    nodataPixels: new Float64Array(dates),
    excludedPixels: 0,
    emptyPixels: 0,
    outsidePixels: 0,
    overlapPixels: 0,
  };
}

/** Adds block counts `b` into `a` (same plan). */
export function addBlockCounts(a: BlockCounts, b: BlockCounts): void {
  for (let i = 0; i < a.pixels.length; i++) a.pixels[i]! += b.pixels[i]!;
  for (let i = 0; i < a.areaHa.length; i++) a.areaHa[i]! += b.areaHa[i]!;
  b.unknownCodes.forEach((m, d) => {
    for (const [code, n] of m) a.unknownCodes[d]!.set(code, (a.unknownCodes[d]!.get(code) ?? 0) + n);
  });
  for (let d = 0; d < a.nodataPixels.length; d++) a.nodataPixels[d]! += b.nodataPixels[d]!;
  a.excludedPixels += b.excludedPixels;
  a.emptyPixels += b.emptyPixels;
  a.outsidePixels += b.outsidePixels;
  a.overlapPixels += b.overlapPixels;
}

/** The class indices of one block, per date, with 255/65535 where the pixel is not counted. */
export interface BlockClasses {
  /** Per date: class index per pixel, or `invalid` where any date is nodata/unknown or outside. */
  readonly classes: (Uint8Array | Uint16Array)[];
  readonly invalid: number;
  /** Zone per pixel (0 when there are no zones); meaningful only where classes are valid. */
  readonly zone: Uint16Array | null;
}

/**
 * Counts one block of `rows` rows × `width` columns. `codes[d]` holds date d's raw codes; `zone`
 * gives each pixel's zone (0xffff outside the boundary) or is null for "everything, one zone";
 * `rowAreaHa` gives pixel areas per row of the block (geographic grids) or is null.
 */
export function countBlock(
  plan: BlockPlan,
  codes: readonly (Uint8Array | Uint16Array)[],
  zone: Uint16Array | null,
  width: number,
  rows: number,
  rowAreaHa: Float64Array | null,
  counts: BlockCounts,
): BlockClasses {
  const k = plan.classCount;
  const n = width * rows;
  const dates = codes.length;
  const wide = k >= 255;
  const invalid = wide ? 0xffff : 0xff;
  const classes = codes.map(() => (wide ? new Uint16Array(n) : new Uint8Array(n)));
  // Pass 1: code → class per date; mark invalid pixels in every date.
  for (let d = 0; d < dates; d++) {
    const lut = plan.luts[d]!;
    const src = codes[d]!;
    const dst = classes[d]!;
    for (let i = 0; i < n; i++) dst[i] = lut[src[i]!]!;
  }
  for (let i = 0; i < n; i++) {
    if (zone !== null && zone[i] === 0xffff) {
      counts.outsidePixels++;
      for (let d = 0; d < dates; d++) classes[d]![i] = invalid;
      continue;
    }
    let bad = 0;
    let empty = 0;
    for (let d = 0; d < dates; d++) {
      const c = classes[d]![i]!;
      if (c >= k) {
        bad++;
        if (c === k) {
          counts.nodataPixels[d]!++;
          empty++;
        } else {
          const code = codes[d]![i]!;
          const m = counts.unknownCodes[d]!;
          m.set(code, (m.get(code) ?? 0) + 1);
        }
      }
    }
    if (bad) {
      if (empty === dates) counts.emptyPixels++;
      else counts.excludedPixels++;
      for (let d = 0; d < dates; d++) classes[d]![i] = invalid;
    }
  }
  // Pass 2: transitions per pair and zone.
  const kk = k * k;
  const zoneStride = kk;
  const pairStride = plan.zoneCount * kk;
  const perRow = rowAreaHa !== null ? new Uint32Array(plan.pairs.length * pairStride) : null;
  plan.pairs.forEach(([from, to], p) => {
    const a = classes[from]!;
    const b = classes[to]!;
    const base = p * pairStride;
    if (perRow === null && zone === null) {
      const local = new Uint32Array(kk);
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        if (x !== invalid) local[x * k + b[i]!]!++;
      }
      for (let c = 0; c < kk; c++) counts.pixels[base + c]! += local[c]!;
      return;
    }
    for (let r = 0; r < rows; r++) {
      const rowLocal = perRow ? perRow.subarray(base, base + pairStride) : null;
      if (rowLocal) rowLocal.fill(0);
      for (let i = r * width, end = i + width; i < end; i++) {
        const x = a[i]!;
        if (x === invalid) continue;
        const cell = (zone === null ? 0 : zone[i]! * zoneStride) + x * k + b[i]!;
        if (rowLocal) rowLocal[cell]!++;
        else counts.pixels[base + cell]!++;
      }
      if (rowLocal) {
        const area = rowAreaHa![r]!;
        for (let c = 0; c < pairStride; c++) {
          const v = rowLocal[c]!;
          if (v !== 0) {
            counts.pixels[base + c]! += v;
            counts.areaHa[base + c]! += v * area;
          }
        }
      }
    }
  });
  return { classes, invalid, zone };
}

/**
 * The zone raster of one date pair for a block: `table[from·K + to]` is the zone code of a
 * transition (1..255); pixels not counted get 0 (the raster's nodata).
 */
export function zoneCodes(
  from: Uint8Array | Uint16Array,
  to: Uint8Array | Uint16Array,
  invalid: number,
  table: Uint8Array,
  k: number,
): Uint8Array {
  const out = new Uint8Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const a = from[i]!;
    out[i] = a === invalid ? 0 : table[a * k + to[i]!]!;
  }
  return out;
}

/**
 * Carbon stock per pixel (t C) for a block: class density (t C/ha) × pixel area (ha) of its row;
 * with `before`, the change from `before` to `classes`. NaN where the pixel is not counted.
 */
export function carbonPerPixel(
  classes: Uint8Array | Uint16Array,
  before: Uint8Array | Uint16Array | null,
  invalid: number,
  densityTCPerHa: Float64Array,
  width: number,
  rowAreaHa: (row: number) => number,
): Float32Array {
  const out = new Float32Array(classes.length);
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i]!;
    if (c === invalid) {
      out[i] = NaN;
      continue;
    }
    const area = rowAreaHa(Math.floor(i / width));
    out[i] =
      before === null ? densityTCPerHa[c]! * area : (densityTCPerHa[c]! - densityTCPerHa[before[i]!]!) * area;
  }
  return out;
}
