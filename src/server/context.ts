import type { AnalysisJobs } from "../app/analysis-jobs.ts";
import type { DataFolder } from "../app/data-folder.ts";
import { AnalysisRepository, type Analysis } from "../storage/analysis-repository.ts";
import { InventoryRepository } from "../storage/inventory-repository.ts";
import { LanduseMapRepository } from "../storage/landuse-map-repository.ts";
import { MiningAreaRepository, type MiningArea } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import { ReportRepository } from "../storage/report-repository.ts";
import { notFound } from "./api-error.ts";

/** What every route reaches: the store's repositories, the data folder and the job runner. */
export class AppContext {
  readonly areas: MiningAreaRepository;
  readonly maps: LanduseMapRepository;
  readonly analyses: AnalysisRepository;
  readonly inventories: InventoryRepository;
  readonly reports: ReportRepository;
  constructor(
    readonly store: Store,
    readonly folder: DataFolder,
    readonly jobs: AnalysisJobs,
    /** Largest accepted map upload, bytes. */
    readonly maxUploadBytes: number,
  ) {
    this.areas = new MiningAreaRepository(store.db);
    this.maps = new LanduseMapRepository(store.db);
    this.analyses = new AnalysisRepository(store.db);
    this.inventories = new InventoryRepository(store.db);
    this.reports = new ReportRepository(store.db);
  }

  /** The area of an id from the URL, or a 404 naming it. */
  async area(id: string): Promise<MiningArea> {
    const a = isId(id) ? await this.areas.get(id) : undefined;
    if (!a) throw notFound("mining area", id);
    return a;
  }

  async analysis(id: string) {
    const a = isId(id) ? await this.analyses.get(id) : undefined;
    if (!a) throw notFound("analysis", id);
    return a;
  }

  /** Finished results never change: the last few are kept parsed in memory. */
  private readonly results = new Map<string, Analysis>();

  /** Drops results from memory (their analyses were deleted). */
  forgetResults(ids: readonly string[]): void {
    for (const id of ids) this.results.delete(id);
  }

  /** An analysis with its result (from memory when it was read before and is done). */
  async analysisWithResult(id: string): Promise<Analysis> {
    const cached = this.results.get(id);
    if (cached) return cached;
    const a = isId(id) ? await this.analyses.get(id, { withResult: true }) : undefined;
    if (!a) throw notFound("analysis", id);
    if (a.status === "done") {
      this.results.set(id, a);
      if (this.results.size > 16) this.results.delete(this.results.keys().next().value!);
    }
    return a;
  }

  async inventory(id: string) {
    const i = isId(id) ? await this.inventories.get(id) : undefined;
    if (!i) throw notFound("inventory", id);
    return i;
  }
}

/** Ids are positive whole numbers (bigint identity columns). */
export const isId = (s: string) => /^[1-9]\d{0,17}$/.test(s);
