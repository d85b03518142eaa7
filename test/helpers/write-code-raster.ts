import { deflateSync } from "node:zlib";
import { StreamingTiffWriter, tileFromRows } from "../../src/raster/geotiff-writer.ts";
import type { RasterGrid } from "../../src/raster/grid.ts";

/** Writes an 8-bit code raster for tests: projected EPSG:32650 (30 m) unless `geographic`. */
export function writeCodeRaster(
  path: string,
  codes: Uint8Array | readonly number[],
  width: number,
  height: number,
  o: {
    tile?: number;
    nodata?: number;
    geographic?: boolean;
    originX?: number;
    originY?: number;
    pixel?: number;
  } = {},
): void {
  const tile = o.tile ?? 16;
  const geographic = o.geographic ?? false;
  const pixel = o.pixel ?? (geographic ? 0.01 : 30);
  const grid: RasterGrid = {
    width,
    height,
    originX: o.originX ?? (geographic ? 112 : 500000),
    originY: o.originY ?? (geographic ? 40 : 4400000),
    pixelWidth: pixel,
    pixelHeight: pixel,
    crs: geographic
      ? {
          kind: "geographic",
          label: "EPSG:4326",
          epsg: 4326,
          ellipsoid: { name: "WGS 84", a: 6378137, invF: 298.257223563 },
          unitToMetre: 1,
        }
      : {
          kind: "projected",
          label: "EPSG:32650",
          epsg: 32650,
          ellipsoid: { name: "WGS 84", a: 6378137, invF: 298.257223563 },
          unitToMetre: 1,
        },
  };
  const keys = geographic
    ? [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326]
    : [1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32650, 3076, 0, 1, 9001];
  const w = new StreamingTiffWriter(path, {
    grid,
    tileWidth: tile,
    tileHeight: tile,
    sample: "uint8",
    ...(o.nodata !== undefined ? { nodata: o.nodata } : {}),
    geo: { geoKeyDirectory: keys },
  });
  const data = Uint8Array.from(codes);
  for (let ty = 0; ty < w.tilesDown; ty++) {
    const rows = data.subarray(ty * tile * width, Math.min(height, (ty + 1) * tile) * width);
    for (let tx = 0; tx < w.tilesAcross; tx++)
      w.writeTile(
        ty * w.tilesAcross + tx,
        deflateSync(
          tileFromRows(rows, width, rows.length / width, tx, tile, tile, (n) => new Uint8Array(n), 0),
        ),
      );
  }
  w.finish();
}

/**
 * Writes a big 8-bit raster of one code without holding it in memory: every tile is the same
 * DEFLATE stream (a few hundred bytes), so a file of under a megabyte declares up to 10⁹ pixels,
 * all valid. For tests of limits and of how long a whole-map read takes.
 */
export function writeUniformRaster(
  path: string,
  width: number,
  height: number,
  o: { code?: number; tile?: number } = {},
): void {
  const tile = o.tile ?? 512;
  const w = new StreamingTiffWriter(path, {
    grid: projectedTestGrid(width, height),
    tileWidth: tile,
    tileHeight: tile,
    sample: "uint8",
    geo: { geoKeyDirectory: [1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32650, 3076, 0, 1, 9001] },
  });
  const data = deflateSync(new Uint8Array(tile * tile).fill(o.code ?? 1));
  for (let i = 0; i < w.tilesAcross * w.tilesDown; i++) w.writeTile(i, data);
  w.finish();
}

/** A 30 m grid on EPSG:32650 (UTM 50N, WGS 84) of `width` × `height` pixels, for test rasters. */
export function projectedTestGrid(width: number, height: number): RasterGrid {
  return {
    width,
    height,
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
}
