import type { Hectares } from "../../units/index.ts";

/**
 * Land-use control rules (seed 000 §3.3: "a land-use control system … in which the land use of each
 * plot is determined"). A rule table is data the regulator edits; each plot of a mine names one rule.
 * Land uses are the legend's roles (cropland, forest, grassland, water, construction, mining, …), so
 * the same rule reads any legend whose classes carry roles.
 */
export type ControlRule = {
  readonly id: string;
  readonly name: string;
  /** Area under which a breach is not reported: the maps' smallest reliable patch. */
  readonly toleranceHa: Hectares;
} & (
  | {
      /** Land of these roles may not become land of those ("arable land may not be converted to construction or mining land"). */
      readonly kind: "no-conversion";
      readonly fromRoles: readonly string[];
      readonly toRoles: readonly string[];
    }
  | {
      /**
       * The plot is reclaimed to these roles by the deadline: a map made after it shows no land of
       * another role in the plot (still dump or pit, or reclaimed to the wrong use).
       */
      readonly kind: "reclaim-by";
      readonly deadlineYear: number;
      readonly toRoles: readonly string[];
    }
  | {
      /** At most this much land of one role in the plot ("construction land capped at N ha"). */
      readonly kind: "cap";
      readonly role: string;
      readonly capHa: Hectares;
    }
  | {
      /** Only these roles are allowed in the plot. */
      readonly kind: "allowed-uses";
      readonly roles: readonly string[];
    }
);

/** What the land-use maps show of one plot: the roles' areas in the later map, and what changed into what. */
export interface PlotLandUse {
  readonly plotId: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** Area of each role in the plot in `toYear`'s map. */
  readonly roleAreaHa: Readonly<Record<string, Hectares>>;
  /** Transitions between the two maps inside the plot, persistence (role to itself) included or not. */
  readonly transitionsHa: readonly {
    readonly fromRole: string;
    readonly toRole: string;
    readonly areaHa: Hectares;
  }[];
}

/** A breach of a plot's rule, with the numbers that show it. */
export interface RuleBreach {
  readonly plotId: string;
  readonly ruleId: string;
  readonly kind: ControlRule["kind"] | "reclamation-overdue";
  readonly areaHa: number;
  /** A sentence with the evidence, in English (the catalogue translates it by its pattern). */
  readonly evidence: string;
}

const sumHa = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (x: number) => x.toFixed(2);

/**
 * The breaches of `rule` in one plot between two maps, in `year` (the year evaluated: a
 * reclamation deadline is judged against it). Empty when the plot keeps its rule or the breach is
 * within the tolerance.
 */
export function ruleBreaches(rule: ControlRule, plot: PlotLandUse, year: number): RuleBreach[] {
  const breach = (kind: RuleBreach["kind"], areaHa: number, evidence: string): RuleBreach[] =>
    areaHa > rule.toleranceHa ? [{ plotId: plot.plotId, ruleId: rule.id, kind, areaHa, evidence }] : [];
  const span = `between the ${plot.fromYear} and ${plot.toYear} maps`;
  switch (rule.kind) {
    case "no-conversion": {
      const moved = plot.transitionsHa.filter(
        (t) =>
          t.fromRole !== t.toRole && rule.fromRoles.includes(t.fromRole) && rule.toRoles.includes(t.toRole),
      );
      const area = sumHa(moved.map((t) => t.areaHa));
      const what = moved.map((t) => `${t.fromRole} → ${t.toRole} ${fmt(t.areaHa)} ha`).join(", ");
      return breach(
        "no-conversion",
        area,
        `${fmt(area)} ha converted ${span} (${what}), which "${rule.name}" forbids`,
      );
    }
    case "reclaim-by": {
      // Judged only on a map made after the deadline: an older map cannot show it was missed.
      if (year <= rule.deadlineYear || plot.toYear <= rule.deadlineYear) return [];
      const left = Object.entries(plot.roleAreaHa).filter(([r, a]) => !rule.toRoles.includes(r) && a > 0);
      const area = sumHa(left.map(([, a]) => a));
      return breach(
        "reclamation-overdue",
        area,
        `${fmt(area)} ha is ${left.map(([r, a]) => `${r} (${fmt(a)} ha)`).join(", ")} in the ${plot.toYear} map, after the reclamation deadline ${rule.deadlineYear} (to ${rule.toRoles.join(" or ")})`,
      );
    }
    case "cap": {
      const area = plot.roleAreaHa[rule.role] ?? 0;
      return breach(
        "cap",
        area - rule.capHa,
        `${fmt(area)} ha of ${rule.role} land in the ${plot.toYear} map, above the cap of ${fmt(rule.capHa)} ha`,
      );
    }
    case "allowed-uses": {
      const outside = Object.entries(plot.roleAreaHa).filter(([role]) => !rule.roles.includes(role));
      const area = sumHa(outside.map(([, a]) => a));
      return breach(
        "allowed-uses",
        area,
        `${fmt(area)} ha of ${outside.map(([r, a]) => `${r} (${fmt(a)} ha)`).join(", ")} in the ${plot.toYear} map, where only ${rule.roles.join(", ")} is allowed`,
      );
    }
  }
}

/** The problems of a rule as the regulator enters it, each at its field. */
export function controlRuleProblems(
  rule: ControlRule,
  roles: readonly string[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const known = (path: string, list: readonly string[]) => {
    if (list.length === 0) problems.push({ path, message: "must name at least one land-use role" });
    list.forEach((r, i) => {
      if (!roles.includes(r))
        problems.push({ path: `${path}[${i}]`, message: `must be one of ${roles.join(", ")}; got "${r}"` });
    });
  };
  if (rule.name.trim() === "") problems.push({ path: "name", message: "is required" });
  if (!(rule.toleranceHa >= 0))
    problems.push({ path: "toleranceHa", message: `must be 0 ha or more; got ${rule.toleranceHa}` });
  switch (rule.kind) {
    case "no-conversion":
      known("fromRoles", rule.fromRoles);
      known("toRoles", rule.toRoles);
      break;
    case "reclaim-by":
      if (!Number.isInteger(rule.deadlineYear) || rule.deadlineYear < 1990 || rule.deadlineYear > 2100)
        problems.push({
          path: "deadlineYear",
          message: `must be a year from 1990 to 2100; got ${rule.deadlineYear}`,
        });
      known("toRoles", rule.toRoles);
      break;
    case "cap":
      known("role", [rule.role]);
      if (!(rule.capHa >= 0))
        problems.push({ path: "capHa", message: `must be 0 ha or more; got ${rule.capHa}` });
      break;
    case "allowed-uses":
      known("roles", rule.roles);
      break;
  }
  return problems;
}
