import { closeSync, openSync, writeSync } from "node:fs";
import type { RasterGrid } from "./grid.ts";

/** GeoTIFF tags copied from an input so that outputs land on the same grid and CRS. */
export interface GeoTags {
  readonly geoKeyDirectory: readonly number[];
  readonly geoDoubleParams?: readonly number[];
  readonly geoAsciiParams?: string;
}

export interface TiffLayout {
  readonly grid: RasterGrid;
  readonly tileWidth: number;
  /** Tile height; a multiple of 16, as TIFF requires. */
  readonly tileHeight: number;
  readonly sample: "uint8" | "float32";
  /** RGB colours for codes 0..255 (uint8 only), written as a palette. */
  readonly colours?: readonly (readonly [number, number, number])[];
  readonly nodata?: number;
  readonly geo: GeoTags;
}

const TYPE = { BYTE: 1, ASCII: 2, SHORT: 3, LONG: 4, DOUBLE: 12 } as const;
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 12: 8 };

interface Entry {
  tag: number;
  type: number;
  values: readonly number[] | string;
}

/**
 * A tiled, DEFLATE-compressed GeoTIFF written as tiles arrive, in any order: tile data is appended
 * and the directory goes at the end, so memory does not grow with the raster. Tiles are handed in
 * already compressed (workers compress their own).
 */
export class StreamingTiffWriter {
  readonly tilesAcross: number;
  readonly tilesDown: number;
  private readonly fd: number;
  private position = 8;
  private readonly offsets: Float64Array;
  private readonly counts: Float64Array;

  constructor(
    readonly path: string,
    readonly layout: TiffLayout,
  ) {
    if (layout.tileWidth % 16 !== 0 || layout.tileHeight % 16 !== 0)
      throw new RangeError(
        `tile size must be a multiple of 16; got ${layout.tileWidth}×${layout.tileHeight}`,
      );
    this.tilesAcross = Math.ceil(layout.grid.width / layout.tileWidth);
    this.tilesDown = Math.ceil(layout.grid.height / layout.tileHeight);
    this.offsets = new Float64Array(this.tilesAcross * this.tilesDown);
    this.counts = new Float64Array(this.tilesAcross * this.tilesDown).fill(-1);
    this.fd = openSync(path, "w");
    const header = Buffer.alloc(8);
    header.write("II", 0, "latin1");
    header.writeUInt16LE(42, 2);
    writeSync(this.fd, header, 0, 8, 0);
  }

  /** Writes one compressed tile, index = row · tilesAcross + column. */
  writeTile(index: number, data: Uint8Array): void {
    if (this.counts[index] !== -1) throw new RangeError(`tile ${index} of ${this.path} written twice`);
    writeSync(this.fd, data, 0, data.length, this.position);
    this.offsets[index] = this.position;
    this.counts[index] = data.length;
    this.position += data.length + (data.length & 1);
    if (this.position > 0xffff_0000)
      throw new RangeError(`${this.path} would exceed 4 GB; BigTIFF output is not supported`);
  }

