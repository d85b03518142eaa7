import { deflateSync } from "node:zlib";
import {
  carbonPerPixel,
  countBlock,
  addRawHistograms,
  addRawPairWithZones,
  countRawHistograms,
  emptyBlockCounts,
  rawHistograms,
  rawZoneTable,
  zoneCodes,
  zoneCodesRaw8,
  type BlockCounts,
} from "../domain/landuse/count-block.ts";
import {
  addChangeHistogram,
  changeCounts,
  changeCountsRaw8,
  datesWithInvalidCodes,
  NO_CHANGE_COUNT,
  validCodeTables,
} from "../domain/landuse/change-count.ts";
import { rasterizeZones } from "../domain/landuse/rasterize-polygons.ts";
import { openClassRaster, type ClassRaster, type CodeArray } from "../raster/geotiff-source.ts";
import { tileFromRows } from "../raster/geotiff-writer.ts";
import { OUTSIDE_CODE, type EnginePlan } from "./engine-plan.ts";

/** What one block gives back: its counts and, per output raster, its compressed tiles. */
export interface BlockResult {
  readonly block: number;
  readonly counts: BlockCounts;
  readonly tiles: Uint8Array[][];
  /** Per output: the preview rows of this block (zones and changes outputs), else empty. */
  readonly previews: { row: number; values: Uint8Array }[][];
}

/** Reads blocks of the plan's rasters; one per thread. */
export class BlockProcessor {
  /** Whether blocks can take the raw 8-bit fast path, and its zone tables per output. */
  private readonly raw8: boolean;
  private readonly rawTables: (Uint8Array | undefined)[];
  /** Per date, the raw codes that are legend classes (the fast path's accumulated changes). */
  private readonly validCodes: Uint8Array[];
  /** Whether blocks can be counted and written tile by tile, as the files store them. */
  private readonly tileNative: boolean;

