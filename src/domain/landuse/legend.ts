/** One class of a land-use legend: its raster code, name, optional group and colour (#rrggbb). */
export interface LegendClass {
  readonly code: number;
  readonly key: string;
  readonly name: string;
  readonly nameZh?: string;
  readonly group?: string;
  readonly colour?: string;
}

/** A legend: the classes a land-use raster's codes stand for. */
export interface Legend {
  readonly id: string;
  readonly description: string;
  readonly classes: readonly LegendClass[];
}

const seed001: Legend = {
  id: "seed001",
  description: "The 11 land-use classes of the Pingshuo mining area (seed 001 Table 2)",
  classes: [
    { code: 1, key: "arable", name: "arable land", nameZh: "耕地", group: "sink", colour: "#e6d96b" },
    { code: 2, key: "forest", name: "forest land", nameZh: "林地", group: "sink", colour: "#2e7d32" },
    { code: 3, key: "grassland", name: "grassland", nameZh: "草地", group: "sink", colour: "#9ccc65" },
    {
      code: 4,
      key: "urban",
      name: "urban land",
      nameZh: "城镇用地",
      group: "construction",
      colour: "#d32f2f",
    },
    {
      code: 5,
      key: "rural",
      name: "rural settlement",
      nameZh: "农村居民点",
      group: "construction",
      colour: "#f06292",
    },
    {
      code: 6,
      key: "transportation",
      name: "transportation land",
      nameZh: "交通用地",
      group: "construction",
      colour: "#757575",
    },
    { code: 7, key: "open-pit", name: "open pit", nameZh: "露天采场", group: "mining", colour: "#4e342e" },
    {
      code: 8,
      key: "stripping",
      name: "stripping land",
      nameZh: "剥离区",
      group: "mining",
      colour: "#8d6e63",
    },
    { code: 9, key: "dump", name: "dump", nameZh: "排土场", group: "mining", colour: "#bcaaa4" },
    {
      code: 10,
      key: "industrial",
      name: "industrial land",
      nameZh: "工业场地",
      group: "mining",
      colour: "#7b1fa2",
    },
    { code: 11, key: "water", name: "water", nameZh: "水域", group: "water", colour: "#1e88e5" },
  ],
};

const gbt21010: Legend = {
  id: "gbt21010",
  description: "China's land-use classification GB/T 21010-2017, first level, plus 0602 mining land",
  classes: [
    { code: 1, key: "cropland", name: "cropland", nameZh: "耕地", group: "sink" },
    { code: 2, key: "garden", name: "garden land", nameZh: "园地", group: "sink" },
    { code: 3, key: "forest", name: "forest land", nameZh: "林地", group: "sink" },
    { code: 4, key: "grassland", name: "grassland", nameZh: "草地", group: "sink" },
    {
      code: 5,
      key: "commercial",
      name: "commercial and service land",
      nameZh: "商服用地",
      group: "construction",
    },
    {
      code: 6,
      key: "industrial-storage",
      name: "industrial, mining and storage land",
      nameZh: "工矿仓储用地",
      group: "construction",
    },
    { code: 602, key: "mining", name: "mining land (0602)", nameZh: "采矿用地", group: "mining" },
    { code: 7, key: "residential", name: "residential land", nameZh: "住宅用地", group: "construction" },
    {
      code: 8,
      key: "public",
      name: "public administration and service land",
      nameZh: "公共管理与公共服务用地",
      group: "construction",
    },
    { code: 9, key: "special", name: "special land", nameZh: "特殊用地", group: "construction" },
    { code: 10, key: "transport", name: "transport land", nameZh: "交通运输用地", group: "construction" },
    {
      code: 11,
      key: "water",
      name: "water and water facilities",
      nameZh: "水域及水利设施用地",
      group: "water",
    },
    { code: 12, key: "other", name: "other land", nameZh: "其他土地", group: "other" },
  ],
};

const clcd: Legend = {
  id: "clcd",
  description: "China Land Cover Dataset (CLCD, 30 m annual)",
  classes: [
    { code: 1, key: "cropland", name: "cropland", nameZh: "耕地", colour: "#fae39c" },
    { code: 2, key: "forest", name: "forest", nameZh: "林地", colour: "#446f33" },
    { code: 3, key: "shrub", name: "shrub", nameZh: "灌木", colour: "#33a02c" },
    { code: 4, key: "grassland", name: "grassland", nameZh: "草地", colour: "#abd37b" },
    { code: 5, key: "water", name: "water", nameZh: "水体", colour: "#1e69b4" },
    { code: 6, key: "snow-ice", name: "snow and ice", nameZh: "冰雪", colour: "#a6cee3" },
    { code: 7, key: "barren", name: "barren", nameZh: "裸地", colour: "#cfbda3" },
    { code: 8, key: "impervious", name: "impervious", nameZh: "不透水面", colour: "#e24290" },
    { code: 9, key: "wetland", name: "wetland", nameZh: "湿地", colour: "#289be8" },
  ],
};

const worldcover: Legend = {
  id: "esa-worldcover",
  description: "ESA WorldCover (10 m)",
  classes: [
    { code: 10, key: "tree-cover", name: "tree cover", colour: "#006400" },
    { code: 20, key: "shrubland", name: "shrubland", colour: "#ffbb22" },
    { code: 30, key: "grassland", name: "grassland", colour: "#ffff4c" },
    { code: 40, key: "cropland", name: "cropland", colour: "#f096ff" },
    { code: 50, key: "built-up", name: "built-up", colour: "#fa0000" },
    { code: 60, key: "bare", name: "bare / sparse vegetation", colour: "#b4b4b4" },
    { code: 70, key: "snow-ice", name: "snow and ice", colour: "#f0f0f0" },
    { code: 80, key: "water", name: "permanent water bodies", colour: "#0064c8" },
    { code: 90, key: "wetland", name: "herbaceous wetland", colour: "#0096a0" },
    { code: 95, key: "mangroves", name: "mangroves", colour: "#00cf75" },
    { code: 100, key: "moss-lichen", name: "moss and lichen", colour: "#fae6a0" },
  ],
};

/** The legend presets, by id. */
export const LEGEND_PRESETS: Readonly<Record<string, Legend>> = {
  [seed001.id]: seed001,
  [gbt21010.id]: gbt21010,
  [clcd.id]: clcd,
  [worldcover.id]: worldcover,
};

/**
 * Codes present in a raster but missing from the legend, with their pixel counts, so the error can
 * list each one ("codes 41 (1,203 px), 200 (12 px) appear in 2018.tif but not in the legend").
 */
export function codesNotInLegend(
  legend: Legend,
  histogram: ReadonlyMap<number, number>,
): { code: number; pixels: number }[] {
  const known = new Set(legend.classes.map((c) => c.code));
  return [...histogram]
    .filter(([code, px]) => px > 0 && !known.has(code))
    .map(([code, pixels]) => ({ code, pixels }))
    .sort((a, b) => a.code - b.code);
}
