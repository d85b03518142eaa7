import { SYSTEM_SCOPE } from "../domain/access/policy.ts";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { analysisInput } from "../contract/analysis-input.ts";
import { errorCodeOf } from "../contract/error-codes.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { factorTable, loadFactorLibrary } from "../factors/load-factor-library.ts";
import type { LanduseResult } from "../contract/landuse-result.ts";
import type { Remedies } from "../landuse-analysis/analysis-input.ts";
import { runLanduseAnalysis } from "../landuse-analysis/run-landuse-analysis.ts";
import { poolTableFromDensitySet } from "../landuse-analysis/density-set-pools.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { AnalysisRepository, type Analysis } from "../storage/analysis-repository.ts";
import { LanduseMapRepository } from "../storage/landuse-map-repository.ts";
import { MiningAreaRepository } from "../storage/mining-area-repository.ts";
import { asSystem } from "../storage/row-scope.ts";
import type { Store } from "../storage/open-database.ts";
import { areaLegend, legendRoleProblems, type StoredLegend } from "./area-legend.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { legendFromTable } from "../io/read-legend-file.ts";
import type { DataFolder } from "./data-folder.ts";
import { inClientTerms, issuesInClientTerms, type JobFile } from "./job-error-text.ts";

/**
 * What a land-use analysis job is asked to do: the API's request body as checked (defaults
 * filled). Jobs queued before a field existed read with its default.
 */
export type LanduseParams = z.output<typeof analysisInput>;

/** A boundary of two or more features, each with a `name`: the analysis can count per feature. */
const NAMED_FEATURES = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.object({ properties: z.object({ name: z.string() }) })).min(2),
});

/** The stored params of a job, parsed once against the request's schema. */
function storedParams(job: Analysis): LanduseParams {
  const r = analysisInput.safeParse(job.params);
  if (!r.success)
    throw new InputError(`analysis ${job.id} (stored params)`, zodIssuesToInputIssues(r.error, job.params));
  return r.data;
}

/**
 * Runs land-use analyses as jobs, one at a time (each uses every core): queued → running with its
 * percent → done with the summary, or failed with the reason. Jobs that were queued or running
 * when the server stopped run again on start, so an acknowledged job is never lost.
 */
export class AnalysisJobs {
  private readonly analyses: AnalysisRepository;
  private readonly areas: MiningAreaRepository;
  private readonly maps: LanduseMapRepository;
  private queue: string[] = [];
  private running: Promise<void> | undefined;
  private idle: (() => void)[] = [];

  constructor(
    store: Store,
    private readonly folder: DataFolder,
    private readonly o: { workers?: number } = {},
  ) {
    this.analyses = new AnalysisRepository(store.db);
    this.areas = new MiningAreaRepository(store.db);
    this.maps = new LanduseMapRepository(store.db);
  }

  /** Queues a job for an area and starts it when the runner is free. */
  async submit(areaId: string, params: LanduseParams): Promise<Analysis> {
    const a = await this.analyses.create({ areaId, kind: "landuse", params });
    this.enqueue(a.id);
    return a;
  }

  /** Picks up the jobs a previous run of the server left queued or running. */
  async resume(): Promise<number> {
    const ids = await asSystem(() => this.analyses.unfinished());
    for (const id of ids) this.enqueue(id);
    return ids.length;
  }

  /** Resolves when no job is queued or running (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  /** Runs a queued job whose row a request committed itself (with its audit event). */
  start(id: string): void {
    this.enqueue(id);
  }

