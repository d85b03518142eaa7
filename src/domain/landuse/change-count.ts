/**
 * The accumulated-changes kernel (OpenLand's `acc_changes`): per pixel, how many times its class
 * changes between consecutive dates, Σ_t [class_t ≠ class_{t+1}], 0 … dates − 1. Pixels that are
 * not counted (nodata or a code outside the legend at any date, outside the boundary) get
 * NO_CHANGE_COUNT. Pure, for worker threads; block results add up into `ChangeCounts`.
 */

/** The value of a pixel of the accumulated-changes raster that is not analysed (its nodata). */
export const NO_CHANGE_COUNT = 255;

/** Pixels (and hectares, on grids whose pixel area varies by row) per number of changes. */
export interface ChangeCounts {
  /** [c] = pixels that changed class c times. */
  readonly changePixels: Float64Array;
  /** [c] = their area in ha when row areas were given (geographic grids); else empty. */
  readonly changeAreaHa: Float64Array;
}

/**
 * Change counts of one block from class indices (countBlock's, with `invalid` at every date where a
 * pixel is not counted); adds each row's pixels (and area, when `rowAreaHa` is given) per count.
 */
export function changeCounts(
  classes: readonly Uint8Array[],
  invalid: number,
  width: number,
  rowAreaHa: Float64Array | null,
  into: ChangeCounts,
): Uint8Array {
  const first = classes[0]!;
  const n = first.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (first[i] === invalid) {
      out[i] = NO_CHANGE_COUNT;
      continue;
    }
    let c = 0;
    for (let d = 0; d + 1 < classes.length; d++) if (classes[d]![i] !== classes[d + 1]![i]) c++;
    out[i] = c;
  }
  addChangeHistogram(out, width, width, n / width, into, rowAreaHa);
  return out;
}

/**
 * Change counts straight from 8-bit raw codes (the fast path, constant pixel area): `valid[d][code]`
 * is 1 where the code is a legend class at date d. Codes are compared as they are: within a legend
 * each class has one code. `zone` marks pixels outside the boundary (0xffff), or is null. Dates whose
 * `check` is false hold only legend codes in this block (known from its histograms) and are not
 * looked up pixel by pixel.
 */
export function changeCountsRaw8(
  codes: readonly Uint8Array[],
  valid: readonly Uint8Array[],
  zone: Uint16Array | null,
  check: readonly boolean[] = codes.map(() => true),
): Uint8Array {
  const dates = codes.length;
  const n = codes[0]!.length;
  const out = new Uint8Array(n);
  // Four pixels at a time: a byte of a ^ b is non-zero where the codes differ, and adding 0x7f to its
  // low 7 bits (or'ed with itself) sets its top bit exactly then; shifted down, that adds 1 to the byte.
  const aligned = out.byteOffset % 4 === 0 && codes.every((c) => c.byteOffset % 4 === 0);
  const n4 = aligned ? n >> 2 : 0;
  const o32 = new Uint32Array(out.buffer, out.byteOffset, n4);
  for (let d = 0; d + 1 < dates; d++) {
    const a = codes[d]!;
    const b = codes[d + 1]!;
    const a32 = new Uint32Array(a.buffer, a.byteOffset, n4);
    const b32 = new Uint32Array(b.buffer, b.byteOffset, n4);
    for (let i = 0; i < n4; i++) {
      const x = a32[i]! ^ b32[i]!;
      o32[i]! += ((((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080) >>> 7;
    }
    for (let i = n4 * 4; i < n; i++) out[i]! += a[i] === b[i] ? 0 : 1;
  }
  for (let d = 0; d < dates; d++) {
    if (!check[d]) continue;
    const c = codes[d]!;
    const v = valid[d]!;
    for (let i = 0; i < n; i++) if (v[c[i]!] === 0) out[i] = NO_CHANGE_COUNT;
  }
  if (zone !== null) for (let i = 0; i < n; i++) if (zone[i] === 0xffff) out[i] = NO_CHANGE_COUNT;
  return out;
}

/**
 * Which dates of a block hold a code that is no legend class (nodata, or unknown), read from the raw
 * pair histograms of `countRawHistograms` (64K bins per bucket): only those need `changeCountsRaw8`'s
 * look-up pixel by pixel.
 */
export function datesWithInvalidCodes(
  pairs: readonly (readonly [number, number])[],
  hists: readonly Uint32Array[],
  valid: readonly Uint8Array[],
  buckets: number,
): boolean[] {
  return valid.map((v, d) => {
    const p = pairs.findIndex(([f, t]) => f === d || t === d);
    const first = pairs[p]![0] === d;
    const h = hists[p]!;
    for (let z = 0; z < buckets; z++)
      for (let x = 0; x < 256; x++)
        for (let y = 0; y < 256; y++)
          if (h[z * 65536 + (x << 8) + y] !== 0 && v[first ? x : y] === 0) return true;
    return false;
  });
}

/** The 256-entry tables of `changeCountsRaw8`: 1 where a code maps to a legend class (index < K). */
export function validCodeTables(luts: readonly Uint16Array[], classCount: number): Uint8Array[] {
  return luts.map((lut) => Uint8Array.from({ length: 256 }, (_, code) => (lut[code]! < classCount ? 1 : 0)));
}

/**
 * Adds the counts of the first `cols` columns and `rows` rows of `values` (rows `stride` wide) into
 * `into`, skipping NO_CHANGE_COUNT; with `rowAreaHa`, also their area row by row.
 */
export function addChangeHistogram(
  values: Uint8Array,
  stride: number,
  cols: number,
  rows: number,
  into: ChangeCounts,
  rowAreaHa: Float64Array | null = null,
): void {
  const hist = new Float64Array(256);
  for (let r = 0; r < rows; r++) {
    const start = r * stride;
    for (let i = start; i < start + cols; i++) hist[values[i]!]!++;
    if (rowAreaHa === null && r < rows - 1) continue;
    for (let c = 0; c < into.changePixels.length; c++) {
      const v = hist[c]!;
      if (v === 0) continue;
      into.changePixels[c]! += v;
      if (rowAreaHa !== null) into.changeAreaHa[c]! += v * rowAreaHa[r]!;
      hist[c] = 0;
    }
  }
}
