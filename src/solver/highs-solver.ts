import type { LpModel, LpSolution, LpSolver, LpTerm } from "../domain/optimize/lp-model.ts";

type Highs = { solve(problem: string, options?: Record<string, unknown>): HighsResult };
type HighsResult = {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number; Dual?: number }>;
  Rows: { Name: string; Primal: number; Dual: number }[];
};

let loading: Promise<Highs> | undefined;
/** HiGHS compiled to WebAssembly (npm `highs`), loaded once. */
function highs(): Promise<Highs> {
  loading ??= import("highs").then((m) => (m.default as unknown as () => Promise<Highs>)());
  return loading;
}

const num = (v: number) => {
  if (!Number.isFinite(v)) throw new Error(`internal: a finite coefficient was expected, got ${v}`);
  // Plain decimal notation: the LP format has no room for "1e-7".
  return v.toFixed(12).replace(/\.?0+$/, "") || "0";
};

/**
 * The model in CPLEX LP format with generated names (x0…, r0…), so that any class or constraint
 * name the user chose is safe; the maps give the names back.
 */
export function toCplexLp(m: LpModel): {
  text: string;
  vars: Map<string, string>;
  rows: Map<string, string>;
} {
  const vars = new Map(m.variables.map((v, i) => [v.name, `x${i}`]));
  const rows = new Map(m.rows.map((r, i) => [r.name, `r${i}`]));
  const expr = (terms: readonly LpTerm[]) => {
    const parts = terms
      .filter((t) => t.coefficient !== 0)
      .map((t) => {
        const v = vars.get(t.variable);
        if (!v) throw new Error(`internal: the model uses an undeclared variable ${t.variable}`);
        return `${t.coefficient < 0 ? "-" : "+"} ${num(Math.abs(t.coefficient))} ${v}`;
      });
    return parts.length ? parts.join(" ") : `0 ${vars.values().next().value}`;
  };
  const lines = [
    m.sense === "maximize" ? "Maximize" : "Minimize",
    ` obj: ${expr(m.objective)}`,
    "Subject To",
  ];
  for (const r of m.rows) {
    const name = rows.get(r.name)!;
    if (r.lower === r.upper) lines.push(` ${name}: ${expr(r.terms)} = ${num(r.lower)}`);
    else {
      if (Number.isFinite(r.lower))
        lines.push(` ${name}${Number.isFinite(r.upper) ? "_lo" : ""}: ${expr(r.terms)} >= ${num(r.lower)}`);
      if (Number.isFinite(r.upper)) lines.push(` ${name}: ${expr(r.terms)} <= ${num(r.upper)}`);
    }
  }
  lines.push("Bounds");
  for (const v of m.variables) {
    const n = vars.get(v.name)!;
    const lo = Number.isFinite(v.lower) ? num(v.lower) : "-inf";
    const hi = Number.isFinite(v.upper) ? num(v.upper) : "+inf";
    lines.push(` ${lo} <= ${n} <= ${hi}`);
  }
  lines.push("End");
  return { text: lines.join("\n"), vars, rows };
}

/** Solves with HiGHS: primal values, row activities and duals (shadow prices), reduced costs of the variables. */
export const highsSolver: LpSolver = async (m: LpModel): Promise<LpSolution> => {
  const { text, vars, rows } = toCplexLp(m);
  const r = (await highs()).solve(text);
  const status =
    r.Status === "Optimal"
      ? "optimal"
      : r.Status === "Infeasible"
        ? "infeasible"
        : /unbounded/i.test(r.Status)
          ? "unbounded"
          : "other";
  const byName = new Map(r.Rows.map((x) => [x.Name, x]));
  const values = new Map<string, number>();
  const reducedCosts = new Map<string, number>();
  if (status === "optimal")
    for (const [name, x] of vars) {
      values.set(name, r.Columns[x]?.Primal ?? 0);
      // HiGHS's column dual: the reduced cost, signed like the row duals (d objective / d bound).
      reducedCosts.set(name, r.Columns[x]?.Dual ?? 0);
    }
  const out = new Map<string, { activity: number; dual: number }>();
  if (status === "optimal")
    for (const [name, x] of rows) {
      // A ranged row is two LP rows (x_lo and x): its dual is the sum (at most one is non-zero).
      const a = byName.get(x);
      const b = byName.get(`${x}_lo`);
      out.set(name, { activity: (a ?? b)?.Primal ?? 0, dual: (a?.Dual ?? 0) + (b?.Dual ?? 0) });
    }
  return {
    status,
    statusText: r.Status,
    objective: status === "optimal" ? r.ObjectiveValue : NaN,
    values,
    rows: out,
    reducedCosts,
  };
};
