import { parentPort } from "node:worker_threads";
import { BatchCounter, type CounterPlan, type MineJob } from "./batch-counter.ts";

/**
 * A batch worker thread: opens the maps once on {plan}, then counts the mines of each {mines}
 * message one by one, posting each mine's counts as soon as it is done.
 */
const port = parentPort!;
let counter: BatchCounter | undefined;
const failure = (e: unknown) => ({
  error: { message: (e as Error).message, code: (e as { code?: string }).code, stack: (e as Error).stack },
});
type Message = { plan: CounterPlan } | { mines: MineJob[] } | { stop: true };
port.on("message", (msg: Message) => {
  if ("stop" in msg) {
    void (counter?.close() ?? Promise.resolve()).then(() => port.close());
    return;
  }
  if ("plan" in msg) {
    BatchCounter.open(msg.plan).then(
      (c) => {
        counter = c;
        port.postMessage({ ready: true });
      },
      (e: unknown) => port.postMessage(failure(e)),
    );
    return;
  }
  void (async () => {
    try {
      for (const job of msg.mines) {
        const r = await counter!.count(job);
        port.postMessage({
          result: {
            index: job.index,
            ...r,
            blockReads: counter!.cache.reads,
            blockHits: counter!.cache.hits,
          },
        });
      }
      port.postMessage({ chunkDone: true });
    } catch (e) {
      port.postMessage(failure(e));
    }
  })();
});
