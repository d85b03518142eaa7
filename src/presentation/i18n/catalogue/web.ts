import { defineMessages } from "./define-messages.ts";

/** Texts of the web app only. */
export const web = defineMessages({
  "view.inventory": ["Inventory & reports", "清单与报告"],
  comingSoon: ["This view is being rebuilt.", "此视图正在重建。"],
  areaNotFound: ["There is no mining area with this id.", "没有此编号的矿区。"],
  pageNotFound: ["There is no such page.", "没有此页面。"],
  loadFailed: ["Could not load: {{message}}", "无法加载：{{message}}"],
  retry: ["Retry", "重试"],
  cancel: ["Cancel", "取消"],
  required: ["Required.", "必填。"],
  stale: ["stale", "已过期"],
  current: ["current", "最新"],
  staleAnalysis: [
    "A map was replaced after the latest analysis: its figures, layers and charts are stale until the analysis is run again.",
    "最近一次分析之后有地图被替换：在重新运行分析之前，其指标、图层和图表均已过期。",
  ],
  // Overview
  "overview.latestMap": ["Land use {{year}}", "{{year}}年土地利用"],
  "overview.mapOf": ["Map: {{title}}", "地图：{{title}}"],
  "overview.noMap": ["No land-use map yet: upload one under Data.", "尚无土地利用图：请在“数据”中上传。"],
  "overview.chartTitle": ["Carbon stock and emissions over time", "碳储量与排放随时间变化"],
  "overview.noSeries": [
    "Nothing to chart yet: run the land-use analysis or enter an inventory.",
    "暂无可绘制的数据：请运行土地利用分析或录入清单。",
  ],
  "overview.stock": ["Carbon stock of the land (t C)", "土地碳储量 (t C)"],
  "overview.gross": ["Gross emissions (t CO2e/yr)", "总排放 (t CO2e/年)"],
  "overview.sink": ["Sinks (t CO2e/yr)", "碳汇 (t CO2e/年)"],
  // Map
  "layerKind.landuse": ["Land use", "土地利用"],
  "layerKind.zones": ["Carbon-sink zoning", "碳汇分区"],
  "layerKind.carbon-change": ["Carbon change", "碳储量变化"],
  "layerKind.changes": ["Accumulated changes", "累计变化"],
  // Data
  analyses: ["Analyses", "分析记录"],
  "analysis.kind": ["Kind", "类型"],
  "analysis.status": ["Status", "状态"],
  "analysis.created": ["Started", "开始时间"],
  "analysisKind.landuse": ["land use", "土地利用"],
  "analysisKind.budget": ["budget", "碳收支"],
  "analysisKind.inventory": ["inventory", "清单"],
  "run.needTwoMaps": [
    "The analysis compares maps: upload maps of at least two years.",
    "分析需比较不同年份的地图：请至少上传两个年份的地图。",
  ],
  // Density sets by id (src/domain/budget/density-sets.ts): a name and what the set holds.
  "densitySet.seed001-yang2019": ["Yang et al. 2019 (Seed 001 §3.2)", "杨等 2019（文献 001 §3.2）"],
  "densitySetNote.seed001-yang2019": [
    "Soil and vegetation carbon lost when arable land, forest and grassland are taken by mining",
    "耕地、林地和草地被采矿占用时损失的土壤与植被碳",
  ],
  "run.showMap": ["Show the result on the map", "在地图上查看结果"],
  "upload.choose": ["Choose a GeoTIFF", "选择 GeoTIFF 文件"],
  "upload.needFile": ["Choose the map's GeoTIFF file.", "请选择地图的 GeoTIFF 文件。"],
  "upload.badYear": ["A year 1900–2200.", "年份须在 1900–2200 之间。"],
  "upload.replaceTitle": ["Replace the map of {{year}}?", "替换 {{year}} 年的地图？"],
  "upload.replaceText": [
    "The area already has a map of {{year}}. Replacing it marks every analysis computed from it as stale until it is run again.",
    "该矿区已有 {{year}} 年的地图。替换后，所有基于该地图的分析结果都将标记为过期，直至重新运行。",
  ],
  "upload.replace": ["Replace", "替换"],
  "upload.stored": [
    "✓ {{year}}: {{width}}×{{height}} px, {{crs}}",
    "✓ {{year}}：{{width}}×{{height}} 像元，{{crs}}",
  ],
  "upload.replaced": [
    "✓ {{year}} replaced: {{width}}×{{height}} px, {{crs}}",
    "✓ 已替换 {{year}}：{{width}}×{{height}} 像元，{{crs}}",
  ],
  "upload.staleAnalyses": [
    "{{count}} analyses used the replaced map and are now stale: run the analysis again.",
    "{{count}} 项分析使用了被替换的地图，现已过期：请重新运行分析。",
  ],
  // Legend editor
  "legend.help": [
    "Each class says what it is (its role): the zoning rules and the density sets read classes by their role, not by their name. Choose the role of every class.",
    "每个地类须指明其类别（角色）：分区规则和碳密度集按角色而非名称识别地类。请为每个地类选择角色。",
  ],
  "legend.code": ["Code", "编码"],
  "legend.role": ["Role (what the class is)", "角色（地类性质）"],
  "legend.chooseRole": ["choose…", "请选择…"],
  "legend.colour": ["Colour", "颜色"],
  "legend.add": ["Add a class", "添加地类"],
  "legend.remove": ["Remove the class", "删除地类"],
  "legend.importCsv": ["Import a legend CSV", "导入图例 CSV"],
  "legend.imported": [
    "{{count}} classes read from {{file}}: check them and save.",
    "已从 {{file}} 读取 {{count}} 个地类：请核对后保存。",
  ],
  "legend.importedWithoutRole": [
    "{{count}} of them have no role in the file (a role or key column): choose one for each.",
    "其中 {{count}} 个在文件中没有角色（role 或 key 列）：请逐一选择。",
  ],
  "legend.ignoredColumns": ["Columns not read: {{columns}}.", "未读取的列：{{columns}}。"],
  "legend.saved": ["{{count}} classes saved", "已保存 {{count}} 个地类"],
  "legend.badCode": ["A whole number 0–65535.", "须为 0–65535 的整数。"],
  "legend.duplicateCode": ["Code {{code}} is used twice.", "编码 {{code}} 重复。"],
  "legend.needName": ["A name.", "须填写名称。"],
  "legend.needRole": ["Choose what this class is.", "请选择该地类的角色。"],
  "legend.noClasses": ["The legend needs at least one class.", "图例至少需要一个地类。"],
  "legend.fixCells": ["{{count}} problems: see the marked cells.", "{{count}} 处问题：见标出的单元格。"],
  "legend.importedSuggested": [
    "{{count}} of them are given the role their name suggests: confirm or change each (marked “suggested”).",
    "其中 {{count}} 个已按名称填入建议角色：请逐一确认或更改（标有“建议”）。",
  ],
  "legend.suggested": ["suggested — confirm", "建议——请确认"],
  "legend.suggestedHint": [
    "Filled in from the class's name, not stated: confirm it or choose another.",
    "根据地类名称填入，并非明确给出：请确认或另选。",
  ],
  "legend.confirmRole": ["Confirm", "确认"],
  "legend.confirmAll": ["Confirm all suggested roles", "确认全部建议角色"],
  "legend.needConfirm": ["Confirm the suggested role or choose another.", "请确认建议角色或另选。"],
  // The legend's problems as the domain and the API word them (src/presentation/i18n/domain-text.ts).
  "legendText.at": ["{{path}}: {{message}}", "{{path}}：{{message}}"],
  "legendText.row": ["row {{row}}, {{column}}", "第 {{row}} 行，{{column}} 列"],
  "legendText.header": ["header", "表头"],
  "legendText.columns": [
    "a legend needs a code column ({{code}}) and a name column ({{name}}); got {{got}}",
    "图例须有编码列（{{code}}）和名称列（{{name}}）；实际为 {{got}}",
  ],
  "legendText.noColumns": ["no columns", "无列"],
  "legendText.or": [" or ", " 或 "],
  "legendText.colour": [
    "must be a colour like {{example}}; got “{{got}}”",
    "须为形如 {{example}} 的颜色；实际为“{{got}}”",
  ],
  "legendText.code": [
    "must be a whole number 0–65535; got “{{got}}”",
    "须为 0–65535 的整数；实际为“{{got}}”",
  ],
  "legendText.codeTwice": ["code {{code}} is already on row {{row}}", "编码 {{code}} 已在第 {{row}} 行使用"],
  "legendText.empty": ["must not be empty", "不能为空"],
  "legendText.noClasses": ["has no classes", "没有地类"],
  "legendText.noRole": ["class {{code}} “{{name}}” has no role", "地类 {{code}}“{{name}}”没有角色"],
  "legendText.noRoleWrite": [
    "class {{code}} “{{name}}” has no role (its name suggests “{{role}}”: confirm it by writing it)",
    "地类 {{code}}“{{name}}”没有角色（其名称提示为“{{role}}”：请在文件中写明以确认）",
  ],
  "legendText.needsRole": [
    "class {{code}} “{{name}}” needs its role, one of {{roles}}",
    "地类 {{code}}“{{name}}”须指定角色，可选：{{roles}}",
  ],
  "legendText.needsRoleSuggested": [
    "class {{code}} “{{name}}” needs its role, one of {{roles}} (its name suggests “{{role}}”: confirm it)",
    "地类 {{code}}“{{name}}”须指定角色，可选：{{roles}}（其名称提示为“{{role}}”：请确认）",
  ],
  "legendText.everyRole": [
    "every class needs its role, written in a role (or key) column: one of {{roles}}; {{count}} classes have none",
    "每个地类都须在 role（或 key）列写明角色，可选：{{roles}}；{{count}} 个地类没有角色",
  ],
  "legendText.lacksCodes": ["the new legend lacks codes of the area's maps", "新图例缺少本矿区地图中的编码"],
  "legendText.keepCode": [
    "must keep code {{code}}: the {{year}} map has {{pixels}} px of it; add it back or recode that map first",
    "须保留编码 {{code}}：{{year}} 年地图中有 {{pixels}} 个该编码的像元；请加回该地类，或先对该地图重新编码",
  ],
  "legendText.rolesRefused": [
    "every legend class needs its role (what it is); none is guessed from its name",
    "每个图例地类都须指定角色（地类性质）；不会根据名称猜测",
  ],
  // An activity field about a fuel or gas: "electricity: amount consumed".
  "inventory.slotLabel": ["{{term}}: {{label}}", "{{term}}：{{label}}"],
  // A pool's density in the legend editor: "soil: arable land" (the factor of the class measured).
  "legend.poolDensity": ["{{pool}}: {{factor}}", "{{pool}}：{{factor}}"],
  "legend.densitySetColumn": ["Carbon densities: {{set}}", "碳密度：{{set}}"],
  "legend.noDensity": ["not in this set", "不在此密度集中"],
  "legend.noDensityHint": [
    "This density set gives no carbon density for this role: its land is left out of the carbon figures.",
    "该密度集未给出此角色的碳密度：该类土地不计入碳储量。",
  ],
  "pool.soil": ["soil", "土壤"],
  "pool.vegetation": ["vegetation", "植被"],
});
