import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import * as echarts from "echarts";
import type { EChartsOption } from "echarts";

type PlatformCreateCanvas = NonNullable<Parameters<typeof echarts.setPlatformAPI>[0]["createCanvas"]>;

/** Noto Sans SC (npm @expo-google-fonts/noto-sans-sc, SIL OFL): Chinese and Latin in one face. */
export function cjkFontPath(): string {
  return createRequire(import.meta.url).resolve(
    "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  );
}

let registered = false;
/** Registers the CJK font with the canvas, so charts turned into PNG show Chinese text. */
export function registerFont(): void {
  if (registered) return;
  GlobalFonts.registerFromPath(cjkFontPath(), "Noto Sans SC");
  registered = true;
}

// ECharts' legend defaults (legend.itemWidth, itemHeight, itemGap, textStyle.fontSize) and the 5 px
// between an item's symbol and its text.
const LEGEND = { itemWidth: 25, itemHeight: 14, itemGap: 10, fontSize: 12, textGap: 5 } as const;
const LEGEND_ROW = LEGEND.itemHeight + LEGEND.itemGap;

/** The width of a text in the report's chart font, px. */
function textWidth(text: string, fontSize: number): number {
  registerFont();
  const g = createCanvas(1, 1).getContext("2d");
  g.font = `${fontSize}px "Noto Sans SC"`;
  return g.measureText(text).width;
}

/**
 * The rows a horizontal legend of these names takes in a chart `width` px wide: ECharts lays the
 * items out left to right and starts a new row where the next one would pass the edge.
 */
export function legendRows(names: readonly string[], width: number): number {
  let rows = names.length ? 1 : 0;
  let x = 0;
  for (const name of names) {
    const w = LEGEND.itemWidth + LEGEND.textGap + textWidth(name, LEGEND.fontSize);
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + LEGEND.itemGap;
  }
  return rows;
}

/**
 * A chart of a report made to fit its legend: the legend is plain (every item shown, wrapped onto
 * as many rows as it needs, never paged), the plot starts below it and the chart grows by the rows
 * added, so that no legend item is hidden or drawn over the plot.
 */
export function fitLegend(
  option: EChartsOption,
  width: number,
  height: number,
): { option: EChartsOption; height: number } {
  const legend = option.legend;
  if (!legend || Array.isArray(legend)) return { option, height };
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []).map(
    (s) => String(s.name ?? ""),
  );
  const names = (legend.data ?? series).map((d) =>
    typeof d === "object" && d !== null ? String(d.name ?? "") : String(d),
  );
  const margin = 20;
  const rows = legendRows(names, width - 2 * margin);
  // Each added row, and room between the legend and an axis name above the plot.
  const extra = Math.max(0, rows - 1) * LEGEND_ROW + 10;
  const grid = option.grid && !Array.isArray(option.grid) ? option.grid : {};
  const top = typeof grid.top === "number" ? grid.top : 40;
  return {
    option: {
      ...option,
      legend: { ...legend, type: "plain", left: margin, right: margin },
      grid: { ...grid, top: top + extra },
    },
    height: height + extra,
  };
}

/** An ECharts chart rendered on the server as SVG text (no browser): for HTML reports. */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const fitted = fitLegend(option, width, height);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height: fitted.height });
  try {
    chart.setOption(fitted.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

let canvasPlatform = false;

/**
 * The same chart as a PNG at `scale` × its size: for PDF reports. Drawn by ECharts' canvas renderer
 * on a server canvas (not by decoding the SVG, whose text halos, `paint-order`, an SVG rasteriser
 * draws over the text), its text in the registered Noto Sans SC.
 */
export async function chartPng(
  option: EChartsOption,
  width: number,
  height: number,
  scale = 2,
): Promise<Buffer> {
  registerFont();
  if (!canvasPlatform) {
    // ECharts measures text on a canvas of its own making: give it the server's.
    echarts.setPlatformAPI({
      createCanvas: () => createCanvas(1, 1) as unknown as ReturnType<PlatformCreateCanvas>,
    });
    canvasPlatform = true;
  }
  const fitted = fitLegend(option, width, height);
  const canvas = createCanvas(width * scale, fitted.height * scale);
  const chart = echarts.init(canvas as unknown as Parameters<typeof echarts.init>[0], null, {
    renderer: "canvas",
    width,
    height: fitted.height,
    devicePixelRatio: scale,
  });
  try {
    chart.setOption({ ...fitted.option, backgroundColor: "#ffffff" });
    chart.getZr().flush();
    return await canvas.encode("png");
  } finally {
    chart.dispose();
  }
}
