import { z } from "zod";
import { ha } from "../../units/area.ts";
import { LIFE_CYCLE_STAGES } from "../common/life-cycle-stage.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { COUNT_BOUNDS, DRAW_BOUNDS, QUANTITY_BOUNDS, TEXT_BOUNDS } from "../common/input-bounds.ts";
import {
  amountUpTo,
  boundedList,
  calendarYear,
  positiveUpTo,
  seedNumber,
} from "../validation/bounded-number.ts";
import { describeValue, InputError, type InputIssue } from "../validation/input-issue.ts";
import { userText } from "../validation/user-text.ts";
import { field, fieldMeta } from "../common/field-meta.ts";
import { zodIssuesToInputIssues } from "../validation/zod-issues.ts";
import { uncertaintySpec, type UncertaintySpec } from "../factor/uncertainty/uncertainty-spec.ts";
import { CARBON_POOLS } from "./density-sets.ts";
import type { ExistingLand, UncertainArea } from "./budget-uncertainty.ts";
import type { AreaEntry, CoefficientChoice } from "./coefficient-budget.ts";
import type { InventoryCover } from "./inventory-overlap.ts";
import {
  COEFFICIENT_READINGS,
  LAND_USE_COEFFICIENT_UNITS,
  type CoefficientReading,
} from "./coefficient-reading.ts";
import { COEFFICIENT_SETS } from "./coefficient-sets.ts";
import { DENSITY_SETS, type DensitySet } from "./density-sets.ts";
import type { Conversion } from "./stock-change.ts";
import type { Reclamation } from "./reclamation-regain.ts";

/**
 * The rule on Monte Carlo (Approach 2) draws of a budget, for the file and for --draws: each draw is
 * one pass over the areas and coefficients, and each reported figure's draws are kept and sorted (see
 * DRAW_BOUNDS). Pingshuo 2018 (ten figures) at 1,000,000 draws: about 2 s and 200 MB.
 */
export const BUDGET_DRAWS_RULE = `must be ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")} draws (about 2 s and 200 MB for ten figures; the intervals no longer move by then)`;

const { areaHa, spanYears } = QUANTITY_BOUNDS;
type Texts = readonly [en: string, zh: string];
const group = (label: Texts, description?: Texts) =>
  fieldMeta({ unit: "", label, ...(description ? { description } : {}) });
const area = (label: Texts = ["area", "面积"], description?: Texts) =>
  field(amountUpTo(areaHa), "ha", label, description);
const name = () => userText().min(1);
const stage = () => field(z.enum(LIFE_CYCLE_STAGES), "", ["life-cycle stage", "生命周期阶段"]).optional();
const zone = () => field(name(), "", ["zone", "分区"]).optional();
const label = () => field(name(), "", ["label", "名称"]).optional();
const title = () => field(name(), "", ["title", "标题"]);
const description = () => field(userText(TEXT_BOUNDS.text), "", ["description", "说明"]).optional();
const draws = () =>
  field(z.number().int().min(1).max(DRAW_BOUNDS.budget, { error: BUDGET_DRAWS_RULE }), "draws", [
    "Monte Carlo draws (IPCC Approach 2)",
    "蒙特卡洛模拟次数（IPCC 方法 2）",
  ]).optional();
const seed = () => field(seedNumber(), "", ["Monte Carlo seed", "蒙特卡洛随机数种子"]).optional();
const uncertaintyOf = (label: Texts, description?: Texts) =>
  uncertaintySpec.optional().meta(group(label, description));

