import { z } from "zod";
import { GAS_VOLUME_BASES } from "../../units/gas-volume.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { unitConversion } from "../factor/factor-units.ts";
import {
  boundRule,
  COUNT_BOUNDS,
  DRAW_BOUNDS,
  QUANTITY_BOUNDS,
  TEXT_BOUNDS,
} from "../common/input-bounds.ts";
import { field, fieldMeta } from "../common/field-meta.ts";
import { uncertaintySpec } from "../factor/uncertainty/uncertainty-spec.ts";
import {
  amountUpTo,
  boundedList,
  calendarYear,
  positiveUpTo,
  seedNumber,
} from "../validation/bounded-number.ts";
import { describeValue, InputError, type InputIssue } from "../validation/input-issue.ts";
import { userText } from "../validation/user-text.ts";
import { zodIssuesToInputIssues } from "../validation/zod-issues.ts";
import {
  COMBUSTION_USES,
  defaultCombustionUse,
  nonCO2Factors,
  type CombustionSector,
} from "./combustion-non-co2.ts";
import { COMBUSTION_METHODS, ENERGY_CARRIERS } from "./energy-carriers.ts";
import { energyAmountBound } from "./energy-tce-bound.ts";
import { DEFAULT_GAS_DENSITY, GAS_VOLUME_BASIS_SET } from "./gas-mass.ts";
import { ECOSYSTEMS, SINK_READINGS } from "./ecosystems.ts";
import { GWP_SET_IDS } from "./gwp-sets.ts";
import { TREE_SPECIES } from "./tree-species.ts";

const { areaHa, massT, volumeM3, energyAmount, energyTce, standVolumeM3PerHa, spanYears } = QUANTITY_BOUNDS;
const mass = amountUpTo(massT);
const name = () => userText().min(1);
const note = () => userText(TEXT_BOUNDS.text);
const list = <T extends z.ZodType>(item: T) => boundedList(item);
// A stock read as a yearly sink is divided by these years: less than one year is not a yearly sink.
const yearsOfGrowth = () =>
  z
    .number()
    .min(1, { error: "must be ≥ 1 year (the stock is divided by it to give a yearly sink)" })
    .max(spanYears.max, { error: boundRule(spanYears) });

/**
 * The rule on an inventory's Monte Carlo draws (the file's uncertainty.draws and --draws): each draw
 * recomputes every year's terms, and draws × years is bounded like a budget's draws (DRAW_BOUNDS).
 */
export const INVENTORY_DRAWS_RULE = `must be ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")} draws, and draws × years ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")} (see docs/input-bounds.md)`;

const factorRef = (label: readonly [string, string], description?: readonly [string, string]) =>
  field(name(), "", label, description);
const uncertaintyOf = (en: string, zh: string) =>
  uncertaintySpec.optional().meta(fieldMeta({ unit: "", label: [en, zh] }));
const noteField = (label: readonly [string, string] = ["note", "备注"]) =>
  field(note(), "", label).optional();

