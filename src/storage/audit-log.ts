import { createHash } from "node:crypto";
import { type Expression, type Kysely, type Selectable, type SqlBool, type Transaction } from "kysely";
import {
  AUDIT_OUTCOMES,
  auditEvent,
  canonicalAuditEvent,
  digestOf,
  isAuditAction,
  isAuditRecordKind,
  type AuditEvent,
  type AuditEventInput,
  type AuditOutcome,
  type AuditRecordKind,
} from "../domain/access/audit-event.ts";
import type { QueryScope } from "../domain/access/policy.ts";
import { isRoleId } from "../domain/access/roles.ts";
import { StoredRowInvalid } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** The hash before the first event (audit_head's value in an empty trail, migration 003). */
export const GENESIS_HASH = "0".repeat(64);

/** An event as stored: its place in the chain, the previous event's hash and its own. */
export interface ChainedAuditEvent extends AuditEvent {
  readonly prevHash: string;
  readonly hash: string;
}

/** What a caller appends: the event without its number; `before`/`after` are records, digested here. */
export interface AuditAppend extends Omit<AuditEventInput, "at" | "beforeDigest" | "afterDigest"> {
  /** When it happened; when omitted, the moment the event takes its place in the chain. */
  readonly at?: Date;
  /** The record before the change; null or omitted where there was none. */
  readonly before?: unknown;
  /** The record after the change; null or omitted where there is none. */
  readonly after?: unknown;
}

const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** SHA-256 (hex) of a record's canonical JSON (`digestOf`); null for no record. */
export const recordDigest = (value: unknown): string | null =>
  value === null || value === undefined ? null : sha256Hex(digestOf(value));

/** An event's hash: SHA-256 of the previous event's hash (64 hex digits) followed by the canonical event. */
export const chainHash = (prevHash: string, e: AuditEvent): string =>
  sha256Hex(prevHash + canonicalAuditEvent(e));

/**
 * Appends one event to the trail inside the caller's transaction, so that the event and the change
 * it records commit or roll back together. The head row is locked (SELECT … FOR UPDATE) until the
 * transaction ends: appends are serialised and the chain never forks. Append last in a transaction,
 * since every other writer waits for that lock; under REPEATABLE READ or SERIALIZABLE a concurrent
 * append makes PostgreSQL refuse the lock (a serialisation failure to retry), so writers use the
 * default READ COMMITTED.
 */
export async function appendAuditEvent(
  trx: Transaction<Database>,
  input: AuditAppend,
): Promise<ChainedAuditEvent> {
  if (!trx.isTransaction)
    throw new TypeError("appendAuditEvent must run inside the transaction of the change");
  const { before, after, at, ...rest } = input;
  const checked = auditEvent({
    ...rest,
    at: at ?? new Date(),
    beforeDigest: recordDigest(before),
    afterDigest: recordDigest(after),
  });
  const head = await trx
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Without a time given, the time it takes its place: times then follow seq on one server's clock.
  const event: AuditEvent = { seq: Number(head.seq) + 1, ...checked, ...(at ? {} : { at: new Date() }) };
  const hash = chainHash(head.hash, event);
  await trx
    .insertInto("audit_events")
    .values({ ...columnsOf(event), prev_hash: head.hash, hash })
    .execute();
  await trx
    .updateTable("audit_head")
    .set({ seq: String(event.seq), hash })
    .where("id", "=", 1)
    .execute();
  return { ...event, prevHash: head.hash, hash };
}

function columnsOf(e: AuditEvent) {
  return {
    seq: String(e.seq),
    at: e.at,
    user_id: e.who.userId,
    username: e.who.username,
    token_id: e.who.tokenId,
    organisation_id: e.who.organisationId,
    roles: JSON.stringify(e.who.roles),
    action: e.action,
    resource_kind: e.resource.kind,
    resource_id: e.resource.id,
    resource_organisation_id: e.resource.organisationId,
    resource_region_code: e.resource.regionCode,
    outcome: e.outcome,
    before_digest: e.beforeDigest,
    after_digest: e.afterDigest,
    request_id: e.requestId,
    address: e.address,
  };
}

type Row = Selectable<Database["audit_events"]>;
const idText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The event a row holds, exactly as stored (what the hash is recomputed from); `problem` names
 * what does not fit the declared type, which only an edit of the table can cause.
 */
function eventOfRow(r: Row): {
  event: ChainedAuditEvent;
  problem: { column: string; message: string } | null;
} {
  const roles = r.roles;
  let problem: { column: string; message: string } | null = null;
  if (!Array.isArray(roles) || !roles.every((x) => typeof x === "string" && isRoleId(x)))
    problem = { column: "roles", message: `must be a list of role ids; got ${JSON.stringify(roles)}` };
  else if (!isAuditAction(r.action))
    problem = { column: "action", message: `"${r.action}" is not an action id or an auth action` };
  else if (!(AUDIT_OUTCOMES as readonly string[]).includes(r.outcome))
    problem = { column: "outcome", message: `"${r.outcome}" is not one of ${AUDIT_OUTCOMES.join(", ")}` };
  else if (!isAuditRecordKind(r.resource_kind))
    problem = { column: "resource_kind", message: `"${r.resource_kind}" is not a resource kind` };
  const event = {
    seq: Number(r.seq),
    at: new Date(r.at),
    who: {
      userId: idText(r.user_id),
      username: r.username,
      tokenId: idText(r.token_id),
      organisationId: idText(r.organisation_id),
      roles,
    },
    action: r.action,
    resource: {
      kind: r.resource_kind,
      id: r.resource_id,
      organisationId: idText(r.resource_organisation_id),
      regionCode: r.resource_region_code,
    },
    outcome: r.outcome,
    beforeDigest: r.before_digest,
    afterDigest: r.after_digest,
    requestId: r.request_id,
    address: r.address,
    prevHash: r.prev_hash,
    hash: r.hash,
  } as ChainedAuditEvent; // checked just above; a misfit is reported, and then hashes as stored
  return { event, problem };
}

/** Why the chain is broken at an event. */
export type AuditBreak =
  /** The event's content does not give its stored hash: it was edited. */
  | "hash"
  /** The event's prev_hash is not the previous event's hash: events were inserted, removed or reordered. */
  | "link"
  /** Numbers are missing before the event: events were deleted. */
  | "gap"
  /** audit_head does not name the last event, or the trail ends before a head seen earlier (an anchor): its end was cut off. */
  | "head"
  /** An earlier recorded head (an anchor) is no longer in the chain: the trail was rewritten from there on. */
  | "anchor";

/** A head recorded earlier (printed by `audit verify`), which the chain must still contain. */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
}

