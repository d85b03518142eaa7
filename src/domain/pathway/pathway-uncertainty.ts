import { percentileOfSorted } from "../common/percentile.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { drawRatio, NormalSource, SAMPLING_TEXT } from "../factor/uncertainty/monte-carlo.ts";
import { isUncertain, type UncertainInput } from "../factor/uncertainty/uncertain-input.ts";
import { parseInventoryInput } from "../mine/inventory-spec.ts";
import { yearUncertainInputs } from "../mine/mine-inventory.ts";
import { InputError } from "../validation/input-issue.ts";
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

/**
 * The uncertainty band of a pathway (IPCC 2006 Vol. 1 Ch. 3 Approach 2): each draw takes the baseline
 * year's activity data and every factor it uses from the same intervals as the inventory's uncertainty
 * (the input's own, the factor's range, else the default for its kind), once for the whole pathway —
 * an error in the base year's data or in a factor carries into every projected year — and projects
 * the scenario again; P2.5/P50/P97.5 of each year's net (the 95 % interval, as for the inventory; P5 and
 * P95 beside them). Same seed, same bands.
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
  const parsed = parseInventoryInput(baseline, source, table);
  const doc = baseline as { years: Record<string, unknown>[] };
  const wanted = scenario.baseline.year;
  const at =
    wanted === undefined ? parsed.years.length - 1 : parsed.years.findIndex((y) => y.year === wanted);
  // projectPathway names a missing baseline year in its own terms.
  if (at < 0) projectPathway(scenario, baseline, table, source, { effects: false });
  const all = yearUncertainInputs(parsed, parsed.years[at]!, table.fresh());
  const drawn = all
    .filter((i) => isUncertain(i) && !NOT_DRAWN.has(i.key))
    .sort((a, b) => a.key.localeCompare(b.key));
  const exact = all.filter((i) => i.basis === "none" && i.value !== 0);
  const normal = new NormalSource(o.seed);
  const nets: number[][] = [];
  const neutral: number[] = [];
  let years: number[] = [];
  let rejected = 0;
  while (
    nets.length < o.draws &&
    nets.length + rejected < o.draws * 20 &&
    (nets.length > 0 || rejected < 50)
  ) {
    const factorRatios = new Map<string, number>();
    const base = structuredClone(doc.years[at]!);
    for (const i of drawn) {
      const r = drawRatio(i, normal);
      if (i.kind === "factor") factorRatios.set(i.key.slice("factor:".length), r);
      else scaleAt(base, i.key.slice("activity:".length), r);
    }
    const drawnYears = doc.years.map((y, n) => (n === at ? base : y));
    let r;
    try {
      r = projectPathway(scenario, { ...doc, years: drawnYears }, table.withRatios(factorRatios), source, {
        effects: false,
      });
    } catch (e) {
      // A draw may break a physical constraint (methane recovered above methane liberated, CO2
      // stored above the point-source CO2): drawn again, so the draws are those consistent with it.
      if (e instanceof InputError) {
        rejected++;
        continue;
      }
      throw e;
    }
    years = r.years.map((y) => y.year);
    nets.push(r.years.map((y) => y.netTCO2e));
    if (r.neutralYear !== null) neutral.push(r.neutralYear);
  }
  if (!nets.length)
    throw new InputError(source, [
      {
        path: "uncertainty",
        message: `gives no draw that keeps the inventory's physical constraints (methane recovered ≤ liberated, CO2 stored ≤ point-source CO2): give the amounts involved narrower uncertainties`,
      },
    ]);
  const percentiles = (xs: number[]): BandPercentiles => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (p: number) => percentileOfSorted(sorted, p);
    return { p2_5: at(2.5), p50: at(50), p97_5: at(97.5) };
  };
  const named = (i: UncertainInput) => (i.kind === "factor" ? i.key.slice("factor:".length) : i.label);
  const warnings: string[] = [];
  if (exact.length)
    warnings.push(
      `the band leaves out the uncertainty of what has no range (no range in its source and no default for its kind): ${exact.map(named).join(", ")}`,
    );
  if (nets.length < o.draws)
    warnings.push(
      `only ${nets.length} of ${o.draws} draws kept: the others broke a physical constraint of the inventory`,
    );
  return {
    draws: nets.length,
    seed: o.seed,
    sampling: `the baseline year's activity data and factors, drawn once per draw for the whole pathway (${SAMPLING_TEXT}); the coal-output path and the measures are the plan and are not drawn`,
    interval: BAND_INTERVAL,
    years: years.map((year, i) => ({ year, ...percentiles(nets.map((n) => n[i]!)) })),
    neutralByEndShare: neutral.length / nets.length,
    neutralYear: neutral.length ? percentiles(neutral) : null,
    inputs: drawn.map((i) => ({
      key: i.key,
      label: named(i),
      lowPct: i.lowPct,
      highPct: i.highPct,
      basis: i.basis,
    })),
    takenAsExact: exact.map(named),
    rejectedDraws: rejected,
    warnings,
  };
}

/** Multiplies the number at `path` ("energy[0].amount", "sinks.forest[2].areaHa") of `obj` by `r`. */
function scaleAt(obj: Record<string, unknown>, path: string, r: number): void {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
  let node: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (typeof node[last] !== "number") throw new Error(`internal: no number at ${path}`);
  node[last] = (node[last] as number) * r;
}
