import { defineMessages } from "./define-messages.ts";

/** Names, notes and sources of the key figures (the overview, the reports). */
export const figures = defineMessages({
  areaSource: [
    "analysis #{{id}}: analysed pixels × pixel area ({{year}})",
    "分析 #{{id}}：分析像元数 × 像元面积（{{year}}年）",
  ],
  areaNotFinite: [
    "analysis #{{id}} holds no finite class areas for {{year}}; run it again",
    "分析 #{{id}} 的 {{year}} 年地类面积无有效数值；请重新分析",
  ],
  landuseBudgetSource: [
    "analysis #{{id}}: (stock {{last}} − stock {{first}}) ÷ {{span}} yr × 44/12, densities {{densities}}; negative = net loss of carbon",
    "分析 #{{id}}：（{{last}}年碳储量 − {{first}}年碳储量）÷ {{span}} 年 × 44/12，碳密度 {{densities}}；负值 = 碳净损失",
  ],
  densitiesOfPoolTable: ["of the pool table", "取自碳库表"],
  landOnlyNetted: [
    "; land-cover change only, no energy use: the inventory's energy is not counted in it, so nothing is netted",
    "；仅为地类变化，不含能源消耗：清单中的能源排放未计入此项，无需扣减",
  ],
  landOnly: ["; land-cover change only, no energy use", "；仅为地类变化，不含能源消耗"],
  noDensities: [
    "analysis #{{id}} has no carbon densities; run one with a density set",
    "分析 #{{id}} 未设碳密度；请选择碳密度重新分析",
  ],
  stockNotFinite: [
    "analysis #{{id}} holds no finite carbon stock for {{first}} and {{last}}; run it again",
    "分析 #{{id}} 的 {{first}} 年和 {{last}} 年碳储量无有效数值；请重新分析",
  ],
  noAnalysis: ["no finished land-use analysis yet", "尚无完成的土地利用分析"],
  inventoryNotFinite: [
    "inventory {{label}} holds no finite figure here (stored before its inputs were checked); open it, correct its activity data and save it again",
    "清单 {{label}} 此项无有效数值（录入时未经范围检查）；请修改其活动数据后重新保存",
  ],
  noInventoryEnter: ["no inventory yet; enter a year's activity data", "尚无清单；请录入年度活动数据"],
  noInventory: ["no inventory yet", "尚无清单"],
  grossSource: [
    "gross emissions, inventory {{label}}, seed 002 Eq. 1–7",
    "总排放，清单 {{label}}，种子论文002 式1–7",
  ],
  gapSource: [
    "max(emissions − sinks − CCS − offsets, 0), inventory {{label}}, seed 002 Eq. 1",
    "max(排放 − 碳汇 − CCS − 抵销, 0)，清单 {{label}}，种子论文002 式1",
  ],
  noCoalOutput: ["no coal output entered", "未录入原煤产量"],
  coalIntensitySource: [
    "gross emissions ÷ coal output, inventory {{label}}",
    "总排放 ÷ 原煤产量，清单 {{label}}",
  ],
});
