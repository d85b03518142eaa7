import type { EChartsOption } from "echarts";
import { escapeHtml } from "./escape-html.ts";
import { className, formatNumber, t, zoneName, type Lang } from "./i18n.ts";
import { reportT, termsT } from "./i18n/index.ts";
import { domainText } from "./i18n/domain-text.ts";

/** The legend classes a chart needs: code, names and colour. */
export interface ChartClass {
  readonly code: number;
  readonly name: string;
  readonly nameZh?: string;
  readonly colour?: string;
}

export interface TransitionRow {
  readonly from_year: number;
  readonly to_year: number;
  readonly from_code: number;
  readonly to_code: number;
  readonly area_ha: number;
}

export interface ClassAreaRow {
  readonly year: number;
  readonly code: number;
  readonly area_ha: number;
}

export interface ZoneShareRow {
  readonly from_year: number;
  readonly to_year: number;
  readonly zone: string;
  readonly share: number;
  readonly area_ha: number;
  readonly kind: string;
}

/** A period's label; the whole span (the one-step pair of three or more dates) says so. */
export function periodLabel(lang: Lang, r: { kind: string; from_year: number; to_year: number }): string {
  const span = `${r.from_year}–${r.to_year}`;
  return r.kind === "onestep" ? reportT(lang)("wholeSpan", { period: span }) : span;
}

// Single quotes: ECharts' SVG output puts the family unescaped inside a double-quoted style attribute.
const FONT = "'Noto Sans SC', 'DejaVu Sans', sans-serif";
/** A category axis of long labels, slanted so that every one shows. */
const slantedAxis = (labels: readonly string[], rotate: number) => ({
  type: "category" as const,
  data: [...labels],
  axisLabel: { rotate, fontSize: 10, interval: 0 },
});

/** Dark label text with a white halo, readable on any node or ribbon colour. */
const HALO = { color: "#1a1a1a", textBorderColor: "#ffffff", textBorderWidth: 2.5 } as const;

const base = (): EChartsOption => ({
  animation: false,
  textStyle: { fontFamily: FONT },
});

/*
 * Every text here may be a user's (legend class names, inventory labels, measures). ECharts draws
 * labels, axes and legends on the canvas as text, and escapes the names in its own tooltips; only
 * the tooltip formatters below build HTML themselves, so they escape what they put in it.
 */

/**
 * Sankey of the multistep transfers: one node per class and year, one link per transfer with its
 * area (ha). Every transfer with area > 0 is drawn, persistence included, so the flows add up to
 * the class areas.
 */
export function sankeyOption(
  lang: Lang,
  classes: readonly ChartClass[],
  rows: readonly TransitionRow[],
): EChartsOption {
  const byCode = new Map(classes.map((c) => [c.code, c]));
  const label = (code: number, year: number) =>
    `${className(lang, byCode.get(code) ?? { name: String(code) })} ${year}`;
  const nodes = new Map<string, { name: string; itemStyle: { color: string } }>();
  const links = rows
    .filter((r) => r.area_ha > 0)
    .map((r) => {
      for (const [code, year] of [
        [r.from_code, r.from_year],
        [r.to_code, r.to_year],
      ] as const) {
        const name = label(code, year);
        if (!nodes.has(name))
          nodes.set(name, { name, itemStyle: { color: byCode.get(code)?.colour ?? "#999" } });
      }
      return {
        source: label(r.from_code, r.from_year),
        target: label(r.to_code, r.to_year),
        value: r.area_ha,
      };
    });
  return {
    ...base(),
    tooltip: {
      trigger: "item",
      valueFormatter: (v) => `${formatNumber(lang, Number(v), 1)} ha`,
    },
    series: [
      {
        type: "sankey",
        data: [...nodes.values()],
        links,
        nodeAlign: "left",
        // Room for a line of label text between nodes: small classes' labels would overlap at 8 px.
        nodeGap: 14,
        emphasis: { focus: "adjacency" },
        lineStyle: { color: "source", opacity: 0.35 },
        // Dark text with a white halo: legible on pale nodes (arable land's yellow) and on the links.
        label: { fontSize: 10, fontFamily: FONT, ...HALO },
        layoutIterations: 32,
      },
    ],
  };
}

/**
 * Chord diagram of the one-step transitions (OpenLand's chordDiagramLand): an arc per class at the
 * first date (the upper half, in legend order from the left) and at the last date (the lower half, in
 * reverse legend order, so that each class faces itself), a ribbon per transition with its area (ha),
 * in the colour of the class it comes from. Ribbons of land that kept its class are pale, so that the
 * changes stand out while the arcs still show whole class areas. Arcs under 2.5° are drawn at 2.5° so
 * that small classes (where the two halves meet, on the right) can be seen and labelled.
 */