/** The spec of a budget file by the coefficient method (`kind: land-use-budget`). */
export const coefficientBudgetSchema = z
  .strictObject({
    kind: field(z.literal("land-use-budget"), "", ["document kind", "文件类型"]),
    title: title(),
    description: description(),
    coefficients: z
      .strictObject({
        set: field(name(), "", ["coefficient set", "碳排放/吸收系数集"]),
        readAs: field(
          z.enum(COEFFICIENT_READINGS),
          "",
          ["coefficients read as", "系数解读方式"],
          [
            "whether the set's tonnes are carbon (tC) or CO2 (tCO2) when it does not say",
            "系数集未说明时，其吨数按碳（tC）还是 CO2（tCO2）解读",
          ],
        ),
        overrides: field(
          z
            .record(
              name(),
              z
                .strictObject({
                  absorption: field(
                    name().nullable(),
                    "",
                    ["absorption coefficient", "吸收系数"],
                    [
                      "a factor id in t C/(ha·a) or t CO2/(ha·a); null for none",
                      "以 t C/(ha·a) 或 t CO2/(ha·a) 计的因子标识；null 表示无",
                    ],
                  ).optional(),
                  emission: field(
                    name().nullable(),
                    "",
                    ["emission coefficient", "排放系数"],
                    [
                      "a factor id in t C/(ha·a) or t CO2/(ha·a); null for none",
                      "以 t C/(ha·a) 或 t CO2/(ha·a) 计的因子标识；null 表示无",
                    ],
                  ).optional(),
                })
                .meta(group(["coefficients of the land type", "该地类的系数"])),
            )
            .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.listItems, {
              error: `must have at most ${COUNT_BOUNDS.listItems} land types`,
            }),
          "",
          ["coefficient overrides by land type", "按地类覆盖的系数"],
        ).optional(),
      })
      .meta(group(["coefficients", "碳排放/吸收系数"])),
    areas: field(
      boundedList(
        z.strictObject({
          label: label(),
          landType: field(name(), "", ["land type", "地类"]),
          areaHa: area(),
          stage: stage(),
          zone: zone(),
          uncertainty: uncertaintyOf(
            ["uncertainty of the area", "面积不确定性"],
            [
              "the uncertainty of this area (default: uncertainty.areas, else ±15 %)",
              "该面积的不确定性（缺省取 uncertainty.areas，否则 ±15%）",
            ],
          ),
        }),
      ).min(1),
      "",
      ["areas", "各地类面积"],
    ),
    inventory: z
      .strictObject({
        mine: field(
          name(),
          "",
          ["mine", "煤矿名称"],
          [
            "the mine whose inventory (same boundary and years) measures the energy used here",
            "其清单（同一边界和年份）计量了此处能源消费的煤矿",
          ],
        ),
        zones: field(
          boundedList(name()).min(1),
          "",
          ["zones inside the inventory's boundary", "清单边界内的分区"],
          [
            "the zones of the areas inside that inventory's boundary; every area when omitted",
            "位于该清单边界内的分区；缺省时为全部面积",
          ],
        ).optional(),
      })
      .optional()
      .meta(group(["mine inventory covering the energy use", "覆盖能源消费的煤矿清单"])),
    uncertainty: z
      .strictObject({
        draws: draws(),
        seed: seed(),
        percentiles: field(boundedList(z.number().min(0).max(100), COUNT_BOUNDS.percentiles).min(1), "%", [
          "percentiles reported",
          "输出的百分位数",
        ]).optional(),
        areas: uncertaintyOf(
          ["uncertainty of every area", "全部面积的不确定性"],
          [
            "the uncertainty of every area without its own (e.g. from the map's accuracy assessment)",
            "未单独给出不确定性的面积所用的不确定性（如来自地图精度评价）",
          ],
        ),
      })
      .optional()
      .meta(group(["uncertainty analysis", "不确定性分析"])),
  })
  .meta(
    group(
      ["Land-use carbon budget (coefficient method)", "土地利用碳收支（系数法）"],
      ["areas × emission and absorption coefficients", "面积 × 碳排放/吸收系数"],
    ),
  );

const span = (label: Texts) => field(positiveUpTo(spanYears), "yr", label);
const curveKind = <K extends string>(k: K, label: Texts) => field(z.literal(k), "", label);
const curveSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: curveKind("linear", ["linear", "线性"]),
      years: span(["years to full regain", "完全恢复年数"]),
    }),
    z.strictObject({
      kind: curveKind("exponential", ["exponential", "指数"]),
      halfLifeYears: span(["half-life", "半恢复期"]),
    }),
    z.strictObject({
      kind: curveKind("logistic", ["logistic", "逻辑斯蒂"]),
      midpointYears: span(["midpoint", "中点年数"]),
      steepnessPerYear: field(positiveUpTo(QUANTITY_BOUNDS.growthRatePerYear), "1/yr", ["steepness", "陡度"]),
    }),
    z.strictObject({ kind: curveKind("immediate", ["immediate", "立即"]) }),
  ])
  .meta(group(["regain curve", "碳恢复曲线"]));

const year = (label: Texts) => field(calendarYear(), "year", label);

