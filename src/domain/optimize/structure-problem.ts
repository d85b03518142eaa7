import { z } from "zod";
import { COEFFICIENT_READINGS } from "../budget/coefficient-reading.ts";
import { field, fieldMeta } from "../common/field-meta.ts";
import { COUNT_BOUNDS, MAX_WHOLE_YEARS, QUANTITY_BOUNDS, TEXT_BOUNDS } from "../common/input-bounds.ts";
import { amountUpTo, boundedList, positiveUpTo, signedUpTo } from "../validation/bounded-number.ts";
import { userText } from "../validation/user-text.ts";
import { row, type LpModel, type LpRow, type LpTerm, type LpVariable } from "./lp-model.ts";

const { areaHa, fluxTCPerHaYr, valueCNYPerHaYr, termCoefficient, constraintHa, massT, objectiveWeight } =
  QUANTITY_BOUNDS;
type Texts = readonly [en: string, zh: string];
const group = (label: Texts, description?: Texts) =>
  fieldMeta({ unit: "", label, ...(description ? { description } : {}) });
const name = () => userText().min(1);
const note = () => userText(TEXT_BOUNDS.text);
const coefficient = (label: Texts) =>
  z.union([name(), signedUpTo(fluxTCPerHaYr)]).meta(
    fieldMeta({
      unit: "t C/ha/yr",
      label,
      description: ["a factor id, or a number in t C/ha/yr", "因子标识，或以吨碳/(公顷·年)计的数值"],
    }),
  );
const classKeys = (label: Texts, description?: Texts) =>
  field(boundedList(name()).min(1), "", label, description);

const classSchema = z
  .strictObject({
    key: field(name(), "", ["class key", "地类代码"]),
    name: field(name(), "", ["class name", "地类名称"]),
    currentHa: field(amountUpTo(areaHa), "ha", ["current area", "现状面积"]),
    minHa: field(amountUpTo(areaHa), "ha", ["lower bound", "面积下限"]).default(0),
    maxHa: field(positiveUpTo(areaHa), "ha", ["upper bound", "面积上限"]).optional(),
    absorption: coefficient(["absorption coefficient", "碳吸收系数"]).optional(),
    emission: coefficient(["emission coefficient", "碳排放系数"]).optional(),
    netSinkTCPerHaYr: field(
      signedUpTo(fluxTCPerHaYr),
      "t C/ha/yr",
      ["net sink coefficient", "净碳汇系数"],
      [
        "absorption − emission, instead of absorption and emission",
        "吸收减排放，代替分别给出的吸收和排放系数",
      ],
    ).optional(),
    source: field(note(), "", ["source of the coefficients", "系数来源"]).optional(),
    valueYuanPerHaYr: field(signedUpTo(valueCNYPerHaYr), "CNY/ha/yr", [
      "economic value",
      "单位面积经济效益",
    ]).optional(),
    soilFactors: field(
      boundedList(
        z.union([
          field(name(), "", ["stock change factor", "碳储量变化因子"]),
          z
            .strictObject({
              remainingAfterLoss: field(name(), "", ["share remaining after a loss", "损失后剩余比例"]),
            })
            .meta(group(["remaining after loss", "损失后剩余"])),
        ]),
      ),
      "",
      ["soil stock change factors", "土壤碳储量变化因子"],
      [
        "stock change factors (F_LU, F_MG, F_I) of this use, multiplying soil.reference (IPCC 2006 Eq. 2.25); [] = at SOC_REF",
        "该用途的碳储量变化因子（F_LU、F_MG、F_I），乘以 soil.reference（IPCC 2006 式 2.25）；[] 表示取 SOC_REF",
      ],
    ).optional(),
  })
  .meta(group(["land-use class", "土地利用类型"]));

const constraintSchema = z
  .strictObject({
    name: field(name(), "", ["constraint name", "约束名称"]),
    classes: classKeys(["classes summed", "求和的地类"]).optional(),
    terms: field(
      z
        .record(name(), field(signedUpTo(termCoefficient), "", ["coefficient", "系数"]))
        .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.listItems, {
          error: `must have at most ${COUNT_BOUNDS.listItems} terms`,
        }),
      "",
      ["terms (coefficient by class)", "各地类系数"],
    ).optional(),
    sense: field(z.enum(["<=", ">=", "="]), "", ["sense", "约束方向"]),
    rhsHa: field(signedUpTo(constraintHa), "ha", ["right-hand side", "右端值"]),
    toleranceHa: field(positiveUpTo(constraintHa), "ha", ["tolerance (fuzzy)", "模糊容差"]).optional(),
    source: field(note(), "", ["source", "来源"]).optional(),
  })
  .meta(group(["constraint", "约束条件"]));

