import { rowPixelAreas } from "../domain/landuse/pixel-area.ts";
import { BlockCache } from "./block-cache.ts";
import { countMine } from "./count-mine.ts";
import { MineCounter, type MineCounts } from "./mine-counts.ts";
import type { MineWindow } from "./mine-window.ts";
import { openBlockSource, type BlockSource } from "./tile-source.ts";

/** A mine to count: where its result goes, its id for messages, its pixels on the grid. */
export interface MineJob {
  readonly index: number;
  readonly id: string;
  readonly window: MineWindow;
}

/** What one thread needs to count mines: the maps (in year order) and its block cache's size. */
export interface CounterPlan {
  readonly paths: readonly string[];
  readonly cacheBytes: number;
}

/**
 * Counts mines over the maps of a batch in one thread: the maps open once, decoded blocks shared
 * between mines through one bounded cache. The same code runs in the main thread (--workers 0 or 1)
 * and in each worker thread, so results cannot depend on the number of workers.
 */
export class BatchCounter {
  private constructor(
    private readonly sources: BlockSource[],
    readonly cache: BlockCache,
    /** Pixel area of every row of the grid, ha. */
    readonly rowAreaHa: Float64Array,
  ) {}

  static async open(plan: CounterPlan): Promise<BatchCounter> {
    const sources: BlockSource[] = [];
    try {
      for (const p of plan.paths) sources.push(await openBlockSource(p));
    } catch (e) {
      await Promise.all(sources.map((s) => s.close()));
      throw e;
    }
    const grid = sources[0]!.raster.grid;
    return new BatchCounter(sources, new BlockCache(plan.cacheBytes), rowPixelAreas(grid, grid.crs));
  }

  private shared: MineCounter | undefined;

  /** The counts of one mine, and how long they took (s). */
  async count(job: MineJob): Promise<{ counts: MineCounts; seconds: number }> {
    const t0 = performance.now();
    const label = `mine ${job.id}`;
    this.shared ??= new MineCounter(job.window, this.rowAreaHa, label);
    const counts = await countMine(label, job.window, this.sources, this.cache, this.rowAreaHa, this.shared);
    return { counts, seconds: (performance.now() - t0) / 1000 };
  }

  async close(): Promise<void> {
    await Promise.all(this.sources.map((s) => s.close()));
  }
}
