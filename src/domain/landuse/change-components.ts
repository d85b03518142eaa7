import {
  columnTotals,
  diagonal,
  matrixTotal,
  rowTotals,
  type MatrixMeasure,
  type TransferMatrix,
} from "./transfer-matrix.ts";

/** Gross and net change of one class over an interval, and its Pontius difference components. */
export interface ClassChange {
  readonly code: number;
  readonly start: number;
  readonly end: number;
  readonly persistence: number;
  /** C_+j − C_jj */
  readonly gain: number;
  /** C_j+ − C_jj */
  readonly loss: number;
  /** gain − loss (signed) */
  readonly netChange: number;
  /** q_j = |gain − loss| */
  readonly quantity: number;
  /** e_j = Σ_{i≠j} 2·min(C_ij, C_ji) */
  readonly exchange: number;
  /** s_j = gain + loss − q_j − e_j */
  readonly shift: number;
  /** swap_j = 2·min(gain, loss) = e_j + s_j (Pontius et al. 2004) */
  readonly swap: number;
}

/** Overall components: D = Q + E + S, allocation A = E + S (each = ½ Σ over classes). */
export interface OverallChange {
  readonly totalChange: number;
  readonly quantity: number;
  readonly exchange: number;
  readonly shift: number;
  readonly allocation: number;
  readonly persistence: number;
  readonly total: number;
}

/**
 * Per-class gain, loss, net change, persistence, swap and the quantity/exchange/shift components
 * (Pontius & Santacruz 2014; diffeR), with the overall totals, in the matrix's pixels or hectares.
 */
export function changeComponents(
  m: TransferMatrix,
  measure: MatrixMeasure,
): { classes: ClassChange[]; overall: OverallChange } {
  const k = m.codes.length;
  const v = m[measure];
  const rows = rowTotals(m, measure);
  const cols = columnTotals(m, measure);
  const diag = diagonal(m, measure);
  const classes = m.codes.map((code, j): ClassChange => {
    const gain = cols[j]! - diag[j]!;
    const loss = rows[j]! - diag[j]!;
    let exchange = 0;
    for (let i = 0; i < k; i++) if (i !== j) exchange += 2 * Math.min(v[i * k + j]!, v[j * k + i]!);
    const quantity = Math.abs(gain - loss);
    return {
      code,
      start: rows[j]!,
      end: cols[j]!,
      persistence: diag[j]!,
      gain,
      loss,
      netChange: gain - loss,
      quantity,
      exchange,
      shift: gain + loss - quantity - exchange,
      swap: 2 * Math.min(gain, loss),
    };
  });
  const half = (f: (c: ClassChange) => number) => classes.reduce((s, c) => s + f(c), 0) / 2;
  const total = matrixTotal(m, measure);
  const persistence = diag.reduce((a, b) => a + b, 0);
  const exchange = half((c) => c.exchange);
  const shift = half((c) => c.shift);
  return {
    classes,
    overall: {
      totalChange: total - persistence,
      quantity: half((c) => c.quantity),
      exchange,
      shift,
      allocation: exchange + shift,
      persistence,
      total,
    },
  };
}
