import { CommanderError, InvalidArgumentError, Option, type Command } from "commander";
import { availableParallelism } from "node:os";

/** What the batch command prints with. */
export interface BatchCommandIo {
  readonly write: (text: string) => void;
}

const CORES = availableParallelism();

/** Exit code of `batch --queue` when jobs failed after their retries (the outputs hold the rest). */
export const EXIT_BATCH_INCOMPLETE = 4;
export const BATCH_INCOMPLETE_CODE = "minecarbon.batchIncomplete";

/**
 * Applies the migrations before the queue's tables are used. With $MINECARBON_MIGRATION_URL (the
 * tables' owner) they run as the owner, who also installs pg-boss's schema and the queues and
 * grants this connection's role their use (an application role may not create schemas).
 */
export async function migratedDatabase(url: string): Promise<void> {
  // Workers started together on a new database would race to apply the same migrations and to
  // create pg-boss's schema: one at a time, under a session advisory lock that the others wait for.
  const { default: pg } = await import("pg");
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const { openStore } = await import("../../storage/open-database.ts");
    const owner = process.env.MINECARBON_MIGRATION_URL;
    const store = await openStore({ databaseUrl: url, ...(owner ? { migrationUrl: owner } : {}) });
    try {
      const { installQueue } = await import("../../batch/batch-queue.ts");
      if (owner) {
        const { sql } = await import("kysely");
        const { role } = (await sql<{ role: string }>`SELECT current_user AS role`.execute(store.db))
          .rows[0]!;
        await installQueue(owner, role);
      } else await installQueue(url);
    } finally {
      await store.close();
    }
  } finally {
    await lock.end();
  }
}

/** The advisory lock key under which batch commands and workers apply the migrations ("mcbatch"). */
const MIGRATION_LOCK = 0x6d63626174636800n.toString();

const needDatabase = (what: string): string => {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw Object.assign(
      new Error(
        `${what} needs DATABASE_URL: the postgres://… URL of the PostgreSQL server the workers reach too (docs/batch.md, "On several machines")`,
      ),
      { code: "bad-input" },
    );
  return url;
};

const whole = (name: string, min: number, max: number) => (value: string) => {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`${name} must be a whole number ${min} to ${max}; got "${value}"`);
  return n;
};

/**
 * `minecarbon batch`: every mine of a polygon file × every year of a series of land-cover maps on
 * one grid, counted from the blocks the mines touch; outputs in --out (docs/batch.md).
 */
