import { defineMessages } from "./define-messages.ts";

/** Texts of the web app's Charts, Plan and Inventory views (namespace `webViews`). */
export const webViews = defineMessages({
  // Charts
  "charts.noAnalysis": [
    "No land-use analysis yet: upload maps of two years or more and run the analysis under Data.",
    "尚无土地利用分析：请在“数据”中上传两个或以上年份的地图并运行分析。",
  ],
  "charts.running": ["The analysis is {{status}}.", "分析状态：{{status}}。"],
  "charts.matrix": ["Transfer matrix {{from}} → {{to}} (ha)", "转移矩阵 {{from}} → {{to}}（公顷）"],
  "charts.fromTo": ["from ↓ / to →", "自 ↓ / 至 →"],
  "charts.total": ["Total", "合计"],
  "charts.noZoning": ["The analysis had no zoning: no zone shares.", "该分析未做分区：无分区占比。"],
  "charts.noCarbon": [
    "The analysis had no carbon densities: no change in carbon storage.",
    "该分析未使用碳密度：无碳储量变化。",
  ],
  "charts.noValuation": [
    "No valuation was asked with the analysis: no value of the change.",
    "分析未要求估值：无碳储量变化价值。",
  ],
  "charts.inventoryOf": ["{{mine}} {{year}}", "{{mine}} {{year}}年"],
  "charts.noInventory": [
    "No inventory yet: enter one under Inventory.",
    "尚无清单：请在“清单与报告”中录入。",
  ],
  "charts.resultProblem": ["The stored result cannot be read: {{problem}}", "无法读取已存结果：{{problem}}"],
  // Plan
  "plan.mine": ["Mine", "煤矿"],
  "plan.startsFrom": [
    "Starts from {{mine}}'s inventory of {{year}}: coal output {{coal}} t/yr, gross emissions {{gross}} t CO2e/yr.",
    "以{{mine}} {{year}}年清单为起点：原煤产量 {{coal}} 吨/年，总排放 {{gross}} 吨CO2当量/年。",
  ],
  "plan.noResult": [
    "The inventory has no readable result: compute it again under Inventory.",
    "该清单没有可读取的结果：请在“清单与报告”中重新计算。",
  ],
  "plan.include": ["include", "纳入"],
  "plan.notApplicable": [
    "Not applicable: the inventory has no source this measure acts on.",
    "不适用：清单中没有该措施作用的排放源。",
  ],
  "plan.cost": ["Cost (optional)", "成本（可选）"],
  "plan.coalEnd": ["Coal output in {{year}}", "{{year}}年原煤产量"],
  "plan.uncertainty": [
    "Uncertainty band over the factor ranges (Monte Carlo, 200 draws)",
    "因子不确定性区间（蒙特卡洛 200 次）",
  ],
  "plan.withoutMeasures": ["{{name}} — no measures", "{{name}} — 无措施"],
  "plan.invalid": [
    "The inputs have problems (marked below): earlier results are cleared until they are fixed.",
    "输入有误（见下方标注）：在修正之前，先前的结果已清除。",
  ],
  "plan.unclaimed": ["Other problems:", "其他问题："],
  "plan.notNeutral": [
    "Not neutral by {{year}} ({{gap}} t CO2e/yr)",
    "{{year}}年前未实现碳中和（缺口 {{gap}} 吨CO2当量/年）",
  ],
  "plan.neutral": ["Neutral in {{year}}", "{{year}}年实现碳中和"],
  "plan.peak": ["Peak year: {{year}}", "达峰年份：{{year}}"],
  "plan.macNeedsCosts": [
    "No measure has a cost: give a measure's capital cost, operating cost and lifetime to see its abatement cost against the carbon price.",
    "没有措施给出成本：填写措施的投资成本、年运行成本和使用寿命，即可与碳价比较其减排成本。",
  ],
  "plan.carbonPrice": [
    "Carbon price: the national ETS (CEA) mean price of its fourth year, growing 4 %/yr (an assumption); discount rate 8 %/yr.",
    "碳价：全国碳市场（CEA）第四年均价，年增长 4%（假设）；折现率 8%/年。",
  ],
  "plan.runFirst": ["Project the pathway to see it here.", "推演路径后在此显示。"],
  "plan.optimizeDemo": [
    "This is the shipped demo example (the Pingshuo structure problem), not this area's own land use: the API does not yet build a structure problem from an area's analysis.",
    "此为随附的示范算例（平朔土地利用结构问题），并非本矿区自身的土地利用：接口尚不能由矿区的分析结果构建结构优化问题。",
  ],
  "plan.binding": ["Binding constraints and their shadow prices", "起作用的约束及其影子价格"],
  "plan.constraint": ["Constraint", "约束"],
  "plan.shadowPrice": ["Shadow price", "影子价格"],
  "plan.classesChart": ["Class areas now and at the optimum (ha)", "现状与最优方案的地类面积（公顷）"],
  // Inventory
  "inv.choose": ["Inventory", "清单"],
  "inv.new": ["New year", "新增年份"],
  "inv.template": [
    "No inventory yet: fill in the first year's activity data. Electricity is counted with the national grid factor until a provincial one is chosen.",
    "尚无清单：请填写第一年的活动数据。在选定省级电网因子之前，电力按全国电网因子计算。",
  ],
  "inv.importHelp": [
    "Rows of field,value, or a header row of field names over a row of values: {{names}}",
    "每行“字段,数值”，或首行为字段名、次行为数值：{{names}}",
  ],
  "inv.importRead": ["{{file}}: {{count}} values read ✓", "{{file}}：已读取 {{count}} 个数值 ✓"],
  "inv.importUnknown": [
    "{{file}}: unknown field(s) {{unknown}}; known: {{known}}",
    "{{file}}：未知字段 {{unknown}}；可用字段：{{known}}",
  ],
  "inv.importFailed": ["{{file}} cannot be read: {{message}}", "无法读取 {{file}}：{{message}}"],
  "inv.problems": ["The inventory has problems: see the marked fields.", "清单有误：见标注的字段。"],
  "inv.saved": [
    "✓ Saved and computed: gross emissions {{gross}} t CO2e/yr · net balance {{balance}} t CO2e/yr",
    "✓ 已保存并计算：总排放 {{gross}} 吨CO2当量/年 · 净平衡 {{balance}} 吨CO2当量/年",
  ],
  "inv.notNumber": ["A number.", "须为数字。"],
  "inv.uncertainty": ["Uncertainty of the result", "结果的不确定性"],
  "inv.noUncertainty": [
    "No uncertainty can be given: no factor and no activity datum of this inventory has a range (low/high or a default range), so every input is taken as exact.",
    "无法给出不确定性：该清单的因子和活动数据均无区间（上下限或缺省区间），所有输入均按精确值处理。",
  ],
  "inv.uncertaintyNotAsked": [
    "No uncertainty analysis is stored with this inventory.",
    "该清单未保存不确定性分析。",
  ],
  "inv.exactInputs": ["Taken as exact: {{inputs}}", "按精确值处理：{{inputs}}"],
  "inv.reports": ["Report of this inventory", "该清单的报告"],
});
