import type { AnalysisJobs } from "../app/analysis-jobs.ts";
import { asSystem } from "../storage/row-scope.ts";
import type { DataFolder } from "../app/data-folder.ts";
import type { ActionId } from "../domain/access/actions.ts";
import type { Actor } from "../domain/access/actor.ts";
import type { Identity } from "../app/auth/identity.ts";
import { AnalysisRepository, type Analysis } from "../storage/analysis-repository.ts";
import { InventoryRepository } from "../storage/inventory-repository.ts";
import { LanduseMapRepository } from "../storage/landuse-map-repository.ts";
import { MineRepository } from "../storage/mine-repository.ts";
import { areaResource, MiningAreaRepository, type MiningArea } from "../storage/mining-area-repository.ts";
import { OrganisationRepository } from "../storage/organisation-repository.ts";
import { RegionRepository } from "../storage/region-repository.ts";
import { UserRepository } from "../storage/user-repository.ts";
import { isRowId } from "../storage/access-input.ts";
import { ApiTokenRepository } from "../storage/api-token-repository.ts";
import { SessionRepository } from "../storage/session-repository.ts";
import { FeedbackRepository } from "../storage/feedback-repository.ts";
import type { Store } from "../storage/open-database.ts";
import { ReportRepository } from "../storage/report-repository.ts";
import { InboxRepository } from "../storage/inbox-repository.ts";
import { MinePathwayRepository } from "../storage/mine-pathway-repository.ts";
import { ControlRuleRepository } from "../storage/control-rule-repository.ts";
import { PlotRepository } from "../storage/plot-repository.ts";
import { TargetRepository } from "../storage/target-repository.ts";
import { ReclamationPlanRepository } from "../storage/reclamation-plan-repository.ts";
import { FlagRepository } from "../storage/flag-repository.ts";
import { NoticeRepository } from "../storage/notice-repository.ts";
import { SpotCheckRepository } from "../storage/spot-check-repository.ts";
import { AnnualReportRepository } from "../storage/annual-report-repository.ts";
import { ManagementOverviewQueries } from "../storage/management-overview.ts";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../storage/schema.ts";
import { auditedChange, type Change } from "./access/audit.ts";
export type { Change } from "./access/audit.ts";
import { findFor } from "./access/find-for.ts";

/**
 * Largest map an upload may declare by default: 4 × 10⁹ pixels (about 63,000 × 63,000; at 30 m a
 * square of 1,900 km, far more than any mining area, whose maps run to 10⁶–10⁸ pixels). Bigger
 * headers are refused before a block is read. The arrival check reads every pixel once in a worker
 * thread, at about 2 × 10⁸ pixels a second on one core (a real 6,546 × 6,372 LZW map in 0.2 s), so
 * this bounds one upload's check to about 20 s. A national mosaic (CLCD, ~1.6 × 10¹⁰ pixels) is
 * for the CLI, which sets no limit; clip it to the area before uploading it.
 */
export const DEFAULT_MAX_MAP_PIXELS = 4_000_000_000;

/** The repositories on one database handle: the store's, or a request's change's transaction. */
export interface Repositories {
  readonly db: Kysely<Database>;
  readonly areas: MiningAreaRepository;
  readonly maps: LanduseMapRepository;
  readonly analyses: AnalysisRepository;
  readonly inventories: InventoryRepository;
  readonly reports: ReportRepository;
  readonly regions: RegionRepository;
  readonly organisations: OrganisationRepository;
  readonly users: UserRepository;
  readonly mines: MineRepository;
  readonly tokens: ApiTokenRepository;
  readonly sessions: SessionRepository;
  readonly feedback: FeedbackRepository;
  // The management system (issue 13): one line per repository.
  readonly controlRules: ControlRuleRepository;
  readonly plots: PlotRepository;
  readonly targets: TargetRepository;
  readonly reclamationPlans: ReclamationPlanRepository;
  readonly flags: FlagRepository;
  readonly notices: NoticeRepository;
  readonly spotChecks: SpotCheckRepository;
  readonly annualReports: AnnualReportRepository;
  readonly inbox: InboxRepository;
  readonly overview: ManagementOverviewQueries;
  readonly minePathways: MinePathwayRepository;
}

