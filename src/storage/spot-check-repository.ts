import { sql, type Kysely, type Selectable } from "kysely";
import { spotCheckSchema, type SpotCheckJson } from "../contract/spot-check.ts";
import type { QueryScope } from "../domain/access/policy.ts";
import type { Database } from "./schema.ts";
import { parseStored } from "./parse-stored.ts";
import { scopeWhere } from "./scope-filter.ts";

const parseJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** Spot checks of a department, read by whoever reads its region's mines; their results per mine. */
export class SpotCheckRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async withResults(
    rows: Selectable<Database["spot_checks"]>[],
    method: string,
  ): Promise<SpotCheckJson[]> {
    if (rows.length === 0) return [];
    const results = await this.db
      .selectFrom("spot_check_results")
      .selectAll()
      .where(
        "spot_check_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("mine_id")
      .execute();
    return rows.map((r) =>
      parseStored(
        spotCheckSchema,
        {
          id: String(r.id),
          organisationId: String(r.organisation_id),
          regionCode: r.region_code,
          year: r.year,
          seed: r.seed,
          population: parseJson(r.population),
          drawn: parseJson(r.drawn),
          method,
          createdBy: String(r.created_by),
          createdAt: new Date(r.created_at).toISOString(),
          results: results
            .filter((x) => String(x.spot_check_id) === String(r.id))
            .map((x) => ({
              mineId: String(x.mine_id),
              outcome: x.outcome,
              finding: x.finding,
              recordedBy: String(x.recorded_by),
              recordedAt: new Date(x.recorded_at).toISOString(),
            })),
        },
        { table: "spot_checks", id: String(r.id), column: "*" },
      ),
    );
  }

  async add(c: {
    organisationId: string;
    regionCode: string;
    year: number;
    seed: string;
    population: readonly string[];
    drawn: readonly string[];
    createdBy: string;
  }): Promise<string> {
    const r = await this.db
      .insertInto("spot_checks")
      .values({
        organisation_id: c.organisationId,
        region_code: c.regionCode,
        year: c.year,
        seed: c.seed,
        population: JSON.stringify(c.population),
        drawn: JSON.stringify(c.drawn),
        created_by: c.createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return String(r.id);
  }

  /** The checks whose region the scope reaches (a regulator's jurisdiction), newest first. */
  async list(scope: QueryScope, method: string): Promise<SpotCheckJson[]> {
    const rows = await this.db
      .selectFrom("spot_checks")
      .selectAll()
      .where(
        scopeWhere(scope, { organisation: "spot_checks.organisation_id", region: "spot_checks.region_code" }),
      )
      .orderBy("id", "desc")
      .limit(1000)
      .execute();
    return this.withResults(rows, method);
  }

  async get(id: string, method: string): Promise<SpotCheckJson | undefined> {
    const rows = await this.db.selectFrom("spot_checks").selectAll().where("id", "=", id).execute();
    return (await this.withResults(rows, method))[0];
  }

  async record(r: {
    spotCheckId: string;
    mineId: string;
    outcome: string;
    finding: string;
    recordedBy: string;
  }) {
    await this.db
      .insertInto("spot_check_results")
      .values({
        spot_check_id: r.spotCheckId,
        mine_id: r.mineId,
        outcome: r.outcome as "conforms",
        finding: r.finding,
        recorded_by: r.recordedBy,
      })
      .onConflict((oc) =>
        oc.columns(["spot_check_id", "mine_id"]).doUpdateSet({
          outcome: (eb) => eb.ref("excluded.outcome"),
          finding: (eb) => eb.ref("excluded.finding"),
          recorded_by: (eb) => eb.ref("excluded.recorded_by"),
          recorded_at: sql`now()`,
        }),
      )
      .execute();
  }
}
