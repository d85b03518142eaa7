import { createCanvas, loadImage } from "@napi-rs/canvas";
import type { LanduseResult } from "../contract/landuse-result.ts";
import { registerFont } from "./chart-svg.ts";

/** How much ground one pixel of a map PNG covers, or why that cannot be said. */
export type MapScale =
  | { readonly kind: "metres"; readonly metresPerPixel: number; readonly note?: string }
  | { readonly kind: "unknown" };

/** GRS80/WGS84 semi-major axis (m) and eccentricity²: metres per degree on a geographic grid. */
const A = 6378137;
const E2 = 0.00669438;

/**
 * Metres per pixel of a PNG `pngWidth` px wide showing the whole grid: a projected grid's pixel
 * width in its unit (metres, or `+to_meter`/`+units` of its proj4 text), a geographic grid's pixel
 * width in degrees of longitude at its middle latitude (true along that parallel only, which the
 * note says). A projected grid whose unit is not known has no scale.
 */
export function mapScale(grid: LanduseResult["grid"], pngWidth: number): MapScale {
  const groundPixels = grid.width / pngWidth;
  if (grid.crsKind === "geographic") {
    const lat = grid.originY - (grid.height * grid.pixelHeight) / 2;
    const phi = (lat * Math.PI) / 180;
    const metresPerDegree = (Math.PI * A * Math.cos(phi)) / 180 / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
    return {
      kind: "metres",
      metresPerPixel: grid.pixelWidth * metresPerDegree * groundPixels,
      note: `${Math.abs(lat).toFixed(1)}°${lat >= 0 ? "N" : "S"}`,
    };
  }
  const unit = unitToMetre(grid.proj4);
  if (unit === undefined) return { kind: "unknown" };
  return { kind: "metres", metresPerPixel: grid.pixelWidth * unit * groundPixels };
}

const UNITS: Readonly<Record<string, number>> = {
  m: 1,
  km: 1000,
  "us-ft": 1200 / 3937,
  ft: 0.3048,
};

function unitToMetre(proj4: string | undefined): number | undefined {
  if (!proj4) return undefined;
  const toMeter = proj4.match(/\+to_meter=([\d.eE+-]+)/);
  if (toMeter) return Number(toMeter[1]);
  const units = proj4.match(/\+units=(\S+)/);
  return units ? UNITS[units[1]!] : undefined;
}

/**
 * A scale bar of a round length (1, 2 or 5 × 10^k m) about a quarter of the map's width, no wider
 * than `maxPx`: its length in metres and in pixels, and its label (m under 1 km, else km).
 */
export function scaleBar(
  metresPerPixel: number,
  mapWidthPx: number,
  maxPx = mapWidthPx / 3,
): { metres: number; px: number; label: string } {
  const target = Math.min(mapWidthPx / 4, maxPx) * metresPerPixel;
  const exp = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * exp).find((m) => m <= target) ?? exp;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: metres / metresPerPixel, label };
}

/** The least width a report's map is drawn at, so that its scale bar and north arrow can be read. */
const MIN_WIDTH = 640;

/**
 * The map PNG with a scale bar (bottom left) and a north arrow (top right) drawn into it, on white
 * backings so that they read on any class colour. A small raster is enlarged by a whole factor
 * (nearest neighbour) first. When the scale is unknown, `noScale` is written instead of a bar.
 * The arrow points to grid north (the map's up).
 */
export async function decorateMap(png: Buffer, scale: MapScale, noScale: string): Promise<Buffer> {
  registerFont();
  const img = await loadImage(png);
  const k = Math.max(1, Math.ceil(MIN_WIDTH / img.width));
  const w = img.width * k;
  const h = img.height * k;
  const canvas = createCanvas(w, h);
  const g = canvas.getContext("2d");
  g.imageSmoothingEnabled = false;
  g.drawImage(img, 0, 0, w, h);
  const u = Math.max(1, Math.round(Math.min(w, h) / 400));
  g.font = `${12 * u}px "Noto Sans SC", sans-serif`;
  g.textBaseline = "middle";
  const pad = 8 * u;
  const backing = (x: number, y: number, bw: number, bh: number) => {
    g.fillStyle = "rgba(255,255,255,0.85)";
    g.fillRect(x, y, bw, bh);
    g.strokeStyle = "#444";
    g.lineWidth = 0.5 * u;
    g.strokeRect(x, y, bw, bh);
  };

  // Scale bar: two alternating halves with ticks, its length written beside it.
  if (scale.kind === "metres") {
    const bar = scaleBar(scale.metresPerPixel / k, w);
    const label = scale.note ? `${bar.label} (${scale.note})` : bar.label;
    const tw = g.measureText(label).width;
    const bh = 22 * u;
    const bw = bar.px + tw + 3 * pad;
    const x0 = pad;
    const y0 = h - pad - bh;
    backing(x0, y0, bw, bh);
    const yb = y0 + bh / 2 - 3 * u;
    g.fillStyle = "#111";
    g.fillRect(x0 + pad, yb, bar.px / 2, 6 * u);
    g.fillStyle = "#fff";
    g.fillRect(x0 + pad + bar.px / 2, yb, bar.px / 2, 6 * u);
    g.strokeStyle = "#111";
    g.lineWidth = 1 * u;
    g.strokeRect(x0 + pad, yb, bar.px, 6 * u);
    g.fillStyle = "#111";
    g.fillText(label, x0 + 2 * pad + bar.px, y0 + bh / 2);
  } else {
    const tw = g.measureText(noScale).width;
    const bh = 22 * u;
    backing(pad, h - pad - bh, tw + 2 * pad, bh);
    g.fillStyle = "#111";
    g.fillText(noScale, 2 * pad, h - pad - bh / 2);
  }

  // North arrow: a filled half and an open half of an arrowhead above an "N".
  const aw = 16 * u;
  const ah = 24 * u;
  const bx = w - pad - aw - 2 * pad;
  const by = pad;
  backing(bx, by, aw + 2 * pad, ah + 20 * u + pad);
  const cx = bx + pad + aw / 2;
  const top = by + pad / 2;
  g.beginPath();
  g.moveTo(cx, top);
  g.lineTo(cx + aw / 2, top + ah);
  g.lineTo(cx, top + ah * 0.7);
  g.closePath();
  g.fillStyle = "#fff";
  g.fill();
  g.strokeStyle = "#111";
  g.lineWidth = 1 * u;
  g.stroke();
  g.beginPath();
  g.moveTo(cx, top);
  g.lineTo(cx - aw / 2, top + ah);
  g.lineTo(cx, top + ah * 0.7);
  g.closePath();
  g.fillStyle = "#111";
  g.fill();
  g.font = `bold ${13 * u}px "Noto Sans SC", sans-serif`;
  g.textAlign = "center";
  g.fillText("N", cx, top + ah + 10 * u);
  return canvas.encode("png");
}
