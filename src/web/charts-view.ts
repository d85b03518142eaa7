import * as echarts from "echarts/core";
import { BarChart, ChordChart, LineChart, SankeyChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsOption } from "echarts";
import {
  chordOption,
  classAreasOption,
  inventorySteps,
  sankeyOption,
  waterfallOption,
  zoneSharesOption,
  type ChartClass,
} from "../presentation/chart-options.ts";
import { className, formatNumber, t } from "../presentation/i18n.ts";
import { zoneColours, rgbHex } from "../presentation/zone-colours.ts";
import { api } from "./api.ts";
import { h, mount } from "./dom.ts";
import type { Overview, ViewContext } from "./state.ts";

echarts.use([
  SankeyChart,
  ChordChart,
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

interface FactorRow {
  id: string;
  value: number;
  unit: string;
  source: string;
  table: string;
  status: string;
}

interface MatrixRow {
  from_year: number;
  to_year: number;
  from_code: number;
  to_code: number;
  area_ha: number;
}

/** The one-step transfer matrix (first → last year), ha, rows = from, columns = to. */
function matrixTable(
  lang: ViewContext["lang"],
  classes: readonly ChartClass[],
  rows: readonly MatrixRow[],
): HTMLElement {
  const codes = classes
    .map((c) => c.code)
    .filter((c) => rows.some((r) => (r.from_code === c || r.to_code === c) && r.area_ha > 0));
  const name = (c: number) =>
    className(
      lang,
      classes.find((k) => k.code === c)!,
    );
  const first = rows[0];
  return h(
    "section",
    { class: "panel" },
    h(
      "h2",
      {},
      `${lang === "zh" ? "转移矩阵 (公顷)" : "Transfer matrix (ha)"} ${first ? `${first.from_year} → ${first.to_year}` : ""}`,
    ),
    h(
      "div",
      { style: "overflow-x:auto" },
      h(
        "table",
        { id: "matrix-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "↓ from / to →"),
            codes.map((c) => h("th", {}, name(c))),
          ),
        ),
        h(
          "tbody",
          {},
          codes.map((f) =>
            h(
              "tr",
              {},
              h("th", {}, name(f)),
              codes.map((to) =>
                h(
                  "td",
                  { class: "num", "data-from": f, "data-to": to },
                  formatNumber(
                    lang,
                    rows.find((r) => r.from_code === f && r.to_code === to)?.area_ha ?? 0,
                    2,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The charts: Sankey of transfers, the chord diagram of the one-step transitions, zone shares, class
 * areas, the inventory waterfall and the factors used.
 */
export async function chartsView(main: HTMLElement, ctx: ViewContext): Promise<() => void> {
  const lang = ctx.lang;
  const o = await api<Overview>(`/api/areas/${ctx.areaId}/overview`);
  const charts: echarts.ECharts[] = [];
  // Charts start once their elements are in the page: ECharts sizes itself from its element, and
  // one started on a detached element (while a later fetch was awaited) has no size and fails.
  const starts: (() => void)[] = [];
  const chart = (id: string, option: EChartsOption, tall = false) => {
    const el = h("div", { class: `chart${tall ? " tall" : ""}`, id, role: "img", "aria-label": id });
    starts.push(() => {
      const c = echarts.init(el, undefined, { renderer: "canvas" });
      c.setOption(option);
      charts.push(c);
    });
    return el;
  };
  const sections: HTMLElement[] = [];
  const factors = new Map<string, FactorRow>();
  if (o.latestAnalysis) {
    const a = await api<{ result: Record<string, unknown> }>(`/api/analyses/${o.latestAnalysis.id}`);
    const r = a.result as {
      legend: { classes: ChartClass[] };
      transitionsMultistep: Parameters<typeof sankeyOption>[2];
      transitionsOnestep: MatrixRow[];
      classes: Parameters<typeof classAreasOption>[2];
      zonesByPeriod: Parameters<typeof zoneSharesOption>[1];
      zoning: { zones: string[] } | null;
      stockLostToMining: { factorsUsed: FactorRow[] } | null;
      /** Absent from analyses made before storage change was valued. */
      valuation?: { factorsUsed: FactorRow[] } | null;
    };
    const zones = r.zoning?.zones ?? [];
    const rgb = zoneColours(zones);
    const colours = Object.fromEntries(zones.map((z, i) => [z, rgbHex(rgb[i]!)]));
    sections.push(
      h(
        "section",
        { class: "panel", id: "sankey-panel" },
        h("h2", {}, t(lang, "sankey")),
        chart("sankey", sankeyOption(lang, r.legend.classes, r.transitionsMultistep), true),
      ),
      h(
        "section",
        { class: "panel", id: "chord-panel" },
        h("h2", {}, t(lang, "chord")),
        chart("chord", chordOption(lang, r.legend.classes, r.transitionsOnestep), true),
      ),
      h(
        "section",
        { class: "panel" },
        h("h2", {}, t(lang, "zoneShares")),
        chart("zone-shares", zoneSharesOption(lang, r.zonesByPeriod, colours)),
      ),
      h(
        "section",
        { class: "panel" },
        h("h2", {}, t(lang, "classAreas")),
        chart("class-areas", classAreasOption(lang, r.legend.classes, r.classes)),
      ),
    );
    sections.push(matrixTable(lang, r.legend.classes, r.transitionsOnestep));
    for (const f of [...(r.stockLostToMining?.factorsUsed ?? []), ...(r.valuation?.factorsUsed ?? [])])
      factors.set(f.id, f);
  }
  for (const ref of o.inventories) {
    const inv = await api<{
      mine: string;
      year: number;
      result: { years: Parameters<typeof inventorySteps>[1][]; factors: { used: FactorRow[] } };
    }>(`/api/inventories/${ref.id}`);
    const y = inv.result.years[0]!;
    sections.push(
      h(
        "section",
        { class: "panel" },
        h("h2", {}, `${t(lang, "waterfall")} — ${inv.mine} ${inv.year}`),
        chart(`waterfall-${ref.id}`, waterfallOption(lang, inventorySteps(lang, y)), true),
      ),
    );
    for (const f of inv.result.factors.used) factors.set(f.id, f);
  }
  sections.push(
    h(
      "section",
      { class: "panel" },
      h("h2", {}, t(lang, "factors")),
      factors.size
        ? h(
            "table",
            { id: "factors-table" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", {}, t(lang, "factorId")),
                h("th", {}, t(lang, "value")),
                h("th", {}, t(lang, "unit")),
                h("th", {}, t(lang, "source")),
              ),
            ),
            h(
              "tbody",
              {},
              [...factors.values()]
                .sort((a, b) => a.id.localeCompare(b.id))
                .map((f) =>
                  h(
                    "tr",
                    {},
                    h("td", {}, f.id),
                    h("td", { class: "num" }, formatNumber(lang, f.value, 6)),
                    h("td", {}, f.unit),
                    h("td", {}, `${f.source}${f.table ? `, ${f.table}` : ""} (${f.status})`),
                  ),
                ),
            ),
          )
        : h("p", {}, t(lang, "noData")),
    ),
  );
  if (!o.latestAnalysis && o.inventories.length === 0) sections.unshift(h("p", {}, t(lang, "noData")));
  mount(main, sections);
  for (const start of starts) start();
  const resize = () => charts.forEach((c) => c.resize());
  window.addEventListener("resize", resize);
  return () => {
    window.removeEventListener("resize", resize);
    charts.forEach((c) => c.dispose());
  };
}