/**
 * The spec of a `landuse-structure` problem file (seed 000 §4, seed 003), with its field metadata;
 * src/io/read-structure-problem.ts reads files with it into a {@link StructureProblem}.
 */
export const structureProblemSchema = z
  .strictObject({
    kind: field(z.literal("landuse-structure"), "", ["document kind", "文件类型"]),
    name: field(name(), "", ["problem name", "问题名称"]),
    description: field(note(), "", ["description", "说明"]).optional(),
    readAs: field(
      z.enum(COEFFICIENT_READINGS),
      "",
      ["coefficients read as", "系数解读方式"],
      ["whether unstated tonnes are carbon (tC) or CO2 (tCO2)", "未说明的吨数按碳（tC）还是 CO2（tCO2）解读"],
    ).optional(),
    totalAreaHa: field(
      positiveUpTo(areaHa),
      "ha",
      ["total area", "总面积"],
      ["the sum of the classes' current areas when omitted", "缺省时取各地类现状面积之和"],
    ).optional(),
    classes: field(boundedList(classSchema).min(1), "", ["land-use classes", "土地利用类型"]),
    constraints: field(boundedList(constraintSchema), "", ["constraints", "约束条件"]).default([]),
    coalLand: z
      .strictObject({
        coalOutputT: field(amountUpTo(massT), "t/yr", ["coal output", "原煤产量"]),
        // No default: how long land stays open sets the floor, and a forgotten 1 yr would let the
        // optimum shrink the land the output needs.
        years: field(
          z
            .number()
            .positive()
            .max(MAX_WHOLE_YEARS, { error: `must be ≤ ${MAX_WHOLE_YEARS} years` }),
          "yr",
          ["years land stays open", "土地占用年数"],
          [
            "years a hectare stays excavated or dumped before it is reclaimed",
            "每公顷土地被挖损或压占至复垦前的年数",
          ],
        ),
        excavation: classKeys(["excavation classes", "挖损地类"]),
        dump: classKeys(["dump classes", "压占（排土场）地类"]),
        operations: field(
          boundedList(name()),
          "",
          ["operations classes", "生产设施地类"],
          [
            "other land the output needs (plants, loading yards): its energy use is the output's",
            "产量所需的其他土地（工业场地、装车站）：其能源消费计入产量",
          ],
        ).optional(),
        excavationFactor: field(name(), "", [
          "excavation land per coal factor",
          "单位产量挖损面积因子",
        ]).optional(),
        dumpFactor: field(name(), "", ["dump land per coal factor", "单位产量压占面积因子"]).optional(),
        totalFactor: field(
          name(),
          "",
          ["land per coal factor (both)", "单位产量占地因子（合计）"],
          [
            "one floor over excavation and dump together, e.g. seed001.gao2021.land_per_coal",
            "挖损与压占合计的一个下限，如 seed001.gao2021.land_per_coal",
          ],
        ).optional(),
      })
      .optional()
      .meta(group(["land the coal output needs", "原煤产量所需土地"])),
    soil: z
      .strictObject({
        reference: field(
          name(),
          "",
          ["reference soil carbon (SOC_REF)", "参考土壤有机碳储量（SOC_REF）"],
          [
            "a factor in t C/ha (IPCC 2006 Vol. 4 Table 2.3), e.g. ipcc06.soil.socref.…",
            "以吨碳/公顷计的因子（IPCC 2006 第 4 卷表 2.3），如 ipcc06.soil.socref.…",
          ],
        ),
        transitionYears: field(
          name(),
          "",
          ["transition years factor", "过渡年数因子"],
          [
            "a factor in yr: the years the soil moves to its new stock over (IPCC's 20 by default)",
            "以年计的因子：土壤碳达到新储量的年数（IPCC 默认 20 年）",
          ],
        ).default("ipcc06.afolu.soc_transition"),
      })
      .optional()
      .meta(group(["soil carbon change", "土壤碳变化"])),
    objective: z
      .union([
        z.enum(["carbon", "value", "fuzzy"]),
        z.strictObject({
          weighted: z
            .strictObject({
              carbon: field(amountUpTo(objectiveWeight), "", ["weight of the net sink", "净碳汇权重"]),
              value: field(amountUpTo(objectiveWeight), "", ["weight of the value", "经济效益权重"]),
            })
            .meta(group(["weighted", "加权"])),
        }),
      ])
      .default("carbon")
      .meta(
        fieldMeta({
          unit: "",
          label: ["objective", "目标函数"],
          description: [
            "carbon (net sink), value, fuzzy (Zimmermann max–min) or { weighted: { carbon, value } }",
            "carbon（净碳汇）、value（经济效益）、fuzzy（Zimmermann 最大最小）或 { weighted: { carbon, value } }",
          ],
        }),
      ),
    assumptions: field(boundedList(note()), "", ["assumptions", "假设"]).default([]),
  })
  .meta(
    group(
      ["Land-use structure problem", "土地利用结构优化问题"],
      [
        "class areas under constraints, optimised by linear programming",
        "约束条件下的各地类面积，以线性规划优化",
      ],
    ),
  );