/** The fields shared by a conversion and a reclamation: area moved from one class to another. */
const transitionFields = () => ({
  label: label(),
  from: field(name(), "", ["from class", "转出地类"]),
  to: field(name(), "", ["to class", "转入地类"]),
  areaHa: area(),
});

const sourceText = () => userText(TEXT_BOUNDS.text).min(1);
const poolRegain = z
  .strictObject({
    share: field(
      z.number().min(0).max(1),
      "fraction",
      ["share regained", "恢复比例"],
      [
        "share of the pool's density difference regained in full (default 1)",
        "该碳库密度差最终恢复的比例（缺省 1）",
      ],
    ).optional(),
    curve: curveSchema
      .optional()
      .meta(
        group(
          ["the pool's own curve", "该碳库自身的恢复曲线"],
          ["the pool's own curve (default: the reclamation's)", "该碳库自身的恢复曲线（缺省取复垦的曲线）"],
        ),
      ),
    source: field(
      sourceText(),
      "",
      ["source", "来源"],
      ["where the share and curve come from", "恢复比例和曲线的数据来源"],
    ).optional(),
  })
  .optional()
  .meta(group(["pool regain", "碳库恢复"]));
const areaUncertainty = () =>
  uncertaintyOf(
    ["uncertainty of the area", "面积不确定性"],
    ["the uncertainty of the area (default ±15 %)", "面积的不确定性（缺省 ±15%）"],
  );

const existingLandSchema = field(
  z
    .record(
      name(),
      z
        .strictObject({
          areaHa: area(
            ["existing land", "已有土地面积"],
            [
              "land of the class there is to reclaim besides what the conversions put into it",
              "除转换带入外，该地类可供复垦的土地",
            ],
          ),
          source: field(
            sourceText(),
            "",
            ["source", "来源"],
            [
              "where the figure comes from (a map of the period's start, records)",
              "数据来源（期初地图、档案记录）",
            ],
          ),
          uncertainty: areaUncertainty(),
        })
        .meta(group(["existing land of the class", "该地类的已有土地"])),
    )
    .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.listItems, {
      error: `must have at most ${COUNT_BOUNDS.listItems} classes`,
    }),
  "",
  ["existing land to reclaim", "可复垦的已有土地"],
  [
    "per class, the land there is to reclaim that the conversions do not put there: land of the class before the period, or formed and reclaimed within it",
    "按地类列出非转换带入的可复垦土地：期初已有的该地类土地，或期内形成并复垦的土地",
  ],
);

/** The spec of a budget file by stock change (`kind: stock-change`). */
export const stockChangeSchema = z
  .strictObject({
    kind: field(z.literal("stock-change"), "", ["document kind", "文件类型"]),
    title: title(),
    description: description(),
    period: z
      .strictObject({ from: year(["first year", "起始年份"]), to: year(["last year", "终止年份"]) })
      .meta(group(["period", "核算期"])),
    densities: field(name(), "", ["carbon density set", "碳密度数据集"]),
    conversions: field(
      boundedList(
        z.strictObject({
          ...transitionFields(),
          stage: stage(),
          zone: zone(),
          uncertainty: areaUncertainty(),
        }),
      ).min(1),
      "",
      ["land conversions", "土地利用转换"],
    ),
    reclamation: field(
      boundedList(
        z.strictObject({
          ...transitionFields(),
          startYear: year(["start year", "起始年份"]),
          curve: curveSchema,
          curveSource: field(
            sourceText(),
            "",
            ["source of the curve", "曲线来源"],
            [
              "where the curve comes from; without it, it is an assumption",
              "恢复曲线的数据来源；未给出时作为假设",
            ],
          ).optional(),
          pools: z
            .strictObject(
              Object.fromEntries(CARBON_POOLS.map((p) => [p, poolRegain])) as Record<
                (typeof CARBON_POOLS)[number],
                typeof poolRegain
              >,
            )
            .optional()
            .meta(
              group(
                ["regain by pool", "分碳库恢复"],
                [
                  "per pool (soil, vegetation): the share regained, its own curve and their source",
                  "按碳库（土壤、植被）给出恢复比例、各自曲线及来源",
                ],
              ),
            ),
          uncertainty: areaUncertainty(),
        }),
      ),
      "",
      ["reclamation", "土地复垦"],
    ).optional(),
    existingLand: existingLandSchema.optional(),
    horizonYear: year(["horizon year", "评估截止年份"]).optional(),
    uncertainty: z
      .strictObject({ draws: draws(), seed: seed() })
      .optional()
      .meta(group(["uncertainty analysis", "不确定性分析"])),
  })
  .meta(
    group(
      ["Stock change on land conversion", "土地利用转换碳储量变化"],
      [
        "one-time stock change on conversion, with regain on reclaimed land",
        "土地转换的一次性碳储量变化，以及复垦土地的碳恢复",
      ],
    ),
  );

