import { sql, type Kysely, type Selectable } from "kysely";
import { flagSchema, type FlagJson, type FlagStatus } from "../contract/supervision.ts";
import type { QueryScope } from "../domain/access/policy.ts";
import type { SupervisionFlag } from "../domain/manage/supervision.ts";
import type { Database } from "./schema.ts";
import { MINE_SCOPE } from "./mine-repository.ts";
import { parseStored } from "./parse-stored.ts";
import { scopeWhere } from "./scope-filter.ts";

/** A stored flag with what the policy needs of its mine. */
export interface StoredFlag extends FlagJson {
  readonly mine: { readonly organisationId: string; readonly regionCode: string };
}

/**
 * What a flag is about, once: its kind, year and subject (and, for implausible data, the field the
 * warning is at). A plot's finding is about the two maps it was seen between, not the year
 * supervised: the same change between the same maps is one flag whichever year is run.
 * Running the rules again finds the same key and raises nothing new.
 */
export const flagKey = (f: SupervisionFlag): string =>
  [
    f.kind,
    f.subject.kind === "plot" && f.numbers.fromYear !== undefined
      ? `maps ${f.numbers.fromYear}-${f.numbers.toYear}`
      : f.year,
    f.subject.kind,
    f.subject.id,
    ...(f.kind === "implausible-data" ? [f.evidence.split(":")[0]] : []),
  ].join("/");

type Row = Selectable<Database["flags"]> & { organisation_id: string; region_code: string };

const toFlag = (r: Row): StoredFlag => ({
  ...parseStored(
    flagSchema,
    {
      id: String(r.id),
      mineId: String(r.mine_id),
      kind: r.kind,
      year: r.year,
      subject: { kind: r.subject_kind, id: r.subject_id },
      evidence: r.evidence,
      numbers: typeof r.numbers === "string" ? JSON.parse(r.numbers) : r.numbers,
      status: r.status,
      statusReason: r.status_reason,
      raisedAt: new Date(r.raised_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    },
    { table: "flags", id: String(r.id), column: "*" },
  ),
  mine: { organisationId: String(r.organisation_id), regionCode: r.region_code },
});

/** Supervision flags of mines, read as the mines are (`mine.read`), written in the management scope. */
export class FlagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom("flags")
      .innerJoin("mines", "mines.id", "flags.mine_id")
      .selectAll("flags")
      .select(["mines.organisation_id", "mines.region_code"]);
  }

  /**
   * Raises the flags: one row per mine and key. A flag raised before keeps its status (a dismissed
   * one stays dismissed) and gets the new evidence; a resolved one the rules raise again is open
   * once more. Returns the ids of the new and of the reopened flags.
   */
  async raise(
    raised: readonly SupervisionFlag[],
  ): Promise<{ created: string[]; reopened: string[]; ids: string[] }> {
    // One row per mine and key: the same finding twice in one run is one flag.
    const flags = [...new Map(raised.map((f) => [`${f.mineId} ${flagKey(f)}`, f])).values()];
    if (flags.length === 0) return { created: [], reopened: [], ids: [] };
    const created: string[] = [];
    const reopened: string[] = [];
    const ids: string[] = [];
    // In chunks: one statement per few hundred flags, not one per flag.
    for (let i = 0; i < flags.length; i += 500) {
      const chunk = flags.slice(i, i + 500);
      const mineIds = [...new Set(chunk.map((f) => f.mineId))];
      // What was there before: which keys are new, and which were resolved (and now open again).
      const before = new Map(
        (
          await this.db
            .selectFrom("flags")
            .select(["mine_id", "key", "status"])
            .where("mine_id", "in", mineIds)
            .execute()
        ).map((r) => [`${r.mine_id} ${r.key}`, r.status]),
      );
      const rows = await this.db
        .insertInto("flags")
        .values(
          chunk.map((f) => ({
            mine_id: f.mineId,
            kind: f.kind,
            year: f.year,
            key: flagKey(f),
            subject_kind: f.subject.kind,
            subject_id: f.subject.id,
            evidence: f.evidence,
            numbers: JSON.stringify(f.numbers),
          })),
        )
        .onConflict((oc) =>
          oc.columns(["mine_id", "key"]).doUpdateSet({
            evidence: (eb) => eb.ref("excluded.evidence"),
            numbers: (eb) => eb.ref("excluded.numbers"),
            status: sql`case when flags.status = 'resolved' then 'open' else flags.status end`,
            status_reason: sql`case when flags.status = 'resolved' then 'raised again by supervision' else flags.status_reason end`,
            updated_at: sql`now()`,
          }),
        )
        .returning(["id", "mine_id", "key"])
        .execute();
      for (const r of rows) {
        const was = before.get(`${r.mine_id} ${r.key}`);
        ids.push(String(r.id));
        if (was === undefined) created.push(String(r.id));
        else if (was === "resolved") reopened.push(String(r.id));
      }
    }
    return { created, reopened, ids };
  }

  async list(
    scope: QueryScope,
    o: {
      mineId?: string;
      status?: FlagStatus;
      kind?: string;
      year?: number;
      mineIds?: readonly string[];
    } = {},
  ): Promise<StoredFlag[]> {
    let q = this.select().where(scopeWhere(scope, MINE_SCOPE));
    if (o.mineId !== undefined) q = q.where("flags.mine_id", "=", o.mineId);
    if (o.mineIds !== undefined) {
      if (o.mineIds.length === 0) return [];
      q = q.where("flags.mine_id", "in", o.mineIds);
    }
    if (o.status !== undefined) q = q.where("flags.status", "=", o.status);
    if (o.kind !== undefined) q = q.where("flags.kind", "=", o.kind);
    if (o.year !== undefined) q = q.where("flags.year", "=", o.year);
    return (await q.orderBy("flags.id", "desc").limit(5000).execute()).map((r) => toFlag(r as Row));
  }

  async get(id: string, scope: QueryScope = { kind: "everything" }): Promise<StoredFlag | undefined> {
    const r = await this.select()
      .where("flags.id", "=", id)
      .where(scopeWhere(scope, MINE_SCOPE))
      .executeTakeFirst();
    return r && toFlag(r as Row);
  }

  async setStatus(id: string, status: FlagStatus, reason: string | null): Promise<void> {
    await this.db
      .updateTable("flags")
      .set({ status, status_reason: reason, updated_at: sql`now()` })
      .where("id", "=", id)
      .execute();
  }
}
