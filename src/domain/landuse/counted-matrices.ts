import type { BlockCounts } from "./count-block.ts";
import { transferMatrix, type TransferMatrix } from "./transfer-matrix.ts";

/**
 * Transfer matrices from the engine's counts: for each counted date pair, per zone or over all
 * zones, restricted to the classes present at some date (a legend class absent everywhere would
 * only add empty rows and undefined intensities).
 */
export class CountedMatrices {
  /** Legend indices of the classes present, in legend order. */
  readonly present: readonly number[];
  private readonly kk: number;

  constructor(
    private readonly counts: BlockCounts,
    /** Legend class codes, in the order of the engine's class indices. */
    private readonly codes: readonly number[],
    /** Years of each counted pair. */
    private readonly pairYears: readonly (readonly [number, number])[],
    private readonly zoneCount: number,
    /** Pixel area (ha) when constant; null when areas were summed row by row (geographic grids). */
    private readonly pixelAreaHa: number | null,
  ) {
    const k = codes.length;
    this.kk = k * k;
    this.present = codes
      .map((_, i) => i)
      .filter((i) =>
        pairYears.some((_, p) => {
          for (let j = 0; j < k; j++)
            if (this.pixels(p, null, i * k + j) > 0 || this.pixels(p, null, j * k + i) > 0) return true;
          return false;
        }),
      );
  }

  /** Pixels of cell c (from·K + to) of pair p, in zone z or all zones (null). */
  pixels(p: number, z: number | null, c: number): number {
    return this.sum(this.counts.pixels, p, z, c);
  }

  /** Hectares of cell c of pair p, in zone z or all zones (null). */
  areaHa(p: number, z: number | null, c: number): number {
    if (this.pixelAreaHa !== null) return this.pixels(p, z, c) * this.pixelAreaHa;
    return this.sum(this.counts.areaHa, p, z, c);
  }

  /** The transfer matrix of pair p, in zone z or over all zones (null). */
  matrix(p: number, z: number | null = null): TransferMatrix {
    const k = this.codes.length;
    const n = this.present.length;
    const px = new Float64Array(n * n);
    const ar = new Float64Array(n * n);
    this.present.forEach((a, x) =>
      this.present.forEach((b, y) => {
        px[x * n + y] = this.pixels(p, z, a * k + b);
        ar[x * n + y] = this.areaHa(p, z, a * k + b);
      }),
    );
    const [from, to] = this.pairYears[p]!;
    return transferMatrix(
      from,
      to,
      this.present.map((i) => this.codes[i]!),
      px,
      ar,
    );
  }

  /**
   * Pixels and hectares of pair p in each zone code of `table` (zone code of transition from·K + to,
   * 1-based), with the share of the area (%).
   */
  zoneTotals(
    p: number,
    table: Uint8Array,
    zones: number,
  ): { pixels: number; areaHa: number; share: number }[] {
    const k = this.codes.length;
    const out = Array.from({ length: zones }, () => ({ pixels: 0, areaHa: 0, share: 0 }));
    let total = 0;
    for (const a of this.present)
      for (const b of this.present) {
        const c = a * k + b;
        const area = this.areaHa(p, null, c);
        total += area;
        const zone = table[c]!;
        if (zone >= 1 && zone <= zones) {
          out[zone - 1]!.pixels += this.pixels(p, null, c);
          out[zone - 1]!.areaHa += area;
        }
      }
    for (const z of out) z.share = total > 0 ? (z.areaHa / total) * 100 : 0;
    return out;
  }

  private sum(v: Float64Array, p: number, z: number | null, c: number): number {
    const Z = this.zoneCount;
    if (z !== null) return v[(p * Z + z) * this.kk + c]!;
    let s = 0;
    for (let zz = 0; zz < Z; zz++) s += v[(p * Z + zz) * this.kk + c]!;
    return s;
  }
}
