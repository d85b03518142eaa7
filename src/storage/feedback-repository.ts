import { sql, type Kysely, type Selectable } from "kysely";
import type { QueryScope } from "../domain/access/policy.ts";
import type { Database } from "./schema.ts";
import { scopeWhere } from "./scope-filter.ts";

export type FeedbackCategory = "land-use" | "reclamation" | "emissions" | "pollution" | "report" | "other";
export type FeedbackStatus = "received" | "in-progress" | "handled";
export interface FeedbackPoint {
  readonly lon: number;
  readonly lat: number;
}

/** A message sent through the public portal, with its moderation. */
export interface Feedback {
  readonly id: string;
  readonly areaId: string | null;
  readonly mineId: string | null;
  readonly category: FeedbackCategory;
  readonly point: FeedbackPoint | null;
  readonly status: FeedbackStatus;
  readonly reply: string | null;
  readonly repliedAt: Date | null;
  readonly public: boolean;
  /** The area's owner and region when it was sent; null for a message about the portal as a whole. */
  readonly organisationId: string | null;
  readonly regionCode: string | null;
  readonly name: string | null;
  readonly contact: string | null;
  readonly message: string;
  readonly address: string | null;
  readonly createdAt: Date;
}

export interface FeedbackInput {
  readonly areaId: string | null;
  readonly mineId?: string | null;
  readonly category?: FeedbackCategory;
  readonly point?: FeedbackPoint | null;
  readonly organisationId: string | null;
  readonly regionCode: string | null;
  readonly name: string | null;
  readonly contact: string | null;
  readonly message: string;
  readonly address: string | null;
}

/** Most messages one page of `list` returns. */
export const FEEDBACK_PAGE_MAX = 500;

type FeedbackRow = Pick<
  Selectable<Database["feedback"]>,
  | "id"
  | "area_id"
  | "organisation_id"
  | "region_code"
  | "name"
  | "contact"
  | "message"
  | "address"
  | "created_at"
  | "mine_id"
  | "category"
  | "point"
  | "status"
  | "reply"
  | "replied_at"
  | "public"
>;

const parsePoint = (v: unknown): FeedbackPoint | null => {
  const p = typeof v === "string" ? (JSON.parse(v) as unknown) : v;
  return p && typeof p === "object" && "lon" in p && "lat" in p ? (p as FeedbackPoint) : null;
};

const toFeedback = (r: FeedbackRow): Feedback => ({
  id: String(r.id),
  areaId: r.area_id === null ? null : String(r.area_id),
  mineId: r.mine_id === null ? null : String(r.mine_id),
  category: r.category,
  point: parsePoint(r.point),
  status: r.status,
  reply: r.reply,
  repliedAt: r.replied_at === null ? null : new Date(r.replied_at),
  public: r.public,
  organisationId: r.organisation_id === null ? null : String(r.organisation_id),
  regionCode: r.region_code,
  name: r.name,
  contact: r.contact,
  message: r.message,
  address: r.address,
  createdAt: new Date(r.created_at),
});

/**
 * Feedback from the public: stored as sent (the route checks it), read as the policy scopes
 * `feedback.read` — a regulator the messages about areas in its jurisdiction, an owner's (none
 * today) its own, administrators all; a message about no area only administrators.
 */
