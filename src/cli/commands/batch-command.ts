import { InvalidArgumentError, Option, type Command } from "commander";
import { availableParallelism } from "node:os";

/** What the batch command prints with. */
export interface BatchCommandIo {
  readonly write: (text: string) => void;
}

const CORES = availableParallelism();

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
  program
    .command("batch")
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
    .requiredOption(
      "--mines <geojson>",
      "mine polygons (GeoJSON FeatureCollection, any CRS named in its crs member)",
    )
    .requiredOption("--id-field <name>", "the property that holds each mine's id")
    .requiredOption("--legend <preset|csv>", "legend preset (seed001, gbt21010, clcd, esa-worldcover) or CSV")
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
    .requiredOption("--out <dir>", "folder of the outputs and of the resume journal")
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
      }) => {
        const [{ mapSeries }, { runBatch }] = await Promise.all([
          import("../../batch/map-series.ts"),
          import("../../batch/run-batch.ts"),
        ]);
        const summary = await runBatch({
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
          tell: (line) => process.stderr.write(`${line}\n`),
        });
        if (o.json) {
          io.write(`${JSON.stringify(summary, null, 2)}\n`);
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
      },
    );
}
