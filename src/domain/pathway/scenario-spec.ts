import { z } from "zod";
import { COUNT_BOUNDS, DRAW_BOUNDS, QUANTITY_BOUNDS, TEXT_BOUNDS } from "../common/input-bounds.ts";
import {
  amountUpTo,
  boundedList,
  calendarYear,
  positiveUpTo,
  seedNumber,
  signedUpTo,
  wholeYears,
} from "../validation/bounded-number.ts";
import { userText } from "../validation/user-text.ts";
import { field, fieldMeta } from "../common/field-meta.ts";

const { areaHa, massT, moneyCNY, priceCNYPerTCO2e, densityTCPerHa, growthPerYear } = QUANTITY_BOUNDS;
const name = () => userText().min(1);
const note = () => userText(TEXT_BOUNDS.text);
const share = z.number().min(0).max(1);
const year = calendarYear();
type Texts = readonly [en: string, zh: string];
const group = (label: Texts, description?: Texts) =>
  fieldMeta({ unit: "", label, ...(description ? { description } : {}) });
const costSchema = z
  .strictObject({
    capitalCNY: field(amountUpTo(moneyCNY), "CNY", ["capital cost", "投资成本"]).default(0),
    operatingCNYPerYr: field(amountUpTo(moneyCNY), "CNY/yr", ["operating cost", "年运行成本"]).default(0),
    lifetimeYears: field(wholeYears(1), "yr", ["lifetime", "使用寿命"]),
  })
  .meta(
    group(
      ["cost", "成本"],
      [
        "what the measure costs (CNY; capital again after each lifetime)",
        "措施的成本（元；每个寿命期满后再次投资）",
      ],
    ),
  );
const startYear = () =>
  field(year, "year", ["start year", "起始年份"], ["the year the measure starts", "措施开始实施的年份"]);
const ramp = () => ({
  start: startYear(),
  rampYears: field(
    wholeYears(0),
    "yr",
    ["ramp years", "逐步实施年数"],
    ["years over which the measure reaches its level, linearly", "措施线性达到目标水平所需的年数"],
  ).default(0),
  cost: costSchema.optional(),
});
const priceRef = (label: Texts) =>
  z.union([amountUpTo(priceCNYPerTCO2e), name()]).meta(
    fieldMeta({
      unit: "CNY/t CO2e",
      label,
      description: ["CNY/t CO2e, or a factor id", "元/吨CO2当量，或因子标识"],
    }),
  );
const growth = (label: Texts) => field(signedUpTo(growthPerYear), "fraction/yr", label);
const pricePath = (label: Texts) =>
  z
    .strictObject({
      start: priceRef(["price in the start year", "起始年价格"]),
      startYear: field(year, "year", ["start year", "起始年份"]),
      growth: z
        .strictObject({
          low: growth(["low growth", "低增长率"]),
          central: growth(["central growth", "中增长率"]),
          high: growth(["high growth", "高增长率"]),
        })
        .meta(group(["yearly growth rates", "年增长率"])),
      source: field(note(), "", ["source", "来源"]).optional(),
    })
    .meta(group(label));

/**
 * The rule on a pathway's Monte Carlo draws, for the file, the API and --draws: each draw evaluates
 * the compiled pathway once (see DRAW_BOUNDS; the whole pathway's work is bounded too, in pathway-work.ts).
 */
export const PATHWAY_DRAWS_RULE = `must be ≤ ${DRAW_BOUNDS.pathway.toLocaleString("en-US")} draws (each evaluates the compiled pathway once; see docs/input-bounds.md)`;

const kind = <K extends string>(k: K, label: Texts) => field(z.literal(k), "", label);

