import type { FactorTable } from "../factor/factor-table.ts";
import { finiteResultOf } from "../validation/finite-result.ts";
import type { FactorOverride, FactorUse } from "../factor/factor.ts";
import { carbonToCO2e, tC } from "../../units/carbon.ts";
import type { BudgetInput, CoefficientBudgetInput, StockChangeInput } from "./budget-spec.ts";
import { coefficientBudget, type CoefficientBudget } from "./coefficient-budget.ts";
import { COEFFICIENT_SETS } from "./coefficient-sets.ts";
import { inventoryOverlap, type InventoryOverlap } from "./inventory-overlap.ts";
import { reclamationRegain, type RegainTrajectory } from "./reclamation-regain.ts";
import { stockChange, type StockChange } from "./stock-change.ts";
import type { UncertaintyAnalysis } from "../factor/uncertainty/uncertainty-analysis.ts";
import { coefficientBudgetUncertainty, stockChangeUncertainty } from "./budget-uncertainty.ts";
import { coefficientSetSpread, type StructuralSpread } from "./structural-spread.ts";

const READING_TEXT = {
  tC: "coefficients of unstated mass (seed 000 Table 1) read as t C/(ha·a)",
  tCO2: "coefficients of unstated mass (seed 000 Table 1) read as t CO2/(ha·a) and converted × 12/44",
} as const;

interface FactorsUsed {
  readonly libraryVersion: string;
  readonly used: readonly FactorUse[];
  readonly overrides: readonly FactorOverride[];
}

/** The result of `minecarbon budget` for an areas-with-coefficients input. */
export interface CoefficientBudgetReport {
  readonly kind: "land-use-budget";
  readonly title: string;
  readonly coefficientSet: {
    readonly id: string;
    readonly description: string;
    readonly overriddenLandTypes: readonly string[];
  };
  readonly reading: string;
  readonly budget: CoefficientBudget;
  /**
   * When the file declares a mine inventory of the same boundary and years: the energy-use emission
   * netted out and the net to add to that inventory; null when none is declared.
   */
  readonly inventoryOverlap: InventoryOverlap | null;
  /**
   * IPCC Approach 1 and 2 over the areas and coefficients (E, S per land type; E, S, net; Approach 2
   * with the file's percentiles, P5/P50/P95 by default), with the structural spread across coefficient
   * sets beside it.
   */
  readonly uncertainty: UncertaintyAnalysis & { readonly structural: StructuralSpread };
  readonly factors: FactorsUsed;
  readonly warnings: readonly string[];
}

/** The result of `minecarbon budget` for a conversions-with-densities input. */
export interface StockChangeReport {
  readonly kind: "stock-change";
  readonly title: string;
  readonly period: { readonly from: number; readonly to: number };
  readonly densitySet: { readonly id: string; readonly description: string; readonly note: string };
  readonly stockChange: StockChange;
  readonly regain: RegainTrajectory;
  readonly horizonYear: number;
  /** Loss on conversion minus carbon regained by the end of the horizon year, t C (positive = net loss). */
  readonly netLossAtHorizonTC: number;
  readonly netLossAtHorizonTCO2e: number;
  /** IPCC Approach 1 and 2 for the loss, the regain and the net loss, over the areas and densities. */
  readonly uncertainty: UncertaintyAnalysis;
  readonly factors: FactorsUsed;
  readonly warnings: readonly string[];
}

export type BudgetReport = CoefficientBudgetReport | StockChangeReport;

/** Approach 2 (Monte Carlo) settings used when the input and the caller give none. */
export const DEFAULT_MONTE_CARLO = { draws: 10_000, seed: 20260101, percentiles: [5, 50, 95] } as const;

/**
 * Runs a checked budget input of either kind and collects the factors it used. A figure that
 * overflows (only possible with --factors values far beyond any real coefficient) is bad input
 * naming `source` and the figure, never an ∞ in the report.
 */
export function budgetReport(
  input: BudgetInput,
  table: FactorTable,
  monteCarlo: { draws?: number; seed?: number; percentiles?: readonly number[] } = {},
  source = "the budget",
): BudgetReport {
  return finiteResultOf(
    () =>
      input.kind === "land-use-budget"
        ? coefficientReport(input, table, monteCarlo)
        : stockReport(input, table, monteCarlo),
    source,
    "check the largest areas and the coefficient or density factors (--factors)",
  );
}

function factorsUsed(table: FactorTable): FactorsUsed {
  return { libraryVersion: table.libraryVersion, used: table.used(), overrides: table.usedOverrides() };
}

