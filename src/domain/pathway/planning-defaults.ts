import type { Measure, Scenario } from "./scenario-spec.ts";

type MeasureKind = Measure["kind"];

/**
 * A measure as a planning form starts it: kind, start year and the level fields the user is
 * expected to change (a reclamation's hectares per year are left for the user: they depend on the
 * land, which the inventory does not give).
 */
export type StartingMeasure = { readonly kind: MeasureKind; readonly start: number } & Readonly<
  Record<string, number | string>
>;

/**
 * The year a planner's pathway runs to (the Plan view's end year; the scenario spec's default
 * `endYear` is the same).
 */
export const PLANNING_END_YEAR = 2060;

/**
 * The starting levels of the measures a planner sees first, relative to the mine's base year.
 * These are planning assumptions, not data about the mine: half of the bought electricity clean and
 * half of the liberated methane used or oxidised within about a decade, 10 % energy saved, CCS of
 * 30 % of the point-source CO2 from 15 years on (seed 002 treats CCS as a late measure), offsets
 * from 25 years on at 0 t until the user sets them.
 *
 * No measure starts after the plan's `endYear`: one whose usual start falls later (CCS or offsets of
 * a late base year) starts at `endYear` — kept rather than left out, so that every measure that
 * applies has a start the user can move, and a pathway built from these defaults is valid.
 */
export function startingMeasure(kind: MeasureKind, baseYear: number, endYear: number): StartingMeasure {
  const m = usualStart(kind, baseYear);
  return m.start > endYear ? { ...m, start: endYear } : m;
}

function usualStart(kind: MeasureKind, baseYear: number): StartingMeasure {
  const start = baseYear + 2;
  switch (kind) {
    case "clean-electricity":
      return { kind, start, rampYears: 10, share: 0.5 };
    case "energy-saving":
      return { kind, start, rampYears: 10, rate: 0.1 };
    case "methane-use":
      return { kind, start, rampYears: 5, share: 0.5 };
    case "vam-oxidation":
      return { kind, start, rampYears: 5, share: 0.5 };
    case "ccs":
      return { kind, start: baseYear + 15, rampYears: 10, captureRate: 0.3 };
    case "reclamation":
      return { kind, start, years: 1 };
    case "offsets":
      return { kind, start: baseYear + 25, tCO2ePerYr: 0 };
  }
}

/**
 * The market prices a planner starts from: the national ETS allowance price (CEA, year-4 mean) and
 * the CCER offset price of the factor library, growing at low/central/high rates that are planning
 * assumptions, discounted at 8 %/yr (also a planning assumption: use the enterprise's own rate).
 */
export const PLANNING_ECONOMICS: NonNullable<Scenario["economics"]> = {
  discountRate: 0.08,
  carbonPrice: {
    start: "cn.ets.cea.year4.mean",
    startYear: 2025,
    growth: { low: 0, central: 0.04, high: 0.08 },
    source: "price: factor library cn.ets.cea.year4.mean; growth rates: planning assumption",
  },
  offsetPrice: {
    start: "cn.ccer.price.2025",
    startYear: 2025,
    growth: { low: 0, central: 0.03, high: 0.06 },
    source: "price: factor library cn.ccer.price.2025; growth rates: planning assumption",
  },
};
