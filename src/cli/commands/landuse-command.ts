import { InputError, type InputIssue } from "../../domain/validation/input-issue.ts";
import type { ValuationInput } from "../../domain/landuse/carbon-valuation.ts";
import type { LanduseResult } from "../../contract/landuse-result.ts";
import { analysisInputFromFiles } from "../../landuse-analysis/analysis-files.ts";
import type { DatedMap, Remedies } from "../../landuse-analysis/analysis-input.ts";
import { runLanduseAnalysis } from "../../landuse-analysis/run-landuse-analysis.ts";
import type { ZeroChangeRule } from "../../domain/landuse/intensity-analysis.ts";

export interface AnalyzeCliOptions {
  map: string[];
  legend?: string;
  pools?: string;
  rules?: string;
  zoning?: "rules" | "data-driven" | "none";
  boundary?: string;
  zones?: string;
  zoneField?: string;
  align?: string;
  out: string;
  workers?: number;
  blockRows?: number;
  zeroRule?: ZeroChangeRule;
  deflateLevel?: number;
  factors?: string[];
  progress?: boolean;
  carbonPrice?: string;
  priceChange?: string;
  discountRate?: string;
}

/** The CLI options of the valuation, by the field of the valuation each sets. */
const VALUATION_OPTIONS = {
  carbonPrice: "--carbon-price",
  priceChangePerYear: "--price-change",
  discountRatePerYear: "--discount-rate",
} as const satisfies Record<keyof ValuationInput, string>;

/** A decimal number as written on a command line ("0.07", "-0.02", "1e-3"); anything else is NaN. */
const decimal = (text: string): number =>
  /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()) ? Number(text) : NaN;

/**
 * The valuation asked on the command line, or undefined: `--carbon-price` (CNY per t CO2e, or a price
 * factor id) with `--discount-rate` and optionally `--price-change`; their ranges are checked with the
 * API's spec when the analysis starts, every problem at its option.
 */
export function valuationFromOptions(o: AnalyzeCliOptions): ValuationInput | undefined {
  const issues: InputIssue[] = [];
  const number = (option: string, text: string) => {
    const v = decimal(text);
    if (Number.isNaN(v))
      issues.push({
        path: option,
        message: `must be a decimal number (e.g. 0.07 for 7 %/yr); got "${text}"`,
      });
    else if (!Number.isFinite(v))
      issues.push({ path: option, message: `must be a finite number; got "${text}", beyond any double` });
    return v;
  };
  if (o.carbonPrice === undefined) {
    for (const [given, option] of [
      [o.priceChange, VALUATION_OPTIONS.priceChangePerYear],
      [o.discountRate, VALUATION_OPTIONS.discountRatePerYear],
    ] as const)
      if (given !== undefined)
        issues.push({ path: option, message: "values a storage change; give --carbon-price with it" });
    if (issues.length) throw new InputError("landuse analyze", issues);
    return undefined;
  }
  if (o.discountRate === undefined)
    issues.push({
      path: VALUATION_OPTIONS.discountRatePerYear,
      message:
        "is needed with --carbon-price: a fraction a year, 0 to 1 (e.g. 0.07, InVEST's example; 0 for no discounting)",
    });
  const price = /^[+-]?[\d.]/.test(o.carbonPrice.trim())
    ? number(VALUATION_OPTIONS.carbonPrice, o.carbonPrice)
    : o.carbonPrice;
  const discount =
    o.discountRate === undefined ? 0 : number(VALUATION_OPTIONS.discountRatePerYear, o.discountRate);
  const change =
    o.priceChange === undefined ? 0 : number(VALUATION_OPTIONS.priceChangePerYear, o.priceChange);
  if (issues.length) throw new InputError("landuse analyze", issues);
  return { carbonPrice: price, priceChangePerYear: change, discountRatePerYear: discount };
}

