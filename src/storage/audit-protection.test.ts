import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStore, STORE_KINDS } from "../../test/storage/stores.ts";
import { appendAuditEvent, auditHead, verifyAuditChain, type AuditAppend } from "./audit-log.ts";
import { auditProtectionProblems, protectAuditTrail } from "./audit-protection.ts";
import type { Database } from "./schema.ts";

const EVENT: AuditAppend = {
  who: {
    userId: "1",
    username: "demo-enterprise-a",
    tokenId: null,
    organisationId: "11",
    roles: ["enterprise-editor"],
  },
  action: "area.update",
  resource: { kind: "area", id: "5", organisationId: "11", regionCode: "140602" },
  outcome: "done",
  before: { name: "a" },
  after: { name: "b" },
  requestId: "req-1",
  address: "10.0.0.7",
};

// PostgreSQL only (with MINECARBON_REQUIRE_POSTGRES=1, as in CI, it must run): PGlite has one
// user and gets no protection.
describe.skipIf(!STORE_KINDS.includes("postgres"))("protectAuditTrail on PostgreSQL", () => {
  const appRole = `mc_app_test_${randomBytes(5).toString("hex")}`;
  let db: Kysely<Database>;
  let drop: () => Promise<void>;
  /** Runs `f` on one connection acting as the application role. */
  const asApp = <T>(f: (conn: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.connection().execute(async (conn) => {
      await sql`SET ROLE ${sql.id(appRole)}`.execute(conn);
      try {
        return await f(conn);
      } finally {
        await sql`RESET ROLE`.execute(conn);
      }
    });
  const append = (k: Kysely<Database>) => k.transaction().execute((trx) => appendAuditEvent(trx, EVENT));

  beforeAll(async () => {
    const fresh = await freshStore("postgres");
    db = fresh.store.db;
    drop = fresh.drop;
    // A careless set-up: the application role got every table privilege.
    await sql`CREATE ROLE ${sql.id(appRole)} NOLOGIN NOSUPERUSER`.execute(db);
    await sql`GRANT USAGE ON SCHEMA public TO ${sql.id(appRole)}`.execute(db);
    await sql`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${sql.id(appRole)}`.execute(db);
    await append(db);
  });
  afterAll(async () => {
    await drop();
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${appRole}`);
    await c.end();
  });

  it("auditProtectionProblems(db, role) names what lets the role change the trail, until protectAuditTrail", async () => {
    const before = await auditProtectionProblems(db, appRole);
    expect(before).toEqual(
      expect.arrayContaining([
        `the role "${appRole}" may UPDATE audit_events: run protectAuditTrail`,
        `the role "${appRole}" may DELETE audit_events: run protectAuditTrail`,
        `the role "${appRole}" may TRUNCATE audit_events: run protectAuditTrail`,
        "the trigger audit_events_append_only is missing: run protectAuditTrail",
      ]),
    );
    await protectAuditTrail(db, appRole);
    await protectAuditTrail(db, appRole); // idempotent
    expect(await auditProtectionProblems(db, appRole)).toEqual([]);
    // The superuser the tests connect as is no application role.
    const who = (await sql<{ u: string }>`SELECT current_user AS u`.execute(db)).rows[0]!.u;
    expect((await auditProtectionProblems(db, who)).join("\n")).toMatch(
      /is a superuser[\s\S]*owns audit_events/,
    );
    expect(await auditProtectionProblems(db, "no_such_role_x")).toEqual([
      'the role "no_such_role_x" does not exist',
    ]);
  });

  it("the application role appends and reads, but cannot update, delete or truncate events, nor move the head", async () => {
    await protectAuditTrail(db, appRole);
    const e = await asApp((conn) => append(conn));
    expect(e.seq).toBeGreaterThan(1);
    await asApp(async (conn) => {
      for (const statement of [
        sql`UPDATE audit_events SET username = 'x' WHERE seq = 1`,
        sql`DELETE FROM audit_events WHERE seq = 1`,
        sql`TRUNCATE audit_events`,
        sql`DELETE FROM audit_head`,
      ])
        await expect(statement.execute(conn)).rejects.toThrow(/permission denied/);
      await expect(sql`UPDATE audit_head SET seq = 0`.execute(conn)).rejects.toThrow(
        /audit_head only moves forward/,
      );
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("the triggers refuse the tables' owner too, and an event not linked to the head", async () => {
    await protectAuditTrail(db, appRole);
    for (const statement of [
      sql`UPDATE audit_events SET username = 'x' WHERE seq = 1`,
      sql`DELETE FROM audit_events WHERE seq = 1`,
      sql`TRUNCATE audit_events`,
    ])
      await expect(statement.execute(db)).rejects.toThrow(/the audit trail is append-only/);
    await expect(sql`TRUNCATE audit_head`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_head SET seq = seq - 1`.execute(db)).rejects.toThrow(/only moves forward/);
    const head = await auditHead(db);
    // A forged event in the middle, even with a correct hash for its place.
    const e = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("seq", "=", "1")
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto("audit_events")
        .values({ ...e, seq: String(head.seq + 5), roles: JSON.stringify(e.roles) })
        .execute(),
    ).rejects.toThrow(/appended after the head/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("the checks see the whole trail even when row-level security hides it from the role appending", async () => {
    await protectAuditTrail(db, appRole);
    // As the integration's RLS may: the role may append any event but read none.
    await sql`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY audit_append ON audit_events FOR INSERT TO ${sql.id(appRole)} WITH CHECK (true)`.execute(
      db,
    );
    try {
      const e = await asApp((conn) => append(conn));
      expect(await asApp((conn) => conn.selectFrom("audit_events").select("seq").execute())).toEqual([]);
      expect(await auditHead(db)).toEqual({ seq: e.seq, hash: e.hash });
    } finally {
      await sql`DROP POLICY audit_append ON audit_events`.execute(db);
      await sql`ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY`.execute(db);
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("an owner who drops the triggers can edit a row, and audit verify finds it", async () => {
    await protectAuditTrail(db, appRole);
    await sql`DROP TRIGGER audit_events_append_only ON audit_events`.execute(db);
    expect(await auditProtectionProblems(db, appRole)).toEqual([
      "the trigger audit_events_append_only is missing: run protectAuditTrail",
    ]);
    await sql`UPDATE audit_events SET outcome = 'refused' WHERE seq = 1`.execute(db);
    expect((await verifyAuditChain(db)).firstBroken).toMatchObject({ seq: 1, reason: "hash" });
  });
});
