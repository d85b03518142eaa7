import { z } from "zod";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { fromFile } from "geotiff";
import { useFastDecoders } from "../raster/fast-decoders.ts";

/** Longest side of a layer image; the map shows the whole area at this resolution. */
export const LAYER_MAX_SIDE = 1600;

/** One entry of a layer's legend: a class colour, or the two ends of a colour ramp. */
export type LayerLegend =
  | { kind: "classes"; items: { value: number; name: string; nameZh?: string; colour: string }[] }
  | { kind: "ramp"; unit: string; min: number; max: number; colours: [string, string, string] };

/** A map layer as the web app needs it: where its image is and where it lies. */
export interface MapLayer {
  readonly id: string;
  readonly kind: "landuse" | "zones" | "carbon-change" | "changes";
  readonly title: string;
  readonly titleZh: string;
  readonly url: string;
  /** [minX, minY, maxX, maxY] in the maps' CRS. */
  readonly extent: [number, number, number, number];
  readonly legend: LayerLegend;
}

const hex = (c: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];

async function readPreview(path: string) {
  useFastDecoders();
  const tiff = await fromFile(path);
  try {
    const image = await tiff.getImage(0);
    const w = image.getWidth();
    const h = image.getHeight();
    const scale = Math.min(1, LAYER_MAX_SIDE / Math.max(w, h));
    const width = Math.max(1, Math.round(w * scale));
    const height = Math.max(1, Math.round(h * scale));
    const data = (await image.readRasters({
      samples: [0],
      width,
      height,
      resampleMethod: "nearest",
      interleave: true,
    })) as unknown as ArrayLike<number>;
    const nodataText = image.getGDALNoData();
    return { width, height, data, nodata: nodataText === null ? null : Number(nodataText) };
  } finally {
    tiff.close();
  }
}

async function writePng(path: string, width: number, height: number, rgba: Uint8ClampedArray): Promise<void> {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext("2d");
  const img = g.createImageData(width, height);
  img.data.set(rgba);
  g.putImageData(img, 0, 0);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.partial`;
  writeFileSync(tmp, await canvas.encode("png"));
  renameSync(tmp, path);
}

/**
 * Renders a class raster (land use or zones) as a PNG layer: each code in its colour, codes
 * without one (nodata, outside the analysis) transparent. Cached: an existing PNG is reused.
 */
export async function renderClassLayer(
  tif: string,
  png: string,
  colours: ReadonlyMap<number, string>,
): Promise<void> {
  if (existsSync(png)) return;
  const p = await readPreview(tif);
  const rgba = new Uint8ClampedArray(p.width * p.height * 4);
  const lut = new Map([...colours].map(([k, v]) => [k, hex(v)]));
  for (let i = 0; i < p.data.length; i++) {
    const c = lut.get(p.data[i]!);
    if (!c) continue;
    rgba[i * 4] = c[0];
    rgba[i * 4 + 1] = c[1];
    rgba[i * 4 + 2] = c[2];
    rgba[i * 4 + 3] = 255;
  }
  await writePng(png, p.width, p.height, rgba);
}

/** The side-car of a cached change layer: the ramp's end, t C per pixel. */
const RAMP_END = z.object({ max: z.number() });

/** Colours of the carbon-change ramp: loss, no change, gain. */
export const CHANGE_RAMP: [string, string, string] = ["#b2182b", "#f7f7f7", "#1a9850"];

/**
 * Renders a carbon-change raster (t C per pixel, later minus earlier) on a diverging ramp
 * symmetric about 0, its ends at the largest |change| in the preview; 0 and nodata transparent.
 * Returns the ramp's end value.
 */
export async function renderChangeLayer(tif: string, png: string): Promise<number> {
  // The ramp's end is kept beside the PNG, so a cached layer needs no second read of the raster.
  const side = `${png}.json`;
  if (existsSync(png) && existsSync(side)) return RAMP_END.parse(JSON.parse(readFileSync(side, "utf8"))).max;
  const p = await readPreview(tif);
  let max = 0;
  for (let i = 0; i < p.data.length; i++) {
    const v = p.data[i]!;
    if (Number.isFinite(v) && v !== p.nodata) max = Math.max(max, Math.abs(v));
  }
  if (!existsSync(png)) {
    const [lo, mid, hi] = CHANGE_RAMP.map(hex) as [
      [number, number, number],
      [number, number, number],
      [number, number, number],
    ];
    const rgba = new Uint8ClampedArray(p.width * p.height * 4);
    for (let i = 0; i < p.data.length; i++) {
      const v = p.data[i]!;
      if (!Number.isFinite(v) || v === p.nodata || v === 0 || max === 0) continue;
      const t = Math.min(1, Math.abs(v) / max);
      const end = v < 0 ? lo : hi;
      for (let k = 0; k < 3; k++) rgba[i * 4 + k] = Math.round(mid[k]! + (end[k]! - mid[k]!) * t);
      rgba[i * 4 + 3] = 255;
    }
    await writePng(png, p.width, p.height, rgba);
  }
  writeFileSync(side, JSON.stringify({ max }));
  return max;
}