export interface AuditChainReport {
  readonly ok: boolean;
  /** Events read. */
  readonly events: number;
  /** The last event's number and hash (seq 0 and GENESIS_HASH for an empty trail). */
  readonly last: AuditAnchor;
  /** What audit_head says. */
  readonly head: AuditAnchor | null;
  readonly firstBroken?: { readonly seq: number; readonly reason: AuditBreak; readonly detail: string };
}

/**
 * Checks the whole trail in order: numbers without gaps from 1, each event linked to the one
 * before, each hash recomputed from the stored content, audit_head naming the last event, and each
 * anchor (a head recorded earlier, outside the database) still in the chain. Reads in batches of
 * `batchSize` within one snapshot (REPEATABLE READ), so appends while it runs do not disturb it
 * and the trail's size does not matter. Stops at the first break.
 *
 * A hash chain shows edits, deletions, insertions and reordering to anyone who re-reads it. One who
 * can write every row can also recompute every hash after a point, or cut the tail off and roll the
 * head back; only an anchor kept elsewhere shows that (the `--witness` file of `audit verify`).
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  o: { batchSize?: number; anchors?: readonly AuditAnchor[] } = {},
): Promise<AuditChainReport> {
  const batchSize = o.batchSize ?? 2000;
  const anchors = new Map((o.anchors ?? []).map((a) => [a.seq, a.hash]));
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const headRow = await trx
        .selectFrom("audit_head")
        .select(["seq", "hash"])
        .where("id", "=", 1)
        .executeTakeFirst();
      const head = headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : null;
      let last: AuditAnchor = { seq: 0, hash: GENESIS_HASH };
      let events = 0;
      const broken = (seq: number, reason: AuditBreak, detail: string): AuditChainReport => ({
        ok: false,
        events,
        last,
        head,
        firstBroken: { seq, reason, detail },
      });
      for (;;) {
        const rows = await trx
          .selectFrom("audit_events")
          .selectAll()
          .where("seq", ">", String(last.seq))
          .orderBy("seq")
          .limit(batchSize)
          .execute();
        for (const row of rows) {
          const { event: e, problem } = eventOfRow(row);
          events++;
          if (e.seq !== last.seq + 1)
            return broken(
              last.seq + 1,
              "gap",
              `events ${last.seq + 1}${e.seq - 1 > last.seq + 1 ? ` to ${e.seq - 1}` : ""} are missing (the next stored is ${e.seq}): they were deleted`,
            );
          if (e.prevHash !== last.hash)
            return broken(
              e.seq,
              "link",
              `event ${e.seq} names ${e.prevHash.slice(0, 12)}… as the hash before it, but event ${last.seq} has ${last.hash.slice(0, 12)}…: events were inserted, removed or reordered here`,
            );
          const hash = chainHash(e.prevHash, e);
          if (hash !== e.hash)
            return broken(
              e.seq,
              "hash",
              `event ${e.seq}'s content gives hash ${hash.slice(0, 12)}…, not the stored ${e.hash.slice(0, 12)}…: it was edited${problem ? ` (${problem.column} ${problem.message})` : ""}`,
            );
          const anchored = anchors.get(e.seq);
          if (anchored !== undefined && anchored !== e.hash)
            return broken(
              e.seq,
              "anchor",
              `event ${e.seq} was recorded with hash ${anchored.slice(0, 12)}… and now has ${e.hash.slice(0, 12)}…: the trail was rewritten from here on`,
            );
          last = { seq: e.seq, hash: e.hash };
        }
        if (rows.length < batchSize) break;
      }
      if (!head) return broken(last.seq + 1, "head", "audit_head has no row: it was deleted");
      if (head.seq !== last.seq || head.hash !== last.hash)
        return broken(
          Math.min(head.seq, last.seq) + 1,
          "head",
          head.seq < last.seq
            ? `audit_head says the trail ends at event ${head.seq}, but events up to ${last.seq} are stored: the head was rolled back`
            : `audit_head names event ${head.seq} (${head.hash.slice(0, 12)}…), but the trail ends at event ${last.seq} (${last.hash.slice(0, 12)}…): events were removed from the end`,
        );
      const beyond = [...anchors.keys()].filter((s) => s > last.seq).sort((a, b) => a - b)[0];
      if (beyond !== undefined)
        return broken(
          last.seq + 1,
          "head",
          `event ${beyond} was recorded earlier, but the trail now ends at event ${last.seq}: its end was cut off and the head rolled back`,
        );
      return { ok: true, events, last, head };
    });
}

/** Most events one page of `listAuditEvents` returns. */
export const AUDIT_PAGE_MAX = 1000;

