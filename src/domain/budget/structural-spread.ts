import type { FactorTable } from "../factor/factor-table.ts";
import { coefficientBudget, type AreaEntry, type CoefficientChoice } from "./coefficient-budget.ts";
import type { CoefficientReading } from "./coefficient-reading.ts";
import { COEFFICIENT_SETS } from "./coefficient-sets.ts";

/** The budget's central figures under one coefficient set. */
export interface SetFigures {
  readonly id: string;
  readonly description: string;
  readonly emissionTCPerYr: number;
  readonly absorptionTCPerYr: number;
  readonly netTCPerYr: number;
  /** The factors this set used (the input's own overrides included). */
  readonly factorIds: readonly string[];
}

/**
 * Structural uncertainty: the same areas under every shipped coefficient set that covers their land
 * types (the input's overrides applied to each), with the spread of E, S and net across them. It is
 * reported next to the statistical range, never mixed into it: the sets are different readings of
 * the literature, not draws of one distribution.
 */
export interface StructuralSpread {
  readonly basis: string;
  readonly chosen: string;
  readonly sets: readonly SetFigures[];
  /** Coefficient sets that could not be used, and the land types they lack. */
  readonly notCovering: readonly { readonly id: string; readonly missing: readonly string[] }[];
  readonly emissionTCPerYr: { readonly min: number; readonly max: number };
  readonly absorptionTCPerYr: { readonly min: number; readonly max: number };
  readonly netTCPerYr: { readonly min: number; readonly max: number };
  readonly note: string;
}

/**
 * The budget of `entries` under each coefficient set (a fresh table each, so that the result's own
 * factors stay those of the chosen set), for the structural spread.
 */
export function coefficientSetSpread(
  entries: readonly AreaEntry[],
  chosenSet: string,
  overrides: Readonly<Record<string, CoefficientChoice>>,
  table: FactorTable,
  reading: CoefficientReading,
): StructuralSpread {
  const landTypes = [...new Set(entries.map((e) => e.landType))];
  const sets: SetFigures[] = [];
  const notCovering: { id: string; missing: string[] }[] = [];
  for (const set of Object.values(COEFFICIENT_SETS)) {
    const choices: Record<string, CoefficientChoice> = { ...set.landTypes, ...overrides };
    const missing = landTypes.filter((lt) => !Object.hasOwn(choices, lt));
    if (missing.length) {
      notCovering.push({ id: set.id, missing });
      continue;
    }
    const t = table.fresh();
    const b = coefficientBudget(entries, choices, t, reading);
    sets.push({
      id: set.id,
      description: set.description,
      emissionTCPerYr: b.total.emissionTCPerYr.central,
      absorptionTCPerYr: b.total.absorptionTCPerYr.central,
      netTCPerYr: b.total.netTCPerYr.central,
      factorIds: t.used().map((f) => f.id),
    });
  }
  const span = (f: (s: SetFigures) => number) => ({
    min: Math.min(...sets.map(f)),
    max: Math.max(...sets.map(f)),
  });
  return {
    basis: "the shipped coefficient sets of seed 000 Table 1 that cover every land type of the input",
    chosen: chosenSet,
    sets,
    notCovering,
    emissionTCPerYr: span((s) => s.emissionTCPerYr),
    absorptionTCPerYr: span((s) => s.absorptionTCPerYr),
    netTCPerYr: span((s) => s.netTCPerYr),
    note: "structural uncertainty: the studies behind the sets disagree by more than their own ranges; this spread is not a confidence interval and is not part of the Approach 1 and 2 ranges",
  };
}
