import { InputError } from "../validation/input-issue.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { projectPathway, type PathwayYear } from "./project-pathway.ts";
import { checkPathwayWork } from "./pathway-work.ts";
import type { Measure, Scenario } from "./scenario-spec.ts";

/** Which measures act on which part of the balance. */
const ACTS_ON: Readonly<Record<Measure["kind"], "energy" | "methane" | "sinks" | "ccs" | "offsets">> = {
  "clean-electricity": "energy",
  "energy-saving": "energy",
  "methane-use": "methane",
  "vam-oxidation": "methane",
  reclamation: "sinks",
  ccs: "ccs",
  offsets: "offsets",
};

export interface YearReview {
  readonly year: number;
  readonly targetYear: number;
  readonly plannedNetTCO2e: number;
  readonly actualNetTCO2e: number;
  /** Actual − planned net: positive = behind plan. */
  readonly gapTCO2e: number;
  /** Each part of the balance, planned and actual, with the measures that act on it. */
  readonly parts: readonly {
    part: string;
    planned: number;
    actual: number;
    behindByTCO2e: number;
    measures: readonly string[];
  }[];
  /** The plan re-based on the actual year: the same measures from here on. */
  readonly rebased: { readonly neutralYear: number | null; readonly netAtTargetTCO2e: number };
  /** What closes the gap by the target year. */
  readonly toClose: string;
}

const parts = (y: PathwayYear) => ({
  energy: y.energyTCO2e,
  methane: y.methaneTCO2e,
  other: y.otherTCO2e,
  sinks: -y.sinksTCO2e,
  ccs: -y.ccsTCO2e,
  offsets: -y.offsetsTCO2e,
});

/**
 * Seed 002's yearly evaluate-and-adjust loop: compares a year's actual inventory with the plan
 * for that year part by part (energy, methane, other, sinks, CCS, offsets; t CO2e/yr, positive =
 * more emitted than planned), names the measures acting on the parts that are behind, re-bases the
 * plan on the actual year (same measures from then on), and says what would close the remaining
 * gap by the target year.
 */
export function reviewYear(
  scenario: Scenario,
  planBaseline: unknown,
  actualDoc: unknown,
  year: number,
  targetYear: number,
  table: FactorTable,
  source: string,
): YearReview {
  // The review projects the plan a few times; each projection is bounded like a pathway's.
  checkPathwayWork(scenario, planBaseline, table, source, source, 0);
  const plan = projectPathway(scenario, planBaseline, table, source).years.find((y) => y.year === year);
  if (!plan)
    throw new InputError(source, [
      {
        path: "--year",
        message: `the plan runs from its baseline year to ${scenario.endYear}; ${year} is outside it`,
      },
    ]);
  // The actual year as a pathway base year (no measures act in a base year: it is what it is), with
  // the plan's measures in force that year added on top only where the inventory cannot hold them.
  // Its own coal output: the scenario's coal path is the plan's, and would scale the actual year to
  // the output planned for it (a mine that mined 60 % more would read as 60 % less emitted).
  const { coalOutput: plannedCoal, ...withoutCoalPath } = scenario;
  const actualOnly = projectPathway(
    { ...withoutCoalPath, baseline: { ...scenario.baseline, year }, measures: [], endYear: year },
    actualDoc,
    table,
    source,
  ).years[0]!;
  // Reclamation, the growth of the baseline's woody stands along the curve, CCS and offsets live
  // outside the inventory: take them as planned unless the inventory reports its own (then the
  // inventory's figure stands).
  const actual: PathwayYear = {
    ...actualOnly,
    sinksTCO2e:
      actualOnly.sinksTCO2e +
      plan.sinksTCO2e -
      planInventorySinks(scenario, planBaseline, table, source, year),
    ccsTCO2e: actualOnly.ccsTCO2e || plan.ccsTCO2e,
    offsetsTCO2e: actualOnly.offsetsTCO2e || plan.offsetsTCO2e,
  };
  const actualNet = actual.grossTCO2e - actual.sinksTCO2e - actual.ccsTCO2e - actual.offsetsTCO2e;
  const p = parts(plan);
  const a = parts(actual);
  const review = (Object.keys(p) as (keyof typeof p)[]).map((part) => ({
    part,
    planned: p[part],
    actual: a[part],
    behindByTCO2e: a[part] - p[part],
    measures: scenario.measures
      .filter((m) => ACTS_ON[m.kind] === part)
      .map((m) => `${m.kind} from ${m.start}`),
  }));
  // Re-based: the actual year's output, then the plan's coal path after it.
  const rebasedCoal = plannedCoal && [
    { year, t: actualOnly.coalOutputT },
    ...plannedCoal.filter((p) => p.year > year),
  ];
  const rebased = projectPathway(
    {
      ...withoutCoalPath,
      ...(rebasedCoal ? { coalOutput: rebasedCoal } : {}),
      baseline: { ...scenario.baseline, year },
    },
    actualDoc,
    table,
    source,
    {
      incrementalFrom: year,
    },
  );
  const atTarget =
    rebased.years.find((y) => y.year === targetYear) ?? rebased.years[rebased.years.length - 1]!;
  const neutralInTime = rebased.neutralYear !== null && rebased.neutralYear <= targetYear;
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 });
  return {
    year,
    targetYear,
    plannedNetTCO2e: plan.netTCO2e,
    actualNetTCO2e: actualNet,
    gapTCO2e: actualNet - plan.netTCO2e,
    parts: review,
    rebased: { neutralYear: rebased.neutralYear, netAtTargetTCO2e: atTarget.netTCO2e },
    toClose: neutralInTime
      ? `on course: re-based on ${year}, the measures still reach neutrality in ${rebased.neutralYear}`
      : `re-based on ${year}, the measures leave ${fmt(Math.max(0, atTarget.netTCO2e))} t CO2e/yr in ${targetYear}; closing it needs that much more reduction, sinks or (last) offsets by ${targetYear}, e.g. ${fmt(Math.max(0, atTarget.netTCO2e) / Math.max(1, targetYear - year))} t CO2e/yr more each year from ${year + 1}`,
  };
}

/**
 * The plan's inventory sinks in a year as a base year reads them (without reclamation, the woody stands at
 * their stated ages: the curve's gain at that age, as the actual year's own projection counts them), to
 * separate what lives outside the inventory (reclamation, the stands' growth after the base year).
 */
function planInventorySinks(
  scenario: Scenario,
  baseline: unknown,
  table: FactorTable,
  source: string,
  year: number,
): number {
  const noExtras = { ...scenario, measures: scenario.measures.filter((m) => m.kind !== "reclamation") };
  return projectPathway(noExtras, baseline, table, source, { standsGrow: false }).years.find(
    (y) => y.year === year,
  )!.sinksTCO2e;
}
