import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { percentileOfSorted } from "../budget/percentile.ts";
import { FactorTable } from "../factor/factor-table.ts";
import { projectPathway } from "./project-pathway.ts";
import type { Scenario } from "./scenario-spec.ts";

/** Monte Carlo bands of a pathway's net emissions, t CO2e/yr, and the spread of its neutrality year. */
export interface PathwayBands {
  readonly draws: number;
  readonly seed: number;
  readonly sampling: string;
  readonly years: readonly { year: number; p5: number; p50: number; p95: number }[];
  /** Share of draws neutral by the end year. */
  readonly neutralByEndShare: number;
  /** P5/P50/P95 of the neutrality year among the draws that reach it. */
  readonly neutralYear: { p5: number; p50: number; p95: number } | null;
}

/**
 * Draws every factor that has a published range uniformly within it (one value per factor per
 * draw, independently), projects the scenario with each draw, and gives the P5/P50/P95 of the net
 * of each year. Same seed, same bands.
 */
export function pathwayBands(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
  o: { draws: number; seed: number },
): PathwayBands {
  if (!Number.isInteger(o.draws) || o.draws < 1)
    throw new RangeError(`draws must be a whole number ≥ 1; got ${o.draws}`);
  const rng = xoroshiro128plus(o.seed);
  const factors = table.all();
  const nets: number[][] = [];
  const neutral: number[] = [];
  let years: number[] = [];
  for (let d = 0; d < o.draws; d++) {
    const drawn = factors.map((f) => {
      if (f.low === undefined || f.high === undefined || f.high <= f.low) return f;
      return { ...f, value: f.low + uniformFloat64(rng) * (f.high - f.low) };
    });
    const r = projectPathway(
      scenario,
      baseline,
      new FactorTable(drawn, `${table.libraryVersion}+draw${d}`, table.overrides),
      source,
      { effects: false },
    );
    years = r.years.map((y) => y.year);
    nets.push(r.years.map((y) => y.netTCO2e));
    if (r.neutralYear !== null) neutral.push(r.neutralYear);
  }
  const pct = (xs: number[], p: number) =>
    percentileOfSorted(
      [...xs].sort((a, b) => a - b),
      p,
    );
  return {
    draws: o.draws,
    seed: o.seed,
    sampling:
      "uniform within each factor's published low–high range, one value per factor per draw; factors without a range stay central",
    years: years.map((year, i) => {
      const col = nets.map((n) => n[i]!);
      return { year, p5: pct(col, 5), p50: pct(col, 50), p95: pct(col, 95) };
    }),
    neutralByEndShare: neutral.length / o.draws,
    neutralYear: neutral.length
      ? { p5: pct(neutral, 5), p50: pct(neutral, 50), p95: pct(neutral, 95) }
      : null,
  };
}
