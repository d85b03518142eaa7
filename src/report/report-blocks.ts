import type { EChartsOption } from "echarts";
import type { FactorUse } from "../domain/factor/factor.ts";
import type { MineInventory } from "../domain/mine/mine-inventory.ts";
import type { ScenarioResult } from "../domain/pathway/run-scenario.ts";
import { rgbHex, zoneColours } from "../presentation/zone-colours.ts";
import {
  chordOption,
  classAreasOption,
  componentsOption,
  inventorySteps,
  macOption,
  pathwayOption,
  sankeyOption,
  waterfallOption,
  zoneSharesOption,
} from "../presentation/chart-options.ts";
import { changeCountName, className, formatNumber, t, zoneName, type Lang } from "../presentation/i18n.ts";
import type { LanduseResultForReport, ReportMap, ReportModel } from "./report-model.ts";

/** The content of a report as a list of blocks, rendered the same way to HTML and to PDF. */
export type ReportBlock =
  | { type: "heading"; level: 1 | 2 | 3; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; items: string[] }
  | { type: "table"; caption: string; columns: string[]; rows: string[][]; numeric: boolean[] }
  | { type: "chart"; caption: string; option: EChartsOption; width: number; height: number }
  | { type: "map"; map: ReportMap };

function methodsText(lang: Lang, r: LanduseResultForReport): string {
  return lang === "zh"
    ? `土地利用转移矩阵按像元计数，面积由像元面积换算为公顷 (${r.grid.width}×${r.grid.height} 像元, ${r.grid.crs})。强度分析采用 Aldwaik & Pontius (2012) 的时段、地类和转移三级，零变化规则：${r.zeroChangeRule}。各时段总变化分解为数量、交换与转移组分 (Pontius & Santacruz 2014)。累计变化次数为每个像元在相邻年份间地类变化的次数 (OpenLand acc_changes)。碳汇分区依据 ${r.zoning?.source ?? "—"}。碳储量 = Σ 地类面积 × 碳密度 (t C/ha)，碳储量变化 = 后期 − 前期 (InVEST 碳模型；× 44/12 折算为 CO2)；采矿占用损失按种子论文 001 §3.2 的单次损失计算。`
    : `Transfer matrices count pixels; areas convert pixel counts to hectares (${r.grid.width}×${r.grid.height} pixels, ${r.grid.crs}). Intensity analysis at interval, category and transition level follows Aldwaik & Pontius (2012), zero-change rule "${r.zeroChangeRule}". Each interval's total change is split into quantity, exchange and shift (Pontius & Santacruz 2014). Accumulated changes count each pixel's class changes between consecutive dates (OpenLand's acc_changes). Carbon-sink zoning follows ${r.zoning?.source ?? "—"}. Carbon stock = Σ class area × density (t C/ha); the change in storage is the later minus the earlier stock (InVEST's carbon model; × 44/12 as CO2); the stock lost to mining is seed 001 §3.2's one-time loss on occupation.`;
}

const period = (r: { kind: string; from_year: number; to_year: number }, zh: boolean) =>
  `${r.from_year}–${r.to_year}${r.kind === "onestep" ? (zh ? " (全期)" : " (whole span)") : ""}`;