export function chordOption(
  lang: Lang,
  classes: readonly ChartClass[],
  rows: readonly TransitionRow[],
): EChartsOption {
  const byCode = new Map(classes.map((c) => [c.code, c]));
  const colour = (code: number) => byCode.get(code)?.colour ?? "#999999";
  const label = (code: number, year: number) =>
    `${className(lang, byCode.get(code) ?? { name: String(code) })} ${year}`;
  const flows = rows.filter((r) => r.area_ha > 0);
  const order = classes.map((c) => c.code);
  const side = (pick: (r: TransitionRow) => number) =>
    order.filter((code) => flows.some((r) => pick(r) === code));
  const fromYear = flows[0]?.from_year;
  const toYear = flows[0]?.to_year;
  const nodes =
    fromYear === undefined || toYear === undefined
      ? []
      : [
          ...side((r) => r.from_code).map((code) => ({ name: label(code, fromYear), code })),
          ...side((r) => r.to_code)
            .reverse()
            .map((code) => ({ name: label(code, toYear), code })),
        ];
  return {
    ...base(),
    tooltip: {
      trigger: "item",
      valueFormatter: (v) => `${formatNumber(lang, Number(v), 1)} ha`,
    },
    series: [
      {
        type: "chord",
        // Left of the middle: the small classes' labels go out to the right, where the halves meet.
        center: ["45%", "52%"],
        radius: ["56%", "61%"],
        startAngle: 180,
        clockwise: true,
        padAngle: 1,
        minAngle: 2.5,
        data: nodes.map((n) => ({ name: n.name, itemStyle: { color: colour(n.code) } })),
        links: flows.map((r) => ({
          source: label(r.from_code, r.from_year),
          target: label(r.to_code, r.to_year),
          value: r.area_ha,
          lineStyle: { color: "source", opacity: r.from_code === r.to_code ? 0.15 : 0.6 },
        })),
        // Dark labels: some class colours (arable land's pale yellow) are unreadable as text.
        label: { show: true, position: "outside", fontSize: 10, fontFamily: FONT, ...HALO },
        emphasis: { focus: "adjacency" },
      },
    ],
  } as EChartsOption;
}

/** The overall change components of one interval, in % of the area (components-overall.csv). */
export interface ComponentsRow {
  readonly kind: string;
  readonly from_year: number;
  readonly to_year: number;
  readonly quantity_percent: number;
  readonly exchange_percent: number;
  readonly shift_percent: number;
}

/**
 * Stacked bars of each interval's total change split into quantity, exchange and shift (% of the
 * area), as diffeR's overallComponentsPlot draws them (Pontius & Santacruz 2014); the whole span last.
 */
export function componentsOption(lang: Lang, rows: readonly ComponentsRow[]): EChartsOption {
  const rt = reportT(lang);
  const periods = rows.map((r) => periodLabel(lang, r));
  const bar = (name: string, color: string, pick: (r: ComponentsRow) => number) => ({
    type: "bar" as const,
    stack: "change",
    name,
    itemStyle: { color },
    data: rows.map(pick),
  });
  return {
    ...base(),
    tooltip: { trigger: "axis", valueFormatter: (v) => `${formatNumber(lang, Number(v), 2)} %` },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: periods },
    yAxis: { type: "value", name: "%" },
    series: [
      bar(rt("quantity"), "#1565c0", (r) => r.quantity_percent),
      bar(rt("exchange"), "#ef6c00", (r) => r.exchange_percent),
      bar(rt("shift"), "#8e24aa", (r) => r.shift_percent),
    ],
  };
}

/** Stacked bars of the zone shares (%) of each multistep period, and of the whole (one-step) span. */
export function zoneSharesOption(
  lang: Lang,
  rows: readonly ZoneShareRow[],
  colours: Readonly<Record<string, string>>,
): EChartsOption {
  const periods = [...new Set(rows.map((r) => periodLabel(lang, r)))];
  const zones = [...new Set(rows.map((r) => r.zone))];
  return {
    ...base(),
    tooltip: { trigger: "axis", valueFormatter: (v) => `${formatNumber(lang, Number(v), 1)} %` },
    legend: { top: 0, data: zones.map((z) => zoneName(lang, z)) },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: periods },
    yAxis: { type: "value", max: 100, name: "%" },
    series: zones.map((z) => ({
      type: "bar",
      stack: "share",
      name: zoneName(lang, z),
      itemStyle: { color: colours[z] ?? "#999" },
      data: periods.map((p) => rows.find((r) => periodLabel(lang, r) === p && r.zone === z)?.share ?? 0),
    })),
  };
}

