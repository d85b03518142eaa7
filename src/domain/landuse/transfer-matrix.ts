/**
 * A land-use transfer matrix S_ij (seed 001 §2.2) between two dates: for every pair of class codes,
 * the pixels and the area (ha) that were class i at the first date and class j at the second.
 * Row = from, column = to, both in the order of `codes`. Area is carried separately from pixels
 * because pixel area varies by row on a geographic grid.
 */
export interface TransferMatrix {
  readonly fromYear: number;
  readonly toYear: number;
  readonly codes: readonly number[];
  /** K×K pixel counts, row-major: pixels[i·K + j]. */
  readonly pixels: Float64Array;
  /** K×K areas in ha, row-major. */
  readonly areaHa: Float64Array;
}

/** Builds a transfer matrix, checking its shape and that no cell is negative or not finite. */
export function transferMatrix(
  fromYear: number,
  toYear: number,
  codes: readonly number[],
  pixels: Float64Array,
  areaHa: Float64Array,
): TransferMatrix {
  const k = codes.length;
  if (new Set(codes).size !== k)
    throw new RangeError(`class codes must be distinct; got ${codes.join(", ")}`);
  if (pixels.length !== k * k || areaHa.length !== k * k) {
    throw new RangeError(
      `a transfer matrix of ${k} classes needs ${k * k} cells; got ${pixels.length} and ${areaHa.length}`,
    );
  }
  for (let c = 0; c < k * k; c++) {
    if (!(pixels[c]! >= 0) || !(areaHa[c]! >= 0)) {
      throw new RangeError(
        `transfer-matrix cell ${c} must be a finite number ≥ 0; got ${pixels[c]} px, ${areaHa[c]} ha`,
      );
    }
  }
  if (!(toYear > fromYear))
    throw new RangeError(`the second date must be after the first; got ${fromYear} → ${toYear}`);
  return { fromYear, toYear, codes, pixels, areaHa };
}

/** Which measure of a matrix to read: pixel counts or hectares. */
export type MatrixMeasure = "pixels" | "areaHa";

/** Row sums: size of each class at the first date. */
export function rowTotals(m: TransferMatrix, measure: MatrixMeasure): number[] {
  const k = m.codes.length;
  const v = m[measure];
  return m.codes.map((_, i) => {
    let s = 0;
    for (let j = 0; j < k; j++) s += v[i * k + j]!;
    return s;
  });
}

/** Column sums: size of each class at the second date. */
export function columnTotals(m: TransferMatrix, measure: MatrixMeasure): number[] {
  const k = m.codes.length;
  const v = m[measure];
  return m.codes.map((_, j) => {
    let s = 0;
    for (let i = 0; i < k; i++) s += v[i * k + j]!;
    return s;
  });
}

/** Diagonal: the persistence of each class. */
export function diagonal(m: TransferMatrix, measure: MatrixMeasure): number[] {
  const k = m.codes.length;
  return m.codes.map((_, i) => m[measure][i * k + i]!);
}

/** The total of all cells (the study area, or its pixel count). */
export function matrixTotal(m: TransferMatrix, measure: MatrixMeasure): number {
  let s = 0;
  for (const v of m[measure]) s += v;
  return s;
}

/** One cell by class codes. */
export function cell(m: TransferMatrix, from: number, to: number, measure: MatrixMeasure): number {
  const i = m.codes.indexOf(from);
  const j = m.codes.indexOf(to);
  if (i < 0 || j < 0)
    throw new RangeError(`class ${i < 0 ? from : to} is not in the matrix (${m.codes.join(", ")})`);
  return m[measure][i * m.codes.length + j]!;
}
