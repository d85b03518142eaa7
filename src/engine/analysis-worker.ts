import { parentPort, workerData } from "node:worker_threads";
import { BlockProcessor } from "./process-block.ts";
import type { EnginePlan } from "./engine-plan.ts";

/** A worker thread: opens the rasters once, then processes the blocks the main thread sends. */
const port = parentPort!;
const processor = await BlockProcessor.open(workerData as EnginePlan);
port.on("message", (msg: { block: number } | { stop: true }) => {
  if ("stop" in msg) {
    void processor.close().then(() => port.close());
    return;
  }
  processor.process(msg.block).then(
    (result) => {
      // Counts move without a copy; compressed tiles may share zlib's pooled memory, so they are copied.
      port.postMessage({ result }, [
        result.counts.pixels.buffer as ArrayBuffer,
        result.counts.areaHa.buffer as ArrayBuffer,
      ]);
    },
    (error: unknown) =>
      port.postMessage({
        error: {
          message: (error as Error).message,
          code: (error as { code?: string }).code,
          stack: (error as Error).stack,
        },
      }),
  );
});
port.postMessage({ ready: true });
