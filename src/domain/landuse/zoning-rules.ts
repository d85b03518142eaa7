/** The carbon-sink functional zones of seed 001 Table 1, and "unclassified" for transitions no rule covers. */
export const SEED001_ZONES = [
  "invariant",
  "enhancement",
  "low-carbon-optimization",
  "emission-control",
] as const;
export const UNCLASSIFIED = "unclassified";

/** One rule: transitions from any of `from` to any of `to` (legend class keys) belong to `zone`. */
export interface ZoningRule {
  readonly zone: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** A zoning rule table with its source. */
export interface ZoningRules {
  readonly id: string;
  readonly source: string;
  readonly zones: readonly string[];
  readonly rules: readonly ZoningRule[];
}

const sinks = ["arable", "forest", "grassland"];
const mining = ["open-pit", "dump", "stripping", "industrial"];

/**
 * Seed 001 Table 1 (carbon sink functional areas of the Pingshuo mining area), over the seed 001 legend:
 * invariant arable/forest/grassland kept; enhancement mining land → arable/forest/grassland, arable →
 * forest, grassland → forest; low-carbon optimization sinks → urban/rural/transportation/water and
 * grassland → arable; emission control sinks → mining land.
 */
export const SEED001_ZONING: ZoningRules = {
  id: "seed001",
  source: "Yang B. et al. 2022 (seed 001), Table 1",
  zones: SEED001_ZONES,
  rules: [
    ...sinks.map((c) => ({ zone: "invariant", from: [c], to: [c] })),
    { zone: "enhancement", from: mining, to: sinks },
    { zone: "enhancement", from: ["arable", "grassland"], to: ["forest"] },
    { zone: "low-carbon-optimization", from: sinks, to: ["urban", "rural", "transportation", "water"] },
    { zone: "low-carbon-optimization", from: ["grassland"], to: ["arable"] },
    { zone: "emission-control", from: sinks, to: mining },
  ],
};

/**
 * The zone of a transition, or "unclassified" when no rule covers it. Two rules that give the same
 * transition different zones are an error of the rule table (checked by `checkZoningRules`).
 */
export function zoneOf(rules: ZoningRules, from: string, to: string): string {
  for (const r of rules.rules) if (r.from.includes(from) && r.to.includes(to)) return r.zone;
  return UNCLASSIFIED;
}

/** Problems of a rule table: unknown zones, unknown class keys, transitions claimed by two zones. */
export function checkZoningRules(rules: ZoningRules, classKeys: readonly string[]): string[] {
  const problems: string[] = [];
  const keys = new Set(classKeys);
  const claimed = new Map<string, string>();
  rules.rules.forEach((r, i) => {
    if (!rules.zones.includes(r.zone))
      problems.push(`rule ${i + 1}: zone "${r.zone}" is not one of ${rules.zones.join(", ")}`);
    for (const c of [...r.from, ...r.to])
      if (!keys.has(c)) problems.push(`rule ${i + 1}: class "${c}" is not in the legend`);
    for (const f of r.from)
      for (const t of r.to) {
        const prior = claimed.get(`${f}→${t}`);
        if (prior && prior !== r.zone)
          problems.push(`rule ${i + 1}: ${f} → ${t} is both ${prior} and ${r.zone}`);
        claimed.set(`${f}→${t}`, r.zone);
      }
  });
  return problems;
}
