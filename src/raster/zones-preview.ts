import { createRequire } from "node:module";
import { writeFile } from "node:fs/promises";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";

let fontReady = false;
/** Registers the bundled DejaVu Sans (npm dejavu-fonts-ttf), so labels render on machines without fonts. */
function font(): string {
  if (!fontReady) {
    const file = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
    GlobalFonts.registerFromPath(file, "MineCarbon Sans");
    fontReady = true;
  }
  return "MineCarbon Sans";
}

/**
 * A PNG quick-look of a zone raster: the (subsampled) map, a title and a legend of zone colours,
 * names and shares. Code 0 (not analysed) is drawn white.
 */
export async function writeZonesPreview(
  path: string,
  preview: { width: number; height: number; values: Uint8Array },
  title: string,
  legend: readonly { code: number; name: string; colour: readonly [number, number, number]; share: number }[],
): Promise<void> {
  const family = font();
  const legendWidth = 300;
  const margin = 16;
  const titleHeight = 34;
  const w = preview.width + legendWidth + margin * 3;
  const h = Math.max(preview.height, legend.length * 26 + 20) + titleHeight + margin * 2;
  const canvas = createCanvas(w, h);
  const g = canvas.getContext("2d");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, w, h);
  const img = g.createImageData(preview.width, preview.height);
  const colours = new Map(legend.map((l) => [l.code, l.colour]));
  for (let i = 0; i < preview.values.length; i++) {
    const c = colours.get(preview.values[i]!) ?? [255, 255, 255];
    img.data[i * 4] = c[0];
    img.data[i * 4 + 1] = c[1];
    img.data[i * 4 + 2] = c[2];
    img.data[i * 4 + 3] = 255;
  }
  g.putImageData(img, margin, margin + titleHeight);
  g.fillStyle = "#111111";
  g.font = `18px "${family}"`;
  g.fillText(title, margin, margin + 20);
  g.font = `14px "${family}"`;
  legend.forEach((l, i) => {
    const x = preview.width + margin * 2;
    const y = margin + titleHeight + i * 26;
    g.fillStyle = `rgb(${l.colour[0]},${l.colour[1]},${l.colour[2]})`;
    g.fillRect(x, y, 20, 18);
    g.strokeStyle = "#444444";
    g.strokeRect(x, y, 20, 18);
    g.fillStyle = "#111111";
    g.fillText(`${l.name} — ${l.share.toFixed(1)}%`, x + 28, y + 14);
  });
  // Encoded off the main thread (canvas's own thread pool) while the caller writes its tables.
  await writeFile(path, await canvas.encode("png"));
}
