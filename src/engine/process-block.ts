import { deflateSync } from "node:zlib";
import {
  carbonPerPixel,
  countBlock,
  emptyBlockCounts,
  zoneCodes,
  type BlockCounts,
} from "../domain/landuse/count-block.ts";
import { rasterizeZones } from "../domain/landuse/rasterize-polygons.ts";
import { openClassRaster, type ClassRaster, type CodeArray } from "../raster/geotiff-source.ts";
import { tileFromRows } from "../raster/geotiff-writer.ts";
import { OUTSIDE_CODE, type EnginePlan } from "./engine-plan.ts";

/** What one block gives back: its counts and, per output raster, its compressed tiles. */
export interface BlockResult {
  readonly block: number;
  readonly counts: BlockCounts;
  readonly tiles: Uint8Array[][];
  /** Per output: the preview rows of this block (zones outputs), else empty. */
  readonly previews: { row: number; values: Uint8Array }[][];
}

/** Reads blocks of the plan's rasters; one per thread. */
export class BlockProcessor {
  private constructor(
    private readonly plan: EnginePlan,
    private readonly rasters: ClassRaster[],
  ) {}

  static async open(plan: EnginePlan): Promise<BlockProcessor> {
    const rasters: ClassRaster[] = [];
    try {
      for (const p of plan.paths) rasters.push(await openClassRaster(p));
    } catch (e) {
      await Promise.all(rasters.map((r) => r.close()));
      throw e;
    }
    return new BlockProcessor(plan, rasters);
  }

  async close(): Promise<void> {
    await Promise.all(this.rasters.map((r) => r.close()));
  }

  /** Processes block `b` (rows b·blockRows …). */
  async process(b: number): Promise<BlockResult> {
    const { plan } = this;
    const { width, height } = plan.grid;
    const y0 = b * plan.blockRows;
    const y1 = Math.min(height, y0 + plan.blockRows);
    const rows = y1 - y0;
    const codes = await Promise.all(
      this.rasters.map((r, d) => (plan.align[d] ? this.readAligned(r, y0, y1) : r.readRows(y0, y1))),
    );
    const counts = emptyBlockCounts(plan.counting, codes.length, plan.areaVariesByRow);
    let zone: Uint16Array | null = null;
    if (plan.zones || plan.boundary) {
      zone = new Uint16Array(width * rows);
      counts.overlapPixels += rasterizeZones(
        plan.zones,
        plan.boundary,
        width,
        y0,
        rows,
        zone,
        plan.zones ? plan.zones.unzoned : 0,
      );
    }
    const rowArea = plan.rowAreaHa.subarray(y0, y1);
    const { classes, invalid } = countBlock(
      plan.counting,
      codes,
      zone,
      width,
      rows,
      plan.areaVariesByRow ? rowArea : null,
      counts,
    );
    const k = plan.counting.classCount;
    const previews: { row: number; values: Uint8Array }[][] = plan.outputs.map(() => []);
    const tiles = plan.outputs.map((o, oi) => {
      if (o.kind === "zones") {
        const z = zoneCodes(classes[o.pair[0]]!, classes[o.pair[1]]!, invalid, o.table, k);
        const step = plan.previewStep;
        for (let r = Math.ceil(y0 / step) * step; r < y1; r += step) {
          const values = new Uint8Array(Math.ceil(width / step));
          for (let c = 0, i = 0; c < width; c += step, i++) values[i] = z[(r - y0) * width + c]!;
          previews[oi]!.push({ row: r / step, values });
        }
        return this.encode(z, rows, (n) => new Uint8Array(n), 0);
      }
      const values =
        o.kind === "carbon"
          ? carbonPerPixel(classes[o.date]!, null, invalid, o.densityTCPerHa, width, (r) => rowArea[r]!)
          : carbonPerPixel(
              classes[o.pair[1]]!,
              classes[o.pair[0]]!,
              invalid,
              o.densityTCPerHa,
              width,
              (r) => rowArea[r]!,
            );
      return this.encode(values, rows, (n) => new Float32Array(n), NaN);
    });
    return { block: b, counts, tiles, previews };
  }

  private encode<T extends Uint8Array | Float32Array>(
    values: T,
    rows: number,
    make: (n: number) => T,
    fill: number,
  ): Uint8Array[] {
    const { width } = this.plan.grid;
    const across = Math.ceil(width / this.plan.tileWidth);
    return Array.from({ length: across }, (_, tx) => {
      const tile = tileFromRows(
        values,
        width,
        rows,
        tx,
        this.plan.tileWidth,
        this.plan.blockRows,
        make,
        fill,
      );
      return deflateSync(new Uint8Array(tile.buffer, tile.byteOffset, tile.byteLength), {
        level: this.plan.deflateLevel,
      });
    });
  }

  /** Nearest-neighbour resampling of a date onto the plan's grid, for rows y0..y1. */
  private async readAligned(r: ClassRaster, y0: number, y1: number): Promise<CodeArray> {
    const g = this.plan.grid;
    const s = r.grid;
    const cols = new Int32Array(g.width);
    for (let c = 0; c < g.width; c++) {
      const x = g.originX + (c + 0.5) * g.pixelWidth;
      const sc = Math.floor((x - s.originX) / s.pixelWidth);
      cols[c] = sc >= 0 && sc < s.width ? sc : -1;
    }
    const srcRows = Array.from({ length: y1 - y0 }, (_, i) => {
      const y = g.originY - (y0 + i + 0.5) * g.pixelHeight;
      const sr = Math.floor((s.originY - y) / s.pixelHeight);
      return sr >= 0 && sr < s.height ? sr : -1;
    });
    const out = new Uint16Array(g.width * (y1 - y0)).fill(OUTSIDE_CODE);
    const used = srcRows.filter((v) => v >= 0);
    if (used.length === 0) return out;
    const lo = Math.min(...used);
    const hi = Math.max(...used) + 1;
    const src = await r.readRows(lo, hi);
    srcRows.forEach((sr, i) => {
      if (sr < 0) return;
      const base = (sr - lo) * s.width;
      for (let c = 0; c < g.width; c++) {
        const sc = cols[c]!;
        if (sc >= 0) out[i * g.width + c] = src[base + sc]!;
      }
    });
    return out;
  }
}
