import type { BlockCache } from "./block-cache.ts";
import { MineCounter, type MineCounts, type WindowCodes } from "./mine-counts.ts";
import type { MineWindow } from "./mine-window.ts";
import type { BlockSource } from "./tile-source.ts";

/**
 * A mine's window of one year's map, copied from the blocks it touches (read through `cache`, so a
 * block shared by neighbouring mines is decoded once while it stays in the cache). `into`, when
 * given, receives the window (it must be the window's size and the map's code type).
 */
export async function readWindow(
  source: BlockSource,
  yearIndex: number,
  w: MineWindow,
  cache: BlockCache,
  into?: WindowCodes,
): Promise<WindowCodes> {
  const { blockWidth: bw, blockHeight: bh, bits } = source.raster;
  const width = w.col1 - w.col0;
  const height = w.row1 - w.row0;
  const out = into ?? (bits === 8 ? new Uint8Array(width * height) : new Uint16Array(width * height));
  const bx0 = Math.floor(w.col0 / bw);
  const bx1 = Math.floor((w.col1 - 1) / bw);
  const by0 = Math.floor(w.row0 / bh);
  const by1 = Math.floor((w.row1 - 1) / bh);
  const jobs: Promise<void>[] = [];
  for (let by = by0; by <= by1; by++)
    for (let bx = bx0; bx <= bx1; bx++)
      jobs.push(
        cache
          .get(`${yearIndex}:${by * source.across + bx}`, () => source.readBlock(bx, by))
          .then((block) => {
            const top = by * bh;
            const left = bx * bw;
            const r0 = Math.max(w.row0, top);
            const r1 = Math.min(w.row1, top + bh);
            const c0 = Math.max(w.col0, left);
            const c1 = Math.min(w.col1, left + bw);
            for (let r = r0; r < r1; r++) {
              const src = (r - top) * bw + (c0 - left);
              out.set(block.subarray(src, src + (c1 - c0)), (r - w.row0) * width + (c0 - w.col0));
            }
          }),
      );
  await Promise.all(jobs);
  return out;
}

/** Counts one mine over every year of `sources` (in year order). */
export async function countMine(
  label: string,
  w: MineWindow,
  sources: readonly BlockSource[],
  cache: BlockCache,
  rowAreaHa: Float64Array,
  counter?: MineCounter,
): Promise<MineCounts> {
  const c = counter ?? new MineCounter(w, rowAreaHa, label);
  if (counter) counter.reset(w, label);
  // Two buffers in turn: the counter keeps the previous year's window for the transitions.
  const size = (w.col1 - w.col0) * (w.row1 - w.row0);
  const buffers: (WindowCodes | undefined)[] = [undefined, undefined];
  for (let y = 0; y < sources.length; y++) {
    const bits = sources[y]!.raster.bits;
    let b = buffers[y % 2];
    if (!b || b.length !== size || (bits === 8) !== b instanceof Uint8Array) b = undefined;
    const codes = await readWindow(sources[y]!, y, w, cache, b);
    buffers[y % 2] = codes;
    c.addYear(codes, sources[y]!.raster.nodata);
  }
  return c.result();
}