/** Parses `--map year=path` arguments; every bad one is reported. */
export function parseMaps(args: readonly string[]): DatedMap[] {
  const issues = args.flatMap((a, i) => {
    const m = /^(\d{4})=(.+)$/.exec(a);
    return m
      ? []
      : [{ path: `--map #${i + 1}`, message: `must be year=path (e.g. 2018=maps/2018.tif); got "${a}"` }];
  });
  if (issues.length) throw new InputError("landuse analyze", issues);
  return args.map((a) => {
    const [, year, path] = /^(\d{4})=(.+)$/.exec(a)!;
    return { year: Number(year), path: path! };
  });
}

/** A one-line progress bar on standard error, only when it is a terminal. */
export function progressBar(label: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = Date.now();
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} blocks ${secs}s${done === total ? "\n" : ""}`,
    );
  };
}

/** The analysis's inputs and fields by the CLI option that gives them. */
const OPTION_OF: Readonly<Record<string, string>> = {
  maps: "--map",
  legend: "--legend",
  zoning: "--zoning",
  blockRows: "--block-rows",
  ...Object.fromEntries(
    Object.entries(VALUATION_OPTIONS).map(([field, option]) => [`valuation.${field}`, option]),
  ),
};

/** How a CLI user fixes what the analysis finds. */
const CLI_REMEDIES: Remedies = {
  alignGrids: "add --align nearest to resample onto the first grid",
  zoningRules: "give a rule table with --rules",
  densities: "--pools",
};

/** The source an InputError was made with (its message starts with it). */
const sourceOf = (e: InputError) => e.message.slice(0, / has \d+ problems?:/.exec(e.message)?.index ?? 0);

/** An analysis error with its inputs named by the options that give them (`legend` → `--legend`). */
export function inCliTerms(e: InputError): InputError {
  const option = (path: string) => {
    const field = Object.keys(OPTION_OF).find(
      (f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`),
    );
    return field ? OPTION_OF[field]! + path.slice(field.length) : path;
  };
  return new InputError(
    sourceOf(e),
    e.issues.map((i) => ({ ...i, path: option(i.path) })),
  );
}

/**
 * `landuse analyze`: reads the files the options name (problems name the file) and runs the
 * analysis on their values; problems with an input are named by its option.
 */
export async function runAnalyze(o: AnalyzeCliOptions): Promise<LanduseResult> {
  if (o.deflateLevel !== undefined && (o.deflateLevel < 1 || o.deflateLevel > 9))
    throw new InputError("--deflate-level", [{ path: "", message: `must be 1 to 9; got ${o.deflateLevel}` }]);
  if (o.align !== undefined && o.align !== "nearest")
    throw new InputError("--align", [
      { path: "", message: `the only alignment is "nearest"; got "${o.align}"` },
    ]);
  const valuation = valuationFromOptions(o);
  const onProgress = o.progress === false ? undefined : progressBar("analyse");
  try {
    const input = await analysisInputFromFiles({
      maps: parseMaps(o.map),
      out: o.out,
      factors: async () =>
        (await import("../../factors/load-factor-library.ts")).factorTable(o.factors ?? []),
      remedies: CLI_REMEDIES,
      ...(o.legend ? { legend: o.legend } : {}),
      ...(o.pools ? { pools: o.pools } : {}),
      ...(o.rules ? { rules: o.rules } : {}),
      ...(o.zoning ? { zoning: o.zoning } : {}),
      ...(o.boundary ? { boundary: o.boundary } : {}),
      ...(o.zones ? { zones: o.zones } : {}),
      ...(o.zoneField ? { zoneField: o.zoneField } : {}),
      ...(o.align === "nearest" ? { alignNearest: true } : {}),
      ...(o.workers !== undefined ? { workers: o.workers } : {}),
      ...(o.blockRows !== undefined ? { blockRows: o.blockRows } : {}),
      ...(o.zeroRule ? { zeroRule: o.zeroRule } : {}),
      ...(o.deflateLevel !== undefined ? { deflateLevel: o.deflateLevel } : {}),
      ...(valuation ? { valuation } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    return await runLanduseAnalysis(input);
  } catch (e) {
    throw e instanceof InputError ? inCliTerms(e) : e;
  }
}
