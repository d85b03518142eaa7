import { row, type LpModel, type LpRow, type LpTerm, type LpVariable } from "./lp-model.ts";

/** One land-use class of a structure problem: its area now, bounds, and per-hectare coefficients. */
export interface StructureClass {
  readonly key: string;
  readonly name: string;
  readonly currentHa: number;
  readonly minHa: number;
  readonly maxHa: number;
  /**
   * Net yearly sink that moves with the class's area (absorption − emission), t C/ha/yr; negative
   * for a net source. An energy-use emission held at fixed coal output is not in it.
   */
  readonly netSinkTCPerHaYr: number;
  /** Where the coefficient comes from (factor ids or the user's source). */
  readonly netSinkSource: string;
  /**
   * An energy-use emission coefficient (seed 000's construction land) of land the fixed coal output
   * needs, t C/ha/yr: the energy is the output's, so its total is held at currentHa × this and does
   * not move with the area. Absent: none is held.
   */
  readonly heldEnergyTCPerHaYr?: number;
  /** Soil organic carbon at equilibrium under this use (IPCC 2006 Vol. 4 Eq. 2.25), t C/ha; with `soil`. */
  readonly socTCPerHa?: number;
  readonly socSource?: string;
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

/** One floor of the land the coal output needs: Σ area of `keys` ≥ rhsHa (seed 003 / seed 001). */
export interface CoalLandFloor {
  readonly name: string;
  readonly keys: readonly string[];
  /** Land per 10⁴ t of coal, ha, and the factor it comes from. */
  readonly haPer10kt: number;
  readonly factorId: string;
  readonly rhsHa: number;
}

/**
 * The coal output the structure must keep: the land it needs is a floor the model always has
 * (output/10⁴ t × years open × ha per 10⁴ t), and the energy used on that land is the output's.
 */
export interface CoalLand {
  readonly coalOutputTPerYr: number;
  /** Years a hectare stays excavated or dumped before it is reclaimed. */
  readonly years: number;
  readonly floors: readonly CoalLandFloor[];
  /** Class keys of the land the output needs (excavation, dump and operations). */
  readonly keys: readonly string[];
}

/**
 * IPCC 2006 Vol. 4 Ch. 2 Eq. 2.25 (Tier 1): soil organic carbon moves from the stock of the old use
 * to that of the new over `transitionYears` (D, 20 yr by default) after a conversion; every class
 * has socTCPerHa.
 */
export interface SoilChange {
  readonly transitionYears: number;
  readonly source: string;
}

/** A land-use structure optimization (seed 000 §4, seed 003): areas by class under constraints. */
export interface StructureProblem {
  readonly name: string;
  readonly totalAreaHa: number;
  readonly classes: readonly StructureClass[];
  readonly constraints: readonly StructureConstraint[];
  readonly objective: StructureObjective;
  readonly coalLand?: CoalLand;
  readonly soil?: SoilChange;
  /** Statements about the problem for the output (e.g. unverified factors, energy-use coefficients). */
  readonly notes?: readonly string[];
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

/** t C/yr per ha of the soil change term: SOC / D (the constant −Σ SOC × current / D is apart). */
const soilPerHa = (p: StructureProblem, c: StructureClass) =>
  p.soil ? (c.socTCPerHa ?? 0) / p.soil.transitionYears : 0;

/**
 * The objective terms of one criterion: net sink (t C/yr) or value (yuan/yr). The net sink of a
 * class is its area coefficient plus, with `soil`, SOC/D: Σ SOC_j (x_j − current_j) / D is the
 * yearly soil change over the D years after the conversions (Eq. 2.25; losses and gains alike, and
 * path-independent, so it needs only the areas, not who converts to whom).
 */
export function criterionTerms(p: StructureProblem, criterion: "carbon" | "value"): LpTerm[] {
  return p.classes.map((c) => ({
    variable: c.key,
    coefficient: criterion === "carbon" ? c.netSinkTCPerHaYr + soilPerHa(p, c) : (c.valueYuanPerHaYr ?? 0),
  }));
}

/**
 * The part of a criterion that does not move with the areas: for the net sink, minus the held
 * energy use (Σ current × held) and minus Σ SOC × current / D; none for value.
 */
export function criterionConstant(p: StructureProblem, criterion: "carbon" | "value"): number {
  if (criterion === "value") return 0;
  return p.classes.reduce((s, c) => s - c.currentHa * ((c.heldEnergyTCPerHaYr ?? 0) + soilPerHa(p, c)), 0);
}

/** The net sink split into what moves with the areas, the held energy use and the soil change, t C/yr. */
export function carbonParts(
  p: StructureProblem,
  areaOf: (key: string) => number,
): { landCoefficients: number; energyHeld: number; soilChange: number } {
  let land = 0;
  let energy = 0;
  let soil = 0;
  for (const c of p.classes) {
    const x = areaOf(c.key);
    land += c.netSinkTCPerHaYr * x;
    energy -= (c.heldEnergyTCPerHaYr ?? 0) * c.currentHa;
    soil += soilPerHa(p, c) * (x - c.currentHa);
  }
  return { landCoefficients: land, energyHeld: energy, soilChange: soil };
}

/**
 * The crisp constraint rows: total area, the problem's constraints, the floors of the land the coal
 * output needs (always, when there is a coal output) and (optionally) the class bounds.
 */
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
    ...(p.coalLand?.floors ?? []).map((f) =>
      row(
        f.name,
        f.keys.map((k) => ({ variable: k, coefficient: 1 })),
        ">=",
        f.rhsHa,
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
