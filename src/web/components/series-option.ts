import type { EChartsOption } from "echarts";
import type { TFunction } from "i18next";
import type { Overview } from "../../contract/overview.ts";
import { LOCALE, type Lang } from "../../presentation/i18n/lang.ts";

/**
 * The overview's chart: the land's carbon stock (t C, line, left axis) and the mines' gross
 * emissions and sinks (t CO2e/yr, bars, right axis) by year.
 */
export function overviewSeriesOption(
  series: Overview["series"],
  t: TFunction<["common", "web"]>,
  lang: Lang,
): EChartsOption {
  const fmt = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 });
  const years = series.map((p) => String(p.year));
  const stock = t("web:overview.stock");
  const gross = t("web:overview.gross");
  const sink = t("web:overview.sink");
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    // One line that scrolls on a narrow screen (the units are in the series names).
    legend: { top: 0, type: "scroll" },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v) => (typeof v === "number" ? fmt.format(v) : "—"),
    },
    xAxis: { type: "category", data: years },
    yAxis: [
      { type: "value", axisLabel: { formatter: (v: number) => fmt.format(v) } },
      {
        type: "value",
        axisLabel: { formatter: (v: number) => fmt.format(v) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: stock,
        type: "line",
        yAxisIndex: 0,
        connectNulls: true,
        data: series.map((p) => p.carbonStockTC),
        itemStyle: { color: "#2e7d4f" },
      },
      {
        name: gross,
        type: "bar",
        yAxisIndex: 1,
        data: series.map((p) => p.grossEmissionTCO2ePerYr),
        itemStyle: { color: "#b2182b" },
      },
      {
        name: sink,
        type: "bar",
        yAxisIndex: 1,
        data: series.map((p) => p.sinkTCO2ePerYr),
        itemStyle: { color: "#1a9850" },
      },
    ],
  };
}