/** A checked land-use budget input by the coefficient method. */
export interface CoefficientBudgetInput {
  readonly kind: "land-use-budget";
  readonly title: string;
  readonly description?: string;
  readonly setId: string;
  readonly reading: CoefficientReading;
  readonly choices: Readonly<Record<string, CoefficientChoice>>;
  readonly overriddenLandTypes: readonly string[];
  readonly entries: readonly (AreaEntry & UncertainArea)[];
  /** A mine inventory of the same boundary and years that measures the energy used on these areas. */
  readonly inventory?: InventoryCover;
  readonly uncertainty: { draws?: number; seed?: number; percentiles?: number[]; areas?: UncertaintySpec };
}

/** A checked stock-change input. */
export interface StockChangeInput {
  readonly kind: "stock-change";
  readonly title: string;
  readonly description?: string;
  readonly period: { from: number; to: number };
  readonly densitySet: DensitySet;
  readonly conversions: readonly (Conversion & UncertainArea)[];
  readonly reclamations: readonly (Reclamation & UncertainArea)[];
  /** Per class, land there is to reclaim besides what the conversions put into it (declared with a source). */
  readonly existingLand: Readonly<Record<string, ExistingLand>>;
  readonly horizonYear: number;
  readonly uncertainty: { draws?: number; seed?: number };
}

export type BudgetInput = CoefficientBudgetInput | StockChangeInput;

/** The input kinds `minecarbon budget` accepts. */
export const BUDGET_KINDS = ["land-use-budget", "stock-change"] as const;

/**
 * Checks a parsed budget file (either kind) against its spec and the registries, collecting every
 * problem: unknown fields, bad values, unknown land types, classes, sets and factor ids.
 * Throws InputError naming `source` when anything is wrong.
 */
export function parseBudgetInput(raw: unknown, source: string, table: FactorTable): BudgetInput {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (kind === "land-use-budget") return parseCoefficientBudget(raw, source, table);
  if (kind === "stock-change") return parseStockChange(raw, source);
  throw new InputError(source, [
    { path: "kind", message: `must be one of ${BUDGET_KINDS.join(", ")}; got ${describeValue(kind)}` },
  ]);
}