/** A structure problem file as checked by {@link structureProblemSchema}. */
export type StructureProblemFile = z.output<typeof structureProblemSchema>;

/** One land-use class of a structure problem: its area now, bounds, and per-hectare coefficients. */
export interface StructureClass {
  readonly key: string;
  readonly name: string;
  readonly currentHa: number;
  readonly minHa: number;
  readonly maxHa: number;
  /**
   * Net yearly sink that moves with the class's area (absorption − emission), t C/ha/yr; negative
   * for a net source. An energy-use emission held at fixed coal output is not in it.
   */
  readonly netSinkTCPerHaYr: number;
  /** Where the coefficient comes from (factor ids or the user's source). */
  readonly netSinkSource: string;
  /**
   * An energy-use emission coefficient (seed 000's construction land) of land the fixed coal output
   * needs, t C/ha/yr: the energy is the output's, so its total is held at currentHa × this and does
   * not move with the area. Absent: none is held.
   */
  readonly heldEnergyTCPerHaYr?: number;
  /** Soil organic carbon at equilibrium under this use (IPCC 2006 Vol. 4 Eq. 2.25), t C/ha; with `soil`. */
  readonly socTCPerHa?: number;
  readonly socSource?: string;
  /** Economic value, yuan/ha/yr (optional; needed for the value objective). */
  readonly valueYuanPerHaYr?: number;
}

/** A linear constraint over class areas, ha; `toleranceHa` makes it fuzzy (Zimmermann). */
export interface StructureConstraint {
  readonly name: string;
  readonly terms: readonly { readonly key: string; readonly coefficient: number }[];
  readonly sense: "<=" | ">=" | "=";
  readonly rhsHa: number;
  readonly toleranceHa?: number;
  readonly source?: string;
}

export type StructureObjective =
  | { readonly kind: "carbon" }
  | { readonly kind: "value" }
  | { readonly kind: "weighted"; readonly carbon: number; readonly value: number }
  | { readonly kind: "fuzzy" };

/** One floor of the land the coal output needs: Σ area of `keys` ≥ rhsHa (seed 003 / seed 001). */
export interface CoalLandFloor {
  readonly name: string;
  readonly keys: readonly string[];
  /** Land per 10⁴ t of coal, ha, and the factor it comes from. */
  readonly haPer10kt: number;
  readonly factorId: string;
  readonly rhsHa: number;
}

/**
 * The coal output the structure must keep: the land it needs is a floor the model always has
 * (output/10⁴ t × years open × ha per 10⁴ t), and the energy used on that land is the output's.
 */
export interface CoalLand {
  readonly coalOutputTPerYr: number;
  /** Years a hectare stays excavated or dumped before it is reclaimed. */
  readonly years: number;
  readonly floors: readonly CoalLandFloor[];
  /** Class keys of the land the output needs (excavation, dump and operations). */
  readonly keys: readonly string[];
}

/**
 * IPCC 2006 Vol. 4 Ch. 2 Eq. 2.25 (Tier 1): soil organic carbon moves from the stock of the old use
 * to that of the new over `transitionYears` (D, 20 yr by default) after a conversion; every class
 * has socTCPerHa.
 */
export interface SoilChange {
  readonly transitionYears: number;
  readonly source: string;
}

/** A land-use structure optimization (seed 000 §4, seed 003): areas by class under constraints. */
export interface StructureProblem {
  readonly name: string;
  readonly totalAreaHa: number;
  readonly classes: readonly StructureClass[];
  readonly constraints: readonly StructureConstraint[];
  readonly objective: StructureObjective;
  readonly coalLand?: CoalLand;
  readonly soil?: SoilChange;
  /** Statements about the problem for the output (e.g. unverified factors, energy-use coefficients). */
  readonly notes?: readonly string[];
}

