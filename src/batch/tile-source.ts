import { closeSync, openSync, readSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { fromFile, getDecoder, type BaseDecoder, type GeoTIFF } from "geotiff";
import { openClassRaster, type ClassRaster, type CodeArray } from "../raster/geotiff-source.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";

/**
 * One block (tile, or strip) of a classified GeoTIFF at a time, read and decoded on its own: the
 * batch reads only the blocks mines touch. The header is checked by openClassRaster (one band,
 * 8/16-bit codes, north-up grid, every block inside the file); blocks are then read here by index.
 * (ClassRaster reads whole block rows; a `readBlock(index)` there would make this file a wrapper.)
 */
export interface BlockSource {
  readonly raster: Omit<ClassRaster, "readRows" | "readBlockRow" | "close">;
  readonly across: number;
  readonly down: number;
  /** Block (bx, by), blockWidth × blockHeight codes (strips: the last may have fewer rows). */
  readBlock(bx: number, by: number): Promise<CodeArray>;
  close(): Promise<void>;
}

/** Opens `path` for reading block by block (no block is read yet). */
export async function openBlockSource(path: string): Promise<BlockSource> {
  const checked = await openClassRaster(path);
  const { readRows: _r, readBlockRow: _b, close: closeChecked, ...raster } = checked;
  await closeChecked();
  let tiff: GeoTIFF | undefined;
  let fd: number | undefined;
  try {
    tiff = await fromFile(path);
    const image = await tiff.getImage(0);
    const dir = image.fileDirectory;
    const tiled = image.isTiled;
    const asArray = (v: unknown) => (typeof v === "number" ? [v] : ((v ?? []) as ArrayLike<number>));
    const offsets = asArray(await dir.loadValue(tiled ? "TileOffsets" : "StripOffsets"));
    const counts = asArray(await dir.loadValue(tiled ? "TileByteCounts" : "StripByteCounts"));
    const compression = Number(dir.getValue("Compression") ?? 1);
    const decoder: BaseDecoder = await getDecoder(compression, {
      tileWidth: raster.blockWidth,
      tileHeight: raster.blockHeight,
      planarConfiguration: image.planarConfiguration,
      bitsPerSample: raster.bits,
      predictor: Number((await dir.loadValue("Predictor")) ?? 1),
    });
    const swap = raster.bits === 16 && !tiff.littleEndian;
    // Blocks are read synchronously: a thread that only counts has nothing else to do meanwhile, and a
    // hop through libuv's thread pool per block costs more than the read on a busy machine.
    fd = openSync(path, "r");
    const file = fd;
    const predictor = Number((await dir.loadValue("Predictor")) ?? 1);
    // DEFLATE without predictor (GDAL's default) is inflated here into one buffer of the block's size;
    // geotiff.js's decoder path collects zlib's output in chunks and copies them together.
    let scratch = new Uint8Array(0);
    const plainDeflate = (compression === 8 || compression === 32946) && predictor === 1;
    const across = Math.ceil(raster.grid.width / raster.blockWidth);
    const down = Math.ceil(raster.grid.height / raster.blockHeight);
    const bytesPer = raster.bits / 8;
    const t = tiff;
    return {
      raster,
      across,
      down,
      async readBlock(bx, by) {
        const index = by * across + bx;
        const rows = tiled
          ? raster.blockHeight
          : Math.min(raster.blockHeight, raster.grid.height - by * raster.blockHeight);
        const need = raster.blockWidth * rows * bytesPer;
        const count = Number(counts[index]);
        const make = (n: number) => (raster.bits === 8 ? new Uint8Array(n) : new Uint16Array(n));
        // Sparse blocks read as nodata (openClassRaster refused them when the map has none).
        if (count === 0) return make(need / bytesPer).fill(raster.nodata ?? 0);
        const offset = Number(offsets[index]);
        // One scratch buffer for the stored bytes, grown as needed (decoders copy out of it).
        if (scratch.length < count) scratch = new Uint8Array(Math.max(count, scratch.length * 2));
        const stored = scratch.subarray(0, count);
        const bytesRead = readSync(file, stored, 0, count, offset);
        const where = `${path}: block ${index} (column ${bx}, row ${by} of blocks)`;
        if (bytesRead < count) throw new RasterInputError(`${where} is cut short; copy the file again`);
        let data: ArrayBufferLike;
        try {
          if (plainDeflate) {
            // A block never decodes to more than a full block (a DEFLATE bomb stops there).
            const full = raster.blockWidth * raster.blockHeight * bytesPer;
            const out = inflateSync(stored, { chunkSize: Math.max(full, 64), maxOutputLength: full });
            data =
              out.byteOffset === 0 && out.byteLength === out.buffer.byteLength
                ? out.buffer
                : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
          } else data = await decoder.decode(scratch.buffer.slice(0, count)); // a copy: "none" decodes to its input
        } catch (e) {
          throw new RasterInputError(
            `${where} cannot be decoded (${(e as Error).message}); the file is corrupt`,
          );
        }
        if (data.byteLength < need)
          throw new RasterInputError(
            `${where} decodes to ${data.byteLength} bytes instead of ${need}; the file is corrupt`,
          );
        const arr = raster.bits === 8 ? new Uint8Array(data, 0, need) : new Uint16Array(data, 0, need / 2);
        if (swap) for (let i = 0; i < arr.length; i++) arr[i] = ((arr[i]! & 0xff) << 8) | (arr[i]! >> 8);
        return arr;
      },
      async close() {
        closeSync(file);
        await t.close();
      },
    };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    await tiff?.close();
    throw e;
  }
}
