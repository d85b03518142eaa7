/**
 * The pixel kernel of the land-change engine: for one block of rows of every date, map codes to
 * class indices, keep the pixels valid at every date (and inside the boundary), and count the
 * transitions of each date pair per zone. Pure and allocation-light, so that it runs in worker
 * threads over a stream of blocks; the caller adds the block results up.
 */
import type { ChangeCounts } from "./change-count.ts";

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
export interface BlockCounts extends ChangeCounts {
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
    // Pixels per number of class changes, 0 … dates − 1 (the accumulated-changes output).
    changePixels: new Float64Array(dates),
    changeAreaHa: new Float64Array(withArea ? dates : 0),
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
  for (let c = 0; c < a.changePixels.length; c++) a.changePixels[c]! += b.changePixels[c]!;
  for (let c = 0; c < a.changeAreaHa.length; c++) a.changeAreaHa[c]! += b.changeAreaHa[c]!;
  a.excludedPixels += b.excludedPixels;
  a.emptyPixels += b.emptyPixels;
  a.outsidePixels += b.outsidePixels;
  a.overlapPixels += b.overlapPixels;
}

/** The class indices of one block, per date, with `invalid` (= K) where the pixel is not counted. */
export interface BlockClasses {
  /** Per date: class index per pixel (0..K−1), or `invalid` where any date is nodata/unknown or outside. */
  readonly classes: Uint8Array[];
  readonly invalid: number;
}

/** The most classes the kernel handles: class indices and the invalid mark fit in a byte. */
export const MAX_CLASSES = 254;

/**
 * Counts one block of `rows` rows × `width` columns. `codes[d]` holds date d's raw codes; `zone`
 * gives each pixel's zone (0xffff outside the boundary) or is null for "everything, one zone";
 * `rowAreaHa` gives pixel areas per row of the block (geographic grids) or is null.
 *
 * The hot loops are branch-free: codes become class indices through each date's lookup table, a
 * pixel invalid at any date is marked invalid (K) at every date, and each pair is counted in a
 * (K+1)² histogram whose last row and column (the invalid pixels) are then dropped.
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
  if (k > MAX_CLASSES) throw new RangeError(`at most ${MAX_CLASSES} classes; the legend has ${k}`);
  const n = width * rows;
  const dates = codes.length;
  const invalid = k;
  const classes = codes.map((src, d) => {
    const lut = plan.luts[d]!;
    const dst = new Uint8Array(n);
    for (let i = 0; i < n; i++) dst[i] = lut[src[i]!]!;
    return dst;
  });
  // Highest class index of each pixel over the dates (and K where outside the boundary).
  const worst = classes[0]!.slice();
  for (let d = 1; d < dates; d++) {
    const c = classes[d]!;
    for (let i = 0; i < n; i++) if (c[i]! > worst[i]!) worst[i] = c[i]!;
  }
  for (let i = 0; i < n; i++) {
    if (worst[i]! < k && (zone === null || zone[i] !== 0xffff)) continue;
    // A pixel not counted: say why, then mark it invalid at every date.
    if (zone !== null && zone[i] === 0xffff) counts.outsidePixels++;
    else {
      let empty = 0;
      for (let d = 0; d < dates; d++) {
        const c = classes[d]![i]!;
        if (c === k) {
          counts.nodataPixels[d]!++;
          empty++;
        } else if (c > k) {
          const code = codes[d]![i]!;
          const m = counts.unknownCodes[d]!;
          m.set(code, (m.get(code) ?? 0) + 1);
        }
      }
      if (empty === dates) counts.emptyPixels++;
      else counts.excludedPixels++;
    }
    for (let d = 0; d < dates; d++) classes[d]![i] = invalid;
  }
  const k1 = k + 1;
  const cells = k1 * k1;
  const zones = plan.zoneCount;
  const hist = new Uint32Array(zones * cells);
  for (let p = 0; p < plan.pairs.length; p++) {
    const [from, to] = plan.pairs[p]!;
    const a = classes[from]!;
    const b = classes[to]!;
    for (let r = 0; r < rows; r++) {
      const start = r * width;
      const end = start + width;
      if (zone === null) for (let i = start; i < end; i++) hist[a[i]! * k1 + b[i]!]!++;
      else for (let i = start; i < end; i++) hist[(zone[i]! % zones) * cells + a[i]! * k1 + b[i]!]!++;
      // Fold into the block totals once per row on geographic grids (area varies by row), else once.
      if (rowAreaHa === null && r < rows - 1) continue;
      const area = rowAreaHa === null ? 0 : rowAreaHa[r]!;
      const base = p * zones * k * k;
      for (let z = 0; z < zones; z++)
        for (let x = 0; x < k; x++)
          for (let y = 0; y < k; y++) {
            const v = hist[z * cells + x * k1 + y]!;
            if (v === 0) continue;
            const cell = base + z * k * k + x * k + y;
            counts.pixels[cell]! += v;
            if (rowAreaHa !== null) counts.areaHa[cell]! += v * area;
          }
      hist.fill(0);
    }
  }
  return { classes, invalid };
}

/**
 * The zone raster of one date pair for a block: `table[from·K + to]` is the zone code of a
 * transition (1..255); pixels not counted (class index K at both dates) get 0, the raster's nodata.
 */
