import type { z } from "zod";
import { COEFFICIENT_SETS } from "../budget/coefficient-sets.ts";
import { DENSITY_SETS } from "../budget/density-sets.ts";
import type { structureProblemSchema } from "./structure-problem.ts";

/** A structure problem document as `POST /api/optimize` takes it (the `landuse-structure` format). */
export type StructureProblemDocument = z.input<typeof structureProblemSchema>;
type ClassDocument = StructureProblemDocument["classes"][number];
type ConstraintDocument = NonNullable<StructureProblemDocument["constraints"]>[number];
type SoilFactorDocument = NonNullable<ClassDocument["soilFactors"]>[number];

/** One legend class's area in the analysis's last year. `role` is the legend class's key. */
export interface LandUseClassArea {
  readonly code: number;
  readonly role: string;
  readonly name: string;
  readonly areaHa: number;
}

/** What a structure problem is built from: the last year of an area's finished land-use analysis. */
export interface StructureBasis {
  /** Names the problem (the area's name). */
  readonly areaName: string;
  readonly year: number;
  readonly classes: readonly LandUseClassArea[];
  /** A coefficient set of src/domain/budget/coefficient-sets.ts (absorption and emission per land type). */
  readonly coefficientSetId: string;
  /** The analysis's density set, or null; see {@link structureFromLanduse} on what it gives. */
  readonly densitySetId: string | null;
  /** Coal output the structure must keep, t/yr; without it the problem has no coal-land floor. */
  readonly coalOutputTPerYr?: number;
  /** Where the coal output comes from (an inventory, the user), for the assumptions. */
  readonly coalOutputSource?: string;
  /** Years a hectare stays excavated or dumped before reclamation (seed 003's floor); see DEFAULT_YEARS_OPEN. */
  readonly yearsOpen: number;
}

/** A legend class the problem holds at its current area, because its role has no place in it. */
export interface HeldClass {
  readonly code: number;
  readonly role: string;
  readonly name: string;
  readonly areaHa: number;
  readonly reason: string;
}

export interface BuiltStructureProblem {
  readonly problem: StructureProblemDocument;
  /** Classes named, not dropped: in the problem at their current area, with no coefficient. */
  readonly held: readonly HeldClass[];
}

/**
 * Years land stays open before reclamation when none is given: five years of output, as in
 * examples/pingshuo-structure.yaml (a planning assumption of that example; seed 003 gives the land per
 * tonne, not how long it stays open).
 */
export const DEFAULT_YEARS_OPEN = 5;

/** A soil factor list (IPCC 2006 Vol. 4 Eq. 2.25 factors) of a role, as the Pingshuo example gives them. */
const CROPLAND_SOIL: SoilFactorDocument[] = [
  "ipcc06.soil.cropland.flu.long_term.temperate_dry",
  "ipcc06.soil.cropland.fmg.full_tillage",
  "ipcc06.soil.cropland.fi.medium",
];
/** Built-up and mined land: seed 003's up-to-80 % loss of soil carbon (the example's reading). */
const LOST_SOIL: SoilFactorDocument[] = [{ remainingAfterLoss: "seed003.soc_loss_fraction.max" }];

/** Where a role sits in the problem: the land type of the coefficient set, its soil factors. */
interface RolePlace {
  readonly landType: string;
  readonly soilFactors: SoilFactorDocument[];
  /** The land the coal output needs (seed 003): excavation, dump or operations. */
  readonly coal?: "excavation" | "dump" | "operations";
}

/**
 * Legend roles (src/contract/area.ts LEGEND_ROLES) → seed 000's land types, as
 * examples/pingshuo-2018-budget.yaml and examples/pingshuo-structure.yaml map them: grassland →
 * pasture; urban, built-up and mining land → urban-industrial-mining land. Roles missing here
 * (shrub, wetland, reclaimed, unused, other) have no land type in seed 000 Table 1 and are held.
 */
