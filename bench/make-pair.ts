/**
 * Writes a pair of classified maps for benchmarks: `<size>mp-a.tif` and `<size>mp-b.tif`, square,
 * 8-bit seed 001 codes 1–11 in patches, about 20% of patches changed at the second date, tiled
 * 256×256, DEFLATE (zlib level 6, GDAL's default), EPSG:32650, 30 m.
 *   npx tsx bench/make-pair.ts <megapixels> <dir>
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { StreamingTiffWriter } from "../src/raster/geotiff-writer.ts";
import type { RasterGrid } from "../src/raster/grid.ts";

const mp = Number(process.argv[2] ?? 1);
const dir = process.argv[3] ?? "bench/data";
mkdirSync(dir, { recursive: true });
const side = Math.round(Math.sqrt(mp * 1e6));
const grid: RasterGrid = {
  width: side,
  height: side,
  originX: 500000,
  originY: 4400000,
  pixelWidth: 30,
  pixelHeight: 30,
  crs: {
    kind: "projected",
    label: "EPSG:32650",
    epsg: 32650,
    ellipsoid: { name: "WGS 84", a: 6378137, invF: 298.257223563 },
    unitToMetre: 1,
  },
};
const geo = {
  geoKeyDirectory: [1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32650, 3076, 0, 1, 9001],
};
// Deterministic hash noise: class of a 40-px patch, wobbled edges, changes per 60-px patch.
const hash = (x: number, y: number, s: number) => {
  let h = (x * 374761393 + y * 668265263 + s * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
};
for (const which of ["a", "b"] as const) {
  const path = join(dir, `${mp}mp-${which}.tif`);
  const w = new StreamingTiffWriter(path, { grid, tileWidth: 256, tileHeight: 256, sample: "uint8", geo });
  const tile = new Uint8Array(256 * 256);
  for (let ty = 0; ty < w.tilesDown; ty++)
    for (let tx = 0; tx < w.tilesAcross; tx++) {
      for (let r = 0; r < 256; r++)
        for (let c = 0; c < 256; c++) {
          const x = tx * 256 + c;
          const y = ty * 256 + r;
          const px = Math.floor((x + 6 * hash(y >> 3, 0, 7)) / 40);
          const py = Math.floor((y + 6 * hash(x >> 3, 0, 9)) / 40);
          let v = 1 + Math.floor(hash(px, py, 1) * 11);
          if (which === "b" && hash(Math.floor(x / 60), Math.floor(y / 60), 3) < 0.2)
            v = 1 + Math.floor(hash(px, py, 5) * 11);
          tile[r * 256 + c] = x < side && y < side ? v : 0;
        }
      w.writeTile(ty * w.tilesAcross + tx, deflateSync(tile, { level: 6 }));
    }
  w.finish();
  console.log(path);
}
