import { existsSync, statSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { fromFile, getDecoder, type GeoTIFF, type GeoTIFFImage, type BaseDecoder } from "geotiff";
import { crsFromGeoKeys, type GeoKeys } from "./crs.ts";
import type { RasterGrid } from "./grid.ts";
import type { GeoTags } from "./geotiff-writer.ts";
import { useFastDecoders } from "./fast-decoders.ts";
import { RasterInputError } from "./raster-input-error.ts";
import {
  blockBytes,
  blockLabel,
  blockLayoutProblem,
  isSparseBlock,
  type BlockLayout,
} from "./block-layout.ts";
import { tiffDirectoryProblem } from "./tiff-directory-check.ts";

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

/**
 * Largest block (strip or tile) read, decoded bytes: 1 GiB. GIS tools write blocks of kilobytes to
 * a few megabytes; a bigger one is a hostile or broken header, and each block is held whole in memory.
 */
export const MAX_BLOCK_BYTES = 2 ** 30;

export interface OpenClassRasterOptions {
  /**
   * Largest raster accepted, pixels (width × height); checked from the header, before any block is
   * read. No limit when omitted (the CLI reads what its user gives it; the server sets one).
   */
  readonly maxPixels?: number;
}

const n = (v: number) => v.toLocaleString("en-US");

/**
 * Opens a classified GeoTIFF, checking that it is one band of 8/16-bit unsigned codes on a north-up
 * grid, and that its header is possible: a non-empty raster whose every block lies inside the file
 * with enough bytes for its pixels. Blocks are checked again as they are read: each must decode to
 * its full size. Anything else is a RasterInputError naming the file and the first bad block.
 */
export async function openClassRaster(path: string, o: OpenClassRasterOptions = {}): Promise<ClassRaster> {
  useFastDecoders();
  if (!existsSync(path)) throw new RasterInputError(`${path}: no such file`);
  const stat = statSync(path);
  if (!stat.isFile()) throw new RasterInputError(`${path}: is not a file`);
  const fileBytes = stat.size;
  const impossible = tiffDirectoryProblem(path, fileBytes);
  if (impossible) throw new RasterInputError(`${path}: ${impossible}`);
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
  const fail = (msg: string, reason?: "too-large"): never => {
    void tiff.close();
    throw new RasterInputError(`${path}: ${msg}`, reason);
  };
  const dir = image.fileDirectory;
  const width = image.getWidth();
  const height = image.getHeight();
  if (!(width >= 1 && height >= 1))
    fail(
      `is ${n(width)} × ${n(height)} pixels; a map needs at least one row and one column — export it again`,
    );
  if (o.maxPixels !== undefined && width * height > o.maxPixels)
    fail(
      `is ${n(width)} × ${n(height)} = ${n(width * height)} pixels, more than the ${n(o.maxPixels)} accepted here; clip it to the area (gdal_translate -projwin …) or ask the operator to raise the limit`,
      "too-large",
    );
  const samples = image.getSamplesPerPixel();
  if (samples !== 1)
    fail(
      `has ${samples} bands; a classified map has one band of class codes (extract it with gdal_translate -b N)`,
    );
  const bitsPerSample = dir.getValue("BitsPerSample") as ArrayLike<number> | number | undefined;
  const bitsCount = typeof bitsPerSample === "object" ? bitsPerSample.length : 1;
  if (bitsCount !== samples)
    fail(
      `gives ${bitsCount} bit depths (BitsPerSample) for ${samples} band; the header is corrupt — export it again`,
    );
  const bits = image.getBitsPerSample(0);
  const format = image.getSampleFormat(0) ?? 1;
  if ((bits !== 8 && bits !== 16) || format !== 1)
    fail(
      `class codes must be 8- or 16-bit unsigned integers; got ${bits}-bit ${format === 3 ? "float" : format === 2 ? "signed" : "unsigned"} (convert with gdal_translate -ot Byte or -ot UInt16)`,
    );
  const compressionCode = Number(dir.getValue("Compression") ?? 1);
  const compression = COMPRESSION_NAMES[compressionCode] ?? `code ${compressionCode}`;
  // JPEG is lossy: decoded codes differ from the ones written, so every count would be wrong.
  if (compressionCode === 6 || compressionCode === 7)
    fail(
      "is JPEG-compressed, which changes class codes (lossy); rewrite it with gdal_translate -co COMPRESS=DEFLATE from the original",
    );
  const blockWidth = image.getTileWidth();
  const blockHeight = image.getTileHeight();
  const rowsPerStrip = image.isTiled ? undefined : (dir.getValue("RowsPerStrip") as number | undefined);
  if (
    !(Number.isInteger(blockWidth) && blockWidth >= 1) ||
    !(Number.isInteger(blockHeight) && blockHeight >= 1) ||
    rowsPerStrip === 0
  )
    fail(
      image.isTiled
        ? `has tiles of ${blockWidth} × ${blockHeight} pixels; the header is corrupt — export it again`
        : "has 0 rows per strip; the header is corrupt — export it again",
    );
  const bytesPerSample = (bits / 8) as 1 | 2;
  if (blockWidth * blockHeight * bytesPerSample > MAX_BLOCK_BYTES)
    fail(
      `has ${image.isTiled ? "tiles" : "strips"} of ${n(blockWidth)} × ${n(blockHeight)} pixels (${n(blockWidth * blockHeight * bytesPerSample)} bytes each), more than the ${n(MAX_BLOCK_BYTES)} a block may have; rewrite it tiled (gdal_translate -co TILED=YES)`,
    );
  let decoder: BaseDecoder;
  try {
    decoder = await getDecoder(compressionCode, {
      tileWidth: blockWidth,
      tileHeight: blockHeight,
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
    width,
    height,
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
  // The block offsets and sizes, in one read each (geotiff.js otherwise reads them one by one);
  // the directory check above bounds them by the file's size.
  let offsets: ArrayLike<number>;
  let byteCounts: ArrayLike<number>;
  try {
    offsets = ((await dir.loadValue(image.isTiled ? "TileOffsets" : "StripOffsets")) ??
      []) as ArrayLike<number>;
    byteCounts = ((await dir.loadValue(image.isTiled ? "TileByteCounts" : "StripByteCounts")) ??
      []) as ArrayLike<number>;
  } catch (e) {
    return fail(
      `its table of block offsets cannot be read (${(e as Error).message}); the file is truncated or corrupt — copy or export it again`,
    );
  }
  if (typeof offsets === "number") offsets = [offsets];
  if (typeof byteCounts === "number") byteCounts = [byteCounts];
  const layout: BlockLayout = {
    width,
    height,
    tiled: image.isTiled,
    blockWidth,
    blockHeight,
    bytesPerSample,
    compression: compressionCode,
    offsets,
    byteCounts,
    fileBytes,
  };
  const problem = blockLayoutProblem(layout);
  if (problem) fail(problem);
  const across = Math.ceil(width / blockWidth);
  const blocks = across * Math.ceil(height / blockHeight);
  // Blocks not stored at all (GDAL's SPARSE_OK) read as nodata, as GDAL reads them: only when the
  // map has a nodata value, and not when no block is stored (an unfinished file looks like that).
  let sparse = 0;
  let firstSparse = -1;
  for (let i = 0; i < blocks; i++)
    if (isSparseBlock(layout, i)) {
      sparse++;
      if (firstSparse < 0) firstSparse = i;
    }
  if (sparse > 0) {
    const what = `${blockLabel(layout, firstSparse)}${sparse > 1 ? ` and ${n(sparse - 1)} more` : ""}`;
    if (sparse === blocks)
      fail(
        `stores none of its ${n(blocks)} blocks (all have 0 bytes); the file was not finished being written — export it again`,
      );
    if (nodata === null)
      fail(
        `${what} are not stored in the file (0 bytes) and the map has no nodata value to read them as; the file is incomplete — export it again, or set a nodata value (gdal_edit.py -a_nodata) if the missing blocks are meant to be empty`,
      );
    warnings.push(
      `${path}: ${what} ${sparse > 1 ? "are" : "is"} not stored in the file (sparse, as GDAL writes with SPARSE_OK) and ${sparse > 1 ? "read" : "reads"} as nodata (${nodata})`,
    );
  }
  let file: FileHandle;
  try {
    file = await open(path, "r");
  } catch (e) {
    return fail(`cannot be opened (${(e as Error).message})`);
  }
  const swap = bits === 16 && !tiff.littleEndian;
  const bad = (msg: string) => new RasterInputError(`${path}: ${msg}`);

  /** Block `index`, read, decoded and checked to be its full size. */
  async function readBlock(index: number): Promise<CodeArray> {
    const need = blockBytes(layout, index);
    if (isSparseBlock(layout, index))
      return (bits === 8 ? new Uint8Array(need) : new Uint16Array(need / 2)).fill(nodata!);
    const offset = Number(offsets[index]);
    const count = Number(byteCounts[index]);
    const stored = new Uint8Array(count);
    const { bytesRead } = await file.read(stored, 0, count, offset);
    if (bytesRead < count)
      throw bad(
        `${blockLabel(layout, index)} ends at byte ${n(offset + count)} but only ${n(offset + bytesRead)} could be read; the file was cut while being read — copy it again`,
      );
    let data: ArrayBufferLike;
    try {
      data = await decoder.decode(stored.buffer);
    } catch (e) {
      const why = (e as Error).message;
      throw bad(
        `${blockLabel(layout, index)} cannot be decoded (${why.startsWith(`${compression}:`) ? why : `${compression}: ${why}`}); the file is corrupt or truncated — copy or export it again`,
      );
    }
    if (data.byteLength < need)
      throw bad(
        `${blockLabel(layout, index)} decodes to ${n(data.byteLength)} bytes instead of ${n(need)}; the file is corrupt or truncated — copy or export it again`,
      );
    const arr = bits === 8 ? new Uint8Array(data, 0, need) : new Uint16Array(data, 0, need / 2);
    if (swap) for (let i = 0; i < arr.length; i++) arr[i] = ((arr[i]! & 0xff) << 8) | (arr[i]! >> 8);
    return arr;
  }

  // The last block row read, so that row ranges that cut a block row decode it once.
  let cached: { row: number; blocks: CodeArray[] } | undefined;

  async function blockRow(by: number): Promise<CodeArray[]> {
    if (cached?.row === by) return cached.blocks;
    const blocks = await Promise.all(Array.from({ length: across }, (_, bx) => readBlock(by * across + bx)));
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
      await file.close();
      await tiff.close();
    },
  };
}
