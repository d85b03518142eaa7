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
  periodLabel,
  sankeyOption,
  waterfallOption,
  zoneSharesOption,
} from "../presentation/chart-options.ts";
import { changeCountName, className, formatNumber, t, zoneName, type Lang } from "../presentation/i18n.ts";
import { reportT } from "../presentation/i18n/index.ts";
import { domainText, factorUnitText, termName } from "../presentation/i18n/domain-text.ts";
import { factorIdSourceText, factorName, factorSourceText } from "../presentation/i18n/factor-source.ts";
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
  return reportT(lang)("methods", {
    width: r.grid.width,
    height: r.grid.height,
    crs: r.grid.crs,
    zeroRule: reportT(lang)(`zeroRule.${r.zeroChangeRule}`),
    zoning: r.zoning?.source ?? "—",
  });
}

/** The overall change components and the accumulated changes (written since issue 10). */
function changeBlocks(lang: Lang, r: LanduseResultForReport): ReportBlock[] {
  const n = (v: number, d = 2) => formatNumber(lang, v, d);
  const rt = reportT(lang);
  const blocks: ReportBlock[] = [];
  const comp = r.componentsOverall ?? [];
  if (comp.length)
    blocks.push(
      {
        type: "table",
        caption: `${t(lang, "componentsOverall")} (${rt("haPctOfArea")})`,
        columns: [t(lang, "period"), rt("totalChange"), rt("quantity"), rt("exchange"), rt("shift")],
        numeric: [false, true, true, true, true],
        rows: comp.map((c) => [
          periodLabel(lang, c),
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
      columns: [rt("changes"), t(lang, "area"), `${t(lang, "share")} (%)`],
      numeric: [false, true, true],
      rows: acc.map((a) => [changeCountName(lang, a.changes), n(a.area_ha), n(a.percent, 1)]),
    });
  return blocks;
}

/** The change in carbon storage per pool and its value (InVEST's valuation), when the analysis has them. */
function storageBlocks(lang: Lang, r: LanduseResultForReport): ReportBlock[] {
  const n = (v: number, d = 1) => formatNumber(lang, v, d);
  const rt = reportT(lang);
  const change = r.carbonChange ?? [];
  const blocks: ReportBlock[] = [];
  if (change.length)
    blocks.push({
      type: "table",
      caption: `${t(lang, "carbonChange")} (${rt("storedLost")})`,
      columns: [t(lang, "period"), rt("pool"), "t C", "t CO2e", "t C/yr"],
      numeric: [false, false, true, true, true],
      rows: change.map((c) => [
        periodLabel(lang, c),
        termName(lang, "pool", c.pool),
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
        text: rt("valuation", {
          title: t(lang, "carbonValue"),
          price: n(v.carbonPriceCNYPerTCO2e, 2),
          priceYear: v.priceYear,
          source: factorIdSourceText(lang, v.priceSource),
          change: n(v.priceChangePerYear * 100, 2),
          rate: n(v.discountRatePerYear * 100, 2),
          presentYear: v.presentValueYear,
        }),
      },
      {
        type: "table",
        caption: t(lang, "carbonValue"),
        columns: [
          t(lang, "period"),
          "t CO2e",
          rt("priceAtStart"),
          rt("npvFirstYear"),
          rt("npvIn", { year: v.presentValueYear }),
        ],
        numeric: [false, true, true, true, true],
        rows: value.map((x) => [
          periodLabel(lang, x),
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
      caption: reportT(lang)("transferMatrix", { from: one[0]!.from_year, to: one[0]!.to_year }),
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
    caption: reportT(lang)("intervalIntensity"),
    columns: [t(lang, "period"), "St", "U", reportT(lang)("pace")],
    numeric: [false, true, true, false],
    rows: r.intensityInterval.map((i) => [
      `${i.from_year}–${i.to_year}`,
      n(i.St_percent_per_year, 3),
      n(i.U_percent_per_year, 3),
      termName(lang, "pace", i.pace),
    ]),
  });
  blocks.push(...changeBlocks(lang, r));
  if (r.zoning && r.zonesByPeriod.length) {
    const zc = zoneColours(r.zoning.zones);
    const colours = Object.fromEntries(r.zoning.zones.map((z, i) => [z, rgbHex(zc[i]!)]));
    // Every period's rows: the multistep intervals, then (three or more dates) the whole span.
    const rows = r.zonesByPeriod;
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
        rows: rows.map((z) => [periodLabel(lang, z), zoneName(lang, z.zone), n(z.area_ha), n(z.share)]),
      },
    );
  }
  if (r.carbon.length)
    blocks.push({
      type: "table",
      caption: reportT(lang)("carbonStocks"),
      columns: [t(lang, "year"), reportT(lang)("pool"), "t C"],
      numeric: [false, false, true],
      rows: r.carbon.map((c) => [String(c.year), termName(lang, "pool", c.pool), n(c.total_tC, 1)]),
    });
  blocks.push(...storageBlocks(lang, r));
  if (r.stockLostToMining)
    blocks.push(
      { type: "heading", level: 3, text: t(lang, "stockLost") },
      {
        type: "paragraph",
        text: reportT(lang)("stockLostLine", {
          tc: n(r.stockLostToMining.totalLossTC, 1),
          tco2e: n(r.stockLostToMining.totalLossTCO2e, 1),
          set: r.stockLostToMining.densitySet,
        }),
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
            reportT(lang)("gasLine", {
              source: domainText(lang, g.source),
              volume: n(g.volumeM3, 0),
              gas: g.gas,
              density: g.densityKgPerM3,
              basis: g.basis,
              mass: n(g.massT),
            }) +
            (g.other
              ? reportT(lang)("gasOther", {
                  basis: g.other.basis,
                  density: n(g.other.densityKgPerM3, 3),
                  mass: n(g.other.massT),
                  status: termName(lang, "status", g.other.densityStatus),
                })
              : ""),
        ),
      },
    );
  if (y.ccs)
    out.push({
      type: "paragraph",
      text: reportT(lang)("ccsCapturableLine", {
        scope: t(lang, "ccsScope"),
        capturable: t(lang, "ccsCapturable"),
        value: n(y.ccs.capturableTCO2, 1),
      }),
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
      // The interval is two numbers: it must not wrap either.
      numeric: [false, false, true, true],
      rows: u.rows.map((r) => [
        `${domainText(lang, r.label)} (${n(r.value)})`,
        domainText(lang, r.unit),
        r.approach1.pct === null
          ? `${n(r.approach1.low)} – ${n(r.approach1.high)}`
          : `±${n(r.approach1.pct)} %`,
        r.approach2 ? `${n(r.approach2.low)} – ${n(r.approach2.high)}` : "—",
      ]),
    },
    ...(u.takenAsExact.length
      ? [
          { type: "heading" as const, level: 3 as const, text: t(lang, "takenAsExact") },
          {
            type: "list" as const,
            items: u.takenAsExact.map((e) => domainText(lang, `${e.label}: ${e.reason}`)),
          },
        ]
      : []),
  ];
}

function inventoryBlocks(lang: Lang, inv: MineInventory): ReportBlock[] {
  const rt = reportT(lang);
  const n = (v: number, d = 2) => formatNumber(lang, v, d);
  const blocks: ReportBlock[] = [
    { type: "heading", level: 2, text: `${t(lang, "inventoryTitle")}: ${inv.mine}` },
  ];
  blocks.push({
    type: "paragraph",
    // The sink reading by what it means (the catalogue's terms; its id when the catalogue lacks it).
    text: reportT(lang)("inventoryMethod", {
      gwp: inv.gwp.set,
      ch4: inv.gwp.ch4,
      reading: termName(lang, "sinkReading", inv.sinkReading.id),
    }),
  });
  for (const y of inv.years) {
    blocks.push(
      { type: "heading", level: 3, text: `${y.year}` },
      {
        type: "table",
        caption: rt("totals"),
        columns: [rt("item"), rt("perYear")],
        numeric: [false, true],
        rows: [
          [rt("grossEmissions"), n(y.totals.grossEmissionTCO2ePerYr, 1)],
          [rt("sinksLower"), n(y.totals.sinkTCO2ePerYr, 1)],
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
          rt("component"),
          rt("sourceLower"),
          rt("perYear"),
          `${t(lang, "share")} (%)`,
          t(lang, "factorId"),
        ],
        numeric: [false, false, true, true, false],
        rows: y.sources.map((s) => [
          termName(lang, "component", s.component),
          domainText(lang, s.label),
          n(s.tCO2ePerYr, 1),
          n(s.share * 100, 1),
          s.factorIds.join(", "),
        ]),
      },
      {
        type: "table",
        caption: t(lang, "sinks"),
        columns: [rt("sink"), "ha", rt("perYear"), t(lang, "assumptions")],
        numeric: [false, true, true, false],
        rows: y.sinks.map((s) => [
          domainText(lang, s.label),
          s.areaHa === undefined ? "" : n(s.areaHa),
          n(s.sinkTCO2ePerYr, 1),
          s.assumption === undefined ? "" : domainText(lang, s.assumption),
        ]),
      },
      ...yearNotes(lang, y),
    );
  }
  blocks.push(...inventoryUncertaintyBlocks(lang, inv));
  if (inv.assumptions.length)
    blocks.push(
      { type: "heading", level: 3, text: t(lang, "assumptions") },
      { type: "list", items: inv.assumptions.map((a) => domainText(lang, a)) },
    );
  return blocks;
}

function pathwayBlocks(lang: Lang, r: ScenarioResult): ReportBlock[] {
  const n = (v: number) => formatNumber(lang, v, 0);
  const rt = reportT(lang);
  const at = (y: number) => r.years.find((x) => x.year === y);
  const blocks: ReportBlock[] = [
    { type: "heading", level: 2, text: `${t(lang, "pathway")}: ${r.scenario}` },
    {
      type: "paragraph",
      text: rt("peakNeutral", {
        peak: t(lang, "peakYear"),
        peakYear: r.peakYear,
        neutral:
          r.neutralYear === null
            ? rt("notNeutralAt", { year: r.years.at(-1)!.year, gap: n(r.gapAtEndTCO2e ?? 0) })
            : rt("neutralAt", { year: r.neutralYear }),
      }),
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
      caption: rt("milestones"),
      columns: [t(lang, "year"), rt("gross"), rt("sinksLower"), "CCS", rt("offsets"), rt("net")],
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
      caption: rt("measureEffects"),
      columns: [t(lang, "measures"), rt("perYear")],
      numeric: [false, true],
      rows: (r.years.at(-1)?.effects ?? []).map((e) => [domainText(lang, e.measure), n(e.tCO2e)]),
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
        text: rt("npc", {
          cost: n(r.economics.netPresentCost.measuresOnlyCNY),
          rate: formatNumber(lang, r.economics.discountRate * 100, 1),
          source: factorIdSourceText(lang, r.economics.prices.carbon.source),
        }),
      },
    );
  blocks.push({ type: "list", items: r.assumptions.map((a) => domainText(lang, a)) });
  return blocks;
}

function factorBlocks(lang: Lang, used: readonly FactorUse[], version: string): ReportBlock[] {
  const byId = new Map(used.map((f) => [f.id, f]));
  return [
    { type: "heading", level: 2, text: t(lang, "factors") },
    { type: "paragraph", text: reportT(lang)("libraryVersion", { version }) },
    {
      type: "table",
      caption: t(lang, "factors"),
      columns: [
        t(lang, "factorId"),
        reportT(lang)("factorName"),
        t(lang, "value"),
        t(lang, "unit"),
        t(lang, "source"),
        reportT(lang)("status"),
      ],
      numeric: [false, false, true, false, false, false],
      rows: [...byId.values()]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((f) => [
          f.id,
          factorName(lang, f.id, f.quantity),
          formatNumber(lang, f.value, 6),
          factorUnitText(lang, f.unit),
          factorSourceText(lang, f),
          f.overridden
            ? reportT(lang)("overridden", { status: termName(lang, "status", f.status) })
            : termName(lang, "status", f.status),
        ]),
    },
  ];
}

/** The blocks of a report, in order: title, land use, inventories, factors with sources, warnings. */
export function reportBlocks(m: ReportModel): ReportBlock[] {
  const lang = m.lang;
  const blocks: ReportBlock[] = [
    { type: "heading", level: 1, text: m.title },
    { type: "paragraph", text: reportT(lang)("subjectLine", { subject: m.subject, at: m.generatedAt }) },
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
    warnings.push(...(p.bands?.warnings ?? []));
  }
  blocks.push(...factorBlocks(lang, used, m.factorLibraryVersion));
  if (warnings.length)
    blocks.push(
      { type: "heading", level: 2, text: t(lang, "warnings") },
      { type: "list", items: warnings.map((w) => domainText(lang, w)) },
    );
  return blocks;
}