const ROLE_PLACES: Readonly<Record<string, RolePlace>> = {
  arable: { landType: "cultivated", soilFactors: CROPLAND_SOIL },
  cropland: { landType: "cultivated", soilFactors: CROPLAND_SOIL },
  // Perennial tree crops: IPCC 2006 Table 5.5 F_LU 1.00.
  garden: { landType: "garden", soilFactors: ["ipcc06.soil.cropland.flu.perennial"] },
  forest: { landType: "forest", soilFactors: ["ipcc06.soil.forest.tier1"] },
  grassland: {
    landType: "pasture",
    soilFactors: ["ipcc06.soil.grassland.flu", "ipcc06.soil.grassland.fmg.nominal"],
  },
  urban: { landType: "urban_industrial_mining", soilFactors: LOST_SOIL },
  "built-up": { landType: "urban_industrial_mining", soilFactors: LOST_SOIL },
  rural: { landType: "rural_settlement", soilFactors: LOST_SOIL },
  transportation: { landType: "transportation", soilFactors: LOST_SOIL },
  "open-pit": { landType: "urban_industrial_mining", soilFactors: LOST_SOIL, coal: "excavation" },
  mining: { landType: "urban_industrial_mining", soilFactors: LOST_SOIL, coal: "excavation" },
  stripping: { landType: "urban_industrial_mining", soilFactors: LOST_SOIL, coal: "excavation" },
  dump: { landType: "urban_industrial_mining", soilFactors: LOST_SOIL, coal: "dump" },
  industrial: { landType: "urban_industrial_mining", soilFactors: LOST_SOIL, coal: "operations" },
  // No soil stock change counted for water (the example's reading).
  water: { landType: "water", soilFactors: [] },
};

/** Annual crops: no net biomass gain (IPCC 2006 Vol. 4 Tier 1), instead of seed 000's absorption. */
const ANNUAL_CROP_ABSORPTION = "ipcc06.afolu.cropland_annual.biomass_change";

/**
 * A bound as a share of the current area. Every one is a PLANNING ASSUMPTION scaled from the
 * illustrative targets of examples/pingshuo-structure.yaml (its floors and caps over its 2018 areas),
 * not policy: seed 000 §4 and SPEC M6 name the constraints (cropland protection, minimum ecological
 * land, construction cap, reclamation feasibility) but give no numbers, and seed 001 none.
 */
interface ShareOfCurrent {
  readonly share: number;
  readonly source: string;
  readonly status: "planning assumption";
}
const assumed = (share: number, source: string): ShareOfCurrent => ({
  share,
  source: `examples/pingshuo-structure.yaml: ${source}`,
  status: "planning assumption",
});

/** Class bounds by role, as shares of the class's current area. */
const CLASS_BOUNDS: Readonly<Record<string, { min?: ShareOfCurrent; max?: ShareOfCurrent }>> = {
  // At most as much new forest as the example's 3,000 ha of reclamation in the period on 9,299.97 ha.
  forest: {
    max: assumed(12_299.97 / 9_299.97, "forest at most 12,299.97 ha of 9,299.97 (+3,000 ha reclaimed)"),
  },
  urban: { min: assumed(1, "urban land at least its current area (no demolition)") },
  "built-up": { min: assumed(1, "built-up land at least its current area (no demolition), as urban") },
  transportation: {
    min: assumed(1, "transportation land at least its current area (roads and railways stay)"),
  },
  rural: { min: assumed(600 / 700.02, "rural settlement at least 600 ha of 700.02") },
  industrial: {
    min: assumed(
      2_000 / 2_243.25,
      "industrial land at least 2,000 ha of 2,243.25 (plants and loading yards stay)",
    ),
  },
  water: { max: assumed(200 / 60.03, "water at most 200 ha of 60.03") },
};

/** The example's constraints, by the roles they sum, with their right-hand side and tolerance as shares. */
const CONSTRAINTS: readonly {
  readonly name: string;
  readonly roles: readonly string[];
  readonly sense: ">=" | "<=";
  readonly rhs: ShareOfCurrent;
  readonly tolerance?: ShareOfCurrent;
}[] = [
  {
    name: "cropland protection floor",
    roles: ["arable", "cropland"],
    sense: ">=",
    rhs: assumed(22_000 / 24_191.37, "cropland at least 22,000 ha of 24,191.37"),
    tolerance: assumed(1_000 / 24_191.37, "a tolerance of 1,000 ha on 24,191.37"),
  },
  {
    name: "minimum ecological land (forest, grassland, water)",
    roles: ["forest", "grassland", "water"],
    sense: ">=",
    rhs: assumed(18_500 / 18_153.36, "ecological land at least 18,500 ha of 18,153.36"),
    tolerance: assumed(1_000 / 18_153.36, "a tolerance of 1,000 ha on 18,153.36"),
  },
  {
    name: "cap on construction land (urban, rural, transportation, industrial)",
    roles: ["urban", "built-up", "rural", "transportation", "industrial"],
    sense: "<=",
    rhs: assumed(4_700 / 4_471.02, "construction land at most 4,700 ha of 4,471.02"),
    tolerance: assumed(300 / 4_471.02, "a tolerance of 300 ha on 4,471.02"),
  },
  {
    name: "stripping land of the working faces",
    roles: ["stripping"],
    sense: ">=",
    rhs: assumed(500 / 1_109.25, "stripping land at least 500 ha of 1,109.25"),
  },
];

