import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsOption } from "echarts";
import { macOption, pathwayOption, type PathwayPoint } from "../presentation/chart-options.ts";
import { formatNumber, t, type Lang } from "../presentation/i18n.ts";
import { api, ApiFailure } from "./api.ts";
import { h, mount } from "./dom.ts";
import { clearFieldErrors, field, showFieldErrors } from "./field-errors.ts";
import { reportButtons } from "./report-buttons.ts";
import type { Overview, ViewContext } from "./state.ts";

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

type Measure = Record<string, unknown> & { kind: string; start: number; rampYears?: number };
type Scenario = Record<string, unknown> & {
  name: string;
  baseline: Record<string, unknown>;
  endYear: number;
  coalOutput?: { year: number; t: number }[];
  measures: Measure[];
};
interface PathwayAnswer {
  scenario: string;
  years: PathwayPoint[];
  peakYear: number;
  neutralYear: number | null;
  gapAtEndTCO2e: number | null;
  bands: { years: { year: number; p2_5: number; p97_5: number }[] } | null;
  economics: {
    mac: { measure: string; costCNYPerTCO2e: number; abatementTCO2ePerYr: number }[];
    prices: { carbon: { startCNYPerTCO2e: number } };
  } | null;
}

/** The field of a measure's level: its name and whether it is a share (slider 0–100 %). */
const LEVEL: Record<string, [string, boolean]> = {
  "methane-use": ["share", true],
  "vam-oxidation": ["share", true],
  "clean-electricity": ["share", true],
  "energy-saving": ["rate", true],
  ccs: ["captureRate", true],
  reclamation: ["hectaresPerYear", false],
  offsets: ["tCO2ePerYr", false],
};

function chartIn(el: HTMLElement, option: EChartsOption, charts: echarts.ECharts[]) {
  const c = echarts.init(el, undefined, { renderer: "canvas" });
  c.setOption(option);
  charts.push(c);
}

/**
 * Planning: the scenario builder (the measures of seed 002 with start, ramp and level; sliders for
 * shares), the pathway chart to 2060 with the neutrality line next to the path without measures,
 * the abatement-cost curve with the carbon price, and the land-use structure optimization.
 */
