import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ValuationInput } from "../domain/landuse/carbon-valuation.ts";
import { InputError } from "../domain/validation/input-issue.ts";
import { factorTable, loadFactorLibrary } from "../factors/load-factor-library.ts";
import { analyzeLanduse } from "../landuse-analysis/analyze-landuse.ts";
import { poolTableFromDensitySet } from "../landuse-analysis/density-set-pools.ts";
import { RasterInputError } from "../raster/raster-input-error.ts";
import { AnalysisRepository, type Analysis } from "../storage/analysis-repository.ts";
import { LanduseMapRepository } from "../storage/landuse-map-repository.ts";
import { MiningAreaRepository } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import { areaLegend, legendArgument } from "./area-legend.ts";
import type { DataFolder } from "./data-folder.ts";
import { inClientTerms, issuesInClientTerms, type JobFile } from "./job-error-text.ts";

/** What a land-use analysis job is asked to do (checked by the API before it is queued). */
export interface LanduseParams {
  /** The years to analyse (at least two of the area's maps); all maps when omitted. */
  readonly years?: readonly number[];
  readonly zoning: "rules" | "data-driven" | "none";
  /** Count per feature of the area's boundary (its `name` property) when it has several. */
  readonly zonesFromBoundary: boolean;
  /** A shipped density set for the carbon pools (seed001-yang2019), or none. */
  readonly densitySet: string | null;
  readonly zeroRule: "paper" | "openland";
  /** InVEST's valuation of the storage change; null (or absent, in jobs queued before it existed) for none. */
  readonly valuation?: ValuationInput | null;
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
    const ids = await this.analyses.unfinished();
    for (const id of ids) this.enqueue(id);
    return ids.length;
  }

  /** Resolves when no job is queued or running (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private enqueue(id: string): void {
    this.queue.push(id);
    if (!this.running) this.running = this.drain();
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
      await this.analyses.progress(id, 0);
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
        code: "bad-input",
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
        code: "bad-input",
        message: `the analysis cannot run on the area's data: ${message}`,
        details: [{ path: file?.field ?? "", message }],
      };
    }
    // Ours, not the client's: the details (paths and all) go to the log only.
    console.error(`analysis ${id} failed:`, e);
    return {
      code: "internal",
      message: `the analysis stopped on an internal error; it has been logged (analysis ${id})`,
    };
  }

  private async analyse(job: Analysis, out: string, files: JobFile[]) {
    const params = job.params as LanduseParams;
    const area = await this.areas.get(job.areaId);
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
    const inputs = this.folder.temp("-inputs");
    mkdirSync(inputs, { recursive: true });
    files.push(
      { path: join(inputs, "legend.csv"), field: "legend", term: "the area's legend" },
      { path: join(inputs, "boundary.geojson"), field: "boundary", term: "the area's boundary" },
      {
        path: join(inputs, "pools.csv"),
        field: "densitySet",
        term: `the carbon densities of ${params.densitySet ?? "the density set"}`,
      },
      { path: inputs, field: "", term: "the analysis inputs" },
    );
    try {
      const legend = legendArgument(area.legend, join(inputs, "legend.csv"));
      const extra: { zones?: string; zoneField?: string; boundary?: string; pools?: string } = {};
      const boundary = area.boundary as {
        type?: string;
        features?: { properties?: { name?: unknown } }[];
      } | null;
      if (boundary) {
        const file = join(inputs, "boundary.geojson");
        writeFileSync(file, JSON.stringify(boundary));
        const named =
          boundary.type === "FeatureCollection" &&
          (boundary.features?.length ?? 0) > 1 &&
          boundary.features!.every((f) => typeof f.properties?.name === "string");
        if (params.zonesFromBoundary && named) Object.assign(extra, { zones: file, zoneField: "name" });
        else extra.boundary = file;
      }
      let assumptions: string[] = [];
      if (params.densitySet) {
        const pools = poolTableFromDensitySet(areaLegend(area.legend), params.densitySet, factorTable());
        extra.pools = join(inputs, "pools.csv");
        writeFileSync(extra.pools, pools.csv);
        assumptions = pools.assumptions;
      }
      let last = 0;
      let pending: Promise<void> = Promise.resolve();
      const summary = await analyzeLanduse({
        maps: maps.map((m) => ({ year: m.year, path: m.path })),
        legend,
        zoning: params.zoning,
        zeroRule: params.zeroRule,
        ...(params.valuation ? { valuation: params.valuation } : {}),
        out,
        ...extra,
        ...(this.o.workers !== undefined ? { workers: this.o.workers } : {}),
        factors: async () => factorTable(),
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - last < 200 || done >= total) return;
          last = now;
          pending = pending.then(() => this.analyses.progress(job.id, (99 * done) / total));
        },
      });
      await pending;
      // The pool table used is kept with the outputs, so the carbon figures can be traced.
      if (extra.pools) copyFileSync(extra.pools, join(out, "pools.csv"));
      const outputs = [...summary.outputs, ...(extra.pools ? ["pools.csv"] : [])].sort();
      return { ...summary, densitySet: params.densitySet, assumptions, outputs };
    } finally {
      rmSync(inputs, { recursive: true, force: true });
    }
  }
}

/** The source an InputError was made with (its message starts with it). */
function sourceOf(e: InputError): string {
  const m = / has \d+ problems?:/.exec(e.message);
  return m ? e.message.slice(0, m.index) : "";
}