const energyUse = z
  .strictObject({
    carrier: field(
      name(),
      "",
      ["energy carrier", "能源品种"],
      [
        "an energy carrier of the registry, e.g. raw-coal, diesel, electricity",
        "能源品种（登记表中的标识），如 raw-coal（原煤）、diesel（柴油）、electricity（电力）",
      ],
    ),
    amount: field(
      amountUpTo(energyAmount),
      "carrier unit",
      ["amount consumed", "消费量"],
      [
        "the year's consumption in `unit`; also bounded in standard coal (≤ 1e11 tce)",
        "当年消费量，以 unit 字段的单位计；折标准煤后亦不得超过 1e11 tce",
      ],
    ),
    unit: field(
      name(),
      "",
      ["unit of the amount", "计量单位"],
      [
        "a unit the carrier is measured in, e.g. t, 10^4 kWh, 10^4 m3",
        "该能源品种的计量单位，如 t、10^4 kWh、10^4 m3",
      ],
    ),
    tceFactor: factorRef(["standard-coal coefficient", "折标准煤系数"]).optional(),
    emissionFactor: factorRef(
      ["emission factor (electricity, heat)", "排放因子（电力、热力）"],
      [
        "grid or heat emission factor, for electricity and heat only",
        "电网或热力排放因子，仅用于外购电力和热力",
      ],
    ).optional(),
    carbonPerTceFactor: factorRef(["carbon per tce", "单位标准煤含碳量"]).optional(),
    ncvFactor: factorRef(["net calorific value", "平均低位发热量"]).optional(),
    ccFactor: factorRef(["carbon content per GJ", "单位热值含碳量"]).optional(),
    oxidationFactor: factorRef(["oxidation rate", "碳氧化率"]).optional(),
    combustion: field(
      z.enum(COMBUSTION_USES),
      "",
      ["combustion", "燃烧方式"],
      [
        "how a fuel is burned: stationary, off-road (machinery) or road; picks its CH4 and N2O factors",
        "燃料的燃烧方式：固定源、非道路移动机械或道路车辆；决定其 CH4 和 N2O 排放因子",
      ],
    ).optional(),
    ch4Factor: factorRef(["CH4 emission factor", "CH4 排放因子"]).optional(),
    n2oFactor: factorRef(["N2O emission factor", "N2O 排放因子"]).optional(),
    uncertainty: uncertaintyOf("uncertainty of the amount", "消费量不确定性"),
    note: noteField(),
  })
  .meta(fieldMeta({ unit: "", label: ["energy use", "能源消费"], ref: "energy-use" }));

const transportUse = energyUse.extend({
  lowCarbonShare: field(z.number().min(0).max(1), "fraction", ["low-carbon share", "低碳能源占比"]),
});

const gasBasis = () =>
  field(
    z.enum(GAS_VOLUME_BASES),
    "",
    ["volume conditions", "体积基准状态"],
    [
      "ipcc-20C (20 °C, 101.325 kPa) or cn-stp-0C (0 °C, 101.325 kPa)",
      "ipcc-20C（20 °C，101.325 kPa）或 cn-stp-0C（0 °C，101.325 kPa）",
    ],
  );
const gasDensity = () => factorRef(["gas density factor", "气体密度因子"]).optional();
const gasAmount = z
  .union(
    [
      z.strictObject({
        massT: field(mass, "t", ["mass of gas", "气体质量"]),
        // A mass the source weighed from a measured volume at these conditions with this density.
        weighedAt: z
          .strictObject({ basis: gasBasis(), densityFactor: gasDensity() })
          .optional()
          .meta(
            fieldMeta({
              unit: "",
              label: ["weighed from a volume at", "由体积折算的条件"],
              description: [
                "the conditions and density the source weighed the mass with",
                "来源由实测体积折算质量时所用的基准状态和密度",
              ],
            }),
          ),
        label: noteField(["label", "说明"]),
        uncertainty: uncertaintyOf("uncertainty of the amount", "数量不确定性"),
      }),
      z.strictObject({
        volumeM3: field(amountUpTo(volumeM3), "m3", ["volume of gas", "气体体积"]),
        basis: gasBasis(),
        densityFactor: gasDensity(),
        label: noteField(["label", "说明"]),
        uncertainty: uncertaintyOf("uncertainty of the amount", "数量不确定性"),
      }),
    ],
    { error: `must be either { massT } or { volumeM3, basis: ${GAS_VOLUME_BASES.join(" | ")} }` },
  )
  .meta(fieldMeta({ unit: "", label: ["gas amount", "气体量"], ref: "gas-amount" }));

const coalFactorRef = (label: readonly [string, string]) =>
  z
    .strictObject({
      factor: factorRef(
        ["emission factor", "排放因子"],
        ["a factor in m³ CH4/t or kg CH4/t of coal", "以 m³ CH4/t 或 kg CH4/t 原煤计的排放因子"],
      ),
      bound: field(z.enum(["low", "central", "high"]), "", [
        "value of the range",
        "取值（低/中/高）",
      ]).default("central"),
      coalOutputT: field(
        mass,
        "t",
        ["coal output", "原煤产量"],
        [
          "the output the factor applies to; the year's coalOutputT when omitted",
          "该因子所乘的原煤产量；缺省时取当年 coalOutputT",
        ],
      ).optional(),
      coalOutputUncertainty: uncertaintyOf("uncertainty of the coal output", "原煤产量不确定性"),
      // A factor in m³/t is weighed with a density at its own basis (the default density of that basis).
      densityFactor: factorRef(["CH4 density factor", "甲烷密度因子"]).optional(),
    })
    .optional()
    .meta(fieldMeta({ unit: "", label }));