/** Lines of each class's area (ha) over the years. */
export function classAreasOption(
  lang: Lang,
  classes: readonly ChartClass[],
  rows: readonly ClassAreaRow[],
): EChartsOption {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const present = classes.filter((c) => rows.some((r) => r.code === c.code && r.area_ha > 0));
  return {
    ...base(),
    tooltip: { trigger: "axis", valueFormatter: (v) => `${formatNumber(lang, Number(v), 1)} ha` },
    // A plain legend wraps onto more lines; a report sizes the chart to it (report/chart-svg.ts).
    legend: { top: 0, data: present.map((c) => className(lang, c)) },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: years.map(String) },
    yAxis: { type: "value", name: "ha" },
    series: present.map((c) => ({
      type: "line",
      name: className(lang, c),
      itemStyle: { color: c.colour ?? "#999" },
      data: years.map((y) => rows.find((r) => r.year === y && r.code === c.code)?.area_ha ?? 0),
    })),
  };
}

/** The bars of an inventory waterfall: sources add, sinks, CCS and offsets take away, then the balance. */
export interface WaterfallStep {
  readonly label: string;
  readonly tCO2ePerYr: number;
  readonly kind: "source" | "sink" | "balance";
}

/** A waterfall from the sources through the sinks to the net balance (t CO2e/yr). */
export function waterfallOption(lang: Lang, steps: readonly WaterfallStep[]): EChartsOption {
  let level = 0;
  const invisible: number[] = [];
  const visible: { value: number; itemStyle: { color: string } }[] = [];
  for (const s of steps) {
    if (s.kind === "balance") {
      invisible.push(Math.min(0, s.tCO2ePerYr));
      visible.push({
        value: Math.abs(s.tCO2ePerYr),
        itemStyle: { color: s.tCO2ePerYr > 0 ? "#6a1b9a" : "#1b5e20" },
      });
      continue;
    }
    const next = level + s.tCO2ePerYr;
    invisible.push(Math.min(level, next));
    visible.push({
      value: Math.abs(s.tCO2ePerYr),
      itemStyle: { color: s.kind === "source" ? "#c62828" : "#2e7d32" },
    });
    level = next;
  }
  return {
    ...base(),
    tooltip: {
      trigger: "axis",
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }[])[0]!.dataIndex;
        // ECharts shows a formatter's answer as HTML: the label (a user's text) is escaped.
        return `${escapeHtml(steps[i]!.label)}: ${formatNumber(lang, steps[i]!.tCO2ePerYr, 1)} t CO2e/yr`;
      },
    },
    grid: { left: 80, right: 20, top: 20, bottom: 90 },
    xAxis: slantedAxis(
      steps.map((s) => s.label),
      30,
    ),
    yAxis: { type: "value", name: reportT(lang)("perYear") },
    series: [
      { type: "bar", stack: "w", data: invisible, itemStyle: { color: "transparent" }, silent: true },
      {
        type: "bar",
        stack: "w",
        data: visible,
        label: {
          show: steps.length <= 12,
          position: "top",
          fontSize: 9,
          formatter: (p: unknown) =>
            formatNumber(lang, steps[(p as { dataIndex: number }).dataIndex]!.tCO2ePerYr, 0),
        },
      },
    ],
  };
}

/** Inventory lines as waterfall steps: each source, each sink, CCS, offsets, then the balance. */
export function inventorySteps(
  lang: Lang,
  year: {
    sources: readonly { label: string; tCO2ePerYr: number }[];
    sinks: readonly { label: string; sinkTCO2ePerYr: number }[];
    totals: { offsetsBoughtTCO2e: number; offsetsSoldTCO2e: number; balanceTCO2ePerYr: number };
  },
): WaterfallStep[] {
  const steps: WaterfallStep[] = [
    ...year.sources.map((s) => ({
      label: domainText(lang, s.label),
      tCO2ePerYr: s.tCO2ePerYr,
      kind: "source" as const,
    })),
    ...year.sinks.map((s) => ({
      label: domainText(lang, s.label),
      tCO2ePerYr: -s.sinkTCO2ePerYr,
      kind: "sink" as const,
    })),
  ];
  const offsets = year.totals.offsetsSoldTCO2e - year.totals.offsetsBoughtTCO2e;
  if (offsets !== 0)
    steps.push({
      label: termsT(lang)("source.offsets"),
      tCO2ePerYr: offsets,
      kind: offsets > 0 ? "source" : "sink",
    });
  steps.push({ label: t(lang, "balance"), tCO2ePerYr: year.totals.balanceTCO2ePerYr, kind: "balance" });
  return steps;
}

/** A pathway year as the chart needs it, t CO2e/yr. */
export interface PathwayPoint {
  readonly year: number;
  readonly grossTCO2e: number;
  readonly sinksTCO2e: number;
  readonly netTCO2e: number;
  readonly withoutMeasuresTCO2e: number;
}