/** The overall change components and the accumulated changes (written since issue 10). */
function changeBlocks(lang: Lang, r: LanduseResultForReport): ReportBlock[] {
  const n = (v: number, d = 2) => formatNumber(lang, v, d);
  const zh = lang === "zh";
  const blocks: ReportBlock[] = [];
  const comp = r.componentsOverall ?? [];
  if (comp.length)
    blocks.push(
      {
        type: "table",
        caption: `${t(lang, "componentsOverall")} (${zh ? "公顷, 占面积 %" : "ha, % of the area"})`,
        columns: [
          t(lang, "period"),
          zh ? "总变化" : "total change",
          zh ? "数量" : "quantity",
          zh ? "交换" : "exchange",
          zh ? "转移" : "shift",
        ],
        numeric: [false, true, true, true, true],
        rows: comp.map((c) => [
          period(c, zh),
          `${n(c.total_change_ha, 1)} (${n(c.total_change_percent, 1)}%)`,
          `${n(c.quantity_ha, 1)} (${n(c.quantity_percent, 1)}%)`,
          `${n(c.exchange_ha, 1)} (${n(c.exchange_percent, 1)}%)`,
          `${n(c.shift_ha, 1)} (${n(c.shift_percent, 1)}%)`,
        ]),
      },
      {
        type: "chart",
        caption: t(lang, "componentsOverall"),
        option: componentsOption(lang, comp),
        width: 700,
        height: 300,
      },
    );
  const acc = r.accumulatedChanges ?? [];
  if (acc.length)
    blocks.push({
      type: "table",
      caption: t(lang, "accumulatedChanges"),
      columns: [zh ? "变化次数" : "changes", t(lang, "area"), `${t(lang, "share")} (%)`],
      numeric: [false, true, true],
      rows: acc.map((a) => [changeCountName(lang, a.changes), n(a.area_ha), n(a.percent, 1)]),
    });
  return blocks;
}

/** The change in carbon storage per pool and its value (InVEST's valuation), when the analysis has them. */
function storageBlocks(lang: Lang, r: LanduseResultForReport): ReportBlock[] {
  const n = (v: number, d = 1) => formatNumber(lang, v, d);
  const zh = lang === "zh";
  const change = r.carbonChange ?? [];
  const blocks: ReportBlock[] = [];
  if (change.length)
    blocks.push({
      type: "table",
      caption: `${t(lang, "carbonChange")} (${zh ? "正值为增加, 负值为损失" : "+ stored, − lost"})`,
      columns: [t(lang, "period"), zh ? "碳库" : "pool", "t C", "t CO2e", "t C/yr"],
      numeric: [false, false, true, true, true],
      rows: change.map((c) => [
        period(c, zh),
        c.pool,
        n(c.change_tC),
        n(c.change_tCO2e),
        n(c.change_tC_per_yr),
      ]),
    });
  const v = r.valuation;
  const value = r.carbonValue ?? [];
  if (v && value.length)
    blocks.push(
      {
        type: "paragraph",
        text: zh
          ? `${t(lang, "carbonValue")}：碳价 ${n(v.carbonPriceCNYPerTCO2e, 2)} 元/t CO2e (${v.priceYear}年；${v.priceSource})，年变化率 ${n(v.priceChangePerYear * 100, 2)}%，折现率 ${n(v.discountRatePerYear * 100, 2)}%。各时段的碳储量变化在其年份间均匀分布，每年按当年碳价计值并折现至时段首年 (InVEST 碳模型估值公式)，再折现至 ${v.presentValueYear} 年。`
          : `${t(lang, "carbonValue")}: carbon price ${n(v.carbonPriceCNYPerTCO2e, 2)} CNY/t CO2e in ${v.priceYear} (${v.priceSource}), changing ${n(v.priceChangePerYear * 100, 2)} %/yr, discount rate ${n(v.discountRatePerYear * 100, 2)} %/yr. Each interval's change is spread evenly over its years, each year's tonnes valued at that year's price and discounted to the interval's first year (InVEST's carbon valuation), then to ${v.presentValueYear}.`,
      },
      {
        type: "table",
        caption: t(lang, "carbonValue"),
        columns: [
          t(lang, "period"),
          "t CO2e",
          zh ? "首年碳价 (元/t CO2e)" : "price at start (CNY/t CO2e)",
          zh ? "折现至时段首年 (元)" : "NPV in the first year (CNY)",
          zh ? `折现至 ${v.presentValueYear} 年 (元)` : `NPV in ${v.presentValueYear} (CNY)`,
        ],
        numeric: [false, true, true, true, true],
        rows: value.map((x) => [
          period(x, zh),
          n(x.change_tCO2e),
          n(x.price_at_start_CNY_per_tCO2e, 2),
          n(x.npv_at_interval_start_CNY, 0),
          n(x.npv_CNY, 0),
        ]),
      },
    );
  return blocks;
}

