import { sql, type Kysely, type Selectable, type Updateable } from "kysely";
import type { QueryScope, ResourceRef } from "../domain/access/policy.ts";
import { isRegionCode, type RegionCode } from "../domain/access/region-code.ts";
import { LIFE_CYCLE_STAGES, type LifeCycleStage } from "../domain/common/life-cycle-stage.ts";
import { checkPolygonGeojson, geojsonInputIssues } from "../domain/landuse/polygon-geojson.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { isRowId, nameIssues } from "./access-input.ts";
import type { Database } from "./schema.ts";
import { scopeWhere, type ScopeColumns } from "./scope-filter.ts";

/** The polygon GeoJSON fields of a mine (WGS 84; each may be null). */
export const MINE_AREAS = ["miningRightBoundary", "productionArea", "livingArea"] as const;
type MineAreaField = (typeof MINE_AREAS)[number];
const AREA_COLUMN = {
  miningRightBoundary: "mining_right_boundary",
  productionArea: "production_area",
  livingArea: "living_area",
} as const satisfies Record<MineAreaField, keyof Database["mines"]>;

/** A mine as stored: owned by an enterprise, located in a region, at a stage of its life cycle. */
export interface Mine {
  readonly id: string;
  readonly organisationId: string;
  readonly regionCode: RegionCode;
  readonly name: string;
  readonly nameZh: string | null;
  readonly stage: LifeCycleStage;
  /** The mining-right boundary (采矿权范围), production and living areas: polygon GeoJSON or null. */
  readonly miningRightBoundary: unknown;
  readonly productionArea: unknown;
  readonly livingArea: unknown;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /**
   * The verification bodies assigned to an area that holds the mine, or sent one of its annual
   * reports for verification (they may read it).
   */
  readonly verifierOrganisationIds: readonly string[];
}

/** What the policy needs to know about a mine. */
export const mineResource = (
  m: Pick<Mine, "organisationId" | "regionCode" | "verifierOrganisationIds">,
): ResourceRef => ({
  kind: "mine",
  organisationId: m.organisationId,
  regionCode: m.regionCode,
  verifierOrganisationIds: m.verifierOrganisationIds,
});

/**
 * How a QueryScope reads the mines table: by owner, by region, and — for a verification body — by
 * the areas holding the mine that the body is assigned to (area_mines ⋈ area_verifiers) or the
 * mine's annual reports sent to it.
 */
export const MINE_SCOPE: ScopeColumns = {
  organisation: "mines.organisation_id",
  region: "mines.region_code",
  assignedVia: (ids) =>
    sql<boolean>`(exists (select 1 from area_mines am join area_verifiers av on av.area_id = am.area_id where am.mine_id = mines.id and av.organisation_id in (${sql.join(ids)})) or exists (select 1 from annual_reports ar where ar.mine_id = mines.id and ar.verifier_organisation_id in (${sql.join(ids)})))`,
};

export interface MineInput {
  readonly organisationId: string;
  readonly regionCode: string;
  readonly name: string;
  readonly nameZh?: string | null;
  readonly stage: string;
  readonly miningRightBoundary?: unknown;
  readonly productionArea?: unknown;
  readonly livingArea?: unknown;
}

type Row = Selectable<Database["mines"]> & { verifier_ids: string[] | null };

const toMine = (r: Row): Mine => ({
  id: String(r.id),
  organisationId: String(r.organisation_id),
  regionCode: r.region_code as RegionCode,
  name: r.name,
  nameZh: r.name_zh,
  stage: r.stage,
  miningRightBoundary: r.mining_right_boundary,
  productionArea: r.production_area,
  livingArea: r.living_area,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  verifierOrganisationIds: (r.verifier_ids ?? []).map(String),
});

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Mines: each owned by an enterprise (not a department or a verification body) and located in an
 * existing region; its boundaries are checked as polygon GeoJSON on the way in.
 */
