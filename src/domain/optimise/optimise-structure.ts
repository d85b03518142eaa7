import { assertFiniteResult } from "../validation/finite-result.ts";
import { fuzzyMaxMinModel, LAMBDA, type FuzzyGoal } from "./fuzzy-max-min.ts";
import { evaluate, type LpModel, type LpRow, type LpSolution, type LpSolver } from "./lp-model.ts";
import {
  areaVariables,
  criterionTerms,
  singleCriterionModel,
  structureRows,
  type StructureProblem,
} from "./structure-problem.ts";

const UNITS = { carbon: "t C/yr", value: "yuan/yr" } as const;
type Criterion = keyof typeof UNITS;

/** A constraint that holds with equality at the optimum, and what relaxing it by 1 ha is worth. */
export interface BindingConstraint {
  readonly name: string;
  readonly activityHa: number;
  /** The row's lower bound, ha; null when it has none (a ≤ row). */
  readonly lowerHa: number | null;
  /** The row's upper bound, ha; null when it has none (a ≥ row). */
  readonly upperHa: number | null;
  /** d objective / d bound, in `shadowPriceUnit` (0 when degenerate). */
  readonly shadowPrice: number;
  readonly shadowPriceUnit: string;
}

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

export type StructureResult =
  | {
      readonly status: "optimal";
      readonly problem: string;
      readonly objective: StructureProblem["objective"];
      readonly classes: readonly {
        key: string;
        name: string;
        currentHa: number;
        optimalHa: number;
        changeHa: number;
        atBound: "min" | "max" | null;
      }[];
      readonly criteria: readonly {
        criterion: Criterion;
        unit: string;
        current: number;
        optimal: number;
        change: number;
      }[];
      readonly binding: readonly BindingConstraint[];
      /** Fuzzy: satisfaction degree λ and each goal's range (payoff table). */
      readonly fuzzy?: {
        readonly lambda: number;
        readonly goals: readonly { name: string; worst: number; best: number; achieved: number }[];
      };
      readonly payoff?: readonly { optimised: Criterion; carbon: number; value: number }[];
    }
  | { readonly status: "infeasible"; readonly problem: string; readonly conflict: Conflict }
  | { readonly status: "unbounded" | "other"; readonly problem: string; readonly statusText: string };

/** A row bound as results carry it: the number, or null for none (±∞ is not a figure to print or store). */
const boundOrNull = (b: number): number | null => (Number.isFinite(b) ? b : null);

