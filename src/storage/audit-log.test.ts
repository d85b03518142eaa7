import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditEvent } from "../domain/access/audit-event.ts";
import { freshStore, STORE_KINDS } from "../../test/storage/stores.ts";
import {
  appendAuditEvent,
  auditHead,
  chainHash,
  GENESIS_HASH,
  listAuditEvents,
  recordDigest,
  verifyAuditChain,
  type AuditAppend,
} from "./audit-log.ts";
import type { Store } from "./open-database.ts";
import type { Database } from "./schema.ts";

// Enterprise A (org 11, Shuocheng district 140602) changes its area 5; enterprise B (org 12,
// Dongsheng 150602) its area 6; every third event is a sign-in of user 3.
const EVENT = (i: number): AuditAppend => {
  const a = i % 2 === 0;
  return i % 3 === 0
    ? {
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        who: {
          userId: "3",
          username: "demo-regulator",
          tokenId: null,
          organisationId: "10",
          roles: ["regulator"],
        },
        action: "auth.login",
        resource: { kind: "user", id: "3", organisationId: "10", regionCode: "140000" },
        outcome: "done",
        requestId: `req-${i}`,
        address: "127.0.0.1",
      }
    : {
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        who: {
          userId: a ? "1" : "2",
          username: a ? "demo-enterprise-a" : "demo-enterprise-b",
          tokenId: null,
          organisationId: a ? "11" : "12",
          roles: ["enterprise-editor"],
        },
        action: "area.update",
        resource: {
          kind: "area",
          id: a ? "5" : "6",
          organisationId: a ? "11" : "12",
          regionCode: a ? "140602" : "150602",
        },
        outcome: "done",
        before: { name: `area ${i - 1}` },
        after: { name: `area ${i}` },
        requestId: `req-${i}`,
        address: "10.0.0.7",
      };
};

async function appendEvents(db: Kysely<Database>, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) await db.transaction().execute((trx) => appendAuditEvent(trx, EVENT(i)));
}

