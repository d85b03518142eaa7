import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { GWP_SET_IDS } from "../domain/mine/gwp-sets.ts";
import { SINK_READINGS } from "../domain/mine/ecosystems.ts";
import { COEFFICIENT_SETS } from "../domain/budget/coefficient-sets.ts";
import { FACTOR_STATUSES } from "../domain/factor/factor.ts";
import { availableParallelism } from "node:os";
import {
  COUNT_BOUNDS,
  DRAW_BOUNDS,
  formatBound,
  RUN_BOUNDS,
  SEED_RANGE,
  TEXT_BOUNDS,
  WORK_BOUNDS,
  YEAR_RANGE,
} from "../domain/common/input-bounds.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { textProblem } from "../domain/validation/user-text.ts";
import { exitCodeOf, describeError } from "./exit-code.ts";
import type { AnalyzeCliOptions } from "./commands/landuse-command.ts";
import { registerOrgsCommands } from "./commands/orgs-command.ts";
import { registerUsersCommand } from "./commands/users-command.ts";
import { AUDIT_BROKEN_CODE, registerAuditCommand } from "./commands/audit-command.ts";
import { BATCH_INCOMPLETE_CODE, registerBatchCommand } from "./commands/batch-command.ts";
import { registerWorkerCommand } from "./commands/worker-command.ts";
import type { OptionTextKey } from "./format/spec-text.ts";
import type { Lang } from "../presentation/i18n/lang.ts";

// Commands load their modules when they run, so that starting the CLI stays fast: each pulls in
// different libraries (zod, yaml, geotiff, proj4, canvas).

/** Exit codes: 0 done, 2 bad input (nothing written), 1 internal failure, 3 the audit chain is broken. */
export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

/**
 * A whole-number option within [min, max] (the bounds of input-bounds.ts): "1e9", "-5", "" and "0x10"
 * are refused here, before anything runs, with the range and why in the message.
 */
const wholeNumber =
  (name: string, min: number, max: number, why = "") =>
  (value: string): number => {
    const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(
        `${name} must be a whole number ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}${why ? ` (${why})` : ""}; got "${value}"`,
      );
    return n;
  };

/** A repeatable option, at most `max` times. */
const collectUpTo =
  (name: string, max: number) =>
  (value: string, previous: string[] = []): string[] => {
    if (previous.length >= max) throw new InvalidArgumentError(`${name} may be given at most ${max} times`);
    return [...previous, value];
  };
const collect = collectUpTo("--factors", COUNT_BOUNDS.optionFiles);

/** Worker threads: none (0) up to one per core of this machine; more only compete for the cores. */
const CORES = availableParallelism();
const workersOption = wholeNumber(
  "--workers",
  0,
  CORES,
  `at most ${CORES} on this machine: one per core; more threads only add memory`,
);
const seedOption = wholeNumber("--seed", SEED_RANGE.min, SEED_RANGE.max, "the generator reads 32 bits");
const yearOption = (name: string) => wholeNumber(name, YEAR_RANGE.min, YEAR_RANGE.max);

/** A positional list of at most `max` items (scenario files, report inputs). */
function atMost(what: string, items: readonly string[], max: number): void {
  if (items.length > max)
    throw new InputError(what, [{ path: "", message: `must be at most ${max} files; got ${items.length}` }]);
}

/**
 * What --help reads from the specs (loaded only when help is asked for, so that starting the CLI
 * stays fast): field lists and the texts of options that stand for spec fields, in `lang`.
 */
export interface SpecHelp {
  readonly specs: typeof import("./commands/spec-docs-command.ts");
  readonly lang: Lang;
  /** Whether the language was asked for with --lang (then the hints repeat it). */
  readonly langFlag: boolean;
}

/** The language of the CLI's help and spec reference when --lang is not given: zh when LANG says so. */
export function envLang(): Lang {
  return /^zh/i.test(process.env.LC_ALL || process.env.LANG || "") ? "zh" : "en";
}