function landuseBlocks(lang: Lang, r: LanduseResultForReport, maps: readonly ReportMap[]): ReportBlock[] {
  const n = (v: number, d = 2) => formatNumber(lang, v, d);
  const classes = r.legend.classes;
  const years = [...new Set(r.classes.map((c) => c.year))].sort((a, b) => a - b);
  const present = classes.filter((c) => r.classes.some((x) => x.code === c.code && x.area_ha > 0));
  const blocks: ReportBlock[] = [
    { type: "heading", level: 2, text: t(lang, "analysis") },
    { type: "heading", level: 3, text: t(lang, "methods") },
    { type: "paragraph", text: methodsText(lang, r) },
    { type: "heading", level: 3, text: t(lang, "maps") },
    ...maps.map((m) => ({ type: "map" as const, map: m })),
    {
      type: "table",
      caption: t(lang, "classAreas"),
      columns: [t(lang, "class"), ...years.map(String)],
      numeric: [false, ...years.map(() => true)],
      rows: present.map((c) => [
        className(lang, c),
        ...years.map((y) => n(r.classes.find((x) => x.year === y && x.code === c.code)?.area_ha ?? 0)),
      ]),
    },
    {
      type: "chart",
      caption: t(lang, "classAreas"),
      option: classAreasOption(lang, classes, r.classes),
      width: 700,
      height: 320,
    },
    {
      type: "chart",
      caption: t(lang, "sankey"),
      option: sankeyOption(lang, classes, r.transitionsMultistep),
      width: 700,
      height: 460,
    },
    {
      type: "chart",
      caption: t(lang, "chord"),
      option: chordOption(lang, classes, r.transitionsOnestep),
      width: 640,
      height: 640,
    },
  ];
  const one = r.transitionsOnestep;
  if (one.length) {
    const codes = present.map((c) => c.code);
    blocks.push({
      type: "table",
      caption: `${lang === "zh" ? "转移矩阵 (公顷)" : "Transfer matrix (ha)"} ${one[0]!.from_year}→${one[0]!.to_year}`,
      columns: [
        `${one[0]!.from_year} \\ ${one[0]!.to_year}`,
        ...codes.map((c) =>
          className(
            lang,
            classes.find((k) => k.code === c)!,
          ),
        ),
      ],
      numeric: [false, ...codes.map(() => true)],
      rows: codes.map((f) => [
        className(
          lang,
          classes.find((k) => k.code === f)!,
        ),
        ...codes.map((to) => n(one.find((x) => x.from_code === f && x.to_code === to)?.area_ha ?? 0, 1)),
      ]),
    });
  }
  blocks.push({
    type: "table",
    caption: lang === "zh" ? "时段强度 (%/年)" : "Interval intensity (%/yr)",
    columns: [t(lang, "period"), "St", "U", lang === "zh" ? "速度" : "pace"],
    numeric: [false, true, true, false],
    rows: r.intensityInterval.map((i) => [
      `${i.from_year}–${i.to_year}`,
      n(i.St_percent_per_year, 3),
      n(i.U_percent_per_year, 3),
      i.pace,
    ]),
  });
  blocks.push(...changeBlocks(lang, r));
  if (r.zoning && r.zonesByPeriod.length) {
    const zc = zoneColours(r.zoning.zones);
    const colours = Object.fromEntries(r.zoning.zones.map((z, i) => [z, rgbHex(zc[i]!)]));
    const rows = r.zonesByPeriod.filter((z) => z.kind !== "zone");
    blocks.push(
      {
        type: "chart",
        caption: t(lang, "zoneShares"),
        option: zoneSharesOption(lang, rows, colours),
        width: 700,
        height: 320,
      },
      {
        type: "table",
        caption: t(lang, "zoneShares"),
        columns: [t(lang, "period"), t(lang, "zone"), t(lang, "area"), `${t(lang, "share")} (%)`],
        numeric: [false, false, true, true],
        rows: rows.map((z) => [
          `${z.from_year}–${z.to_year}`,
          zoneName(lang, z.zone),
          n(z.area_ha),
          n(z.share),
        ]),
      },
    );
  }
  if (r.carbon.length)
    blocks.push({
      type: "table",
      caption: lang === "zh" ? "碳储量 (t C)" : "Carbon stocks (t C)",
      columns: [t(lang, "year"), lang === "zh" ? "碳库" : "pool", "t C"],
      numeric: [false, false, true],
      rows: r.carbon.map((c) => [String(c.year), c.pool, n(c.total_tC, 1)]),
    });
  blocks.push(...storageBlocks(lang, r));
  if (r.stockLostToMining)
    blocks.push(
      { type: "heading", level: 3, text: t(lang, "stockLost") },
      {
        type: "paragraph",
        text: `${n(r.stockLostToMining.totalLossTC, 1)} t C = ${n(r.stockLostToMining.totalLossTCO2e, 1)} t CO2e (${r.stockLostToMining.densitySet}).`,
      },
    );
  return blocks;
}

