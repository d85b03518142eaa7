import type { AnalysisJobs } from "../app/analysis-jobs.ts";
import type { DataFolder } from "../app/data-folder.ts";
import type { ActionId } from "../domain/access/actions.ts";
import type { Actor } from "../domain/access/actor.ts";
import { queryScope } from "../domain/access/policy.ts";
import type { Identity } from "../app/auth/identity.ts";
import { AnalysisRepository, type Analysis } from "../storage/analysis-repository.ts";
import { InventoryRepository } from "../storage/inventory-repository.ts";
import { LanduseMapRepository } from "../storage/landuse-map-repository.ts";
import { MineRepository } from "../storage/mine-repository.ts";
import { areaResource, MiningAreaRepository, type MiningArea } from "../storage/mining-area-repository.ts";
import { OrganisationRepository } from "../storage/organisation-repository.ts";
import { RegionRepository } from "../storage/region-repository.ts";
import { UserRepository } from "../storage/user-repository.ts";
import type { Store } from "../storage/open-database.ts";
import { ReportRepository } from "../storage/report-repository.ts";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../storage/schema.ts";
import { notFound } from "./api-error.ts";
import { auditRequest, type RequestAudit } from "./access/audit.ts";
import { authorise } from "./auth/authorise.ts";

/**
 * Largest map an upload may declare by default: 4 × 10⁹ pixels (about 63,000 × 63,000; at 30 m a
 * square of 1,900 km, far more than any mining area, whose maps run to 10⁶–10⁸ pixels). Bigger
 * headers are refused before a block is read. The arrival check reads every pixel once in a worker
 * thread, at about 2 × 10⁸ pixels a second on one core (a real 6,546 × 6,372 LZW map in 0.2 s), so
 * this bounds one upload's check to about 20 s. A national mosaic (CLCD, ~1.6 × 10¹⁰ pixels) is
 * for the CLI, which sets no limit; clip it to the area before uploading it.
 */
export const DEFAULT_MAX_MAP_PIXELS = 4_000_000_000;

/** The repositories of the stored results on one database handle: the store's or a transaction's. */
export interface Repositories {
  readonly db: Kysely<Database>;
  readonly areas: MiningAreaRepository;
  readonly maps: LanduseMapRepository;
  readonly analyses: AnalysisRepository;
  readonly inventories: InventoryRepository;
  readonly reports: ReportRepository;
}

export const repositoriesOn = (db: Kysely<Database>): Repositories => ({
  db,
  areas: new MiningAreaRepository(db),
  maps: new LanduseMapRepository(db),
  analyses: new AnalysisRepository(db),
  inventories: new InventoryRepository(db),
  reports: new ReportRepository(db),
});

/** What a request's change gives back: its answer and what the audit trail records of it. */
export interface Change<T> {
  readonly value: T;
  readonly audit: RequestAudit;
}

/** What every route reaches: the store's repositories, the data folder and the job runner. */
export class AppContext {
  readonly areas: MiningAreaRepository;
  readonly maps: LanduseMapRepository;
  readonly analyses: AnalysisRepository;
  readonly inventories: InventoryRepository;
  readonly reports: ReportRepository;
  readonly regions: RegionRepository;
  readonly organisations: OrganisationRepository;
  readonly users: UserRepository;
  readonly mines: MineRepository;
  constructor(
    readonly store: Store,
    readonly folder: DataFolder,
    readonly jobs: AnalysisJobs,
    /** Users, sessions and API tokens: who asks. */
    readonly identity: Identity,
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
    this.regions = new RegionRepository(store.db);
    this.organisations = new OrganisationRepository(store.db);
    this.users = new UserRepository(store.db);
    this.mines = new MineRepository(store.db);
  }

  /**
   * The area of an id from the URL for `action` by `actor`: a 404 naming it when the actor may not
   * read it (whether it exists is not told), 403 when it may read it but not do `action`.
   */
  async area(actor: Actor, id: string, action: ActionId): Promise<MiningArea> {
    return this.areaOf(actor, id, action, "mining area", id);
  }

  /**
   * The area `areaId` for `action`, or a 404 naming `what` `id` (an analysis or inventory of an area
   * the actor may not read is not found, and its area's id is not told).
   */
  private async areaOf(actor: Actor, areaId: string, action: ActionId, what: string, id: string) {
    // Found when the actor may read it or do the action (a token may hold map.upload alone).
    const a = isId(areaId) ? await this.areas.get(areaId, queryScope(actor, "area.read", action)) : undefined;
    if (!a) throw notFound(what, id);
    authorise(actor, action, areaResource(a));
    return a;
  }

  /** An analysis (job) of an area the actor may do `action` on, or a 404 naming it. */
  async analysis(actor: Actor, id: string, action: ActionId) {
    const a = isId(id) ? await this.analyses.get(id) : undefined;
    if (!a) throw notFound("analysis", id);
    await this.areaOf(actor, a.areaId, action, "analysis", id);
    return a;
  }

  /**
   * Runs a request's change in one transaction, with repositories on it, and appends the request's
   * audit event there last: the change and its event commit together or not at all. Slow work
   * (reading a map, writing a report) is done before, outside the transaction.
   */
  async change<T>(req: FastifyRequest, run: (tx: Repositories) => Promise<Change<T>>): Promise<T> {
    return this.store.db.transaction().execute(async (trx) => {
      const { value, audit } = await run(repositoriesOn(trx));
      await auditRequest(trx, req, audit);
      return value;
    });
  }

  /** Finished results never change: the last few are kept parsed in memory. */
  private readonly results = new Map<string, Analysis>();

  /** Drops results from memory (their analyses were deleted). */
  forgetResults(ids: readonly string[]): void {
    for (const id of ids) this.results.delete(id);
  }

  /**
   * An analysis with its result (from memory when it was read before and is done), of an area the
   * actor may do `action` on, or a 404 naming it.
   */
  async analysisWithResult(actor: Actor, id: string, action: ActionId): Promise<Analysis> {
    const a =
      this.results.get(id) ?? (isId(id) ? await this.analyses.get(id, { withResult: true }) : undefined);
    if (!a) throw notFound("analysis", id);
    await this.areaOf(actor, a.areaId, action, "analysis", id);
    if (a.status === "done" && !this.results.has(id)) {
      this.results.set(id, a);
      if (this.results.size > 16) this.results.delete(this.results.keys().next().value!);
    }
    return a;
  }

  /** An inventory of an area the actor may do `action` on, or a 404 naming it. */
  async inventory(actor: Actor, id: string, action: ActionId) {
    const i = isId(id) ? await this.inventories.get(id) : undefined;
    if (!i) throw notFound("inventory", id);
    await this.areaOf(actor, i.areaId, action, "inventory", id);
    return i;
  }
}

/** Ids are positive whole numbers (bigint identity columns). */
export const isId = (s: string) => /^[1-9]\d{0,17}$/.test(s);
