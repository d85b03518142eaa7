import { parentPort } from "node:worker_threads";
import { readCodeHistogram, type CodeHistogramOptions } from "../raster/code-histogram.ts";
import { BlockProcessor } from "./process-block.ts";
import type { EnginePlan } from "./engine-plan.ts";

/**
 * A worker thread: starts early and waits for a plan; then opens the rasters once and processes the
 * blocks the main thread sends, one message per block. Or, asked for a histogram, reads one map
 * through (the server's arrival check, kept off its event loop).
 */
const port = parentPort!;
let processor: BlockProcessor | undefined;
const failure = (error: unknown) => ({
  error: {
    message: (error as Error).message,
    code: (error as { code?: string }).code,
    reason: (error as { reason?: string }).reason,
    stack: (error as Error).stack,
  },
});
type Message =
  | { plan: EnginePlan }
  | { block: number }
  | { stop: true }
  | { histogram: { path: string; options: CodeHistogramOptions } };
port.on("message", (msg: Message) => {
  if ("histogram" in msg) {
    readCodeHistogram(msg.histogram.path, msg.histogram.options).then(
      (histogram) =>
        port.postMessage({ histogram }, histogram.counts ? [histogram.counts.buffer as ArrayBuffer] : []),
      (e: unknown) => port.postMessage(failure(e)),
    );
    return;
  }
  if ("stop" in msg) {
    void (processor?.close() ?? Promise.resolve()).then(() => port.close());
    return;
  }
  if ("plan" in msg) {
    BlockProcessor.open(msg.plan).then(
      (p) => {
        processor = p;
        port.postMessage({ ready: true });
      },
      (e: unknown) => port.postMessage(failure(e)),
    );
    return;
  }
  processor!.process(msg.block).then(
    (result) =>
      // Counts move without a copy; compressed tiles may share zlib's pooled memory, so they are copied.
      port.postMessage({ result }, [
        result.counts.pixels.buffer as ArrayBuffer,
        result.counts.areaHa.buffer as ArrayBuffer,
      ]),
    (e: unknown) => port.postMessage(failure(e)),
  );
});
port.postMessage({ booted: true });
