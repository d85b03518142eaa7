import { percentileOfSorted } from "../common/percentile.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { drawRatio, NormalSource, SAMPLING_TEXT } from "../factor/uncertainty/monte-carlo.ts";
import { isUncertain, type UncertainInput } from "../factor/uncertainty/uncertain-input.ts";
import { parseInventoryInput } from "../mine/inventory-spec.ts";
import { yearUncertainInputs } from "../mine/mine-inventory.ts";
import { InputError } from "../validation/input-issue.ts";
import { compilePathway } from "./compiled-pathway.ts";
import { projectPathway } from "./project-pathway.ts";
import type { Scenario } from "./scenario-spec.ts";

/** An input drawn for the bands: which, how wide (95 %), and where its interval comes from. */
export interface BandInput {
  readonly key: string;
  readonly label: string;
  readonly lowPct: number;
  readonly highPct: number;
  readonly basis: string;
}

/** Percentiles of a drawn quantity: P2.5 and P97.5 bound its 95 % interval, as the inventory's Approach 2 does. */
export interface BandPercentiles {
  readonly p2_5: number;
  readonly p50: number;
  readonly p97_5: number;
}

/** What the band is, in words for the output: the 95 % interval, as for the inventory. */
export const BAND_INTERVAL = "95 % interval (P2.5–P97.5), as for the inventory's uncertainty";

/** Monte Carlo bands of a pathway's net emissions, t CO2e/yr, and the spread of its neutrality year. */
export interface PathwayBands {
  readonly draws: number;
  readonly seed: number;
  readonly sampling: string;
  /** What `p2_5`–`p97_5` bound (BAND_INTERVAL). */
  readonly interval: string;
  readonly years: readonly ({ year: number } & BandPercentiles)[];
  /** Share of draws neutral by the end year. */
  readonly neutralByEndShare: number;
  /** Percentiles of the neutrality year among the draws that reach it. */
  readonly neutralYear: BandPercentiles | null;
  /** The baseline year's activity data and factors drawn, with their intervals (the inventory's defaults). */
  readonly inputs: readonly BandInput[];
  /** Factors and activity data without any range: they stay at their values (named in `warnings`). */
  readonly takenAsExact: readonly string[];
  /** Draws that broke a physical constraint (e.g. methane recovered above methane liberated) and were drawn again. */
  readonly rejectedDraws: number;
  readonly warnings: readonly string[];
}

/** Activity data a pathway does not draw: the coal-output path is a plan, not a measurement. */
const NOT_DRAWN = new Set(["activity:coalOutputT"]);

/** Draws of a pathway's net: `nets[y][d]` for the kept draws, their neutrality years, the draws refused. */
export interface PathwayDrawRun {
  readonly years: readonly number[];
  readonly nets: readonly Float64Array[];
  /** The neutrality year of each kept draw that reaches it by the end year. */
  readonly neutral: readonly number[];
  readonly rejected: number;
}

/**
 * Draws evaluated together: at most 4,096, and fewer for a large compiled model, so that its working
 * arrays (one value a draw per monomial, node and output) stay within 4,000,000 numbers (32 MB)
 * whatever the number of draws.
 */
const DRAW_BATCH = 4096;
const BATCH_NUMBERS = 4_000_000;

/**
 * The baseline year's inputs a pathway draws (uncertain, not the coal-output plan), in key order, and
 * those with no range (left out of the band, named in its warnings).
 */
export function pathwayBandInputs(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
): { drawn: UncertainInput[]; exact: UncertainInput[] } {
  const parsed = parseInventoryInput(baseline, source, table);
  const wanted = scenario.baseline.year;
  const at =
    wanted === undefined ? parsed.years.length - 1 : parsed.years.findIndex((y) => y.year === wanted);
  // projectPathway names a missing baseline year in its own terms.
  if (at < 0) projectPathway(scenario, baseline, table.fresh(), source, { effects: false });
  const all = yearUncertainInputs(parsed, parsed.years[at]!, table.fresh());
  return {
    drawn: all
      .filter((i) => isUncertain(i) && !NOT_DRAWN.has(i.key))
      .sort((a, b) => a.key.localeCompare(b.key)),
    exact: all.filter((i) => i.basis === "none" && i.value !== 0),
  };
}

/**
 * The draws of a pathway's net (IPCC 2006 Vol. 1 Ch. 3 Approach 2) on the scenario compiled once
 * (compilePathway): all inputs of a batch of draws are drawn first, in the order projecting each
 * draw took them (draw by draw, inputs in key order, from the same seeded generator), then every year
 * is evaluated over arrays. A draw that breaks a physical constraint is drawn again, at most 20 times
 * the draws in all, as before. The compiled model must reproduce the light projection at the central
 * values (every year's net to 1e-9); a difference is an internal error.
 */