export class FeedbackRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(input: FeedbackInput): Promise<Feedback> {
    // The id and time are taken first and the row inserted without RETURNING: on PostgreSQL the
    // sender may append a message but not read messages (migration 007), and RETURNING would read it.
    const { id, now } = (
      await sql<{
        id: string;
        now: Date;
      }>`SELECT nextval(pg_get_serial_sequence('feedback', 'id'))::text AS id, now() AS now`.execute(this.db)
    ).rows[0]!;
    const row = {
      id,
      area_id: input.areaId,
      mine_id: input.mineId ?? null,
      category: input.category ?? ("other" as const),
      point: input.point ? JSON.stringify(input.point) : null,
      status: "received" as const,
      reply: null,
      replied_at: null,
      public: false,
      organisation_id: input.organisationId,
      region_code: input.regionCode,
      name: input.name,
      contact: input.contact,
      message: input.message,
      address: input.address,
      created_at: now,
    };
    await this.db.insertInto("feedback").values(row).execute();
    return toFeedback({ ...row, point: input.point ?? null });
  }

  /** The messages `scope` lets the actor read, newest first; `before`: ids below it (the next page). */
  async list(
    scope: QueryScope,
    o: {
      areaId?: string;
      mineId?: string;
      status?: FeedbackStatus;
      category?: FeedbackCategory;
      before?: string;
      limit?: number;
    } = {},
  ): Promise<{ items: Feedback[]; next: string | null }> {
    const limit = o.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > FEEDBACK_PAGE_MAX)
      throw new RangeError(`limit must be a whole number 1 to ${FEEDBACK_PAGE_MAX}; got ${limit}`);
    let q = this.db
      .selectFrom("feedback")
      .selectAll()
      .where(scopeWhere(scope, { organisation: "feedback.organisation_id", region: "feedback.region_code" }));
    if (o.areaId !== undefined) q = q.where("area_id", "=", o.areaId);
    if (o.mineId !== undefined) q = q.where("mine_id", "=", o.mineId);
    if (o.status !== undefined) q = q.where("status", "=", o.status);
    if (o.category !== undefined) q = q.where("category", "=", o.category);
    if (o.before !== undefined) q = q.where("id", "<", o.before);
    const rows = await q
      .orderBy("id", "desc")
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map(toFeedback);
    return { items, next: rows.length > limit ? items.at(-1)!.id : null };
  }

  /** One message in the scope (the regulator's jurisdiction), or undefined. */
  async get(id: string, scope: QueryScope): Promise<Feedback | undefined> {
    const r = await this.db
      .selectFrom("feedback")
      .selectAll()
      .where("id", "=", id)
      .where(scopeWhere(scope, { organisation: "feedback.organisation_id", region: "feedback.region_code" }))
      .executeTakeFirst();
    return r && toFeedback(r);
  }

  /** The regulator's reply: the text, the status and whether the message and reply are public. */
  async reply(
    id: string,
    r: { reply: string; status: FeedbackStatus; public: boolean; by: string },
  ): Promise<void> {
    await this.db
      .updateTable("feedback")
      .set({ reply: r.reply, status: r.status, public: r.public, replied_at: new Date(), replied_by: r.by })
      .where("id", "=", id)
      .execute();
  }

  /** The messages a regulator made public (about an area or a mine when given), newest first. */
  async listPublic(o: { areaId?: string; mineId?: string; limit?: number } = {}): Promise<Feedback[]> {
    let q = this.db.selectFrom("feedback").selectAll().where("public", "=", true);
    if (o.areaId !== undefined) q = q.where("area_id", "=", o.areaId);
    if (o.mineId !== undefined) q = q.where("mine_id", "=", o.mineId);
    return (
      await q
        .orderBy("id", "desc")
        .limit(o.limit ?? 200)
        .execute()
    ).map(toFeedback);
  }

  /**
   * A mine the public may send feedback about — one with a published report or in a published area
   * — with its owner and region (the message is filed under them), or undefined.
   */
  async publicMine(
    mineId: string,
  ): Promise<{ id: string; name: string; organisationId: string; regionCode: string } | undefined> {
    const r = await this.db
      .selectFrom("mines")
      .select(["id", "name", "organisation_id", "region_code"])
      .where("id", "=", mineId)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("annual_reports")
              .select("annual_reports.id")
              .whereRef("annual_reports.mine_id", "=", "mines.id")
              .where("annual_reports.state", "=", "published"),
          ),
          eb.exists(
            eb
              .selectFrom("area_mines")
              .innerJoin("mining_areas", "mining_areas.id", "area_mines.area_id")
              .select("area_mines.area_id")
              .whereRef("area_mines.mine_id", "=", "mines.id")
              .where("mining_areas.published", "=", true),
          ),
        ]),
      )
      .executeTakeFirst();
    return (
      r && {
        id: String(r.id),
        name: r.name,
        organisationId: String(r.organisation_id),
        regionCode: r.region_code,
      }
    );
  }
}