export function registerBatchCommand(program: Command, io: BatchCommandIo): void {
  const batch = program.command("batch");
  batch
    .description(
      "count every mine × every year of a land-cover series (classes, transitions, zones, carbon) into --out; resumes where it stopped",
    )
    .option(
      "--map <year=path>",
      "a classified GeoTIFF of one year; repeat for each year",
      (v: string, p: string[] = []) => [...p, v],
    )
    .option(
      "--maps <pattern>",
      "the maps as a pattern with {year}, e.g. 'dir/CLCD_v01_{year}.tif' (with --years)",
    )
    .option("--years <list>", "years of --maps: 1990-2020, or 2000,2005,2010")
    .option("--mines <geojson>", "mine polygons (GeoJSON FeatureCollection, any CRS named in its crs member)")
    .option("--id-field <name>", "the property that holds each mine's id")
    .option("--legend <preset|csv>", "legend preset (seed001, gbt21010, clcd, esa-worldcover) or CSV")
    .option(
      "--pools <csv>",
      "InVEST carbon-pool table (lucode,c_above,c_below,c_soil,c_dead, t C/ha): carbon.csv",
    )
    .option(
      "--rules <file>",
      "zoning rule table for zones.csv (seed 001's when the legend fits; data-driven with --pools)",
    )
    .option(
      "--mining-classes <list>",
      "codes or keys of the mining classes (land taken and reclaimed); the legend's mining group by default",
    )
    .option("--out <dir>", "folder of the outputs and of the resume journal")
    .option(
      "--workers <n>",
      `worker threads, 0 or 1 (count in this thread) to ${CORES}`,
      whole("--workers", 0, CORES),
      1,
    )
    .addOption(
      new Option(
        "--checksum <how>",
        "how maps are fingerprinted for resuming: size and modification time, or SHA-256 of every byte",
      )
        .choices(["size+mtime", "sha256"])
        .default("size+mtime"),
    )
    .option(
      "--cache-mb <n>",
      "decoded blocks kept per thread, MiB (default 256)",
      whole("--cache-mb", 16, 16384),
    )
    .option(
      "--queue",
      "count through the PostgreSQL queue of $DATABASE_URL: jobs for `minecarbon worker` processes on any machine (docs/batch.md)",
    )
    .option(
      "--group-size <n>",
      "with --queue: mines per job (each over all years)",
      whole("--group-size", 1, 1000),
      16,
    )
    .option(
      "--retries <n>",
      "with --queue: retries of a failed job before it goes to the dead letters",
      whole("--retries", 0, 20),
      2,
    )
    .option(
      "--lease-seconds <n>",
      "with --queue: a job active this long is taken as lost (its worker died) and retried (default 900, or $MINECARBON_QUEUE_LEASE_SECONDS)",
      whole("--lease-seconds", 1, 86400),
    )
    .option("--no-progress", "no progress bar")
    .option("--json", "print summary.json instead of a short report")
    .action(
      async (o: {
        map?: string[];
        maps?: string;
        years?: string;
        mines: string;
        idField: string;
        legend: string;
        pools?: string;
        rules?: string;
        miningClasses?: string;
        out: string;
        workers: number;
        checksum: "size+mtime" | "sha256";
        cacheMb?: number;
        progress: boolean;
        json?: boolean;
        queue?: boolean;
        groupSize: number;
        retries: number;
        leaseSeconds?: number;
      }) => {
        // Checked here rather than as required options, which commander would ask of `batch status` too.
        for (const [key, flag] of [
          ["mines", "--mines <geojson>"],
          ["idField", "--id-field <name>"],
          ["legend", "--legend <preset|csv>"],
          ["out", "--out <dir>"],
        ] as const)
          if (o[key] === undefined) batch.error(`error: required option '${flag}' not specified`);
        const [{ mapSeries }, { runBatch }] = await Promise.all([
          import("../../batch/map-series.ts"),
          import("../../batch/run-batch.ts"),
        ]);
        const input = {
          maps: mapSeries(o),
          mines: o.mines,
          idField: o.idField,
          legend: o.legend,
          pools: o.pools,
          rules: o.rules,
          miningClasses: o.miningClasses,
          out: o.out,
          workers: o.workers,
          checksum: o.checksum,
          cacheMiB: o.cacheMb,
          progress: o.progress ? process.stderr : undefined,
          tell: (line: string) => process.stderr.write(`${line}\n`),
        };
        let summary: Awaited<ReturnType<typeof runBatch>>;
        let incomplete: Error | undefined;
        if (o.queue) {
          const url = needDatabase("--queue");
          await migratedDatabase(url);
          const { runQueuedBatch, BatchIncomplete } = await import("../../batch/run-queued-batch.ts");
          try {
            summary = await runQueuedBatch(input, {
              databaseUrl: url,
              groupSize: o.groupSize,
              retries: o.retries,
              leaseSeconds: o.leaseSeconds,
            });
          } catch (e) {
            if (!(e instanceof BatchIncomplete)) throw e;
            summary = (e as unknown as { summary: typeof summary }).summary;
            incomplete = e;
          }
        } else summary = await runBatch(input);
        if (incomplete) process.stderr.write(`${incomplete.message}\n`);
        const fail = () => {
          if (incomplete)
            throw new CommanderError(EXIT_BATCH_INCOMPLETE, BATCH_INCOMPLETE_CODE, incomplete.message);
        };
        if (o.json) {
          io.write(`${JSON.stringify(summary, null, 2)}\n`);
          fail();
          return;
        }
        const m = summary.mines;
        io.write(
          [
            `${m.counted} of ${m.total} mines counted over ${summary.years.length} years (${summary.years[0]}–${summary.years.at(-1)})${m.resumed ? `, ${m.resumed} taken from an earlier run` : ""}${m.failed.length ? `; ${m.failed.length} could not be counted (listed in mines.csv and summary.json)` : ""}`,
            `${(summary.run.pixelsPerSecond / 1e6).toFixed(1)} million pixels a second, ${summary.run.seconds.toFixed(1)} s in all`,
            ...summary.warnings.slice(0, 10).map((w) => `warning: ${w}`),
            ...(summary.warnings.length > 10
              ? [`… ${summary.warnings.length - 10} more warnings in summary.json`]
              : []),
            `Wrote ${Object.keys(summary.outputs).join(", ")} and summary.json into ${o.out}`,
          ].join("\n") + "\n",
        );
        fail();
      },
    );
  batch
    .command("status <id>")
    .description(
      "a queued batch's progress, its jobs by state and its dead letters (jobs failed after their retries)",
    )
    .option("--json", "print the status as JSON")
    .action(async (id: string, so: { json?: boolean }) => {
      const url = needDatabase("batch status");
      await migratedDatabase(url);
      const { batchStatus, statusLines } = await import("../../batch/batch-status.ts");
      const s = await batchStatus(url, id);
      if (!s)
        throw Object.assign(new Error(`no batch ${id} in this database (or it belongs to another role)`), {
          code: "not-found",
        });
      // `--json` after `status ID` is taken by `batch`, which has the same option.
      const json = so.json ?? (batch.opts() as { json?: boolean }).json;
      io.write(json ? `${JSON.stringify(s, null, 2)}\n` : `${statusLines(s).join("\n")}\n`);
    });
}
