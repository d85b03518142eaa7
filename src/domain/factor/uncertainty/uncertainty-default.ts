import type { Factor, FactorStatus } from "../factor.ts";

/**
 * The kinds of activity data an inventory or a budget reads, each with its default uncertainty in
 * the registry (src/factors/data/uncertainty-defaults.csv). A kind without a row there is taken as
 * exact and named in a warning.
 */
export const ACTIVITY_KINDS = [
  "fuel",
  "coal",
  "coal-output",
  "electricity",
  "heat",
  "transport-fuel",
  "explosives",
  "agricultural-input",
  "gas-measured",
  "area",
  "stand-volume",
  "ccs-stored",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Words for each kind, for output and docs. */
export const ACTIVITY_KIND_TEXT: Readonly<Record<ActivityKind, string>> = {
  fuel: "liquid or gaseous fuel burned (metered or purchase records)",
  coal: "coal or coke burned (weighed)",
  "coal-output": "coal output (weighed)",
  electricity: "electricity bought (metered)",
  heat: "heat bought (metered)",
  "transport-fuel": "fuel of vehicles (apportioned from purchase records)",
  explosives: "explosives used (purchase records)",
  "agricultural-input": "agricultural input (purchase records)",
  "gas-measured": "gas measured by the mine (drainage, ventilation, flares)",
  area: "area of a land class (classified map or survey)",
  "stand-volume": "stand volume per hectare (forest inventory)",
  "ccs-stored": "CO2 captured and stored (metered)",
};

/**
 * One row of the default-uncertainty registry: the 95 % interval of a kind of activity datum or of
 * factors matching `match`, as % below and above the value, with its source — or `exact`, for
 * factors exact by definition (stoichiometry, a gas density at stated conditions) or by convention
 * (fixed GWP values, IPCC Tier 1's "no change").
 */
export interface UncertaintyDefault {
  readonly id: string;
  readonly appliesTo: "activity" | "factor";
  /** Activity: an ActivityKind. Factor: `unit:<factor unit>` or `id:<regular expression>`. */
  readonly match: string;
  readonly exact?: "definition" | "convention";
  readonly lowPct: number;
  readonly highPct: number;
  readonly source: string;
  readonly table: string;
  readonly status: FactorStatus;
  readonly note?: string;
}

/** The first registry row for factors that `f` matches, or undefined. */
export function factorDefault(
  f: Pick<Factor, "id" | "unit">,
  defaults: readonly UncertaintyDefault[],
): UncertaintyDefault | undefined {
  return defaults.find((d) => d.appliesTo === "factor" && matchesFactor(d.match, f));
}

/** The registry row for an activity kind, or undefined (then the datum is taken as exact). */
export function activityDefault(
  kind: ActivityKind,
  defaults: readonly UncertaintyDefault[],
): UncertaintyDefault | undefined {
  return defaults.find((d) => d.appliesTo === "activity" && d.match === kind);
}

const patterns = new Map<string, RegExp>();

function matchesFactor(match: string, f: Pick<Factor, "id" | "unit">): boolean {
  if (match.startsWith("unit:")) return f.unit === match.slice(5);
  if (!match.startsWith("id:")) return false;
  let re = patterns.get(match);
  if (!re) patterns.set(match, (re = new RegExp(match.slice(3))));
  return re.test(f.id);
}