  private enqueue(id: string): void {
    this.queue.push(id);
    // A job runs as the system (row-scope.ts): a request the policy allowed queued it, and it
    // must not inherit that request's row scope (nor the absence of one after a restart).
    if (!this.running) this.running = asSystem(() => this.drain());
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const id = this.queue.shift()!;
      await this.run(id);
    }
    this.running = undefined;
    for (const r of this.idle.splice(0)) r();
  }

  private async run(id: string): Promise<void> {
    const job = await this.analyses.get(id);
    if (!job || job.status === "done" || job.status === "failed") return;
    const out = this.folder.analysis(id);
    rmSync(out, { recursive: true, force: true });
    // The files the job uses, so that errors name them as the client knows them (never by path).
    const files: JobFile[] = [{ path: out, field: "", term: "the analysis outputs" }];
    try {
      // This run reads the area's inputs afresh: a stale mark from a run interrupted before (a
      // resumed job) no longer holds; one made while this run reads them stays.
      await this.analyses.start(id);
      const result = await this.analyse(job, out, files);
      await this.analyses.finish(id, result, loadFactorLibrary().version);
    } catch (e) {
      rmSync(out, { recursive: true, force: true });
      await this.analyses.fail(id, this.failure(id, e, files));
    }
  }

  /** The error a client sees for a failed job: what is wrong in its terms, or that ours was logged. */
  private failure(id: string, e: unknown, files: readonly JobFile[]) {
    if (e instanceof InputError) {
      const details = issuesInClientTerms(sourceOf(e), e.issues, files);
      return {
        code: errorCodeOf(e),
        message: `the analysis cannot run on the area's data: ${details
          .map((d) => (d.path ? `${d.path}: ${d.message}` : d.message))
          .join("; ")}`,
        details,
      };
    }
    if (e instanceof RasterInputError) {
      const message = inClientTerms(e.message, files);
      const file = files.find((f) => e.message.includes(f.path));
      return {
        code: errorCodeOf(e),
        message: `the analysis cannot run on the area's data: ${message}`,
        details: [{ path: file?.field ?? "", message }],
      };
    }
    // Any other error the table knows (e.g. a quantity that overflowed) is the data's, as coded.
    const code = errorCodeOf(e);
    if (code !== "internal") {
      const message = inClientTerms((e as Error).message, files);
      return { code, message: `the analysis cannot run on the area's data: ${message}`, details: [] };
    }
    // Ours, not the client's: the details (paths and all) go to the log only.
    console.error(`analysis ${id} failed:`, e);
    return {
      code: "internal",
      message: `the analysis stopped on an internal error; it has been logged (analysis ${id})`,
    };
  }

  private async analyse(job: Analysis, out: string, files: JobFile[]) {
    const params = storedParams(job);
    const area = await this.areas.get(job.areaId, SYSTEM_SCOPE);
    if (!area)
      throw new InputError(`analysis ${job.id}`, [{ path: "areaId", message: "the area was deleted" }]);
    const all = await this.maps.forArea(area.id);
    const years = params.years ?? all.map((m) => m.year);
    const missing = years.filter((y) => !all.some((m) => m.year === y));
    const maps = all.filter((m) => years.includes(m.year));
    if (missing.length || maps.length < 2)
      throw new InputError(`analysis ${job.id}`, [
        {
          path: "years",
          message: missing.length
            ? `the area has no map for ${missing.join(", ")}; upload them first`
            : `needs maps of at least two years; the area has ${all.map((m) => m.year).join(", ") || "none"}`,
        },
      ]);
    for (const m of maps) files.push({ path: m.path, field: `maps.${m.year}`, term: `the ${m.year} map` });
    for (const m of maps)
      if (!existsSync(m.path))
        throw new InputError(`analysis ${job.id}`, [
          {
            path: `maps.${m.year}`,
            message: `the stored file of the ${m.year} map is missing; upload it again`,
          },
        ]);
    // The inputs are values named as the client knows them, so that errors name them so.
    files.push(
      { path: LEGEND, field: "legend", term: LEGEND },
      { path: BOUNDARY, field: "boundary", term: BOUNDARY },
    );
    const legend = analysisLegend(area.legend);
    const boundary = area.boundary ?? null;
    const named = NAMED_FEATURES.safeParse(boundary).success;
    const polygons = boundary ? { name: BOUNDARY, geojson: boundary } : undefined;
    const densities = params.densitySet
      ? poolTableFromDensitySet(legend, params.densitySet, factorTable())
      : undefined;
    if (densities)
      files.push({ path: densities.pools.source, field: "densitySet", term: densities.pools.source });
    let last = 0;
    let pending: Promise<void> = Promise.resolve();
    const summary = await runLanduseAnalysis({
      maps: maps.map((m) => ({ year: m.year, path: m.path })),
      legend,
      legendName: LEGEND,
      zoning: params.zoning,
      zeroRule: params.zeroRule,
      ...(params.valuation ? { valuation: params.valuation } : {}),
      ...(densities ? { pools: densities.pools } : {}),
      ...(polygons && params.zonesFromBoundary && named ? { zones: { ...polygons, nameField: "name" } } : {}),
      ...(polygons && !(params.zonesFromBoundary && named) ? { boundary: polygons } : {}),
      out,
      ...(this.o.workers !== undefined ? { workers: this.o.workers } : {}),
      factors: async () => factorTable(),
      remedies: API_REMEDIES,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - last < 200 || done >= total) return;
        last = now;
        pending = pending.then(() => this.analyses.progress(job.id, (99 * done) / total));
      },
    });
    await pending;
    // The pool table used is kept with the outputs, so the carbon figures can be traced.
    if (densities) writeFileSync(join(out, "pools.csv"), densities.csv);
    const outputs = [...summary.outputs, ...(densities ? ["pools.csv"] : [])].sort();
    return {
      ...summary,
      densitySet: params.densitySet,
      assumptions: densities?.assumptions ?? [],
      outputs,
    } satisfies LanduseResult;
  }
}

/** What the analysis calls the area's legend and boundary (GeoJSON) in its messages. */
const LEGEND = "the area's legend";
const BOUNDARY = "the area's boundary";

/**
 * The legend an analysis takes for an area's stored legend: a preset, or its own classes checked and
 * normalised as a legend table is (codes in order, bounded names, colours). A class stored without
 * a role (before roles were required) is refused, named: its role is never guessed from its name.
 */
function analysisLegend(stored: StoredLegend): Legend {
  const legend = areaLegend(stored);
  if ("preset" in stored) return legend;
  const roleless = legendRoleProblems(stored, "classes");
  if (roleless.length) throw new InputError(LEGEND, roleless);
  const header = ["code", "name", "name_zh", "key", "group", "colour"];
  const rows = legend.classes.map((c) => ({
    code: String(c.code),
    name: c.name,
    name_zh: c.nameZh ?? "",
    key: c.key,
    group: c.group ?? "",
    colour: c.colour ?? "",
  }));
  return legendFromTable({ path: LEGEND, header, rows }, "required").legend;
}

/** How an API client fixes what the analysis finds. */
const API_REMEDIES: Remedies = {
  alignGrids: "upload maps on one grid",
  zoningRules:
    'choose zoning "data-driven" (with a densitySet) or "none", or give the legend the classes of seed 001',
  densities: "a densitySet",
};

/** The source an InputError was made with (its message starts with it). */
function sourceOf(e: InputError): string {
  const m = / has \d+ problems?:/.exec(e.message);
  return m ? e.message.slice(0, m.index) : "";
}
