import { existsSync, statSync } from "node:fs";
import { fromFile, getDecoder, type GeoTIFF, type GeoTIFFImage, type BaseDecoder } from "geotiff";
import { crsFromGeoKeys, type GeoKeys } from "./crs.ts";
import type { RasterGrid } from "./grid.ts";
import type { GeoTags } from "./geotiff-writer.ts";
import { useFastDecoders } from "./fast-decoders.ts";
import { RasterInputError } from "./raster-input-error.ts";

export type CodeArray = Uint8Array | Uint16Array;

const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  1: "none",
  5: "LZW",
  8: "DEFLATE",
  32946: "DEFLATE",
  32773: "PackBits",
  50000: "ZSTD",
  34887: "LERC",
  7: "JPEG",
};

/** A single-band classified raster (8- or 16-bit unsigned codes), read by blocks of rows. */
export interface ClassRaster {
  readonly path: string;
  readonly grid: RasterGrid;
  readonly nodata: number | null;
  readonly bits: 8 | 16;
  readonly tiled: boolean;
  readonly blockWidth: number;
  readonly blockHeight: number;
  readonly compression: string;
  /** What the reader noticed but could still read (e.g. a nodata value the codes cannot take). */
  readonly warnings: readonly string[];
  /** The GeoTIFF keys as written, to copy onto outputs. */
  readonly geo: GeoTags;
  /** Rows y0 (inclusive) to y1 (exclusive), full width, row-major. */
  readRows(y0: number, y1: number): Promise<CodeArray>;
  /**
   * The decoded blocks (tiles, or one strip) of block row `by`, left to right, each
   * blockWidth × blockHeight and padded past the raster's edge as the file stores them.
   */
  readBlockRow(by: number): Promise<CodeArray[]>;
  close(): Promise<void>;
}