const destroyed = (label: readonly [string, string], description: readonly [string, string]) =>
  z
    .strictObject({
      amounts: field(list(gasAmount).min(1), "", ["amounts", "数量"]),
      efficiencyFactor: factorRef(["destruction efficiency factor", "销毁效率因子"]).optional(),
    })
    .optional()
    .meta(fieldMeta({ unit: "", label, description }));

const yearSchema = z.strictObject({
  year: field(calendarYear(), "year", ["year", "核算年份"]),
  boundaryAreaHa: field(positiveUpTo(areaHa), "ha", ["boundary area", "核算边界面积"]),
  // Industrial and mining land within the boundary: what reclamation can take from.
  miningLandHa: field(
    amountUpTo(areaHa),
    "ha",
    ["industrial and mining land", "工矿用地面积"],
    [
      "industrial and mining land within the boundary: what reclamation can take from",
      "核算边界内的工矿用地：复垦可取用的土地",
    ],
  ).optional(),
  coalOutputT: field(mass, "t", ["raw coal output", "原煤产量"]),
  coalOutputUncertainty: uncertaintyOf("uncertainty of the coal output", "原煤产量不确定性"),
  energy: field(list(energyUse), "", ["energy used in production", "生产能源消费"]).default([]),
  residential: field(list(energyUse), "", ["residential energy use", "生活能源消费"]).default([]),
  transport: field(list(transportUse), "", ["transport energy use", "交通运输能源消费"]).default([]),
  agricultural: z
    .strictObject({
      energy: field(list(energyUse), "", ["agricultural energy use", "农业能源消费"]).default([]),
      inputs: field(
        list(
          z.strictObject({
            item: field(name(), "", ["input", "投入品名称"]),
            amountT: field(mass, "t", ["amount used", "用量"]),
            factor: factorRef(
              ["emission factor", "排放因子"],
              ["a factor in t CO2/t", "以 t CO2/t 计的排放因子"],
            ),
            uncertainty: uncertaintyOf("uncertainty of the amount", "用量不确定性"),
            note: noteField(),
          }),
        ),
        "",
        ["agricultural inputs (fertiliser, pesticide, film)", "农业投入品（化肥、农药、农膜）"],
      ).default([]),
    })
    .default({ energy: [], inputs: [] })
    .meta(fieldMeta({ unit: "", label: ["agriculture", "农业活动"] })),
  methane: z
    .strictObject({
      underground: field(
        list(gasAmount),
        "",
        ["underground methane liberated", "井工开采甲烷逃逸量（风排＋抽采）"],
        [
          "CH4 liberated underground (ventilation air and drainage) in the year",
          "当年井下涌出的甲烷（风排和抽采）",
        ],
      ).default([]),
      postMining: coalFactorRef(["post-mining methane", "矿后活动甲烷逃逸"]),
      openPit: coalFactorRef(["open-pit mining methane", "露天开采甲烷逃逸"]),
      openPitPostMining: coalFactorRef(["open-pit post-mining methane", "露天矿后活动甲烷逃逸"]),
      utilised: field(list(gasAmount), "", ["methane drained and used", "甲烷抽采利用量"]).default([]),
      flared: destroyed(
        ["methane flared", "火炬燃烧甲烷量"],
        ["drained methane burned in a flare", "抽采甲烷经火炬燃烧销毁"],
      ),
      // Ventilation-air methane oxidised where it leaves the mine: destroyed like flared methane, but
      // its CO2 leaves in the ventilation air, far too dilute for carbon capture.
      vamOxidised: destroyed(
        ["ventilation-air methane oxidised", "乏风瓦斯氧化量"],
        [
          "ventilation-air methane oxidised (thermal or catalytic oxidisers): destroyed as far as the oxidiser's efficiency goes; its CO2 cannot be captured",
          "经热氧化或催化氧化装置氧化的乏风瓦斯：按氧化效率销毁；其 CO2 无法捕集",
        ],
      ),
    })
    .default({ underground: [], utilised: [] })
    .meta(fieldMeta({ unit: "", label: ["methane", "甲烷逃逸与回收"] })),
  co2Fugitive: field(list(gasAmount), "", ["fugitive CO2", "CO2 逃逸排放量"]).default([]),
  explosives: field(
    list(
      z.strictObject({
        type: field(name(), "", ["explosive", "炸药种类"]),
        amountT: field(mass, "t", ["amount used", "用量"]),
        factor: factorRef(
          ["emission factor", "排放因子"],
          ["a factor in t CO2/t", "以 t CO2/t 计的排放因子"],
        ),
        uncertainty: uncertaintyOf("uncertainty of the amount", "用量不确定性"),
      }),
    ),
    "",
    ["explosives", "炸药使用"],
  ).default([]),
  sinks: z
    .strictObject({
      forest: field(
        list(
          z.strictObject({
            label: field(name(), "", ["name", "名称"]),
            species: field(name(), "", ["tree species", "树种"]),
            areaHa: field(amountUpTo(areaHa), "ha", ["area", "面积"]),
            volumeM3PerHa: field(
              amountUpTo(standVolumeM3PerHa),
              "m3/ha",
              ["stand volume", "单位面积蓄积量"],
              ["the species' volume from its source when omitted", "缺省时取该树种来源中的蓄积量"],
            ).optional(),
            standAgeYears: field(yearsOfGrowth(), "yr", ["stand age", "林龄"]).optional(),
            withSoil: field(z.boolean(), "", ["with soil carbon", "计入土壤碳"]).default(true),
            assumption: noteField(["assumption", "假设"]),
            uncertainty: uncertaintyOf("uncertainty of the stand's area", "林分面积不确定性"),
            volumeUncertainty: uncertaintyOf("uncertainty of volumeM3PerHa", "蓄积量不确定性"),
          }),
        ),
        "",
        ["forest stands", "林木碳汇"],
      ).default([]),
      ecosystems: field(
        list(
          z.strictObject({
            label: field(name(), "", ["name", "名称"]).optional(),
            type: field(name(), "", ["ecosystem type", "生态系统类型"]),
            areaHa: field(amountUpTo(areaHa), "ha", ["area", "面积"]),
            densityFactor: factorRef(
              ["carbon density factor", "碳密度因子"],
              [
                "a factor in t C/ha; the type's own when omitted",
                "以 t C/ha 计的因子；缺省时取该类型的碳密度",
              ],
            ).optional(),
            accumulationYears: field(yearsOfGrowth(), "yr", [
              "years of accumulation",
              "碳积累年数",
            ]).optional(),
            assumption: noteField(["assumption", "假设"]),
            uncertainty: uncertaintyOf("uncertainty of the area", "面积不确定性"),
          }),
        ),
        "",
        ["ecosystems", "生态系统碳汇"],
      ).default([]),
    })
    .default({ forest: [], ecosystems: [] })
    .meta(fieldMeta({ unit: "", label: ["carbon sinks", "碳汇"] })),
  ccsStoredTCO2: field(mass, "t CO2", ["CO2 captured and stored", "碳捕集与封存量"]).default(0),
  ccsUncertainty: uncertaintyOf("uncertainty of the CO2 stored", "封存量不确定性"),
  offsets: z
    .strictObject({
      soldTCO2e: field(mass, "t CO2e", ["offsets sold", "售出碳信用量"]).default(0),
      boughtTCO2e: field(mass, "t CO2e", ["offsets bought", "购入碳信用量"]).default(0),
    })
    .default({ soldTCO2e: 0, boughtTCO2e: 0 })
    .meta(fieldMeta({ unit: "", label: ["carbon offsets", "碳抵消"] })),
});