export class MineRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom("mines")
      .selectAll("mines")
      .select(
        sql<
          string[] | null
        >`(select array_agg(distinct v.id) from (select av.organisation_id::text as id from area_mines am join area_verifiers av on av.area_id = am.area_id where am.mine_id = mines.id union select ar.verifier_organisation_id::text from annual_reports ar where ar.mine_id = mines.id and ar.verifier_organisation_id is not null) v)`.as(
          "verifier_ids",
        ),
      );
  }

  async add(input: MineInput): Promise<Mine> {
    const issues = await this.issues(input, true);
    if (issues.length > 0) throw new InputError(`mine "${input.name}"`, issues);
    const r = await this.db
      .insertInto("mines")
      .values({
        organisation_id: input.organisationId,
        region_code: input.regionCode,
        name: input.name.trim(),
        name_zh: input.nameZh?.trim() ?? null,
        stage: input.stage as LifeCycleStage,
        mining_right_boundary: json(input.miningRightBoundary),
        production_area: json(input.productionArea),
        living_area: json(input.livingArea),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return (await this.get(String(r.id)))!;
  }

  /** Changes the given fields (the same checks as add); undefined when there is no such mine. */
  async update(id: string, change: Partial<MineInput>, at: Date = new Date()): Promise<Mine | undefined> {
    const mine = await this.get(id);
    if (!mine) return undefined;
    const issues = await this.issues(change, false);
    if (issues.length > 0) throw new InputError(`mine ${id}`, issues);
    const set: Updateable<Database["mines"]> = { updated_at: at };
    if (change.organisationId !== undefined) set.organisation_id = change.organisationId;
    if (change.regionCode !== undefined) set.region_code = change.regionCode;
    if (change.name !== undefined) set.name = change.name.trim();
    if (change.nameZh !== undefined) set.name_zh = change.nameZh?.trim() ?? null;
    if (change.stage !== undefined) set.stage = change.stage as LifeCycleStage;
    for (const f of MINE_AREAS) if (change[f] !== undefined) set[AREA_COLUMN[f]] = json(change[f]);
    const r = await this.db
      .updateTable("mines")
      .set(set)
      .where("id", "=", id)
      .returning("id")
      .executeTakeFirst();
    return r ? this.get(id) : undefined;
  }

  /** One mine by id (not scoped: the caller asks the policy about it). */
  async get(id: string): Promise<Mine | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.select().where("mines.id", "=", id).executeTakeFirst();
    return r ? toMine(r) : undefined;
  }

  /** One mine by id if `scope` lets the actor see it (queryScope(actor, "mine.read")). */
  async getScoped(id: string, scope: QueryScope): Promise<Mine | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.select()
      .where("mines.id", "=", id)
      .where(scopeWhere(scope, MINE_SCOPE))
      .executeTakeFirst();
    return r ? toMine(r) : undefined;
  }

  /** The mines `scope` lets the actor see (queryScope(actor, "mine.read")), by id. */
  async list(scope: QueryScope, filter: { organisationId?: string } = {}): Promise<Mine[]> {
    let q = this.select().where(scopeWhere(scope, MINE_SCOPE));
    if (filter.organisationId !== undefined) {
      if (!isRowId(filter.organisationId)) return [];
      q = q.where("mines.organisation_id", "=", filter.organisationId);
    }
    return (await q.orderBy("mines.id").execute()).map(toMine);
  }

  /** Every problem of `input`; `whole`: all required fields must be there (add), else only those given. */
  private async issues(input: Partial<MineInput>, whole: boolean): Promise<InputIssue[]> {
    const issues: InputIssue[] = [];
    if (whole || input.name !== undefined) issues.push(...nameIssues("name", input.name, true));
    issues.push(...nameIssues("nameZh", input.nameZh, false));
    if (whole || input.organisationId !== undefined) {
      const id = input.organisationId ?? "";
      const org = isRowId(id)
        ? await this.db
            .selectFrom("organisations")
            .select(["kind", "disabled_at"])
            .where("id", "=", id)
            .executeTakeFirst()
        : undefined;
      if (!org) issues.push({ path: "organisationId", message: `no organisation ${id}` });
      else if (org.kind !== "enterprise")
        issues.push({
          path: "organisationId",
          message: `a mine is owned by an enterprise; organisation ${id} is a ${org.kind}`,
        });
      else if (org.disabled_at !== null)
        issues.push({ path: "organisationId", message: `organisation ${id} is disabled` });
    }
    if (whole || input.regionCode !== undefined) {
      const code = input.regionCode ?? "";
      if (!isRegionCode(code))
        issues.push({
          path: "regionCode",
          message: `must be a six-digit region code of GB/T 2260; got "${code}"`,
        });
      else if (
        !(await this.db.selectFrom("regions").select("code").where("code", "=", code).executeTakeFirst())
      )
        issues.push({ path: "regionCode", message: `region ${code} does not exist` });
    }
    if (whole || input.stage !== undefined)
      if (!(LIFE_CYCLE_STAGES as readonly string[]).includes(input.stage ?? ""))
        issues.push({
          path: "stage",
          message: `must be one of ${LIFE_CYCLE_STAGES.join(", ")}; got "${input.stage}"`,
        });
    for (const f of MINE_AREAS) {
      const v = input[f];
      if (v === undefined || v === null) continue;
      issues.push(...geojsonInputIssues(checkPolygonGeojson(v).issues, [f]));
    }
    return issues;
  }
}