/** Opens a classified GeoTIFF, checking that it is one band of 8/16-bit unsigned codes on a north-up grid. */
export async function openClassRaster(path: string): Promise<ClassRaster> {
  useFastDecoders();
  if (!existsSync(path)) throw new RasterInputError(`${path}: no such file`);
  if (!statSync(path).isFile()) throw new RasterInputError(`${path}: is not a file`);
  let tiff: GeoTIFF;
  let image: GeoTIFFImage;
  try {
    tiff = await fromFile(path);
    image = await tiff.getImage(0);
  } catch (e) {
    throw new RasterInputError(
      `${path}: is not a readable GeoTIFF (${(e as Error).message}); give a classified land-use map as GeoTIFF`,
    );
  }
  const fail = (msg: string): never => {
    void tiff.close();
    throw new RasterInputError(`${path}: ${msg}`);
  };
  const dir = image.fileDirectory;
  const samples = image.getSamplesPerPixel();
  if (samples !== 1)
    fail(
      `has ${samples} bands; a classified map has one band of class codes (extract it with gdal_translate -b N)`,
    );
  const bits = image.getBitsPerSample(0);
  const format = image.getSampleFormat(0) ?? 1;
  if ((bits !== 8 && bits !== 16) || format !== 1)
    fail(
      `class codes must be 8- or 16-bit unsigned integers; got ${bits}-bit ${format === 3 ? "float" : format === 2 ? "signed" : "unsigned"} (convert with gdal_translate -ot Byte or -ot UInt16)`,
    );
  const compressionCode = Number(dir.getValue("Compression") ?? 1);
  const compression = COMPRESSION_NAMES[compressionCode] ?? `code ${compressionCode}`;
  let decoder: BaseDecoder;
  try {
    decoder = await getDecoder(compressionCode, {
      tileWidth: image.getTileWidth(),
      tileHeight: image.getTileHeight(),
      planarConfiguration: image.planarConfiguration,
      bitsPerSample: bits,
      predictor: Number((await dir.loadValue("Predictor")) ?? 1),
    });
  } catch {
    return fail(
      `compression ${compression} cannot be read; rewrite it with gdal_translate -co COMPRESS=DEFLATE`,
    );
  }
  const modelTransformation = dir.getValue("ModelTransformation") as number[] | undefined;
  if (modelTransformation && (modelTransformation[1] !== 0 || modelTransformation[4] !== 0))
    fail("is rotated or skewed; warp it to a north-up grid first (gdalwarp)");
  let origin: number[];
  let resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch {
    return fail(
      "has no georeferencing (no tie point or pixel scale); MineCarbon needs it for areas — georeference the map first",
    );
  }
  const keys = image.getGeoKeys() as GeoKeys | null;
  const crs = crsFromGeoKeys(keys, path);
  const pixelWidth = Math.abs(resolution[0]!);
  const pixelHeight = Math.abs(resolution[1]!);
  if (!(resolution[1]! < 0) || !(resolution[0]! > 0))
    fail(`is not north-up (pixel size ${resolution[0]}, ${resolution[1]}); warp it with gdalwarp first`);
  // A pixel-is-point raster puts its tie point at the pixel centre; the grid is the outer corner.
  const isPoint = keys?.GTRasterTypeGeoKey === 2;
  const grid: RasterGrid = {
    width: image.getWidth(),
    height: image.getHeight(),
    originX: origin[0]! - (isPoint ? pixelWidth / 2 : 0),
    originY: origin[1]! + (isPoint ? pixelHeight / 2 : 0),
    pixelWidth,
    pixelHeight,
    crs,
  };
  const geoKeyDirectory = (await dir.loadValue("GeoKeyDirectory")) as ArrayLike<number> | undefined;
  const geoDoubleParams = (await dir.loadValue("GeoDoubleParams")) as ArrayLike<number> | undefined;
  const geoAsciiParams = (await dir.loadValue("GeoAsciiParams")) as string | undefined;
  const geo: GeoTags = {
    geoKeyDirectory: Array.from(geoKeyDirectory ?? []),
    ...(geoDoubleParams ? { geoDoubleParams: Array.from(geoDoubleParams) } : {}),
    ...(geoAsciiParams ? { geoAsciiParams: geoAsciiParams.replace(/\0+$/, "") } : {}),
  };
  const nodataRaw = image.getGDALNoData();
  // A nodata value no code of this depth can take (e.g. -9999 on 8 bits) marks nothing: say so.
  const nodataFits =
    nodataRaw !== null && Number.isInteger(nodataRaw) && nodataRaw >= 0 && nodataRaw < 2 ** bits;
  const nodata = nodataFits ? nodataRaw : null;
  const warnings =
    nodataRaw !== null && !nodataFits
      ? [
          `${path}: its nodata value ${nodataRaw} cannot occur in ${bits}-bit codes, so no pixel is treated as nodata (set one with gdal_edit.py -a_nodata)`,
        ]
      : [];
  // Load the block offsets and sizes in one read each; geotiff.js otherwise reads them one by one.
  await dir.loadValue(image.isTiled ? "TileOffsets" : "StripOffsets");
  await dir.loadValue(image.isTiled ? "TileByteCounts" : "StripByteCounts");
  const blockWidth = image.getTileWidth();
  const blockHeight = image.getTileHeight();
  const across = Math.ceil(grid.width / blockWidth);
  const swap = bits === 16 && !tiff.littleEndian;
  // The last block row read, so that row ranges that cut a block row decode it once.
  let cached: { row: number; blocks: CodeArray[] } | undefined;

  async function blockRow(by: number): Promise<CodeArray[]> {
    if (cached?.row === by) return cached.blocks;
    const blocks = await Promise.all(
      Array.from({ length: across }, async (_, bx) => {
        const { data } = await image.getTileOrStrip(bx, by, 0, decoder);
        const arr = bits === 8 ? new Uint8Array(data) : new Uint16Array(data);
        if (swap) for (let i = 0; i < arr.length; i++) arr[i] = ((arr[i]! & 0xff) << 8) | (arr[i]! >> 8);
        return arr;
      }),
    );
    cached = { row: by, blocks };
    return blocks;
  }

  return {
    path,
    grid,
    nodata,
    bits: bits as 8 | 16,
    tiled: image.isTiled,
    blockWidth,
    blockHeight,
    compression,
    warnings,
    geo,
    readBlockRow: blockRow,
    async readRows(y0, y1) {
      const w = grid.width;
      const out = bits === 8 ? new Uint8Array(w * (y1 - y0)) : new Uint16Array(w * (y1 - y0));
      for (let by = Math.floor(y0 / blockHeight); by * blockHeight < y1; by++) {
        const blocks = await blockRow(by);
        const top = by * blockHeight;
        const r0 = Math.max(y0, top);
        const r1 = Math.min(y1, top + blockHeight, grid.height);
        for (let bx = 0; bx < across; bx++) {
          const block = blocks[bx]!;
          const x0 = bx * blockWidth;
          const n = Math.min(blockWidth, w - x0);
          for (let r = r0; r < r1; r++) {
            const src = (r - top) * blockWidth;
            out.set(block.subarray(src, src + n), (r - y0) * w + x0);
          }
        }
      }
      return out;
    },
    async close() {
      cached = undefined;
      await tiff.close();
    },
  };
}
