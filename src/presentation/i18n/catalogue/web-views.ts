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
  // A factor's source with its status: "Yang et al. (2019), seed 001 §3.2 (secondary)".
  "charts.sourceStatus": ["{{source}} ({{status}})", "{{source}}（{{status}}）"],
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
    "至{{year}}年仍未实现碳中和（缺口 {{gap}} 吨CO2当量/年）",
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
    "This is the shipped example (the Pingshuo-like demo area's structure problem), not this area's own land use.",
    "此为随附示例（平朔式示范矿区的结构优化问题），并非本矿区自身的土地利用。",
  ],
  "plan.optimizeOwn": ["This area's own land use", "本矿区自身的土地利用"],
  "plan.optimizeExample": ["The shipped example (Pingshuo-like demo)", "随附示例（平朔式示范矿区）"],
  "plan.optimizeBasis": [
    "Starts from the {{year}} land use of the area's latest finished analysis: {{classes}} classes, {{area}} ha; carbon coefficients of {{set}}. The class floors and caps are illustrative planning targets scaled from the Pingshuo example to this area's current areas, not policy.",
    "以本矿区最近一次完成的分析中{{year}}年的土地利用为起点：{{classes}}个地类，共 {{area}} 公顷；碳系数取自 {{set}}。各地类的下限和上限是按平朔示例比例换算到本矿区现状面积的示意性规划目标，并非政策规定。",
  ],
  "plan.optimizeStale": [
    "The analysis is stale (its maps, legend or boundary changed since): run it again for the current areas.",
    "该分析已过期（其地图、图例或边界此后有变）：请重新运行以获得当前面积。",
  ],
  "plan.optimizeHeld": [
    "Held at their current area (their class role has no land-use carbon coefficient):",
    "以下地类保持现状面积（其地类角色没有土地利用碳系数）：",
  ],
  "plan.heldClass": ["{{name}}: {{area}} ha", "{{name}}：{{area}} 公顷"],
  "plan.optimizeNeedsAnalysis": [
    "This area has no finished land-use analysis: run one under Data to optimize its own land structure; the shipped example can be run meanwhile.",
    "本矿区尚无已完成的土地利用分析：请在“数据”中运行分析后优化其自身的用地结构；在此之前可运行随附示例。",
  ],
  "plan.coalOutput": ["Coal output the structure keeps (t/yr)", "结构须保障的原煤产量（吨/年）"],
  "plan.coalOutputHint": [
    "From the area's latest inventories; empty: no floor for the land the output needs.",
    "取自本矿区最新清单；留空则不设产量所需土地的下限。",
  ],
  "plan.runOptimize": ["Optimize this area's structure", "优化本矿区用地结构"],
  "plan.runOptimizeExample": ["Optimize the example", "优化示例"],
  "plan.classesTable": ["Class areas now and at the optimum", "现状与最优方案的地类面积"],
  "plan.class": ["Class", "地类"],
  "plan.currentHa": ["Now (ha)", "现状（公顷）"],
  "plan.optimalHa": ["Optimum (ha)", "最优（公顷）"],
  "plan.changeHa": ["Change (ha)", "变化（公顷）"],
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