/** The spec of an inventory file (`kind: mine-inventory`), with its field metadata. */
export const inventorySchema = z
  .strictObject({
    kind: field(z.literal("mine-inventory"), "", ["document kind", "文件类型"]),
    mine: field(name(), "", ["mine", "煤矿名称"]),
    location: noteField(["location", "位置"]),
    description: noteField(["description", "说明"]),
    assumptions: field(list(note()), "", ["assumptions", "假设"]).default([]),
    gwp: field(
      z.enum(GWP_SET_IDS as [string, ...string[]]),
      "",
      ["GWP-100 set", "全球增温潜势（GWP-100）取值"],
      [
        "the IPCC report whose 100-year GWPs weigh CH4 and N2O (seed 002 uses SAR: CH4 = 21)",
        "CH4、N2O 折算所用的 IPCC 评估报告 100 年 GWP（种子文献 002 用 SAR：CH4 = 21）",
      ],
    ),
    sinkReading: field(
      z.enum(SINK_READINGS),
      "",
      ["sink reading", "碳汇计算方式"],
      ["how carbon densities become yearly sinks", "碳密度如何折算为年碳汇量"],
    ),
    combustionMethod: field(
      z.enum(COMBUSTION_METHODS),
      "",
      ["combustion method", "燃料燃烧排放计算方法"],
      [
        "carbon-per-tce (standard coal × carbon per tce) or ndrc-2015 (NCV × carbon content × oxidation, NDRC 2015 guideline)",
        "carbon-per-tce（标准煤量 × 单位标准煤含碳量）或 ndrc-2015（低位发热量 × 单位热值含碳量 × 碳氧化率，国家发改委 2015 年核算指南）",
      ],
    ),
    years: field(boundedList(yearSchema, COUNT_BOUNDS.inventoryYears).min(1), "", ["years", "核算年度"]),
    uncertainty: z
      .strictObject({
        draws: field(
          z.number().int().min(1).max(DRAW_BOUNDS.budget, { error: INVENTORY_DRAWS_RULE }),
          "draws",
          ["Monte Carlo draws per year (IPCC Approach 2)", "每年蒙特卡洛模拟次数（IPCC 方法 2）"],
        ).optional(),
        seed: field(seedNumber(), "", ["Monte Carlo seed", "蒙特卡洛随机数种子"]).optional(),
      })
      .optional()
      .meta(
        fieldMeta({
          unit: "",
          label: ["uncertainty analysis", "不确定性分析"],
          description: [
            "Monte Carlo (IPCC Approach 2) settings: draws per year and seed",
            "蒙特卡洛（IPCC 方法 2）设置：每年模拟次数和随机数种子",
          ],
        }),
      ),
  })
  .meta(
    fieldMeta({
      unit: "",
      label: ["Mine inventory", "煤矿碳排放清单"],
      description: [
        "one mine's yearly sources, sinks and neutrality balance (seed 002 Eq. 1–12)",
        "一座煤矿逐年的排放源、碳汇与碳中和平衡（种子文献 002 式 1–12）",
      ],
    }),
  );