/** Builds the `minecarbon` command tree. `write` receives everything printed to standard output. */
export function buildProgram(write: (text: string) => void, help?: SpecHelp): Command {
  const program = new Command("minecarbon")
    .description("Carbon budgets, inventories and neutrality balances for coal-mining areas")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: (s) => process.stderr.write(s) });
  const print = (json: boolean | undefined, result: unknown, text: () => string) =>
    write(json ? `${JSON.stringify(result, null, 2)}\n` : `${text()}\n`);
  /** An option standing for a spec field: its help text is the field's label (or description). */
  const specOption = (
    flags: string,
    ref: { model: string; path: string; use: "label" | "description"; rest: OptionTextKey },
    vars: Record<string, string> = {},
  ) => new Option(flags, help ? help.specs.specOptionText(ref, help.lang, vars) : ref.path);
  /** The fields of the files a command reads, after its options in --help. */
  const fieldsHelp = (command: string) => () =>
    help ? help.specs.commandFieldsHelp(command, help.lang, help.langFlag) : "";

  program
    .command("budget")
    .description(
      "land-use carbon budget: areas × emission/absorption coefficients (kind: land-use-budget) or one-time stock change on conversion with regain on reclaimed land (kind: stock-change)",
    )
    .argument("<file>", "budget file (YAML or JSON); see docs/land-use-budget.md and docs/stock-change.md")
    .addOption(
      specOption("--coefficients <set>", {
        model: "land-use-budget",
        path: "coefficients.set",
        use: "label",
        rest: "overridingFile",
      }).choices(Object.keys(COEFFICIENT_SETS)),
    )
    .addOption(
      specOption(
        "--draws <n>",
        { model: "land-use-budget", path: "uncertainty.draws", use: "label", rest: "budgetDraws" },
        { max: DRAW_BOUNDS.budget.toLocaleString("en-US") },
      ).argParser(
        wholeNumber("--draws", 1, DRAW_BOUNDS.budget, "about 2.5 s and 200 MB; see docs/input-bounds.md"),
      ),
    )
    .addOption(
      specOption(
        "--seed <n>",
        { model: "land-use-budget", path: "uncertainty.seed", use: "label", rest: "budgetSeed" },
        { max: String(SEED_RANGE.max) },
      ).argParser(seedOption),
    )
    .option(
      "--factors <file>",
      "extra or overriding factors (CSV/YAML/JSON, library columns); repeatable",
      collect,
    )
    .option("--json", "print the result as JSON")
    .addHelpText("after", fieldsHelp("budget"))
    .action(
      async (
        file: string,
        o: { coefficients?: string; draws?: number; seed?: number; factors?: string[]; json?: boolean },
      ) => {
        const [{ runBudget }, { formatBudget }] = await Promise.all([
          import("./commands/budget-command.ts"),
          import("./format/budget-text.ts"),
        ]);
        const report = runBudget(file, o);
        print(o.json, report, () => formatBudget(report));
      },
    );

  program
    .command("inventory")
    .description(
      "mine carbon inventory and neutrality balance (seed 002 Eq. 1–12), every source in t CO2e and energy in tce",
    )
    .argument("<file>", "inventory file (YAML or JSON); see docs/mine-inventory.md")
    .addOption(
      specOption("--gwp <set>", {
        model: "mine-inventory",
        path: "gwp",
        use: "label",
        rest: "inventoryGwp",
      }).choices(GWP_SET_IDS),
    )
    .addOption(
      specOption("--sink-reading <reading>", {
        model: "mine-inventory",
        path: "sinkReading",
        use: "description",
        rest: "overridingFile",
      }).choices([...SINK_READINGS]),
    )
    .option(
      "--factors <file>",
      "extra or overriding factors (CSV/YAML/JSON, library columns); repeatable",
      collect,
    )
    .addOption(
      specOption(
        "--draws <n>",
        { model: "mine-inventory", path: "uncertainty.draws", use: "label", rest: "inventoryDraws" },
        { max: DRAW_BOUNDS.budget.toLocaleString("en-US") },
      ).argParser(
        wholeNumber("--draws", 1, DRAW_BOUNDS.budget, "draws × years ≤ 1,000,000; see docs/input-bounds.md"),
      ),
    )
    .addOption(
      specOption(
        "--seed <n>",
        { model: "mine-inventory", path: "uncertainty.seed", use: "label", rest: "inventorySeed" },
        { max: String(SEED_RANGE.max) },
      ).argParser(seedOption),
    )
    .option("--json", "print the result as JSON")
    .addHelpText("after", fieldsHelp("inventory"))
    .action(
      async (
        file: string,
        o: {
          gwp?: string;
          sinkReading?: string;
          factors?: string[];
          draws?: number;
          seed?: number;
          json?: boolean;
        },
      ) => {
        const [{ runInventory }, { formatInventory }] = await Promise.all([
          import("./commands/inventory-command.ts"),
          import("./format/inventory-text.ts"),
        ]);
        const inv = runInventory(file, o);
        print(o.json, inv, () => formatInventory(inv));
      },
    );

  const factors = program
    .command("factors")
    .description("the factor library: values, ranges, units and sources");
  factors
    .command("list")
    .description("list factors, optionally filtered")
    .option("--status <status>", FACTOR_STATUSES.join(", "))
    .option("--series <series>", "a series, e.g. MEE-carbon-market or MEE-NBS-consumption")
    .option("--grep <text>", "text in the id, quantity or source")
    .option("--factors <file>", "include a user factor file; repeatable", collect)
    .option("--json", "print as JSON")
    .action(
      async (o: { status?: string; series?: string; grep?: string; factors?: string[]; json?: boolean }) => {
        const { formatFactorList, listFactors } = await import("./commands/factors-command.ts");
        const list = listFactors(o);
        print(o.json, list, () => formatFactorList(list));
      },
    );
  factors
    .command("show")
    .description("one factor with all its fields")
    .argument("<id>", "factor id")
    .option("--factors <file>", "include a user factor file; repeatable", collect)
    .option("--json", "print as JSON")
    .action(async (id: string, o: { factors?: string[]; json?: boolean }) => {
      const { showFactor } = await import("./commands/factors-command.ts");
      const f = showFactor(id, o.factors);
      print(o.json, f, () =>
        Object.entries(f)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\n"),
      );
    });

  const landuse = program
    .command("landuse")
    .description(
      "land-use change from classified maps: transfer matrices, intensity analysis, zoning, carbon maps",
    );
  landuse
    .command("accuracy")
    .description(
      "accuracy of a classified map against reference samples: confusion matrix, overall accuracy, kappa, producer's and user's accuracy",
    )
    .requiredOption("--map <tif>", "the classified map (GeoTIFF)")
    .requiredOption(
      "--samples <file>",
      "reference points: CSV x,y,class or GeoJSON points with a class property",
    )
    .requiredOption("--legend <preset|csv>", "legend preset or CSV; reference classes by code, key or name")
    .option("--samples-crs <EPSG:nnnn>", "CRS of CSV coordinates (default: the map's)")
    .option("--class-field <name>", "column or property holding the reference class (default class)")
    .option("--out <dir>", "also write accuracy-confusion.csv, accuracy-classes.csv and accuracy.json here")
    .option("--json", "print as JSON")
    .action(
      async (o: {
        map: string;
        samples: string;
        legend: string;
        samplesCrs?: string;
        classField?: string;
        out?: string;
        json?: boolean;
      }) => {
        const [{ assessMapAccuracy }, { formatAccuracy }] = await Promise.all([
          import("../landuse-analysis/assess-map-accuracy.ts"),
          import("./format/accuracy-text.ts"),
        ]);
        const result = await assessMapAccuracy(o);
        print(o.json, result, () => formatAccuracy(result));
      },
    );
  landuse
    .command("demo-data")
    .description(
      "write the SYNTHETIC Pingshuo-like demo maps (1986, 2000, 2009, 2018) and mine-field zones into --out",
    )
    .requiredOption("--out <dir>", "folder to write into")
    .option("--seed <n>", `random seed, 0 to ${SEED_RANGE.max}`, seedOption, 1986)
    .action(async (o: { out: string; seed: number }) => {
      const { writeDemoData } = await import("../demo/write-demo-data.ts");
      const d = writeDemoData(o.out, o.seed);
      write(`Wrote ${d.maps.map((m) => m.path).join(", ")} and ${d.zones} (synthetic; see SOURCE.md)\n`);
    });
  landuse
    .command("analyze")
    .description(
      "analyse classified maps of several dates and write tables, rasters and summary.json into --out",
    )
    .requiredOption(
      "--map <year=path>",
      `a classified GeoTIFF of one date; repeat for each date (at most ${COUNT_BOUNDS.maps})`,
      collectUpTo("--map", COUNT_BOUNDS.maps),
    )
    .option(
      "--legend <preset|csv>",
      "legend preset (seed001, gbt21010, clcd, esa-worldcover) or CSV (code,name[,key,group,colour])",
    )
    .option(
      "--pools <csv>",
      "InVEST carbon-pool table (lucode,c_above,c_below,c_soil,c_dead in t C/ha); also a legend",
    )
    .option(
      "--rules <file>",
      "zoning rule table (CSV zone,from,to or JSON); default seed 001 Table 1 when the legend fits",
    )
    .addOption(new Option("--zoning <how>", "zoning method").choices(["rules", "data-driven", "none"]))
    .option("--boundary <geojson>", "analyse only inside these polygons (e.g. the mining-field boundary)")
    .option("--zones <geojson>", "also report per zone (polygons; name from --zone-field, else name/zone)")
    .option("--zone-field <name>", "property of --zones features that names the zone")
    .option("--align <how>", "resample dates whose grid differs onto the first grid: nearest")
    .requiredOption("--out <dir>", "folder for the outputs (created if missing)")
    .option(
      "--workers <n>",
      `worker threads, 0 (none) to ${CORES} (one per core of this machine; the default)`,
      workersOption,
    )
    .option(
      "--block-rows <n>",
      `rows per block, a multiple of 16 from ${RUN_BOUNDS.blockRows.min} to ${RUN_BOUNDS.blockRows.max} (default from the map's tiling)`,
      (value: string) => {
        const n = wholeNumber(
          "--block-rows",
          RUN_BOUNDS.blockRows.min,
          RUN_BOUNDS.blockRows.max,
          "a multiple of 16; larger blocks only take more memory",
        )(value);
        if (n % 16 !== 0)
          throw new InvalidArgumentError(
            `--block-rows must be a multiple of 16 (TIFF tiles are); got "${value}"`,
          );
        return n;
      },
    )
    .option(
      "--deflate-level <n>",
      "DEFLATE level of the written rasters, 1 (fastest, default) to 9 (smallest); GDAL's default is 6",
      wholeNumber("--deflate-level", RUN_BOUNDS.deflateLevel.min, RUN_BOUNDS.deflateLevel.max),
    )
    .addOption(
      new Option("--zero-rule <rule>", "stationarity with zero gain/loss").choices(["paper", "openland"]),
    )
    .option(
      "--carbon-price <price>",
      "value the storage change (InVEST's valuation; needs --pools): CNY per t CO2e in the first date's year, 0 to 1,000,000, or a price factor id (minecarbon factors list --grep price)",
    )
    .option(
      "--price-change <rate>",
      "yearly change of the carbon price, a fraction between -1 and 1 (0.03: +3 %/yr; default 0)",
    )
    .option(
      "--discount-rate <rate>",
      "discount rate of the valuation, a fraction 0 to 1 a year (0.07: 7 %/yr); needed with --carbon-price",
    )
    .option("--factors <file>", "extra or overriding factors; repeatable", collect)
    .option("--no-progress", "no progress bar")
    .option("--json", "print summary.json instead of the text report")
    .action(async (o: AnalyzeCliOptions & { json?: boolean }) => {
      const [{ runAnalyze }, { formatLanduse }] = await Promise.all([
        import("./commands/landuse-command.ts"),
        import("./format/landuse-text.ts"),
      ]);
      const summary = await runAnalyze(o);
      print(o.json, summary, () => formatLanduse(summary, o.out));
    });

  program
    .command("serve")
    .description(
      "start the web app and HTTP API (docs at /docs, OpenAPI at /openapi.json) on PGlite in --data, or on $DATABASE_URL; an empty embedded store served on loopback gets the demo (see --demo)",
    )
    .option(
      "--port <n>",
      "port to listen on, 0 (any free port) to 65535",
      wholeNumber("--port", RUN_BOUNDS.port.min, RUN_BOUNDS.port.max),
      8080,
    )
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option(
      "--data <dir>",
      "data folder: uploaded maps, results, reports and (without DATABASE_URL) the database",
      "minecarbon-data",
    )
    .option(
      "--demo",
      "load the demo (organisations, accounts with a shared password, areas) into an empty store; the default only for the embedded store on this machine's loopback address",
    )
    .option("--no-demo", "do not load the demo into an empty store")
    .option(
      "--workers <n>",
      `worker threads per analysis, 0 to ${CORES} (default one per core of this machine)`,
      workersOption,
    )
    .option(
      "--max-upload-mb <n>",
      `largest map upload, MiB, ${RUN_BOUNDS.maxUploadMb.min} to ${RUN_BOUNDS.maxUploadMb.max.toLocaleString("en-US")}`,
      wholeNumber("--max-upload-mb", RUN_BOUNDS.maxUploadMb.min, RUN_BOUNDS.maxUploadMb.max),
      1024,
    )
    .option(
      "--max-map-pixels <n>",
      `largest map accepted, pixels (width × height, judged from its header before any block is read), ${RUN_BOUNDS.maxMapPixels.min} to ${formatBound(RUN_BOUNDS.maxMapPixels.max)}`,
      wholeNumber("--max-map-pixels", RUN_BOUNDS.maxMapPixels.min, RUN_BOUNDS.maxMapPixels.max),
      4_000_000_000,
    )
    .option(
      "--allowed-host <name>",
      "another host name the server answers to (Host header), e.g. the DNS name of a proxy in front of it; repeatable; the loopback names and the --host address are always allowed",
      collectUpTo("--allowed-host", RUN_BOUNDS.allowedHosts.max),
    )
    .option(
      "--trust-proxy <addresses>",
      "the address(es) of a TLS proxy in front of the server, comma-separated (e.g. 127.0.0.1): its X-Forwarded-Proto/-For are believed, so session cookies are Secure and login limits count each client",
    )
    .action(
      async (o: {
        port: number;
        host: string;
        trustProxy?: string;
        data: string;
        demo?: boolean;
        workers?: number;
        maxUploadMb: number;
        maxMapPixels: number;
        allowedHost?: string[];
      }) => {
        const { serve } = await import("../server/serve.ts");
        const s = await serve({
          port: o.port,
          host: o.host,
          dataDir: o.data,
          ...(o.demo !== undefined ? { demo: o.demo } : {}),
          maxUploadBytes: o.maxUploadMb * 1024 * 1024,
          maxMapPixels: o.maxMapPixels,
          ...(o.allowedHost ? { allowedHosts: o.allowedHost } : {}),
          ...(o.trustProxy ? { trustProxy: o.trustProxy } : {}),
          ...(o.workers !== undefined ? { workers: o.workers } : {}),
          ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
          ...(process.env.MINECARBON_MIGRATION_URL
            ? { migrationUrl: process.env.MINECARBON_MIGRATION_URL }
            : {}),
          ...(process.env.MINECARBON_DEMO_PASSWORD
            ? { demoPassword: process.env.MINECARBON_DEMO_PASSWORD }
            : {}),
        });
        const url = s.url.replace("127.0.0.1", "localhost");
        write(
          [
            `MineCarbon is running: open ${url}/ in a browser (API docs: ${url}/docs)`,
            `  store: ${s.store.kind} (${s.store.location}); files: ${s.ctx.folder.root}`,
            ...(s.demo.length
              ? [`  loaded the demo areas (ids ${s.demo.join(", ")}); their analysis runs in the background`]
              : []),
            ...(s.resumed ? [`  resumed ${s.resumed} unfinished analysis job(s)`] : []),
            "  Ctrl+C stops it",
            "",
          ].join("\n"),
        );
        await new Promise<void>((resolve) => {
          const stop = () => void s.stop().then(resolve);
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
      },
    );

  program
    .command("pathway")
    .description(
      "pathways to carbon neutrality: project scenarios (baseline inventory, coal-output path, measures) year by year to 2060; peak and neutrality years, periods, the effect of each measure; several scenarios side by side",
    )
    .argument(
      "<scenarios...>",
      `pathway-scenario files (YAML/JSON), at most ${COUNT_BOUNDS.scenarios}; see docs/pathways.md`,
    )
    .option("--factors <file>", "extra or overriding factors (CSV/YAML/JSON); repeatable", collect)
    .option("--out <dir>", "write each scenario's years as CSV")
    .addOption(
      specOption(
        "--draws <n>",
        { model: "pathway-scenario", path: "uncertainty.draws", use: "label", rest: "pathwayDraws" },
        {
          max: DRAW_BOUNDS.pathway.toLocaleString("en-US"),
          rows: WORK_BOUNDS.pathwayRows.toLocaleString("en-US"),
        },
      ).argParser(
        wholeNumber(
          "--draws",
          1,
          DRAW_BOUNDS.pathway,
          "each draw evaluates the compiled pathway once; see docs/input-bounds.md",
        ),
      ),
    )
    .addOption(
      specOption(
        "--seed <n>",
        { model: "pathway-scenario", path: "uncertainty.seed", use: "label", rest: "pathwaySeed" },
        { max: String(SEED_RANGE.max) },
      ).argParser(seedOption),
    )
    .option(
      "--actual <inventory>",
      "review a year's actual inventory against the plan (seed 002's yearly loop)",
    )
    .option(
      "--year <n>",
      `the year to review, ${YEAR_RANGE.min}–${YEAR_RANGE.max} (default: the actual inventory's last)`,
      yearOption("--year"),
    )
    .option(
      "--target <n>",
      `the year neutrality is due, ${YEAR_RANGE.min}–${YEAR_RANGE.max} (default: the scenario's end year)`,
      yearOption("--target"),
    )
    .option("--json", "print the results as JSON")
    .addHelpText("after", fieldsHelp("pathway"))
    .action(
      async (
        files: string[],
        o: {
          factors?: string[];
          out?: string;
          json?: boolean;
          draws?: number;
          seed?: number;
          actual?: string;
          year?: number;
          target?: number;
        },
      ) => {
        atMost("minecarbon pathway", files, COUNT_BOUNDS.scenarios);
        if (o.actual) {
          const [{ runReview }, { formatReview }] = await Promise.all([
            import("./commands/review-command.ts"),
            import("./format/review-text.ts"),
          ]);
          const review = runReview(files, { ...o, actual: o.actual });
          print(o.json, review, () => formatReview(review));
          return;
        }
        const [{ runPathway }, { formatPathways }] = await Promise.all([
          import("./commands/pathway-command.ts"),
          import("./format/pathway-text.ts"),
        ]);
        const r = runPathway(files, o);
        print(o.json, r, () => formatPathways(r));
      },
    );

  program
    .command("optimize")
    .description(
      "land-use structure optimization (linear programming with HiGHS): maximise the net sink, the economic value, both weighted, or Zimmermann's fuzzy max–min; binding constraints and shadow prices, or which constraints conflict",
    )
    .argument("<problem>", "a landuse-structure file (YAML/JSON); see docs/structure-optimization.md")
    .option("--factors <file>", "extra or overriding factors (CSV/YAML/JSON); repeatable", collect)
    .option("--json", "print the result as JSON")
    .addHelpText("after", fieldsHelp("optimize"))
    .action(async (file: string, o: { factors?: string[]; json?: boolean }) => {
      const [{ runOptimize }, { formatOptimize }] = await Promise.all([
        import("./commands/optimize-command.ts"),
        import("./format/optimize-text.ts"),
      ]);
      const r = await runOptimize(file, o);
      print(o.json, r, () => formatOptimize(r));
    });

  program
    .command("report")
    .description(
      "make a report (self-contained HTML, or PDF with Chinese text) of a land-use analysis folder (landuse analyze --out) and/or inventory files",
    )
    .argument(
      "<inputs...>",
      `an analysis output folder (with summary.json) and/or mine-inventory files (YAML/JSON), at most ${COUNT_BOUNDS.optionFiles}`,
    )
    .addOption(new Option("--format <format>", "html or pdf").choices(["html", "pdf"]).default("html"))
    .addOption(new Option("--lang <lang>", "language").choices(["en", "zh"]).default("en"))
    .option("--title <text>", `report title, at most ${TEXT_BOUNDS.reportTitle} characters`)
    .requiredOption("--out <file>", "file to write")
    .option(
      "--scenario <file>",
      `add a pathway scenario (YAML/JSON); repeatable, at most ${COUNT_BOUNDS.scenarios} times`,
      collectUpTo("--scenario", COUNT_BOUNDS.scenarios),
    )
    .action(
      async (
        inputs: string[],
        o: { format: "html" | "pdf"; lang: "en" | "zh"; title?: string; out: string; scenario?: string[] },
      ) => {
        atMost("minecarbon report", inputs, COUNT_BOUNDS.optionFiles);
        // Checked here rather than in an option parser, which would echo all of a long title.
        const titleProblem =
          o.title === undefined
            ? undefined
            : o.title.length > TEXT_BOUNDS.reportTitle
              ? `must be at most ${TEXT_BOUNDS.reportTitle} characters long (one line on the report's first page)`
              : textProblem(o.title);
        if (titleProblem)
          throw new InputError("--title", [
            {
              path: "",
              message: `${titleProblem}; got ${o.title!.length.toLocaleString("en-US")} characters`,
            },
          ]);
        const { runReport } = await import("./commands/report-command.ts");
        const r = await runReport(inputs, o);
        write(`${r.out} (${r.format}, ${r.bytes.toLocaleString("en-US")} bytes): ${r.sections.join("; ")}\n`);
      },
    );

  program
    .command("specs")
    .description(
      "the reference of every model's input fields (unit, label in English and Chinese, range, default, description) as Markdown, from the specs themselves (docs/model-specs.md)",
    )
    .argument(
      "[model]",
      "one model: mine-inventory, pathway-scenario, land-use-budget, stock-change, landuse-structure, uncertainty (or a command: inventory, pathway, budget, optimize)",
    )
    .addOption(new Option("--lang <lang>", "language (default from LANG)").choices(["en", "zh"]))
    .option("--json", "print the fields as JSON (specFields)")
    .action(async (model: string | undefined, o: { lang?: Lang; json?: boolean }) => {
      const { runSpecs } = await import("./commands/spec-docs-command.ts");
      write(runSpecs(model, { lang: o.lang ?? envLang(), ...(o.json ? { json: true } : {}) }));
    });

  program
    .command("demo")
    .description(
      "run the shipped examples (Yongning inventory, Pingshuo stock loss, Pingshuo 2018 budget) and print their results",
    )
    .option("--out <dir>", "folder for the demo's land-use data and outputs", "minecarbon-demo")
    .option("--json", "print the results as JSON")
    .action(async (o: { json?: boolean; out: string }) => {
      const { runDemo, runLanduseDemo } = await import("./commands/demo-command.ts");
      const results = [...runDemo(), await runLanduseDemo(o.out)];
      if (o.json)
        write(
          `${JSON.stringify(
            results.map(({ text: _t, ...r }) => r),
            null,
            2,
          )}\n`,
        );
      else
        write(
          results
            .map(
              (r) =>
                `${"=".repeat(100)}\n${r.title}\n$ npx minecarbon ${r.command} ${r.file}\n${"=".repeat(100)}\n${r.text}\n`,
            )
            .join("\n"),
        );
    });
  // Organisations, regions and user accounts (the administrator's, on the command line).
  const accessIo = { write, databaseUrl: process.env.DATABASE_URL, defaultLang: envLang };
  registerOrgsCommands(program, accessIo);
  registerUsersCommand(program, accessIo);
  registerAuditCommand(program, accessIo);
  registerBatchCommand(program, { write });
  registerWorkerCommand(program);
  return program;
}

/** Runs the CLI and returns its exit code; errors are printed to stderr with what to do about them. */
export async function main(
  argv: readonly string[],
  write: (text: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  let args = [...argv];
  // Help lists the fields of the files from the specs, in the language asked (--lang, else LANG).
  let help: SpecHelp | undefined;
  if (args.slice(2).some((a) => a === "--help" || a === "-h") || args[2] === "help") {
    const at = args.findIndex((a, i) => i >= 2 && (a === "--lang" || a.startsWith("--lang=")));
    const asked = at < 0 ? undefined : args[at]!.includes("=") ? args[at]!.split("=")[1] : args[at + 1];
    if (at >= 0 && args[2] !== "report" && args[2] !== "specs")
      args = args.filter((_, i) => i !== at && (args[at]!.includes("=") || i !== at + 1));
    const lang: Lang = asked === "zh" || asked === "en" ? asked : envLang();
    help = { specs: await import("./commands/spec-docs-command.ts"), lang, langFlag: asked !== undefined };
  }
  const program = buildProgram(write, help);
  try {
    await program.parseAsync(args);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === AUDIT_BROKEN_CODE || e.code === BATCH_INCOMPLETE_CODE) return e.exitCode;
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0)
        return EXIT.ok;
      return EXIT.badInput;
    }
    process.stderr.write(`${describeError(e)}\n`);
    return exitCodeOf(e);
  }
}