/** Empties the trail (no protection is installed in these stores). */
async function resetTrail(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM audit_events`.execute(db);
  await sql`UPDATE audit_head SET seq = 0, hash = ${GENESIS_HASH}`.execute(db);
}

describe.each(STORE_KINDS)("the audit trail on %s", (kind) => {
  let store: Store;
  let drop: () => Promise<void>;
  let db: Kysely<Database>;
  beforeAll(async () => {
    ({ store, drop } = await freshStore(kind));
    db = store.db;
  });
  afterAll(() => drop());
  beforeEach(() => resetTrail(db));

  it("appendAuditEvent numbers events 1, 2, 3 …, links each to the one before and moves the head", async () => {
    await appendEvents(db, 1, 4);
    const { events } = await listAuditEvents(db, { kind: "everything" }, { order: "oldest-first" });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < 4; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    for (const e of events) expect(chainHash(e.prevHash, e)).toBe(e.hash);
    expect(await auditHead(db)).toEqual({ seq: 4, hash: events[3]!.hash });
    // The digests are of the records' canonical JSON; sign-ins have none.
    expect(events[0]!.afterDigest).toBe(recordDigest({ name: "area 1" }));
    expect(events[0]!.beforeDigest).toBe(recordDigest({ name: "area 0" }));
    expect(events[2]!.beforeDigest).toBeNull();
    expect(events[2]!.who.roles).toEqual(["regulator"]);
    expect(events[0]!.at.toISOString()).toBe("2026-01-01T00:00:01.000Z");
    expect(await verifyAuditChain(db)).toEqual({
      ok: true,
      events: 4,
      last: { seq: 4, hash: events[3]!.hash },
      head: { seq: 4, hash: events[3]!.hash },
    });
  });

  it("appendAuditEvent writes in the caller's transaction: a rolled-back change leaves no event", async () => {
    await appendEvents(db, 1, 2);
    const before = await auditHead(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, EVENT(3));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await auditHead(db)).toEqual(before);
    await appendEvents(db, 3, 3);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("appendAuditEvent refuses to run outside a transaction and refuses an event it could not read back", async () => {
    await expect(appendAuditEvent(db as never, EVENT(1))).rejects.toThrow(/inside the transaction/);
    await expect(
      db.transaction().execute((trx) => appendAuditEvent(trx, { ...EVENT(1), requestId: "req\u0000" })),
    ).rejects.toThrow(/requestId must not hold control characters/);
    expect(await auditHead(db)).toEqual({ seq: 0, hash: GENESIS_HASH });
  });

  it("20 transactions appending at once give one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          // Something of the change first, as a route would, then the event.
          await sql`SELECT count(*) FROM mining_areas`.execute(trx);
          return appendAuditEvent(trx, EVENT(i + 1));
        }),
      ),
    );
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(true);
    expect(report.events).toBe(20);
    const { events } = await listAuditEvents(db, { kind: "everything" }, { order: "oldest-first" });
    expect(new Set(events.map((e) => e.requestId)).size).toBe(20);
  });

  describe("verifyAuditChain detects tampering", () => {
    beforeEach(() => appendEvents(db, 1, 10));
    const brokenAt = async (o: Parameters<typeof verifyAuditChain>[1] = {}) =>
      (await verifyAuditChain(db, { batchSize: 3, ...o })).firstBroken;

    it("an edited field: the event's hash", async () => {
      await sql`UPDATE audit_events SET username = 'someone-else' WHERE seq = 5`.execute(db);
      expect(await brokenAt()).toMatchObject({ seq: 5, reason: "hash" });
    });

    it("an edited time, outcome, role list or digest: the event's hash", async () => {
      for (const edit of [
        sql`UPDATE audit_events SET at = at + interval '1 millisecond' WHERE seq = 7`,
        sql`UPDATE audit_events SET outcome = 'refused' WHERE seq = 7`,
        sql`UPDATE audit_events SET roles = '["administrator"]' WHERE seq = 7`,
        sql`UPDATE audit_events SET after_digest = ${"f".repeat(64)} WHERE seq = 7`,
      ]) {
        const saved = await db
          .selectFrom("audit_events")
          .selectAll()
          .where("seq", "=", "7")
          .executeTakeFirstOrThrow();
        await edit.execute(db);
        expect(await brokenAt()).toMatchObject({ seq: 7, reason: "hash" });
        await db.deleteFrom("audit_events").where("seq", "=", "7").execute();
        await db
          .insertInto("audit_events")
          .values({ ...saved, roles: JSON.stringify(saved.roles) })
          .execute();
        expect(await brokenAt()).toBeUndefined();
      }
    });

    it("a row edited out of the declared type: the hash, and listing it says which row does not fit", async () => {
      await sql`UPDATE audit_events SET resource_kind = 'planet' WHERE seq = 2`.execute(db);
      expect(await brokenAt()).toMatchObject({ seq: 2, reason: "hash" });
      expect((await brokenAt())!.detail).toMatch(
        /it was edited \(resource_kind "planet" is not a resource kind\)/,
      );
      await expect(listAuditEvents(db, { kind: "everything" })).rejects.toThrow(
        /stored audit_events row 2 does not fit its schema: resource_kind: "planet" is not a resource kind/,
      );
    });

    it("a deleted event: the gap it leaves; the last one deleted: the head", async () => {
      await sql`DELETE FROM audit_events WHERE seq = 4`.execute(db);
      expect(await brokenAt()).toMatchObject({ seq: 4, reason: "gap" });
      await sql`DELETE FROM audit_events WHERE seq >= 4`.execute(db);
      expect(await brokenAt()).toMatchObject({ seq: 4, reason: "head" });
    });

    it("a forged event inserted in the middle with a recomputed hash: the link after it", async () => {
      const e5 = (await listAuditEvents(db, { kind: "everything" }, { cursor: 6, limit: 1 })).events[0]!;
      expect(e5.seq).toBe(5);
      await sql`UPDATE audit_events SET seq = -(seq + 1) WHERE seq >= 6`.execute(db);
      await sql`UPDATE audit_events SET seq = -seq WHERE seq < 0`.execute(db);
      const forged: AuditEvent = {
        ...e5,
        seq: 6,
        who: { ...e5.who, username: "intruder" },
        beforeDigest: null,
        afterDigest: null,
      };
      const hash = chainHash(e5.hash, forged);
      await db
        .insertInto("audit_events")
        .values({
          seq: "6",
          at: forged.at,
          username: "intruder",
          roles: JSON.stringify(forged.who.roles),
          user_id: forged.who.userId,
          organisation_id: forged.who.organisationId,
          action: forged.action,
          resource_kind: forged.resource.kind,
          resource_id: forged.resource.id,
          resource_organisation_id: forged.resource.organisationId,
          resource_region_code: forged.resource.regionCode,
          outcome: forged.outcome,
          request_id: forged.requestId,
          address: forged.address,
          prev_hash: e5.hash,
          hash,
        })
        .execute();
      await sql`UPDATE audit_head SET seq = 11`.execute(db);
      expect(await brokenAt()).toMatchObject({ seq: 7, reason: "link" });
    });

    it("two events swapped: the link of the first", async () => {
      await sql`UPDATE audit_events SET seq = -3 WHERE seq = 3`.execute(db);
      await sql`UPDATE audit_events SET seq = 3 WHERE seq = 4`.execute(db);
      await sql`UPDATE audit_events SET seq = 4 WHERE seq = -3`.execute(db);
      expect(await brokenAt()).toMatchObject({ seq: 3, reason: "link" });
    });

    it("a head rolled back behind stored events: the head", async () => {
      const e8 = (await listAuditEvents(db, { kind: "everything" }, { cursor: 9, limit: 1 })).events[0]!;
      await sql`UPDATE audit_head SET seq = 8, hash = ${e8.hash}`.execute(db);
      expect(await brokenAt()).toMatchObject({ seq: 9, reason: "head" });
    });

    it("the tail cut off and the head rolled back: the head, against a head recorded earlier", async () => {
      const recorded = await auditHead(db);
      const e7 = (await listAuditEvents(db, { kind: "everything" }, { cursor: 8, limit: 1 })).events[0]!;
      await sql`DELETE FROM audit_events WHERE seq > 7`.execute(db);
      await sql`UPDATE audit_head SET seq = 7, hash = ${e7.hash}`.execute(db);
      // Consistent in itself: the chain alone cannot show it …
      expect(await brokenAt()).toBeUndefined();
      // … the head recorded outside the database does.
      const broken = await brokenAt({ anchors: [recorded] });
      expect(broken).toMatchObject({ seq: 8, reason: "head" });
      expect(broken!.detail).toMatch(/event 10 was recorded earlier, but the trail now ends at event 7/);
    });

    it("the trail rewritten from an event on, every hash recomputed: the anchor", async () => {
      const recorded = await auditHead(db);
      const events = (await listAuditEvents(db, { kind: "everything" }, { order: "oldest-first" })).events;
      let prev = events[5]!.hash;
      for (const e of events.slice(6)) {
        const edited: AuditEvent = { ...e, outcome: "refused" };
        const hash = chainHash(prev, edited);
        await sql`UPDATE audit_events SET outcome = 'refused', prev_hash = ${prev}, hash = ${hash} WHERE seq = ${String(e.seq)}`.execute(
          db,
        );
        prev = hash;
      }
      await sql`UPDATE audit_head SET hash = ${prev}`.execute(db);
      expect(await brokenAt()).toBeUndefined();
      expect(await brokenAt({ anchors: [recorded] })).toMatchObject({ seq: 10, reason: "anchor" });
    });
  });

  it("listAuditEvents shows what the scope may see, filtered, a page at a time", async () => {
    await appendEvents(db, 1, 12);
    const all = async (scope: Parameters<typeof listAuditEvents>[1], filter = {}) =>
      (await listAuditEvents(db, scope, { ...filter, limit: 1000 })).events.map((e) => e.seq);
    const some = (o: { organisationIds?: string[]; regionPrefixes?: string[]; userIds?: string[] }) =>
      ({
        kind: "some",
        organisationIds: o.organisationIds ?? [],
        regionPrefixes: o.regionPrefixes ?? [],
        assignedTo: [],
        published: false,
        userIds: o.userIds ?? [],
      }) as const;
    expect(await all({ kind: "everything" })).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await all({ kind: "nothing" })).toEqual([]);
    // A regulator of Shanxi (prefix 14) sees enterprise A's area and the sign-ins of its own department.
    expect(await all(some({ regionPrefixes: ["14"] }))).toEqual([12, 10, 9, 8, 6, 4, 3, 2]);
    // A regulator of Inner Mongolia sees enterprise B's area only.
    expect(await all(some({ regionPrefixes: ["15"] }))).toEqual([11, 7, 5, 1]);
    expect(await all(some({ organisationIds: ["12"] }))).toEqual([11, 7, 5, 1]);
    expect(await all(some({ userIds: ["3"] }))).toEqual([12, 9, 6, 3]);
    // Published or assigned criteria match no audit event.
    expect(await all({ ...some({}), published: true, assignedTo: ["99"] })).toEqual([]);
    // Filters.
    expect(await all({ kind: "everything" }, { resource: { kind: "area", id: "5" } })).toEqual([10, 8, 4, 2]);
    expect(await all({ kind: "everything" }, { action: "auth.login" })).toEqual([12, 9, 6, 3]);
    expect(await all({ kind: "everything" }, { username: "demo-enterprise-b" })).toEqual([11, 7, 5, 1]);
    expect(await all({ kind: "everything" }, { organisationId: "11" })).toEqual([10, 8, 4, 2]);
    expect(
      await all(
        { kind: "everything" },
        { since: new Date(Date.UTC(2026, 0, 1, 0, 0, 4)), until: new Date(Date.UTC(2026, 0, 1, 0, 0, 6)) },
      ),
    ).toEqual([5, 4]);
    // A filter cannot widen the scope.
    expect(await all(some({ regionPrefixes: ["15"] }), { resource: { kind: "area", id: "5" } })).toEqual([]);
    // Pages: newest first and oldest first, every event once.
    for (const order of ["newest-first", "oldest-first"] as const) {
      const seen: number[] = [];
      let cursor: number | undefined;
      for (;;) {
        const page = await listAuditEvents(
          db,
          { kind: "everything" },
          { order, limit: 5, ...(cursor ? { cursor } : {}) },
        );
        seen.push(...page.events.map((e) => e.seq));
        if (page.next === null) break;
        cursor = page.next;
      }
      expect(seen).toEqual(
        order === "newest-first"
          ? [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
          : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      );
    }
    await expect(listAuditEvents(db, { kind: "everything" }, { limit: 1001 })).rejects.toThrow(
      /limit must be/,
    );
  });
});