export interface AuditFilter {
  /** Events at or after this time. */
  readonly since?: Date;
  /** Events before this time. */
  readonly until?: Date;
  /** Events by this user (for a token: the user who created it). */
  readonly userId?: string;
  readonly username?: string;
  /** Events of this organisation: the actor's or the resource's. */
  readonly organisationId?: string;
  readonly action?: string;
  /** Events on this resource (all of its kind when `id` is omitted): a record's timeline. */
  readonly resource?: { readonly kind: AuditRecordKind; readonly id?: string };
  /**
   * Events on any of these records, beside `resource` (an area's timeline: the area and the maps,
   * analyses, inventories and reports it holds).
   */
  readonly alsoRecords?: readonly { readonly kind: AuditRecordKind; readonly ids: readonly string[] }[];
  readonly outcome?: AuditOutcome;
  /** newest-first (the default) or oldest-first (a timeline). */
  readonly order?: "newest-first" | "oldest-first";
  /** The `next` of the previous page. */
  readonly cursor?: number;
  /** 1 to AUDIT_PAGE_MAX; 100 when omitted. */
  readonly limit?: number;
}

/**
 * A page of the trail that `scope` (the policy's `queryScope(actor, "audit.read")`) may see, by
 * the resource's organisation or region (a regulator sees events on what lies in its jurisdiction),
 * filtered; `next` is the cursor of the following page, null at the end. Keyset pagination by seq:
 * pages stay right while events are appended.
 */