  private constructor(
    private readonly plan: EnginePlan,
    private readonly rasters: ClassRaster[],
  ) {
    this.raw8 =
      rasters.every((r) => r.bits === 8) &&
      !plan.align.some(Boolean) &&
      !plan.areaVariesByRow &&
      plan.outputs.every((o) => o.kind === "zones" || o.kind === "changes");
    const first = rasters[0]!;
    this.tileNative =
      this.raw8 &&
      plan.zones === null &&
      plan.boundary === null &&
      rasters.every(
        (r) => r.tiled && r.blockWidth === first.blockWidth && r.blockHeight === first.blockHeight,
      ) &&
      plan.blockRows === first.blockHeight &&
      plan.tileWidth === first.blockWidth;
    const { luts, classCount } = plan.counting;
    this.validCodes = this.raw8 ? validCodeTables(luts, classCount) : [];
    this.rawTables = plan.outputs.map((o) =>
      this.raw8 && o.kind === "zones"
        ? rawZoneTable(luts[o.pair[0]]!, luts[o.pair[1]]!, o.table, classCount)
        : undefined,
    );
  }

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
    if (this.tileNative) {
      const result = await this.processTiles(b);
      if (result) return result;
    }
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
    const previews: { row: number; values: Uint8Array }[][] = plan.outputs.map(() => []);
    const preview = (oi: number, z: Uint8Array) => {
      const step = plan.previewStep;
      for (let r = Math.ceil(y0 / step) * step; r < y1; r += step) {
        const values = new Uint8Array(Math.ceil(width / step));
        for (let c = 0, i = 0; c < width; c += step, i++) values[i] = z[(r - y0) * width + c]!;
        previews[oi]!.push({ row: r / step, values });
      }
    };
    // The raw 8-bit path (countBlockRaw8 in steps, so that the histograms also say which dates hold
    // codes that are no legend class).
    const hists = this.raw8 ? rawHistograms(plan.counting, zone !== null) : [];
    if (this.raw8) addRawHistograms(plan.counting, codes as Uint8Array[], zone, hists);
    if (this.raw8 && countRawHistograms(plan.counting, hists, zone !== null, codes.length, counts)) {
      const buckets = zone !== null ? plan.counting.zoneCount + 1 : 1;
      const tiles = plan.outputs.map((o, oi) => {
        if (o.kind === "changes") {
          const check = datesWithInvalidCodes(plan.counting.pairs, hists, this.validCodes, buckets);
          const c = changeCountsRaw8(codes as Uint8Array[], this.validCodes, zone, check);
          addChangeHistogram(c, width, width, rows, counts);
          preview(oi, c);
          return this.encode(c, rows, (n) => new Uint8Array(n), NO_CHANGE_COUNT);
        }
        if (o.kind !== "zones")
          throw new Error("internal: the raw 8-bit path writes zone and changes rasters only");
        const z = zoneCodesRaw8(
          codes[o.pair[0]] as Uint8Array,
          codes[o.pair[1]] as Uint8Array,
          this.rawTables[oi]!,
          zone,
        );
        preview(oi, z);
        return this.encode(z, rows, (n) => new Uint8Array(n), 0);
      });
      return { block: b, counts, tiles, previews };
    }
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
    const tiles = plan.outputs.map((o, oi) => {
      if (o.kind === "zones") {
        const z = zoneCodes(classes[o.pair[0]]!, classes[o.pair[1]]!, o.table, k);
        preview(oi, z);
        return this.encode(z, rows, (n) => new Uint8Array(n), 0);
      }
      if (o.kind === "changes") {
        const c = changeCounts(classes, invalid, width, plan.areaVariesByRow ? rowArea : null, counts);
        preview(oi, c);
        return this.encode(c, rows, (n) => new Uint8Array(n), NO_CHANGE_COUNT);
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

  /**
   * The fast path for maps tiled alike, with the output tiled as they are: each tile is counted
   * and its zone tile written as it comes from the decoder, with no row copying. Edge tiles are
   * cut to the raster. Undefined when the block needs the general path (see countRawHistograms).
   */
  private async processTiles(b: number): Promise<BlockResult | undefined> {
    const { plan } = this;
    const { width, height } = plan.grid;
    const tw = plan.tileWidth;
    const th = plan.blockRows;
    const rows = Math.min(th, height - b * th);
    const rowsOfTiles = (await Promise.all(this.rasters.map((r) => r.readBlockRow(b)))) as Uint8Array[][];
    const hists = rawHistograms(plan.counting, false);
    const across = rowsOfTiles[0]!.length;
    const full = rows === th;
    // Zone tiles of the pair each output maps, computed in the counting pass where they can be.
    const zoneTiles: Uint8Array[][] = plan.outputs.map(() => []);
    const fusedOutput = plan.counting.pairs.map((pair) =>
      plan.outputs.findIndex((o) => o.kind === "zones" && o.pair[0] === pair[0] && o.pair[1] === pair[1]),
    );
    const cut = (t: Uint8Array, cols: number) => {
      if (cols === tw && full) return t;
      const out = new Uint8Array(cols * rows);
      for (let r = 0; r < rows; r++) out.set(t.subarray(r * tw, r * tw + cols), r * cols);
      return out;
    };
    for (let tx = 0; tx < across; tx++) {
      const cols = Math.min(tw, width - tx * tw);
      if (cols === tw && full) {
        plan.counting.pairs.forEach(([f, t], p) => {
          const oi = fusedOutput[p]!;
          const a = rowsOfTiles[f]![tx]!;
          const c = rowsOfTiles[t]![tx]!;
          if (oi < 0) addRawHistograms({ ...plan.counting, pairs: [[0, 1]] }, [a, c], null, [hists[p]!]);
          else {
            const z = new Uint8Array(tw * th);
            addRawPairWithZones(a, c, hists[p]!, this.rawTables[oi]!, z);
            zoneTiles[oi]![tx] = z;
          }
        });
      } else
        addRawHistograms(
          plan.counting,
          rowsOfTiles.map((tiles) => cut(tiles[tx]!, cols)),
          null,
          hists,
        );
    }
    const counts = emptyBlockCounts(plan.counting, this.rasters.length, false);
    if (!countRawHistograms(plan.counting, hists, false, this.rasters.length, counts)) return undefined;
    const step = plan.previewStep;
    const previews: { row: number; values: Uint8Array }[][] = plan.outputs.map(() => []);
    const check = plan.outputs.some((o) => o.kind === "changes")
      ? datesWithInvalidCodes(plan.counting.pairs, hists, this.validCodes, 1)
      : [];
    const tiles = plan.outputs.map((o, oi) => {
      if (o.kind !== "zones" && o.kind !== "changes")
        throw new Error("internal: the tile path writes zone and changes rasters only");
      const nodata = o.kind === "zones" ? 0 : NO_CHANGE_COUNT;
      const rowsOut = new Map<number, Uint8Array>();
      const encoded = Array.from({ length: across }, (_, tx) => {
        const z =
          o.kind === "changes"
            ? changeCountsRaw8(
                rowsOfTiles.map((t) => t[tx]!),
                this.validCodes,
                null,
                check,
              )
            : (zoneTiles[oi]![tx] ??
              zoneCodesRaw8(
                rowsOfTiles[o.pair[0]]![tx]!,
                rowsOfTiles[o.pair[1]]![tx]!,
                this.rawTables[oi]!,
                null,
              ));
        const cols = Math.min(tw, width - tx * tw);
        // Past the raster's edge the tile holds padding: write nodata there.
        if (cols < tw) for (let r = 0; r < th; r++) z.fill(nodata, r * tw + cols, (r + 1) * tw);
        if (rows < th) z.fill(nodata, rows * tw);
        if (o.kind === "changes") addChangeHistogram(z, tw, cols, rows, counts);
        for (let r = Math.ceil((b * th) / step) * step; r < b * th + rows; r += step) {
          const line = rowsOut.get(r) ?? rowsOut.set(r, new Uint8Array(Math.ceil(width / step))).get(r)!;
          for (let c = Math.ceil((tx * tw) / step) * step; c < tx * tw + cols; c += step)
            line[c / step] = z[(r - b * th) * tw + (c - tx * tw)]!;
        }
        return deflateSync(z, { level: plan.deflateLevel });
      });
      for (const [r, values] of rowsOut) previews[oi]!.push({ row: r / step, values });
      return encoded;
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