export const repositoriesOn = (db: Kysely<Database>): Repositories => ({
  db,
  areas: new MiningAreaRepository(db),
  maps: new LanduseMapRepository(db),
  analyses: new AnalysisRepository(db),
  inventories: new InventoryRepository(db),
  reports: new ReportRepository(db),
  regions: new RegionRepository(db),
  organisations: new OrganisationRepository(db),
  users: new UserRepository(db),
  mines: new MineRepository(db),
  tokens: new ApiTokenRepository(db),
  sessions: new SessionRepository(db),
  feedback: new FeedbackRepository(db),
  // The management system (issue 13): one line per repository.
  controlRules: new ControlRuleRepository(db),
  plots: new PlotRepository(db),
  targets: new TargetRepository(db),
  reclamationPlans: new ReclamationPlanRepository(db),
  flags: new FlagRepository(db),
  notices: new NoticeRepository(db),
  spotChecks: new SpotCheckRepository(db),
  annualReports: new AnnualReportRepository(db),
  inbox: new InboxRepository(db),
  overview: new ManagementOverviewQueries(db),
  minePathways: new MinePathwayRepository(db),
});

// The class below holds the repositories of Repositories (assigned in its constructor): declared
// once, in that interface, and merged into the class's type here.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface AppContext extends Repositories {}

/** What every route reaches: the store's repositories, the data folder and the job runner. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AppContext {
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
    Object.assign(this, repositoriesOn(store.db));
  }

  /**
   * The area of an id from the URL for `action` by `actor`: a 404 naming it when the actor may not
   * read it (whether it exists is not told), 403 when it may read it but not do `action`.
   */
  async area(actor: Actor, id: string, action: ActionId): Promise<MiningArea> {
    return findFor(actor, action, {
      read: "area.read",
      what: "mining area",
      id,
      load: async (scope) => (isId(id) ? this.areas.get(id, scope) : undefined),
      resource: areaResource,
    });
  }

  /**
   * A record hanging off an area (an analysis, an inventory) for `action` on its area: a 404 naming
   * the record when the actor may not read the area (the area's id is not told), 403 when it may
   * read it but not do `action`.
   */
  private async ofArea<T extends { readonly areaId: string }>(
    actor: Actor,
    action: ActionId,
    what: string,
    id: string,
    load: () => Promise<T | undefined>,
  ): Promise<T> {
    const found = await findFor(actor, action, {
      read: "area.read",
      what,
      id,
      load: async (scope) => {
        const record = isId(id) ? await load() : undefined;
        const area = record && (await this.areas.get(record.areaId, scope));
        return record && area ? { record, area } : undefined;
      },
      resource: ({ area }) => areaResource(area),
    });
    return found.record;
  }

  /** An analysis (job) of an area the actor may do `action` on, or a 404 naming it. */
  async analysis(actor: Actor, id: string, action: ActionId) {
    return this.ofArea(actor, action, "analysis", id, () => this.analyses.get(id));
  }

  /**
   * Runs a request's change in one transaction, with repositories on it, and appends the request's
   * audit event there last: the change and its event commit together or not at all. Slow work
   * (reading a map, hashing a password, writing a report) is done before, outside the transaction.
   */
  async change<T>(req: FastifyRequest, run: (tx: Repositories) => Promise<Change<T>>): Promise<T> {
    return auditedChange(this.store.db, req, async (trx) => run(repositoriesOn(trx)));
  }

  /**
   * The same for a change the policy has allowed whose rows lie outside the actor's own write scope
   * of row-level security (row-scope.ts): the administrator handing an area to another owner, a
   * user changing their own password. The transaction runs as the system; the audit event still
   * names the request's actor. Each use says why.
   */
  async changeAsSystem<T>(req: FastifyRequest, run: (tx: Repositories) => Promise<Change<T>>): Promise<T> {
    return asSystem(() => this.change(req, run));
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
    const a = await this.ofArea(
      actor,
      action,
      "analysis",
      id,
      async () => this.results.get(id) ?? (await this.analyses.get(id, { withResult: true })),
    );
    if (a.status === "done" && !this.results.has(id)) {
      this.results.set(id, a);
      if (this.results.size > 16) this.results.delete(this.results.keys().next().value!);
    }
    return a;
  }

  /** An inventory of an area the actor may do `action` on, or a 404 naming it. */
  async inventory(actor: Actor, id: string, action: ActionId) {
    return this.ofArea(actor, action, "inventory", id, () => this.inventories.get(id));
  }
}

/** Ids are positive whole numbers (bigint identity columns): a stored row's id, as the storage checks it. */
export const isId = isRowId;