  /** Writes the directory and closes the file; every tile must have been written. */
  finish(): void {
    const missing = this.counts.indexOf(-1);
    if (missing >= 0) throw new RangeError(`tile ${missing} of ${this.path} was never written`);
    const { grid, sample, colours, nodata, geo } = this.layout;
    const bits = sample === "uint8" ? 8 : 32;
    const entries: Entry[] = [
      { tag: 256, type: TYPE.LONG, values: [grid.width] },
      { tag: 257, type: TYPE.LONG, values: [grid.height] },
      { tag: 258, type: TYPE.SHORT, values: [bits] },
      { tag: 259, type: TYPE.SHORT, values: [8] },
      { tag: 262, type: TYPE.SHORT, values: [colours ? 3 : 1] },
      { tag: 277, type: TYPE.SHORT, values: [1] },
      { tag: 284, type: TYPE.SHORT, values: [1] },
      { tag: 322, type: TYPE.LONG, values: [this.layout.tileWidth] },
      { tag: 323, type: TYPE.LONG, values: [this.layout.tileHeight] },
      { tag: 324, type: TYPE.LONG, values: Array.from(this.offsets) },
      { tag: 325, type: TYPE.LONG, values: Array.from(this.counts) },
      { tag: 339, type: TYPE.SHORT, values: [sample === "uint8" ? 1 : 3] },
      { tag: 33550, type: TYPE.DOUBLE, values: [grid.pixelWidth, grid.pixelHeight, 0] },
      { tag: 33922, type: TYPE.DOUBLE, values: [0, 0, 0, grid.originX, grid.originY, 0] },
      { tag: 34735, type: TYPE.SHORT, values: pixelIsArea(geo.geoKeyDirectory) },
    ];
    if (colours) {
      const map: number[] = [];
      for (let ch = 0; ch < 3; ch++) for (let i = 0; i < 256; i++) map.push((colours[i]?.[ch] ?? 0) * 257);
      entries.push({ tag: 320, type: TYPE.SHORT, values: map });
    }
    if (geo.geoDoubleParams?.length)
      entries.push({ tag: 34736, type: TYPE.DOUBLE, values: geo.geoDoubleParams });
    if (geo.geoAsciiParams) entries.push({ tag: 34737, type: TYPE.ASCII, values: geo.geoAsciiParams });
    if (nodata !== undefined)
      entries.push({ tag: 42113, type: TYPE.ASCII, values: Number.isNaN(nodata) ? "nan" : String(nodata) });
    entries.sort((a, b) => a.tag - b.tag);

    const ifdStart = this.position;
    const ifdSize = 2 + entries.length * 12 + 4;
    let extra = ifdStart + ifdSize;
    const ifd = Buffer.alloc(ifdSize);
    const blobs: Buffer[] = [];
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach((e, i) => {
      const data = encode(e);
      const count = typeof e.values === "string" ? data.length : e.values.length;
      const at = 2 + i * 12;
      ifd.writeUInt16LE(e.tag, at);
      ifd.writeUInt16LE(e.type, at + 2);
      ifd.writeUInt32LE(count, at + 4);
      if (data.length <= 4) data.copy(ifd, at + 8);
      else {
        ifd.writeUInt32LE(extra, at + 8);
        blobs.push(data);
        extra += data.length + (data.length & 1);
        if (data.length & 1) blobs.push(Buffer.alloc(1));
      }
    });
    ifd.writeUInt32LE(0, ifdSize - 4);
    writeSync(this.fd, ifd, 0, ifd.length, ifdStart);
    let pos = ifdStart + ifdSize;
    for (const b of blobs) {
      writeSync(this.fd, b, 0, b.length, pos);
      pos += b.length;
    }
    const first = Buffer.alloc(4);
    first.writeUInt32LE(ifdStart, 0);
    writeSync(this.fd, first, 0, 4, 4);
    closeSync(this.fd);
  }

  /** Closes the file without a directory (after a failure). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}

function encode(e: Entry): Buffer {
  if (typeof e.values === "string") return Buffer.from(`${e.values}\0`, "latin1");
  const size = TYPE_SIZE[e.type]!;
  const b = Buffer.alloc(e.values.length * size);
  e.values.forEach((v, i) => {
    if (e.type === TYPE.SHORT) b.writeUInt16LE(v, i * 2);
    else if (e.type === TYPE.LONG) b.writeUInt32LE(v, i * 4);
    else if (e.type === TYPE.DOUBLE) b.writeDoubleLE(v, i * 8);
    else b.writeUInt8(v, i);
  });
  return b;
}

/** The key directory with GTRasterTypeGeoKey (1025) set to PixelIsArea, which the written tie point uses. */
function pixelIsArea(dir: readonly number[]): number[] {
  const out = [...dir];
  for (let i = 4; i + 3 < out.length; i += 4) if (out[i] === 1025 && out[i + 1] === 0) out[i + 3] = 1;
  return out;
}

/** Copies a block of rows into one tile (padded with `fill`) ready to compress. */
export function tileFromRows<T extends Uint8Array | Float32Array>(
  rows: T,
  rowsWidth: number,
  rowCount: number,
  tileX: number,
  tileWidth: number,
  tileHeight: number,
  make: (n: number) => T,
  fill: number,
): T {
  const tile = make(tileWidth * tileHeight);
  if (fill !== 0) tile.fill(fill);
  const x0 = tileX * tileWidth;
  const n = Math.min(tileWidth, rowsWidth - x0);
  for (let r = 0; r < Math.min(rowCount, tileHeight); r++)
    tile.set(rows.subarray(r * rowsWidth + x0, r * rowsWidth + x0 + n), r * tileWidth);
  return tile;
}
