import { columnTotals, rowTotals, diagonal, type TransferMatrix } from "./transfer-matrix.ts";

/**
 * Single land-use dynamic degree of each class, K = (U_b − U_a) / U_a × 1/T × 100 (% per year), U_a and
 * U_b its area at the first and second date, T the years between (seed 001 style, SPEC M1). null where
 * U_a = 0 (undefined, never silently 0).
 */
export function singleDynamicDegree(m: TransferMatrix): { code: number; percentPerYear: number | null }[] {
  const t = m.toYear - m.fromYear;
  const a = rowTotals(m, "areaHa");
  const b = columnTotals(m, "areaHa");
  return m.codes.map((code, i) => ({
    code,
    percentPerYear: a[i]! > 0 ? ((b[i]! - a[i]!) / a[i]!) * (1 / t) * 100 : null,
  }));
}

/**
 * Comprehensive land-use dynamic degree, LC = Σ_i ΔLU_{i−j} / (2 Σ_i LU_i) × 1/T × 100 (% per year),
 * with Σ ΔLU_{i−j} the area converted from one class to another (the off-diagonal total) — each converted
 * hectare counted once as a loss and once as a gain, hence the 2 in the usual form Σ|ΔLU| / (2 Σ LU).
 */
export function comprehensiveDynamicDegree(m: TransferMatrix): number {
  const t = m.toYear - m.fromYear;
  const start = rowTotals(m, "areaHa");
  const persistence = diagonal(m, "areaHa");
  const total = start.reduce((s, x) => s + x, 0);
  const converted = total - persistence.reduce((s, x) => s + x, 0);
  // Σ_i (loss_i + gain_i) = 2 × converted, so LC = 2·converted / (2·total) / T × 100
  return total > 0 ? (converted / total / t) * 100 : 0;
}
