import { row, type LpModel, type LpRow, type LpTerm, type LpVariable } from "./lp-model.ts";

/** One land-use class of a structure problem: its area now, bounds, and per-hectare coefficients. */
export interface StructureClass {
  readonly key: string;
  readonly name: string;
  readonly currentHa: number;
  readonly minHa: number;
  readonly maxHa: number;
  /** Net yearly sink (absorption − emission), t C/ha/yr; negative for a net source. */
  readonly netSinkTCPerHaYr: number;
  /** Where the coefficient comes from (factor ids or the user's source). */
  readonly netSinkSource: string;
  /** Economic value, yuan/ha/yr (optional; needed for the value objective). */
  readonly valueYuanPerHaYr?: number;
}

/** A linear constraint over class areas, ha; `toleranceHa` makes it fuzzy (Zimmermann). */
export interface StructureConstraint {
  readonly name: string;
  readonly terms: readonly { readonly key: string; readonly coefficient: number }[];
  readonly sense: "<=" | ">=" | "=";
  readonly rhsHa: number;
  readonly toleranceHa?: number;
  readonly source?: string;
}

export type StructureObjective =
  | { readonly kind: "carbon" }
  | { readonly kind: "value" }
  | { readonly kind: "weighted"; readonly carbon: number; readonly value: number }
  | { readonly kind: "fuzzy" };

/** A land-use structure optimisation (seed 000 §4, seed 003): areas by class under constraints. */
export interface StructureProblem {
  readonly name: string;
  readonly totalAreaHa: number;
  readonly classes: readonly StructureClass[];
  readonly constraints: readonly StructureConstraint[];
  readonly objective: StructureObjective;
}

export const TOTAL_AREA_ROW = "total area";

/** Names of the rows that stand for class bounds, when bounds are written as rows (to explain conflicts). */
export const boundRowName = (c: StructureClass, side: "min" | "max") =>
  `${side === "min" ? "lower" : "upper"} bound of ${c.key} (${side === "min" ? c.minHa : c.maxHa} ha)`;

/** The class areas as LP variables, ha. */
export function areaVariables(p: StructureProblem, boundsAsRows = false): LpVariable[] {
  return p.classes.map((c) => ({
    name: c.key,
    lower: boundsAsRows ? 0 : c.minHa,
    upper: boundsAsRows ? Infinity : c.maxHa,
  }));
}

/** The objective terms of one criterion: net sink (t C/yr) or value (yuan/yr). */
export function criterionTerms(p: StructureProblem, criterion: "carbon" | "value"): LpTerm[] {
  return p.classes.map((c) => ({
    variable: c.key,
    coefficient: criterion === "carbon" ? c.netSinkTCPerHaYr : (c.valueYuanPerHaYr ?? 0),
  }));
}

/** The crisp constraint rows: total area, the problem's constraints and (optionally) the class bounds. */
export function structureRows(p: StructureProblem, boundsAsRows = false): LpRow[] {
  const rows: LpRow[] = [
    row(
      TOTAL_AREA_ROW,
      p.classes.map((c) => ({ variable: c.key, coefficient: 1 })),
      "=",
      p.totalAreaHa,
    ),
    ...p.constraints.map((c) =>
      row(
        c.name,
        c.terms.map((t) => ({ variable: t.key, coefficient: t.coefficient })),
        c.sense,
        c.rhsHa,
      ),
    ),
  ];
  if (boundsAsRows)
    for (const c of p.classes) {
      if (c.minHa > 0)
        rows.push(row(boundRowName(c, "min"), [{ variable: c.key, coefficient: 1 }], ">=", c.minHa));
      if (Number.isFinite(c.maxHa))
        rows.push(row(boundRowName(c, "max"), [{ variable: c.key, coefficient: 1 }], "<=", c.maxHa));
    }
  return rows;
}

/** Maximise one criterion over the crisp problem. */
export function singleCriterionModel(p: StructureProblem, criterion: "carbon" | "value"): LpModel {
  return {
    sense: "maximize",
    objective: criterionTerms(p, criterion),
    variables: areaVariables(p),
    rows: structureRows(p),
  };
}