/**
 * What a year's figures rest on: the basis each gas volume is weighed at (and what the other basis
 * would give), and what CCS can capture. Results stored before these were computed have neither.
 */
function yearNotes(lang: Lang, y: MineInventory["years"][number]): ReportBlock[] {
  const n = (v: number, d = 2) => formatNumber(lang, v, d);
  const out: ReportBlock[] = [];
  const gas = y.gasVolumes ?? [];
  if (gas.length)
    out.push(
      { type: "heading", level: 3, text: t(lang, "gasVolumes") },
      {
        type: "list",
        items: gas.map(
          (g) =>
            `${g.source}: ${n(g.volumeM3, 0)} m³ ${g.gas} × ${g.densityKgPerM3} kg/m³ (${g.basis}) = ${n(g.massT)} t` +
            (g.other
              ? `; ${g.other.basis}: × ${n(g.other.densityKgPerM3, 3)} kg/m³ = ${n(g.other.massT)} t (${g.other.densityStatus})`
              : ""),
        ),
      },
    );
  if (y.ccs)
    out.push({
      type: "paragraph",
      text: `${t(lang, "ccsScope")} ${t(lang, "ccsCapturable")} ${n(y.ccs.capturableTCO2, 1)} t CO2/yr.`,
    });
  return out;
}

/** The inventory's uncertainty, Approach 1 and 2 side by side, and what was taken as exact. */
function inventoryUncertaintyBlocks(lang: Lang, inv: MineInventory): ReportBlock[] {
  const u = inv.uncertainty;
  if (!u) return [];
  const n = (v: number, d = 1) => formatNumber(lang, v, d);
  return [
    { type: "heading", level: 3, text: t(lang, "uncertaintyTitle") },
    { type: "paragraph", text: t(lang, "uncertaintyMethod") },
    {
      type: "table",
      caption: t(lang, "uncertaintyTitle"),
      columns: [t(lang, "figure"), t(lang, "unit"), t(lang, "approach1Pct"), t(lang, "approach2Range")],
      numeric: [false, false, true, false],
      rows: u.rows.map((r) => [
        `${r.label} (${n(r.value)})`,
        r.unit,
        r.approach1.pct === null
          ? `${n(r.approach1.low)} – ${n(r.approach1.high)}`
          : `±${n(r.approach1.pct)} %`,
        r.approach2 ? `${n(r.approach2.low)} – ${n(r.approach2.high)}` : "—",
      ]),
    },
    ...(u.takenAsExact.length
      ? [
          { type: "heading" as const, level: 3 as const, text: t(lang, "takenAsExact") },
          { type: "list" as const, items: u.takenAsExact.map((e) => `${e.label}: ${e.reason}`) },
        ]
      : []),
  ];
}

