import type { Hectares } from "../../units/area.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import type { DrawOptions } from "../factor/uncertainty/monte-carlo.ts";
import { activityUncertainty, factorUncertainty } from "../factor/uncertainty/uncertain-input.ts";
import { uncertaintyAnalysis, type UncertaintyAnalysis } from "../factor/uncertainty/uncertainty-analysis.ts";
import { ModelBuilder } from "../factor/uncertainty/uncertainty-model.ts";
import type { UncertaintySpec } from "../factor/uncertainty/uncertainty-spec.ts";
import type { AreaEntry, CoefficientChoice } from "./coefficient-budget.ts";
import { coefficientTCPerHaYr, type CoefficientReading } from "./coefficient-reading.ts";
import { CARBON_POOLS, type DensitySet } from "./density-sets.ts";
import type { Reclamation } from "./reclamation-regain.ts";
import { regainShare } from "./regain-curve.ts";
import type { Conversion } from "./stock-change.ts";

/** An area with the uncertainty its input gives it (else the file's default for areas, else the registry's). */
export type UncertainArea = { readonly uncertainty?: UncertaintySpec };

/**
 * Land of a class that a stock-change file declares as there to reclaim besides what its conversions
 * put into the class (land of that class before the period, or formed and reclaimed within it), with
 * where the figure comes from.
 */
export interface ExistingLand extends UncertainArea {
  readonly area: Hectares;
  readonly source: string;
}

const haText = (v: number) => `${v.toLocaleString("en-US", { maximumFractionDigits: 2 })} ha`;

/**
 * IPCC Approach 1 and 2 for the coefficient budget (seed 000): E and S of each land type and the
 * totals E, S and net = E − S, t C/yr. Inputs: every area (activity data, ±15 % by default for a class
 * area from a map of seed 001's accuracy) and every coefficient (its printed range; a single-valued
 * coefficient is taken as exact and named). A coefficient used on several areas is one input. The
 * areas are the classes of one boundary, whose total is known: misclassification moves area between
 * them, so they are drawn with their sum fixed (Approach 2 rescales each draw to it, Approach 1 takes
 * the same constraint to first order).
 */
export function coefficientBudgetUncertainty(
  entries: readonly (AreaEntry & UncertainArea)[],
  choices: Readonly<Record<string, CoefficientChoice>>,
  table: FactorTable,
  reading: CoefficientReading,
  areaDefault: UncertaintySpec | undefined,
  o: DrawOptions,
): UncertaintyAnalysis {
  const b = new ModelBuilder();
  const unit = "t C/yr";
  const landTypes = [...new Set(entries.map((e) => e.landType))];
  const areas: string[] = [];
  entries.forEach((e, i) => {
    const choice = choices[e.landType]!;
    const area = b.input(
      activityUncertainty(
        `areas[${i}].areaHa`,
        `${e.label} (areas[${i}].areaHa)`,
        "area",
        e.area,
        "ha",
        e.uncertainty ?? areaDefault,
        table.uncertaintyDefaults,
      ),
    );
    areas.push(area);
    for (const [kind, id] of [
      ["E", choice.emission],
      ["S", choice.absorption],
    ] as const) {
      if (!id) continue;
      const k = coefficientTCPerHaYr(table, id, reading).central;
      b.term([`${kind}:${e.landType}`, kind], e.area * k, [area, b.input(factorUncertainty(table, id))]);
    }
  });
  b.fixedSum(
    areas,
    `the areas (${haText(entries.reduce((t, e) => t + e.area, 0))} in all, the boundary's total)`,
  );
  // A land type without a coefficient of one kind has no row of that kind ("not given", not 0 ± 0).
  for (const lt of landTypes) {
    if (choices[lt]!.emission) b.quantity({ key: `E:${lt}`, label: `emission E, ${lt}`, unit });
    if (choices[lt]!.absorption) b.quantity({ key: `S:${lt}`, label: `absorption S, ${lt}`, unit });
  }
  b.quantity({ key: "E", label: "emission E", unit });
  b.quantity({ key: "S", label: "absorption S", unit });
  b.quantity({
    key: "net",
    label: "net E − S",
    unit,
    parts: [
      { key: "E", sign: 1 },
      { key: "S", sign: -1 },
    ],
  });
  return uncertaintyAnalysis(b.build(), o);
}

