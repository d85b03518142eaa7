import { sql, type Kysely, type Selectable } from "kysely";
import { inboxTextSchema, type InboxMessage, type InboxMessageInput } from "../contract/inbox.ts";
import type { Database } from "./schema.ts";
import { parseStored } from "./parse-stored.ts";

/** Most messages one page of `list` returns. */
export const INBOX_PAGE_MAX = 200;

const toMessage = (r: Selectable<Database["inbox_messages"]>): InboxMessage => ({
  id: String(r.id),
  kind: r.kind,
  subject: { kind: r.subject_kind, id: r.subject_id },
  text: parseStored(inboxTextSchema, r.message, {
    table: "inbox_messages",
    id: String(r.id),
    column: "message",
  }),
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
});

/**
 * Each user's inbox (issue 13): state changes, deadlines coming up, new flags, replies. Anyone's
 * change may notify others (the row-level policy lets any scope append, as with the audit trail);
 * a user reads and marks only their own messages. A message with a `key` is sent once per user
 * (a deadline's reminder, whoever runs the check first).
 */
export class InboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Sends the messages (in the caller's transaction, with the change they tell of). */
  async send(messages: readonly InboxMessageInput[]): Promise<void> {
    if (messages.length === 0) return;
    // Checked here too: a message the reader could not render is a programming error, not input.
    for (const m of messages) inboxTextSchema.parse(m.text);
    // No RETURNING and no ON CONFLICT: a sender may append a message it cannot read (row-level
    // security), and both would read it. A keyed message is sent once through the owner's function
    // (migration 9), which checks the key where the sender cannot look.
    const plain = messages.filter((m) => m.key === undefined);
    if (plain.length > 0)
      await this.db
        .insertInto("inbox_messages")
        .values(
          plain.map((m) => ({
            user_id: m.userId,
            kind: m.kind,
            subject_kind: m.subject.kind,
            subject_id: m.subject.id,
            message: JSON.stringify(m.text),
          })),
        )
        .execute();
    for (const m of messages)
      if (m.key !== undefined)
        await sql`SELECT minecarbon_inbox_send_once(${m.userId}::bigint, ${m.kind}, ${m.subject.kind}, ${m.subject.id}, ${JSON.stringify(m.text)}::jsonb, ${m.key})`.execute(
          this.db,
        );
  }

  /** A user's messages, newest first; `before`: ids below it (the next page). */
  async list(
    userId: string,
    o: { unreadOnly?: boolean; before?: string; limit?: number } = {},
  ): Promise<{ items: InboxMessage[]; next: string | null; unread: number }> {
    const limit = o.limit ?? 50;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > INBOX_PAGE_MAX)
      throw new RangeError(`limit must be a whole number 1 to ${INBOX_PAGE_MAX}; got ${limit}`);
    let q = this.db.selectFrom("inbox_messages").selectAll().where("user_id", "=", userId);
    if (o.unreadOnly) q = q.where("read_at", "is", null);
    if (o.before !== undefined) q = q.where("id", "<", o.before);
    const rows = await q
      .orderBy("id", "desc")
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map(toMessage);
    const unread = await this.db
      .selectFrom("inbox_messages")
      .select(sql<string>`count(*)`.as("n"))
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();
    return { items, next: rows.length > limit ? items.at(-1)!.id : null, unread: Number(unread.n) };
  }

  /** Marks a user's messages read (all of them when `ids` is omitted); returns how many changed. */
  async markRead(userId: string, ids?: readonly string[]): Promise<number> {
    if (ids !== undefined && ids.length === 0) return 0;
    let q = this.db
      .updateTable("inbox_messages")
      .set({ read_at: new Date() })
      .where("user_id", "=", userId)
      .where("read_at", "is", null);
    if (ids !== undefined) q = q.where("id", "in", ids);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
