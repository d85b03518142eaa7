/**
 * Where a GeoTIFF keeps its blocks (strips or tiles) and what each must decode to. Checked once on
 * open, from the offset and byte-count arrays alone (no block is read): a block outside the file,
 * or with too few bytes to hold its pixels at the most its compression can give, means the file is
 * truncated or corrupt, and the map is refused naming the first such block.
 */
export interface BlockLayout {
  /** Raster size, pixels. */
  readonly width: number;
  readonly height: number;
  readonly tiled: boolean;
  /** Block size, pixels (strips: the raster width × rows per strip). */
  readonly blockWidth: number;
  readonly blockHeight: number;
  readonly bytesPerSample: 1 | 2;
  /** TIFF Compression code. */
  readonly compression: number;
  readonly offsets: ArrayLike<number>;
  readonly byteCounts: ArrayLike<number>;
  /** Size of the file, bytes. */
  readonly fileBytes: number;
}

/**
 * The most decoded bytes one stored byte can give, per compression: DEFLATE 1032 (RFC 1951, a
 * 258-byte match per ~2 bits), LZW 2560 (12-bit codes of at most 3,839 bytes, TIFF 6.0 §13),
 * PackBits 64 (128 bytes from a 2-byte run, TIFF 6.0 §9), none 1. Others are not bounded here.
 */
const MAX_EXPANSION: Readonly<Record<number, { name: string; ratio: number }>> = {
  1: { name: "uncompressed", ratio: 1 },
  5: { name: "LZW", ratio: 2560 },
  8: { name: "DEFLATE", ratio: 1032 },
  32946: { name: "DEFLATE", ratio: 1032 },
  32773: { name: "PackBits", ratio: 64 },
};

const n = (v: number) => v.toLocaleString("en-US");

/** Number of blocks across and down. */
export function blockGrid(l: BlockLayout): { across: number; down: number } {
  return { across: Math.ceil(l.width / l.blockWidth), down: Math.ceil(l.height / l.blockHeight) };
}

/** Rows of the raster block `index` covers (the last strip may be shorter; tiles never are). */
export function blockRows(l: BlockLayout, index: number): number {
  const by = Math.floor(index / blockGrid(l).across);
  return l.tiled ? l.blockHeight : Math.min(l.blockHeight, l.height - by * l.blockHeight);
}

/** Bytes block `index` must decode to: block width × its rows × bytes per sample. */
export function blockBytes(l: BlockLayout, index: number): number {
  return l.blockWidth * blockRows(l, index) * l.bytesPerSample;
}

/** A block as a user can find it: "strip 12 of 30 (rows 120–129)"; numbers from 0, as GDAL's. */
export function blockLabel(l: BlockLayout, index: number): string {
  const { across, down } = blockGrid(l);
  const total = n(across * down);
  const by = Math.floor(index / across);
  const bx = index % across;
  const r0 = by * l.blockHeight;
  const rows = `rows ${n(r0)}–${n(Math.min(l.height, r0 + l.blockHeight) - 1)}`;
  if (!l.tiled) return `strip ${n(index)} of ${total} (${rows})`;
  const c0 = bx * l.blockWidth;
  return `tile ${n(index)} of ${total} (${rows}, columns ${n(c0)}–${n(Math.min(l.width, c0 + l.blockWidth) - 1)})`;
}

/** Whether block `index` is not stored at all (byte count 0), as GDAL writes with SPARSE_OK. */
export const isSparseBlock = (l: BlockLayout, index: number) => Number(l.byteCounts[index]) === 0;

/**
 * The first impossible block of a layout, as a sentence for the error message, or undefined when
 * every stored block lies inside the file after the header and has enough bytes for its pixels.
 * Sparse blocks (byte count 0) are not judged here; see isSparseBlock.
 */
export function blockLayoutProblem(l: BlockLayout): string | undefined {
  const { across, down } = blockGrid(l);
  const expected = across * down;
  const kind = l.tiled ? "tile" : "strip";
  if (l.offsets.length !== expected || l.byteCounts.length !== expected)
    return `has ${n(l.offsets.length)} ${kind} offsets and ${n(l.byteCounts.length)} byte counts, but a ${n(l.width)} × ${n(l.height)} raster in ${kind}s of ${n(l.blockWidth)} × ${n(l.blockHeight)} has ${n(expected)}; the file is corrupt — export it again`;
  const bound = MAX_EXPANSION[l.compression];
  for (let i = 0; i < expected; i++) {
    const offset = Number(l.offsets[i]);
    const count = Number(l.byteCounts[i]);
    if (count === 0) continue;
    const end = offset + count;
    if (end > l.fileBytes)
      return `${blockLabel(l, i)} ends at byte ${n(end)} but the file has ${n(l.fileBytes)} bytes; the file is truncated — copy or export it again`;
    if (offset < 8)
      return `${blockLabel(l, i)} starts at byte ${n(offset)}, inside the file header; the file is corrupt — export it again`;
    const need = blockBytes(l, i);
    if (bound && count * bound.ratio < need)
      return bound.ratio === 1
        ? `${blockLabel(l, i)} holds ${n(count)} bytes but its pixels need ${n(need)}; the file is truncated or corrupt — copy or export it again`
        : `${blockLabel(l, i)} holds ${n(count)} bytes, too few for its ${n(need)} bytes of pixels even at the most ${bound.name} can compress (${bound.ratio}:1); the file is truncated or corrupt — copy or export it again`;
  }
  return undefined;
}