/** A bound shown to three significant figures, rounded down so that the value shown is allowed. */
function roundedDown(n: number): string {
  if (!(n > 0) || !Number.isFinite(n)) return String(n);
  const step = 10 ** (Math.floor(Math.log10(n)) - 2);
  const v = Math.floor(n / step) * step;
  return v >= 1e6
    ? v.toPrecision(3).replace("e+", "e")
    : v.toLocaleString("en-US", { maximumSignificantDigits: 3 });
}

/** The units each factor field of an energy use accepts (any unit of the same dimension). */
const FACTOR_FIELD_UNITS: readonly (readonly [
  keyof EnergyUseInput & `${string}Factor`,
  readonly string[],
])[] = [
  ["tceFactor", ["tce/t", "kgce/m3", "kgce/kWh", "tce/GJ"]],
  ["emissionFactor", ["kg CO2/kWh", "t CO2/GJ"]],
  ["carbonPerTceFactor", ["t C/tce"]],
  ["ncvFactor", ["GJ/t", "GJ/10^4 Nm3"]],
  ["ccFactor", ["t C/GJ"]],
  ["oxidationFactor", ["fraction"]],
  ["ch4Factor", ["kg CH4/TJ"]],
  ["n2oFactor", ["kg N2O/TJ"]],
];