/** Two decimals of a hectare: bounds read as the example's. */
const ha = (x: number) => Math.round(x * 100) / 100;

/**
 * A land-use structure problem (the `landuse-structure` document) of an area's own land: one class
 * per legend role with the summed area of that role's classes in the analysis's last year; the
 * absorption and emission coefficients of the coefficient set's land type for that role (factor ids:
 * each has its source and status in the factor library and in the optimization's `factors.used`);
 * annual cropland with no yearly sink (IPCC 2006 Tier 1), the coal-land floors and the energy use
 * held for the coal output's land, and the soil change on conversion by IPCC 2006 Eq. 2.25 — all as
 * examples/pingshuo-structure.yaml has them. Bounds and constraints are the example's illustrative
 * targets scaled to the area's current areas (CLASS_BOUNDS, CONSTRAINTS), said as such in the
 * assumptions. A class whose role has no land type is kept at its current area with no coefficient,
 * and named in `held` and the assumptions.
 *
 * The density set: its densities are carbon lost when land is occupied (seed001-yang2019: losses on
 * occupation, not stocks at equilibrium, and only for arable, forest and grassland), so they cannot
 * stand for SOC_j of Eq. 2.25 over every class; the soil change uses IPCC Tier 1 stocks, and the
 * assumptions say so.
 */
