import { row, type LpModel, type LpRow, type LpTerm, type LpVariable } from "./lp-model.ts";

/** The name of the satisfaction-degree variable λ ∈ [0, 1]. */
export const LAMBDA = "lambda";

/** A goal for the fuzzy model: the objective's terms and the range its membership runs over. */
export interface FuzzyGoal {
  readonly name: string;
  readonly terms: readonly LpTerm[];
  /** Membership 0 at `worst`, 1 at `best` (from the payoff table: each objective optimized alone). */
  readonly worst: number;
  readonly best: number;
}

/** A constraint with a tolerance p: "≤ b" becomes "≤ b + (1 − λ) p" (and "≥ b" becomes "≥ b − (1 − λ) p"). */
export interface FuzzyRow {
  readonly row: LpRow;
  readonly tolerance: number;
}

/**
 * Zimmermann's max–min model (Zimmermann 1978): maximise λ subject to
 *   Σ c_k x ≥ worst_k + λ (best_k − worst_k) for each goal,
 *   Σ a x ≤ b + (1 − λ) p (≤ rows with tolerance p; ≥ rows alike), crisp rows as they are,
 *   0 ≤ λ ≤ 1.
 */
export function fuzzyMaxMinModel(
  variables: readonly LpVariable[],
  crisp: readonly LpRow[],
  fuzzy: readonly FuzzyRow[],
  goals: readonly FuzzyGoal[],
): LpModel {
  const rows: LpRow[] = [...crisp];
  for (const g of goals) {
    // Σ c x − λ (best − worst) ≥ worst
    rows.push(
      row(
        `goal: ${g.name}`,
        [...g.terms, { variable: LAMBDA, coefficient: -(g.best - g.worst) }],
        ">=",
        g.worst,
      ),
    );
  }
  for (const { row: r, tolerance: p } of fuzzy) {
    if (Number.isFinite(r.upper))
      rows.push(
        row(`${r.name} (fuzzy ≤)`, [...r.terms, { variable: LAMBDA, coefficient: p }], "<=", r.upper + p),
      );
    if (Number.isFinite(r.lower))
      rows.push(
        row(`${r.name} (fuzzy ≥)`, [...r.terms, { variable: LAMBDA, coefficient: -p }], ">=", r.lower - p),
      );
  }
  return {
    sense: "maximize",
    objective: [{ variable: LAMBDA, coefficient: 1 }],
    variables: [...variables, { name: LAMBDA, lower: 0, upper: 1 }],
    rows,
  };
}
