import type { Hectares, TonnesCO2ePerYear } from "../../units/index.ts";

/**
 * A target a regulator sets for a mine (or an enterprise sets itself as a sub-target; seed 000:
 * "the subtarget of low carbon emission should be added to the planning goal of coal production
 * enterprises"). Each kind says what it measures and in which unit; `baseYear` and `targetYear`
 * bound it in time. TARGET_KINDS describes the kinds for forms and documents; how each is judged is
 * in evaluation.ts (docs/performance-evaluation.md).
 */
export type Target = {
  readonly id: string;
  readonly baseYear: number;
  readonly targetYear: number;
  /** Who set it: the regulator's target, or the enterprise's own sub-target. */
  readonly setBy: "regulator" | "enterprise";
} & (
  | {
      /** Carbon intensity (t CO2e per t of coal) lowered by this fraction from the base year's. */
      readonly kind: "intensity-reduction";
      readonly reductionFraction: number;
      /** Short term: a five-year plan; long term: 2030 or 2060. */
      readonly horizon: "short" | "long";
    }
  | {
      /** Emission standard: a cap on the year's emissions. */
      readonly kind: "emission-cap";
      readonly capTCO2ePerYr: TonnesCO2ePerYear;
    }
  | {
      /** Land reclaimed since the base year, reached by the target year. */
      readonly kind: "reclamation-area";
      readonly areaHa: Hectares;
    }
  | {
      /** Reclaimed land as a fraction of the land disturbed by mining. */
      readonly kind: "reclamation-rate";
      readonly rate: number;
    }
  | {
      /** A cap on the land of one role (construction land, typically). */
      readonly kind: "land-use-cap";
      readonly role: string;
      readonly capHa: Hectares;
    }
  | {
      /** Drained coal-mine methane used rather than vented, as a fraction. */
      readonly kind: "methane-utilisation";
      readonly rate: number;
    }
);
export type TargetKind = Target["kind"];

/** What each kind measures, how achievement is read, and its default weight in the score. */
export const TARGET_KINDS: Readonly<
  Record<
    TargetKind,
    {
      readonly measures: string;
      readonly unit: string;
      readonly better: "higher" | "lower";
      readonly progressive: boolean;
    }
  >
> = {
  "intensity-reduction": {
    measures: "carbon intensity's reduction from the base year",
    unit: "fraction of t CO2e per t coal",
    better: "higher",
    progressive: true,
  },
  "emission-cap": {
    measures: "the year's emissions",
    unit: "t CO2e/yr",
    better: "lower",
    progressive: false,
  },
  "reclamation-area": {
    measures: "land reclaimed since the base year",
    unit: "ha",
    better: "higher",
    progressive: true,
  },
  "reclamation-rate": {
    measures: "reclaimed land / disturbed land",
    unit: "fraction",
    better: "higher",
    progressive: true,
  },
  "land-use-cap": { measures: "the land of one role", unit: "ha", better: "lower", progressive: false },
  "methane-utilisation": {
    measures: "drained methane used / drained",
    unit: "fraction",
    better: "higher",
    progressive: false,
  },
};

/** The problems of a target as the regulator enters it, each at its field. */
export function targetProblems(t: Target): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const fraction = (path: string, v: number) => {
    if (!(v > 0 && v <= 1)) problems.push({ path, message: `must be a fraction in (0, 1]; got ${v}` });
  };
  if (!Number.isInteger(t.baseYear) || t.baseYear < 1990 || t.baseYear > 2100)
    problems.push({ path: "baseYear", message: `must be a year from 1990 to 2100; got ${t.baseYear}` });
  if (!Number.isInteger(t.targetYear) || t.targetYear <= t.baseYear || t.targetYear > 2100)
    problems.push({
      path: "targetYear",
      message: `must be a year after the base year (${t.baseYear}) and by 2100; got ${t.targetYear}`,
    });
  switch (t.kind) {
    case "intensity-reduction":
      fraction("reductionFraction", t.reductionFraction);
      break;
    case "emission-cap":
      if (!(t.capTCO2ePerYr > 0))
        problems.push({
          path: "capTCO2ePerYr",
          message: `must be above 0 t CO2e/yr; got ${t.capTCO2ePerYr}`,
        });
      break;
    case "reclamation-area":
      if (!(t.areaHa > 0)) problems.push({ path: "areaHa", message: `must be above 0 ha; got ${t.areaHa}` });
      break;
    case "land-use-cap":
      if (!(t.capHa >= 0)) problems.push({ path: "capHa", message: `must be 0 ha or more; got ${t.capHa}` });
      if (t.role.trim() === "")
        problems.push({ path: "role", message: "must name the land-use role it caps (e.g. construction)" });
      break;
    case "reclamation-rate":
    case "methane-utilisation":
      fraction("rate", t.rate);
      break;
  }
  return problems;
}
