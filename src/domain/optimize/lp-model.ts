/** A linear term: coefficient × variable. */
export interface LpTerm {
  readonly variable: string;
  readonly coefficient: number;
}

/** A variable with its bounds (upper may be Infinity). */
export interface LpVariable {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
}

/** A constraint row: lower ≤ Σ terms ≤ upper (either side may be infinite; equal for "="). */
export interface LpRow {
  readonly name: string;
  readonly terms: readonly LpTerm[];
  readonly lower: number;
  readonly upper: number;
}

/** A linear programme as plain data: what a solver adapter turns into its own format. */
export interface LpModel {
  readonly sense: "maximize" | "minimize";
  readonly objective: readonly LpTerm[];
  readonly variables: readonly LpVariable[];
  readonly rows: readonly LpRow[];
}

/** A solver's answer: values by variable name, row activities and duals (shadow prices) by row name. */
export interface LpSolution {
  readonly status: "optimal" | "infeasible" | "unbounded" | "other";
  /** The solver's own status text. */
  readonly statusText: string;
  readonly objective: number;
  readonly values: ReadonlyMap<string, number>;
  /** Row activity and dual: d objective / d bound of the row, in objective units per row unit. */
  readonly rows: ReadonlyMap<string, { readonly activity: number; readonly dual: number }>;
  /**
   * Reduced cost of each variable: d objective / d bound of the variable's bound that holds it (0
   * when it lies between its bounds), in objective units per variable unit.
   */
  readonly reducedCosts: ReadonlyMap<string, number>;
}

/** Something that solves LPs (HiGHS in src/optimize; a fake in tests). */
export type LpSolver = (model: LpModel) => Promise<LpSolution>;

/** Σ coefficient × value of terms at a solution. */
export function evaluate(terms: readonly LpTerm[], values: ReadonlyMap<string, number>): number {
  return terms.reduce((s, t) => s + t.coefficient * (values.get(t.variable) ?? 0), 0);
}

/** A row of the given sense: "<=" b, ">=" b or "=" b. */
export function row(name: string, terms: readonly LpTerm[], sense: "<=" | ">=" | "=", rhs: number): LpRow {
  return {
    name,
    terms,
    lower: sense === "<=" ? -Infinity : rhs,
    upper: sense === ">=" ? Infinity : rhs,
  };
}
