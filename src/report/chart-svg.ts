import { createRequire } from "node:module";
import { createCanvas, GlobalFonts, Image } from "@napi-rs/canvas";
import * as echarts from "echarts";
import type { EChartsOption } from "echarts";

/** Noto Sans SC (npm @expo-google-fonts/noto-sans-sc, SIL OFL): Chinese and Latin in one face. */
export function cjkFontPath(): string {
  return createRequire(import.meta.url).resolve(
    "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  );
}

let registered = false;
/** Registers the CJK font with the canvas, so charts turned into PNG show Chinese text. */
function registerFont(): void {
  if (registered) return;
  GlobalFonts.registerFromPath(cjkFontPath(), "Noto Sans SC");
  registered = true;
}

/** An ECharts chart rendered on the server as SVG text (no browser): for HTML reports. */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The same chart as a PNG at `scale` × its size: for PDF reports. */
export async function chartPng(
  option: EChartsOption,
  width: number,
  height: number,
  scale = 2,
): Promise<Buffer> {
  registerFont();
  const img = new Image();
  // SVG images decode asynchronously: wait for them before drawing.
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = (e) => reject(e instanceof Error ? e : new Error(`chart SVG did not decode: ${String(e)}`));
  });
  img.src = Buffer.from(chartSvg(option, width, height));
  await loaded;
  const canvas = createCanvas(width * scale, height * scale);
  const g = canvas.getContext("2d");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.encode("png");
}