export async function planView(main: HTMLElement, ctx: ViewContext): Promise<() => void> {
  const lang: Lang = ctx.lang;
  const o = await api<Overview>(`/api/areas/${ctx.areaId}/overview`);
  const charts: echarts.ECharts[] = [];
  const sections: HTMLElement[] = [];
  const latest = o.inventories[o.inventories.length - 1];
  if (!latest)
    sections.push(
      h(
        "section",
        { class: "panel" },
        h("h2", {}, t(lang, "pathway")),
        h("p", {}, t(lang, "needsInventory")),
      ),
    );
  else {
    const template = await api<Scenario>("/api/examples/yongning-pathway");
    const scenario: Scenario = {
      ...template,
      name: `${latest.mine} ${latest.year}+`,
      baseline: { inventoryId: latest.id },
    };
    const enabled = scenario.measures.map(() => true);
    const rows = scenario.measures.map((m, i) => {
      const [levelKey, isShare] = LEVEL[m.kind]!;
      const p = `scenarios[0].measures[${i}]`;
      const level = h("input", {
        type: isShare ? "range" : "number",
        min: "0",
        max: isShare ? "100" : "",
        step: isShare ? "5" : "any",
        value: isShare ? String(Math.round((m[levelKey] as number) * 100)) : String(m[levelKey]),
        "aria-label": `${m.kind} ${t(lang, "level")}`,
        class: "level",
      });
      const shown = h("span", { class: "level-value" }, isShare ? `${level.value} %` : "");
      level.addEventListener("input", () => (shown.textContent = isShare ? `${level.value} %` : ""));
      return h(
        "fieldset",
        { class: "measure", "data-kind": m.kind },
        h(
          "legend",
          {},
          h(
            "label",
            {},
            h("input", {
              type: "checkbox",
              checked: true,
              class: "enabled",
              onchange: (e: Event) => (enabled[i] = (e.target as HTMLInputElement).checked),
            }),
            ` ${m.kind}`,
          ),
        ),
        field(
          t(lang, "startYear"),
          `${p}.start`,
          h("input", { type: "number", value: String(m.start), class: "start" }),
        ),
        m.rampYears !== undefined
          ? field(
              t(lang, "rampYears"),
              `${p}.rampYears`,
              h("input", { type: "number", value: String(m.rampYears), class: "ramp" }),
            )
          : null,
        h(
          "div",
          { class: "field", "data-path": `${p}.${levelKey}` },
          h("label", {}, `${t(lang, "level")} (${levelKey})`),
          level,
          shown,
        ),
      );
    });
    const uncertain = h("input", { type: "checkbox", id: "uncertainty" });
    const coalEnd = h("input", {
      type: "number",
      value: String(scenario.coalOutput?.at(-1)?.t ?? ""),
      class: "coal-end",
    });
    const result = h("div", { id: "pathway-result", "aria-live": "polite" });
    const pathwayChart = h("div", { class: "chart", id: "pathway-chart" });
    const macChart = h("div", { class: "chart", id: "mac-chart" });
    const form = h(
      "form",
      { id: "scenario-form", novalidate: true },
      h("div", { class: "measures" }, rows),
      field(t(lang, "coalOutputEnd"), "scenarios[0].coalOutput", coalEnd),
      h(
        "label",
        { class: "uncertainty" },
        uncertain,
        ` ${lang === "zh" ? "因子不确定性区间（蒙特卡洛200次）" : "Uncertainty band over the factor ranges (Monte Carlo, 200 draws)"}`,
      ),
      h("button", { type: "submit", class: "primary" }, t(lang, "runPathway")),
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      clearFieldErrors(form);
      const num = (v: string) => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v);
      const measures: Measure[] = [];
      scenario.measures.forEach((m, i) => {
        if (!enabled[i]) return;
        const box = rows[i]!;
        const [levelKey, isShare] = LEVEL[m.kind]!;
        const lv = box.querySelector<HTMLInputElement>("input.level")!.value;
        const next: Measure = {
          ...m,
          start: num(box.querySelector<HTMLInputElement>("input.start")!.value) as number,
        };
        const ramp = box.querySelector<HTMLInputElement>("input.ramp");
        if (ramp) next.rampYears = num(ramp.value) as number;
        next[levelKey] = isShare ? Number(lv) / 100 : num(lv);
        measures.push(next);
      });
      const coal = [...(scenario.coalOutput ?? [])];
      if (coal.length) coal[coal.length - 1] = { ...coal[coal.length - 1]!, t: num(coalEnd.value) as number };
      const withMeasures = {
        ...scenario,
        measures,
        coalOutput: coal,
        ...(uncertain.checked ? { uncertainty: { draws: 200, seed: 1 } } : {}),
      };
      const without = {
        ...scenario,
        name: `${scenario.name} — ${lang === "zh" ? "无措施" : "no measures"}`,
        measures: [],
        economics: undefined,
        uncertainty: undefined,
      };
      try {
        const [a] = await api<PathwayAnswer[]>("/api/pathways", {
          method: "POST",
          json: { scenarios: [withMeasures, without] },
        });
        mount(
          result,
          h(
            "p",
            { class: "milestones" },
            `${t(lang, "peakYear")}: ${a!.peakYear} · `,
            a!.neutralYear === null
              ? `${t(lang, "notNeutral")} ${a!.years.at(-1)!.year} (${formatNumber(lang, a!.gapAtEndTCO2e ?? 0, 0)} t CO2e/yr)`
              : h("b", { id: "neutral-year" }, `${t(lang, "neutralYear")} ${a!.neutralYear}`),
          ),
          h(
            "p",
            { class: "scenario-report" },
            reportButtons(lang, `/api/inventories/${latest.id}/reports`, { scenario: withMeasures }),
          ),
        );
        charts.splice(0).forEach((c) => c.dispose());
        chartIn(pathwayChart, pathwayOption(lang, a!.years, a!.neutralYear, a!.bands?.years), charts);
        if (a!.economics)
          chartIn(
            macChart,
            macOption(lang, a!.economics.mac, a!.economics.prices.carbon.startCNYPerTCO2e),
            charts,
          );
      } catch (err) {
        if (err instanceof ApiFailure) showFieldErrors(form, err.details, err.message);
        else throw err;
      }
    });
    sections.push(
      h(
        "section",
        { class: "panel" },
        h("h2", {}, `${t(lang, "pathway")} — ${latest.mine}`),
        form,
        result,
        pathwayChart,
      ),
      h("section", { class: "panel" }, h("h2", {}, t(lang, "mac")), macChart),
    );
  }

  // Land-use structure optimization of the demo example.
  const optResult = h("div", { id: "optimize-result" });
  const optChart = h("div", { class: "chart", id: "optimize-chart" });
  const run = h("button", { type: "button", class: "primary", id: "run-optimize" }, t(lang, "runOptimize"));
  run.addEventListener("click", async () => {
    const problem = await api<Record<string, unknown>>("/api/examples/pingshuo-structure");
    const r = await api<{
      status: string;
      classes: { name: string; currentHa: number; optimalHa: number }[];
      criteria: { current: number; optimal: number; change: number; unit: string }[];
      binding: { name: string; shadowPrice: number; shadowPriceUnit: string }[];
      conflict?: { explanation: string };
    }>("/api/optimize", { method: "POST", json: problem });
    if (r.status !== "optimal") {
      mount(optResult, h("p", { class: "error" }, r.conflict?.explanation ?? r.status));
      return;
    }
    const c = r.criteria[0]!;
    mount(
      optResult,
      h(
        "p",
        { id: "optimize-change" },
        `${formatNumber(lang, c.current, 0)} → ${formatNumber(lang, c.optimal, 0)} ${c.unit} (${c.change >= 0 ? "+" : ""}${formatNumber(lang, c.change, 0)})`,
      ),
      h(
        "table",
        {},
        h(
          "tbody",
          {},
          r.binding.map((b) =>
            h(
              "tr",
              {},
              h("td", {}, b.name),
              h("td", { class: "num" }, `${formatNumber(lang, b.shadowPrice, 3)} ${b.shadowPriceUnit}`),
            ),
          ),
        ),
      ),
    );
    chartIn(
      optChart,
      {
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 70, right: 20, top: 40, bottom: 70 },
        xAxis: {
          type: "category",
          data: r.classes.map((k) => k.name),
          axisLabel: { rotate: 25, fontSize: 10, interval: 0 },
        },
        yAxis: { type: "value", name: "ha" },
        series: [
          {
            type: "bar",
            name: t(lang, "current"),
            data: r.classes.map((k) => k.currentHa),
            itemStyle: { color: "#9e9e9e" },
          },
          {
            type: "bar",
            name: t(lang, "optimal"),
            data: r.classes.map((k) => k.optimalHa),
            itemStyle: { color: "#2e7d32" },
          },
        ],
      },
      charts,
    );
  });
  sections.push(h("section", { class: "panel" }, h("h2", {}, t(lang, "optimize")), run, optResult, optChart));
  mount(main, sections);
  return () => charts.forEach((c) => c.dispose());
}
