import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { InvalidArgumentError, type Command } from "commander";
import { migratedDatabase } from "./batch-command.ts";

const CORES = availableParallelism();

/**
 * `minecarbon worker`: runs jobs of queued batches (`minecarbon batch … --queue`) until stopped, on
 * any machine that reaches $DATABASE_URL and the maps' paths. SIGINT or SIGTERM: the job in hand is
 * finished, then the worker exits; a second signal gives the job back to be retried and exits.
 * `--concurrency N` starts N worker processes (counting is one core's work each) and waits for them.
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description(
      "run jobs of batches queued with `batch --queue` until stopped (SIGINT/SIGTERM finish the job in hand); needs DATABASE_URL",
    )
    .option(
      "--concurrency <n>",
      `worker processes to run here, 1 to ${CORES * 4}`,
      (v: string) => {
        const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
        if (!Number.isSafeInteger(n) || n < 1 || n > CORES * 4)
          throw new InvalidArgumentError(
            `--concurrency must be a whole number 1 to ${CORES * 4}; got "${v}"`,
          );
        return n;
      },
      1,
    )
    .action(async (o: { concurrency: number }) => {
      const url = process.env.DATABASE_URL;
      if (!url)
        throw Object.assign(
          new Error(
            "worker needs DATABASE_URL: the postgres://… URL of the PostgreSQL server that holds the queue (docs/batch.md)",
          ),
          { code: "bad-input" },
        );
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      if (o.concurrency > 1) {
        // N processes of this very command, each with one job at a time; signals are passed on.
        const children = Array.from({ length: o.concurrency }, () =>
          spawn(process.execPath, [...process.execArgv, process.argv[1]!, "worker"], { stdio: "inherit" }),
        );
        const pass = (signal: NodeJS.Signals) => () => children.forEach((c) => c.kill(signal));
        process.on("SIGINT", pass("SIGINT"));
        process.on("SIGTERM", pass("SIGTERM"));
        // One that fails (no database, a migration refused) stops the others: all or none run.
        const codes = await Promise.all(
          children.map(
            (c) =>
              new Promise<number>((resolve) =>
                c.on("exit", (code) => {
                  if (code !== 0)
                    children.forEach(
                      (o) => o.exitCode === null && o.signalCode === null && o.kill("SIGTERM"),
                    );
                  resolve(code ?? 1);
                }),
              ),
          ),
        );
        if (codes.some((c) => c !== 0)) throw new Error(`worker processes exited with ${codes.join(", ")}`);
        return;
      }
      await migratedDatabase(url);
      const { runQueueWorker } = await import("../../batch/queue-worker.ts");
      // The first SIGINT/SIGTERM: finish the job in hand, then exit; a second: give it back at once.
      let signals = 0;
      let stop!: () => void;
      let force!: () => void;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const forced = new Promise<void>((resolve) => (force = resolve));
      const onSignal = () => (++signals === 1 ? stop() : force());
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      const done = await runQueueWorker({ databaseUrl: url, log, stopped, forced });
      log(`worker stopped after ${done} jobs`);
    });
}