/**
 * IPCC Approach 1 and 2 for the one-time stock change (seed 001 §3.2): the loss on conversion per pool
 * and in total, the carbon regained by the horizon year and the net loss, t C. Inputs: the areas
 * converted and reclaimed, and the densities of the density set (Yang et al.'s losses are single values:
 * taken as exact and named). Area is conserved in every draw: the land reclaimed from a class is at
 * most the land of that class there is — the existing land declared plus what the conversions put into
 * it, less what they take out of it — and a draw that breaks it is drawn again. The conversions are
 * some cells of a transfer matrix, not a partition of a known total, so their sum is not fixed.
 */
export function stockChangeUncertainty(
  conversions: readonly (Conversion & UncertainArea)[],
  reclamations: readonly (Reclamation & UncertainArea)[],
  existing: Readonly<Record<string, ExistingLand>>,
  set: DensitySet,
  table: FactorTable,
  horizonYear: number,
  o: DrawOptions,
): UncertaintyAnalysis {
  const b = new ModelBuilder();
  const unit = "t C";
  const density = (cls: string, pool: (typeof CARBON_POOLS)[number]) => {
    const ref = set.classes[cls]![pool];
    return ref === 0
      ? undefined
      : { key: b.input(factorUncertainty(table, ref)), value: table.value(ref, "t C/ha").value };
  };
  const area = (path: string, label: string, value: number, own: UncertaintySpec | undefined) =>
    b.input(
      activityUncertainty(path, `${label} (${path})`, "area", value, "ha", own, table.uncertaintyDefaults),
    );
  const reclaimedFrom = new Set(reclamations.map((r) => r.from));
  const available = (cls: string) => `area:available:${cls}`;
  conversions.forEach((c, i) => {
    const a = area(`conversions[${i}].areaHa`, c.label, c.area, c.uncertainty);
    if (reclaimedFrom.has(c.to)) b.term(available(c.to), c.area, [a]);
    if (reclaimedFrom.has(c.from)) b.term(available(c.from), -c.area, [a]);
    for (const pool of CARBON_POOLS) {
      const from = density(c.from, pool);
      const to = density(c.to, pool);
      if (from) b.term([`loss:${pool}`, "loss"], c.area * from.value, [a, from.key]);
      if (to) b.term([`loss:${pool}`, "loss"], -c.area * to.value, [a, to.key]);
    }
  });
  for (const cls of reclaimedFrom) {
    const land = existing[cls];
    if (!land) continue;
    const a = area(
      `existingLand.${cls}.areaHa`,
      `${cls} land declared as existing`,
      land.area,
      land.uncertainty,
    );
    b.term(available(cls), land.area, [a]);
  }
  reclamations.forEach((r, i) => {
    const a = area(`reclamation[${i}].areaHa`, r.label, r.area, r.uncertainty);
    b.term(`area:reclaimed:${r.from}`, r.area, [a]);
    for (const pool of CARBON_POOLS) {
      const own = r.pools?.[pool];
      const reached = own?.share ?? 1;
      const at = regainShare(own?.curve ?? r.curve, horizonYear - r.startYear + 1);
      const k = r.area * reached * at;
      const from = density(r.from, pool);
      const to = density(r.to, pool);
      if (to) b.term("regained", k * to.value, [a, to.key]);
      if (from) b.term("regained", -k * from.value, [a, from.key]);
    }
  });
  for (const cls of reclaimedFrom) {
    const reclaimed = `area:reclaimed:${cls}`;
    for (const [key, label] of [
      [reclaimed, `land reclaimed from ${cls}`],
      [available(cls), `${cls} land there is to reclaim`],
    ] as const)
      b.quantity({ key, label, unit: "ha", report: false });
    b.constraint({
      atMost: reclaimed,
      of: available(cls),
      what: `land reclaimed from ${cls} ≤ the ${cls} land there is (existing + converted into it)`,
    });
  }
  for (const pool of CARBON_POOLS)
    b.quantity({ key: `loss:${pool}`, label: `loss on conversion, ${pool}`, unit });
  b.quantity({ key: "loss", label: "loss on conversion", unit });
  if (reclamations.length) {
    b.quantity({ key: "regained", label: `regained by ${horizonYear}`, unit });
    b.quantity({
      key: "net",
      label: `net loss at ${horizonYear}`,
      unit,
      parts: [
        { key: "loss", sign: 1 },
        { key: "regained", sign: -1 },
      ],
    });
  }
  return uncertaintyAnalysis(b.build(), o);
}
