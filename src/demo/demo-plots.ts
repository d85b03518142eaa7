import proj4 from "proj4";
import { demoGrid } from "./write-demo-data.ts";

/**
 * The demo's plots in the SYNTHETIC Pingshuo-like area's Anjialing mine field (issue 13): squares
 * of 12 × 12 pixels (12.96 ha at 30 m) placed where the synthetic maps show what the demo needs —
 * farmland taken by the pit between the 2009 and 2018 maps (a broken control rule), a dump still
 * mining land in 2018 (an overdue reclamation), and farmland that stayed farmland (kept its rule).
 * `demo-plots.test.ts` checks each square against the maps, pixel by pixel.
 */
export interface DemoPlotBlock {
  readonly name: string;
  readonly nameZh: string;
  /** Top-left pixel of the square on the demo maps, and its side in pixels. */
  readonly row: number;
  readonly col: number;
  readonly sizePx: number;
  /** What the 2009 and 2018 maps show on every pixel of it. */
  readonly shows: "arable-to-mining" | "mining-stays" | "arable-stays";
}

export const DEMO_PLOT_BLOCKS: readonly DemoPlotBlock[] = [
  {
    name: "AJL-07 basic farmland",
    nameZh: "安家岭07号基本农田地块",
    row: 212,
    col: 472,
    sizePx: 12,
    shows: "arable-to-mining",
  },
  {
    name: "AJL-03 east dump",
    nameZh: "安家岭03号东排土场地块",
    row: 220,
    col: 544,
    sizePx: 12,
    shows: "mining-stays",
  },
  {
    name: "AJL-11 farmland",
    nameZh: "安家岭11号耕地地块",
    row: 194,
    col: 508,
    sizePx: 12,
    shows: "arable-stays",
  },
];

/** A block's outline as a GeoJSON Polygon in WGS 84 (pixelSquarePolygon). */
export const demoPlotPolygon = (b: DemoPlotBlock) => pixelSquarePolygon(b.row, b.col, b.sizePx);

/**
 * A square of `sizePx` pixels of the demo maps, its top-left pixel at (`col`, `row`), as a GeoJSON
 * Polygon in WGS 84 (longitude, latitude): its edges on pixel edges of the demo grid (900 × 780 of
 * 30 m, as syntheticMiningArea makes it), corners rounded to 10⁻⁷° (about 1 cm), so every pixel
 * centre inside the square stays inside it.
 */
export function pixelSquarePolygon(
  row: number,
  col: number,
  sizePx: number,
): { type: "Polygon"; coordinates: number[][][] } {
  const pixelSizeM = 30;
  const grid = demoGrid(900, 780, pixelSizeM);
  const toLonLat = proj4(grid.crs.proj4!, "EPSG:4326");
  const corner = (c: number, r: number) =>
    toLonLat
      .forward([grid.originX + c * pixelSizeM, grid.originY - r * pixelSizeM])
      .map((v) => Math.round(v * 1e7) / 1e7);
  const [c0, r0, c1, r1] = [col, row, col + sizePx, row + sizePx];
  // Counter-clockwise (RFC 7946's exterior ring): south-west, south-east, north-east, north-west.
  return {
    type: "Polygon",
    coordinates: [[corner(c0, r1), corner(c1, r1), corner(c1, r0), corner(c0, r0), corner(c0, r1)]],
  };
}