export function structureFromLanduse(b: StructureBasis): BuiltStructureProblem {
  const set = COEFFICIENT_SETS[b.coefficientSetId];
  if (!set) throw new RangeError(`no coefficient set "${b.coefficientSetId}"`);
  // One class per role, in the order the roles first appear in the legend.
  const byRole = new Map<string, LandUseClassArea[]>();
  for (const c of b.classes) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c]);
  const held: HeldClass[] = [];
  const classes: ClassDocument[] = [];
  const currentOf = new Map<string, number>();
  for (const [role, members] of byRole) {
    const areaHa = ha(members.reduce((s, c) => s + c.areaHa, 0));
    currentOf.set(role, areaHa);
    const name = members.map((c) => c.name).join(", ");
    const place = Object.hasOwn(ROLE_PLACES, role) ? ROLE_PLACES[role] : undefined;
    const coefficients =
      place && Object.hasOwn(set.landTypes, place.landType) ? set.landTypes[place.landType] : undefined;
    if (!place || !coefficients) {
      const reason = place
        ? `coefficient set ${set.id} has no land type ${place.landType}`
        : `role "${role}" has no land type in seed 000 Table 1`;
      for (const c of members) held.push({ ...c, reason });
      // Held at 0 ha would need an upper bound of 0, which the format does not take: named only.
      if (areaHa > 0)
        classes.push({
          key: role,
          name,
          currentHa: areaHa,
          minHa: areaHa,
          maxHa: areaHa,
          netSinkTCPerHaYr: 0,
          source: `held at its current area: ${reason}`,
          soilFactors: [],
        });
      continue;
    }
    const bounds = Object.hasOwn(CLASS_BOUNDS, role) ? CLASS_BOUNDS[role]! : {};
    const max = bounds.max ? ha(areaHa * bounds.max.share) : undefined;
    const absorption =
      place.landType === "cultivated" ? ANNUAL_CROP_ABSORPTION : (coefficients.absorption ?? undefined);
    classes.push({
      key: role,
      name,
      currentHa: areaHa,
      ...(bounds.min ? { minHa: ha(areaHa * bounds.min.share) } : {}),
      ...(max !== undefined && max > 0 ? { maxHa: max } : {}),
      ...(absorption ? { absorption } : {}),
      ...(coefficients.emission ? { emission: coefficients.emission } : {}),
      soilFactors: place.soilFactors,
    });
  }
  // A cap that scales a class of no area now is 0 ha, which a class bound cannot say (it is > 0).
  const zeroCaps: ConstraintDocument[] = classes
    .filter((c) => c.currentHa === 0 && CLASS_BOUNDS[c.key]?.max)
    .map((c) => ({
      name: `no ${c.name}: none now, and its cap is a share of its current area`,
      classes: [c.key],
      sense: "<=",
      rhsHa: 0,
      source: `planning assumption: ${CLASS_BOUNDS[c.key]!.max!.source}`,
    }));
  const present = (roles: readonly string[]) =>
    roles.filter((r) => currentOf.has(r) && !held.some((h) => h.role === r));
  const constraints: ConstraintDocument[] = [];
  for (const c of CONSTRAINTS) {
    const roles = present(c.roles);
    const current = roles.reduce((s, r) => s + currentOf.get(r)!, 0);
    if (!roles.length || current <= 0) continue;
    const tolerance = c.tolerance ? ha(current * c.tolerance.share) : 0;
    constraints.push({
      name: c.name,
      classes: roles,
      sense: c.sense,
      rhsHa: ha(current * c.rhs.share),
      ...(tolerance > 0 ? { toleranceHa: tolerance } : {}),
      source: `${c.rhs.status}: ${c.rhs.source}`,
    });
  }
  constraints.push(...zeroCaps);
  const coalRoles = (kind: NonNullable<RolePlace["coal"]>) =>
    present(Object.keys(ROLE_PLACES).filter((r) => ROLE_PLACES[r]!.coal === kind));
  const excavation = coalRoles("excavation");
  const dump = coalRoles("dump");
  const operations = coalRoles("operations");
  const assumptions: string[] = [
    `Class areas of ${b.year}, the last year of the area's latest finished land-use analysis, summed by class role.`,
    `Coefficients of ${set.id} (${set.description}), read as t C.`,
    "Arable land: no yearly sink (IPCC 2006 Tier 1, annual crops); the coefficient set's cultivated emission kept.",
    "Floors and caps are illustrative planning targets scaled to this area's current areas from examples/pingshuo-structure.yaml (each constraint's source says which), not policy.",
    "Soil: IPCC 2006 Eq. 2.25 over 20 yr with SOC_REF 50 t C/ha (HAC soils, cool-temperate dry, as the Pingshuo example assumes), cropland × 0.80, mined and built-up land at 20 % (seed 003), water at SOC_REF.",
  ];
  if (b.densitySetId) {
    const d = Object.hasOwn(DENSITY_SETS, b.densitySetId) ? DENSITY_SETS[b.densitySetId] : undefined;
    assumptions.push(
      `The analysis's density set ${b.densitySetId} is not used for the soil change: ${d?.note ?? "it is not a shipped density set"}`,
    );
  }
  for (const h of held)
    assumptions.push(
      `${h.name} (${h.role}, ${ha(h.areaHa)} ha) held at its current area with no coefficient: ${h.reason}.`,
    );
  let coalLand: StructureProblemDocument["coalLand"];
  if (b.coalOutputTPerYr !== undefined && b.coalOutputTPerYr > 0 && excavation.length && dump.length) {
    coalLand = {
      coalOutputT: b.coalOutputTPerYr,
      years: b.yearsOpen,
      excavation,
      dump,
      ...(operations.length ? { operations } : {}),
    };
    assumptions.push(
      `Coal output ${b.coalOutputTPerYr} t/yr (${b.coalOutputSource ?? "given"}), ${b.yearsOpen} years of output open before reclamation; land per 10⁴ t from seed 003 (0.12 excavated + 0.10 dump); the energy used on that land held at its current total.`,
    );
  } else
    assumptions.push(
      b.coalOutputTPerYr === undefined
        ? "No coal output given: no floor for the land the output needs, and the energy use of the mining land counts as if it shrank with the land."
        : "No excavation or dump class: no floor for the land the coal output needs.",
    );
  return {
    problem: {
      kind: "landuse-structure",
      name: `${b.areaName}, ${b.year}: structure for the largest net sink`,
      readAs: "tC",
      classes,
      constraints,
      ...(coalLand ? { coalLand } : {}),
      soil: {
        reference: "ipcc06.soil.socref.cool_temperate_dry.hac",
        transitionYears: "ipcc06.afolu.soc_transition",
      },
      objective: "carbon",
      assumptions,
    },
    held,
  };
}