function parseCoefficientBudget(raw: unknown, source: string, table: FactorTable): CoefficientBudgetInput {
  const parsed = coefficientBudgetSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(source, zodIssuesToInputIssues(parsed.error, raw));
  const doc = parsed.data;
  const issues: InputIssue[] = [];
  const set = COEFFICIENT_SETS[doc.coefficients.set];
  if (!set) {
    issues.push({
      path: "coefficients.set",
      message: `must be one of ${Object.keys(COEFFICIENT_SETS).join(", ")}; got ${describeValue(doc.coefficients.set)}`,
    });
    throw new InputError(source, issues);
  }
  const choices: Record<string, CoefficientChoice> = { ...set.landTypes };
  const overridden: string[] = [];
  for (const [landType, o] of Object.entries(doc.coefficients.overrides ?? {})) {
    const base = choices[landType] ?? { absorption: null, emission: null };
    choices[landType] = {
      absorption: o.absorption === undefined ? base.absorption : o.absorption,
      emission: o.emission === undefined ? base.emission : o.emission,
    };
    overridden.push(landType);
    for (const kind of ["absorption", "emission"] as const) {
      const id = o[kind];
      const path = `coefficients.overrides.${landType}.${kind}`;
      if (id && !table.has(id)) {
        issues.push({
          path,
          message: `must be a factor id of the library or of a --factors file; got ${describeValue(id)}`,
        });
      } else if (id && !LAND_USE_COEFFICIENT_UNITS.includes(table.peek(id)!.unit)) {
        issues.push({
          path,
          message: `must be a land-use coefficient in ${LAND_USE_COEFFICIENT_UNITS.join(", ")}; got ${id}, which is in "${table.peek(id)?.unit}"`,
        });
      }
    }
  }
  doc.areas.forEach((a, i) => {
    if (!choices[a.landType]) {
      issues.push({
        path: `areas[${i}].landType`,
        message: `must be a land type of coefficient set ${set.id} (${Object.keys(choices).join(", ")}) or be given coefficients under coefficients.overrides; got ${describeValue(a.landType)}`,
      });
    }
  });
  const zones = new Set(doc.areas.map((a) => a.zone));
  doc.inventory?.zones?.forEach((z, i) => {
    if (!zones.has(z))
      issues.push({
        path: `inventory.zones[${i}]`,
        message: `must be the zone of some area (${[...zones].filter(Boolean).join(", ") || "no area has a zone"}); got ${describeValue(z)}`,
      });
  });
  if (issues.length) throw new InputError(source, issues);
  return {
    kind: "land-use-budget",
    title: doc.title,
    ...(doc.description ? { description: doc.description } : {}),
    setId: set.id,
    reading: doc.coefficients.readAs,
    choices,
    overriddenLandTypes: overridden,
    entries: doc.areas.map((a, i) => ({
      label: a.label ?? `${a.landType} #${i + 1}`,
      landType: a.landType,
      area: ha(a.areaHa),
      ...(a.stage ? { stage: a.stage } : {}),
      ...(a.zone ? { zone: a.zone } : {}),
      ...(a.uncertainty ? { uncertainty: a.uncertainty } : {}),
    })),
    ...(doc.inventory
      ? {
          inventory: {
            mine: doc.inventory.mine,
            ...(doc.inventory.zones ? { zones: doc.inventory.zones } : {}),
          },
        }
      : {}),
    uncertainty: doc.uncertainty ?? {},
  };
}

/** The pools given, each without its undefined fields (the regain reads absent as "default"). */
function withoutUndefined(
  pools: Partial<Record<string, { share?: number; curve?: unknown; source?: string } | undefined>>,
) {
  return Object.fromEntries(
    Object.entries(pools).flatMap(([k, v]) =>
      v ? [[k, Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined))]] : [],
    ),
  ) as NonNullable<Reclamation["pools"]>;
}

function parseStockChange(raw: unknown, source: string): StockChangeInput {
  const parsed = stockChangeSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(source, zodIssuesToInputIssues(parsed.error, raw));
  const doc = parsed.data;
  const issues: InputIssue[] = [];
  const set = DENSITY_SETS[doc.densities];
  if (!set) {
    throw new InputError(source, [
      {
        path: "densities",
        message: `must be one of ${Object.keys(DENSITY_SETS).join(", ")}; got ${describeValue(doc.densities)}`,
      },
    ]);
  }
  const classes = Object.keys(set.classes);
  const checkClass = (path: string, cls: string) => {
    if (!set.classes[cls]) {
      issues.push({
        path,
        message: `must be a class of density set ${set.id} (${classes.join(", ")}); got ${describeValue(cls)}`,
      });
    }
  };
  if (doc.period.to <= doc.period.from) {
    issues.push({
      path: "period.to",
      message: `must be after period.from (${doc.period.from}); got ${doc.period.to}`,
    });
  }
  doc.conversions.forEach((c, i) => {
    checkClass(`conversions[${i}].from`, c.from);
    checkClass(`conversions[${i}].to`, c.to);
  });
  const horizon = doc.horizonYear ?? doc.period.to;
  (doc.reclamation ?? []).forEach((r, i) => {
    checkClass(`reclamation[${i}].from`, r.from);
    checkClass(`reclamation[${i}].to`, r.to);
    if (r.startYear > horizon) {
      issues.push({
        path: `reclamation[${i}].startYear`,
        message: `must be ≤ the horizon year ${horizon} (horizonYear or period.to); got ${r.startYear}`,
      });
    }
  });
  for (const cls of Object.keys(doc.existingLand ?? {})) checkClass(`existingLand.${cls}`, cls);
  if (!issues.length) issues.push(...reclamationBeyondLand(doc));
  if (issues.length) throw new InputError(source, issues);
  return {
    kind: "stock-change",
    title: doc.title,
    ...(doc.description ? { description: doc.description } : {}),
    period: doc.period,
    densitySet: set,
    conversions: doc.conversions.map((c, i) => ({
      label: c.label ?? `${c.from} → ${c.to} #${i + 1}`,
      from: c.from,
      to: c.to,
      area: ha(c.areaHa),
      ...(c.stage ? { stage: c.stage } : {}),
      ...(c.zone ? { zone: c.zone } : {}),
      ...(c.uncertainty ? { uncertainty: c.uncertainty } : {}),
    })),
    reclamations: (doc.reclamation ?? []).map((r, i) => ({
      label: r.label ?? `${r.from} → ${r.to} from ${r.startYear} #${i + 1}`,
      from: r.from,
      to: r.to,
      area: ha(r.areaHa),
      startYear: r.startYear,
      curve: r.curve,
      ...(r.curveSource ? { curveSource: r.curveSource } : {}),
      ...(r.pools ? { pools: withoutUndefined(r.pools) } : {}),
      ...(r.uncertainty ? { uncertainty: r.uncertainty } : {}),
    })),
    existingLand: Object.fromEntries(
      Object.entries(doc.existingLand ?? {}).map(([cls, l]) => [
        cls,
        { area: ha(l.areaHa), source: l.source, ...(l.uncertainty ? { uncertainty: l.uncertainty } : {}) },
      ]),
    ),
    horizonYear: horizon,
    uncertainty: doc.uncertainty ?? {},
  };
}

