import type { Worker } from "node:worker_threads";
import { addBlockCounts, emptyBlockCounts, type BlockCounts } from "../domain/landuse/count-block.ts";
import { StreamingTiffWriter } from "../raster/geotiff-writer.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { blockCount, type EnginePlan } from "./engine-plan.ts";
import { BlockProcessor, type BlockResult } from "./process-block.ts";
import type { WorkerPool } from "./worker-pool.ts";
import type { WorkerError } from "./worker-error.ts";

export interface EngineOptions {
  /** Started worker threads; none (or an empty pool) runs every block on the calling thread. */
  readonly pool?: WorkerPool;
  /** Called after each block with blocks done and total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** One writer per plan output, in order. */
  readonly writers: readonly StreamingTiffWriter[];
  /** Receives the preview rows of each output. */
  readonly onPreview?: (output: number, row: number, values: Uint8Array) => void;
}

/**
 * Runs a plan over all blocks and returns the summed counts. Blocks go to worker threads as they
 * free up; tiles are written as they arrive; counts are added in block order, so the result does not
 * depend on the number of workers.
 */
export async function runEngine(plan: EnginePlan, options: EngineOptions): Promise<BlockCounts> {
  const total = blockCount(plan);
  const total0 = emptyBlockCounts(plan.counting, plan.paths.length, plan.areaVariesByRow);
  const pending = new Map<number, BlockCounts>();
  let next = 0;
  let done = 0;
  const accept = (r: BlockResult) => {
    r.tiles.forEach((tiles, o) => {
      const writer = options.writers[o]!;
      tiles.forEach((t, tx) => writer.writeTile(r.block * writer.tilesAcross + tx, t));
    });
    r.previews.forEach((rows, o) => rows.forEach((p) => options.onPreview?.(o, p.row, p.values)));
    pending.set(r.block, r.counts);
    while (pending.has(next)) {
      addBlockCounts(total0, pending.get(next)!);
      pending.delete(next);
      next++;
    }
    done++;
    options.onProgress?.(done, total);
  };
  const workers = options.pool?.workers.slice(0, total) ?? [];
  if (workers.length === 0) {
    const p = await BlockProcessor.open(plan);
    try {
      for (let b = 0; b < total; b++) accept(await p.process(b));
    } finally {
      await p.close();
    }
    return total0;
  }
  await runOnWorkers(plan, workers, total, accept);
  return total0;
}

function runOnWorkers(
  plan: EnginePlan,
  pool: readonly Worker[],
  total: number,
  accept: (r: BlockResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let handed = 0;
    let finished = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const hand = (w: Worker) => {
      if (handed < total) w.postMessage({ block: handed++ });
    };
    for (const w of pool) {
      w.postMessage({ plan });
      w.on("message", (msg: { booted?: true; ready?: true; result?: BlockResult; error?: WorkerError }) => {
        if (failed || msg.booted) return;
        if (msg.ready) {
          // Three blocks in flight per worker keep it busy while files are read and tiles written.
          hand(w);
          hand(w);
          hand(w);
          return;
        }
        if (msg.error) {
          const input = msg.error.code === "bad-input" || msg.error.code === "too-large";
          const e = input
            ? new RasterInputError(msg.error.message, msg.error.reason)
            : new Error(msg.error.message);
          if (msg.error.stack && !input) e.stack = msg.error.stack;
          fail(e);
          return;
        }
        try {
          accept(msg.result!);
        } catch (e) {
          fail(e);
          return;
        }
        finished++;
        if (finished === total) {
          for (const x of pool) x.postMessage({ stop: true });
          resolve();
        } else hand(w);
      });
      w.on("error", fail);
      w.on("exit", (code) => {
        if (code !== 0 && finished < total) fail(new Error(`a worker thread stopped with exit code ${code}`));
      });
    }
  });
}