export async function listAuditEvents(
  db: Kysely<Database>,
  scope: QueryScope,
  filter: AuditFilter = {},
): Promise<{ events: ChainedAuditEvent[]; next: number | null }> {
  const limit = filter.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX)
    throw new RangeError(`limit must be a whole number 1 to ${AUDIT_PAGE_MAX}; got ${limit}`);
  if (scope.kind === "nothing") return { events: [], next: null };
  const newestFirst = (filter.order ?? "newest-first") === "newest-first";
  let q = db.selectFrom("audit_events").selectAll();
  if (scope.kind === "some") {
    const { organisationIds, regionPrefixes, userIds } = scope;
    // Audit events are never published nor assigned to a verifier: those criteria match nothing.
    if (organisationIds.length + regionPrefixes.length + userIds.length === 0)
      return { events: [], next: null };
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = [];
      if (organisationIds.length) any.push(eb("resource_organisation_id", "in", [...organisationIds]));
      for (const p of regionPrefixes) any.push(eb("resource_region_code", "like", `${p}%`));
      if (userIds.length) any.push(eb("user_id", "in", [...userIds]));
      return eb.or(any);
    });
  }
  if (filter.since) q = q.where("at", ">=", filter.since);
  if (filter.until) q = q.where("at", "<", filter.until);
  if (filter.userId !== undefined) q = q.where("user_id", "=", filter.userId);
  if (filter.username !== undefined) q = q.where("username", "=", filter.username);
  if (filter.organisationId !== undefined) {
    const id = filter.organisationId;
    q = q.where((eb) => eb.or([eb("organisation_id", "=", id), eb("resource_organisation_id", "=", id)]));
  }
  if (filter.action !== undefined) q = q.where("action", "=", filter.action);
  if (filter.outcome !== undefined) q = q.where("outcome", "=", filter.outcome);
  if (filter.resource) {
    const { kind, id } = filter.resource;
    const also = (filter.alsoRecords ?? []).filter((r) => r.ids.length > 0);
    q = q.where((eb) =>
      eb.or([
        eb.and([eb("resource_kind", "=", kind), ...(id !== undefined ? [eb("resource_id", "=", id)] : [])]),
        ...also.map((r) => eb.and([eb("resource_kind", "=", r.kind), eb("resource_id", "in", [...r.ids])])),
      ]),
    );
  }
  if (filter.cursor !== undefined) q = q.where("seq", newestFirst ? "<" : ">", String(filter.cursor));
  const rows = await q
    .orderBy("seq", newestFirst ? "desc" : "asc")
    .limit(limit + 1)
    .execute();
  const events = rows.slice(0, limit).map((r) => {
    const { event, problem } = eventOfRow(r);
    if (problem)
      throw new StoredRowInvalid("audit_events", String(event.seq), problem.column, [
        { path: "", message: problem.message },
      ]);
    return event;
  });
  return { events, next: rows.length > limit ? events.at(-1)!.seq : null };
}

/** The head of the trail: the last event's number and hash. */
export async function auditHead(db: Kysely<Database>): Promise<AuditAnchor> {
  const r = await db
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(r.seq), hash: r.hash };
}