/** a equals the (finite) bound b within solver precision; never true for an infinite bound. */
const near = (a: number, b: number) =>
  Number.isFinite(b) && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function binding(model: LpModel, sol: LpSolution, unit: string): BindingConstraint[] {
  return model.rows
    .map((r) => ({ r, s: sol.rows.get(r.name) }))
    .filter(({ r, s }) => s && (near(s.activity, r.lower) || near(s.activity, r.upper)))
    .map(({ r, s }) => ({
      name: r.name,
      activityHa: s!.activity,
      lowerHa: boundOrNull(r.lower),
      upperHa: boundOrNull(r.upper),
      shadowPrice: s!.dual === 0 ? 0 : s!.dual,
      shadowPriceUnit: unit,
    }));
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

/**
 * Solves a land-use structure problem: one criterion (net sink or value), a weighted sum of both
 * (each scaled to 0–1 over its payoff range) or Zimmermann's fuzzy max–min with tolerances; the
 * optimal structure next to the current one, the change of each criterion, binding constraints
 * with shadow prices, or — when infeasible — which constraints conflict.
 */
export async function optimiseStructure(
  p: StructureProblem,
  solve: LpSolver,
  source = `problem "${p.name}"`,
): Promise<StructureResult> {
  return assertFiniteResult(
    await solveStructure(p, solve),
    source,
    "check the largest areas, coefficients and values (and the --factors they use)",
  );
}

async function solveStructure(p: StructureProblem, solve: LpSolver): Promise<StructureResult> {
  const hasValue = p.classes.some((c) => c.valueYuanPerHaYr !== undefined);
  const criteria: Criterion[] = hasValue ? ["carbon", "value"] : ["carbon"];
  const obj = p.objective;
  let model: LpModel;
  let unit: string;
  let payoff: { optimised: Criterion; carbon: number; value: number }[] | undefined;
  let goals: FuzzyGoal[] | undefined;
  if (obj.kind === "carbon" || obj.kind === "value") {
    model = singleCriterionModel(p, obj.kind);
    unit = `${UNITS[obj.kind]} per ha`;
  } else {
    // Payoff table: each criterion optimised alone on the crisp problem.
    payoff = [];
    for (const c of criteria) {
      const m = singleCriterionModel(p, c);
      const s = await solve(m);
      if (s.status !== "optimal") return failed(p, s, solve);
      payoff.push({
        optimised: c,
        carbon: evaluate(criterionTerms(p, "carbon"), s.values),
        value: evaluate(criterionTerms(p, "value"), s.values),
      });
    }
    goals = criteria.map((c) => ({
      name: c,
      terms: criterionTerms(p, c),
      best: Math.max(...payoff!.map((r) => r[c])),
      worst: Math.min(...payoff!.map((r) => r[c])),
    }));
    if (obj.kind === "weighted") {
      const w = { carbon: obj.carbon, value: obj.value };
      model = {
        sense: "maximize",
        objective: goals.flatMap((g) => {
          const range = g.best - g.worst || 1;
          return g.terms.map((t) => ({
            variable: t.variable,
            coefficient: (w[g.name as Criterion] * t.coefficient) / range,
          }));
        }),
        variables: areaVariables(p),
        rows: structureRows(p),
      };
      unit = "weighted score per ha";
    } else {
      const crisp = structureRows(p);
      const tol = new Map(p.constraints.filter((c) => c.toleranceHa).map((c) => [c.name, c.toleranceHa!]));
      model = fuzzyMaxMinModel(
        areaVariables(p),
        crisp.filter((r) => !tol.has(r.name)),
        crisp.filter((r) => tol.has(r.name)).map((r) => ({ row: r, tolerance: tol.get(r.name)! })),
        goals,
      );
      unit = "λ per ha";
    }
  }
  const sol = await solve(model);
  if (sol.status !== "optimal") return failed(p, sol, solve);
  const current = new Map(p.classes.map((c) => [c.key, c.currentHa]));
  return {
    status: "optimal",
    problem: p.name,
    objective: obj,
    classes: p.classes.map((c) => {
      const x = sol.values.get(c.key) ?? 0;
      return {
        key: c.key,
        name: c.name,
        currentHa: c.currentHa,
        optimalHa: x,
        changeHa: x - c.currentHa,
        atBound: near(x, c.minHa) && c.minHa > 0 ? "min" : near(x, c.maxHa) ? "max" : null,
      };
    }),
    criteria: criteria.map((c) => {
      const terms = criterionTerms(p, c);
      const a = evaluate(terms, current);
      const b = evaluate(terms, sol.values);
      return { criterion: c, unit: UNITS[c], current: a, optimal: b, change: b - a };
    }),
    binding: binding(model, sol, unit),
    ...(goals && obj.kind === "fuzzy"
      ? {
          fuzzy: {
            lambda: sol.values.get(LAMBDA) ?? 0,
            goals: goals.map((g) => ({
              name: g.name,
              worst: g.worst,
              best: g.best,
              achieved: evaluate(g.terms, sol.values),
            })),
          },
        }
      : {}),
    ...(payoff ? { payoff } : {}),
  };
}

async function failed(p: StructureProblem, s: LpSolution, solve: LpSolver): Promise<StructureResult> {
  if (s.status === "infeasible")
    return { status: "infeasible", problem: p.name, conflict: await explainInfeasible(p, solve) };
  return {
    status: s.status === "unbounded" ? "unbounded" : "other",
    problem: p.name,
    statusText: s.statusText,
  };
}
