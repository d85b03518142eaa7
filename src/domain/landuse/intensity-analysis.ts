import {
  columnTotals,
  diagonal,
  matrixTotal,
  rowTotals,
  type MatrixMeasure,
  type TransferMatrix,
} from "./transfer-matrix.ts";

/**
 * How stationarity treats a category with no gain (or loss) in an interval:
 * - `paper` (Aldwaik & Pontius 2012): its intensity is 0, below the uniform line, so it is dormant;
 * - `openland`: as the R package OpenLand, which drops zero rows, so such an interval counts as
 *   neither active nor dormant (stationarity can then be "no" where the paper says "yes").
 */
export type ZeroChangeRule = "paper" | "openland";

/** Interval level: annual change intensity S_t (% of the area per year) against the uniform U. */
export interface IntervalIntensity {
  readonly fromYear: number;
  readonly toYear: number;
  /** Σ off-diagonal / A × 100 */
  readonly percentChange: number;
  readonly St: number;
  readonly U: number;
  readonly pace: "fast" | "slow" | "uniform";
}

/** Category level in one interval: G_tj (gain) and L_ti (loss), % of the category per year, against S_t. */
export interface CategoryIntensity {
  readonly fromYear: number;
  readonly toYear: number;
  readonly code: number;
  readonly gain: number;
  readonly loss: number;
  /** null where the category has no area at the end (gain) or start (loss): 0/0 is undefined. */
  readonly G: number | null;
  readonly L: number | null;
  readonly St: number;
  readonly gainState: "active" | "dormant" | "uniform" | "undefined";
  readonly lossState: "active" | "dormant" | "uniform" | "undefined";
}

/** Transition level for the gain of n (R_tin vs W_tn) or the loss of m (Q_tmj vs V_tm). */
export interface TransitionIntensity {
  readonly fromYear: number;
  readonly toYear: number;
  /** the other category: i (source of n's gain) or j (destination of m's loss) */
  readonly code: number;
  readonly size: number;
  readonly rate: number | null;
  readonly uniform: number | null;
  readonly state: "targeted" | "avoided" | "uniform" | "undefined";
}

/** Whether a pattern holds in every interval (Aldwaik & Pontius stationarity). */
export interface Stationarity {
  readonly code: number;
  readonly intervals: number;
  readonly active: number;
  readonly dormant: number;
  /** "active"/"targeted" in all intervals, "dormant"/"avoided" in all, or not stationary. */
  readonly stationary: string | null;
}

const state = (rate: number | null, line: number, up: string, down: string) =>
  rate === null ? "undefined" : rate > line ? up : rate < line ? down : "uniform";

/** The interval level for a series of consecutive matrices (seed dates must chain). */
export function intervalIntensity(
  series: readonly TransferMatrix[],
  measure: MatrixMeasure,
): IntervalIntensity[] {
  if (!series.length) return [];
  const changes = series.map((m) => {
    const a = matrixTotal(m, measure);
    const changed = a - diagonal(m, measure).reduce((s, x) => s + x, 0);
    return { m, a, changed };
  });
  const span = series.at(-1)!.toYear - series[0]!.fromYear;
  const U = (changes.reduce((s, c) => s + c.changed / c.a, 0) / span) * 100;
  return changes.map(({ m, a, changed }) => {
    const St = (changed / a / (m.toYear - m.fromYear)) * 100;
    return {
      fromYear: m.fromYear,
      toYear: m.toYear,
      percentChange: (changed / a) * 100,
      St,
      U,
      pace: St > U ? "fast" : St < U ? "slow" : "uniform",
    };
  });
}

