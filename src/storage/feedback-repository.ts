import { sql, type Kysely, type Selectable } from "kysely";
import type { QueryScope } from "../domain/access/policy.ts";
import type { Database } from "./schema.ts";
import { scopeWhere } from "./scope-filter.ts";

/** A message sent through the public portal. */
export interface Feedback {
  readonly id: string;
  readonly areaId: string | null;
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
  "id" | "area_id" | "organisation_id" | "region_code" | "name" | "contact" | "message" | "address" | "created_at"
>;

const toFeedback = (r: FeedbackRow): Feedback => ({
  id: String(r.id),
  areaId: r.area_id === null ? null : String(r.area_id),
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
      organisation_id: input.organisationId,
      region_code: input.regionCode,
      name: input.name,
      contact: input.contact,
      message: input.message,
      address: input.address,
      created_at: now,
    };
    await this.db.insertInto("feedback").values(row).execute();
    return toFeedback(row);
  }

  /** The messages `scope` lets the actor read, newest first; `before`: ids below it (the next page). */
  async list(
    scope: QueryScope,
    o: { areaId?: string; before?: string; limit?: number } = {},
  ): Promise<{ items: Feedback[]; next: string | null }> {
    const limit = o.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > FEEDBACK_PAGE_MAX)
      throw new RangeError(`limit must be a whole number 1 to ${FEEDBACK_PAGE_MAX}; got ${limit}`);
    let q = this.db
      .selectFrom("feedback")
      .selectAll()
      .where(scopeWhere(scope, { organisation: "feedback.organisation_id", region: "feedback.region_code" }));
    if (o.areaId !== undefined) q = q.where("area_id", "=", o.areaId);
    if (o.before !== undefined) q = q.where("id", "<", o.before);
    const rows = await q
      .orderBy("id", "desc")
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map(toFeedback);
    return { items, next: rows.length > limit ? items.at(-1)!.id : null };
  }
}
