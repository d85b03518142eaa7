import type { TFunction } from "i18next";
import type { EChartsOption } from "../../components/Chart.tsx";
import { formatNumber } from "../../../presentation/i18n.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import type { PublicMine } from "./public-api.ts";

/**
 * A public mine's trend over its published years: the year's gross emissions (bars, t CO2e, left
 * axis) and its carbon intensity (line, t CO2e per t of coal, right axis).
 */
export function trendOption(trend: PublicMine["trend"], t: TFunction<["portal"]>, lang: Lang): EChartsOption {
  const emissions = t("portal:trend.emissions");
  const intensity = t("portal:trend.intensity");
  return {
    tooltip: { trigger: "axis" },
    legend: { data: [emissions, intensity], bottom: 0 },
    grid: { left: 16, right: 16, top: 40, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: trend.map((y) => String(y.year)) },
    yAxis: [
      {
        type: "value",
        name: t("portal:trend.emissionsAxis"),
        axisLabel: { formatter: (v: number) => formatNumber(lang, v / 1e4, 1) },
      },
      {
        type: "value",
        name: t("portal:trend.intensityAxis"),
        axisLabel: { formatter: (v: number) => formatNumber(lang, v, 3) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: emissions,
        type: "bar",
        data: trend.map((y) => y.emissionsTCO2ePerYr),
        itemStyle: { color: "#8c5a3c" },
        tooltip: { valueFormatter: (v) => `${formatNumber(lang, Number(v), 0)} t CO₂e` },
      },
      {
        name: intensity,
        type: "line",
        yAxisIndex: 1,
        data: trend.map((y) => y.intensityTCO2ePerT),
        itemStyle: { color: "#1b3d2f" },
        tooltip: { valueFormatter: (v) => `${formatNumber(lang, Number(v), 4)} t CO₂e/t` },
      },
    ],
  };
}
