import type { MineInventory } from "../domain/mine/mine-inventory.ts";
import type { YearInventory } from "../domain/mine/year-inventory.ts";
import { CO2_PER_C } from "../units/carbon.ts";

/** One key figure of an area with its unit and where it comes from (null value: why not). */
export interface KeyFigure {
  readonly id: "area" | "landuse-budget" | "inventory-total" | "neutrality-gap" | "coal-intensity";
  readonly value: number | null;
  readonly unit: string;
  readonly source: string;
}

interface AnalysisLike {
  readonly id: string;
  readonly result: unknown;
}
interface InventoryLike {
  readonly id: string;
  readonly mine: string;
  readonly year: number;
  readonly result: unknown;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Σ of stored figures, or null when one is missing or not finite (never a missing figure read as 0). */
const finiteSum = (xs: readonly unknown[]): number | null => {
  let total = 0;
  for (const x of xs) {
    if (!isFiniteNumber(x)) return null;
    total += x;
  }
  return Number.isFinite(total) ? total : null;
};

type LanduseResult = {
  classes: { year: number; area_ha: number }[];
  carbon: { year: number; pool: string; total_tC: number }[];
  densitySet?: string | null;
};

/**
 * The key figures of the overview: the analysed area, the carbon stock change from land use (yearly
 * stock change between the first and last map), and the latest inventory year's gross emissions,
 * neutrality gap and emissions per tonne of coal — each with its source, or null and what to do.
 */
export function areaKeyFigures(
  latest: AnalysisLike | undefined,
  inventories: readonly InventoryLike[],
  lang: "en" | "zh" = "en",
): KeyFigure[] {
  const say = (en: string, zh: string) => (lang === "zh" ? zh : en);
  const r = latest?.result as LanduseResult | undefined;
  const out: KeyFigure[] = [];
  if (r) {
    const first = Math.min(...r.classes.map((c) => c.year));
    const last = Math.max(...r.classes.map((c) => c.year));
    const areaHa = finiteSum(r.classes.filter((c) => c.year === first).map((c) => c.area_ha));
    out.push({
      id: "area",
      value: areaHa,
      unit: "ha",
      source:
        areaHa === null
          ? say(
              `analysis #${latest!.id} holds no finite class areas for ${first}; run it again`,
              `分析 #${latest!.id} 的 ${first} 年地类面积无有效数值；请重新分析`,
            )
          : say(
              `analysis #${latest!.id}: analysed pixels × pixel area (${first})`,
              `分析 #${latest!.id}：分析像元数 × 像元面积（${first}年）`,
            ),
    });
    const total = (y: number) => r.carbon.find((c) => c.year === y && c.pool === "total")?.total_tC;
    // Shown next to the inventory: the figure is a stock change by carbon densities and holds no
    // energy-use coefficient per hectare (seed 000's construction land), so nothing in it is the
    // inventory's measured energy counted a second time (issue 10, item 2b): nothing to net.
    const energy = inventories.some((i) => i.result)
      ? say(
          "; land-cover change only, no energy use: the inventory's energy is not counted in it, so nothing is netted",
          "；仅为地类变化，不含能源消耗：清单中的能源排放未计入此项，无需扣减",
        )
      : say("; land-cover change only, no energy use", "；仅为地类变化，不含能源消耗");
    const a = total(first);
    const b = total(last);
    out.push(
      isFiniteNumber(a) && isFiniteNumber(b) && last > first
        ? {
            id: "landuse-budget",
            value: ((b - a) / (last - first)) * CO2_PER_C,
            unit: "t CO2e/yr",
            source:
              say(
                `analysis #${latest!.id}: (stock ${last} − stock ${first}) ÷ ${last - first} yr × 44/12, densities ${r.densitySet ?? "of the pool table"}; negative = net loss of carbon`,
                `分析 #${latest!.id}：（${last}年碳储量 − ${first}年碳储量）÷ ${last - first} 年 × 44/12，碳密度 ${r.densitySet ?? "取自碳库表"}；负值 = 碳净损失`,
              ) + energy,
          }
        : {
            id: "landuse-budget",
            value: null,
            unit: "t CO2e/yr",
            source:
              a === undefined && b === undefined
                ? say(
                    `analysis #${latest!.id} has no carbon densities; run one with a density set`,
                    `分析 #${latest!.id} 未设碳密度；请选择碳密度重新分析`,
                  )
                : say(
                    `analysis #${latest!.id} holds no finite carbon stock for ${first} and ${last}; run it again`,
                    `分析 #${latest!.id} 的 ${first} 年和 ${last} 年碳储量无有效数值；请重新分析`,
                  ),
          },
    );
  } else {
    out.push({
      id: "area",
      value: null,
      unit: "ha",
      source: say("no finished land-use analysis yet", "尚无完成的土地利用分析"),
    });
    out.push({
      id: "landuse-budget",
      value: null,
      unit: "t CO2e/yr",
      source: say("no finished land-use analysis yet", "尚无完成的土地利用分析"),
    });
  }
  const computed = inventories.filter((i) => i.result);
  const year = computed.length ? Math.max(...computed.map((i) => i.year)) : undefined;
  const ofYear = computed.filter((i) => i.year === year);
  const years = ofYear.map((i) => (i.result as MineInventory).years?.[0]);
  const label = ofYear.map((i) => `${i.mine} ${i.year} (#${i.id})`).join(", ");
  // A stored figure may be missing (JSON null: results stored before inputs were bounded held ∞,
  // which JSON keeps as null). Summing it would show 0; the figure is missing instead, with why.
  const sum = (f: (y: YearInventory) => unknown) => finiteSum(years.map((y) => (y ? f(y) : undefined)));
  const notComputed = say(
    `inventory ${label} holds no finite figure here (stored before its inputs were checked); open it, correct its activity data and save it again`,
    `清单 ${label} 此项无有效数值（录入时未经范围检查）；请修改其活动数据后重新保存`,
  );
  const gross = sum((y) => y.totals.grossEmissionTCO2ePerYr);
  const gap = sum((y) => y.totals.gapTCO2ePerYr);
  const coal = sum((y) => y.coalOutputT);
  out.push(
    year !== undefined && gross === null
      ? { id: "inventory-total", value: null, unit: "t CO2e/yr", source: notComputed }
      : year === undefined
        ? {
            id: "inventory-total",
            value: null,
            unit: "t CO2e/yr",
            source: say("no inventory yet; enter a year's activity data", "尚无清单；请录入年度活动数据"),
          }
        : {
            id: "inventory-total",
            value: gross,
            unit: "t CO2e/yr",
            source: say(
              `gross emissions, inventory ${label}, seed 002 Eq. 1–7`,
              `总排放，清单 ${label}，种子论文002 式1–7`,
            ),
          },
    year === undefined
      ? { id: "neutrality-gap", value: null, unit: "t CO2e/yr", source: say("no inventory yet", "尚无清单") }
      : gap === null
        ? { id: "neutrality-gap", value: null, unit: "t CO2e/yr", source: notComputed }
        : {
            id: "neutrality-gap",
            value: gap,
            unit: "t CO2e/yr",
            source: say(
              `max(emissions − sinks − CCS − offsets, 0), inventory ${label}, seed 002 Eq. 1`,
              `max(排放 − 碳汇 − CCS − 抵销, 0)，清单 ${label}，种子论文002 式1`,
            ),
          },
    year === undefined
      ? {
          id: "coal-intensity",
          value: null,
          unit: "t CO2e/t coal",
          source: say("no inventory yet", "尚无清单"),
        }
      : gross === null || coal === null
        ? { id: "coal-intensity", value: null, unit: "t CO2e/t coal", source: notComputed }
        : coal <= 0
          ? {
              id: "coal-intensity",
              value: null,
              unit: "t CO2e/t coal",
              source: say("no coal output entered", "未录入原煤产量"),
            }
          : {
              id: "coal-intensity",
              value: gross / coal,
              unit: "t CO2e/t coal",
              source: say(
                `gross emissions ÷ coal output, inventory ${label}`,
                `总排放 ÷ 原煤产量，清单 ${label}`,
              ),
            },
  );
  return out;
}
