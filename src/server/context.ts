import type { AnalysisJobs } from "../app/analysis-jobs.ts";
import type { DataFolder } from "../app/data-folder.ts";
import { AnalysisRepository, type Analysis } from "../storage/analysis-repository.ts";
import { InventoryRepository } from "../storage/inventory-repository.ts";
import { LanduseMapRepository } from "../storage/landuse-map-repository.ts";
import { MiningAreaRepository, type MiningArea } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import { ReportRepository } from "../storage/report-repository.ts";
import { notFound } from "./api-error.ts";

/**
 * Largest map an upload may declare by default: 4 × 10⁹ pixels (about 63,000 × 63,000; at 30 m a
 * square of 1,900 km, far more than any mining area, whose maps run to 10⁶–10⁸ pixels). Bigger
 * headers are refused before a block is read. The arrival check reads every pixel once in a worker
 * thread, at about 2 × 10⁸ pixels a second on one core (a real 6,546 × 6,372 LZW map in 0.2 s), so
 * this bounds one upload's check to about 20 s. A national mosaic (CLCD, ~1.6 × 10¹⁰ pixels) is
 * for the CLI, which sets no limit; clip it to the area before uploading it.
 */
export const DEFAULT_MAX_MAP_PIXELS = 4_000_000_000;

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
    /** Largest accepted map, pixels (width × height, from its header); see DEFAULT_MAX_MAP_PIXELS. */
    readonly maxMapPixels: number = DEFAULT_MAX_MAP_PIXELS,
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