/** The measures a scenario can take, each with its start year and (where it makes sense) a ramp. */
export const measureSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: kind("clean-electricity", ["clean electricity", "清洁电力替代"]),
      ...ramp(),
      share: field(
        share,
        "fraction",
        ["share of clean electricity", "清洁电力占比"],
        ["share of electricity bought zero-emission", "外购电力中零排放电力的占比"],
      ),
    }),
    z.strictObject({
      kind: kind("energy-saving", ["energy saving", "节能改造"]),
      ...ramp(),
      rate: field(
        share,
        "fraction",
        ["energy saved", "节能率"],
        ["fraction of energy use saved", "节约的能源消费比例"],
      ),
    }),
    z.strictObject({
      kind: kind("methane-use", ["methane drainage and use", "瓦斯抽采利用"]),
      ...ramp(),
      share: field(
        share,
        "fraction",
        ["share drained and used", "抽采利用率"],
        ["fraction of liberated underground CH4 pre-drained and used", "井下涌出甲烷中预抽并利用的比例"],
      ),
    }),
    z.strictObject({
      kind: kind("vam-oxidation", ["ventilation-air methane oxidation", "乏风瓦斯氧化"]),
      ...ramp(),
      share: field(
        share,
        "fraction",
        ["share oxidised", "氧化比例"],
        ["fraction of the remaining underground CH4 oxidised", "剩余井下甲烷中被氧化的比例"],
      ),
    }),
    z.strictObject({
      kind: kind("reclamation", ["land reclamation", "土地复垦"]),
      start: startYear(),
      years: field(wholeYears(1), "yr", ["years of reclamation", "复垦年数"]),
      hectaresPerYear: field(
        positiveUpTo(areaHa),
        "ha/yr",
        ["hectares per year", "年复垦面积"],
        ["area reclaimed each year, ha/yr", "每年复垦的面积（公顷/年）"],
      ),
      from: field(
        name(),
        "",
        ["land reclaimed", "复垦前地类"],
        [
          "the land reclaimed: a class of the baseline land use, e.g. dump",
          "被复垦的土地：基准土地利用中的一个地类，如排土场",
        ],
      ).optional(),
      to: field(name(), "", ["target use", "复垦后用途"], ["target use, e.g. forest", "目标用途，如林地"]),
      species: field(
        name(),
        "",
        ["species planted", "栽植树种"],
        ["what is planted, for the record", "栽植的植物，仅作记录"],
      ).optional(),
      maxStockTCPerHa: field(
        positiveUpTo(densityTCPerHa),
        "t C/ha",
        ["saturating vegetation carbon", "植被饱和碳密度"],
        [
          "carbon the stand's vegetation saturates at along the growth curve, t C/ha (soil carbon: soilTCPerHa)",
          "林分植被沿生长曲线达到的饱和碳密度，吨碳/公顷（土壤碳见 soilTCPerHa）",
        ],
      ),
      source: field(
        note().min(1),
        "",
        ["source of the saturating stock", "饱和碳密度来源"],
        ["where maxStockTCPerHa comes from", "maxStockTCPerHa 的数据来源"],
      ),
      k: field(
        positiveUpTo(QUANTITY_BOUNDS.growthRatePerYear),
        "1/yr",
        ["growth rate k", "生长速率 k"],
        [
          "Chapman–Richards rate, 1/yr; the scenario's standGrowth.k when omitted",
          "Chapman–Richards 生长速率（1/年）；缺省时取情景的 standGrowth.k",
        ],
      ).optional(),
      c: field(
        z.number().min(1).max(QUANTITY_BOUNDS.growthShape.max),
        "",
        ["growth shape c", "形状参数 c"],
        [
          "Chapman–Richards shape; the scenario's standGrowth.c when omitted",
          "Chapman–Richards 形状参数；缺省时取情景的 standGrowth.c",
        ],
      ).optional(),
      growthSource: field(
        note().min(1),
        "",
        ["source of k and c", "k、c 来源"],
        ["where this measure's own k and c come from", "本措施 k、c 的数据来源"],
      ).optional(),
      soilTCPerHa: field(
        amountUpTo(densityTCPerHa),
        "t C/ha",
        ["soil carbon gained", "土壤有机碳增量"],
        [
          "soil organic carbon the reclaimed land gains, t C/ha, reached linearly over soilYears",
          "复垦土地增加的土壤有机碳（吨碳/公顷），在 soilYears 年内线性达到",
        ],
      ).optional(),
      soilYears: field(
        positiveUpTo(QUANTITY_BOUNDS.spanYears),
        "yr",
        ["years of soil gain", "土壤碳增加年数"],
        [
          "years over which the soil gain is reached; IPCC's 20-year default (ipcc06.afolu.soc_transition) when omitted",
          "达到土壤碳增量所需年数；缺省时取 IPCC 默认 20 年（ipcc06.afolu.soc_transition）",
        ],
      ).optional(),
      soilSource: field(
        note().min(1),
        "",
        ["source of the soil gain", "土壤碳增量来源"],
        ["where soilTCPerHa comes from", "soilTCPerHa 的数据来源"],
      ).optional(),
      cost: costSchema.optional(),
    }),
    z.strictObject({
      kind: kind("ccs", ["carbon capture and storage", "碳捕集与封存（CCS）"]),
      ...ramp(),
      captureRate: field(
        share,
        "fraction",
        ["capture rate", "捕集率"],
        [
          "fraction of the point-source CO2 captured and stored (stationary fuel combustion on industrial and mining land, burned recovered methane)",
          "点源 CO2 中被捕集封存的比例（工矿用地上的固定源燃料燃烧、回收甲烷的燃烧）",
        ],
      ),
    }),
    z.strictObject({
      kind: kind("offsets", ["carbon offsets", "碳抵消"]),
      start: startYear(),
      tCO2ePerYr: field(
        amountUpTo(massT),
        "t CO2e/yr",
        ["offsets bought", "购入碳信用量"],
        ["offsets bought (their cost follows the offset price)", "购入的碳信用（成本按抵消价格计）"],
      ),
      soldTCO2ePerYr: field(
        amountUpTo(massT),
        "t CO2e/yr",
        ["offsets sold", "售出碳信用量"],
        ["offsets sold (they count against the mine)", "售出的碳信用（计入煤矿排放）"],
      ).default(0),
    }),
  ])
  .meta(group(["measure", "减排措施"]));

