import { defineMessages } from "./define-messages.ts";

/**
 * Names of the domain's things in both languages: zones, carbon pools, measures, class roles,
 * gases, source categories (inventory components and the fixed source lines), fuels, factor
 * statuses, the pace of an interval. Keys are `kind.id`, the id being the domain's own.
 */
export const terms = defineMessages({
  "zone.invariant": ["invariant", "不变区"],
  "zone.enhancement": ["enhancement", "碳汇增强区"],
  "zone.low-carbon-optimization": ["low-carbon optimization", "低碳优化区"],
  "zone.emission-control": ["emission control", "排放控制区"],
  "zone.unclassified": ["unclassified", "未分类"],

  "pool.above": ["above-ground biomass", "地上生物量"],
  "pool.below": ["below-ground biomass", "地下生物量"],
  "pool.soil": ["soil organic carbon", "土壤有机碳"],
  "pool.dead": ["dead organic matter", "枯落物与死有机质"],
  "pool.total": ["total", "合计"],

  "pace.fast": ["fast", "快速"],
  "pace.slow": ["slow", "慢速"],
  "pace.uniform": ["uniform", "均匀"],

  "status.primary": ["primary", "一手来源"],
  "status.secondary": ["secondary", "二手来源"],
  "status.unverified": ["unverified", "未核实"],
  "status.assumption": ["assumption", "假设"],

  "measure.methane-use": ["methane use", "瓦斯利用"],
  "measure.vam-oxidation": ["ventilation-air methane oxidation", "乏风瓦斯氧化"],
  "measure.clean-electricity": ["clean electricity", "清洁电力"],
  "measure.energy-saving": ["energy saving", "节能"],
  "measure.reclamation": ["reclamation", "土地复垦"],
  "measure.ccs": ["CCS", "碳捕集与封存 (CCS)"],
  "measure.offsets": ["offsets", "碳抵销"],

  // Class roles: what a legend class is (src/contract/area.ts LEGEND_ROLES), and their groups.
  "classRole.arable": ["arable land", "耕地"],
  "classRole.cropland": ["cropland", "农田"],
  "classRole.garden": ["garden land", "园地"],
  "classRole.forest": ["forest", "林地"],
  "classRole.shrub": ["shrubland", "灌木林地"],
  "classRole.grassland": ["grassland", "草地"],
  "classRole.wetland": ["wetland", "湿地"],
  "classRole.urban": ["urban land", "城镇用地"],
  "classRole.rural": ["rural settlement", "农村居民点"],
  "classRole.built-up": ["built-up land", "建设用地"],
  "classRole.transportation": ["transport land", "交通用地"],
  "classRole.open-pit": ["open pit", "采掘场"],
  "classRole.stripping": ["stripping area", "剥离区"],
  "classRole.dump": ["dump", "排土场"],
  "classRole.industrial": ["industrial and mining land", "工矿用地"],
  "classRole.mining": ["mining land", "采矿用地"],
  "classRole.reclaimed": ["reclaimed land", "复垦地"],
  "classRole.water": ["water", "水域"],
  "classRole.unused": ["unused land", "未利用地"],
  "classRole.other": ["other", "其他"],
  "roleGroup.sink": ["carbon sink", "碳汇用地"],
  "roleGroup.construction": ["construction", "建设用地"],
  "roleGroup.mining": ["mining", "采矿用地"],
  "roleGroup.water": ["water", "水域"],
  "roleGroup.other": ["other", "其他"],

  // How an inventory reads its sinks (src/domain/mine/ecosystems.ts SINK_READING_TEXT).
  "sinkReading.ipcc-tier1": [
    "IPCC 2006 Tier 1 for farmland and grassland whose use does not change: no net sink (annual crops and grass lose each year what they grow; soil carbon is unchanged); woody stands (forest, shrub): their biomass carbon ÷ stand age, a mean annual increment since establishment (not IPCC Tier 1's gain–loss method with default growth rates, Vol. 4 Tables 4.9–4.12), their soil carbon held as a stock with no yearly change",
    "利用方式不变的农田和草地按 IPCC 2006 Tier 1：无净碳汇（一年生作物和草每年损失其当年生长量；土壤碳不变）；林木（乔木林、灌木）：生物量碳 ÷ 林龄，即造林以来的年均增量（而非 IPCC Tier 1 采用缺省生长率的增减法，第4卷表4.9–4.12），其土壤碳视为存量，无年变化",
  ],
  "sinkReading.annual-increment": [
    "annual increment: each carbon stock divided by the years it took to accumulate (stand age or accumulation years), farmland and grassland included",
    "年增量：各碳储量除以其累积年数（林龄或累积年数），农田和草地也按此计算",
  ],
  "sinkReading.seed002-density-as-annual": [
    "seed 002's reading: each carbon density (t C/ha) counted as a yearly sink (t C/ha/yr), i.e. every stock turned into a yearly flux over one year; overstates a yearly sink by the stand age",
    "种子论文 002 的口径：各碳密度 (t C/ha) 按年碳汇 (t C/ha/年) 计，即每项储量都视为一年内形成的通量；年碳汇因此被高估为林龄倍",
  ],

  "gas.CO2": ["CO2", "二氧化碳 (CO2)"],
  "gas.CH4": ["CH4", "甲烷 (CH4)"],
  "gas.N2O": ["N2O", "氧化亚氮 (N2O)"],

  "basis.ipcc-20C": ["20 °C and 1 atm (IPCC 2006)", "20 °C、1 个大气压 (IPCC 2006)"],
  "basis.cn-stp-0C": [
    "0 °C and 101.325 kPa (Chinese standard conditions)",
    "0 °C、101.325 kPa（中国标准状态）",
  ],

  "component.P_M industrial and mining land": ["P_M industrial and mining land", "P_M 工矿用地"],
  "component.P_R residential land": ["P_R residential land", "P_R 居民用地"],
  "component.P_S road transport": ["P_S road transport", "P_S 道路交通"],
  "component.P_A agricultural land": ["P_A agricultural land", "P_A 农业用地"],
  "component.C_under underground": ["C_under underground", "C_under 井下"],
  "component.open-pit mining": ["open-pit mining", "露天开采"],
  "component.methane recovery": ["methane recovery", "瓦斯回收"],
  "component.explosives": ["explosives", "炸药"],

  "source.underground methane (drainage and ventilation)": [
    "underground methane (drainage and ventilation)",
    "井下甲烷（抽采与通风）",
  ],
  "source.post-mining methane": ["post-mining methane", "采后甲烷"],
  "source.open-pit mining methane": ["open-pit mining methane", "露天开采甲烷"],
  "source.open-pit post-mining methane": ["open-pit post-mining methane", "露天采后甲烷"],
  "source.methane utilised or destroyed in flares (deducted)": [
    "methane utilised or destroyed in flares (deducted)",
    "利用或火炬销毁的甲烷（扣减）",
  ],
  "source.CO2 from burning the recovered methane": [
    "CO2 from burning the recovered methane",
    "回收甲烷燃烧产生的 CO2",
  ],
  "source.ventilation-air methane oxidised (deducted)": [
    "ventilation-air methane oxidised (deducted)",
    "乏风瓦斯氧化的甲烷（扣减）",
  ],
  "source.CO2 from oxidising ventilation-air methane": [
    "CO2 from oxidising ventilation-air methane",
    "乏风瓦斯氧化产生的 CO2",
  ],
  "source.underground CO2 (drainage and ventilation)": [
    "underground CO2 (drainage and ventilation)",
    "井下 CO2（抽采与通风）",
  ],
  // The gas amounts a mine measures (src/domain/mine/year-inventory.ts, the prefix of each amount's label).
  "gasSource.underground methane": ["underground methane", "井下甲烷"],
  "gasSource.methane utilised": ["methane utilised", "甲烷利用量"],
  "gasSource.methane flared": ["methane flared", "火炬燃烧甲烷"],
  "gasSource.ventilation-air methane oxidised": ["ventilation-air methane oxidised", "乏风瓦斯氧化甲烷"],
  "gasSource.underground CO2": ["underground CO2", "井下 CO2"],
  // Kinds of activity data with a default uncertainty (src/domain/factor/uncertainty/uncertainty-default.ts
  // ACTIVITY_KIND_TEXT).
  "activityKind.fuel": [
    "liquid or gaseous fuel burned (metered or purchase records)",
    "燃烧的液体或气体燃料（计量或购买记录）",
  ],
  "activityKind.coal": ["coal or coke burned (weighed)", "燃烧的煤或焦炭（称重）"],
  "activityKind.coal-output": ["coal output (weighed)", "原煤产量（称重）"],
  "activityKind.electricity": ["electricity bought (metered)", "外购电力（计量）"],
  "activityKind.heat": ["heat bought (metered)", "外购热力（计量）"],
  "activityKind.transport-fuel": [
    "fuel of vehicles (apportioned from purchase records)",
    "车辆燃料（按购买记录分摊）",
  ],
  "activityKind.explosives": ["explosives used (purchase records)", "炸药使用量（购买记录）"],
  "activityKind.agricultural-input": ["agricultural input (purchase records)", "农业投入品（购买记录）"],
  "activityKind.gas-measured": [
    "gas measured by the mine (drainage, ventilation, flares)",
    "煤矿实测气体量（抽采、通风、火炬）",
  ],
  "activityKind.area": ["area of a land class (classified map or survey)", "地类面积（分类图或调查）"],
  "activityKind.stand-volume": [
    "stand volume per hectare (forest inventory)",
    "单位面积林分蓄积（森林资源清查）",
  ],
  "activityKind.ccs-stored": ["CO2 captured and stored (metered)", "捕集并封存的 CO2（计量）"],
  "source.CO2 captured and stored (CCS)": ["CO2 captured and stored (CCS)", "捕集并封存的 CO2 (CCS)"],
  "source.offsets": ["offsets (sold − bought)", "碳抵销（售出 − 购入）"],
  "source.combustionNonCO2": ["{{label}}: CH4 and N2O of combustion", "{{label}}：燃烧产生的 CH4 和 N2O"],

  "figure.gross emissions": ["gross emissions", "总排放"],
  "figure.sinks C_min": ["sinks C_min", "碳汇 C_min"],
  "figure.CCS": ["CCS", "CCS"],
  "figure.balance (gross − sinks − CCS + offsets sold − bought)": [
    "balance (gross − sinks − CCS + offsets sold − bought)",
    "净平衡（总排放 − 碳汇 − CCS + 售出抵销 − 购入抵销）",
  ],
  "figure.all years: gross emissions": ["all years: gross emissions", "各年合计：总排放"],
  "figure.all years: sinks C_min": ["all years: sinks C_min", "各年合计：碳汇 C_min"],
  "figure.all years: balance (seed 002 Eq. 1)": [
    "all years: balance (seed 002 Eq. 1)",
    "各年合计：净平衡（种子论文 002 式 1）",
  ],

  "fuel.electricity": ["electricity", "电力"],
  "fuel.heat": ["heat", "热力"],
  "fuel.raw-coal": ["raw coal", "原煤"],
  "fuel.washed-coal": ["washed coal", "洗精煤"],
  "fuel.coke": ["coke", "焦炭"],
  "fuel.crude-oil": ["crude oil", "原油"],
  "fuel.fuel-oil": ["fuel oil", "燃料油"],
  "fuel.gasoline": ["gasoline", "汽油"],
  "fuel.kerosene": ["kerosene", "煤油"],
  "fuel.diesel": ["diesel", "柴油"],
  "fuel.lpg": ["LPG", "液化石油气"],
  "fuel.natural-gas": ["natural gas", "天然气"],

  "landuse.forest": ["forest", "林地"],
  "landuse.grassland": ["grassland", "草地"],
  "landuse.shrub": ["shrub", "灌木林地"],
  "landuse.arable": ["arable land", "耕地"],
  "landuse.farmland": ["farmland", "农田"],
  // The non-forest ecosystems of an inventory by their domain name (src/domain/mine/ecosystems.ts).
  "ecosystem.farmland": ["farmland (corn, millet, legumes)", "农田（玉米、谷子、豆类）"],
  "ecosystem.shrub": ["shrub forest", "灌木林"],
  "ecosystem.grassland": ["grassland", "草地"],
  // The land types of seed 000's coefficient sets (src/domain/budget/coefficient-sets.ts).
  "landType.cultivated": ["cultivated", "耕地"],
  "landType.garden": ["garden", "园地"],
  "landType.forest": ["forest", "林地"],
  "landType.pasture": ["pasture", "牧草地"],
  "landType.urban_industrial_mining": ["urban_industrial_mining", "城镇工矿用地"],
  "landType.rural_settlement": ["rural_settlement", "农村居民点用地"],
  "landType.transportation": ["transportation", "交通用地"],
  "landType.water": ["water", "水域"],
  // Words of factor units (src/domain/factor/factor-units.ts) that are not symbols.
  "unitWord.fraction": ["fraction", "比例"],
  "unitWord.ratio": ["ratio", "比值"],
  "unitWord.gas": ["gas", "气体"],
  "unitWord.unstated": ["unstated C or CO2", "未注明为 C 或 CO2"],
  "unitWord.dm": ["d.m.", "干物质"],
});