/** A checked inventory file: one mine, one or more years. */
export type InventoryInput = z.output<typeof inventorySchema>;
export type InventoryYearInput = z.output<typeof yearSchema>;
export type EnergyUseInput = z.output<typeof energyUse>;
export type TransportUseInput = z.output<typeof transportUse>;
export type GasAmountInput = z.output<typeof gasAmount>;
export type CoalFactorRefInput = NonNullable<z.output<ReturnType<typeof coalFactorRef>>>;

/**
 * Checks a parsed inventory file against its spec and against the registries and the factor table,
 * collecting every problem (paths like "years[0].energy[1].unit") before anything is computed.
 */
export function parseInventoryInput(raw: unknown, source: string, table: FactorTable): InventoryInput {
  const parsed = inventorySchema.safeParse(raw);
  if (!parsed.success) throw new InputError(source, zodIssuesToInputIssues(parsed.error, raw));
  const doc = parsed.data;
  const issues: InputIssue[] = [];
  // A factor must exist and be of the kind the field needs (a unit convertible to one of `units`).
  const checkFactor = (path: string, id: string | undefined, units: readonly string[]) => {
    if (id === undefined) return;
    if (!table.has(id)) {
      issues.push({
        path,
        message: `must be a factor id of the library or of a --factors file; got ${describeValue(id)} (see \`minecarbon factors list\`)`,
      });
      return;
    }
    const unit = table.peek(id)!.unit;
    if (!units.some((u) => unitConversion(unit, u) !== undefined)) {
      issues.push({
        path,
        message: `must be a factor in ${units.join(" or ")}; got ${id}, which is in "${unit}"`,
      });
    }
  };
  const seenYears = new Set<number>();
  doc.years.forEach((y, yi) => {
    const at = `years[${yi}]`;
    if (seenYears.has(y.year))
      issues.push({ path: `${at}.year`, message: `must not repeat a year; got ${y.year}` });
    seenYears.add(y.year);
    const checkEnergy = (path: string, uses: readonly EnergyUseInput[], sector: CombustionSector) =>
      uses.forEach((u, i) => {
        const p = `${path}[${i}]`;
        // Own keys only: "constructor" or "toString" is not a carrier (nor a unit, species or type).
        const carrier = Object.hasOwn(ENERGY_CARRIERS, u.carrier) ? ENERGY_CARRIERS[u.carrier] : undefined;
        if (!carrier) {
          issues.push({
            path: `${p}.carrier`,
            message: `must be one of ${Object.keys(ENERGY_CARRIERS).join(", ")}; got ${describeValue(u.carrier)}`,
          });
          return;
        }
        if (!Object.hasOwn(carrier.units, u.unit)) {
          issues.push({
            path: `${p}.unit`,
            message: `must be a unit of ${u.carrier} (${Object.keys(carrier.units).join(", ")}); got ${describeValue(u.unit)}`,
          });
        }
        // The amount in standard coal, whatever its unit (1e15 in the unit alone let 1e15 t of coal by).
        const bound = energyAmountBound(u, table);
        if (bound && u.amount > bound.max)
          issues.push({
            path: `${p}.amount`,
            message: `must be ≤ ${roundedDown(bound.max)} ${u.unit} (${energyTce.max.toExponential().replace("e+", "e")} ${energyTce.unit}: ${energyTce.why}); got ${describeValue(u.amount)} ${u.unit}, ${roundedDown(u.amount * bound.tcePerUnit)} tce: check the amount and its unit`,
          });
        if (carrier.kind !== "fuel" && !u.emissionFactor) {
          issues.push({
            path: `${p}.emissionFactor`,
            message: `must be given for ${u.carrier}: name the grid or heat factor that applies (e.g. cn.grid.nbs.2022.prov.shanxi or cn.grid.market.2022); got nothing`,
          });
        }
        if (carrier.kind === "fuel" && u.emissionFactor) {
          issues.push({
            path: `${p}.emissionFactor`,
            message: `is only for electricity and heat; for a fuel use carbonPerTceFactor or ncvFactor/ccFactor/oxidationFactor; got ${describeValue(u.emissionFactor)}`,
          });
        }
        if (
          carrier.kind === "fuel" &&
          doc.combustionMethod === "carbon-per-tce" &&
          !carrier.carbonPerTce &&
          !u.carbonPerTceFactor
        ) {
          issues.push({
            path: `${p}.carbonPerTceFactor`,
            message: `must be given: no carbon-per-tce coefficient is shipped for ${u.carrier}; add one with --factors or use combustionMethod ndrc-2015`,
          });
        }
        if (
          carrier.kind === "fuel" &&
          doc.combustionMethod === "ndrc-2015" &&
          !carrier.ndrc &&
          !(u.ncvFactor && u.ccFactor && u.oxidationFactor)
        ) {
          issues.push({
            path: `${p}.ncvFactor`,
            message: `ncvFactor, ccFactor and oxidationFactor must be given: the NDRC 2015 parameters of ${u.carrier} are not shipped (measured values belong in a --factors file)`,
          });
        }
        if (carrier.kind !== "fuel") {
          for (const key of ["combustion", "ch4Factor", "n2oFactor"] as const)
            if (u[key] !== undefined)
              issues.push({
                path: `${p}.${key}`,
                message: `is only for fuels burned on site; ${u.carrier} is emitted where it is generated; got ${describeValue(u[key])}`,
              });
        } else if (!(u.ch4Factor && u.n2oFactor)) {
          const use = u.combustion ?? defaultCombustionUse(u.carrier, sector);
          if (!nonCO2Factors(u.carrier, use, sector))
            issues.push({
              path: `${p}.${u.combustion ? "combustion" : "ch4Factor"}`,
              message: `no CH4 and N2O factors are shipped for ${u.carrier} burned ${use === "stationary" ? "in stationary sources" : use === "off-road" ? "by off-road machinery" : "in road vehicles"} here; give ch4Factor and n2oFactor (kg CH4/TJ, kg N2O/TJ) or another combustion (${COMBUSTION_USES.join(", ")})`,
            });
        }
        for (const [key, units] of FACTOR_FIELD_UNITS) checkFactor(`${p}.${key}`, u[key], units);
      });
    checkEnergy(`${at}.energy`, y.energy, "mining");
    checkEnergy(`${at}.residential`, y.residential, "residential");
    checkEnergy(`${at}.transport`, y.transport, "transport");
    checkEnergy(`${at}.agricultural.energy`, y.agricultural.energy, "agricultural");
    y.agricultural.inputs.forEach((inp, i) =>
      checkFactor(`${at}.agricultural.inputs[${i}].factor`, inp.factor, ["t CO2/t"]),
    );
    // A density must be at the conditions of the volume it weighs (never a silent mix).
    const checkDensity = (p: string, given: string | undefined, gas: "CH4" | "CO2", basis: string) => {
      const id = given ?? DEFAULT_GAS_DENSITY[gas][basis];
      if (!id) {
        issues.push({
          path: p,
          message: `must be given: no ${gas} density at ${basis} is shipped; got nothing`,
        });
        return;
      }
      checkFactor(p, id, ["kg/m3"]);
      const at = table.peek(id)?.basis;
      if (at !== undefined && at !== basis) {
        issues.push({
          path: p,
          message: `must be a density at ${basis}, the volume's conditions; got ${id}, which is at ${at}`,
        });
      }
    };
    const checkGas = (path: string, amounts: readonly GasAmountInput[], gas: "CH4" | "CO2") =>
      amounts.forEach((a, i) => {
        if ("volumeM3" in a) checkDensity(`${path}[${i}].densityFactor`, a.densityFactor, gas, a.basis);
        else if (a.weighedAt)
          checkDensity(
            `${path}[${i}].weighedAt.densityFactor`,
            a.weighedAt.densityFactor,
            gas,
            a.weighedAt.basis,
          );
      });
    checkGas(`${at}.methane.underground`, y.methane.underground, "CH4");
    checkGas(`${at}.methane.utilised`, y.methane.utilised, "CH4");
    if (y.methane.flared) {
      checkGas(`${at}.methane.flared.amounts`, y.methane.flared.amounts, "CH4");
      checkFactor(`${at}.methane.flared.efficiencyFactor`, y.methane.flared.efficiencyFactor, ["fraction"]);
    }
    if (y.methane.vamOxidised) {
      checkGas(`${at}.methane.vamOxidised.amounts`, y.methane.vamOxidised.amounts, "CH4");
      checkFactor(`${at}.methane.vamOxidised.efficiencyFactor`, y.methane.vamOxidised.efficiencyFactor, [
        "fraction",
      ]);
    }
    checkGas(`${at}.co2Fugitive`, y.co2Fugitive, "CO2");
    for (const key of ["postMining", "openPit", "openPitPostMining"] as const) {
      const ref = y.methane[key];
      if (!ref) continue;
      const p = `${at}.methane.${key}`;
      checkFactor(`${p}.factor`, ref.factor, ["m3 CH4/t", "kg CH4/t"]);
      const f = table.peek(ref.factor);
      if (f && unitConversion(f.unit, "m3 CH4/t") !== undefined) {
        // A factor in m³/t is a gas volume: weighed at its own conditions, never at an assumed 20 °C.
        if (!GAS_VOLUME_BASIS_SET.has(f.basis))
          issues.push({
            path: `${p}.factor`,
            message: `must state the conditions of its gas volume (basis ${GAS_VOLUME_BASES.join(" or ")}) to be weighed; got ${ref.factor}, whose basis is "${f.basis}"`,
          });
        else checkDensity(`${p}.densityFactor`, ref.densityFactor, "CH4", f.basis);
      } else if (ref.densityFactor !== undefined)
        issues.push({
          path: `${p}.densityFactor`,
          message: `is only for factors in m³ CH4/t; ${ref.factor} is a mass per tonne; got ${describeValue(ref.densityFactor)}`,
        });
    }
    y.explosives.forEach((e, i) => checkFactor(`${at}.explosives[${i}].factor`, e.factor, ["t CO2/t"]));
    y.sinks.forest.forEach((f, i) => {
      const p = `${at}.sinks.forest[${i}]`;
      const species = Object.hasOwn(TREE_SPECIES, f.species) ? TREE_SPECIES[f.species] : undefined;
      if (!species) {
        issues.push({
          path: `${p}.species`,
          message: `must be one of ${Object.keys(TREE_SPECIES).join(", ")}; got ${describeValue(f.species)}`,
        });
      } else if (f.volumeM3PerHa === undefined && !species.volume) {
        issues.push({
          path: `${p}.volumeM3PerHa`,
          message: `must be given: ${species.source} gives no stand volume for ${f.species}; got nothing`,
        });
      }
      if (doc.sinkReading !== "seed002-density-as-annual" && f.standAgeYears === undefined) {
        issues.push({
          path: `${p}.standAgeYears`,
          message: `must be given when sinkReading is ${doc.sinkReading} (the stock is divided by the stand age); got nothing`,
        });
      }
    });
    y.sinks.ecosystems.forEach((e, i) => {
      const p = `${at}.sinks.ecosystems[${i}]`;
      const eco = Object.hasOwn(ECOSYSTEMS, e.type) ? ECOSYSTEMS[e.type] : undefined;
      if (!eco) {
        issues.push({
          path: `${p}.type`,
          message: `must be one of ${Object.keys(ECOSYSTEMS).join(", ")}; got ${describeValue(e.type)}`,
        });
      }
      checkFactor(`${p}.densityFactor`, e.densityFactor, ["t C/ha"]);
      const needsYears =
        doc.sinkReading === "annual-increment" || (doc.sinkReading === "ipcc-tier1" && eco?.woody === true);
      if (needsYears && e.accumulationYears === undefined) {
        issues.push({
          path: `${p}.accumulationYears`,
          message: `must be given when sinkReading is ${doc.sinkReading}${doc.sinkReading === "ipcc-tier1" ? ` for a woody ecosystem (${e.type})` : ""} (the density is divided by it); got nothing`,
        });
      }
    });
  });
  const draws = doc.uncertainty?.draws;
  if (draws !== undefined && draws * doc.years.length > DRAW_BOUNDS.budget)
    issues.push({
      path: "uncertainty.draws",
      message: `must be ≤ ${Math.floor(DRAW_BOUNDS.budget / doc.years.length).toLocaleString("en-US")} for ${doc.years.length} years (draws × years ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")}); got ${draws}`,
    });
  if (issues.length) throw new InputError(source, issues);
  return doc;
}