export type Measure = z.output<typeof measureSchema>;
/** A measure's kind (`methane-use`, …). */
export type MeasureKind = Measure["kind"];
/** The measure kinds in the schema's order (the order forms show them); a non-empty tuple, so `z.enum` takes it. */
export const MEASURE_KINDS: readonly [MeasureKind, ...MeasureKind[]] = measureSchema.options.map(
  (o) => o.shape.kind.value,
) as [MeasureKind, ...MeasureKind[]];

/** A pathway scenario: a baseline inventory, the coal-output path and measures, to an end year. */
export const scenarioSchema = z
  .strictObject({
    kind: kind("pathway-scenario", ["document kind", "文件类型"]),
    name: field(name(), "", ["scenario name", "情景名称"]),
    description: field(note(), "", ["description", "说明"]).optional(),
    baseline: z
      .strictObject({
        inventory: field(
          note().min(1),
          "",
          ["baseline inventory file", "基准清单文件"],
          ["a mine-inventory file, relative to the scenario", "煤矿清单文件（相对于情景文件的路径）"],
        ).optional(),
        inventoryId: field(
          name(),
          "",
          ["stored inventory", "已存清单"],
          ["a stored inventory (API)", "已保存的清单（API）"],
        ).optional(),
        year: field(
          year,
          "year",
          ["baseline year", "基准年"],
          ["which of its years; the last when omitted", "取清单中的哪一年；缺省时取最后一年"],
        ).optional(),
        analysisId: field(
          name(),
          "",
          ["stored land-use analysis", "已存土地利用分析"],
          [
            "a stored land-use analysis (API): its last map's class areas become landUse",
            "已保存的土地利用分析（API）：以其最后一期地图的各地类面积作为 landUse",
          ],
        ).optional(),
        landUse: field(
          z
            .record(name(), field(amountUpTo(areaHa), "ha", ["area of the class", "地类面积"]))
            .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.legendClasses, {
              error: `must have at most ${COUNT_BOUNDS.legendClasses} classes`,
            }),
          "ha",
          ["baseline land use", "基准土地利用"],
          [
            "the baseline land use, ha by class (e.g. from an analysis): limits what can be reclaimed",
            "基准土地利用，各地类面积（公顷，如来自分析结果）：限定可复垦的土地",
          ],
        ).optional(),
      })
      .refine(
        (b) => (b.inventory === undefined) !== (b.inventoryId === undefined),
        "give either inventory (a file) or inventoryId (stored)",
      )
      .meta(group(["baseline", "基准情景"])),
    endYear: field(year, "year", ["end year", "终止年份"]).default(2060),
    standGrowth: z
      .strictObject({
        k: field(
          positiveUpTo(QUANTITY_BOUNDS.growthRatePerYear),
          "1/yr",
          ["growth rate k", "生长速率 k"],
          ["Chapman–Richards rate, 1/yr", "Chapman–Richards 生长速率（1/年）"],
        ),
        c: field(
          z.number().min(1).max(QUANTITY_BOUNDS.growthShape.max),
          "",
          ["growth shape c", "形状参数 c"],
          ["Chapman–Richards shape", "Chapman–Richards 形状参数"],
        ),
        source: field(
          note().min(1),
          "",
          ["source of k and c", "k、c 来源"],
          [
            "where k and c come from; without it they are shown as assumptions",
            "k、c 的数据来源；未给出时作为假设列出",
          ],
        ).optional(),
      })
      .optional()
      .meta(
        group(
          ["stand growth curve", "林分生长曲线"],
          [
            "the growth curve every woody stand follows, existing (from the baseline inventory) and reclaimed; k 0.06/yr and c 2 (assumptions) when omitted",
            "所有木本林分（基准清单中已有的和复垦新造的）遵循的生长曲线；缺省时 k = 0.06/年、c = 2（假设）",
          ],
        ),
      ),
    coalOutput: field(
      boundedList(
        z.strictObject({
          year: field(year, "year", ["year", "年份"]),
          t: field(amountUpTo(massT), "t/yr", ["coal output", "原煤产量"]),
        }),
        COUNT_BOUNDS.coalOutputPoints,
      ).min(1),
      "",
      ["coal-output path", "原煤产量路径"],
      [
        "coal output path, t/yr, linear between points; the baseline's output when omitted",
        "原煤产量路径（吨/年），各点之间线性插值；缺省时取基准年产量",
      ],
    ).optional(),
    measures: field(boundedList(measureSchema, COUNT_BOUNDS.measures), "", ["measures", "减排措施"]).default(
      [],
    ),
    economics: z
      .strictObject({
        discountRate: field(z.number().min(0).max(1), "fraction/yr", ["discount rate", "折现率"]),
        carbonPrice: pricePath(["carbon price", "碳价"]),
        offsetPrice: pricePath(["offset price", "碳抵消价格"]),
        carbonTax: priceRef(["carbon tax", "碳税"]).optional(),
      })
      .optional()
      .meta(
        group(
          ["economics", "经济参数"],
          ["prices and discounting for the costs of the measures", "用于计算措施成本的价格与折现"],
        ),
      ),
    uncertainty: z
      .strictObject({
        draws: field(
          z.number().int().min(1).max(DRAW_BOUNDS.pathway, { error: PATHWAY_DRAWS_RULE }),
          "draws",
          ["Monte Carlo draws (IPCC Approach 2)", "蒙特卡洛模拟次数（IPCC 方法 2）"],
        ),
        seed: field(seedNumber(), "", ["Monte Carlo seed", "蒙特卡洛随机数种子"]).default(1),
      })
      .optional()
      .meta(
        group(
          ["uncertainty analysis", "不确定性分析"],
          [
            "Monte Carlo over the baseline's activity data and factors: P2.5/P50/P97.5 of the net (the 95 % interval)",
            "对基准活动数据和因子做蒙特卡洛模拟：净排放的 P2.5/P50/P97.5（95% 区间）",
          ],
        ),
      ),
    assumptions: field(boundedList(note()), "", ["assumptions", "假设"]).default([]),
  })
  .meta(
    fieldMeta({
      unit: "",
      label: ["Pathway scenario", "碳中和路径情景"],
      description: [
        "a baseline inventory, the coal-output path and measures, projected year by year to an end year",
        "基准清单、原煤产量路径和减排措施，逐年预测至终止年份",
      ],
    }),
  );

export type Scenario = z.output<typeof scenarioSchema>;