function inventoryBlocks(lang: Lang, inv: MineInventory): ReportBlock[] {
  const n = (v: number, d = 2) => formatNumber(lang, v, d);
  const blocks: ReportBlock[] = [
    { type: "heading", level: 2, text: `${t(lang, "inventoryTitle")}: ${inv.mine}` },
  ];
  blocks.push({
    type: "paragraph",
    text:
      lang === "zh"
        ? `按种子论文 002 式 1–12 计算；GWP 取 ${inv.gwp.set} (CH4 = ${inv.gwp.ch4})；碳汇口径：${inv.sinkReading.id}。`
        : `Computed by seed 002 Eq. 1–12; GWP ${inv.gwp.set} (CH4 = ${inv.gwp.ch4}); sink reading: ${inv.sinkReading.meaning}`,
  });
  for (const y of inv.years) {
    blocks.push(
      { type: "heading", level: 3, text: `${y.year}` },
      {
        type: "table",
        caption: lang === "zh" ? "合计 (t CO2e/年)" : "Totals (t CO2e/yr)",
        columns: [lang === "zh" ? "项目" : "item", "t CO2e/yr"],
        numeric: [false, true],
        rows: [
          [lang === "zh" ? "总排放" : "gross emissions", n(y.totals.grossEmissionTCO2ePerYr, 1)],
          [lang === "zh" ? "碳汇" : "sinks", n(y.totals.sinkTCO2ePerYr, 1)],
          ["CCS", n(y.totals.ccsTCO2ePerYr, 1)],
          [t(lang, "balance"), n(y.totals.balanceTCO2ePerYr, 1)],
          [t(lang, "figure.neutrality-gap"), n(y.totals.gapTCO2ePerYr, 1)],
          [
            `${t(lang, "figure.coal-intensity")} (t CO2e/t)`,
            y.intensity.grossTCO2ePerTCoal === null ? "—" : n(y.intensity.grossTCO2ePerTCoal, 4),
          ],
        ],
      },
      {
        type: "chart",
        caption: t(lang, "waterfall"),
        option: waterfallOption(lang, inventorySteps(lang, y)),
        width: 700,
        height: 360,
      },
      {
        type: "table",
        caption: t(lang, "sources"),
        columns: [
          lang === "zh" ? "组成" : "component",
          lang === "zh" ? "排放源" : "source",
          "t CO2e/yr",
          `${t(lang, "share")} (%)`,
          t(lang, "factorId"),
        ],
        numeric: [false, false, true, true, false],
        rows: y.sources.map((s) => [
          s.component,
          s.label,
          n(s.tCO2ePerYr, 1),
          n(s.share * 100, 1),
          s.factorIds.join(", "),
        ]),
      },
      {
        type: "table",
        caption: t(lang, "sinks"),
        columns: [lang === "zh" ? "碳汇" : "sink", "ha", "t CO2e/yr", t(lang, "assumptions")],
        numeric: [false, true, true, false],
        rows: y.sinks.map((s) => [
          s.label,
          s.areaHa === undefined ? "" : n(s.areaHa),
          n(s.sinkTCO2ePerYr, 1),
          s.assumption ?? "",
        ]),
      },
      ...yearNotes(lang, y),
    );
  }
  blocks.push(...inventoryUncertaintyBlocks(lang, inv));
  if (inv.assumptions.length)
    blocks.push(
      { type: "heading", level: 3, text: t(lang, "assumptions") },
      { type: "list", items: [...inv.assumptions] },
    );
  return blocks;
}

