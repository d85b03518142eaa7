import { carbonFluxToCO2e, tCPerYr } from "../../units/carbon.ts";
import type { SinkLine } from "../mine/year-inventory.ts";
import { standStockTCPerHa } from "./measure-ramp.ts";
import type { Measure, Scenario } from "./scenario-spec.ts";

/**
 * The growth curve when a scenario states none: Chapman–Richards with k = 0.06/yr and c = 2. No source
 * gives these for the plantations of the Loess Plateau; every result that uses them says so.
 */
export const DEFAULT_STAND_GROWTH = { k: 0.06, c: 2 } as const;

/** A growth curve and where its parameters come from (null: an assumption, said in the output). */
export interface StandGrowth {
  readonly k: number;
  readonly c: number;
  readonly source: string | null;
}

/** The scenario's growth curve: its `standGrowth`, or the default marked as an assumption. */
export function scenarioGrowth(s: Scenario): StandGrowth {
  return s.standGrowth
    ? { k: s.standGrowth.k, c: s.standGrowth.c, source: s.standGrowth.source ?? null }
    : { ...DEFAULT_STAND_GROWTH, source: null };
}

/** A reclamation's growth curve: its own k and c (with growthSource), else the scenario's. */
export function measureGrowth(m: Extract<Measure, { kind: "reclamation" }>, s: Scenario): StandGrowth {
  const base = scenarioGrowth(s);
  if (m.k === undefined && m.c === undefined) return base;
  return { k: m.k ?? base.k, c: m.c ?? base.c, source: m.growthSource ?? null };
}

/** log((1 − e^(−k·a))^c), computed so that a tiny k·a or a large c neither underflows nor divides by 0. */
function logShare(a: number, k: number, c: number): number {
  return c * Math.log(-Math.expm1(-k * a));
}

/**
 * The yearly sink (t CO2e/yr) of a stand whose growing stock was `stockTC` at age `ageYears` in the base
 * year, `yearsAfter` years later (0: the base year itself), along the same Chapman–Richards curve as
 * reclaimed stands: the curve is the one through the observed stock at the observed age,
 * S(a) = S(A) · (g(a) / g(A)) with g(a) = (1 − e^(−k·a))^c, and the sink of year A + n is
 * S(A + n) − S(A + n − 1) — in the base year S(A) − S(A − 1), so the sinks run on without a step. It
 * saturates: an old stand adds little, and the sum of all later sinks is S(∞) − S(A).
 */
export function existingStandSinkTCO2e(
  stockTC: number,
  ageYears: number,
  yearsAfter: number,
  growth: StandGrowth,
): number {
  if (yearsAfter < 0 || stockTC === 0) return 0;
  const at = logShare(ageYears, growth.k, growth.c);
  const now = Math.exp(logShare(ageYears + yearsAfter, growth.k, growth.c) - at);
  const before = Math.exp(logShare(ageYears + yearsAfter - 1, growth.k, growth.c) - at);
  return carbonFluxToCO2e(tCPerYr(stockTC * (now - before)));
}

/**
 * The change in yearly sink of the baseline inventory's woody stands (forest stands, shrub) `yearsAfter`
 * years after the base year (from 0, the base year itself), t CO2e/yr: each stand's sink along the
 * growth curve through its growing stock (the biomass under ipcc-tier1) at its age, minus the sink the
 * inventory counts for it (its mean annual increment, growing stock ÷ age). Stands without an age (the
 * seed 002 reading) keep theirs.
 */
export function existingStandsAdjustment(
  sinks: readonly SinkLine[],
  yearsAfter: number,
  growth: StandGrowth,
): number {
  if (yearsAfter < 0) return 0;
  let delta = 0;
  for (const s of sinks) {
    const stock = s.growingStockTC ?? s.stockTC;
    if (!s.woody || s.ageYears === undefined || stock === undefined) continue;
    delta += existingStandSinkTCO2e(stock, s.ageYears, yearsAfter, growth) - s.sinkTCO2ePerYr;
  }
  return delta;
}

/**
 * The yearly sink (t CO2e/yr) in `year` of the stands a reclamation measure creates: each year's
 * cohort of hectaresPerYear grows its vegetation along the growth curve towards maxStockTCPerHa
 * (S(a) − S(a − 1), age 1 in its first year) and gains soilTCPerHa in its soil linearly over
 * `soilYears` (IPCC's default transition period for soil carbon, 20 years).
 */
export function reclamationSinkTCO2e(
  m: Extract<Measure, { kind: "reclamation" }>,
  year: number,
  growth: StandGrowth,
  soilYears: number,
): number {
  let tC = 0;
  const soil = m.soilTCPerHa ?? 0;
  for (let j = m.start; j < m.start + m.years && j <= year; j++) {
    const age = year - j + 1;
    const vegetation =
      standStockTCPerHa(age, m.maxStockTCPerHa, growth.k, growth.c) -
      standStockTCPerHa(age - 1, m.maxStockTCPerHa, growth.k, growth.c);
    const soilGain = soil * (Math.min(1, age / soilYears) - Math.min(1, (age - 1) / soilYears));
    tC += m.hectaresPerYear * (vegetation + soilGain);
  }
  return carbonFluxToCO2e(tCPerYr(tC));
}