export function zoneCodes(from: Uint8Array, to: Uint8Array, table: Uint8Array, k: number): Uint8Array {
  // The table widened to (K+1)², with 0 in the invalid row and column, so the loop has no branch.
  const k1 = k + 1;
  const wide = new Uint8Array(k1 * k1);
  for (let x = 0; x < k; x++) for (let y = 0; y < k; y++) wide[x * k1 + y] = table[x * k + y]!;
  const out = new Uint8Array(from.length);
  for (let i = 0; i < from.length; i++) out[i] = wide[from[i]! * k1 + to[i]!]!;
  return out;
}

/**
 * Carbon stock per pixel (t C) for a block: class density (t C/ha) × pixel area (ha) of its row;
 * with `before`, the change from `before` to `classes`. NaN where the pixel is not counted.
 */
export function carbonPerPixel(
  classes: Uint8Array,
  before: Uint8Array | null,
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

/**
 * The fast path for 8-bit maps on grids of constant pixel area: each pair is counted straight from
 * the raw codes in a 256×256 histogram per zone (no per-pixel lookup, no per-pixel branch), and the
 * codes become classes on the histogram afterwards. Nodata and codes outside the legend come out of
 * the histogram's margins.
 *
 * With more than two dates every pixel left out at one date must be left out at all; the histograms
 * can only show that the invalid pixels of consecutive dates coincide. When they do not, this
 * returns false and adds nothing, and the caller counts the block with `countBlock`.
 */
export function countBlockRaw8(
  plan: BlockPlan,
  codes: readonly Uint8Array[],
  zone: Uint16Array | null,
  counts: BlockCounts,
): boolean {
  const hists = rawHistograms(plan, zone !== null);
  addRawHistograms(plan, codes, zone, hists);
  return countRawHistograms(plan, hists, zone !== null, codes.length, counts);
}

/** Empty raw histograms for `countBlockRaw8`'s parts: per pair, 64K bins per zone (+1 outside). */
export function rawHistograms(plan: BlockPlan, zoned: boolean): Uint32Array[] {
  const buckets = zoned ? plan.zoneCount + 1 : 1;
  return plan.pairs.map(() => new Uint32Array(buckets * 65536));
}

/** Adds the code pairs of some pixels (any order, e.g. one tile) into raw histograms. */
export function addRawHistograms(
  plan: BlockPlan,
  codes: readonly Uint8Array[],
  zone: Uint16Array | null,
  hists: Uint32Array[],
): void {
  plan.pairs.forEach(([from, to], p) =>
    rawPairHistogram(codes[from]!, codes[to]!, zone, plan.zoneCount, hists[p]!, codes[0]!.length),
  );
}

/**
 * Turns raw histograms into class counts (see `countBlockRaw8`); false, adding nothing, when the
 * invalid pixels of consecutive dates do not coincide.
 */
export function countRawHistograms(
  plan: BlockPlan,
  hists: readonly Uint32Array[],
  zoned: boolean,
  dates: number,
  counts: BlockCounts,
): boolean {
  const k = plan.classCount;
  const zones = plan.zoneCount;
  const buckets = zoned ? zones + 1 : 1;
  const invalid = (d: number, code: number) => plan.luts[d]![code]! >= k;
  if (dates > 2)
    for (let d = 0; d + 1 < dates; d++) {
      const p = plan.pairs.findIndex(([f, t]) => f === d && t === d + 1);
      const h = hists[p]!;
      for (let z = 0; z < buckets; z++)
        for (let x = 0; x < 256; x++)
          for (let y = 0; y < 256; y++)
            if (h[z * 65536 + (x << 8) + y] !== 0 && invalid(d, x) !== invalid(d + 1, y)) return false;
    }
  const kk = k * k;
  plan.pairs.forEach(([from, to], p) => {
    const h = hists[p]!;
    const lutA = plan.luts[from]!;
    const lutB = plan.luts[to]!;
    for (let z = 0; z < zones; z++)
      for (let x = 0; x < 256; x++) {
        const ci = lutA[x]!;
        if (ci >= k) continue;
        for (let y = 0; y < 256; y++) {
          const v = h[z * 65536 + (x << 8) + y]!;
          const cj = lutB[y]!;
          if (v !== 0 && cj < k) counts.pixels[(p * zones + z) * kk + ci * k + cj]! += v;
        }
      }
  });
  // Why pixels were left out, from the first pair touching each date (its margins).
  const first = hists[0]!;
  const [f0, t0] = plan.pairs[0]!;
  for (let z = 0; z < buckets; z++)
    for (let x = 0; x < 256; x++)
      for (let y = 0; y < 256; y++) {
        const v = first[z * 65536 + (x << 8) + y]!;
        if (v === 0) continue;
        if (zoned && z === zones) {
          counts.outsidePixels += v;
          continue;
        }
        const a = plan.luts[f0]![x]!;
        const b = plan.luts[t0]![y]!;
        if (a < k && b < k) continue;
        if (a === k && b === k) counts.emptyPixels += v;
        else counts.excludedPixels += v;
      }
  for (let d = 0; d < dates; d++) {
    const p = plan.pairs.findIndex(([f, t]) => f === d || t === d);
    const [f] = plan.pairs[p]!;
    const h = hists[p]!;
    const lut = plan.luts[d]!;
    for (let z = 0; z < (zoned ? zones : 1); z++)
      for (let x = 0; x < 256; x++)
        for (let y = 0; y < 256; y++) {
          const v = h[z * 65536 + (x << 8) + y]!;
          if (v === 0) continue;
          const code = f === d ? x : y;
          if (lut[code] === k) counts.nodataPixels[d]! += v;
          else if (lut[code]! > k) {
            const m = counts.unknownCodes[d]!;
            m.set(code, (m.get(code) ?? 0) + v);
          }
        }
  }
  return true;
}

/** Adds (a, b) code pairs of two 8-bit arrays into `h`: 64K bins per zone bucket. */
function rawPairHistogram(
  a: Uint8Array,
  b: Uint8Array,
  zone: Uint16Array | null,
  zones: number,
  h: Uint32Array,
  n: number,
): void {
  if (zone === null) {
    // Four pixels per step through 32-bit reads: fewer loads, and repeated neighbours interleave.
    const n4 = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 ? n >> 2 : 0;
    const a32 = new Uint32Array(a.buffer, a.byteOffset, n4);
    const b32 = new Uint32Array(b.buffer, b.byteOffset, n4);
    for (let i = 0; i < n4; i++) {
      const x = a32[i]!;
      const y = b32[i]!;
      h[((x & 0xff) << 8) | (y & 0xff)]!++;
      h[(x & 0xff00) | ((y >>> 8) & 0xff)]!++;
      h[((x >>> 8) & 0xff00) | ((y >>> 16) & 0xff)]!++;
      h[((x >>> 16) & 0xff00) | (y >>> 24)]!++;
    }
    for (let i = n4 * 4; i < n; i++) h[(a[i]! << 8) | b[i]!]!++;
    return;
  }
  for (let i = 0; i < n; i++) {
    const z = zone[i]!;
    h[(z < zones ? z : zones) * 65536 + ((a[i]! << 8) | b[i]!)]!++;
  }
}

/**
 * Zone codes of one pair straight from 8-bit raw codes: `table[(codeA << 8) | codeB]` (0 where
 * either code is nodata or not in the legend); 0 outside the boundary.
 */
export function zoneCodesRaw8(
  a: Uint8Array,
  b: Uint8Array,
  table: Uint8Array,
  zone: Uint16Array | null,
): Uint8Array {
  const n = a.length;
  const out = new Uint8Array(n);
  const n4 = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 && zone === null ? n >> 2 : 0;
  const a32 = new Uint32Array(a.buffer, a.byteOffset, n4);
  const b32 = new Uint32Array(b.buffer, b.byteOffset, n4);
  const o32 = new Uint32Array(out.buffer, 0, n4);
  for (let i = 0; i < n4; i++) {
    const x = a32[i]!;
    const y = b32[i]!;
    o32[i] =
      table[((x & 0xff) << 8) | (y & 0xff)]! |
      (table[(x & 0xff00) | ((y >>> 8) & 0xff)]! << 8) |
      (table[((x >>> 8) & 0xff00) | ((y >>> 16) & 0xff)]! << 16) |
      (table[((x >>> 16) & 0xff00) | (y >>> 24)]! << 24);
  }
  for (let i = n4 * 4; i < n; i++)
    out[i] = zone !== null && zone[i] === 0xffff ? 0 : table[(a[i]! << 8) | b[i]!]!;
  return out;
}

/** The 64K raw-code table of a pair for `zoneCodesRaw8`, from the class-index table of the zoning. */
export function rawZoneTable(lutA: Uint16Array, lutB: Uint16Array, table: Uint8Array, k: number): Uint8Array {
  const out = new Uint8Array(65536);
  for (let x = 0; x < 256; x++) {
    const ci = lutA[x]!;
    if (ci >= k) continue;
    for (let y = 0; y < 256; y++) {
      const cj = lutB[y]!;
      if (cj < k) out[(x << 8) | y] = table[ci * k + cj]!;
    }
  }
  return out;
}

/**
 * `rawPairHistogram` and `zoneCodesRaw8` in one pass over two 8-bit arrays (no zones): adds the
 * code pairs into `h` and writes each pixel's zone code into `out` (same length as `a`).
 */
export function addRawPairWithZones(
  a: Uint8Array,
  b: Uint8Array,
  h: Uint32Array,
  table: Uint8Array,
  out: Uint8Array,
): void {
  const n = a.length;
  const aligned = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 && out.byteOffset % 4 === 0;
  const n4 = aligned ? n >> 2 : 0;
  const a32 = new Uint32Array(a.buffer, a.byteOffset, n4);
  const b32 = new Uint32Array(b.buffer, b.byteOffset, n4);
  const o32 = new Uint32Array(out.buffer, out.byteOffset, n4);
  for (let i = 0; i < n4; i++) {
    const x = a32[i]!;
    const y = b32[i]!;
    const i0 = ((x & 0xff) << 8) | (y & 0xff);
    const i1 = (x & 0xff00) | ((y >>> 8) & 0xff);
    const i2 = ((x >>> 8) & 0xff00) | ((y >>> 16) & 0xff);
    const i3 = ((x >>> 16) & 0xff00) | (y >>> 24);
    h[i0]!++;
    h[i1]!++;
    h[i2]!++;
    h[i3]!++;
    o32[i] = table[i0]! | (table[i1]! << 8) | (table[i2]! << 16) | (table[i3]! << 24);
  }
  for (let i = n4 * 4; i < n; i++) {
    const idx = (a[i]! << 8) | b[i]!;
    h[idx]!++;
    out[i] = table[idx]!;
  }
}