function pathwayBlocks(lang: Lang, r: ScenarioResult): ReportBlock[] {
  const n = (v: number) => formatNumber(lang, v, 0);
  const zh = lang === "zh";
  const at = (y: number) => r.years.find((x) => x.year === y);
  const blocks: ReportBlock[] = [
    { type: "heading", level: 2, text: `${t(lang, "pathway")}: ${r.scenario}` },
    {
      type: "paragraph",
      text: `${t(lang, "peakYear")} ${r.peakYear}; ${
        r.neutralYear === null
          ? `${t(lang, "notNeutral")} ${r.years.at(-1)!.year} (${n(r.gapAtEndTCO2e ?? 0)} t CO2e/yr)`
          : `${t(lang, "neutralYear")} ${r.neutralYear}`
      }.`,
    },
    {
      type: "chart",
      caption: t(lang, "pathway"),
      option: pathwayOption(lang, r.years, r.neutralYear, r.bands?.years),
      width: 700,
      height: 340,
    },
    {
      type: "table",
      caption: zh ? "各年份 (t CO2e/年)" : "Milestone years (t CO2e/yr)",
      columns: [
        t(lang, "year"),
        zh ? "总排放" : "gross",
        zh ? "碳汇" : "sinks",
        "CCS",
        zh ? "抵销" : "offsets",
        zh ? "净排放" : "net",
      ],
      numeric: [false, true, true, true, true, true],
      rows: [r.baseYear, 2030, 2040, 2050, 2060]
        .map(at)
        .filter((y): y is NonNullable<typeof y> => y !== undefined)
        .map((y) => [
          String(y.year),
          n(y.grossTCO2e),
          n(y.sinksTCO2e),
          n(y.ccsTCO2e),
          n(y.offsetsTCO2e),
          n(y.netTCO2e),
        ]),
    },
    {
      type: "table",
      caption: zh ? "各措施末年减排量 (t CO2e/年)" : "Effect of each measure in the end year (t CO2e/yr)",
      columns: [t(lang, "measures"), "t CO2e/yr"],
      numeric: [false, true],
      rows: (r.years.at(-1)?.effects ?? []).map((e) => [e.measure, n(e.tCO2e)]),
    },
  ];
  if (r.economics)
    blocks.push(
      {
        type: "chart",
        caption: t(lang, "mac"),
        option: macOption(lang, r.economics.mac, r.economics.prices.carbon.startCNYPerTCO2e),
        width: 700,
        height: 320,
      },
      {
        type: "paragraph",
        text: `${zh ? "措施净现值成本" : "Net present cost of the measures"}: ${n(r.economics.netPresentCost.measuresOnlyCNY)} CNY (${zh ? "折现率" : "discount rate"} ${(r.economics.discountRate * 100).toFixed(1)}%); ${zh ? "碳价" : "carbon price"} ${r.economics.prices.carbon.source}.`,
      },
    );
  blocks.push({ type: "list", items: [...r.assumptions] });
  return blocks;
}

function factorBlocks(lang: Lang, used: readonly FactorUse[], version: string): ReportBlock[] {
  const byId = new Map(used.map((f) => [f.id, f]));
  return [
    { type: "heading", level: 2, text: t(lang, "factors") },
    { type: "paragraph", text: `${lang === "zh" ? "因子库版本" : "Factor library version"} ${version}` },
    {
      type: "table",
      caption: t(lang, "factors"),
      columns: [
        t(lang, "factorId"),
        t(lang, "value"),
        t(lang, "unit"),
        t(lang, "source"),
        lang === "zh" ? "状态" : "status",
      ],
      numeric: [false, true, false, false, false],
      rows: [...byId.values()]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((f) => [
          f.id,
          formatNumber(lang, f.value, 6),
          f.unit,
          `${f.source}${f.table ? `, ${f.table}` : ""}`,
          `${f.status}${f.overridden ? " (overridden)" : ""}`,
        ]),
    },
  ];
}

/** The blocks of a report, in order: title, land use, inventories, factors with sources, warnings. */
export function reportBlocks(m: ReportModel): ReportBlock[] {
  const lang = m.lang;
  const blocks: ReportBlock[] = [
    { type: "heading", level: 1, text: m.title },
    { type: "paragraph", text: `${m.subject} · ${t(lang, "generated")} ${m.generatedAt} · MineCarbon` },
  ];
  const used: FactorUse[] = [];
  const warnings: string[] = [];
  if (m.landuse) {
    blocks.push(...landuseBlocks(lang, m.landuse.result, m.landuse.maps));
    used.push(
      ...(m.landuse.result.stockLostToMining?.factorsUsed ?? []),
      ...(m.landuse.result.valuation?.factorsUsed ?? []),
    );
    warnings.push(...m.landuse.result.warnings, ...(m.landuse.result.assumptions ?? []));
  }
  for (const inv of m.inventories) {
    blocks.push(...inventoryBlocks(lang, inv));
    used.push(...inv.factors.used);
    warnings.push(...inv.warnings);
  }
  for (const p of m.pathways) {
    blocks.push(...pathwayBlocks(lang, p));
    used.push(...p.factorsUsed);
  }
  blocks.push(...factorBlocks(lang, used, m.factorLibraryVersion));
  if (warnings.length)
    blocks.push({ type: "heading", level: 2, text: t(lang, "warnings") }, { type: "list", items: warnings });
  return blocks;
}
