import { assertFiniteResult } from "../validation/finite-result.ts";
import { boundPrices, type BoundPrice } from "./bound-prices.ts";
import { boundOrNull, explainInfeasible, type Conflict } from "./explain-infeasible.ts";
import { fuzzyMaxMinModel, LAMBDA, type FuzzyGoal } from "./fuzzy-max-min.ts";
import { evaluate, type LpModel, type LpSolution, type LpSolver } from "./lp-model.ts";
import { near } from "./near.ts";
import { structureNotes } from "./structure-notes.ts";
import {
  areaVariables,
  carbonParts,
  criterionConstant,
  criterionTerms,
  singleCriterionModel,
  structureRows,
  type StructureProblem,
} from "./structure-problem.ts";

export type { BoundPrice } from "./bound-prices.ts";
export type { Conflict } from "./explain-infeasible.ts";
export { explainInfeasible } from "./explain-infeasible.ts";

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

/** The net sink split into its parts, t C/yr (they sum to the carbon criterion). */
export interface CarbonParts {
  /** Σ area × net coefficient of what moves with the area. */
  readonly landCoefficients: number;
  /** Minus the energy use held at its current total (fixed coal output). */
  readonly energyHeld: number;
  /** Σ SOC × (area − current area) / D: the yearly soil change over the D years after conversion. */
  readonly soilChange: number;
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
      /** The net sink's parts now and at the optimum, t C/yr. */
      readonly carbonParts: { readonly current: CarbonParts; readonly optimal: CarbonParts };
      readonly binding: readonly BindingConstraint[];
      /** Shadow prices of the class bounds that hold at the optimum (reduced costs). */
      readonly boundPrices: readonly BoundPrice[];
      /** Fuzzy: satisfaction degree λ and each goal's range (payoff table). */
      readonly fuzzy?: {
        readonly lambda: number;
        readonly goals: readonly { name: string; worst: number; best: number; achieved: number }[];
      };
      readonly payoff?: readonly { optimized: Criterion; carbon: number; value: number }[];
      /** What the figures count and hold fixed (coal land, energy use, soil change), and warnings. */
      readonly notes: readonly string[];
    }
  | {
      readonly status: "infeasible";
      readonly problem: string;
      readonly conflict: Conflict;
      readonly notes: readonly string[];
    }
  | {
      readonly status: "unbounded" | "other";
      readonly problem: string;
      readonly statusText: string;
      readonly notes: readonly string[];
    };

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
 * Solves a land-use structure problem: one criterion (net sink or value), a weighted sum of both
 * (each scaled to 0–1 over its payoff range) or Zimmermann's fuzzy max–min with tolerances; the
 * optimal structure next to the current one, the change of each criterion, binding constraints
 * and class bounds with shadow prices, or — when infeasible — which constraints conflict.
 */
export async function optimizeStructure(
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
  const notes = structureNotes(p);
  const obj = p.objective;
  // A criterion as reported: what the LP optimizes plus the part that does not move with the areas.
  const valueOf = (c: Criterion, values: ReadonlyMap<string, number>) =>
    evaluate(criterionTerms(p, c), values) + criterionConstant(p, c);
  let model: LpModel;
  let unit: string;
  let payoff: { optimized: Criterion; carbon: number; value: number }[] | undefined;
  let goals: FuzzyGoal[] | undefined;
  if (obj.kind === "carbon" || obj.kind === "value") {
    model = singleCriterionModel(p, obj.kind);
    unit = `${UNITS[obj.kind]} per ha`;
  } else {
    // Payoff table: each criterion optimized alone on the crisp problem.
    payoff = [];
    for (const c of criteria) {
      const s = await solve(singleCriterionModel(p, c));
      if (s.status !== "optimal") return failed(p, s, solve, notes);
      payoff.push({ optimized: c, carbon: valueOf("carbon", s.values), value: valueOf("value", s.values) });
    }
    // The goals' ranges in the LP's own terms (without the constant part).
    goals = criteria.map((c) => ({
      name: c,
      terms: criterionTerms(p, c),
      best: Math.max(...payoff!.map((r) => r[c])) - criterionConstant(p, c),
      worst: Math.min(...payoff!.map((r) => r[c])) - criterionConstant(p, c),
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
  if (sol.status !== "optimal") return failed(p, sol, solve, notes);
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
      const a = valueOf(c, current);
      const b = valueOf(c, sol.values);
      return { criterion: c, unit: UNITS[c], current: a, optimal: b, change: b - a };
    }),
    carbonParts: {
      current: carbonParts(p, (k) => current.get(k) ?? 0),
      optimal: carbonParts(p, (k) => sol.values.get(k) ?? 0),
    },
    binding: binding(model, sol, unit),
    boundPrices: boundPrices(p, sol, unit),
    ...(goals && obj.kind === "fuzzy"
      ? {
          fuzzy: {
            lambda: sol.values.get(LAMBDA) ?? 0,
            goals: goals.map((g) => {
              const k = criterionConstant(p, g.name as Criterion);
              return {
                name: g.name,
                worst: g.worst + k,
                best: g.best + k,
                achieved: evaluate(g.terms, sol.values) + k,
              };
            }),
          },
        }
      : {}),
    ...(payoff ? { payoff } : {}),
    notes,
  };
}

async function failed(
  p: StructureProblem,
  s: LpSolution,
  solve: LpSolver,
  notes: readonly string[],
): Promise<StructureResult> {
  if (s.status === "infeasible")
    return { status: "infeasible", problem: p.name, conflict: await explainInfeasible(p, solve), notes };
  return {
    status: s.status === "unbounded" ? "unbounded" : "other",
    problem: p.name,
    statusText: s.statusText,
    notes,
  };
}
