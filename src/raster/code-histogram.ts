import { openClassRaster } from "./geotiff-source.ts";
import { gridDifferences, type RasterGrid } from "./grid.ts";

/** What one pass over a classified map learnt: its grid and header, and the pixels of each code. */
export interface CodeHistogram {
  readonly grid: RasterGrid;
  readonly bits: 8 | 16;
  readonly nodata: number | null;
  readonly warnings: readonly string[];
  /** How the grid differs from `sameGridAs`, one line each; empty when it matches or none was given. */
  readonly gridDifferences: readonly string[];
  /** Pixels per code (index = code, nodata included); null when the grid differs and no pass was made. */
  readonly counts: Float64Array | null;
}

export interface CodeHistogramOptions {
  /** Largest raster accepted, pixels; checked from the header before any block is read. */
  readonly maxPixels?: number;
  /** When given and the map's grid differs, the pass over the pixels is skipped. */
  readonly sameGridAs?: RasterGrid;
}

/**
 * Reads a classified map once, block row by block row, counting the pixels of every code. Plain
 * data in and out, so that it can run in a worker thread (src/engine); a bad file is a
 * RasterInputError naming it and, for a truncated or corrupt one, the first bad block.
 */
export async function readCodeHistogram(path: string, o: CodeHistogramOptions = {}): Promise<CodeHistogram> {
  const raster = await openClassRaster(path, o.maxPixels !== undefined ? { maxPixels: o.maxPixels } : {});
  try {
    const g = raster.grid;
    const header = { grid: g, bits: raster.bits, nodata: raster.nodata, warnings: raster.warnings };
    const differences = o.sameGridAs ? gridDifferences(o.sameGridAs, g) : [];
    if (differences.length) return { ...header, gridDifferences: differences, counts: null };
    const counts = new Float64Array(raster.bits === 8 ? 256 : 65536);
    // Block by block as the file stores them (no copy into rows); each is decoded once and
    // counted within the raster (edge blocks are padded past it).
    const bw = raster.blockWidth;
    const bh = raster.blockHeight;
    for (let by = 0; by * bh < g.height; by++) {
      const rows = Math.min(bh, g.height - by * bh);
      const blocks = await raster.readBlockRow(by);
      blocks.forEach((block, bx) => {
        const cols = Math.min(bw, g.width - bx * bw);
        if (cols === bw) countCodes(block, 0, rows * bw, counts);
        else for (let r = 0; r < rows; r++) countCodes(block, r * bw, r * bw + cols, counts);
      });
    }
    return { ...header, gridDifferences: [], counts };
  } finally {
    await raster.close();
  }
}

function countCodes(codes: Uint8Array | Uint16Array, from: number, to: number, counts: Float64Array): void {
  for (let i = from; i < to; i++) counts[codes[i]!]!++;
}