export function pathwayDraws(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
  drawn: readonly UncertainInput[],
  o: { draws: number; seed: number },
): PathwayDrawRun {
  const central = projectPathway(scenario, baseline, table.fresh(), source, { effects: false });
  const model = compilePathway(
    scenario,
    baseline,
    table.fresh(),
    source,
    drawn.map((i) => i.key),
  );
  checkReproduces(
    model.parts().map((y) => y.netTCO2e),
    central.years.map((y) => y.netTCO2e),
    model.years,
  );
  const nYears = model.years.length;
  const nets = model.years.map(() => new Float64Array(o.draws));
  const neutral: number[] = [];
  const normal = new NormalSource(o.seed);
  const batch = Math.max(1, Math.min(DRAW_BATCH, Math.floor(BATCH_NUMBERS / model.size.arrays)));
  const ratios = drawn.map(() => new Float64Array(Math.min(o.draws, batch)));
  let kept = 0;
  let rejected = 0;
  const more = () => kept < o.draws && kept + rejected < o.draws * 20 && (kept > 0 || rejected < 50);
  while (more()) {
    const count = Math.min(batch, o.draws - kept, o.draws * 20 - kept - rejected);
    for (let d = 0; d < count; d++)
      for (let i = 0; i < drawn.length; i++) ratios[i]![d] = drawRatio(drawn[i]!, normal);
    const run = model.draws(ratios, count);
    for (let d = 0; d < count && more(); d++) {
      if (run.rejected[d]) {
        rejected++;
        continue;
      }
      let first = -1;
      for (let y = 0; y < nYears; y++) {
        const v = run.nets[y]![d]!;
        nets[y]![kept] = v;
        if (first < 0 && v <= 0) first = y;
      }
      if (first >= 0) neutral.push(model.years[first]!);
      kept++;
    }
  }
  return {
    years: kept ? model.years : [],
    nets: nets.map((a) => a.subarray(0, kept)),
    neutral,
    rejected,
  };
}

/** Throws when the compiled model's central nets differ from the projection's (a part forgotten or wrong). */
function checkReproduces(
  got: readonly number[],
  expected: readonly number[],
  years: readonly number[],
): void {
  if (got.length !== expected.length)
    throw new Error(
      `internal: the compiled pathway has ${got.length} years, the projection ${expected.length}`,
    );
  got.forEach((g, i) => {
    const e = expected[i]!;
    // A net that overflows is named by the result's finite check (runScenario), not here.
    if (!Number.isFinite(e)) return;
    if (!(Math.abs(g - e) <= 1e-9 * Math.max(1, Math.abs(g), Math.abs(e))))
      throw new Error(
        `internal: the compiled pathway gives ${g} t CO2e for the net of ${years[i]}, the projection ${e}`,
      );
  });
}

/**
 * The uncertainty band of a pathway (IPCC 2006 Vol. 1 Ch. 3 Approach 2): each draw takes the baseline
 * year's activity data and every factor it uses from the same intervals as the inventory's uncertainty
 * (the input's own, the factor's range, else the default for its kind), once for the whole pathway —
 * an error in the base year's data or in a factor carries into every projected year — and projects
 * the scenario again (on the compiled model, pathwayDraws); P2.5/P50/P97.5 of each year's net (the
 * 95 % interval, as for the inventory; P5 and P95 beside them). Same seed, same bands.
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
  const inputs = pathwayBandInputs(scenario, baseline, table, source);
  return bandsOf(inputs, pathwayDraws(scenario, baseline, table, source, inputs.drawn, o), o, source);
}

/** The bands of a run of draws (pathwayDraws, or the reference pathwayDrawsByProjection). */
export function bandsOf(
  inputs: { drawn: readonly UncertainInput[]; exact: readonly UncertainInput[] },
  run: PathwayDrawRun,
  o: { draws: number; seed: number },
  source: string,
): PathwayBands {
  const kept = run.nets[0]?.length ?? 0;
  if (!kept)
    throw new InputError(source, [
      {
        path: "uncertainty",
        message: `gives no draw that keeps the inventory's physical constraints (methane recovered ≤ liberated, CO2 stored ≤ point-source CO2): give the amounts involved narrower uncertainties`,
      },
    ]);
  const percentiles = (xs: Float64Array | readonly number[]): BandPercentiles => {
    const sorted = Float64Array.from(xs).sort();
    const at = (p: number) => percentileOfSorted(sorted, p);
    return { p2_5: at(2.5), p50: at(50), p97_5: at(97.5) };
  };
  const named = (i: UncertainInput) => (i.kind === "factor" ? i.key.slice("factor:".length) : i.label);
  const warnings: string[] = [];
  if (inputs.exact.length)
    warnings.push(
      `the band leaves out the uncertainty of what has no range (no range in its source and no default for its kind): ${inputs.exact.map(named).join(", ")}`,
    );
  if (kept < o.draws)
    warnings.push(
      `only ${kept} of ${o.draws} draws kept: the others broke a physical constraint of the inventory`,
    );
  return {
    draws: kept,
    seed: o.seed,
    sampling: `the baseline year's activity data and factors, drawn once per draw for the whole pathway (${SAMPLING_TEXT}); the coal-output path and the measures are the plan and are not drawn`,
    interval: BAND_INTERVAL,
    years: run.years.map((year, i) => ({ year, ...percentiles(run.nets[i]!) })),
    neutralByEndShare: run.neutral.length / kept,
    neutralYear: run.neutral.length ? percentiles(run.neutral) : null,
    inputs: inputs.drawn.map((i) => ({
      key: i.key,
      label: named(i),
      lowPct: i.lowPct,
      highPct: i.highPct,
      basis: i.basis,
    })),
    takenAsExact: inputs.exact.map(named),
    rejectedDraws: run.rejected,
    warnings,
  };
}
