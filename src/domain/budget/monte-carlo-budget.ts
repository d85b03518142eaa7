import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { CO2_PER_C } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import type { AreaEntry, CoefficientChoice } from "./coefficient-budget.ts";
import { coefficientTCPerHaYr, type CoefficientReading } from "./coefficient-reading.ts";
import { percentileOfSorted } from "./percentile.ts";

/** How to run the Monte Carlo: number of draws, the seed, and which percentiles to report. */
export interface MonteCarloOptions {
  readonly draws: number;
  readonly seed: number;
  readonly percentiles: readonly number[];
}

/** Percentiles of one total, keyed "P5", "P50" …, plus the mean. */
export interface Distribution {
  readonly mean: number;
  readonly percentiles: Readonly<Record<string, number>>;
}

/** Monte Carlo percentiles of the budget totals, in t C/yr and t CO2e/yr. */
export interface MonteCarloBudget {
  readonly draws: number;
  readonly seed: number;
  readonly sampling: string;
  readonly emissionTCPerYr: Distribution;
  readonly absorptionTCPerYr: Distribution;
  readonly netTCPerYr: Distribution;
  readonly netTCO2ePerYr: Distribution;
}

/**
 * Monte Carlo over the coefficient ranges: each draw takes every coefficient once, uniformly within
 * its [low, high] (a coefficient without a range stays at its value; a coefficient shared by several
 * areas takes the same value for all of them in that draw), and sums E, S and E − S. Seeded
 * (xoroshiro128+), so the same seed gives the same percentiles.
 */
export function monteCarloBudget(
  entries: readonly AreaEntry[],
  choices: Readonly<Record<string, CoefficientChoice>>,
  table: FactorTable,
  reading: CoefficientReading,
  options: MonteCarloOptions,
): MonteCarloBudget {
  if (!Number.isInteger(options.draws) || options.draws < 1) {
    throw new RangeError(`draws must be a whole number ≥ 1; got ${options.draws}`);
  }
  // Area multiplying each coefficient id, with its sign: +1 emission, −1 absorption.
  const terms = new Map<string, { low: number; high: number; areaHa: number; sign: 1 | -1 }>();
  const addTerm = (id: string | null, areaHa: number, sign: 1 | -1) => {
    if (!id) return;
    const key = `${sign}:${id}`;
    const t = terms.get(key);
    if (t) {
      t.areaHa += areaHa;
      return;
    }
    const r = coefficientTCPerHaYr(table, id, reading);
    terms.set(key, { low: r.low, high: r.high, areaHa, sign });
  };
  for (const e of entries) {
    const c = choices[e.landType];
    if (!c) throw new Error(`internal: no coefficient choice for land type ${e.landType}`);
    addTerm(c.emission, e.area, 1);
    addTerm(c.absorption, e.area, -1);
  }
  // A coefficient used both as emission and absorption would be sampled twice; ids are distinct by kind.
  const list = [...terms.values()];
  const rng = xoroshiro128plus(options.seed);
  const emission = new Float64Array(options.draws);
  const absorption = new Float64Array(options.draws);
  const net = new Float64Array(options.draws);
  for (let d = 0; d < options.draws; d++) {
    let e = 0;
    let s = 0;
    for (const t of list) {
      const v = t.low === t.high ? t.low : t.low + (t.high - t.low) * uniformFloat64(rng);
      if (t.sign === 1) e += v * t.areaHa;
      else s += v * t.areaHa;
    }
    emission[d] = e;
    absorption[d] = s;
    net[d] = e - s;
  }
  const netCO2e = net.map((v) => v * CO2_PER_C);
  return {
    draws: options.draws,
    seed: options.seed,
    sampling:
      "uniform within each coefficient's published low–high range, one value per coefficient per draw",
    emissionTCPerYr: distribution(emission, options.percentiles),
    absorptionTCPerYr: distribution(absorption, options.percentiles),
    netTCPerYr: distribution(net, options.percentiles),
    netTCO2ePerYr: distribution(netCO2e, options.percentiles),
  };
}

function distribution(values: Float64Array, percentiles: readonly number[]): Distribution {
  let sum = 0;
  for (const v of values) sum += v;
  const sorted = Float64Array.from(values).sort();
  return {
    mean: sum / values.length,
    percentiles: Object.fromEntries(percentiles.map((p) => [`P${p}`, percentileOfSorted(sorted, p)])),
  };
}
