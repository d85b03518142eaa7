/** The two languages of the web app and the reports. */
export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

const STRINGS = {
  appTitle: ["MineCarbon — carbon budgets of coal-mining areas", "MineCarbon — 煤矿区碳收支"],
  overview: ["Overview", "概览"],
  map: ["Map", "地图"],
  charts: ["Charts", "图表"],
  data: ["Data", "数据"],
  reports: ["Reports", "报告"],
  areas: ["Mining areas", "矿区"],
  newArea: ["New mining area", "新建矿区"],
  name: ["Name", "名称"],
  nameZh: ["Chinese name", "中文名称"],
  legend: ["Legend", "图例"],
  create: ["Create", "创建"],
  save: ["Save", "保存"],
  upload: ["Upload", "上传"],
  uploadMap: ["Upload a land-use map", "上传土地利用图"],
  year: ["Year", "年份"],
  file: ["File (GeoTIFF)", "文件 (GeoTIFF)"],
  runAnalysis: ["Run land-use analysis", "运行土地利用分析"],
  densitySet: ["Carbon densities", "碳密度"],
  none: ["none", "无"],
  progress: ["Progress", "进度"],
  language: ["Language", "语言"],
  "figure.area": ["Analysed area", "分析面积"],
  "figure.landuse-budget": [
    "Carbon stock change from land use (− = lost)",
    "土地利用碳储量变化（负值为损失）",
  ],
  "figure.inventory-total": ["Inventory: gross emissions", "清单：总排放"],
  "figure.neutrality-gap": ["Neutrality gap", "碳中和缺口"],
  "figure.coal-intensity": ["Emissions per tonne of coal", "吨煤排放强度"],
  source: ["Source", "来源"],
  layers: ["Layers", "图层"],
  pixelHistory: ["Class history of the pixel", "像元地类变化历史"],
  clickMap: ["Click the map to see a pixel's class history.", "点击地图查看像元的地类变化历史。"],
  sankey: ["Transfers between years (ha)", "年份间土地转移 (公顷)"],
  zoneShares: ["Carbon-sink zone shares per period (%)", "各时段碳汇分区占比 (%)"],
  classAreas: ["Class areas over time (ha)", "各地类面积变化 (公顷)"],
  chord: ["Transitions from the first to the last year (ha)", "首末年份间土地转移 (公顷)"],
  accumulatedChanges: ["Accumulated changes (class changes per pixel)", "累计变化次数 (像元地类变化次数)"],
  componentsOverall: [
    "Change components per interval: quantity, exchange, shift",
    "各时段变化组分：数量、交换、转移",
  ],
  changesLayers: ["Accumulated changes", "累计变化"],
  carbonChange: ["Change in carbon storage", "碳储量变化"],
  carbonValue: ["Value of the change in carbon storage (InVEST)", "碳储量变化的价值 (InVEST)"],
  waterfall: [
    "Inventory: from sources through sinks to the balance (t CO2e/yr)",
    "清单：排放源、碳汇与净平衡 (t CO2e/年)",
  ],
  factors: ["Factors used and their sources", "所用因子及来源"],
  factorId: ["Factor", "因子"],
  value: ["Value", "数值"],
  unit: ["Unit", "单位"],
  inventory: ["Activity data of a year", "年度活动数据"],
  mine: ["Mine", "煤矿"],
  coalOutput: ["Coal output (t)", "原煤产量 (t)"],
  boundaryArea: ["Boundary area (ha)", "边界面积 (公顷)"],
  electricity: ["Electricity (10^4 kWh)", "电力 (万千瓦时)"],
  rawCoal: ["Raw coal burnt (t)", "原煤消耗 (t)"],
  diesel: ["Diesel (t)", "柴油 (t)"],
  methane: ["Underground CH4 emitted (t)", "井下甲烷排放 (t)"],
  co2Fugitive: ["Underground CO2 emitted (t)", "井下二氧化碳排放 (t)"],
  importCsv: ["Import CSV/XLSX", "导入 CSV/XLSX"],
  compute: ["Compute", "计算"],
  report: ["Report", "报告"],
  downloadHtml: ["Download HTML report", "下载 HTML 报告"],
  downloadPdf: ["Download PDF report", "下载 PDF 报告"],
  sources: ["Sources", "排放源"],
  sinks: ["Sinks", "碳汇"],
  balance: ["Net balance", "净平衡"],
  noData: ["Nothing yet.", "暂无数据。"],
  methods: ["Methods", "方法"],
  generated: ["Generated", "生成时间"],
  maps: ["Maps", "地图"],
  tables: ["Tables", "表格"],
  class: ["Class", "地类"],
  zone: ["Zone", "分区"],
  period: ["Period", "时段"],
  share: ["Share", "占比"],
  area: ["Area (ha)", "面积 (公顷)"],
  warnings: ["Warnings", "警告"],
  assumptions: ["Assumptions", "假设"],
  analysis: ["Land-use analysis", "土地利用分析"],
  inventoryTitle: ["Mine inventory and neutrality balance", "煤矿碳排放清单与碳中和平衡"],
  uncertaintyTitle: ["Uncertainty (IPCC 2006 Vol. 1 Ch. 3)", "不确定性（IPCC 2006 第1卷第3章）"],
  uncertaintyMethod: [
    "Approach 1 propagates each input's 95 % interval (Eq. 3.1 for products, 3.2 for sums); Approach 2 draws every input (Monte Carlo) and gives the 2.5th–97.5th percentiles.",
    "方法1按各输入的95%区间传递误差（乘积用式3.1，求和用式3.2）；方法2对各输入抽样（蒙特卡洛），给出2.5%–97.5%分位数。",
  ],
  figure: ["figure", "项目"],
  approach1Pct: ["Approach 1, ± %", "方法1，± %"],
  approach2Range: ["Approach 2, 95 % interval", "方法2，95% 区间"],
  takenAsExact: ["Taken as exact (no range and no default)", "按精确值处理（无区间、无缺省值）"],
  gasVolumes: ["Gas volumes and the basis they are weighed at", "气体体积及其计量基准"],
  ccsScope: [
    "CCS captures point-source CO2 only: fuel burned in stationary sources on industrial and mining land and recovered methane burned; methane, N2O, purchased electricity and heat, mobile machinery, ventilation-air CO2, explosives and households cannot be captured by the mine.",
    "CCS 只能捕集点源 CO2：工矿用地固定源燃料燃烧及回收甲烷燃烧产生的 CO2；甲烷、N2O、外购电力和热力、移动机械、风排瓦斯氧化的 CO2、炸药和居民生活排放均不能由煤矿捕集。",
  ],
  ccsCapturable: ["CCS can capture at most", "CCS 最多可捕集"],
  stockLost: ["Carbon stock lost to mining", "采矿占用损失的碳储量"],
  apiDocs: ["API", "接口文档"],
  done: ["done", "完成"],
  failed: ["failed", "失败"],
  queued: ["queued", "排队中"],
  running: ["running", "运行中"],
  plan: ["Plan", "规划"],
  pathway: ["Pathway to neutrality", "碳中和路径"],
  measures: ["Measures", "减排措施"],
  runPathway: ["Project to 2060", "推演至2060年"],
  neutralYear: ["Neutral in", "碳中和年份"],
  notNeutral: ["Not neutral by", "未在此前实现碳中和"],
  peakYear: ["Peak year", "达峰年份"],
  mac: ["Marginal abatement cost curve", "边际减排成本曲线"],
  optimize: ["Land-use structure optimization", "土地利用结构优化"],
  runOptimize: ["Optimize (demo area example)", "优化（示范区示例）"],
  current: ["current", "现状"],
  optimal: ["optimal", "最优"],
  startYear: ["start", "开始年份"],
  rampYears: ["ramp (years)", "过渡年数"],
  level: ["level", "力度"],
  coalOutputEnd: ["Coal output in the end year (t)", "末年原煤产量 (t)"],
  needsInventory: [
    "This area has no inventory yet: enter a year's activity data under Data first.",
    "该矿区尚无清单：请先在“数据”中录入年度活动数据。",
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof STRINGS;

/** The text of `key` in `lang`. */
export function t(lang: Lang, key: MessageKey): string {
  return STRINGS[key][lang === "zh" ? 1 : 0];
}

/** A number in the language's format, with at most `digits` decimals. */
export function formatNumber(lang: Lang, v: number, digits = 2): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits }).format(
    v,
  );
}

/** A class or zone name in the language (the Chinese name when there is one). */
export function className(lang: Lang, c: { name: string; nameZh?: string | null }): string {
  return lang === "zh" && c.nameZh ? c.nameZh : c.name;
}

/** Chinese names of the carbon-sink zones of seed 001 Table 1. */
const ZONE_ZH: Readonly<Record<string, string>> = {
  invariant: "不变区",
  enhancement: "碳汇增强区",
  "low-carbon-optimization": "低碳优化区",
  "emission-control": "排放控制区",
  unclassified: "未分类",
};

/** A number of class changes of a pixel (accumulated changes) in the language: "no change", "2 changes". */
export function changeCountName(lang: Lang, changes: number): string {
  if (lang === "zh") return changes === 0 ? "未变化" : `${changes} 次变化`;
  return changes === 0 ? "no change" : `${changes} change${changes === 1 ? "" : "s"}`;
}

/** A zone name in the language. */
export function zoneName(lang: Lang, zone: string): string {
  return lang === "zh" ? (ZONE_ZH[zone] ?? zone) : zone;
}
