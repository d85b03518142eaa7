import type { LpRow, LpSolver } from "./lp-model.ts";
import { areaVariables, structureRows, type StructureProblem } from "./structure-problem.ts";

/** A row bound as results carry it: the number, or null for none (±∞ is not a figure to print or store). */
export const boundOrNull = (b: number): number | null => (Number.isFinite(b) ? b : null);

/** Which constraints cannot hold together, and the least relaxation that would make them. */
export interface Conflict {
  /** An irreducible set: all of these together are infeasible; drop any one and the rest are not. */
  readonly constraints: readonly {
    readonly name: string;
    /** null: no lower bound. */
    readonly lowerHa: number | null;
    /** null: no upper bound. */
    readonly upperHa: number | null;
  }[];
  /** One way out: how far each would have to move (the least total movement), ha. */
  readonly relaxation: readonly {
    readonly name: string;
    readonly byHa: number;
    readonly direction: "raise upper" | "lower lower";
  }[];
  readonly explanation: string;
}

/**
 * Finds an irreducible infeasible set by deletion (drop each row in turn; keep it out when the rest
 * stay infeasible), class bounds included as rows, then the least total relaxation of that set
 * (an elastic LP), so the user learns which constraints conflict and by how much.
 */
export async function explainInfeasible(p: StructureProblem, solve: LpSolver): Promise<Conflict> {
  const variables = areaVariables(p, true);
  let rows: LpRow[] = structureRows(p, true);
  const feasible = async (rs: readonly LpRow[]) =>
    (await solve({ sense: "minimize", objective: [], variables, rows: rs })).status !== "infeasible";
  for (const r of [...rows]) {
    const without = rows.filter((x) => x !== r);
    if (!(await feasible(without))) rows = without;
  }
  // Elastic: each row of the set gets slack s⁺ (raises its upper) and s⁻ (lowers its lower); minimise Σ.
  const elasticRows = rows.map((r, i) => ({
    ...r,
    terms: [...r.terms, { variable: `up${i}`, coefficient: -1 }, { variable: `down${i}`, coefficient: 1 }],
  }));
  const slack = rows.flatMap((_, i) => [`up${i}`, `down${i}`]);
  const sol = await solve({
    sense: "minimize",
    objective: slack.map((v) => ({ variable: v, coefficient: 1 })),
    variables: [...variables, ...slack.map((name) => ({ name, lower: 0, upper: Infinity }))],
    rows: elasticRows,
  });
  const relaxation = rows.flatMap((r, i) => {
    const up = sol.values.get(`up${i}`) ?? 0;
    const down = sol.values.get(`down${i}`) ?? 0;
    return [
      ...(up > 1e-9 ? [{ name: r.name, byHa: up, direction: "raise upper" as const }] : []),
      ...(down > 1e-9 ? [{ name: r.name, byHa: down, direction: "lower lower" as const }] : []),
    ];
  });
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return {
    constraints: rows.map((r) => ({
      name: r.name,
      lowerHa: boundOrNull(r.lower),
      upperHa: boundOrNull(r.upper),
    })),
    relaxation,
    explanation: `these ${rows.length} constraints cannot all hold: ${rows.map((r) => `"${r.name}"`).join(", ")}${
      relaxation.length
        ? `; the smallest change that makes them hold: ${relaxation.map((x) => `${x.direction === "raise upper" ? "raise" : "lower"} "${x.name}" by ${fmt(x.byHa)} ha`).join(", ")}`
        : ""
    }`,
  };
}
