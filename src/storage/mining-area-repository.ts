import { sql, type Kysely, type Selectable } from "kysely";
import { storedLegendSchema, type StoredLegend } from "../contract/area.ts";
import type { QueryScope, ResourceRef } from "../domain/access/policy.ts";
import type { RegionCode } from "../domain/access/region-code.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";
import { scopeWhere, type ScopeColumns } from "./scope-filter.ts";

/** A mining area as stored: the unit an account is kept for (seed 002: the mining-field boundary). */
export interface MiningArea {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly crs: string | null;
  /** The legend (code → class) its maps use. */
  readonly legend: StoredLegend;
  /** The boundary as GeoJSON, or null. */
  readonly boundary: unknown;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The organisation that owns it: an enterprise for its own mine, a department for a region's area. */
  readonly organisationId: string;
  /** Where it lies (GB/T 2260); a department sees the areas within its region. */
  readonly regionCode: RegionCode;
  /** Shown on the public portal. */
  readonly published: boolean;
  /** The verification bodies assigned to it. */
  readonly verifierOrganisationIds: readonly string[];
  /** The mines it holds. */
  readonly mineIds: readonly string[];
}

/** Who owns a new area and where it lies. */
export interface AreaOwner {
  readonly organisationId: string;
  readonly regionCode: RegionCode;
}

/** What the policy needs to know about an area. */
export const areaResource = (a: MiningArea): ResourceRef => ({
  kind: "area",
  organisationId: a.organisationId,
  regionCode: a.regionCode,
  published: a.published,
  verifierOrganisationIds: a.verifierOrganisationIds,
});

/** How a QueryScope reads the areas table. */
export const AREA_SCOPE: ScopeColumns = {
  organisation: "mining_areas.organisation_id",
  region: "mining_areas.region_code",
  published: "mining_areas.published",
  assignedVia: (ids) =>
    sql<boolean>`exists (select 1 from area_verifiers v where v.area_id = mining_areas.id and v.organisation_id in (${sql.join(ids)}))`,
};

export interface MiningAreaInput {
  readonly name: string;
  readonly nameZh?: string | null;
  readonly crs?: string | null;
  readonly legend: StoredLegend;
  readonly boundary?: unknown;
}

type Row = Selectable<Database["mining_areas"]> & {
  verifier_ids: string[] | null;
  mine_ids: string[] | null;
};

const toArea = (r: Row): MiningArea => ({
  id: String(r.id),
  name: r.name,
  nameZh: r.name_zh,
  crs: r.crs,
  legend: parseStored(storedLegendSchema, r.legend, {
    table: "mining_areas",
    id: String(r.id),
    column: "legend",
  }),
  boundary: r.boundary,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  organisationId: String(r.organisation_id),
  regionCode: r.region_code as RegionCode,
  published: r.published,
  verifierOrganisationIds: (r.verifier_ids ?? []).map(String),
  mineIds: (r.mine_ids ?? []).map(String),
});

/**
 * Mining areas: create, read, list, update, delete (maps, analyses and inventories go with them).
 * Every read and write takes the QueryScope of the actor's action: an area outside it is not found.
 * Background work that acts for the system (jobs, the demo loader) passes SYSTEM_SCOPE, by name.
 */
export class MiningAreaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom("mining_areas")
      .selectAll("mining_areas")
      .select([
        sql<
          string[] | null
        >`(select array_agg(v.organisation_id::text order by v.organisation_id) from area_verifiers v where v.area_id = mining_areas.id)`.as(
          "verifier_ids",
        ),
        sql<
          string[] | null
        >`(select array_agg(m.mine_id::text order by m.mine_id) from area_mines m where m.area_id = mining_areas.id)`.as(
          "mine_ids",
        ),
      ]);
  }

  async create(a: MiningAreaInput, owner: AreaOwner): Promise<MiningArea> {
    const r = await this.db
      .insertInto("mining_areas")
      .values({
        name: a.name,
        name_zh: a.nameZh ?? null,
        crs: a.crs ?? null,
        legend: JSON.stringify(a.legend),
        boundary: a.boundary === undefined || a.boundary === null ? null : JSON.stringify(a.boundary),
        organisation_id: owner.organisationId,
        region_code: owner.regionCode,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return (await this.get(String(r.id), { kind: "everything" }))!;
  }

  async get(id: string, scope: QueryScope): Promise<MiningArea | undefined> {
    const r = await this.select()
      .where("mining_areas.id", "=", id)
      .where(scopeWhere(scope, AREA_SCOPE))
      .executeTakeFirst();
    return r ? toArea(r) : undefined;
  }

  async list(scope: QueryScope): Promise<MiningArea[]> {
    return (
      await this.select().where(scopeWhere(scope, AREA_SCOPE)).orderBy("mining_areas.id").execute()
    ).map(toArea);
  }

  async update(id: string, a: Partial<MiningAreaInput>, scope: QueryScope): Promise<MiningArea | undefined> {
    const r = await this.db
      .updateTable("mining_areas")
      .set({
        ...(a.name !== undefined ? { name: a.name } : {}),
        ...(a.nameZh !== undefined ? { name_zh: a.nameZh } : {}),
        ...(a.crs !== undefined ? { crs: a.crs } : {}),
        ...(a.legend !== undefined ? { legend: JSON.stringify(a.legend) } : {}),
        ...(a.boundary !== undefined
          ? { boundary: a.boundary === null ? null : JSON.stringify(a.boundary) }
          : {}),
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .where(scopeWhere(scope, AREA_SCOPE))
      .returning("id")
      .executeTakeFirst();
    return r ? this.get(id, { kind: "everything" }) : undefined;
  }

  /** Shows the area on the public portal or takes it off. */
  async setPublished(id: string, published: boolean, scope: QueryScope): Promise<boolean> {
    const r = await this.db
      .updateTable("mining_areas")
      .set({ published, updated_at: new Date() })
      .where("id", "=", id)
      .where(scopeWhere(scope, AREA_SCOPE))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * Hands the area to another owner (the administrator's step after the migration). What the former
   * owner chose goes with it: its verification bodies are unassigned and the area is taken off the
   * public portal, until the new owner decides again.
   */
  async transfer(id: string, owner: AreaOwner): Promise<boolean> {
    const r = await this.db
      .updateTable("mining_areas")
      .set({
        organisation_id: owner.organisationId,
        region_code: owner.regionCode,
        published: false,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .executeTakeFirst();
    await this.db.deleteFrom("area_verifiers").where("area_id", "=", id).execute();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Assigns a verification body to the area. */
  async assignVerifier(id: string, organisationId: string): Promise<void> {
    await this.db
      .insertInto("area_verifiers")
      .values({ area_id: id, organisation_id: organisationId })
      .onConflict((c) => c.doNothing())
      .execute();
  }

  /** Unassigns a verification body from the area; nothing happens when it was not assigned. */
  async unassignVerifier(id: string, organisationId: string): Promise<void> {
    await this.db
      .deleteFrom("area_verifiers")
      .where("area_id", "=", id)
      .where("organisation_id", "=", organisationId)
      .execute();
  }

  /** Records that the area holds the mine. */
  async addMine(id: string, mineId: string): Promise<void> {
    await this.db
      .insertInto("area_mines")
      .values({ area_id: id, mine_id: mineId })
      .onConflict((c) => c.doNothing())
      .execute();
  }

  /** Deletes an area and everything stored for it; false when there was none in scope. */
  async delete(id: string, scope: QueryScope): Promise<boolean> {
    const r = await this.db
      .deleteFrom("mining_areas")
      .where("id", "=", id)
      .where(scopeWhere(scope, AREA_SCOPE))
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