/** Gross emissions, sinks and net to the end year, the net without measures, and the neutrality line at 0. */
export function pathwayOption(
  lang: Lang,
  years: readonly PathwayPoint[],
  neutralYear: number | null,
  /** The 95 % interval of the net (IPCC Approach 2: the 2.5th and 97.5th percentiles of the draws). */
  band?: readonly { year: number; p2_5: number; p97_5: number }[],
): EChartsOption {
  const rt = reportT(lang);
  const line = (name: string, data: number[], color: string, dashed = false) => ({
    type: "line" as const,
    name,
    data,
    showSymbol: false,
    itemStyle: { color },
    lineStyle: { color, type: dashed ? ("dashed" as const) : ("solid" as const) },
  });
  return {
    ...base(),
    tooltip: { trigger: "axis", valueFormatter: (v) => `${formatNumber(lang, Number(v), 0)} t CO2e/yr` },
    // The band's invisible base ("P2.5") is no series a reader should look for.
    legend: {
      top: 0,
      data: [
        ...(band ? [rt("netBand")] : []),
        rt("grossEmissions"),
        rt("sinksLower"),
        rt("netWithoutMeasures"),
        rt("net"),
      ],
    },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: years.map((y) => String(y.year)) },
    yAxis: { type: "value", name: reportT(lang)("perYear") },
    series: [
      // The uncertainty band of the net (P2.5–P97.5): an invisible base and the width stacked on it.
      ...(band
        ? [
            {
              type: "line" as const,
              name: "P2.5",
              data: band.map((b) => b.p2_5),
              stack: "band",
              showSymbol: false,
              lineStyle: { opacity: 0 },
              tooltip: { show: false },
            },
            {
              type: "line" as const,
              name: rt("netBand"),
              data: band.map((b) => b.p97_5 - b.p2_5),
              stack: "band",
              showSymbol: false,
              lineStyle: { opacity: 0 },
              areaStyle: { color: "rgba(21,101,192,0.18)" },
              // The legend shows the band in its own colour (its line is hidden).
              itemStyle: { color: "rgba(21,101,192,0.45)" },
            },
          ]
        : []),
      line(
        rt("grossEmissions"),
        years.map((y) => y.grossTCO2e),
        "#c62828",
      ),
      line(
        rt("sinksLower"),
        years.map((y) => -y.sinksTCO2e),
        "#2e7d32",
      ),
      line(
        rt("netWithoutMeasures"),
        years.map((y) => y.withoutMeasuresTCO2e),
        "#757575",
        true,
      ),
      {
        ...line(
          rt("net"),
          years.map((y) => y.netTCO2e),
          "#1565c0",
        ),
        markLine: {
          silent: true,
          symbol: "none",
          data: [
            {
              yAxis: 0,
              name: rt("neutralityLine"),
              // Inside the plot: at the line's end it would run past the chart's right edge.
              label: { formatter: rt("neutrality"), position: "insideEndTop" },
            },
            ...(neutralYear === null
              ? []
              : [{ xAxis: String(neutralYear), label: { formatter: String(neutralYear) } }]),
          ],
          lineStyle: { color: "#111", type: "solid" },
        },
      },
    ],
  };
}

/** The marginal abatement cost curve: measures by cost per tonne, with the carbon price as a line. */
export function macOption(
  lang: Lang,
  mac: readonly { measure: string; costCNYPerTCO2e: number; abatementTCO2ePerYr: number }[],
  carbonPriceCNY: number,
): EChartsOption {
  const rt = reportT(lang);
  return {
    ...base(),
    tooltip: {
      trigger: "axis",
      formatter: (p: unknown) => {
        const m = mac[(p as { dataIndex: number }[])[0]!.dataIndex]!;
        return `${escapeHtml(domainText(lang, m.measure))}: ${formatNumber(lang, m.costCNYPerTCO2e, 1)} CNY/t CO2e, ${formatNumber(lang, m.abatementTCO2ePerYr, 0)} t CO2e/yr`;
      },
    },
    grid: { left: 70, right: 20, top: 30, bottom: 90 },
    xAxis: slantedAxis(
      mac.map((m) => domainText(lang, m.measure)),
      25,
    ),
    yAxis: { type: "value", name: "CNY/t CO2e" },
    series: [
      {
        type: "bar",
        data: mac.map((m) => (Number.isFinite(m.costCNYPerTCO2e) ? m.costCNYPerTCO2e : null)),
        itemStyle: { color: "#6a1b9a" },
        markLine: {
          silent: true,
          symbol: "none",
          data: [
            {
              yAxis: carbonPriceCNY,
              label: {
                formatter: rt("carbonPrice", { price: formatNumber(lang, carbonPriceCNY, 1) }),
                position: "insideEndTop",
              },
            },
          ],
          lineStyle: { color: "#ef6c00" },
        },
      },
    ],
  };
}
