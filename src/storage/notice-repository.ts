import { sql, type Kysely, type Selectable } from "kysely";
import {
  noticeEventSchema,
  noticeSchema,
  type NoticeEventType,
  type NoticeJson,
  type NoticeState,
} from "../contract/notice.ts";
import type { QueryScope } from "../domain/access/policy.ts";
import type { Database } from "./schema.ts";
import { MINE_SCOPE } from "./mine-repository.ts";
import { parseStored } from "./parse-stored.ts";
import { scopeWhere } from "./scope-filter.ts";

export interface StoredNotice extends NoticeJson {
  readonly mine: { readonly organisationId: string; readonly regionCode: string; readonly name: string };
}

type Row = Selectable<Database["notices"]> & {
  organisation_id: string;
  region_code: string;
  mine_name: string;
  deadline_day: string;
};

const toNotice = (r: Row): StoredNotice => ({
  ...parseStored(
    noticeSchema,
    {
      id: String(r.id),
      mineId: String(r.mine_id),
      flagId: r.flag_id === null ? null : String(r.flag_id),
      issuedByOrganisationId: String(r.issued_by_organisation_id),
      text: r.text,
      deadline: r.deadline_day,
      state: r.state,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    },
    { table: "notices", id: String(r.id), column: "*" },
  ),
  mine: { organisationId: String(r.organisation_id), regionCode: r.region_code, name: r.mine_name },
});

/** Rectification notices and their append-only events, read with their mine (`mine.read`). */
export class NoticeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return (
      this.db
        .selectFrom("notices")
        .innerJoin("mines", "mines.id", "notices.mine_id")
        .selectAll("notices")
        .select(["mines.organisation_id", "mines.region_code", "mines.name as mine_name"])
        // The day as written (a date column read as a Date would shift with the server's time zone).
        .select(sql<string>`notices.deadline::text`.as("deadline_day"))
    );
  }

  async list(scope: QueryScope, o: { mineId?: string; state?: NoticeState } = {}): Promise<StoredNotice[]> {
    let q = this.select().where(scopeWhere(scope, MINE_SCOPE));
    if (o.mineId !== undefined) q = q.where("notices.mine_id", "=", o.mineId);
    if (o.state !== undefined) q = q.where("notices.state", "=", o.state);
    return (await q.orderBy("notices.id", "desc").limit(5000).execute()).map((r) => toNotice(r as Row));
  }

  async get(id: string, scope: QueryScope = { kind: "everything" }): Promise<StoredNotice | undefined> {
    const r = await this.select()
      .where("notices.id", "=", id)
      .where(scopeWhere(scope, MINE_SCOPE))
      .executeTakeFirst();
    return r && toNotice(r as Row);
  }

  async events(id: string) {
    const rows = await this.db
      .selectFrom("notice_events")
      .selectAll()
      .where("notice_id", "=", id)
      .orderBy("seq")
      .execute();
    return rows.map((e) =>
      parseStored(
        noticeEventSchema,
        {
          seq: e.seq,
          type: e.type,
          byUserId: String(e.by_user_id),
          byOrganisationId: String(e.by_organisation_id),
          at: new Date(e.at).toISOString(),
          text: e.text,
          evidence: typeof e.evidence === "string" ? JSON.parse(e.evidence) : e.evidence,
        },
        { table: "notice_events", id: `${id}/${e.seq}`, column: "*" },
      ),
    );
  }

  /** Issues a notice with its first event; returns its id. */
  async issue(n: {
    mineId: string;
    flagId: string | null;
    organisationId: string;
    userId: string;
    text: string;
    deadline: string;
  }): Promise<string> {
    const r = await this.db
      .insertInto("notices")
      .values({
        mine_id: n.mineId,
        flag_id: n.flagId,
        issued_by_organisation_id: n.organisationId,
        text: n.text,
        deadline: n.deadline,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const id = String(r.id);
    await this.append(id, {
      type: "issue",
      userId: n.userId,
      organisationId: n.organisationId,
      text: n.text,
      evidence: [],
    });
    return id;
  }

  /** Appends a step's event and moves the notice to `state` (the route checked the step is allowed now). */
  async step(
    id: string,
    state: NoticeState,
    e: {
      type: NoticeEventType;
      userId: string;
      organisationId: string;
      text: string;
      evidence: readonly unknown[];
    },
  ): Promise<void> {
    await this.db
      .updateTable("notices")
      .set({ state, updated_at: sql`now()` })
      .where("id", "=", id)
      .execute();
    await this.append(id, e);
  }

  private async append(
    id: string,
    e: {
      type: NoticeEventType;
      userId: string;
      organisationId: string;
      text: string;
      evidence: readonly unknown[];
    },
  ): Promise<void> {
    await this.db
      .insertInto("notice_events")
      .values({
        notice_id: id,
        seq: sql<number>`(select coalesce(max(seq), 0) + 1 from notice_events where notice_id = ${id})`,
        type: e.type,
        by_user_id: e.userId,
        by_organisation_id: e.organisationId,
        text: e.text,
        evidence: JSON.stringify(e.evidence),
      })
      .execute();
  }

  /** Notices not closed whose deadline falls from `from` to `to` (days, inclusive), of the given mines. */
  async dueBetween(mineIds: readonly string[], from: string, to: string): Promise<StoredNotice[]> {
    if (mineIds.length === 0) return [];
    return (
      await this.select()
        .where("notices.mine_id", "in", [...mineIds])
        .where("notices.state", "in", ["open", "escalated"])
        .where(sql<boolean>`notices.deadline between ${from}::date and ${to}::date`)
        .execute()
    ).map((r) => toNotice(r as Row));
  }
}
