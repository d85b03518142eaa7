import { defineMessages } from "./define-messages.ts";

/** Texts of the reports only (HTML and PDF), and of the charts they share with the web app. */
export const report = defineMessages({
  defaultTitle: ["Carbon budget report of the mining area", "煤矿区碳收支报告"],
  methods: [
    "Transfer matrices count pixels; areas convert pixel counts to hectares ({{width}}×{{height}} pixels, {{crs}}). Intensity analysis at interval, category and transition level follows Aldwaik & Pontius (2012), zero-change rule \"{{zeroRule}}\". Each interval's total change is split into quantity, exchange and shift (Pontius & Santacruz 2014). Accumulated changes count each pixel's class changes between consecutive dates (OpenLand's acc_changes). Carbon-sink zoning follows {{zoning}}. Carbon stock = Σ class area × density (t C/ha); the change in storage is the later minus the earlier stock (InVEST's carbon model; × 44/12 as CO2); the stock lost to mining is seed 001 §3.2's one-time loss on occupation.",
    "土地利用转移矩阵按像元计数，面积由像元面积换算为公顷 ({{width}}×{{height}} 像元，{{crs}})。强度分析采用 Aldwaik & Pontius (2012) 的时段、地类和转移三级，零变化规则：{{zeroRule}}。各时段总变化分解为数量、交换与转移组分 (Pontius & Santacruz 2014)。累计变化次数为每个像元在相邻年份间地类变化的次数 (OpenLand acc_changes)。碳汇分区依据 {{zoning}}。碳储量 = Σ 地类面积 × 碳密度 (t C/ha)，碳储量变化 = 后期 − 前期 (InVEST 碳模型；× 44/12 折算为 CO2)；采矿占用损失按种子论文 001 §3.2 的单次损失计算。",
  ],
  "zeroRule.paper": ["paper", "论文规则"],
  "zeroRule.openland": ["openland", "OpenLand 规则"],
  wholeSpan: ["{{period}} (whole span)", "{{period}}（全期）"],
  haPctOfArea: ["ha, % of the area", "公顷，占面积 %"],
  totalChange: ["total change", "总变化"],
  quantity: ["quantity", "数量"],
  exchange: ["exchange", "交换"],
  shift: ["shift", "转移"],
  changes: ["changes", "变化次数"],
  noChange: ["no change", "未变化"],
  changeCount_one: ["{{count}} change", "{{count}} 次变化"],
  changeCount_other: ["{{count}} changes", "{{count}} 次变化"],
  storedLost: ["+ stored, − lost", "正值为增加，负值为损失"],
  pool: ["pool", "碳库"],
  valuation: [
    "{{title}}: carbon price {{price}} CNY/t CO2e in {{priceYear}} ({{source}}), changing {{change}} %/yr, discount rate {{rate}} %/yr. Each interval's change is spread evenly over its years, each year's tonnes valued at that year's price and discounted to the interval's first year (InVEST's carbon valuation), then to {{presentYear}}.",
    "{{title}}：碳价 {{price}} 元/t CO2e ({{priceYear}}年；{{source}})，年变化率 {{change}}%，折现率 {{rate}}%。各时段的碳储量变化在其年份间均匀分布，每年按当年碳价计值并折现至时段首年 (InVEST 碳模型估值公式)，再折现至 {{presentYear}} 年。",
  ],
  priceAtStart: ["price at start (CNY/t CO2e)", "首年碳价 (元/t CO2e)"],
  npvFirstYear: ["NPV in the first year (CNY)", "折现至时段首年 (元)"],
  npvIn: ["NPV in {{year}} (CNY)", "折现至 {{year}} 年 (元)"],
  transferMatrix: ["Transfer matrix (ha) {{from}}→{{to}}", "转移矩阵 (公顷) {{from}}→{{to}}"],
  intervalIntensity: ["Interval intensity (%/yr)", "时段强度 (%/年)"],
  pace: ["pace", "速度"],
  carbonStocks: ["Carbon stocks (t C)", "碳储量 (t C)"],
  inventoryMethod: [
    "Computed by seed 002 Eq. 1–12; GWP {{gwp}} (CH4 = {{ch4}}); sink reading: {{reading}}.",
    "按种子论文 002 式 1–12 计算；GWP 取 {{gwp}} (CH4 = {{ch4}})；碳汇口径：{{reading}}。",
  ],
  totals: ["Totals (t CO2e/yr)", "合计 (t CO2e/年)"],
  item: ["item", "项目"],
  grossEmissions: ["gross emissions", "总排放"],
  sinksLower: ["sinks", "碳汇"],
  component: ["component", "组成"],
  sourceLower: ["source", "排放源"],
  sink: ["sink", "碳汇"],
  gasLine: [
    "{{source}}: {{volume}} m³ {{gas}} × {{density}} kg/m³ ({{basis}}) = {{mass}} t",
    "{{source}}：{{volume}} m³ {{gas}} × {{density}} kg/m³ ({{basis}}) = {{mass}} t",
  ],
  gasOther: [
    "; {{basis}}: × {{density}} kg/m³ = {{mass}} t ({{status}})",
    "；{{basis}}：× {{density}} kg/m³ = {{mass}} t ({{status}})",
  ],
  ccsCapturableLine: [
    "{{scope}} {{capturable}} {{value}} t CO2/yr.",
    "{{scope}}{{capturable}} {{value}} t CO2/年。",
  ],
  perYear: ["t CO2e/yr", "t CO2e/年"],
  peakNeutral: ["{{peak}} {{peakYear}}; {{neutral}}.", "{{peak}} {{peakYear}}；{{neutral}}。"],
  notNeutralAt: [
    "Not neutral by {{year}} ({{gap}} t CO2e/yr)",
    "至 {{year}} 年未实现碳中和（缺口 {{gap}} t CO2e/年）",
  ],
  neutralAt: ["Neutral in {{year}}", "{{year}} 年实现碳中和"],
  milestones: ["Milestone years (t CO2e/yr)", "各年份 (t CO2e/年)"],
  gross: ["gross", "总排放"],
  offsets: ["offsets", "抵销"],
  net: ["net", "净排放"],
  measureEffects: ["Effect of each measure in the end year (t CO2e/yr)", "各措施末年减排量 (t CO2e/年)"],
  measureLabel: ["{{n}}. {{measure}} from {{start}}", "{{n}}. {{measure}}（{{start}}年起）"],
  reclaimTo: ["{{n}}. reclamation to {{to}} from {{start}}", "{{n}}. 复垦为{{to}}（{{start}}年起）"],
  npc: [
    "Net present cost of the measures: {{cost}} CNY (discount rate {{rate}} %); carbon price {{source}}.",
    "措施净现值成本：{{cost}} 元（折现率 {{rate}}%）；碳价 {{source}}。",
  ],
  libraryVersion: ["Factor library version {{version}}", "因子库版本 {{version}}"],
  status: ["status", "状态"],
  factorName: ["name", "名称"],
  overridden: ["{{status}} (overridden)", "{{status}}（已覆盖）"],
  subjectLine: ["{{subject}} · Generated {{at}} · MineCarbon", "{{subject}} · 生成时间 {{at}} · MineCarbon"],
  mapLanduse: ["Land use {{year}}", "{{year}}年土地利用"],
  mapZones: ["Carbon-sink zones {{from}}–{{to}}", "{{from}}–{{to}}年碳汇分区"],
  mapChanges: ["Accumulated changes {{from}}–{{to}}", "{{from}}–{{to}}年累计变化次数"],
  mapCarbonChange: ["Carbon change {{from}}–{{to}}", "{{from}}–{{to}}年碳储量变化"],
  tCPerPixel: ["t C per pixel", "t C/像元"],
  noScale: ["no scale (the map's CRS is unknown)", "无比例尺（地图坐标系未知）"],
  stockLostLine: [
    "{{tc}} t C = {{tco2e}} t CO2e (density set {{set}}).",
    "{{tc}} t C = {{tco2e}} t CO2e（碳密度集 {{set}}）。",
  ],
  // Chart series and marks.
  netBand: ["net, 95 % interval (P2.5–P97.5)", "净排放 95% 区间 (P2.5–P97.5)"],
  netWithoutMeasures: ["net without measures", "无措施净排放"],
  neutralityLine: ["neutrality", "碳中和线"],
  neutrality: ["neutrality", "碳中和"],
  carbonPrice: ["carbon price {{price}}", "碳价 {{price}}"],
  perYearUnit: ["{{value}} t CO2e/yr", "{{value}} t CO2e/年"],
  // Known texts of the domain's warnings and assumptions, matched by their English form.
  "reason.noRangeFactor": [
    "no range in the factor's source and no default for its kind",
    "因子来源无区间，且该类因子无缺省不确定性",
  ],
  "reason.noStandVolumeDefault": ["no default for stand-volume data", "林分蓄积数据无缺省不确定性"],
  labelled: ["{{label}}: {{text}}", "{{label}}：{{text}}"],
  "warn.standVolume": ["{{label}} stand volume ({{path}})", "{{label}} 林分蓄积 ({{path}})"],
  "warn.unverifiedFactor": [
    "factor {{id}} ({{name}}) is UNVERIFIED: its value was not found in a source text; check it before relying on the result",
    "因子 {{id}}（{{name}}）未核实：其数值未在来源文本中找到，采用结果前请核查",
  ],
  "warn.assumedFactor": [
    "factor {{id}} ({{name}}) is an ASSUMPTION: no source gives it; replace it with a sourced value ({{option}}) before relying on the result",
    "因子 {{id}}（{{name}}）为假设值：无来源给出该值；采用结果前请替换为有来源的数值（{{option}}）",
  ],
  "warn.factorsExact": [
    "factors taken as exact (no range in their source and no default uncertainty for their kind), so the uncertainty ranges leave out theirs: {{ids}}; give them a range {{range}} in a {{option}} file",
    "以下因子按精确值处理（来源无区间、该类无缺省不确定性），不确定性区间未计入其误差：{{ids}}；请在 {{option}} 文件中为其给出区间 {{range}}",
  ],
  "warn.activityExact": [
    "activity data taken as exact (no default uncertainty for their kind): {{inputs}}; give each its own uncertainty ({{pct}} or {{lowHigh}})",
    "以下活动水平数据按精确值处理（该类数据无缺省不确定性）：{{inputs}}；请为每项给出其不确定性（{{pct}} 或 {{lowHigh}}）",
  ],
  "warn.defaultUncertaintyAssumption": [
    "default uncertainty {{id}} (−{{low}} %/+{{high}} %, {{what}}) is an ASSUMPTION: {{source}}",
    "缺省不确定性 {{id}}（−{{low}}%/+{{high}}%，{{what}}）为假设值：{{source}}",
  ],
  "warn.defaultUncertaintyUnverified": [
    "default uncertainty {{id}} (−{{low}} %/+{{high}} %, {{what}}) is UNVERIFIED: {{source}}",
    "缺省不确定性 {{id}}（−{{low}}%/+{{high}}%，{{what}}）未核实：{{source}}",
  ],
  listSeparator: ["; ", "；"],
  listComma: [", ", "、"],
  factorsLike: ["factors like {{id}}", "与 {{id}} 同类的因子"],
  withPath: ["{{label}} ({{path}})", "{{label}}（{{path}}）"],
  coalOutputFor: ["coal output for {{what}}", "{{what}}对应的原煤产量"],
  "warn.priceYear": [
    "the carbon price {{id}} ({{price}} {{unit}}) is for {{from}}–{{to}} but is read as the price in {{year}}, the first date: the values of the storage change are in {{year}} at that price; give the price of {{year}} (a number) to value the change at its own time",
    "碳价 {{id}}（{{price}} {{unit}}）适用于 {{from}}–{{to}} 年，却被用作首个日期 {{year}} 年的碳价：碳储量变化按该价格以 {{year}} 年的价值计；如需按各年自身的碳价计值，请给出 {{year}} 年的碳价（数值）",
  ],
  // The uncertainty analysis (src/domain/factor/uncertainty/uncertainty-analysis.ts) and the
  // pathway's band (src/domain/pathway/pathway-uncertainty.ts).
  "warn.approach1Beyond": [
    "Approach 1 is beyond its validity for {{figures}} (uncertainty above about ±60 %: IPCC holds it accurate while the standard deviation is below 0.3 of the mean); its interval there is a lognormal's for positive figures — Approach 2 is the better estimate",
    "方法 1 对 {{figures}} 超出其适用范围（不确定性高于约 ±60%：IPCC 认为标准差低于均值的 0.3 倍时方法 1 才准确）；此时其区间对正值取对数正态分布的区间——方法 2 的估计更好",
  ],
  "warn.drawsKeptFew": [
    "only {{kept}} of {{draws}} Monte Carlo draws could be kept: {{rejected}} broke {{rules}}; give the amounts involved uncertainties that allow it",
    "{{draws}} 次 Monte Carlo 抽样中仅 {{kept}} 次可以保留：{{rejected}} 次违反了约束 {{rules}}；请为相关数量给出能满足该约束的不确定性",
  ],
  "warn.drawsRedrawn": [
    "{{rejected}} Monte Carlo draws broke {{rules}} and were drawn again (the draws kept are those consistent with it)",
    "{{rejected}} 次 Monte Carlo 抽样违反了约束 {{rules}}，已重新抽样（保留的抽样均满足该约束）",
  ],
  ruleOr: [" or ", "或"],
  "rule.methaneRecovered": ["methane recovered ≤ methane liberated", "回收甲烷 ≤ 涌出甲烷"],
  "rule.co2Stored": ["CO2 stored ≤ point-source CO2", "封存 CO2 ≤ 点源 CO2"],
  "rule.inYear": ["{{year}}: {{rule}}", "{{year}} 年：{{rule}}"],
  "warn.bandExact": [
    "the band leaves out the uncertainty of what has no range (no range in its source and no default for its kind): {{list}}",
    "不确定性带未计入无区间各项（来源无区间，且该类无缺省不确定性）的不确定性：{{list}}",
  ],
  "warn.bandDrawsKept": [
    "only {{kept}} of {{draws}} draws kept: the others broke a physical constraint of the inventory",
    "{{draws}} 次抽样中仅保留 {{kept}} 次：其余抽样违反了清单的物理约束",
  ],
  "rule.reclaimedFrom": [
    "land reclaimed from {{cls}} ≤ the {{cls}} land there is (existing + converted into it)",
    "由{{cls}}复垦的土地 ≤ 现有的{{cls}}土地（原有 + 转入）",
  ],
  // The land-use analysis (src/landuse-analysis/analysis-summary.ts) and map accuracy
  // (src/domain/landuse/accuracy.ts).
  "warn.nodataExcluded": [
    "{{pixels}} pixels are nodata at some dates (not all) and are left out of every date, so that all matrices cover the same area",
    "{{pixels}} 个像元在部分（而非全部）日期为无数据，已从所有日期中剔除，使各矩阵覆盖相同的范围",
  ],
  "warn.zoneOverlap": [
    "{{pixels}} pixels lie in two zones; each counts in the first",
    "{{pixels}} 个像元位于两个分区内；每个像元计入第一个分区",
  ],
  "warn.resampled": [
    "dates {{dates}} were resampled onto the first grid by nearest neighbour",
    "{{dates}} 年的地图已按最邻近法重采样到第一期地图的网格上",
  ],
  "warn.noSamples": ["no samples to assess", "没有可供评价的样本"],
  "warn.accuracyBelow": [
    "overall accuracy {{oa}}% is below the 85% seed 001 requires",
    "总体精度 {{oa}}% 低于种子论文 001 要求的 85%",
  ],
  "warn.kappaBelow": [
    "{{symbol}} {{kappa}} is below the 0.75 seed 001 requires",
    "{{symbol}} 系数 {{kappa}} 低于种子论文 001 要求的 0.75",
  ],
  // The land-use carbon budget (src/domain/budget/budget-report.ts).
  "warn.noEmissionCoefficient": [
    "{{label}} ({{landType}}): the coefficient set gives no emission coefficient; it counts as none",
    "{{label}}（{{landType}}）：系数集未给出碳排放系数，按无排放计",
  ],
  "warn.noAbsorptionCoefficient": [
    "{{label}} ({{landType}}): the coefficient set gives no absorption coefficient; it counts as none",
    "{{label}}（{{landType}}）：系数集未给出碳吸收系数，按无吸收计",
  ],
  "warn.energyUseShare": [
    "{{pct}} % of the emission E ({{tc}} t C/yr) is energy used on construction land, counted per hectare: do not add this budget to a mine inventory of the same land and years (it measures that energy); declare the inventory ({{field}}) to get the netted figure",
    "排放量（{{tc}} t C/年）的 {{pct}}% 是建设用地上按公顷计的能源消耗：不要将本收支与同一土地、同一年份的煤矿清单相加（清单已计量这部分能源）；请声明该清单（{{field}}）以得到扣除重复后的数值",
  ],
  // The pool table of a density set (src/landuse-analysis/density-set-pools.ts).
  "warn.densitySetMissing": [
    "{{set}} gives no density for {{classes}}; they are counted as 0 t C/ha, so changes to and from them are not in the carbon change",
    "碳密度集 {{set}} 未给出{{classes}}的碳密度；这些地类按 0 t C/ha 计，因此与它们之间的转换不计入碳储量变化",
  ],
  // The pathway's assumptions (src/domain/pathway/project-pathway.ts, stand-growth.ts).
  "pathway.standGrowth": [
    "Woody stands, existing (the baseline inventory's forest and shrub, from the base year {{year}}) and reclaimed, grow along one {{curve}} curve, {{formula}}, {{k}}/yr, {{c}}: {{source}}. An existing stand's curve passes through its growing stock at its stated age, so it saturates as reclaimed stands do.",
    "林木（基准清单中自基准年 {{year}} 起的现有乔木林与灌木，以及复垦林木）沿同一条 {{curve}} 生长曲线生长，{{formula}}，{{k}}/年，{{c}}：{{source}}。现有林分的曲线经过其所述林龄时的蓄积量，因此与复垦林分一样趋于饱和。",
  ],
  "pathway.growthSource": ["source: {{source}}", "来源：{{source}}"],
  "pathway.growthAssumption": [
    "an ASSUMPTION (no source given; set {{field}} with its source)",
    "为假设值（未给出来源；请设置 {{field}} 并注明来源）",
  ],
  "pathway.baseYearAbove": [
    "The pathway's sinks run on without a step: in the base year too the existing woody stands count the curve's gain of that year, {{gain}}: {{curve}} t CO2e/yr, where the inventory counts their mean annual increment (growing stock ÷ age): {{inventory}}; so the pathway's base-year net is {{diff}} t CO2e/yr above the inventory's balance.",
    "路径的碳汇连续、无跳变：基准年中现有林木同样计入生长曲线当年的增量 {{gain}}：{{curve}} t CO2e/年，而清单计入其年均生长量（蓄积量 ÷ 林龄）：{{inventory}}；因此路径基准年的净排放比清单的收支高 {{diff}} t CO2e/年。",
  ],
  "pathway.baseYearBelow": [
    "The pathway's sinks run on without a step: in the base year too the existing woody stands count the curve's gain of that year, {{gain}}: {{curve}} t CO2e/yr, where the inventory counts their mean annual increment (growing stock ÷ age): {{inventory}}; so the pathway's base-year net is {{diff}} t CO2e/yr below the inventory's balance.",
    "路径的碳汇连续、无跳变：基准年中现有林木同样计入生长曲线当年的增量 {{gain}}：{{curve}} t CO2e/年，而清单计入其年均生长量（蓄积量 ÷ 林龄）：{{inventory}}；因此路径基准年的净排放比清单的收支低 {{diff}} t CO2e/年。",
  ],
  "pathway.reclamation": [
    "{{measure}}: {{ha}} ha of at most {{from}}; vegetation towards {{max}} t C/ha ({{source}}) with {{k}}, {{c}} ({{curveSource}}); soil gains {{soil}} t C/ha over {{years}} years ({{soilSource}}; years: {{yearsSource}}).",
    "{{measure}}：{{ha}} 公顷，上限为{{from}}；植被碳密度趋向 {{max}} t C/公顷（{{source}}），{{k}}，{{c}}（{{curveSource}}）；土壤碳在 {{years}} 年内增加 {{soil}} t C/公顷（{{soilSource}}；年限：{{yearsSource}}）。",
  ],
  "pathway.reclaimMining": [
    "the {{ha}} ha of industrial and mining land of the baseline year {{year}} ({{field}})",
    "基准年 {{year}} 的 {{ha}} 公顷工矿用地 ({{field}})",
  ],
  "pathway.reclaimMiningWithin": [
    "the {{ha}} ha of industrial and mining land of the baseline year {{year}} ({{field}}, within the {{boundary}} ha boundary)",
    "基准年 {{year}} 的 {{ha}} 公顷工矿用地（{{field}}，限于 {{boundary}} 公顷的边界内）",
  ],
  "pathway.reclaimNotSink": [
    "the {{ha}} ha of the baseline year {{year}} not counted as a sink (boundary {{boundary}} ha − {{sinks}} ha of forest stands and ecosystems; give {{field}} to state the industrial and mining land)",
    "基准年 {{year}} 未计为碳汇的 {{ha}} 公顷（边界 {{boundary}} 公顷 − 乔木林与生态系统 {{sinks}} 公顷；请给出 {{field}} 以说明工矿用地面积）",
  ],
  "pathway.noSoilGiven": [
    "none given: no soil carbon regained beyond {{field}}",
    "未给出：除 {{field}} 外不计土壤碳恢复",
  ],
  "pathway.ownSoilYears": ["the measure's own {{field}}", "该措施自身的 {{field}}"],
  "pathway.soilTransition": [
    "IPCC 2006 default transition period for soil carbon ({{id}}, Vol. 4 Ch. 2 Eq. 2.25)",
    "IPCC 2006 土壤碳缺省转换期（{{id}}，第4卷第2章式2.25）",
  ],
  // Fixed notes of the domain, recognised by their whole English text (test/report checks they
  // still equal the domain's constants).
  "note.woodyMeanIncrement": [
    "woody stands (forest stands, shrub) are read as a mean annual increment — their biomass carbon ÷ stand age since establishment, which takes their growth as even over their age — not IPCC Tier 1's gain–loss method with default growth rates (IPCC 2006 Vol. 4 Ch. 4 Tables 4.9–4.12); their soil carbon is held as a stock and counts no yearly sink (unchanged use, Vol. 4 Ch. 2 Eq. 2.25)",
    "林木（乔木林、灌木）按年均增量计算——生物量碳 ÷ 造林以来的林龄，即视其生长在林龄内均匀——而非 IPCC Tier 1 采用缺省生长率的增减法（IPCC 2006 第4卷第4章表4.9–4.12）；其土壤碳视为存量，不计年碳汇（利用方式不变，第4卷第2章式2.25）",
  ],
  "note.activityFollowsCoal": [
    "Activity (energy, methane, CO2, explosives) follows coal output in proportion to the baseline year.",
    "活动水平（能源、甲烷、CO2、炸药）按基准年的比例随原煤产量变化。",
  ],
  "note.effectsOrder": [
    "Effects are attributed in the scenario's order (each measure after those listed before it).",
    "减排效果按情景中措施的顺序归因（每项措施在其前列措施之后计算）。",
  ],
  // The connecting words of a factor's source around its citations (factor-source.ts).
  "source.asCitedIn": [", as cited in {{x}}", "，转引自 {{x}}"],
  "source.asQuotedBy": [", as quoted by {{x}}", "，转引自 {{x}}"],
  "source.asQuotedIn": [", as quoted in {{x}}", "，转引自 {{x}}"],
  "source.asReportedBy": [", as reported by {{x}}", "，据 {{x}} 报道"],
  "source.citingItsRef": [", citing its ref. {{x}}", "，引用其参考文献 {{x}}"],
  "source.citing": [", citing {{x}}", "，引用 {{x}}"],
  "source.via": [" via {{x}}", "，经 {{x}} 转录"],
  "source.text": ["{{x}} text", "{{x}} 正文"],
  "source.newsReport": ["news report", "新闻报道"],
  "source.withTable": ["{{source}}, {{table}}", "{{source}}，{{table}}"],
  "note.ccsStoredSink": ["CO2 captured and stored (CCS)", "捕集并封存的 CO2（CCS）"],
  "note.assumptionNoSource": ["assumption (no source given)", "假设值（未给出来源）"],
  "note.ccsMeasures": [
    "CCS measures capture their rate of the point-source CO2 not yet captured. CCS captures point-source CO2 only: fuel burned in stationary sources on industrial and mining land and recovered methane burned in engines, boilers or flares; methane, N2O, purchased electricity and heat (emitted where generated), mobile machinery and vehicles, ventilation-air CO2 (that of oxidised ventilation-air methane too), explosives and households cannot be captured by the mine.",
    "CCS 措施按其捕集率捕集尚未捕集的点源 CO2。CCS 只能捕集点源 CO2：工矿用地固定源燃料燃烧及回收甲烷在发动机、锅炉或火炬中燃烧产生的 CO2；甲烷、N2O、外购电力和热力（排放发生在发电地）、移动机械和车辆、风排 CO2（包括乏风瓦斯氧化产生的 CO2）、炸药和居民生活排放均不能由煤矿捕集。",
  ],
});