const haText = (v: number) => `${v.toLocaleString("en-US", { maximumFractionDigits: 2 })} ha`;

/**
 * Reclamation beyond the land there is (issue 10 item 6): all rows reclaiming from a class together
 * may take at most the land of that class the file accounts for — the existing land it declares plus
 * what its conversions put into the class, less what they take out of it. The issue is at the row
 * whose area carries the total beyond it, and says what the file has of that class and how to
 * declare more.
 */
function reclamationBeyondLand(doc: z.output<typeof stockChangeSchema>): InputIssue[] {
  const issues: InputIssue[] = [];
  const rows = doc.reclamation ?? [];
  for (const cls of new Set(rows.map((r) => r.from))) {
    const into = doc.conversions.filter((c) => c.to === cls).reduce((s, c) => s + c.areaHa, 0);
    const out = doc.conversions.filter((c) => c.from === cls).reduce((s, c) => s + c.areaHa, 0);
    const existing = doc.existingLand?.[cls]?.areaHa;
    const there = (existing ?? 0) + into - out;
    const mine = rows.flatMap((r, i) => (r.from === cls ? [i] : []));
    const total = mine.reduce((s, i) => s + rows[i]!.areaHa, 0);
    if (total <= there * (1 + 1e-12) + 1e-9) continue;
    let running = 0;
    const at = mine.find((i) => (running += rows[i]!.areaHa) > there * (1 + 1e-12) + 1e-9)!;
    const others = [...new Set(doc.conversions.filter((c) => c.to !== cls).map((c) => c.to))]
      .map(
        (to) =>
          `${haText(doc.conversions.filter((c) => c.to === to).reduce((s, c) => s + c.areaHa, 0))} into ${to}`,
      )
      .join(", ");
    const has =
      `${haText(into)} put into ${cls} by the conversions` +
      (into === 0 && others ? ` — they put ${others} —` : "") +
      (out > 0 ? `, less ${haText(out)} they take out of it,` : "") +
      (existing === undefined
        ? ` and no ${cls} land declared as existing`
        : ` and ${haText(existing)} declared as existing (existingLand.${cls})`);
    const rowsText =
      mine.length > 1
        ? `reclamation[${mine.slice(0, -1).join("], [")}] and [${mine.at(-1)}] reclaim ${haText(total)} from ${cls} together`
        : `it reclaims ${haText(total)}`;
    const todo =
      existing === undefined
        ? `declare the ${cls} land there was besides these conversions (before the period, or formed and reclaimed within it), with its source (existingLand: { ${cls}: { areaHa: …, source: "…" } })`
        : `correct existingLand.${cls}`;
    issues.push({
      path: `reclamation[${at}].areaHa`,
      message: `must keep the land reclaimed from ${cls} within the ${cls} land there is: ${rowsText}, but the file has ${haText(Math.max(0, there))} of ${cls} (${has}); ${todo}, add the conversions that made it, or reclaim less; got ${rows[at]!.areaHa}`,
    });
  }
  return issues;
}