/** The category level of one interval: G_tj = (C_+j − C_jj)/Δ / C_+j, L_ti = (C_i+ − C_ii)/Δ / C_i+, × 100. */
export function categoryIntensity(m: TransferMatrix, measure: MatrixMeasure): CategoryIntensity[] {
  const dt = m.toYear - m.fromYear;
  const a = matrixTotal(m, measure);
  const rows = rowTotals(m, measure);
  const cols = columnTotals(m, measure);
  const diag = diagonal(m, measure);
  const St = ((a - diag.reduce((s, x) => s + x, 0)) / a / dt) * 100;
  return m.codes.map((code, j) => {
    const gain = cols[j]! - diag[j]!;
    const loss = rows[j]! - diag[j]!;
    const G = cols[j]! > 0 ? (gain / dt / cols[j]!) * 100 : null;
    const L = rows[j]! > 0 ? (loss / dt / rows[j]!) * 100 : null;
    return {
      fromYear: m.fromYear,
      toYear: m.toYear,
      code,
      gain,
      loss,
      G,
      L,
      St,
      gainState: state(G, St, "active", "dormant") as CategoryIntensity["gainState"],
      lossState: state(L, St, "active", "dormant") as CategoryIntensity["lossState"],
    };
  });
}

/** Transition level, gain of n: R_tin = C_in/Δ / C_i+ and W_tn = (C_+n − C_nn)/Δ / (A − C_n+), × 100, for i ≠ n. */
export function gainTransitionIntensity(
  m: TransferMatrix,
  n: number,
  measure: MatrixMeasure,
): TransitionIntensity[] {
  const k = m.codes.length;
  const ni = indexOf(m, n);
  const dt = m.toYear - m.fromYear;
  const v = m[measure];
  const a = matrixTotal(m, measure);
  const rows = rowTotals(m, measure);
  const cols = columnTotals(m, measure);
  const denom = a - rows[ni]!;
  const W = denom > 0 ? ((cols[ni]! - v[ni * k + ni]!) / dt / denom) * 100 : null;
  return m.codes.flatMap((code, i) => {
    if (i === ni) return [];
    const size = v[i * k + ni]!;
    const rate = rows[i]! > 0 ? (size / dt / rows[i]!) * 100 : null;
    return [
      {
        fromYear: m.fromYear,
        toYear: m.toYear,
        code,
        size,
        rate,
        uniform: W,
        state:
          W === null ? "undefined" : (state(rate, W, "targeted", "avoided") as TransitionIntensity["state"]),
      },
    ];
  });
}

/**
 * Transition level, loss of m: Q_tmj = C_mj/Δ / C_+j and V_tm = (C_m+ − C_mm)/Δ / (A − C_+m), × 100,
 * for j ≠ m. These are R and W of the transposed matrix, so the gain computation serves both.
 */
export function lossTransitionIntensity(
  m: TransferMatrix,
  lost: number,
  measure: MatrixMeasure,
): TransitionIntensity[] {
  return gainTransitionIntensity(transpose(m), lost, measure);
}

function transpose(m: TransferMatrix): TransferMatrix {
  const k = m.codes.length;
  const t = (v: Float64Array) => {
    const out = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[j * k + i] = v[i * k + j]!;
    return out;
  };
  return { ...m, pixels: t(m.pixels), areaHa: t(m.areaHa) };
}

/**
 * Stationarity across intervals of a per-interval pattern: for each code, how many intervals are on
 * each side of the uniform line, and whether one side holds in all of them. Under the `openland`
 * rule an interval where the category had no change (size 0) is not counted on either side.
 */
export function stationarity(
  perInterval: readonly { code: number; size: number; state: string }[][],
  up: string,
  down: string,
  rule: ZeroChangeRule,
): Stationarity[] {
  const intervals = perInterval.length;
  const codes = [...new Set(perInterval.flat().map((r) => r.code))];
  return codes.map((code) => {
    let active = 0;
    let dormant = 0;
    for (const rows of perInterval) {
      const r = rows.find((x) => x.code === code);
      if (!r || (rule === "openland" && r.size === 0)) continue;
      if (r.state === up) active++;
      else if (r.state === down) dormant++;
    }
    return {
      code,
      intervals,
      active,
      dormant,
      stationary: active === intervals ? up : dormant === intervals ? down : null,
    };
  });
}

function indexOf(m: TransferMatrix, code: number): number {
  const i = m.codes.indexOf(code);
  if (i < 0) throw new RangeError(`class ${code} is not in the matrix (${m.codes.join(", ")})`);
  return i;
}