function coefficientReport(
  input: CoefficientBudgetInput,
  table: FactorTable,
  mc: { draws?: number; seed?: number; percentiles?: readonly number[] },
): CoefficientBudgetReport {
  const budget = coefficientBudget(input.entries, input.choices, table, input.reading);
  const options = {
    draws: mc.draws ?? input.uncertainty.draws ?? DEFAULT_MONTE_CARLO.draws,
    seed: mc.seed ?? input.uncertainty.seed ?? DEFAULT_MONTE_CARLO.seed,
    percentiles: mc.percentiles ?? input.uncertainty.percentiles ?? DEFAULT_MONTE_CARLO.percentiles,
  };
  const analysis = coefficientBudgetUncertainty(
    input.entries,
    input.choices,
    table,
    input.reading,
    input.uncertainty.areas,
    options,
  );
  const structural = coefficientSetSpread(
    input.entries,
    input.setId,
    Object.fromEntries(input.overriddenLandTypes.map((lt) => [lt, input.choices[lt]!])),
    table,
    input.reading,
  );
  const warnings = [...table.unverifiedWarnings()];
  const missing = budget.entries.filter((e) => !e.emissionFactorId || !e.absorptionFactorId);
  for (const e of missing) {
    warnings.push(
      `${e.label} (${e.landType}): the coefficient set gives no ${!e.emissionFactorId ? "emission" : "absorption"} coefficient; it counts as none`,
    );
  }
  if (budget.energyUse && !input.inventory)
    warnings.push(
      `${Math.round((budget.energyUse.shareOfEmission ?? 0) * 100)} % of the emission E (${budget.energyUse.emissionTCPerYr.central.toLocaleString("en-US", { maximumFractionDigits: 0 })} t C/yr) is energy used on construction land, counted per hectare: do not add this budget to a mine inventory of the same land and years (it measures that energy); declare the inventory (inventory: { mine, zones }) to get the netted figure`,
    );
  checkReproduces(analysis, [
    ["E", budget.total.emissionTCPerYr.central],
    ["S", budget.total.absorptionTCPerYr.central],
    ["net", budget.total.netTCPerYr.central],
  ]);
  warnings.push(...analysis.warnings);
  const set = COEFFICIENT_SETS[input.setId]!;
  return {
    kind: "land-use-budget",
    title: input.title,
    coefficientSet: {
      id: set.id,
      description: set.description,
      overriddenLandTypes: input.overriddenLandTypes,
    },
    reading: READING_TEXT[input.reading],
    budget,
    inventoryOverlap: input.inventory ? inventoryOverlap(budget, input.inventory) : null,
    uncertainty: { ...analysis, structural },
    factors: factorsUsed(table),
    warnings,
  };
}

/** Throws when the uncertainty model's figures differ from the computation's (a term forgotten or wrong). */
function checkReproduces(
  analysis: UncertaintyAnalysis,
  expected: readonly (readonly [string, number])[],
): void {
  for (const [key, v] of expected) {
    const got = analysis.rows.find((r) => r.key === key)?.value ?? 0;
    if (Math.abs(got - v) > 1e-9 * Math.max(1, Math.abs(v)))
      throw new Error(`internal: the uncertainty model gives ${got} for ${key}, the budget ${v}`);
  }
}

function stockReport(
  input: StockChangeInput,
  table: FactorTable,
  mc: { draws?: number; seed?: number },
): StockChangeReport {
  const change = stockChange(input.conversions, input.densitySet, table);
  const regain = reclamationRegain(input.reclamations, input.densitySet, table, input.horizonYear);
  const regained = regain.years.find((y) => y.year === input.horizonYear)?.cumulativeRegainTC ?? 0;
  const net = change.totalLossTC - regained;
  const analysis = stockChangeUncertainty(
    input.conversions,
    input.reclamations,
    input.existingLand,
    input.densitySet,
    table,
    input.horizonYear,
    {
      draws: mc.draws ?? input.uncertainty.draws ?? DEFAULT_MONTE_CARLO.draws,
      seed: mc.seed ?? input.uncertainty.seed ?? DEFAULT_MONTE_CARLO.seed,
    },
  );
  checkReproduces(analysis, [
    ["loss", change.totalLossTC],
    ...(input.reclamations.length
      ? ([
          ["regained", regained],
          ["net", net],
        ] as const)
      : []),
  ]);
  return {
    kind: "stock-change",
    title: input.title,
    period: input.period,
    densitySet: {
      id: input.densitySet.id,
      description: input.densitySet.description,
      note: input.densitySet.note,
    },
    stockChange: change,
    regain,
    horizonYear: input.horizonYear,
    netLossAtHorizonTC: net,
    netLossAtHorizonTCO2e: carbonToCO2e(tC(net)),
    uncertainty: analysis,
    factors: factorsUsed(table),
    // What the regain assumes (curves without a source, a whole pre-mining soil regained) is said
    // with the other warnings, not only beside its table.
    warnings: [
      ...table.unverifiedWarnings(),
      ...regain.assumptions,
      ...existingLandWarnings(input),
      ...analysis.warnings,
    ],
  };
}

/**
 * Where reclamation draws on land declared as existing rather than on land the conversions put into
 * the class: the carbon lost when that land was taken is outside this file's loss, so the net loss
 * is that of the conversions alone, less a regain on land whose loss is not counted here.
 */
function existingLandWarnings(input: StockChangeInput): string[] {
  const ha = (v: number) => `${v.toLocaleString("en-US", { maximumFractionDigits: 2 })} ha`;
  const sum = (xs: readonly { area: number }[]) => xs.reduce((s, x) => s + x.area, 0);
  return Object.entries(input.existingLand).flatMap(([cls, land]) => {
    const reclaimed = sum(input.reclamations.filter((r) => r.from === cls));
    const converted =
      sum(input.conversions.filter((c) => c.to === cls)) -
      sum(input.conversions.filter((c) => c.from === cls));
    const drawn = Math.min(land.area, reclaimed - Math.max(0, converted));
    return drawn > 0
      ? [
          `reclamation from ${cls} draws on ${ha(drawn)} of the ${ha(land.area)} declared as existing (existingLand.${cls}: ${land.source}): the carbon lost when that land was taken is not in this file's loss (its conversions only), while its regain is in the net loss: count that loss where the land was taken`,
        ]
      : [];
  });
}