export const TOTAL_AREA_ROW = "total area";

/** Names of the rows that stand for class bounds, when bounds are written as rows (to explain conflicts). */
export const boundRowName = (c: StructureClass, side: "min" | "max") =>
  `${side === "min" ? "lower" : "upper"} bound of ${c.key} (${side === "min" ? c.minHa : c.maxHa} ha)`;

/** The class areas as LP variables, ha. */
export function areaVariables(p: StructureProblem, boundsAsRows = false): LpVariable[] {
  return p.classes.map((c) => ({
    name: c.key,
    lower: boundsAsRows ? 0 : c.minHa,
    upper: boundsAsRows ? Infinity : c.maxHa,
  }));
}

/** t C/yr per ha of the soil change term: SOC / D (the constant −Σ SOC × current / D is apart). */
const soilPerHa = (p: StructureProblem, c: StructureClass) =>
  p.soil ? (c.socTCPerHa ?? 0) / p.soil.transitionYears : 0;

/**
 * The objective terms of one criterion: net sink (t C/yr) or value (yuan/yr). The net sink of a
 * class is its area coefficient plus, with `soil`, SOC/D: Σ SOC_j (x_j − current_j) / D is the
 * yearly soil change over the D years after the conversions (Eq. 2.25; losses and gains alike, and
 * path-independent, so it needs only the areas, not who converts to whom).
 */
export function criterionTerms(p: StructureProblem, criterion: "carbon" | "value"): LpTerm[] {
  return p.classes.map((c) => ({
    variable: c.key,
    coefficient: criterion === "carbon" ? c.netSinkTCPerHaYr + soilPerHa(p, c) : (c.valueYuanPerHaYr ?? 0),
  }));
}

/**
 * The part of a criterion that does not move with the areas: for the net sink, minus the held
 * energy use (Σ current × held) and minus Σ SOC × current / D; none for value.
 */
export function criterionConstant(p: StructureProblem, criterion: "carbon" | "value"): number {
  if (criterion === "value") return 0;
  return p.classes.reduce((s, c) => s - c.currentHa * ((c.heldEnergyTCPerHaYr ?? 0) + soilPerHa(p, c)), 0);
}

/** The net sink split into what moves with the areas, the held energy use and the soil change, t C/yr. */
export function carbonParts(
  p: StructureProblem,
  areaOf: (key: string) => number,
): { landCoefficients: number; energyHeld: number; soilChange: number } {
  let land = 0;
  let energy = 0;
  let soil = 0;
  for (const c of p.classes) {
    const x = areaOf(c.key);
    land += c.netSinkTCPerHaYr * x;
    energy -= (c.heldEnergyTCPerHaYr ?? 0) * c.currentHa;
    soil += soilPerHa(p, c) * (x - c.currentHa);
  }
  return { landCoefficients: land, energyHeld: energy, soilChange: soil };
}

/**
 * The crisp constraint rows: total area, the problem's constraints, the floors of the land the coal
 * output needs (always, when there is a coal output) and (optionally) the class bounds.
 */
export function structureRows(p: StructureProblem, boundsAsRows = false): LpRow[] {
  const rows: LpRow[] = [
    row(
      TOTAL_AREA_ROW,
      p.classes.map((c) => ({ variable: c.key, coefficient: 1 })),
      "=",
      p.totalAreaHa,
    ),
    ...p.constraints.map((c) =>
      row(
        c.name,
        c.terms.map((t) => ({ variable: t.key, coefficient: t.coefficient })),
        c.sense,
        c.rhsHa,
      ),
    ),
    ...(p.coalLand?.floors ?? []).map((f) =>
      row(
        f.name,
        f.keys.map((k) => ({ variable: k, coefficient: 1 })),
        ">=",
        f.rhsHa,
      ),
    ),
  ];
  if (boundsAsRows)
    for (const c of p.classes) {
      if (c.minHa > 0)
        rows.push(row(boundRowName(c, "min"), [{ variable: c.key, coefficient: 1 }], ">=", c.minHa));
      if (Number.isFinite(c.maxHa))
        rows.push(row(boundRowName(c, "max"), [{ variable: c.key, coefficient: 1 }], "<=", c.maxHa));
    }
  return rows;
}

/** Maximise one criterion over the crisp problem. */
export function singleCriterionModel(p: StructureProblem, criterion: "carbon" | "value"): LpModel {
  return {
    sense: "maximize",
    objective: criterionTerms(p, criterion),
    variables: areaVariables(p),
    rows: structureRows(p),
  };
}
